// Takes the README's screenshot of an embedded passage: a partner's page, served from another
// origin (127.0.0.2), that frames /embed/<clip>#t=… from a running site and sizes the frame
// from the player's `resize` message (npm run build && npm run serve first).
//   node scripts/screenshot-embed.js [base-url] [clip-slug] [out-file]
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { findBrowser } from './find-browser.js';

const [
	base = 'http://127.0.0.1:4173',
	clip = 'petrikonis-kengir-suppression',
	out = '.github/screenshots/embed-passage.png'
] = process.argv.slice(2);

const host = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's article</title></head>
<body style="max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.6 Georgia, serif; color: #222">
<h1 style="font-size: 1.7rem">Kengir, 26 June 1954</h1>
<p>In the early hours of 26 June 1954, tanks entered the Kengir camp. One prisoner remembered
that morning in the women's zone. The passage below is embedded from the archive's player.</p>
<iframe id="player" src="${base}/embed/${clip}#t=31.5,51.4" title="Testimony: passage"
	width="100%" height="560" style="border: 1px solid #ccc; border-radius: 6px"></iframe>
<p>The rest of the article goes on here.</p>
<script>
	addEventListener('message', (event) => {
		if (event.data?.protocol === 'testimony-player' && event.data.event === 'resize')
			document.getElementById('player').height = event.data.height;
	});
</script>
</body></html>`;

const server = createServer((_, response) => {
	response.setHeader('content-type', 'text/html; charset=utf-8');
	response.end(host);
});
await new Promise((done) => server.listen(0, '127.0.0.2', done));
const browser = await chromium.launch({ executablePath: findBrowser() });
try {
	const page = await browser.newPage({ viewport: { width: 1000, height: 1120 } });
	await page.goto(`http://127.0.0.2:${server.address().port}/`);
	const frame = page.frameLocator('#player');
	await frame.locator('[data-testid="waveform"][data-drawn="true"]').waitFor();
	await frame.getByTestId('embed-passage').waitFor();
	await page.waitForFunction(() => Number(document.getElementById('player').height) !== 560);
	// The spoken line (the passage's first) centred in the transcript, once it has scrolled there.
	await frame.locator('button[aria-current="true"]').first().waitFor();
	await page.frames()[1].waitForFunction(() => {
		const line = document.querySelector('button[aria-current="true"]');
		const box = line?.closest('.scroller')?.getBoundingClientRect();
		const at = line?.getBoundingClientRect();
		return !!box && !!at && at.top >= box.top && at.bottom <= box.bottom;
	});
	// Lines out of view are painted when they come near (content-visibility): let them paint.
	await page
		.frames()[1]
		.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
	await page.screenshot({ path: out });
	console.log(`Wrote ${out}`);
} finally {
	await browser.close();
	server.close();
}
