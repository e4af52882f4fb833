import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	audioTime,
	chooseLanguage,
	CLIP,
	closeSheet,
	currentLines,
	lines,
	nextFrame,
	onPhone,
	openClip,
	openShortcuts,
	PHONES,
	reveal,
	shortLine,
	showSingleLanguage,
	startOf,
	wordsOf
} from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const isPaused = (page: Page) => page.evaluate(() => document.querySelector('audio')!.paused);

/** Presses Tab (or Shift+Tab) until `reached` holds for the focused element, or fails. */
async function tabUntil(page: Page, reached: Locator, { back = false, max = 40 } = {}) {
	for (let i = 0; i < max; i++) {
		if (await reached.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	await expect(reached).toBeFocused();
}
/** Index of the (first) current line among the lines shown. */
const currentIndex = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('[data-testid="transcript"] button[data-start]')].findIndex(
			(line) => line.getAttribute('aria-current') === 'true'
		)
	);

// The keyboard and screen-reader checks of the clip page run on a laptop and on phones, where
// its tools are behind buttons (see phone.e2e.ts).
for (const viewport of [undefined, ...PHONES]) {
	const at = viewport ? ` (${viewport.width}×${viewport.height})` : '';
	test.describe(() => {
		if (viewport) test.use({ viewport });

		test(`keyboard only: skip link, play, lines, slider seek, language, shortcuts dialog, quote${at}`, async ({
			page
		}) => {
			await openClip(page);
			// On a phone, the shortcuts are in the player's menu and the languages in a sheet.
			const phone = onPhone(page);
			await page.keyboard.press('Tab');
			const skip = page.getByRole('link', { name: 'Skip to the player' });
			await expect(skip).toBeFocused();
			await expect(skip).toBeInViewport();
			await page.keyboard.press('Enter');
			await expect(page.locator('#player')).toBeFocused();

			// The waveform slider comes first: seek with it.
			await page.keyboard.press('Tab');
			const slider = page.getByRole('slider', { name: 'Position in the recording' });
			await expect(slider).toBeFocused();
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
			await expect(slider).toHaveAttribute('aria-valuenow', '10');
			await expect(slider).toHaveAttribute('aria-valuetext', /^0:10 of \d+:\d\d$/);
			expect(await audioTime(page)).toBeCloseTo(10, 1);

			// Play, then pause, with the play button.
			await page.keyboard.press('Tab');
			const play = page.getByTestId('play');
			await expect(play).toBeFocused();
			await page.keyboard.press('Enter');
			await expect.poll(() => isPaused(page)).toBe(false);
			await expect(play).toHaveAccessibleName('Pause');
			await page.keyboard.press('Enter');
			await expect.poll(() => isPaused(page)).toBe(true);

			// Move through lines with the "next line" button.
			const next = page.getByRole('button', { name: 'Next line', exact: true });
			await tabUntil(page, next, { max: 6 });
			const before = await startOf(currentLines(page).first());
			await page.keyboard.press('Enter');
			await page.keyboard.press('Enter');
			await expect(async () => {
				const after = await startOf(currentLines(page).first());
				expect(after).toBeGreaterThan(before);
				expect(await audioTime(page)).toBeCloseTo(after, 1);
			}).toPass();

			// Open the shortcuts dialog, close it with Escape: focus comes back to its button (on a
			// phone, to the menu's button, the menu having closed).
			const shortcuts = page.getByRole('button', { name: 'Keyboard shortcuts' });
			const menu = page.getByRole('button', { name: 'More controls' });
			const opener = phone ? menu : shortcuts;
			const openMenu = async () => {
				if (!phone) return;
				await tabUntil(page, menu, { max: 3 });
				await page.keyboard.press('Enter');
			};
			await openMenu();
			await tabUntil(page, shortcuts, { max: 8 });
			await page.keyboard.press('Enter');
			const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
			await expect(dialog).toBeVisible();
			await expect(dialog.getByRole('checkbox', { name: 'Single-key shortcuts on' })).toBeFocused();
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(opener).toBeFocused();
			// Its code loads on the first request; the second opens it at once, all the same.
			await openMenu();
			if (phone) await tabUntil(page, shortcuts, { max: 8 });
			await page.keyboard.press('Enter');
			await expect(dialog).toBeVisible();
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(opener).toBeFocused();

			// Switch the transcript to one language with the arrow keys of its radio group.
			const list = page.getByTestId('transcript').locator('[data-languages]');
			await expect(list).toHaveAttribute('data-languages', 'lt en');
			const languages = page.getByRole('button', { name: 'Language', exact: true });
			if (phone) {
				await tabUntil(page, languages);
				await page.keyboard.press('Enter');
			}
			await tabUntil(page, page.getByRole('radio', { checked: true }));
			await expect(page.getByRole('radio', { name: /English/ })).toBeFocused();
			await page.keyboard.press('ArrowLeft');
			await expect(page.getByRole('radio', { name: /lietuvių/i })).toBeChecked();
			await expect(list).toHaveAttribute('data-languages', 'lt');
			if (phone) {
				// Escape closes the sheet and gives focus back to its button.
				await page.keyboard.press('Escape');
				await expect(page.locator('[popover]:popover-open')).toHaveCount(0);
				await expect(languages).toBeFocused();
			}

			// Select three lines with Shift+arrows and copy them as a quotation.
			await tabUntil(page, page.locator('button[data-start][aria-current="true"]'));
			const first = lines(page).nth(await currentIndex(page));
			const texts = await Promise.all(
				[0, 1, 2].map(async (i) => wordsOf(lines(page).nth((await currentIndex(page)) + i)))
			);
			await expect(first).toBeFocused();
			await page.keyboard.press('Shift+ArrowDown');
			await page.keyboard.press('Shift+ArrowDown');
			await expect(page.locator('.entry.selected')).toHaveCount(3);
			const copy = page.getByTestId('quote').getByRole('button', { name: 'Copy quotation' });
			await tabUntil(page, copy, { back: true });
			await page.keyboard.press('Enter');
			await expect(page.getByTestId('quote').getByRole('status')).toHaveText(
				'Copied to the clipboard.'
			);
			const copied = await page.evaluate(() => navigator.clipboard.readText());
			expect(copied).toContain(texts.join(' '));
		});

		test(`every transcript text carries its language; the interface has its own${at}`, async ({
			page
		}) => {
			await openClip(page);
			// Original and translation side by side: each line says which language it is in.
			const languages = await page.evaluate(() =>
				[
					...document.querySelectorAll<HTMLElement>('[data-testid="transcript"] button[data-start]')
				].map((line) => line.getAttribute('lang'))
			);
			expect(languages.length).toBeGreaterThan(20);
			expect(new Set(languages)).toEqual(new Set(['lt', 'en']));
			// Language names in their own language; the interface in English.
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			const lithuanian = await reveal(page.getByRole('radio', { name: /lietuvių/i }), 'Language');
			await expect(lithuanian.locator('..').locator('[lang="lt"]')).toHaveCount(1);
			await closeSheet(page);
			// On a phone, the interface languages are in the site's menu.
			await (await reveal(page.getByRole('button', { name: 'Français' }), 'Menu')).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			await closeSheet(page);
			await chooseLanguage(page, /Français/, 'Langue');
			await expect(page.getByTestId('transcript').locator('[data-languages]')).toHaveAttribute(
				'data-languages',
				'lt fr'
			);
			const french = page.getByTestId('transcript').locator('button[lang="fr"]').first();
			expect(await french.evaluate((el) => el.closest('[lang]')!.getAttribute('lang'))).toBe('fr');
		});

		test(`the spoken line is aria-current, the slider reports where the audio is${at}`, async ({
			page
		}) => {
			await openClip(page);
			const slider = page.getByRole('slider', { name: 'Position in the recording' });
			const duration = await page.evaluate(() => document.querySelector('audio')!.duration);
			await expect(slider).toHaveAttribute('aria-valuemin', '0');
			await expect(slider).toHaveAttribute('aria-valuemax', String(Math.round(duration)));
			const target = lines(page).nth(8);
			const start = await startOf(target);
			await target.click();
			await page.evaluate(() => document.querySelector('audio')!.pause());
			// The line and its translation beside it, and nothing else.
			await expect(currentLines(page)).toHaveCount(2);
			for (const line of await currentLines(page).all()) {
				expect(await startOf(line)).toBeLessThanOrEqual(start + 0.25);
			}
			await expect(target).toHaveAttribute('aria-current', 'true');
			const now = await audioTime(page);
			await expect(slider).toHaveAttribute('aria-valuenow', String(Math.round(now)));
			const clock = (t: number) =>
				`${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;
			await expect(slider).toHaveAttribute('aria-valuetext', `${clock(now)} of ${clock(duration)}`);
			// Each line is a button named by its time, then its words.
			const words = (await wordsOf(target)).trim();
			const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			await expect(target).toHaveAccessibleName(new RegExp(`^${clock(start)} (.+ )?${escaped}$`));
			// Marked by a bar as well as by colour: only the current line has one, also when Windows
			// high-contrast mode (forced colours) replaces every colour and drops backgrounds.
			const bars = () =>
				page.evaluate(() => {
					const canvas = getComputedStyle(document.body).backgroundColor;
					return [
						...document.querySelectorAll<HTMLElement>('[data-testid="transcript"] .entry')
					].map((entry) => {
						const color = getComputedStyle(entry).borderLeftColor;
						return {
							current: !!entry.querySelector('[aria-current="true"]'),
							// Seen: neither transparent nor the colour of the page behind it.
							seen: color !== 'rgba(0, 0, 0, 0)' && color !== canvas,
							width: getComputedStyle(entry).borderLeftWidth
						};
					});
				});
			for (const forcedColors of ['none', 'active'] as const) {
				await page.emulateMedia({ forcedColors });
				const all = await bars();
				expect(all.filter((b) => b.current).length, forcedColors).toBe(2);
				for (const bar of all) {
					expect(bar.width).toBe('4px');
					expect(bar.seen, `${forcedColors} ${JSON.stringify(bar)}`).toBe(bar.current);
				}
			}
		});

		test(`focus is never hidden under the player, which stays on top as the page scrolls${at}`, async ({
			page
		}) => {
			await openClip(page);
			await (
				await reveal(page.getByRole('button', { name: 'Captions view' }), 'More controls')
			).click();
			await closeSheet(page);
			const deck = page.locator('.deck');
			// From the transcript back up to the player, one Shift+Tab at a time.
			await lines(page).nth(3).focus();
			for (let step = 0; step < 30; step++) {
				await page.keyboard.press('Shift+Tab');
				const where = await page.evaluate(() => {
					const focused = document.activeElement!;
					const deck = document.querySelector('.deck')!;
					return {
						inDeck: deck.contains(focused),
						what: focused.outerHTML.slice(0, 60),
						top: focused.getBoundingClientRect().top,
						deckBottom: deck.getBoundingClientRect().bottom
					};
				});
				if (where.inDeck) break;
				expect(where.top, where.what).toBeGreaterThanOrEqual(where.deckBottom - 1);
			}
			await expect(deck).toBeInViewport();
		});

		test.describe(`single-key shortcuts${at}`, () => {
			test.beforeEach(async ({ page }) => {
				await openClip(page);
				await showSingleLanguage(page);
			});

			test('do nothing while typing in a field', async ({ page }) => {
				const find = await reveal(
					page.getByRole('searchbox', { name: 'Find in transcript' }),
					'Find'
				);
				await find.click();
				await page.keyboard.type('kljc? ');
				await expect(find).toHaveValue('kljc? ');
				await nextFrame(page);
				expect(await isPaused(page)).toBe(true);
				expect(await audioTime(page)).toBe(0);
				await expect(page.getByTestId('captions')).toHaveCount(0);
				await expect(page.getByRole('dialog')).toBeHidden();
			});

			test('can be turned off, and that is remembered', async ({ page }) => {
				await openShortcuts(page);
				await page.getByRole('checkbox', { name: 'Single-key shortcuts on' }).uncheck();
				await page.keyboard.press('Escape');
				await lines(page).first().focus();
				for (const key of ['k', 'l', 'c', '?']) await page.keyboard.press(key);
				await nextFrame(page);
				expect(await isPaused(page)).toBe(true);
				expect(await audioTime(page)).toBe(0);
				await expect(page.getByTestId('captions')).toHaveCount(0);
				await expect(page.getByRole('dialog')).toBeHidden();

				await page.reload();
				await expect(page.getByTestId('waveform')).toBeVisible();
				await lines(page).first().focus();
				await page.keyboard.press('k');
				await nextFrame(page);
				expect(await isPaused(page)).toBe(true);
			});

			test('can be remapped: the new key acts, the old one no longer does', async ({ page }) => {
				await openShortcuts(page);
				const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
				const toggleKey = dialog.getByRole('textbox', { name: 'Key for “Play or pause”' });
				await toggleKey.focus();
				// A key another action has is refused, with the reason.
				await page.keyboard.press('j');
				await expect(dialog.getByRole('status')).toHaveText(
					'“j” is already used for “Back 10 seconds”; the key stays “k”.'
				);
				await expect(toggleKey).toHaveValue('k');
				await page.keyboard.press('P');
				await expect(toggleKey).toHaveValue('p');
				await expect(dialog.getByRole('status')).toHaveText('“Play or pause” is now the key “p”.');
				await page.keyboard.press('Escape');

				await lines(page).first().focus();
				await page.keyboard.press('k');
				await nextFrame(page);
				expect(await isPaused(page)).toBe(true);
				await page.keyboard.press('p');
				await expect.poll(() => isPaused(page)).toBe(false);

				// Remembered in this browser.
				await page.reload();
				await expect(page.getByTestId('waveform')).toBeVisible();
				await lines(page).first().focus();
				await page.keyboard.press('p');
				await expect.poll(() => isPaused(page)).toBe(false);
			});
		});
	});
}

test('native caption tracks carry every language for the browser and assistive technology', async ({
	page
}) => {
	await openClip(page);
	const tracks = await page.evaluate(() =>
		[...document.querySelector('audio')!.textTracks]
			.filter((t) => t.kind === 'captions' || t.kind === 'subtitles')
			.map((t) => ({ lang: t.language, kind: t.kind, label: t.label }))
	);
	expect(tracks).toEqual([
		{ lang: 'lt', kind: 'captions', label: 'Lietuvių' },
		{ lang: 'en', kind: 'subtitles', label: 'English' },
		{ lang: 'fr', kind: 'subtitles', label: 'Français' }
	]);
	// Turned on (as a caption menu or the TextTrack API would), a track loads every cue.
	const transcriptLines = await page.getByTestId('transcript').locator('button[lang="en"]').count();
	const cues = await page.evaluate(async () => {
		const track = [...document.querySelector('audio')!.textTracks].find(
			(t) => t.language === 'en'
		)!;
		track.mode = 'hidden';
		for (let i = 0; i < 100 && !track.cues?.length; i++)
			await new Promise((r) => setTimeout(r, 50));
		return track.cues?.length ?? 0;
	});
	expect(cues).toBe(transcriptLines);
});

test.describe('captions view', () => {
	test('follows the audio within a frame, in the chosen language', async ({ page }) => {
		await openClip(page);
		await showSingleLanguage(page);
		const toggle = page.getByRole('button', { name: 'Captions view' });
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		const caption = page.getByTestId('caption-en');
		await expect(caption).toHaveAttribute('lang', 'en');

		// Play at double speed and, on every frame, compare the caption with the cue the audio
		// is in (from the transcript's own times). Frames within 20 ms of a cue edge are skipped:
		// there either is right. Within a frame means the caption may still show the previous
		// frame's cue: on a loaded machine the audio clock can catch up by a second at once,
		// between the player's read of it and this one.
		await lines(page).first().click();
		await page.evaluate(() => (document.querySelector('audio')!.playbackRate = 2));
		const result = await page.evaluate(
			() =>
				new Promise<{ frames: number; wrong: string[]; changes: number }>((done) => {
					const audio = document.querySelector('audio')!;
					const cues = [
						...document.querySelectorAll<HTMLElement>(
							'[data-testid="transcript"] button[data-start]'
						)
					].map((line) => ({
						start: Number(line.dataset.start),
						end: Number(line.dataset.end),
						text: [...line.childNodes]
							.filter((node) => !(node instanceof Element && node.classList.contains('speaker')))
							.map((node) => node.textContent)
							.join('')
							.replace(/\s+/g, ' ')
							.trim()
					}));
					const shown = document.querySelector('[data-testid="caption-en"]')!;
					const wrong: string[] = [];
					let frames = 0;
					let changes = 0;
					let last = '';
					let previous = NaN;
					const t0 = performance.now();
					const shows = (text: string, t: number) => {
						const cue = cues.find((c) => t >= c.start && t < c.end);
						return cue ? text.endsWith(cue.text) : text === '';
					};
					const sample = () => {
						const t = audio.currentTime;
						const text = shown.textContent!.replace(/\s+/g, ' ').trim();
						if (text !== last) changes++;
						last = text;
						const near = cues.some(
							(c) => Math.abs(t - c.start) < 0.02 || Math.abs(t - c.end) < 0.02
						);
						if (!near) {
							frames++;
							if (!shows(text, t) && !shows(text, previous))
								wrong.push(`${t} (frame before: ${previous}): "${text}"`);
						}
						previous = t;
						if (performance.now() - t0 < 6000) requestAnimationFrame(sample);
						else done({ frames, wrong, changes });
					};
					requestAnimationFrame(sample);
				})
		);
		expect(result.frames).toBeGreaterThan(100);
		expect(result.changes).toBeGreaterThan(2);
		expect(result.wrong).toEqual([]);

		// The shortcut hides and shows it too.
		await lines(page).first().focus();
		await page.keyboard.press('c');
		await expect(page.getByTestId('captions')).toHaveCount(0);
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	});

	test('settings: size, spacing, original stacked, theme; remembered in this browser', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await openClip(page);
		await page.getByRole('radio', { name: /English/ }).check();
		await page.getByRole('button', { name: 'Captions view' }).click();
		await page.getByText('Caption settings').click();
		const sizes = page.getByRole('group', { name: 'Text size' }).getByRole('radio');
		await expect(sizes).toHaveCount(5);
		await page.getByRole('radio', { name: 'Largest' }).check();
		await page.getByRole('radio', { name: 'Widest' }).check();
		await page.getByRole('checkbox', { name: 'Show the original above the translation' }).check();
		await page
			.getByTestId('captions')
			.getByRole('combobox', { name: 'Theme' })
			.selectOption('contrast');
		await lines(page).nth(3).click();
		await page.evaluate(() => document.querySelector('audio')!.pause());
		await expect(page.getByTestId('caption-lt')).toHaveAttribute('lang', 'lt');
		await expect(page.getByTestId('caption-en')).not.toBeEmpty();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');

		// After a reload the theme is there before the page's scripts run (no flash of the
		// light theme), and the captions come back as they were.
		await page.addInitScript(() =>
			document.addEventListener('DOMContentLoaded', () => {
				(window as unknown as { themeAtLoad: string }).themeAtLoad =
					document.documentElement.dataset.theme ?? '';
			})
		);
		await page.reload();
		expect(
			await page.evaluate(() => (window as unknown as { themeAtLoad: string }).themeAtLoad)
		).toBe('contrast');
		await expect(page.getByTestId('captions')).toBeVisible();
		await page.getByText('Caption settings').click();
		await expect(page.getByRole('radio', { name: 'Largest' })).toBeChecked();
		await expect(page.getByRole('radio', { name: 'Widest' })).toBeChecked();
		const style = await page
			.getByTestId('caption-en')
			.evaluate((el) => [getComputedStyle(el).fontSize, getComputedStyle(el).lineHeight]);
		expect(style).toEqual(['80px', '160px']);
		// The captions' own contrast is checked at 7:1 (WCAG's enhanced level) in every theme.
		for (const theme of ['light', 'dark', 'contrast']) {
			await page.getByRole('combobox', { name: 'Theme' }).first().selectOption(theme);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const { violations } = await new AxeBuilder({ page })
				.include('[data-testid="caption-screen"]')
				.withRules(['color-contrast-enhanced'])
				.analyze();
			expect(violations, theme).toEqual([]);
		}
	});

	test('nothing is announced unless asked; then each new caption is', async ({ page }) => {
		await openClip(page);
		await showSingleLanguage(page);
		const announcer = page.getByTestId('caption-announcer');
		await expect(announcer).toHaveAttribute('aria-live', 'polite');
		// Two captions come: the line clicked, then the next one as the audio reaches it.
		const clicked = lines(page).nth(await shortLine(page));
		await clicked.click();
		const start = await startOf(clicked);
		await expect
			.poll(() => startOf(currentLines(page).first()), { timeout: 10_000 })
			.toBeGreaterThan(start);
		await nextFrame(page);
		await expect(announcer).toBeEmpty();
		await page.evaluate(() => document.querySelector('audio')!.pause());

		await page.getByRole('button', { name: 'Captions view' }).click();
		await page.getByText('Caption settings').click();
		await page
			.getByRole('checkbox', { name: 'Read each new caption aloud with my screen reader' })
			.check();
		// The announcer works with the captions view hidden too (a blind reader may not want it).
		await page.getByRole('button', { name: 'Captions view' }).click();
		const line = lines(page).nth(2);
		await line.click();
		const text = (await wordsOf(line)).replace(/\s+/g, ' ').trim();
		await expect(announcer).toHaveText(text);
	});
});

test('reduced motion: nothing scrolls smoothly, the kiosk only fades', async ({ page }) => {
	// Every scroll a script asks for is recorded with its behaviour.
	await page.addInitScript(() => {
		const asked: string[] = ((window as unknown as { scrolls: string[] }).scrolls = []);
		for (const proto of [Element.prototype, Window.prototype] as { scrollTo: unknown }[]) {
			const original = proto.scrollTo as (...args: unknown[]) => void;
			proto.scrollTo = function (this: unknown, ...args: unknown[]) {
				const options = args[0];
				asked.push(
					(typeof options === 'object' && (options as ScrollToOptions)?.behavior) || 'auto'
				);
				return original.apply(this, args);
			};
		}
	});
	const scrolls = () => page.evaluate(() => (window as unknown as { scrolls: string[] }).scrolls);
	/** Does what `act` does and waits for the scroll it asks for. */
	const scrolling = async (act: () => Promise<void>) => {
		const before = (await scrolls()).length;
		await act();
		await expect.poll(async () => (await scrolls()).length).toBeGreaterThan(before);
	};
	const exercise = async () => {
		await openClip(page);
		await showSingleLanguage(page);
		await scrolling(() => lines(page).nth(12).click());
		await page.getByRole('searchbox', { name: 'Find in transcript' }).fill('Kengir');
		await scrolling(() => page.getByRole('button', { name: 'Next match' }).click());
	};

	// Without the preference, the transcript glides (this proves the recording works)…
	await exercise();
	expect(await scrolls()).toContain('smooth');

	// …with it, every scroll jumps.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await exercise();
	const reduced = await scrolls();
	expect(reduced.length).toBeGreaterThan(1);
	expect(reduced).not.toContain('smooth');
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(
		'auto'
	);

	await page.goto('/kiosk');
	const excerpt = page.locator('.excerpt').first();
	await expect(excerpt).toBeVisible();
	// (Svelte scopes keyframe names: "svelte-…-fade".)
	expect(await excerpt.evaluate((el) => getComputedStyle(el).animationName)).toMatch(/-fade$/);
});

test.describe('reflow: no sideways scrolling at 320 px and at 200% zoom', () => {
	const pages = [
		'/',
		'/witnesses/vanda-valiute',
		'/about',
		'/accessibility',
		'/search?q=Kengir',
		`/clips/${CLIP}`,
		`/clips/${CLIP}#t=37.7,53.9&lang=lt`
	];
	// 320 CSS pixels is 1280 at 400%; 640 × 400 is a 1280 × 800 laptop at 200%.
	for (const viewport of [
		{ width: 320, height: 640 },
		{ width: 640, height: 400 }
	]) {
		test(`${viewport.width} px wide`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.addInitScript(() =>
				localStorage.setItem(
					'testimony-player.captions',
					JSON.stringify({ shown: true, size: 4, spacing: 'loose', stacked: true })
				)
			);
			const overflow = () =>
				page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
			for (const path of pages) {
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				expect(await overflow(), path).toBeLessThanOrEqual(0);
			}
			// The clip page with the captions view at its largest, and the shortcuts dialog.
			await openClip(page);
			await page.getByText('Caption settings').click();
			await expect(page.getByTestId('captions')).toBeVisible();
			expect(await overflow(), 'captions').toBeLessThanOrEqual(0);
			await openShortcuts(page);
			const dialog = page.getByRole('dialog');
			const box = (await dialog.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
			expect(await overflow(), 'shortcuts dialog').toBeLessThanOrEqual(0);
		});
	}
});
