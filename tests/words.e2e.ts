import { expect, test, type Page } from '@playwright/test';
import { audioTime, currentLines, lines, openClip, recordSeeks } from './helpers';

/** The fixture clip whose transcript carries word timings, as `npm run align` writes them. */
const ALIGNED_CLIP = 'test-interview';

/** The text of the spoken-word highlight, if any (CSS Custom Highlight API). */
const spokenWord = (page: Page) =>
	page.evaluate(() => {
		const highlight = CSS.highlights.get('spoken-word');
		const [range] = highlight ? [...highlight] : [];
		return range ? range.toString() : null;
	});

const seekTo = (page: Page, time: number) =>
	page.evaluate((t) => (document.querySelector('audio')!.currentTime = t), time);

test.describe('word timings', () => {
	test.beforeEach(async ({ page }) => {
		await openClip(page, ALIGNED_CLIP);
	});

	test('the word being spoken is marked, and the line keeps aria-current', async ({ page }) => {
		// c2: "Its <5.741>metadata <6.411>does <6.611>not …"
		await seekTo(page, 6.0);
		await expect.poll(() => spokenWord(page)).toBe('metadata');
		await expect(currentLines(page)).toHaveCount(1);
		await expect(currentLines(page).first()).toContainText('Its metadata does not');
		await seekTo(page, 6.5);
		await expect.poll(() => spokenWord(page)).toBe('does');
		// Through a pause the last word stays marked, as the line does.
		await seekTo(page, 11.3);
		await expect.poll(() => spokenWord(page)).toBe('interview.');
		// The first word of a line begins with the line.
		await seekTo(page, 12.2);
		await expect.poll(() => spokenWord(page)).toBe('It');
	});

	test('the mark follows playback word by word', async ({ page }) => {
		// Words last a fifth of a second: record every change in the page rather than poll.
		await page.evaluate(() => {
			const seen: string[] = [];
			(window as unknown as { seen: string[] }).seen = seen;
			const record = () => {
				const [range] = [...(CSS.highlights.get('spoken-word') ?? [])];
				const word = range?.toString();
				if (word && word !== seen.at(-1)) seen.push(word);
				requestAnimationFrame(record);
			};
			record();
		});
		await seekTo(page, 16.1);
		// Half speed: on a loaded machine a frame can take longer than a short word.
		await page.evaluate(() => (document.querySelector('audio')!.playbackRate = 0.5));
		await page.getByTestId('play').click();
		const words = ['four', 'lines', 'are', 'enough', 'for', 'the', 'page'];
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen), {
				timeout: 10_000
			})
			.toEqual(expect.arrayContaining(words));
		await page.getByTestId('play').click();
		const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
		// In the order spoken, none skipped.
		const from = seen.indexOf('four');
		expect(seen.slice(from, from + 7)).toEqual([
			'four',
			'lines',
			'are',
			'enough',
			'for',
			'the',
			'page'
		]);
	});

	test('clicking a word plays from that word; Enter plays the line', async ({ page }) => {
		const line = lines(page).nth(2); // "It has no translation and no chapters."
		await line.scrollIntoViewIfNeeded();
		const box = await line.evaluate((element) => {
			const range = document.createRange();
			const node = [...element.childNodes].find((n) => n.textContent!.includes('translation'))!;
			const start = node.textContent!.indexOf('translation');
			range.setStart(node, start + 2);
			range.setEnd(node, start + 3);
			const rect = range.getBoundingClientRect();
			return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
		});
		await page.mouse.click(box.x, box.y);
		await expect(line).toHaveAttribute('aria-current', 'true');
		// "translation" begins at 12.817 s, not at the line's 12.165 s.
		await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(12.8);
		await page.getByTestId('play').click(); // pause
		const seeks = await recordSeeks(page);
		await line.focus();
		await page.keyboard.press('Enter');
		// To the line's start (12.165 s), not to the word's.
		await expect.poll(async () => (await seeks()).some((t) => t > 12.1 && t < 12.6)).toBe(true);
		await expect
			.poll(() => page.evaluate(() => document.querySelector('audio')!.paused))
			.toBe(false);
	});

	test('screen readers are not told about words: no live region, no extra elements', async ({
		page
	}) => {
		const line = lines(page).nth(1);
		await expect(line.locator('*:not(.speaker)')).toHaveCount(0);
		await seekTo(page, 8.7);
		await expect.poll(() => spokenWord(page)).toBe('so');
		await expect(page.locator('[aria-live]:not(:empty)')).toHaveCount(0);
	});
});
