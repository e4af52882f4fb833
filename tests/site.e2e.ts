import { expect, test } from '@playwright/test';
import { APP_SCRIPTS, CLIP, holdScripts } from './helpers';
import { MAIN_CLIP } from './site-fixture';

test('the home page lists every clip with its provenance', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const links = page.locator('a[href*="clips/"]');
	expect(await links.count()).toBeGreaterThanOrEqual(1);
	await expect(page.getByText(/Synthesized narration/).first()).toBeVisible();
	await links.first().click();
	await expect(page).toHaveURL(/\/clips\/[a-z0-9-]+$/);
	await expect(page.getByTestId('provenance')).toContainText('Synthesized narration');
});

test('a recording not labelled as synthesized, with no translation, is shown as it is', async ({
	page
}) => {
	await page.goto('/');
	const item = page.getByRole('listitem').filter({ hasText: 'A test interview' });
	await expect(item).toBeVisible();
	await expect(item).not.toContainText('Synthesized narration');
	await item.getByRole('link').click();
	await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
	await expect(page.getByTestId('provenance')).toHaveText(/Test fixture of the testimony player/);
	await expect(page.getByTestId('provenance')).not.toContainText('Synthesized narration');
	// One language: nothing to pair it with.
	const list = page.getByTestId('transcript').locator('[data-languages]');
	await expect(list).toHaveAttribute('data-languages', 'en');
	await expect(page.getByRole('checkbox', { name: 'Show the original alongside' })).toHaveCount(0);
	// Its downloaded transcript carries no synthesized-narration label either.
	const text = await (await page.request.get('/clips/test-interview/transcript-en.txt')).text();
	expect(text).toMatch(/^A test interview\nTest Witness\nEnglish \(original\)\nTest fixture/);
	await page.getByTestId('transcript').locator('button[data-start]').nth(2).click();
	await expect
		.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime))
		.toBeGreaterThan(12);
});

test('the interface language can be switched and is remembered', async ({ page }) => {
	// Each page carries only the words of the language it shows: French arrives when chosen.
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		// (A reload answers from the cache, with no body to read: those add nothing new.)
		if (response.request().resourceType() === 'script')
			scripts.push(response.text().catch(() => ''));
	});
	const frenchLoaded = async () =>
		(await Promise.all(scripts)).some((code) => code.includes('Aller au contenu principal'));
	await page.goto(`/clips/${CLIP}`);
	await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
	expect(await frenchLoaded()).toBe(false);
	await page.getByRole('button', { name: 'Français' }).click();
	await expect(page.getByRole('button', { name: 'Lecture', exact: true })).toBeVisible();
	expect(await frenchLoaded()).toBe(true);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByTestId('provenance')).toContainText('Narration synthétisée');
	await page.reload();
	await expect(page.getByRole('button', { name: 'Lecture', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('a language chosen while the page is still loading is not lost', async ({ page }) => {
	// Hold the page's scripts back, as a slow connection does: the page is on screen (its CSS is
	// inline) and the reader taps a language before the page is interactive.
	const { release } = await holdScripts(page);
	await page.goto('/about', { waitUntil: 'commit' });
	const french = page.getByRole('button', { name: 'Français' });
	await french.click();
	await expect(page.locator('html')).not.toHaveAttribute('lang', 'fr');
	release();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(french).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('link', { name: 'À propos' }).first()).toBeVisible();
	// And it is remembered, as a choice made later would be.
	await page.unroute(APP_SCRIPTS);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

for (const viewport of [
	{ width: 412, height: 823 },
	{ width: 1350, height: 940 }
]) {
	test(`the transcript does not move when the player becomes interactive (${viewport.width} px)`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		// Hold the scripts back, as a slow phone does: the page is on screen before it is
		// interactive, and the waveform and controls then take the browser's controls' place.
		const { release } = await holdScripts(page);
		await page.goto(`/clips/${CLIP}`, { waitUntil: 'commit' });
		const firstLine = page.locator('[data-languages] button[data-start]').first();
		await expect(firstLine).toBeVisible();
		const before = (await firstLine.boundingBox())!.y;
		release();
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		expect(Math.abs((await firstLine.boundingBox())!.y - before)).toBeLessThanOrEqual(2);
	});
}

test('build-time peaks and transcripts are published as static files', async ({ request }) => {
	const peaks = await request.get(`/clips/${CLIP}/peaks.json`);
	expect(peaks.ok()).toBe(true);
	const body = (await peaks.json()) as { duration: number; peaks: number[] };
	expect(body.duration).toBeGreaterThan(0);
	expect(body.peaks.length).toBeGreaterThan(100);
	expect(Math.max(...body.peaks)).toBe(100);

	const vtt = await request.get(`/media/${CLIP}/en.vtt`);
	expect(await vtt.text()).toMatch(/^WEBVTT/);
	const text = await request.get(`/clips/${CLIP}/transcript-en.txt`);
	expect(await text.text()).toMatch(/\[0:0\d\] /);
	// A narration's text transcript gives the whole label, in the transcript's own language.
	const original = await (await request.get(`/clips/${MAIN_CLIP}/transcript-lt.txt`)).text();
	expect(original).toContain(
		'\nSintezuotas šiam leidimui parašytos santraukos įgarsinimas, o ne liudytojo balsas.\n'
	);
	expect(original).toContain('\nOriginalų įrašą saugo: ');
});

test('a short clip’s page preloads its scripts (a long interview’s does not: long.e2e.ts)', async ({
	request
}) => {
	const html = await (await request.get(`/clips/${MAIN_CLIP}`)).text();
	expect(html.split('</head>')[0]).toContain('rel="modulepreload"');
});

test('audio is served with byte ranges, so seeking works on any static host', async ({
	request,
	page
}) => {
	await page.goto(`/clips/${CLIP}`);
	const src = await page.locator('audio').getAttribute('src');
	const url = new URL(src!, page.url()).href;
	const partial = await request.get(url, { headers: { range: 'bytes=100-199' } });
	expect(partial.status()).toBe(206);
	expect((await partial.body()).length).toBe(100);
});

test('the browser never downloads the whole audio to draw the waveform', async ({ page }) => {
	const audioRequests: string[] = [];
	page.on('request', (r) => {
		if (
			/\.(mp3|ogg|opus|flac|wav)$/.test(new URL(r.url()).pathname) &&
			r.resourceType() !== 'media'
		) {
			audioRequests.push(`${r.resourceType()} ${r.url()}`);
		}
	});
	await page.goto(`/clips/${CLIP}`);
	await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
	await page.waitForLoadState('networkidle');
	// Only the <audio> element fetches the recording (as `media`); no fetch/XHR decodes it.
	expect(audioRequests).toEqual([]);
});
