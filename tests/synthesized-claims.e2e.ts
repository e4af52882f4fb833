import { expect, test, type Page } from '@playwright/test';
import { MAIN_CLIP } from './site-fixture';

/**
 * What the interface says about a synthesized narration (see ../shared/content-brief.md,
 * "Interface and kiosk"): it names the edition's narrator, never the witness, as its author; its
 * other recordings are "about" the witness, not recordings in which the witness testifies; and
 * the holder is credited with facts, never with recordings that do not play here. The test
 * collection has both: four synthesized narrations credited to INED, and a recorded interview
 * (test-interview) that is its own holder's.
 */

const INED = 'INED Éditions, Sound Archives: European Memories of the Gulag';
const LANGUAGES = ['en', 'fr', 'uk', 'lt'] as const;
type Language = (typeof LANGUAGES)[number];

/** The collection's footer for its synthesized clips, and the word "recordings", by language. */
const FACTS: Record<Language, { footer: string; recordings: RegExp }> = {
	en: { footer: `Facts: ${INED}.`, recordings: /recordings/i },
	fr: { footer: `Faits : ${INED}.`, recordings: /enregistrements/i },
	uk: { footer: `Факти: ${INED}.`, recordings: /записи/i },
	lt: { footer: `Faktai: ${INED}.`, recordings: /įrašai/i }
};

/** The heading over the other clips of a synthesized clip's witness. */
const RELATED: Record<Language, string> = {
	en: 'Other recordings about Antanas Petrikonis',
	fr: 'Autres enregistrements consacrés à Antanas Petrikonis',
	uk: 'Інші записи про свідка: Антанас Петриконіс',
	lt: 'Kiti įrašai apie liudytoją: Antanas Petrikonis'
};

/** The about page names the holder of the original recordings, in every language. */
const HOLDER: Record<Language, string> = {
	en: 'The original recordings are held by the Sound Archives: European Memories of the Gulag (INED Éditions) and are not published here.',
	fr: 'Les enregistrements originaux sont conservés par les Archives sonores : Mémoires européennes du Goulag (INED Éditions) et ne sont pas publiés ici.',
	uk: 'Оригінальні записи зберігає архів «Sound Archives: European Memories of the Gulag» (INED Éditions), і тут вони не публікуються.',
	lt: 'Originalius įrašus saugo archyvas „Sound Archives: European Memories of the Gulag“ (INED Éditions); čia jie neskelbiami.'
};

/** What Vanda Valiutė saw: from outside the camp, after the uprising was crushed. */
const VALIUTE: Record<Language, string> = {
	en: 'Vanda Valiutė, who saw from outside Kengir camp what came after the uprising there was crushed in 1954',
	fr: 'Vanda Valiutė, qui a vu depuis l’extérieur du camp de Kenguir ce qui suivit l’écrasement du soulèvement en 1954',
	uk: 'Ванду Валюте, яка бачила ззовні Кенгірського табору те, що відбувалося там після придушення повстання 1954 року',
	lt: 'Vandą Valiutę, kuri iš išorės matė, kas vyko Kengyro lageryje po to, kai 1954 metais ten buvo numalšintas sukilimas'
};

/** Wordings the about page must not use: that the four all passed through the camps, or an unnamed "their archive". */
const NOT_ABOUT = [
	/passed through the camps/i,
	/passés par les camps/i,
	/пройшли через/,
	/їхньому архіві/,
	/бачила наслідки/,
	/perėjo sovietinius lagerius/,
	/jų archyve/
];

/** Opens every page of the test in `language`, as a reader who chose it before. */
const inLanguage = (page: Page, language: Language) =>
	page.addInitScript(
		(lang) => localStorage.setItem('testimony-player.ui-language', lang),
		language
	);

test('oEmbed names the edition’s narrator as the author of a synthesized clip, the witness of a recording', async ({
	request
}) => {
	const synthesized = await (await request.get(`/clips/${MAIN_CLIP}/oembed.json`)).json();
	expect(synthesized.author_name).toBe(
		'Narrator of the edition (synthesized narration; subject: Antanas Petrikonis)'
	);
	const recorded = await (await request.get('/clips/test-interview/oembed.json')).json();
	expect(recorded.author_name).toBe('Test Witness');
});

for (const language of LANGUAGES) {
	test(`${language}: the collection's pages credit the holder with facts, not recordings`, async ({
		page
	}) => {
		await inLanguage(page, language);
		for (const path of [
			'/',
			'/about',
			'/search',
			'/accessibility',
			'/witnesses/antanas-petrikonis'
		]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', language);
			const footer = page.getByRole('contentinfo').locator('p').first();
			await expect(footer, path).toHaveText(FACTS[language].footer);
			await expect(footer, path).not.toHaveText(FACTS[language].recordings);
		}
	});

	test(`${language}: a synthesized clip's page credits facts and its related heading is "about" the witness`, async ({
		page
	}) => {
		await inLanguage(page, language);
		await page.goto(`/clips/${MAIN_CLIP}`);
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		await expect(page.getByRole('heading', { level: 2, name: RELATED[language] })).toBeVisible();
		const footer = page.getByTestId('clip-credit');
		await expect(footer).toContainText(FACTS[language].footer.replace(/\.$/, ''));
		// "Recordings" appears only as the original recording's holder, never as the holder's
		// recordings played here.
		await expect(footer).not.toContainText(/Facts and recordings|Faits et enregistrements/);
	});

	test(`${language}: the about page names the holder and says what Vanda Valiutė saw`, async ({
		page
	}) => {
		await inLanguage(page, language);
		await page.goto('/about');
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		const main = page.locator('main');
		await expect(main).toContainText(HOLDER[language]);
		await expect(main).toContainText(VALIUTE[language]);
		const text = (await main.textContent()) ?? '';
		for (const wrong of NOT_ABOUT) expect(text, String(wrong)).not.toMatch(wrong);
	});
}

test('the recorded interview is credited as a recording, held by its own holder', async ({
	page
}) => {
	await page.goto('/clips/test-interview');
	await expect(page.getByTestId('clip-credit')).toHaveText(
		'Original recording held by nobody (test fixture). Credit: Test fixture of the testimony player.'
	);
	await expect(page.getByRole('contentinfo')).not.toContainText(INED);
});

test('the accessibility statement speaks of recordings, not testimonies', async ({ page }) => {
	await page.goto('/accessibility');
	await expect(page.locator('main')).toContainText('Every recording has its full transcript');
	await expect(page.locator('main')).not.toContainText(/testimony/i);
});

test.describe('a witness as the interface language names them', () => {
	test('lt: Vanda Valiutė is a liudytoja in the label, the facts, the search and the transcript’s header', async ({
		page,
		request
	}) => {
		await inLanguage(page, 'lt');
		await page.goto('/clips/valiute-kengir-witness');
		await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
		const provenance = page.getByTestId('provenance');
		await expect(provenance).toContainText('o ne liudytojos balsas');
		await expect(page.locator('.facts dt').first()).toHaveText('Liudytoja');
		await expect(page.locator('main')).not.toContainText(/liudytojo\b/);

		await page.goto(`/search?q=${encodeURIComponent('Kengyro')}`);
		const results = page.getByTestId('search-results').locator('li');
		const hers = results.filter({ has: page.locator('a[href*="/clips/valiute-kengir-witness"]') });
		await expect(hers.first().getByTestId('result-synthesized')).toHaveText(
			'Sintezuotas įgarsinimas, o ne liudytojos balsas'
		);
		const his = results.filter({ has: page.locator('a[href*="/clips/petrikonis-"]') });
		await expect(his.first().getByTestId('result-synthesized')).toHaveText(
			'Sintezuotas įgarsinimas, o ne liudytojo balsas'
		);

		// The downloaded transcript's header, in the transcript's language.
		const text = await (
			await request.get('/clips/valiute-kengir-witness/transcript-lt.txt')
		).text();
		expect(text).toContain('o ne liudytojos balsas.');
	});

	test('lt: Orest Yarynich is Orestas Jarynyčius, beside his name in Ukrainian', async ({
		page
	}) => {
		await inLanguage(page, 'lt');
		await page.goto('/clips/yarynich-escape');
		await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
		await expect(page).toHaveTitle(/· Orestas Jarynyčius$/);
		const witness = page.locator('.facts dd').first();
		await expect(witness).toHaveText('Orestas Jarynyčius (Орест Яринич)');
		await expect(page.locator('.facts dt').first()).toHaveText('Liudytojas');
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 3, name: /Orestas Jarynyčius/ })).toBeVisible();
	});

	test('uk: Vanda Valiutė is Ванда Валюте, in the page and in a citation', async ({ page }) => {
		await inLanguage(page, 'uk');
		await page.goto('/clips/valiute-kengir-witness#t=0,8');
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page).toHaveTitle(/· Ванда Валюте$/);
		await expect(page.locator('.facts dd').first()).toHaveText('Ванда Валюте');
		await expect(page.getByTestId('quote').locator('.citation')).toContainText('Ванда Валюте');
		await expect(page.getByTestId('quote').locator('.citation')).not.toContainText('Valiutė');
		// His own name, in his own script, is not repeated beside itself.
		await page.goto('/clips/yarynich-escape');
		await expect(page.locator('.facts dd').first()).toHaveText('Орест Яринич');
	});
});
