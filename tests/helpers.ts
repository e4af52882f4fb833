import { expect, type Locator, type Page } from '@playwright/test';
import { MAIN_CLIP } from './site-fixture';

/**
 * The clip most tests play, from the tests' own collection (tests/site-fixture.ts); E2E_CLIP
 * points them at another collection's clip.
 */
export const CLIP = process.env.E2E_CLIP ?? MAIN_CLIP;

export async function openClip(page: Page, slug = CLIP) {
	await page.goto(`/clips/${slug}`);
	// The waveform appears once the page is interactive.
	await expect(page.getByTestId('waveform')).toBeVisible();
}

/** Shows one language only (the default pairs the original with a translation). */
export async function showSingleLanguage(page: Page, name: RegExp = /English/) {
	await page.getByRole('radio', { name }).check();
	const parallel = page.getByRole('checkbox', { name: 'Show the original alongside' });
	const list = page.getByTestId('transcript').locator('[data-languages]');
	// The list re-renders for the language (on a busy machine, not at once); a translation comes
	// paired with the original until that is unticked.
	await expect(async () => {
		if (await parallel.isVisible()) await parallel.uncheck();
		expect(await list.getAttribute('data-languages')).not.toContain(' ');
	}).toPass();
}

/** Whether a line is within the visible part of the transcript's scrolling area. */
export async function isShownInTranscript(line: Locator): Promise<boolean> {
	return line.evaluate((el) => {
		const scroller = el.closest('.scroller')!.getBoundingClientRect();
		const box = el.getBoundingClientRect();
		return box.top >= scroller.top - 1 && box.bottom <= scroller.bottom + 1;
	});
}

export const lines = (page: Page): Locator =>
	page.getByTestId('transcript').locator('button[data-start]');

/** A line's words: its button's text, without the speaker's name shown where the speaker changes. */
export const wordsOf = (line: Locator): Promise<string> =>
	line.evaluate((button) =>
		[...button.childNodes]
			.filter((node) => !(node instanceof Element && node.classList.contains('speaker')))
			.map((node) => node.textContent)
			.join('')
	);

export const currentLines = (page: Page): Locator =>
	page.getByTestId('transcript').locator('button[data-start][aria-current="true"]');

export async function audioTime(page: Page): Promise<number> {
	return page.evaluate(() => document.querySelector('audio')!.currentTime);
}

export async function startOf(line: Locator): Promise<number> {
	return Number(await line.getAttribute('data-start'));
}

/**
 * Resolves once the page has handled everything sent to it so far and drawn a frame: a key or
 * click that was going to change something has done so by then. (For "nothing happened"
 * checks, instead of a fixed sleep.)
 */
export async function nextFrame(page: Page): Promise<void> {
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
}

/**
 * The shortest line in the first half of the transcript: played from its start, the highlight
 * moves on to the next one soon, without the test seeking.
 */
export async function shortLine(page: Page): Promise<number> {
	const lengths = await lines(page).evaluateAll((all) =>
		all.map(
			(line) => Number(line.getAttribute('data-end')) - Number(line.getAttribute('data-start'))
		)
	);
	const early = lengths.slice(0, Math.ceil(lengths.length / 2));
	return early.indexOf(Math.min(...early));
}
