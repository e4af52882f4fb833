// Takes the README's screenshots from a running site (npm run build && npm run serve):
//   node scripts/screenshots.js [base-url] [clip-slug] [out-dir]
// SHOTS=clip-uk,clip-lt takes only those.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findBrowser } from './find-browser.js';

const [
	base = 'http://127.0.0.1:4173',
	clip = 'petrikonis-kengir-suppression',
	out = '.github/screenshots'
] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: findBrowser(),
	args: [
		'--disable-background-networking',
		'--no-first-run',
		'--autoplay-policy=no-user-gesture-required'
	]
});

const shots = [
	// A phone's first screen, as the page opens: title, compact player, label and first lines.
	{ name: 'clip-phone', width: 390, height: 844, path: `/clips/${clip}`, scale: 2, top: true },
	{
		name: 'clip-phone-small',
		width: 360,
		height: 740,
		path: `/clips/${clip}`,
		scale: 2,
		top: true
	},
	{ name: 'clip-laptop', width: 1366, height: 768, path: `/clips/${clip}`, scale: 1 },
	{ name: 'clip-kiosk', width: 1920, height: 1080, path: `/clips/${clip}`, scale: 1 },
	// The interface in Ukrainian and Lithuanian, where words run longest.
	...['uk', 'lt'].flatMap((language) => [
		{
			name: `clip-${language}`,
			width: 1366,
			height: 768,
			path: `/clips/${clip}`,
			scale: 1,
			top: true,
			storage: { 'testimony-player.ui-language': language }
		},
		{
			name: `clip-${language}-phone`,
			width: 390,
			height: 844,
			path: `/clips/${clip}`,
			scale: 2,
			top: true,
			storage: { 'testimony-player.ui-language': language }
		}
	]),
	{ name: 'home-laptop', width: 1366, height: 768, path: '/', scale: 1 },
	{ name: 'search-laptop', width: 1366, height: 768, path: '/search?q=Kengir', scale: 1 },
	{ name: 'search-phone', width: 390, height: 844, path: '/search?q=Kengir', scale: 2 },
	{ name: 'witness-phone', width: 390, height: 844, path: '/witnesses/vanda-valiute', scale: 2 },
	{ name: 'about-laptop', width: 1366, height: 768, path: '/about', scale: 1 },
	{ name: 'accessibility-phone', width: 390, height: 844, path: '/accessibility', scale: 2 },
	// The captions view at its largest, original above the English, in each contrast theme.
	...[
		['captions-contrast-laptop', 'contrast', 1366, 768, 1],
		['captions-contrast-kiosk', 'contrast', 1920, 1080, 1],
		['captions-contrast-phone', 'contrast', 390, 844, 2],
		['captions-dark-laptop', 'dark', 1366, 768, 1]
	].map(([name, theme, width, height, scale]) => ({
		name,
		width,
		height,
		scale,
		path: `/clips/${clip}`,
		language: /English/,
		storage: {
			'testimony-player.theme': theme,
			'testimony-player.captions': JSON.stringify({ shown: true, size: 4, stacked: true })
		}
	})),
	{ name: 'kiosk-attract', width: 1920, height: 1080, path: '/kiosk', scale: 1 },
	{ name: 'kiosk-tiles', width: 1920, height: 1080, path: '/kiosk', kiosk: 'tiles', scale: 1 },
	{ name: 'kiosk-clip', width: 1920, height: 1080, path: '/kiosk', kiosk: 'clip', scale: 1 },
	{
		name: 'kiosk-clip-portrait',
		width: 1080,
		height: 1920,
		path: '/kiosk',
		kiosk: 'clip',
		scale: 1
	}
];

const only = process.env.SHOTS?.split(',');
for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
	const page = await browser.newPage({
		viewport: { width: shot.width, height: shot.height },
		deviceScaleFactor: shot.scale
	});
	page.on('pageerror', (error) => console.error(`${shot.name}: ${error.message}`));
	if (shot.storage) {
		await page.addInitScript((entries) => {
			for (const [key, value] of entries) localStorage.setItem(key, value);
		}, Object.entries(shot.storage));
	}
	await page.goto(base + shot.path, { waitUntil: 'networkidle' });
	if (shot.path.startsWith('/clips/')) {
		// Show the player mid-recording: a line highlighted, the waveform partly played.
		await page.locator('[data-drawn="true"]').waitFor();
		if (shot.language) {
			// On a phone, the languages are in a sheet.
			const sheet = page.getByRole('button', { name: 'Language', exact: true });
			if (await sheet.isVisible()) await sheet.click();
			await page.getByRole('radio', { name: shot.language }).check();
			if (await sheet.isVisible()) await page.keyboard.press('Escape');
		}
		const count = await page.locator('button[data-start]').count();
		const line = page.locator('button[data-start]').nth(Math.min(5, count - 1));
		await line.click();
		// Away from the lines, so none shows as hovered.
		await page.mouse.move(0, 0);
		await page.waitForTimeout(1200);
		await page.evaluate(() => document.querySelector('audio')?.pause());
		// Scroll the page to the player, as a listener would: deck on top, transcript below
		// (unless the shot is of the page's top: header, title and description on a laptop; on a
		// phone, the first screen as the page opens).
		await page.evaluate((top) => {
			const player = document.querySelector('.player');
			if (top) window.scrollTo(0, 0);
			// (On a phone, no margin: the title's last line would show above the deck.)
			else if (player) {
				const margin = innerWidth > 600 ? 8 : 0;
				window.scrollTo(0, player.getBoundingClientRect().top + window.scrollY - margin);
			}
		}, !!shot.top);
		await page.waitForTimeout(400);
	}
	if (shot.path.startsWith('/search'))
		await page.locator('[data-testid="search-results"]').waitFor();
	if (shot.kiosk) {
		await page.getByTestId('attract').click();
		if (shot.kiosk === 'clip') {
			await page.locator('a.tile').nth(3).click();
			await page.locator('[data-drawn="true"]').waitFor();
			await page.locator('[data-languages] button.line').nth(6).click();
			await page.waitForTimeout(1500);
			await page.evaluate(() => document.querySelector('audio')?.pause());
		}
		await page.waitForTimeout(400);
	} else if (shot.path === '/kiosk') {
		await page.waitForTimeout(2000); // the excerpt fades in
	}
	await page.screenshot({ path: `${out}/${shot.name}.png` });
	console.log(`${out}/${shot.name}.png`);
	await page.close();
}
await browser.close();
