// Hyperaudio Lite (npm `hyperaudio-lite`, MIT), the lightest interactive-transcript player, as a
// side-by-side peer: a page of its own over the same audio and the same 3-hour transcript, as
// the `<p><span data-m data-d>` markup it reads, measured in the same browser as our clip page.
// Bench only: the site never imports it.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** @param {string} stamp  hh:mm:ss.mmm */
const seconds = (stamp) => {
	const [h, m, s] = stamp.split(':').map(Number);
	return (
		/** @type {number} */ (h) * 3600 + /** @type {number} */ (m) * 60 + /** @type {number} */ (s)
	);
};

/** @param {string} text */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes `<site>/hal/<name>/index.html` and Hyperaudio Lite's script beside it: one paragraph
 * and one timed span per cue of `vttFile`, playing `audioUrl`. Returns the page's address path.
 * @param {string} site
 * @param {string} name
 * @param {string} vttFile
 * @param {string} audioUrl
 */
export function writeHalPage(site, name, vttFile, audioUrl) {
	const blocks = readFileSync(vttFile, 'utf8').split(/\n\n+/).slice(1);
	const paragraphs = [];
	for (const block of blocks) {
		const timing = block.match(/(\d+:\d\d:\d\d\.\d+) --> (\d+:\d\d:\d\d\.\d+)\n([^]*)/);
		if (!timing) continue;
		const start = seconds(/** @type {string} */ (timing[1]));
		const end = seconds(/** @type {string} */ (timing[2]));
		// Tags (the speaker, word timestamps) out: Hyperaudio Lite times spans, not words here.
		const text = escape(/** @type {string} */ (timing[3]).replace(/<[^>]*>/g, '').trim());
		const m = Math.round(start * 1000);
		paragraphs.push(
			`<p><span data-m="${m}" data-d="${Math.round(end * 1000) - m}">${text}</span></p>`
		);
	}
	const dir = join(site, 'hal', name);
	mkdirSync(dir, { recursive: true });
	const script = require.resolve('hyperaudio-lite');
	copyFileSync(script, join(dir, 'hyperaudio-lite.js'));
	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hyperaudio Lite: the ${name} benchmark transcript</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
audio { width: 100%; }
#hypertranscript { max-height: min(60vh, 40rem); overflow-y: auto; border: 1px solid #ccc; }
#hypertranscript p { margin: 0; padding: 0.6rem; cursor: pointer; }
#hypertranscript .active { background: #fde8c8; }
</style>
</head>
<body>
<h1>Hyperaudio Lite</h1>
<audio id="hyperplayer" controls preload="metadata" src="${audioUrl}"></audio>
<div id="hypertranscript"><article><section>
${paragraphs.join('\n')}
</section></article></div>
<script src="hyperaudio-lite.js"></script>
<script>new HyperaudioLite({ transcript: 'hypertranscript', player: 'hyperplayer' });</script>
</body>
</html>
`
	);
	return { path: `/hal/${name}/`, paragraphs: paragraphs.length, version: readVersion(script) };
}

/** @param {string} script */
function readVersion(script) {
	let dir = dirname(script);
	for (let i = 0; i < 3; i++, dir = dirname(dir)) {
		try {
			return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
		} catch {
			// not this folder
		}
	}
	return 'unknown';
}

/**
 * From navigation to the first click on a transcript line that seeks the audio: clicks the
 * third line of `selector` over and over from the moment the page starts to arrive, until a
 * `seeking` event fires. In a fresh context (empty cache). Also counts the page's elements.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {string} selector  the transcript's lines
 */
export async function firstSeekingClick(browser, url, selector) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	await page.addInitScript(() => {
		// Media events do not bubble: listen in the capture phase, before the page's code runs.
		const seeks = /** @type {number[]} */ ([]);
		/** @type {any} */ (window).__seeks = seeks;
		document.addEventListener('seeking', () => seeks.push(performance.now()), true);
	});
	await page.goto(url, { waitUntil: 'commit' });
	let clicks = 0;
	for (let tries = 0; tries < 4000; tries++) {
		const state = await page
			.evaluate((selector) => {
				if (/** @type {any} */ (window).__seeks?.length) return { done: true };
				const line = document.querySelectorAll(selector)[2];
				// Below the fold on our page (player and facts come first): bring it into view.
				if (line && line.getBoundingClientRect().bottom > innerHeight) {
					line.scrollIntoView({ block: 'center' });
				}
				const box = line?.getBoundingClientRect();
				return {
					done: false,
					box:
						box && box.width > 0 ? { x: box.x, y: box.y, w: box.width, h: box.height } : undefined
				};
			}, selector)
			.catch(() => ({ done: false, box: undefined })); // the document is being replaced
		if (state.done) break;
		if (state.box) {
			await page.mouse.click(state.box.x + state.box.w / 2, state.box.y + state.box.h / 2);
			clicks++;
		} else {
			await page.waitForTimeout(5);
		}
	}
	const seekingMs = await page.evaluate(() => /** @type {any} */ (window).__seeks[0]);
	await page.waitForLoadState('load');
	const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
	await context.close();
	return { seekingMs, clicks, elements };
}

/**
 * The bytes of a page's HTML, and of the inline script that hands SvelteKit the page's data
 * (none in a page without it), and the HTML itself.
 * @param {string} url
 */
export async function htmlBytes(url) {
	const html = await (await fetch(url)).text();
	const data = [...html.matchAll(/<script>([^]*?)<\/script>/g)]
		.map((m) => /** @type {string} */ (m[1]))
		.filter((script) => script.includes('kit.start') || script.includes('.start(app'));
	return {
		html: Buffer.byteLength(html),
		hydrationData: data.reduce((n, script) => n + Buffer.byteLength(script), 0),
		text: html
	};
}
