import { expect, test, type Page } from '@playwright/test';
import { audioTime, CLIP, lines, openClip, showSingleLanguage, startOf, wordsOf } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Who a synthesized narration's lines are by (rule 5 of the content brief). */
const NARRATOR = 'Narrator of the edition';
/** The fixture clip that stands for a real recording (not labelled synthesized). */
const RECORDED = 'test-interview';

test('a real recording’s line is quoted as its speaker’s, else as the witness’s', async ({
	page
}) => {
	await openClip(page, RECORDED);
	const quote = page.getByTestId('quote');
	const copyQuote = async () => {
		await quote.getByRole('button', { name: 'Copy quotation' }).click();
		return page.evaluate(() => navigator.clipboard.readText());
	};
	// c1 names its speaker (<v Narrator>): the recording's own speaker, in the witness's recording.
	await page.locator('.entry').nth(0).getByRole('link').click();
	const first = await copyQuote();
	expect(first).toMatch(/^Narrator: This clip belongs to the test fixtures/);
	expect(first).toContain(
		'— Narrator (in the recording of Test Witness), “A test interview”, 0:00–'
	);
	expect(first).not.toContain('synthesized');
	// c4 names no speaker: the witness's words.
	await page.locator('.entry').nth(3).getByRole('link').click();
	await expect(quote.locator('.speaker')).toHaveCount(0);
	expect(await copyQuote()).toMatch(
		/^Its four lines are enough.*\n\n— Test Witness, “A test interview”, /s
	);
	await expect(quote.locator('.citation')).toContainText('Test Witness, “A test interview”');
	// The system's media controls name the witness as the artist.
	await expect.poll(() => mediaArtist(page)).toBe('Test Witness');
	// So does a printout of the whole transcript.
	await quote.getByRole('button', { name: 'Clear selection' }).click();
	await expect(page.locator('p.print-only')).toContainText(
		'Test Witness, “A test interview”, 0:00–'
	);
});

test('the media controls name the narrator of a narration, with the witness as subject', async ({
	page
}) => {
	await openClip(page);
	await expect
		.poll(() => mediaArtist(page))
		.toBe(`${NARRATOR} (synthesized narration; subject: Antanas Petrikonis)`);
	await expect(page.locator('p.print-only')).toContainText(
		`${NARRATOR} (synthesized narration; subject: Antanas Petrikonis), “The Kengir`
	);
});

/** What the operating system's media controls show as the artist. */
const mediaArtist = (page: Page) =>
	page.evaluate(() => navigator.mediaSession.metadata?.artist ?? null);

test('three selected lines are cited exactly, and their link replays just that passage', async ({
	page,
	context
}) => {
	await openClip(page);
	await showSingleLanguage(page, /lietuvių/i);
	const first = lines(page).nth(4);
	const third = lines(page).nth(6);
	const texts = await Promise.all([4, 5, 6].map((i) => wordsOf(lines(page).nth(i))));
	const start = await startOf(first);
	const end = Number(await third.getAttribute('data-end'));

	// Click the first line (which plays), then Shift+click the third to select all three.
	await first.click();
	await page.evaluate(() => document.querySelector('audio')!.pause());
	await third.click({ modifiers: ['Shift'] });
	const quote = page.getByTestId('quote');
	await expect(quote).toBeVisible();
	await expect(page.locator('.entry.selected')).toHaveCount(3);
	await expect(page.getByTestId('waveform-passage')).toBeVisible();

	await quote.getByRole('button', { name: 'Copy quotation' }).click();
	await expect(quote.getByRole('status')).toHaveText('Copied to the clipboard.');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	// The exact words, Lithuanian letters and all, in order, under their speaker, the narrator.
	expect(copied).toContain(`Pasakotojas: ${texts.join(' ')}`);
	// A narrated line is the edition's narrator's: the witness is its subject, not its author.
	expect(copied).toContain(
		`— ${NARRATOR} (synthesized narration; subject: Antanas Petrikonis), “The Kengir uprising put down”, `
	);
	expect(copied).not.toContain('— Antanas Petrikonis');
	const clock = (t: number) =>
		`${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;
	expect(copied).toContain(`${clock(start)}–`);
	expect(copied).toContain('INED Éditions, Sound Archives: European Memories of the Gulag');
	const match = /(http\S+#t=([\d.]+),([\d.]+)&lang=lt)/.exec(copied);
	expect(match).not.toBeNull();
	const url = match as RegExpExecArray & [string, string, string, string];
	expect(Number(url[2])).toBeCloseTo(start, 0);
	expect(Number(url[3])).toBeCloseTo(end, 0);
	expect(url[1]).toContain(`/clips/${CLIP}`);

	// Opening the link marks the passage, puts the audio at its start and stops at its end.
	const visitor = await context.newPage();
	await visitor.goto(url[1]);
	await expect(visitor.getByTestId('quote')).toBeVisible();
	await expect(visitor.getByTestId('quote').locator('.citation')).toContainText(
		`${NARRATOR} (synthesized narration; subject: Antanas Petrikonis), “The Kengir`
	);
	await expect(visitor.locator('.entry.selected')).toHaveCount(3);
	await expect.poll(() => audioTime(visitor)).toBeCloseTo(Number(url[2]), 1);
	await visitor.getByRole('button', { name: 'Play passage' }).click();
	await expect
		.poll(() => visitor.evaluate(() => document.querySelector('audio')!.paused), {
			timeout: 30_000
		})
		.toBe(true);
	const stoppedAt = await audioTime(visitor);
	expect(stoppedAt).toBeGreaterThanOrEqual(Number(url[3]) - 0.05);
	expect(stoppedAt).toBeLessThan(Number(url[3]) + 0.5);
});

test('copying as Markdown and the link alone keep the exact characters', async ({ page }) => {
	await openClip(page, 'yarynich-escape');
	await showSingleLanguage(page, /українська/i);
	const line = lines(page).nth(2);
	const text = await wordsOf(line);
	await page.locator('.entry').nth(2).getByRole('link').click();
	const quote = page.getByTestId('quote');
	await quote.getByRole('button', { name: 'Copy as Markdown' }).click();
	const markdown = await page.evaluate(() => navigator.clipboard.readText());
	expect(markdown).toContain(`> **Оповідач:** ${text}`);
	expect(markdown).toContain(`— ${NARRATOR} (synthesized narration; subject: Orest Yarynich)`);
	await quote.getByRole('button', { name: 'Copy link' }).click();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/\/clips\/yarynich-escape#t=[\d.]+,[\d.]+&lang=uk$/);
});

test('a translated passage is quoted with its original alongside', async ({ page }) => {
	await openClip(page);
	await showSingleLanguage(page, /English/);
	await page.locator('.entry').nth(3).getByRole('link').click();
	const quote = page.getByTestId('quote');
	await expect(quote.locator('blockquote[lang="en"]')).toBeVisible();
	await expect(quote.locator('blockquote[lang="lt"]')).toBeVisible();
});

test('keyboard: Shift+arrows select lines and Escape clears them', async ({ page }) => {
	await openClip(page);
	await showSingleLanguage(page);
	await lines(page).nth(1).focus();
	await page.keyboard.press('Shift+ArrowDown');
	await page.keyboard.press('Shift+ArrowDown');
	await expect(page.locator('.entry.selected')).toHaveCount(3);
	await expect(page.getByTestId('quote')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('quote')).toBeHidden();
});

test('a malformed or out-of-range link shows a gentle notice, not an error', async ({ page }) => {
	await page.goto(`/clips/${CLIP}#t=banana`);
	await expect(page.getByTestId('link-notice')).toContainText('could not be used');
	await expect(lines(page).first()).toBeVisible();
	await page.goto(`/clips/${CLIP}#t=99999`);
	await page.reload();
	await expect(page.getByTestId('link-notice')).toContainText('after the end of the recording');
	expect(await audioTime(page)).toBe(0);
});

test('printing gives the selected passage, or the whole transcript, with times and citation', async ({
	page
}) => {
	await openClip(page);
	await showSingleLanguage(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.deck')).toBeHidden();
	await expect(page.locator('.site-header')).toBeHidden();
	// The whole transcript, unclipped, under a citation of the recording.
	await expect(page.locator('p.print-only')).toContainText('INED Éditions');
	const all = await lines(page).count();
	expect(all).toBeGreaterThan(2);
	await expect(page.locator('.entry:visible')).toHaveCount(all);

	// A selected passage prints alone, with its quotation and citation.
	await page.emulateMedia({ media: 'screen' });
	await page.locator('.entry').nth(2).getByRole('link').click();
	await lines(page)
		.nth(3)
		.click({ modifiers: ['Shift'] });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.entry:visible')).toHaveCount(2);
	await expect(page.getByTestId('quote').locator('.citation')).toContainText(
		`${NARRATOR} (synthesized narration; subject: Antanas Petrikonis)`
	);
	await expect(page.getByTestId('quote').getByRole('button')).toHaveCount(0);
});
