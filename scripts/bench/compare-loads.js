// Two builds of the site, loaded in turn in one browser: A, B, A, B… Cold loads are noisy on a
// shared machine, and two bench runs minutes apart see different noise; loads interleaved in
// one run see the same, so their ratio says whether a change made the page slower.
//
//   node scripts/bench/compare-loads.js --a <build dir> --b <build dir> --path /clips/<slug> [--runs 9] [--lag 4]
//
// Prints, for each build, the median and p95 of the bench's loading marks (transcript
// interactive, waveform drawn) and the ratio B ÷ A of the medians. With --lag N, also the
// highlight lag at 12 cue boundaries of each path, measured N times a build, in turn.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { findBrowser } from '../find-browser.js';
import { highlightLag, loadFigures, openClip } from './player.js';
import { fmt, summary } from './stats.js';

const { values: options } = parseArgs({
	options: {
		a: { type: 'string' },
		b: { type: 'string' },
		path: { type: 'string', multiple: true },
		runs: { type: 'string', default: '9' },
		lag: { type: 'string', default: '0' },
		port: { type: 'string', default: '5790' }
	}
});
if (!options.a || !options.b || !options.path?.length) {
	console.error('Usage: compare-loads.js --a <dir> --b <dir> --path /clips/<slug> [--runs 9]');
	process.exit(2);
}
const runs = Number(options.runs);
const builds = [
	{ name: 'A', dir: options.a, port: Number(options.port) },
	{ name: 'B', dir: options.b, port: Number(options.port) + 1 }
];
const servers = builds.map(({ dir, port }) =>
	spawn('node', ['scripts/serve.js', '--port', String(port), '--dir', dir], { stdio: 'ignore' })
);
for (const { port } of builds) {
	for (let tries = 0; ; tries++) {
		const up = await fetch(`http://127.0.0.1:${port}/`).then(
			() => true,
			() => false
		);
		if (up) break;
		if (tries > 300) throw new Error(`Nothing answers on port ${port}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
const browser = await chromium.launch({
	executablePath: findBrowser(),
	// The bench's own flags (scripts/bench.js): playback without a gesture, timers unthrottled.
	args: [
		'--disable-background-networking',
		'--no-first-run',
		'--autoplay-policy=no-user-gesture-required',
		'--disable-background-timer-throttling',
		'--disable-renderer-backgrounding'
	]
});
try {
	for (const path of options.path) {
		/** @type {Record<string, {interactive: number[], drawn: number[]}>} */
		const marks = { A: { interactive: [], drawn: [] }, B: { interactive: [], drawn: [] } };
		// One load of each first, not counted: it warms the server's file cache for both.
		for (const { port } of builds) await loadFigures(browser, `http://127.0.0.1:${port}${path}`);
		for (let run = 0; run < runs; run++) {
			// Alternate which build goes first, so neither always follows the other.
			const order = run % 2 ? [...builds].reverse() : builds;
			for (const { name, port } of order) {
				const figures = await loadFigures(browser, `http://127.0.0.1:${port}${path}`);
				marks[name].interactive.push(figures.transcriptInteractive);
				marks[name].drawn.push(figures.waveformDrawn);
			}
		}
		console.log(`${path} (${runs} cold loads of each, interleaved; median, p95)`);
		for (const figure of /** @type {const} */ (['interactive', 'drawn'])) {
			const [a, b] = [summary(marks.A[figure]), summary(marks.B[figure])];
			const label = figure === 'interactive' ? 'transcript interactive' : 'waveform drawn';
			console.log(
				`  ${label.padEnd(24)} A ${fmt(a.median, 0)} ms (${fmt(a.p95, 0)})   B ${fmt(b.median, 0)} ms (${fmt(b.p95, 0)})   B ÷ A ${fmt(b.median / a.median, 2)}`
			);
		}
		const lagRounds = Number(options.lag);
		if (!lagRounds) continue;
		/** @type {Record<string, number[]>} */
		const lags = { A: [], B: [] };
		for (let round = 0; round < lagRounds; round++) {
			const order = round % 2 ? [...builds].reverse() : builds;
			for (const { name, port } of order) {
				const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
				await openClip(page, `http://127.0.0.1:${port}${path}`);
				lags[name].push(...(await highlightLag(page, { lead: 0.6, sample: 12 })).lags);
				await page.close();
			}
		}
		const [a, b] = [summary(lags.A), summary(lags.B)];
		const show = (/** @type {ReturnType<typeof summary>} */ s) =>
			`${fmt(s.median, 2)} / ${fmt(s.p95, 2)} / ${fmt(s.max, 1)} ms`;
		console.log(`  highlight lag (median / p95 / max, ${a.n} and ${b.n} crossings)`);
		console.log(`    A ${show(a)}   B ${show(b)}`);
	}
} finally {
	await browser.close();
	for (const server of servers) server.kill();
}
