import { expect, test, type Page } from '@playwright/test';
import { isShownInTranscript, openClip } from './helpers';

async function search(page: Page, query: string) {
	await page.goto(`/search?q=${encodeURIComponent(query)}`);
	const status = page.getByRole('status');
	await expect(status).toContainText(/found/);
	return page.getByTestId('search-results').locator('li');
}

const clipsOf = (results: ReturnType<Page['locator']>) =>
	results.evaluateAll((items) => [...new Set(items.map((li) => (li as HTMLElement).dataset.clip))]);

test.describe('search across the collection', () => {
	test('"Kengir" finds lines in several recordings, and a result opens at its moment', async ({
		page
	}) => {
		const results = await search(page, 'Kengir');
		expect((await clipsOf(results)).length).toBeGreaterThanOrEqual(3);
		// Each result gives its time, and marks the word even in other spellings (Kengyro).
		await expect(results.first().locator('.time')).toHaveText(/^\d+:\d\d$/);
		const lithuanian = results.filter({ has: page.locator('.context[lang="lt"]') }).first();
		await expect(lithuanian.locator('mark').first()).toHaveText(/^Kengyr/);

		const start = Number(await lithuanian.getAttribute('data-start'));
		await lithuanian.getByRole('link').click();
		await expect(page).toHaveURL(/\/clips\/[^#]+#t=[\d.]+,[\d.]+&lang=lt$/);
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		const line = page.locator(`button[lang="lt"][data-start="${start}"]`);
		await expect(line.locator('xpath=..')).toHaveClass(/selected/);
		await expect
			.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime))
			.toBeCloseTo(start, 1);
		await expect(page.getByRole('button', { name: 'Play passage' })).toBeVisible();
	});

	test('a result from a synthesized narration says so; one from a recording does not', async ({
		page
	}) => {
		const narrated = await search(page, 'Kengir');
		const labels = narrated.getByTestId('result-synthesized');
		await expect(labels).toHaveCount(await narrated.count());
		await expect(labels.first()).toHaveText('Synthesized narration, not the witness’s voice');
		// The fixture that stands for a real recording (its c2: "Its metadata does not call it…").
		await search(page, 'metadata');
		const recorded = page.getByTestId('search-results').locator('li[data-clip="test-interview"]');
		await expect(recorded).toHaveCount(1);
		await expect(recorded.getByTestId('result-synthesized')).toHaveCount(0);
	});

	test('folds diacritics: "Valiute" finds "Valiutė"', async ({ page }) => {
		const results = await search(page, 'Valiute');
		await expect(results.first().locator('mark').first()).toHaveText('Valiutė');
		expect(await clipsOf(results)).toContain('valiute-kengir-witness');
	});

	test('a Ukrainian query finds Yarynich’s recordings', async ({ page }) => {
		const results = await search(page, 'втеча');
		const clips = await clipsOf(results);
		expect(clips.length).toBeGreaterThan(0);
		expect(clips.every((c) => c!.startsWith('yarynich-'))).toBe(true);
		await expect(results.first().locator('.context')).toHaveAttribute('lang', 'uk');
	});

	test('a French query finds the French translations', async ({ page }) => {
		const results = await search(page, 'évasion');
		await expect(results.first()).toHaveAttribute('data-lang', 'fr');
		// Without its accent, too.
		const plain = await search(page, 'evasion');
		await expect(plain).toHaveCount(await results.count());
	});

	test('a query of thousands of words searches the first 32 and says so', async ({ page }) => {
		// Different words whose first three letters differ too: each would need its own shard.
		// (No y: search folds it into i.)
		const letters = 'abcdefghijklmnopqrstuvwxz';
		const junk = (count: number) =>
			Array.from({ length: count }, (_, i) =>
				[0, 1, 2, 3].map((d) => letters[Math.floor(i / 25 ** d) % 25]).join('')
			);
		const shards: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/search/shards/')) shards.push(request.url());
		});
		const capped = page.getByTestId('search-capped');

		// A shared link with 1,000 words (a link of 10,000 is longer than servers accept).
		await page.goto(`/search?q=${encodeURIComponent(['Kengir', ...junk(999)].join(' '))}`);
		await expect(page.getByRole('status')).toContainText('Nothing found for “Kengir aaaa baaa');
		await expect(capped).toHaveText(
			'Only the first 32 different words were searched; the rest of the query was left out.'
		);
		expect(shards.length).toBeLessThanOrEqual(32);
		// The address keeps only what was searched.
		const q = new URL(page.url()).searchParams.get('q')!;
		expect(q.split(' ')).toHaveLength(32);

		// 10,000 words pasted into the box: the same, and the page goes on answering.
		shards.length = 0;
		const box = page.getByRole('searchbox', { name: 'Words to find' });
		await box.fill(junk(10_000).join(' '));
		await box.press('Enter');
		await expect(page.getByRole('status')).toContainText('Nothing found for “aaaa baaa');
		await expect(capped).toBeVisible();
		expect(shards.length).toBeLessThanOrEqual(32);
		await box.fill('Kengir');
		await box.press('Enter');
		await expect(page.getByRole('status')).toContainText(/lines found for “Kengir”/);
		await expect(capped).toHaveCount(0);
	});

	test('a word that is nowhere says so', async ({ page }) => {
		await page.goto('/search?q=zzyzx');
		await expect(page.getByRole('status')).toHaveText('Nothing found for “zzyzx”.');
	});
});

test('find in the transcript steps through matches without silently leaving follow mode', async ({
	page
}) => {
	await openClip(page);
	const find = page.getByRole('searchbox', { name: 'Find in transcript' });
	await find.fill('tank');
	const count = page.getByTestId('find-count');
	await expect(count).toHaveText(/^– of (\d+)$/);
	const total = Number((await count.innerText()).split(' of ')[1]);
	expect(total).toBeGreaterThan(1);
	await expect(page.getByTestId('waveform-marks')).toHaveAttribute('data-count', String(total));

	await find.press('Enter');
	await expect(count).toHaveText(`1 of ${total}`);
	const first = page.locator('.hit-current button');
	await expect(first).toContainText(/tank/i);
	await expect.poll(() => isShownInTranscript(first)).toBe(true);
	// The view left the spoken line: the way back is offered, not taken silently.
	await expect(page.getByRole('button', { name: 'Back to current line' })).toBeVisible();

	await page.getByRole('button', { name: 'Next match' }).click();
	await expect(count).toHaveText(`2 of ${total}`);
	await page.getByRole('button', { name: 'Previous match' }).click();
	await expect(count).toHaveText(`1 of ${total}`);
	await find.press('Escape');
	await expect(find).toHaveValue('');
	await expect(page.locator('.hit')).toHaveCount(0);
});

test('witness and about pages', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Antanas Petrikonis' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antanas Petrikonis');
	await expect(page.getByRole('main').getByRole('listitem')).toContainText([/Kengir/]);
	await expect(page.getByRole('link', { name: 'The Kengir uprising put down' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'About' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this collection');
	await expect(page.getByRole('main')).toContainText('espeak-ng');
	await expect(page.getByRole('main')).toContainText('INED Éditions');
});
