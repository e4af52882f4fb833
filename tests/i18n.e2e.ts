import { expect, test } from '@playwright/test';
import { CLIP } from './helpers';

// The interface in Ukrainian and Lithuanian: the words, their plural forms, and the texts of
// the collection, which fall back to English (marked as English) where they are not translated.

test('a clip page switches to Ukrainian, then Lithuanian, and remembers the choice', async ({
	page
}) => {
	await page.goto(`/clips/${CLIP}`);
	await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');

	await page.getByRole('button', { name: 'Українська' }).click();
	await expect(page.getByRole('button', { name: 'Відтворити', exact: true })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	const title = page.getByRole('heading', { level: 1 });
	await expect(title).toHaveText('Придушення Кенгірського повстання');
	await expect(title.locator('[lang]')).toHaveCount(0);
	await expect(page.getByTestId('provenance')).toContainText(
		'Синтезоване озвучення резюме, написаного для цього видання, а не голос свідка. Оригінал запису зберігає його архів.'
	);
	await expect(page.getByRole('link', { name: 'Про колекцію' })).toBeVisible();

	await page.getByRole('button', { name: 'Lietuvių' }).click();
	await expect(page.getByRole('button', { name: 'Leisti', exact: true })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
	await expect(title).toHaveText('Kengyro sukilimo numalšinimas');
	await expect(page.getByTestId('provenance')).toContainText('Originalų įrašą saugo jo archyvas.');
	await expect(page.getByRole('searchbox', { name: 'Ieškoti nuoraše' })).toBeVisible();

	await page.reload();
	await expect(page.getByRole('button', { name: 'Leisti', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lietuvių' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
});

test('a text not given in the interface language is shown in English, marked as English', async ({
	page
}) => {
	await page.addInitScript(() => localStorage.setItem('testimony-player.ui-language', 'uk'));
	// Its title exists in English, French and Lithuanian only.
	await page.goto('/clips/petrikonis-kengir-underground');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('button', { name: 'Відтворити', exact: true })).toBeVisible();
	const title = page.getByRole('heading', { level: 1 }).locator('bdi');
	await expect(title).toHaveText('Underground life at Kengir camp');
	await expect(title).toHaveAttribute('lang', 'en');
	await expect(page.locator('p.description')).toHaveAttribute('lang', 'en');

	// The home page: the collection's description and one witness's facts fall back; the
	// title and the other witness's facts are Ukrainian.
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Тестова колекція: спогади про ГУЛАГ, скорочені'
	);
	await expect(page.locator('p.intro')).toHaveAttribute('lang', 'en');
	await expect(page.locator('#w-antanas-petrikonis ~ ul.facts')).not.toHaveAttribute('lang');
	await expect(page.locator('#w-antanas-petrikonis ~ ul.facts')).toContainText(
		'Литовський партизан'
	);
	await expect(page.locator('#w-vanda-valiute ~ ul.facts')).toHaveAttribute('lang', 'en');
});

for (const { language, button, heading, first } of [
	{ language: 'uk', button: 'Українська', heading: 'Про цю колекцію', first: 'Колекція' },
	{ language: 'lt', button: 'Lietuvių', heading: 'Apie šį rinkinį', first: 'Rinkinys' }
]) {
	test(`the about page and the accessibility statement in ${button}`, async ({ page }) => {
		await page.goto('/about');
		// The about page has nothing that shows it is interactive, and a click before hydration
		// is lost: click until the page has answered.
		await expect(async () => {
			await page.getByRole('button', { name: button }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', language, { timeout: 1000 });
		}).toPass();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(first);
		await page.locator('footer a.statement').click();
		await expect(page).toHaveURL(/\/accessibility$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			language === 'uk' ? 'Заява про доступність' : 'Pareiškimas dėl prieinamumo'
		);
		await expect(page.locator('main')).toContainText(
			language === 'uk' ? 'українською та литовською' : 'ukrainiečių ir lietuvių kalbomis'
		);
	});
}

test('search results are counted in Ukrainian and Lithuanian', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('testimony-player.ui-language', 'uk'));
	await page.goto('/search?q=Kengir');
	await page.getByTestId('search-results').waitFor();
	const total = await page.getByTestId('search-results').locator('li').count();
	const status = page.getByRole('status');
	// The count's form follows Ukrainian grammar: рядок (1, 21…), рядки (2–4, 22…), рядків.
	const form = (n: number) =>
		n % 10 === 1 && n % 100 !== 11
			? 'рядок'
			: [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
				? 'рядки'
				: 'рядків';
	await expect(status).toHaveText(`За запитом «Kengir» знайдено ${total} ${form(total)}.`);
	await expect(page.getByRole('searchbox', { name: 'Слова для пошуку' })).toBeVisible();

	await page.getByRole('button', { name: 'Lietuvių' }).click();
	await expect(status).toContainText(`Pagal užklausą „Kengir“`);
	await expect(page.getByRole('button', { name: 'Ieškoti', exact: true })).toBeVisible();
});

test.describe('museum kiosk', () => {
	test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

	test('offers the languages of kiosk.languages, and speaks Ukrainian and Lithuanian', async ({
		page
	}) => {
		await page.goto('/kiosk');
		const attract = page.getByTestId('attract');
		await expect(attract).toContainText('Торкніться екрана, щоб послухати');
		await expect(attract).toContainText('Palieskite ekraną ir klausykitės');
		await attract.tap();

		const choices = page.getByRole('group', { name: 'Interface language' }).getByRole('button');
		await expect(choices).toHaveText(['English', 'Français', 'Українська', 'Lietuvių']);
		await page.getByRole('button', { name: 'Українська' }).tap();
		await expect(page.getByRole('heading', { name: 'Виберіть запис' })).toBeVisible();
		await expect(page.locator('a.tile').first()).toContainText(/\d+ хв/);
		await expect(page.locator('a.tile').first()).toContainText('Оригінал запису зберігає');

		await page.getByRole('button', { name: 'Lietuvių' }).tap();
		await expect(page.getByRole('heading', { name: 'Pasirinkite įrašą' })).toBeVisible();
		await page.locator('a.tile', { hasText: 'Kengyro sukilimo numalšinimas' }).tap();
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
		await expect(page.getByRole('button', { name: /Visi įrašai/ })).toBeVisible();
		// The Lithuanian interface shows the Lithuanian original in large captions.
		await expect(page.getByTestId('kiosk-caption')).toHaveAttribute('lang', 'lt');
	});
});
