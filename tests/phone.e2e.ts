import { expect, test, type Page } from '@playwright/test';
import { audioTime, CLIP, holdScripts, lines, openClip, PHONES } from './helpers';

// The clip page on a phone: a compact player on top, the provenance label short, language,
// chapters and find in one row of buttons that open sheets (or the find bar), and the
// transcript on the first screen. The keyboard and axe checks at these sizes are in
// accessibility.e2e.ts and a11y.e2e.ts.

/** Scrolls the page as a listener does: the player (its deck stays on top) at the top. */
async function scrollToPlayer(page: Page) {
	await page.evaluate(() => {
		const player = document.querySelector('#player')!;
		window.scrollTo(0, player.getBoundingClientRect().top + window.scrollY);
	});
}

const top = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((el) => el.getBoundingClientRect().top);

/** Every control on screen in the player and transcript, but for the transcript's own lines. */
function targets(page: Page) {
	return page.evaluate(() =>
		[
			...document.querySelectorAll<HTMLElement>(
				'#player :is(button, select, input, summary, label:has(input, select), [role="slider"])'
			)
		]
			// The lines and their time links are the list's own (measured by the list's tests);
			// an input inside its label is reached through the label.
			.filter((el) => !el.closest('[data-languages]') && !el.closest('label'))
			.filter((el) => el.checkVisibility())
			.map((el) => {
				const box = el.getBoundingClientRect();
				return { what: el.outerHTML.slice(0, 90), width: box.width, height: box.height };
			})
	);
}

for (const phone of PHONES) {
	test.describe(`phone, ${phone.width}×${phone.height}`, () => {
		test.use({ viewport: phone, hasTouch: true });

		test('the transcript starts on the first screen, under a compact player', async ({ page }) => {
			await openClip(page);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await scrollToPlayer(page);
			const deck = page.locator('.deck');
			expect(Math.abs(await top(page, '.deck'))).toBeLessThanOrEqual(1);
			// The first line begins above the middle of the screen, below the player.
			const first = await top(page, '[data-testid="transcript"] button[data-start]');
			expect(first).toBeLessThan(phone.height / 2);
			expect(first).toBeGreaterThanOrEqual(
				await deck.evaluate((el) => el.getBoundingClientRect().bottom)
			);
			// The compact player: waveform, play, time and the menu; the rest is in the menu.
			for (const name of ['Position in the recording', 'Play']) {
				await expect(
					deck.getByRole(name.startsWith('Pos') ? 'slider' : 'button', { name })
				).toBeInViewport();
			}
			await expect(deck.getByTestId('time')).toBeInViewport();
			await expect(deck.getByRole('button', { name: 'More controls' })).toBeInViewport();
			for (const name of ['Keyboard shortcuts', 'Captions view', 'Mute']) {
				await expect(page.getByRole('button', { name })).toBeHidden();
			}
			await expect(page.getByRole('combobox', { name: 'Speed' })).toBeHidden();
			// It stays on top as the page scrolls.
			await page.mouse.wheel(0, 300);
			await expect.poll(async () => Math.abs(await top(page, '.deck'))).toBeLessThanOrEqual(1);
		});

		test('on load, without scrolling: the title, the compact player, the short label and the first lines', async ({
			page
		}) => {
			await openClip(page);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			expect(await page.evaluate(() => window.scrollY)).toBe(0);
			const first = await top(page, '[data-testid="transcript"] button[data-start]');
			expect(first).toBeLessThan(phone.height / 2);
			for (const shown of [
				page.getByRole('heading', { level: 1 }),
				page.getByRole('slider', { name: 'Position in the recording' }),
				page.getByRole('button', { name: 'Play' }),
				page.getByRole('button', { name: /^synthesized narration/i }),
				page.getByRole('button', { name: 'Menu', exact: true }),
				page.getByRole('button', { name: 'Details', exact: true })
			]) {
				await expect(shown).toBeInViewport({ ratio: 1 });
			}
			// The site's links and settings, the clip's facts and description: a tap away.
			await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
			await expect(page.getByRole('group', { name: 'Interface language' })).toBeHidden();
			await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden();
			await expect(page.locator('.facts')).toBeHidden();
			await expect(page.locator('.description')).toBeHidden();
		});

		test('before the page’s scripts run: the first lines in place, the menu opens, a language is kept', async ({
			page
		}) => {
			// Hold the scripts back, as a slow phone does: the server's HTML, with the head script run.
			const { release } = await holdScripts(page);
			await page.goto(`/clips/${CLIP}`, { waitUntil: 'commit' });
			await expect(lines(page).first()).toBeVisible();
			const early = await top(page, '[data-testid="transcript"] button[data-start]');
			expect(early).toBeLessThan(phone.height / 2);
			// The menu is a popover: it opens without the page's scripts, and a language tapped in
			// it then is applied once they run (the head script keeps it).
			const menu = page.getByRole('button', { name: 'Menu', exact: true });
			await menu.click();
			await page.getByRole('button', { name: 'Français' }).click();
			await expect(page.locator('html')).not.toHaveAttribute('lang', 'fr');
			release();
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await expect(menu).toHaveAttribute('aria-expanded', 'true');
			const hydrated = await top(page, '[data-testid="transcript"] button[data-start]');
			expect(Math.abs(hydrated - early)).toBeLessThanOrEqual(2);
		});

		test('the site’s menu opens and closes by mouse and keyboard', async ({ page }) => {
			await openClip(page);
			const button = page.getByRole('button', { name: 'Menu', exact: true });
			const nav = page.getByRole('navigation', { name: 'Site' });
			const menu = page.locator(`#${await button.getAttribute('aria-controls')}`);
			await expect(menu.locator('nav')).toHaveCount(1);
			await expect(button).toHaveAttribute('aria-expanded', 'false');

			// The mouse: the button opens it, Close or a click outside shuts it.
			await button.click();
			await expect(nav).toBeInViewport();
			await expect(button).toHaveAttribute('aria-expanded', 'true');
			await menu.getByRole('button', { name: 'Close', exact: true }).click();
			await expect(nav).toBeHidden();
			await expect(button).toHaveAttribute('aria-expanded', 'false');
			await button.click();
			await expect(nav).toBeVisible();
			await page.mouse.click(phone.width / 2, phone.height - 20);
			await expect(nav).toBeHidden();

			// The keyboard: Enter or Space opens it, Tab goes in, Escape shuts it and gives focus back.
			await button.focus();
			await page.keyboard.press('Enter');
			await expect(nav).toBeVisible();
			await page.keyboard.press('Tab');
			await expect(menu.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(nav.getByRole('link', { name: 'Search' })).toBeFocused();
			await page.keyboard.press('Escape');
			await expect(nav).toBeHidden();
			await expect(button).toBeFocused();
			await expect(button).toHaveAttribute('aria-expanded', 'false');
			await page.keyboard.press('Space');
			await expect(nav).toBeVisible();
			// Tab past its last control (Close, three links, four languages, the theme): the menu
			// closes, so it never covers what has focus.
			for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
			await expect(menu.getByRole('combobox', { name: 'Theme' })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(nav).toBeHidden();
		});

		test('each link, language and theme in the site’s menu works', async ({ page }) => {
			await openClip(page);
			const menu = page.locator('[popover]:popover-open');
			const open = async (name = 'Menu') => {
				await page.getByRole('button', { name, exact: true }).click();
				await expect(menu).toBeVisible();
			};
			// The languages: the page changes at once, the menu stays open for another choice.
			const html = page.locator('html');
			for (const [language, lang, name] of [
				['Français', 'fr', 'Menu'],
				['Українська', 'uk', 'Меню'],
				['Lietuvių', 'lt', 'Meniu'],
				['English', 'en', 'Menu']
			] as const) {
				if ((await menu.count()) === 0) await open(name);
				const choice = menu.getByRole('button', { name: language });
				await choice.click();
				await expect(html).toHaveAttribute('lang', lang);
				await expect(choice).toHaveAttribute('aria-pressed', 'true');
				await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
					'aria-expanded',
					'true'
				);
			}
			// The theme.
			for (const theme of ['dark', 'contrast', 'light']) {
				await menu.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
				await expect(html).toHaveAttribute('data-theme', theme);
			}
			// Each link leads to its page, and the menu is closed there.
			for (const [link, heading] of [
				['Search', 'Search the transcripts'],
				['About', 'About this collection'],
				['Accessibility', 'Accessibility statement']
			] as const) {
				if ((await menu.count()) === 0) await open();
				await menu.getByRole('link', { name: link }).click();
				await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
				await expect(menu).toHaveCount(0);
				await expect(page.getByRole('button', { name: 'Menu', exact: true })).toHaveAttribute(
					'aria-expanded',
					'false'
				);
			}
		});

		test('the clip’s facts and description are one tap away', async ({ page }) => {
			await openClip(page);
			const details = page.getByRole('button', { name: 'Details', exact: true });
			const facts = page.locator('.facts');
			await expect(facts).toBeHidden();
			await details.tap();
			await expect(details).toHaveAttribute('aria-expanded', 'true');
			await expect(facts).toBeInViewport();
			await expect(facts.getByRole('link', { name: 'Antanas Petrikonis' })).toBeVisible();
			await expect(page.locator('.description')).toContainText('Kengir uprising');
			await page.keyboard.press('Escape');
			await expect(facts).toBeHidden();
			await expect(details).toHaveAttribute('aria-expanded', 'false');
		});

		test('the menu holds speed, volume, captions and shortcuts', async ({ page }) => {
			await openClip(page);
			await page.getByRole('button', { name: 'More controls' }).tap();
			const menu = page.locator('[popover]:popover-open');
			await expect(menu).toBeVisible();
			await menu.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
			expect(await page.evaluate(() => document.querySelector('audio')!.playbackRate)).toBe(1.5);
			await menu.getByRole('button', { name: 'Mute' }).tap();
			await expect(menu.getByRole('button', { name: 'Unmute' })).toBeVisible();
			await expect(menu.getByRole('slider', { name: 'Volume' })).toBeVisible();
			await menu.getByRole('button', { name: 'Captions view' }).tap();
			await expect(page.getByTestId('captions')).toBeVisible();
			await menu.getByRole('button', { name: 'Keyboard shortcuts' }).tap();
			const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
			await expect(dialog).toBeVisible();
			await expect(menu).toHaveCount(0);
			await page.keyboard.press('Escape');
			await expect(page.getByRole('button', { name: 'More controls' })).toBeFocused();
		});

		test('the provenance label is short, its whole text one tap away', async ({ page }) => {
			await openClip(page);
			const label = page.getByRole('button', { name: /^synthesized narration/i });
			await expect(label).toHaveText('Synthesized narration, not the witness’s voice');
			expect((await label.boundingBox())!.height).toBeLessThanOrEqual(64);
			const full = page.getByTestId('provenance');
			await expect(full).toBeHidden();
			await label.tap();
			await expect(full).toBeVisible();
			await expect(full).toContainText('The original recording is held by');
			await page.getByRole('button', { name: 'Close', exact: true }).tap();
			await expect(full).toBeHidden();
		});

		test('language, chapters and find sit in one row and open as sheets or a bar', async ({
			page
		}) => {
			await openClip(page);
			const language = page.getByRole('button', { name: 'Language', exact: true });
			const chapters = page.getByRole('button', { name: 'Chapters', exact: true });
			const find = page.getByRole('button', { name: 'Find', exact: true });
			const tops = await Promise.all(
				[language, chapters, find].map(async (b) => (await b.boundingBox())!.y)
			);
			expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);

			// The language, in a sheet that stays open for the "original alongside" box.
			const list = page.getByTestId('transcript').locator('[data-languages]');
			await expect(list).toHaveAttribute('data-languages', 'lt en');
			await language.tap();
			await page.getByRole('radio', { name: /lietuvių/i }).check();
			await expect(list).toHaveAttribute('data-languages', 'lt');
			await page.getByRole('radio', { name: /Français/ }).check();
			await expect(
				page.getByRole('checkbox', { name: 'Show the original alongside' })
			).toBeVisible();
			await page.getByRole('button', { name: 'Close', exact: true }).tap();
			await expect(page.getByRole('radio', { name: /Français/ })).toBeHidden();
			await expect(list).toHaveAttribute('data-languages', 'lt fr');

			// A chapter plays at once, and its sheet closes on it.
			await chapters.tap();
			const chapter = page.getByRole('navigation', { name: 'Chapters' }).getByRole('button').nth(2);
			const start = await chapter.locator('.time').textContent();
			await chapter.tap();
			await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeHidden();
			const [m, s] = start!.split(':').map(Number);
			await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(m! * 60 + s!);

			// Find opens a bar in the page, the field ready; Escape clears, then closes it.
			await find.tap();
			const field = page.getByRole('searchbox', { name: 'Find in transcript' });
			await expect(field).toBeFocused();
			await expect(find).toHaveAttribute('aria-expanded', 'true');
			await field.fill('Kengir');
			await expect(page.getByTestId('find-count')).toHaveText(/^– of \d+$/);
			await page.getByRole('button', { name: 'Next match' }).tap();
			await expect(page.getByTestId('find-count')).toHaveText(/^\d+ of \d+$/);
			await field.press('Escape');
			await expect(field).toHaveValue('');
			await field.press('Escape');
			await expect(field).toBeHidden();
			await expect(find).toBeFocused();
		});

		test('a sheet takes the keyboard: in with Tab, out with Escape or Tab past its end', async ({
			page
		}) => {
			await openClip(page);
			const chapters = page.getByRole('button', { name: 'Chapters', exact: true });
			await chapters.focus();
			await page.keyboard.press('Enter');
			const sheet = page.locator('[popover]:popover-open');
			await expect(sheet).toBeVisible();
			await page.keyboard.press('Tab');
			await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
			await page.keyboard.press('Escape');
			await expect(sheet).toHaveCount(0);
			await expect(chapters).toBeFocused();
			// Past its last chapter, focus goes on to the find button and the sheet closes.
			await page.keyboard.press('Enter');
			const count = await page
				.getByRole('navigation', { name: 'Chapters' })
				.getByRole('button')
				.count();
			for (let i = 0; i <= count + 1; i++) await page.keyboard.press('Tab');
			await expect(page.getByRole('button', { name: 'Find', exact: true })).toBeFocused();
			await expect(sheet).toHaveCount(0);
		});

		test('original and translation are interleaved, line under line', async ({ page }) => {
			await openClip(page);
			const original = lines(page).and(page.locator('[lang="lt"]')).first();
			const translation = lines(page).and(page.locator('[lang="en"]')).first();
			const [a, b] = [(await original.boundingBox())!, (await translation.boundingBox())!];
			expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1);
			expect(Math.abs(b.x - a.x)).toBeLessThanOrEqual(1);
			expect(b.width).toBeGreaterThan(phone.width / 2);
		});

		test('every control is at least 44 px, with each sheet open', async ({ page }) => {
			await openClip(page);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			const check = async (state: string) => {
				for (const target of await targets(page)) {
					expect.soft(target.height, `${state}: ${target.what}`).toBeGreaterThanOrEqual(44);
					expect.soft(target.width, `${state}: ${target.what}`).toBeGreaterThanOrEqual(44);
				}
			};
			await check('page');
			for (const name of [/more controls/i, /^synthesized/i, /^language$/i, /^chapters$/i]) {
				await page.getByRole('button', { name }).tap();
				await check(String(name));
				await page.locator('[popover]:popover-open [popovertargetaction="hide"]').tap();
			}
			await page.getByRole('button', { name: 'Find', exact: true }).tap();
			await check('find');
		});
	});
}

test('on a laptop and a large screen, every tool is in the page and no phone button shows', async ({
	page
}) => {
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 1920, height: 1080 }
	]) {
		await page.setViewportSize(viewport);
		await openClip(page, CLIP);
		await expect(page.locator('.phone-tool:visible')).toHaveCount(0);
		await expect(page.locator('[popover]:popover-open')).toHaveCount(0);
		// The header's links and settings, and the clip's facts, are in the page.
		const nav = page.getByRole('navigation', { name: 'Site' });
		for (const link of ['Search', 'About', 'Accessibility']) {
			await expect(nav.getByRole('link', { name: link })).toBeVisible();
		}
		await expect(page.getByRole('button', { name: 'Lietuvių' })).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
		await expect(page.getByRole('link', { name: '← All recordings' })).toBeVisible();
		await expect(page.locator('.facts')).toBeVisible();
		await expect(page.locator('.description')).toBeVisible();
		await expect(page.getByTestId('provenance')).toBeVisible();
		for (const name of ['Keyboard shortcuts', 'Captions view', 'Mute']) {
			await expect(page.getByRole('button', { name })).toBeVisible();
		}
		await expect(page.getByRole('radio', { name: /lietuvių/i })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeVisible();
		await expect(page.getByRole('searchbox', { name: 'Find in transcript' })).toBeVisible();
	}
});
