// Benchmarks the clip page in headless Chromium against the built site, served on loopback.
// Prints a table and writes bench-results/latest.json. Figures, not pass/fail: this machine
// is noisy, so read medians and p95s, and compare ratios between runs.
//
//   npm run bench                      build (unless --no-build), then measure every clip
//   npm run bench -- --lead 0.6        seconds of playback before each cue boundary measured
//   npm run bench -- --clips a,b       only these clips
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { findBrowser } from './find-browser.js';

const { values } = parseArgs({
	options: {
		lead: { type: 'string', default: '0.6' },
		clips: { type: 'string' },
		'no-build': { type: 'boolean', default: false },
		port: { type: 'string', default: '4180' },
		clicks: { type: 'string', default: '30' }
	}
});
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;

if (!values['no-build'] || !existsSync('build')) {
	console.error('Building the site…');
	execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const clips = values.clips
	? values.clips.split(',')
	: readdirSync('build/clips')
			.filter((f) => f.endsWith('.html'))
			.map((f) => f.slice(0, -5));

const server = spawn('node', ['scripts/serve.js', '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
	executablePath: findBrowser(),
	args: [
		'--disable-background-networking',
		'--no-first-run',
		'--autoplay-policy=no-user-gesture-required',
		// Headless tabs must not be throttled, or timers fire late for reasons of their own.
		'--disable-background-timer-throttling',
		'--disable-renderer-backgrounding'
	]
});

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
/** @param {number[]} xs */
const summary = (xs) => ({
	n: xs.length,
	median: quantile(xs, 0.5),
	p95: quantile(xs, 0.95),
	p5: quantile(xs, 0.05),
	max: xs.length ? Math.max(...xs) : NaN,
	min: xs.length ? Math.min(...xs) : NaN
});

const results = {
	date: new Date().toISOString(),
	machine: `${process.platform} ${process.arch}`,
	clips: {}
};

for (const slug of clips) {
	const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
	await page.goto(`${BASE}/clips/${slug}`);
	await page.locator('[data-drawn="true"]').waitFor();

	// Highlight lag: for each line that becomes current during 1× playback, the audio clock at
	// that moment minus the line's start. Recorded in the page, in the mutation's own task.
	await page.evaluate(() => {
		const audio = document.querySelector('audio');
		const seen = [];
		// @ts-expect-error a benchmark probe on window
		window.__lag = seen;
		new MutationObserver((records) => {
			for (const r of records) {
				const el = /** @type {HTMLElement} */ (r.target);
				if (el.getAttribute('aria-current') === 'true' && el.closest('[data-languages]')) {
					seen.push({
						start: Number(el.dataset.start),
						at: audio.currentTime,
						paused: audio.paused
					});
				}
			}
		}).observe(document.querySelector('[data-testid="transcript"]'), {
			attributes: true,
			attributeFilter: ['aria-current'],
			subtree: true
		});
	});
	const starts = await page
		.locator('[data-languages] button[data-start]')
		.evaluateAll((els) =>
			[...new Set(els.map((e) => Number(/** @type {HTMLElement} */ (e).dataset.start)))].sort(
				(a, b) => a - b
			)
		);
	// Cross every boundary during real 1× playback: start a little before it, play through it.
	const lead = Number(values.lead);
	const crossed = starts.filter((s) => s > lead);
	for (const start of crossed) {
		await page.evaluate(
			async ({ start, lead }) => {
				const audio = document.querySelector('audio');
				audio.currentTime = start - lead;
				await new Promise((r) => audio.addEventListener('seeked', r, { once: true }));
				await audio.play();
				while (audio.currentTime < start + 0.15) await new Promise((r) => setTimeout(r, 20));
				audio.pause();
			},
			{ start, lead }
		);
	}
	/** @type {{start: number, at: number, paused: boolean}[]} */
	const seen = await page.evaluate(() => /** @type {never} */ (window).__lag);
	const lags = [];
	const hit = new Set();
	for (const s of seen) {
		if (s.paused || !crossed.includes(s.start) || hit.has(s.start)) continue;
		hit.add(s.start);
		lags.push((s.at - s.start) * 1000);
	}
	const missed = crossed.filter((s) => !hit.has(s)).length;

	// Click to highlight: from the click event to the line getting aria-current, in page time.
	const clicks = [];
	const count = await page.locator('[data-languages] button[data-start]').count();
	for (let i = 0; i < Number(values.clicks); i++) {
		const index = (i * 7 + 3) % count;
		const ms = await page.evaluate((n) => {
			const button = document.querySelectorAll('[data-languages] button[data-start]')[n];
			return new Promise((resolve) => {
				let t0 = 0;
				const observer = new MutationObserver(() => {
					if (button.getAttribute('aria-current') === 'true') {
						observer.disconnect();
						resolve(performance.now() - t0);
					}
				});
				observer.observe(button, { attributes: true, attributeFilter: ['aria-current'] });
				t0 = performance.now();
				button.click();
				if (button.getAttribute('aria-current') === 'true') resolve(performance.now() - t0);
			});
		}, index);
		clicks.push(/** @type {number} */ (ms));
		await page.evaluate(() => document.querySelector('audio').pause());
	}

	results.clips[slug] = {
		lags,
		clicks,
		highlightLagMs: summary(lags),
		boundariesCrossed: crossed.length,
		boundariesMissed: missed,
		clickToHighlightMs: summary(clicks)
	};
	await page.close();
}

await browser.close();
server.kill();

const all = Object.values(results.clips);
results.overall = {
	highlightLagMs: summary(all.flatMap((r) => r.lags)),
	boundariesCrossed: all.reduce((n, r) => n + r.boundariesCrossed, 0),
	boundariesMissed: all.reduce((n, r) => n + r.boundariesMissed, 0),
	clickToHighlightMs: summary(all.flatMap((r) => r.clicks))
};
results.clips = Object.fromEntries(
	Object.entries(results.clips).map(([slug, { lags: _l, clicks: _c, ...rest }]) => [slug, rest])
);
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
console.log(
	'\nclip                                 lag p5  median     p95     max  missed/crossed  click→highlight median/p95'
);
for (const [slug, r] of [...Object.entries(results.clips), ['ALL CLIPS', results.overall]]) {
	console.log(
		`${slug.padEnd(34)} ${fmt(r.highlightLagMs.p5).padStart(8)} ${fmt(r.highlightLagMs.median).padStart(7)} ${fmt(r.highlightLagMs.p95).padStart(7)} ${fmt(r.highlightLagMs.max).padStart(7)} ${`${r.boundariesMissed}/${r.boundariesCrossed}`.padStart(15)}  ${fmt(r.clickToHighlightMs.median)}/${fmt(r.clickToHighlightMs.p95)}`
	);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
console.log(
	'\nAll figures in ms. Wrote bench-results/latest.json (lag in ms: audio clock when the line got aria-current, minus the cue start)'
);
