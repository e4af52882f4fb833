import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	chooseLanguage,
	CLIP,
	closeSheet,
	findInClip,
	leaveAttract,
	lines,
	openShortcuts,
	PHONES,
	reveal
} from './helpers';

// Every screen, in each of its states, checked by axe-core against WCAG 2.0, 2.1 and 2.2 A and
// AA, and for landmarks and headings. (Axe finds what can be found automatically; keyboard and
// screen-reader behaviour has tests of its own, in accessibility.e2e.ts.)
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Best-practice rules (outside WCAG's tags) for landmarks and headings on every page. */
const STRUCTURE = [
	'region',
	'landmark-one-main',
	'landmark-unique',
	'landmark-no-duplicate-banner',
	'landmark-no-duplicate-contentinfo',
	'landmark-no-duplicate-main',
	'landmark-banner-is-top-level',
	'landmark-contentinfo-is-top-level',
	'landmark-main-is-top-level',
	'page-has-heading-one',
	'heading-order',
	'empty-heading'
];

async function violations(page: Page) {
	const wcag = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	const structure = await new AxeBuilder({ page }).withRules(STRUCTURE).analyze();
	return [...wcag.violations, ...structure.violations].map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

const screens: { name: string; open: (page: Page) => Promise<void> }[] = [
	{ name: 'home', open: (page) => page.goto('/').then(() => undefined) },
	{
		name: 'witness page',
		open: (page) => page.goto('/witnesses/vanda-valiute').then(() => undefined)
	},
	{ name: 'about', open: (page) => page.goto('/about').then(() => undefined) },
	{
		name: 'accessibility statement',
		open: (page) => page.goto('/accessibility').then(() => undefined)
	},
	{ name: 'not found (404)', open: (page) => page.goto('/no-such-page').then(() => undefined) },
	{
		name: 'search of too many words',
		open: async (page) => {
			// 40 different words, past the 32 that are searched.
			const words = Array.from({ length: 40 }, (_, i) =>
				[i % 26, Math.floor(i / 26)].map((n) => String.fromCharCode(97 + n)).join('')
			);
			await page.goto(`/search?q=${encodeURIComponent(words.join(' '))}`);
			await page.getByTestId('search-capped').waitFor();
		}
	},
	{
		name: 'search with results',
		open: async (page) => {
			await page.goto('/search?q=Kengir');
			await page.getByTestId('search-results').waitFor();
		}
	},
	{
		name: 'clip, original beside a translation',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		}
	},
	{
		name: 'clip, one language',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			await chooseLanguage(page, /lietuvių/i);
		}
	},
	{
		name: 'clip, French interface',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			// (A click before hydration is lost: click until the page has answered.)
			await expect(async () => {
				// On a phone, the interface languages are in the site's menu.
				await (await reveal(page.getByRole('button', { name: 'Français' }), 'Menu')).click();
				await expect(page.locator('html')).toHaveAttribute('lang', 'fr', { timeout: 1000 });
			}).toPass();
			await closeSheet(page);
		}
	},
	{
		name: 'clip, quote panel open',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}#t=37.7,53.9&lang=lt`);
			await page.getByTestId('quote').waitFor();
		}
	},
	{
		name: 'clip, shortcuts dialog open',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			await openShortcuts(page);
		}
	},
	{
		name: 'clip, in-clip find with matches',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			await findInClip(page, 'Kengir');
			await page.getByRole('button', { name: 'Next match' }).click();
		}
	},
	...(['light', 'dark', 'contrast'] as const).map((theme) => ({
		name: `clip, captions view with its settings open, ${theme} theme`,
		open: async (page: Page) => {
			await page.addInitScript((theme) => {
				localStorage.setItem('testimony-player.theme', theme);
				localStorage.setItem(
					'testimony-player.captions',
					JSON.stringify({ shown: true, size: 4, stacked: true })
				);
			}, theme);
			await page.goto(`/clips/${CLIP}`);
			await chooseLanguage(page, /English/);
			await page.getByText('Caption settings').click();
			// A caption on screen (and the original above it), paused.
			await lines(page).nth(3).click();
			await page.evaluate(() => document.querySelector('audio')!.pause());
			await expect(page.getByTestId('caption-en')).not.toBeEmpty();
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		}
	})),
	...(['dark', 'contrast'] as const).flatMap((theme) => [
		{
			name: `home, ${theme} theme`,
			open: async (page: Page) => {
				await page.emulateMedia({
					colorScheme: 'dark',
					contrast: theme === 'contrast' ? 'more' : 'no-preference'
				});
				await page.goto('/');
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			}
		},
		{
			name: `clip with quote panel and find matches, ${theme} theme`,
			open: async (page: Page) => {
				await page.addInitScript(
					(theme) => localStorage.setItem('testimony-player.theme', theme),
					theme
				);
				await page.goto(`/clips/${CLIP}#t=37.7,53.9&lang=lt`);
				await page.getByTestId('quote').waitFor();
				await findInClip(page, 'Kengir');
				await page.getByRole('button', { name: 'Next match' }).click();
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			}
		},
		{
			name: `search with results, ${theme} theme`,
			open: async (page: Page) => {
				await page.addInitScript(
					(theme) => localStorage.setItem('testimony-player.theme', theme),
					theme
				);
				await page.goto('/search?q=Kengir');
				await page.getByTestId('search-results').waitFor();
			}
		}
	]),
	// The Ukrainian and Lithuanian interfaces, where words are longest and texts fall back.
	...(['uk', 'lt'] as const).flatMap((language) =>
		[`/clips/${CLIP}`, '/clips/petrikonis-kengir-underground', '/about', '/accessibility', '/'].map(
			(path) => ({
				name: `${path}, ${language} interface`,
				open: async (page: Page) => {
					await page.addInitScript(
						(language) => localStorage.setItem('testimony-player.ui-language', language),
						language
					);
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('lang', language);
				}
			})
		)
	),
	...(['uk', 'lt'] as const).map((language) => ({
		name: `kiosk clip, ${language} interface`,
		open: async (page: Page) => {
			await page.goto('/kiosk');
			await leaveAttract(page);
			await page
				.getByRole('button', { name: language === 'uk' ? 'Українська' : 'Lietuvių' })
				.click();
			await page.locator('a.tile').first().click();
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await expect(page.locator('html')).toHaveAttribute('lang', language);
		}
	})),
	{
		name: 'kiosk attract screen',
		open: async (page) => {
			// Each excerpt fades in and out over 9 s, and axe can take longer than that on a busy
			// machine: hold the timers, and the excerpt at full opacity, while it looks.
			await page.clock.install();
			await page.goto('/kiosk');
			await page.locator('.excerpt').evaluate((excerpt) => {
				for (const animation of excerpt.getAnimations()) {
					animation.pause();
					animation.currentTime = 4500;
				}
			});
		}
	},
	{
		name: 'embedded player, a passage',
		open: async (page) => {
			await page.goto(`/embed/${CLIP}#t=37.7,53.9`);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await page.getByTestId('embed-passage').waitFor();
		}
	},
	{
		name: 'embedded player, French, dark theme',
		open: async (page) => {
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.goto(`/embed/${CLIP}?lang=fr`);
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		}
	},
	{
		name: 'clip, embedding code open',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}#t=37.7,53.9&lang=lt`);
			await page.getByText('Embed', { exact: true }).click();
			await expect(page.getByTestId('embed-code')).toHaveValue(/<iframe/);
		}
	},
	{
		name: 'kiosk tiles',
		open: async (page) => {
			await page.goto('/kiosk');
			await leaveAttract(page);
		}
	},
	{
		name: 'kiosk clip',
		open: async (page) => {
			await page.goto('/kiosk');
			await leaveAttract(page);
			await page.locator('a.tile').first().click();
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		}
	}
];

for (const screen of screens) {
	test(`no WCAG 2.2 A/AA violations found by axe: ${screen.name}`, async ({ page }) => {
		await screen.open(page);
		expect(await violations(page)).toEqual([]);
	});
}

/**
 * On a phone, each sheet open: the site's menu, the clip's details, the player's menu, the
 * label, the language and the chapters.
 */
const sheets = [
	{ name: 'the site’s menu', button: /^menu$/i },
	{ name: 'the clip’s details', button: /^details$/i },
	{ name: 'the player’s menu', button: /more controls/i },
	{ name: 'the provenance label', button: /^synthesized narration/i },
	{ name: 'the language', button: /^language$/i },
	{ name: 'the chapters', button: /^chapters$/i }
].map(({ name, button }) => ({
	name: `clip, ${name} open as a sheet`,
	open: async (page: Page) => {
		await page.goto(`/clips/${CLIP}`);
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		await page.getByRole('button', { name: button }).click();
		await expect(page.locator('[popover]:popover-open')).toBeVisible();
	}
}));

// The clip page again at phone sizes, where its tools are behind buttons and open as sheets.
for (const phone of PHONES) {
	test.describe(`${phone.width}×${phone.height}`, () => {
		test.use({ viewport: phone });
		// (The in-clip find opens the find bar.)
		for (const screen of [...screens.filter((s) => s.name.startsWith('clip')), ...sheets]) {
			test(`no WCAG 2.2 A/AA violations found by axe: ${screen.name}`, async ({ page }) => {
				await screen.open(page);
				expect(await violations(page)).toEqual([]);
			});
		}
	});
}
