import { expect, type Locator, type Page } from '@playwright/test';
import { MAIN_CLIP } from './site-fixture';

/**
 * The clip most tests play, from the tests' own collection (tests/site-fixture.ts); E2E_CLIP
 * points them at another collection's clip.
 */
export const CLIP = process.env.E2E_CLIP ?? MAIN_CLIP;

/** The phone sizes the clip page is laid out and checked at (see tests/phone.e2e.ts). */
export const PHONES = [
	{ width: 390, height: 844 },
	{ width: 360, height: 740 }
] as const;

/** The test's viewport is a phone's: the clip page's tools are then behind buttons. */
export const onPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) <= 600;

/**
 * On a phone, opens the sheet or the find bar that holds `control` with its button, named
 * `tool`; wider, where every control is in the page, does nothing. Returns the control.
 */
export async function reveal(control: Locator, tool: string): Promise<Locator> {
	const page = control.page();
	if (!onPhone(page) || (await control.isVisible())) return control;
	await page.getByRole('button', { name: tool, exact: true }).click();
	await expect(control).toBeVisible();
	return control;
}

/** Closes the phone's open sheet, if any, with its Close button (in any interface language). */
export async function closeSheet(page: Page) {
	const open = page.locator('[popover]:popover-open');
	if ((await open.count()) === 0) return;
	await open.locator('[popovertargetaction="hide"]').click();
	await expect(open).toHaveCount(0);
}

/** Shows a language (its radio, in a sheet on a phone, `tool` in French), and closes the sheet. */
export async function chooseLanguage(page: Page, name: RegExp, tool = 'Language') {
	await (await reveal(page.getByRole('radio', { name }), tool)).check();
	await closeSheet(page);
}

/** Types into the clip's find field (in its bar, opened first on a phone). */
export async function findInClip(page: Page, query: string) {
	const field = page.getByRole('searchbox', { name: 'Find in transcript' });
	await (await reveal(field, 'Find')).fill(query);
}

/** Opens the keyboard shortcuts dialog with its button (in the menu, on a phone). */
export async function openShortcuts(page: Page) {
	const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
	await (await reveal(button, 'More controls')).click();
	await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
}

/**
 * Leaves the kiosk's attract screen for the tiles: one tap, which the head script keeps if the
 * page's own script has not run yet (tests/kiosk-early-tap.e2e.ts). A busy machine can take a
 * while to show the tiles; a second tap after a reset is harmless.
 */
export async function leaveAttract(page: Page) {
	const attract = page.getByTestId('attract');
	await expect(async () => {
		if (await attract.isVisible()) await attract.click({ timeout: 2000 });
		await expect(page.locator('a.tile').first()).toBeVisible({ timeout: 2000 });
	}).toPass({ timeout: 20_000 });
}

export async function openClip(page: Page, slug = CLIP) {
	await page.goto(`/clips/${slug}`);
	// The waveform appears once the page is interactive.
	await expect(page.getByTestId('waveform')).toBeVisible();
}

/** Shows one language only (the default pairs the original with a translation). */
export async function showSingleLanguage(page: Page, name: RegExp = /English/) {
	await (await reveal(page.getByRole('radio', { name }), 'Language')).check();
	const parallel = page.getByRole('checkbox', { name: 'Show the original alongside' });
	const list = page.getByTestId('transcript').locator('[data-languages]');
	// The list re-renders for the language (on a busy machine, not at once); a translation comes
	// paired with the original until that is unticked.
	await expect(async () => {
		if (await parallel.isVisible()) await parallel.uncheck();
		expect(await list.getAttribute('data-languages')).not.toContain(' ');
	}).toPass();
	await closeSheet(page);
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

/**
 * Records, in the page, every position the audio seeks to from now on, and returns a reader of
 * them. Polling the clock instead could miss a seek on a loaded machine, the audio playing on
 * past it between two polls. Kept on the body, so the WebDriver page (WebKit) reads it too.
 */
export async function recordSeeks(page: Page): Promise<() => Promise<number[]>> {
	await page.evaluate(() => {
		const audio = document.querySelector('audio')!;
		audio.addEventListener('seeking', () => {
			const seeks = document.body.dataset.seeks;
			document.body.dataset.seeks = `${seeks ? `${seeks} ` : ''}${audio.currentTime}`;
		});
	});
	return async () =>
		((await page.locator('body').getAttribute('data-seeks')) ?? '')
			.split(' ')
			.filter(Boolean)
			.map(Number);
}

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

/**
 * Records each transcript line the page marks as current from now on; returns a reader of their
 * start times, in order. A clicked line plays on, and a short one can be left behind before a
 * check looks at it on a busy machine: the record cannot miss it.
 */
export async function recordMarkedLines(page: Page): Promise<() => Promise<number[]>> {
	await page.evaluate(() => {
		const marked: number[] = [];
		(window as unknown as { __marked: number[] }).__marked = marked;
		new MutationObserver((changes) => {
			for (const { target } of changes) {
				const line = target as HTMLElement;
				if (line.getAttribute('aria-current') === 'true') marked.push(Number(line.dataset.start));
			}
		}).observe(document.querySelector('[data-languages]')!, {
			subtree: true,
			attributeFilter: ['aria-current']
		});
	});
	return () => page.evaluate(() => (window as unknown as { __marked: number[] }).__marked);
}

/** The app's scripts (the head's inline script is in the page itself). */
export const APP_SCRIPTS = '**/_app/immutable/**/*.js';

/**
 * Holds back every script of the app (the head's inline script runs: it is in the page) until
 * `release` is called; `held` counts the requests waiting.
 */
export async function holdScripts(page: Page) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let held = 0;
	await page.route(APP_SCRIPTS, async (route) => {
		held++;
		await released;
		await route.continue();
	});
	return { release, held: () => held };
}
