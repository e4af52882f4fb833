import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CLIP } from './helpers';

// Every screen, in each of its states, checked by axe-core against WCAG 2.0, 2.1 and 2.2 A and
// AA. (Axe finds what can be found automatically; the keyboard and screen-reader behaviour has
// tests of its own.)
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const screens: { name: string; open: (page: Page) => Promise<void> }[] = [
	{ name: 'home', open: (page) => page.goto('/').then(() => undefined) },
	{
		name: 'witness page',
		open: (page) => page.goto('/witnesses/vanda-valiute').then(() => undefined)
	},
	{ name: 'about', open: (page) => page.goto('/about').then(() => undefined) },
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
			await page.getByRole('radio', { name: /lietuvių/i }).check();
		}
	},
	{
		name: 'clip, French interface',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			await page.getByRole('button', { name: 'Français' }).click();
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
			await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
			await page.getByRole('dialog').waitFor();
		}
	},
	{
		name: 'clip, in-clip find with matches',
		open: async (page) => {
			await page.goto(`/clips/${CLIP}`);
			await page.getByRole('searchbox', { name: 'Find in transcript' }).fill('Kengir');
			await page.getByRole('button', { name: 'Next match' }).click();
		}
	},
	{ name: 'kiosk attract screen', open: (page) => page.goto('/kiosk').then(() => undefined) },
	{
		name: 'kiosk tiles',
		open: async (page) => {
			await page.goto('/kiosk');
			await page.getByTestId('attract').click();
		}
	},
	{
		name: 'kiosk clip',
		open: async (page) => {
			await page.goto('/kiosk');
			await page.getByTestId('attract').click();
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
