// The benchmark: builds the site twice (the demo collection, then the demo collection plus a
// generated 3-hour interview and a 2-hour one of short lines), serves the result on loopback like any static host, drives
// headless Chromium through Playwright and Lighthouse, prints tables and writes
// bench-results/latest.json. Figures, not pass/fail: this machine is noisy, so read medians and
// p95s and compare ratios between runs. BENCHMARKS.md records a run and the budgets.
//
//   npm run bench                  everything (about twenty minutes on two cores)
//   npm run bench -- --no-build    reuse the last builds (no build times then)
//   npm run bench -- --quick       fewer samples, no Lighthouse: a quick look
//   npm run bench -- --first-moments  only the long pages beside Hyperaudio Lite, in rounds
//   npm run bench -- --rounds 25   that many rounds beside Hyperaudio Lite (7 by default)
//   npm run bench -- --lag-only    the highlight lag on the demo clips, in each engine installed
//                                  (Chromium; Firefox ESR and WebKitGTK when installed): minutes
import { execFileSync, spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, firefox } from '@playwright/test';
import { runnerImport } from 'vite';
import { findBrowser, findFirefox, findWebKit } from './find-browser.js';
import { firstMoments } from './bench/first-moments.js';
import { LONG_SLUG, SHORT_CUES_SLUG, writeLongFixture } from './bench/long-fixture.js';
import { canMakeSoundOutput, soundSocket, startSoundOutput } from './sound-output.js';
import { startWebKitDriver, webkitSession } from './webkit-driver.js';
import { runLighthouse } from './bench/lighthouse.js';
import { firstSeekingClick, htmlBytes, writeHalPage } from './bench/peer.js';
import { kioskSoak } from './bench/kiosk.js';
import { searchFigures } from './bench/search.js';
import { writeSearchFixture } from './bench/search-fixture.js';
import {
	clickLatency,
	highlightLag,
	loadFigures,
	longTasksWhilePlaying,
	openClip
} from './bench/player.js';
import { fmt, kb, summary, table } from './bench/stats.js';

const { values: options } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		quick: { type: 'boolean', default: false },
		port: { type: 'string', default: '4180' },
		lead: { type: 'string', default: '0.6' },
		'lag-only': { type: 'boolean', default: false },
		'first-moments': { type: 'boolean', default: false },
		rounds: { type: 'string' }
	}
});
const lagOnly = options['lag-only'];
const momentsOnly = options['first-moments'];
const quick = options.quick;
const PORT = Number(options.port);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = 'bench-results';
const FIXTURE = join(OUT, 'transcripts');
const SITE = join(OUT, 'site');
// The site again with the search index of a synthetic 1,000-hour archive in place of its own.
const SEARCH_SITE = join(OUT, 'search-1000h');
const DEMO_SHORT = 'seikalis-informers';
const LIGHTHOUSE_RUNS = 5;
/** Lighthouse mobile performance budgets: the 3-hour page's is issue 17's. */
const LIGHTHOUSE_BUDGET = { [DEMO_SHORT]: 95, [LONG_SLUG]: 90 };
const lead = Number(options.lead);
const executablePath = findBrowser();
mkdirSync(OUT, { recursive: true });

/** Runs a production build with this environment; returns its wall time in seconds. */
function build(env) {
	const started = performance.now();
	execFileSync('npx', ['vite', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...env }
	});
	return (performance.now() - started) / 1000;
}

const results = {
	date: new Date().toISOString(),
	machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
	chromium: execFileSync(executablePath, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
		.toString()
		.trim()
};

// 1. Builds, each with an empty audio cache, so the times include decoding every recording.
if (lagOnly) {
	// The demo collection alone is enough for the lag on the demo clips.
	if (!options['no-build'] || !existsSync(join(SITE, 'index.html'))) {
		console.error('Building the demo collection…');
		build({ BUILD_DIR: SITE });
	}
} else if (
	!options['no-build'] ||
	!existsSync(join(SITE, 'clips', `${SHORT_CUES_SLUG}.html`)) // a site built before it had one
) {
	console.error('Generating the 3-hour fixture…');
	const fixture = await writeLongFixture(FIXTURE, { shortCues: true });
	console.error(
		`  ${fixture.cues} cues in two languages, ${fixture.duration / 3600} hours of audio`
	);
	const cache = () => mkdtempSync(join(tmpdir(), 'testimony-bench-cache-'));
	if (momentsOnly) {
		// The pages only: one build, with the audio cache as it is, and no build times.
		console.error('Building the demo collection plus the 3-hour and 2-hour interviews…');
		build({ TRANSCRIPTS_DIR: FIXTURE, BUILD_DIR: SITE });
	} else {
		console.error('Building the demo collection…');
		const demoSeconds = build({ AUDIO_CACHE_DIR: cache() });
		console.error('Building the demo collection plus the 3-hour and 2-hour interviews…');
		const longSeconds = build({
			TRANSCRIPTS_DIR: FIXTURE,
			BUILD_DIR: SITE,
			AUDIO_CACHE_DIR: cache()
		});
		const warmSeconds = build({ TRANSCRIPTS_DIR: FIXTURE, BUILD_DIR: SITE });
		results.build = { demoSeconds, longSeconds, warmSeconds, fixture };
	}
}
const searchToo = !lagOnly && !momentsOnly;
if (searchToo && (!options['no-build'] || !existsSync(join(SEARCH_SITE, 'fixture.json')))) {
	console.error('Writing the search index of a 1,000-hour archive…');
	rmSync(SEARCH_SITE, { recursive: true, force: true });
	cpSync(SITE, SEARCH_SITE, {
		recursive: true,
		filter: (from) => !/^(media|clips|search[/\\](shards|text))([/\\]|$)/.test(relative(SITE, from))
	});
	const started = performance.now();
	const written = await writeSearchFixture(SEARCH_SITE, { hours: 1000 });
	written.seconds = (performance.now() - started) / 1000;
	writeFileSync(join(SEARCH_SITE, 'fixture.json'), JSON.stringify(written));
}
const searchFixture = !searchToo
	? undefined
	: JSON.parse(readFileSync(join(SEARCH_SITE, 'fixture.json'), 'utf8'));
// The peer's pages, over each long clip's audio and its original transcript.
/** @param {string} slug */
const halPage = (slug) =>
	writeHalPage(SITE, slug, join(FIXTURE, slug, 'en.vtt'), `/media/${slug}/audio.wav`);
const hal = lagOnly ? undefined : halPage(LONG_SLUG);
const halShortCues = lagOnly ? undefined : halPage(SHORT_CUES_SLUG);

// The server logs each response with the bytes it really sent: the browser's own accounting
// leaves out media requests it cancels.
/** @param {string} dir @param {number} port */
function startServer(dir, port) {
	const child = spawn('node', ['scripts/serve.js', '--port', String(port), '--dir', dir, '--log'], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	/** @type {{url: string, range?: string, status: number, bytes: number}[]} */
	const log = [];
	let partialLine = '';
	child.stdout.on('data', (chunk) => {
		const lines = (partialLine + chunk).split('\n');
		partialLine = lines.pop() ?? '';
		for (const line of lines) if (line.trim()) log.push(JSON.parse(line));
	});
	return { served: log, stop: () => child.kill() };
}
/** Waits until a server answers: sirv reads the whole tree first, long for the big index. */
async function waitForServer(url) {
	for (let tries = 0; tries < 600; tries++) {
		if (
			await fetch(url).then(
				() => true,
				() => false
			)
		)
			return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`Nothing answers at ${url}`);
}
const server = startServer(SITE, PORT);
const served = server.served;
const SEARCH_PORT = PORT + 2;
/** WebKitWebDriver's (the tests' start at 4215). */
const WEBKIT_DRIVER_PORT = PORT + 3;
const searchServer = !searchToo
	? { served: [], stop: () => {} }
	: startServer(SEARCH_SITE, SEARCH_PORT);
await waitForServer(BASE);
if (searchToo) await waitForServer(`http://127.0.0.1:${SEARCH_PORT}`);
const browser = await chromium.launch({
	executablePath,
	args: [
		'--disable-background-networking',
		'--no-first-run',
		'--autoplay-policy=no-user-gesture-required',
		// Headless tabs must not be throttled, or timers fire late for reasons of their own.
		'--disable-background-timer-throttling',
		'--disable-renderer-backgrounding'
	]
});

/**
 * Ends a bench that measures one thing: writes its figures to `file` in bench-results/, then
 * stops what the finally block at the end would, and the process (the rest is skipped).
 * @param {string} file
 * @param {object} figures
 */
async function finishEarly(file, figures) {
	writeFileSync(
		join(OUT, file),
		JSON.stringify(
			{ date: new Date().toISOString(), machine: results.machine, ...figures },
			null,
			2
		)
	);
	await browser.close();
	server.stop();
	process.exit(0);
}

/** Rounds beside Hyperaudio Lite: one round swings by ±20 %, so 7 by default (`--rounds N`). */
const MOMENT_ROUNDS = Number(options.rounds ?? (quick ? 2 : 7));

/**
 * Our long clip pages and Hyperaudio Lite's over the same transcripts and audio (issue 35): on
 * each long clip, rounds of a cold load of each page, the order swapped every round; in each,
 * one load for what is painted and blocked, one for the first click that seeks.
 * @returns {Promise<Record<string, {ours: any[], hal: any[]}>>}
 */
async function besideHyperaudioLite() {
	console.error(`Side by side with Hyperaudio Lite ${hal.version}…`);
	const ourLines = '[data-languages] button[data-start]';
	const halLines = '#hypertranscript [data-m]';
	/** @type {Record<string, {ours: any[], hal: any[]}>} */
	const rounds = {};
	for (const [slug, peerPage] of [
		[LONG_SLUG, hal],
		[SHORT_CUES_SLUG, halShortCues]
	]) {
		const runs = (rounds[slug] = { ours: [], hal: [] });
		const pages = [
			['ours', `${BASE}/clips/${slug}`, ourLines],
			['hal', `${BASE}${peerPage.path}`, halLines]
		];
		for (let i = 0; i < MOMENT_ROUNDS; i++) {
			for (const [who, url, lines] of i % 2 ? [...pages].reverse() : pages) {
				const moments = await firstMoments(browser, url, lines);
				const click = await firstSeekingClick(browser, url, lines);
				runs[who].push({ ...moments, seekingMs: click.seekingMs });
			}
		}
	}
	return rounds;
}

const MOMENT_KEYS = ['fcp', 'firstLine', 'seekingMs', 'tbt', 'elements'];
/** Total blocking time is 0 for Hyperaudio Lite, and elements do not vary: no ratio per round. */
const PAIRED_KEYS = ['fcp', 'firstLine', 'seekingMs'];

/**
 * Medians (and the rest) of each figure, ours and Hyperaudio Lite's, per clip; and, per figure,
 * the ratio within each round. The machine's speed drifts between rounds by more than the pages
 * differ, and both pages of a round load within seconds of each other, so the median of those
 * ratios (and how many rounds ours was not slower) shows a difference the two medians blur.
 */
function firstMomentsSummary(rounds) {
	/** @param {any[]} runs */
	const of = (runs) =>
		Object.fromEntries(MOMENT_KEYS.map((key) => [key, summary(runs.map((run) => run[key]))]));
	/** @param {{ours: any[], hal: any[]}} runs */
	const inRounds = (runs) =>
		Object.fromEntries(
			PAIRED_KEYS.map((key) => {
				const pairs = runs.ours.map((ours, i) => [ours[key], runs.hal[i][key]]);
				return [
					key,
					{
						ratioMedian: summary(pairs.map(([a, b]) => a / b)).median,
						notSlower: pairs.filter(([a, b]) => a <= b).length
					}
				];
			})
		);
	return Object.fromEntries(
		Object.entries(rounds).map(([slug, runs]) => [
			slug,
			{ rounds: runs.ours.length, ours: of(runs.ours), hal: of(runs.hal), inRounds: inRounds(runs) }
		])
	);
}

function printFirstMoments(summaries) {
	const ratio = (a, b) => fmt(a / b, 2);
	for (const [slug, title] of [
		[LONG_SLUG, 'the 3-hour clip (about 5,000 cues, English and French)'],
		[SHORT_CUES_SLUG, 'the 2-hour clip (3,600 cues of 2 s, English only)']
	]) {
		const fm = summaries[slug];
		/** @param {string} label @param {string} key @param {string} unit @param {number} [budget] */
		const row = (label, key, unit, budget) => {
			const ours = fm.ours[key].median;
			const theirs = fm.hal[key].median;
			const paired = fm.inRounds[key];
			const inRounds = !paired
				? ''
				: `; in rounds ×${fmt(paired.ratioMedian, 2)}, not slower in ${paired.notSlower}/${fm.rounds}`;
			return /** @type {[string, string, string?, boolean?]} */ ([
				`${label}: ours / HAL`,
				`${fmt(ours, 0)} / ${fmt(theirs, 0)}${unit} (×${ratio(ours, theirs)}${inRounds})`,
				...(budget === undefined ? [] : [`ratio <= ${budget}`, ours <= budget * theirs])
			]);
		};
		table(
			`Beside Hyperaudio Lite ${hal.version}, ${title}: medians of ${fm.rounds} rounds, each a cold load of both pages in alternating order`,
			[
				row('first contentful paint', 'fcp', ' ms', 1),
				row('first transcript line in the page', 'firstLine', ' ms'),
				row('first click that seeks, from navigation', 'seekingMs', ' ms', 0.8),
				row('total blocking time', 'tbt', ' ms'),
				row('elements in the page', 'elements', '')
			]
		);
	}
}

try {
	if (momentsOnly) {
		const moments = firstMomentsSummary(await besideHyperaudioLite());
		printFirstMoments(moments);
		await finishEarly('first-moments.json', { moments });
	}
	const demoClips = readdirSync('transcripts', { withFileTypes: true })
		.filter((e) => e.isDirectory() && existsSync(join('transcripts', e.name, 'clip.json')))
		.map((e) => e.name);

	// 2. Highlight lag at cue boundaries during 1× playback, in each engine installed.
	const viewport = { width: 1366, height: 768 };
	/** @param {() => Promise<import('@playwright/test').Page>} newPage a fresh page of the engine */
	const demoLag = async (newPage) => {
		const into = { lags: [], clockLags: [], steps: [], crossed: 0, missed: 0, stalled: 0 };
		for (const slug of quick ? [DEMO_SHORT] : demoClips) {
			const page = await newPage();
			try {
				await openClip(page, `${BASE}/clips/${slug}`);
				const r = await highlightLag(page, { lead });
				into.lags.push(...r.lags);
				into.clockLags.push(...r.clockLags);
				into.steps.push(...r.steps);
				into.crossed += r.crossed;
				into.missed += r.missed;
				into.stalled += r.stalled;
			} finally {
				await page.close();
			}
		}
		return into;
	};
	console.error('Highlight lag on the demo clips…');
	const lag = {
		demo: await demoLag(() => browser.newPage({ viewport })),
		long: undefined,
		firefox: undefined,
		firefoxSound: undefined,
		webkit: undefined
	};
	const firefoxPath = findFirefox();
	/** Firefox's lag, with PULSE_SERVER as given (no sound output, or the virtual one). */
	const firefoxLag = async (pulseServer) => {
		const other = await firefox.launch({
			channel: 'moz-firefox',
			executablePath: firefoxPath,
			env: { ...process.env, PULSE_SERVER: pulseServer },
			firefoxUserPrefs: { 'media.autoplay.default': 0, 'media.autoplay.blocking_policy': 0 }
		});
		try {
			return { ...(await demoLag(() => other.newPage({ viewport }))), version: other.version() };
		} finally {
			await other.close();
		}
	};
	if (firefoxPath) {
		console.error('Highlight lag on the demo clips, in Firefox with no sound output…');
		lag.firefox = await firefoxLag('unix:/nonexistent/no-sound-output');
		if (canMakeSoundOutput()) {
			console.error('Highlight lag on the demo clips, in Firefox with a (virtual) sound output…');
			const stopSound = await startSoundOutput();
			try {
				lag.firefoxSound = await firefoxLag(`unix:${soundSocket()}`);
			} finally {
				stopSound();
			}
		}
	}
	// WebKitGTK, which Playwright cannot drive: through the tests' WebDriver page (one
	// implementation: Vite loads its TypeScript, as for the other modules the bench borrows).
	const noWebKit = 'not installed (apt-get install webkit2gtk-driver xvfb)';
	if (findWebKit()) {
		console.error('Highlight lag on the demo clips, in WebKitGTK (MiniBrowser under Xvfb)…');
		/** @type {{ module: typeof import('../tests/webdriver-page.ts') }} */
		const { module: webDriverPage } = await runnerImport(resolve('tests/webdriver-page.ts'), {
			configFile: false
		});
		const driver = await startWebKitDriver(WEBKIT_DRIVER_PORT);
		try {
			let version = '';
			const measured = await demoLag(async () => {
				// A fresh MiniBrowser for each clip, as for each test; page.close() closes it.
				// Playback started from a script, as the other engines are launched to allow.
				const client = await webkitSession(driver, ['--autoplay-policy=allow']);
				version ||= String(client.capabilities.browserVersion ?? '');
				return webDriverPage.WebDriverPage.open(client, BASE, viewport);
			});
			lag.webkit = { ...measured, version };
		} finally {
			await driver.stop();
		}
	} else {
		console.error(`WebKitGTK: ${noWebKit}; its highlight lag is not measured.`);
	}
	if (lagOnly) {
		const ms = (l) => {
			const s = summary(l);
			return `${fmt(s.median, 2)} / ${fmt(s.p95, 2)} / ${fmt(s.max, 2)} ms`;
		};
		const engines = [[`Chromium ${browser.version()}`, lag.demo]];
		if (lag.firefox) engines.push([`Firefox ${lag.firefox.version}, no sound output`, lag.firefox]);
		if (lag.firefoxSound)
			engines.push([`Firefox ${lag.firefoxSound.version}, virtual sound output`, lag.firefoxSound]);
		if (lag.webkit)
			engines.push([`WebKitGTK ${lag.webkit.version} (MiniBrowser), no sound output`, lag.webkit]);
		table(
			'Highlight lag at cue boundaries on the demo clips, 1× playback (median / p95 / max): page time when the line gets aria-current minus page time when the audio reached the cue start; currentTime then minus the start; and the steps in which currentTime moved near the starts (audio ms per change seen by a timer loop)',
			[
				...engines.flatMap(([name, l]) => [
					[
						`${name} (${l.crossed} boundaries, ${l.missed} missed, ${l.stalled} stalled)`,
						ms(l.lags)
					],
					['  as currentTime then, minus the start', ms(l.clockLags)],
					[`  currentTime steps (${l.steps.length})`, ms(l.steps)]
				]),
				...(findFirefox() ? [] : [['Firefox', 'not installed (apt-get install firefox-esr)']]),
				...(lag.webkit ? [] : [['WebKitGTK', noWebKit]])
			]
		);
		await finishEarly('lag.json', { lag });
	}
	// The same with the captions view shown: its text must change in the same frame as the line.
	console.error('Captions view against the highlight…');
	const captionGaps = [];
	let captionBoundaries = 0;
	for (const slug of quick ? [DEMO_SHORT] : demoClips.slice(0, 3)) {
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await page.addInitScript(() =>
			localStorage.setItem('testimony-player.captions', JSON.stringify({ shown: true }))
		);
		await openClip(page, `${BASE}/clips/${slug}`);
		const r = await highlightLag(page, { lead });
		captionGaps.push(...r.captionGaps);
		captionBoundaries += r.crossed;
		await page.close();
	}
	console.error('Highlight lag on the 3-hour clip…');
	{
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await openClip(page, `${BASE}/clips/${LONG_SLUG}`);
		lag.long = await highlightLag(page, { lead, sample: quick ? 30 : 150 });
		await page.close();
	}

	// 3. Click latencies, on a short clip and on the 3-hour one.
	console.error('Click latencies…');
	const clicks = {};
	for (const slug of [DEMO_SHORT, LONG_SLUG]) {
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await openClip(page, `${BASE}/clips/${slug}`);
		clicks[slug] = await clickLatency(page, quick ? 8 : 30);
		await page.close();
	}

	// 4. Loading, in fresh contexts (empty cache), repeated because single loads are noisy.
	console.error('Loading figures…');
	const loads = {};
	for (const slug of [DEMO_SHORT, LONG_SLUG]) {
		const audioFile = JSON.parse(readFileSync(join(FIXTURE, slug, 'clip.json'), 'utf8')).audio;
		loads[slug] = [];
		const audioPath = `/media/${slug}/${audioFile}`;
		for (let i = 0; i < (quick ? 3 : 7); i++) {
			const from = served.length;
			const figures = await loadFigures(browser, `${BASE}/clips/${slug}`);
			await new Promise((r) => setTimeout(r, 300));
			const audio = served.slice(from).filter((r) => r.url === audioPath);
			figures.audioBytesBeforePlay = audio.reduce((n, r) => n + r.bytes, 0);
			figures.audioRequests = audio.map((r) => `${r.range ?? 'whole file'}: ${r.bytes} bytes`);
			figures.bytesBeforePlay += figures.audioBytesBeforePlay;
			loads[slug].push(figures);
		}
	}

	// The 3-hour clip for a visitor who chose French: the parallel view, twice the lines.
	const parallelLoads = [];
	for (let i = 0; i < (quick ? 2 : 5); i++) {
		parallelLoads.push(await loadFigures(browser, `${BASE}/clips/${LONG_SLUG}`, 'fr'));
	}

	// 4b. Side by side with Hyperaudio Lite on the same transcripts and audio (issue 35): on each
	// long clip, rounds of a cold load of each page, the order swapped every round; in each, one
	// load for what is painted and blocked, one for the first click that seeks.
	const rounds = await besideHyperaudioLite();
	const peer = rounds[LONG_SLUG];
	const ourHtml = await htmlBytes(`${BASE}/clips/${LONG_SLUG}`);
	// What the page fetches as it starts, beside its HTML: a long interview's word timings and
	// the lines of the translation not shown (see setDetailsApart in $lib/transcript/outline).
	const ourDetails = await (await fetch(`${BASE}/clips/${LONG_SLUG}/outline.json`)).text();
	const halHtml = await htmlBytes(`${BASE}${hal.path}`);
	// The same line's text, counted in the page: once in the markup (English), once in the data
	// (French, which the page does not show as markup).
	const count = (text, sample) => text.split(sample).length - 1;
	const markupShape = await (async () => {
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await openClip(page, `${BASE}/clips/${LONG_SLUG}`);
		const shape = await page.evaluate(() => {
			const items = [...document.querySelectorAll('[data-languages] [role="listitem"]')];
			// The line's own elements; the cue's content (a speaker where it changes, WebVTT
			// formatting tags) is counted apart: it is text, not structure.
			const content = (item) =>
				item.querySelector('button.line')?.getElementsByTagName('*').length ?? 0;
			const perItem = items.map(
				(item) => item.getElementsByTagName('*').length + 1 - content(item)
			);
			const lines = document.querySelectorAll('[data-languages] button[data-start]').length;
			return {
				lines,
				items: items.length,
				elements: perItem.reduce((n, x) => n + x, 0),
				max: Math.max(...perItem),
				withContentTags: items.filter((item) => content(item) > 0).length
			};
		});
		await page.close();
		return shape;
	})();

	// 5. Long tasks while playing the 3-hour clip.
	console.error('Long tasks during playback…');
	let playing;
	{
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await openClip(page, `${BASE}/clips/${LONG_SLUG}`);
		playing = await longTasksWhilePlaying(page, quick ? 5 : 30);
		await page.close();
	}

	// 6. Lighthouse, mobile preset.
	const lighthouse = {};
	if (!quick) {
		for (const slug of [DEMO_SHORT, LONG_SLUG]) {
			// One Lighthouse run on this 2-core machine swings by ±8 points: report the run with the
			// median score of several, as Lighthouse's own guidance says, with the scores of all.
			const runs = [];
			for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
				console.error(`Lighthouse on ${slug}, run ${run} of ${LIGHTHOUSE_RUNS}…`);
				runs.push(await runLighthouse(executablePath, `${BASE}/clips/${slug}`, PORT + 100));
			}
			const sorted = [...runs].sort((a, b) => a.performance - b.performance);
			lighthouse[slug] = {
				...sorted[Math.floor(sorted.length / 2)],
				runs: runs.map((r) => r.performance)
			};
		}
	}

	// 7. Search over the 1,000-hour index.
	console.error('Search over a 1,000-hour index…');
	const { commonWord, middlingWord } = searchFixture;
	const queries = {
		'rare name': 'Kengir',
		'most frequent word': commonWord,
		'middling word': middlingWord,
		'two words': `${commonWord} ${middlingWord}`,
		'no match': 'Zzyzx'
	};
	const search = await searchFigures(
		browser,
		`http://127.0.0.1:${SEARCH_PORT}`,
		searchServer.served,
		Object.values(queries),
		quick ? 1 : 5
	);

	// 8. The kiosk soak: many visits in one page, each ended by the idle reset.
	console.error('Kiosk soak…');
	const soak = await kioskSoak(browser, BASE, quick ? 8 : 30);

	// Summaries.
	const sizeOf = (url) => {
		const file = join(SITE, new URL(url).pathname);
		return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
	};
	const shortLoad = loads[DEMO_SHORT][0];
	const jsGzip = shortLoad.scripts.reduce((n, s) => n + sizeOf(s.url), 0);
	const cssGzip = shortLoad.styles.reduce((n, s) => n + sizeOf(s.url), 0);
	const peaksFile = join(SITE, 'clips', LONG_SLUG, 'peaks.json');
	const peaks = {
		raw: statSync(peaksFile).size,
		gzip: gzipSync(readFileSync(peaksFile), { level: 9 }).length,
		brotli: existsSync(`${peaksFile}.br`) ? statSync(`${peaksFile}.br`).size : NaN
	};
	const audioSize = statSync(join(SITE, 'media', LONG_SLUG, 'audio.wav')).size;
	const of = (slug, key) => summary(loads[slug].map((l) => l[key]));
	const longTaskDurations = playing.longTasks.map((t) => t.duration);

	/** @param {{lags: number[], clockLags: number[], steps: number[], crossed: number, missed: number}} l */
	const lagSummary = (l) => ({
		ms: summary(l.lags),
		clockMs: summary(l.clockLags),
		stepMs: summary(l.steps),
		crossed: l.crossed,
		missed: l.missed
	});
	results.highlightLag = {
		demo: lagSummary(lag.demo),
		long: { ...lagSummary(lag.long), outliers: lag.long.outliers },
		firefox: lag.firefox && { ...lagSummary(lag.firefox), version: lag.firefox.version },
		firefoxSound: lag.firefoxSound && {
			...lagSummary(lag.firefoxSound),
			version: lag.firefoxSound.version
		},
		webkit: lag.webkit && { ...lagSummary(lag.webkit), version: lag.webkit.version }
	};
	results.captionsView = {
		gapMs: summary(captionGaps),
		measured: captionGaps.length,
		boundaries: captionBoundaries
	};
	results.clicks = Object.fromEntries(
		Object.entries(clicks).map(([slug, c]) => [
			slug,
			Object.fromEntries(
				Object.entries(c).map(([target, m]) => [
					target,
					Object.fromEntries(Object.entries(m).map(([k, xs]) => [k, summary(xs)]))
				])
			)
		])
	);
	results.load = Object.fromEntries(
		[DEMO_SHORT, LONG_SLUG].map((slug) => [
			slug,
			{
				waveformDrawnMs: of(slug, 'waveformDrawn'),
				transcriptInteractiveMs: of(slug, 'transcriptInteractive'),
				domContentLoadedMs: of(slug, 'domContentLoaded'),
				heapBytes: of(slug, 'heapBytes'),
				domNodes: loads[slug][0].domNodes,
				elements: loads[slug][0].elements,
				lines: loads[slug][0].lines,
				bytesBeforePlay: of(slug, 'bytesBeforePlay'),
				audioBytesBeforePlay: of(slug, 'audioBytesBeforePlay'),
				audioRequests: loads[slug][0].audioRequests
			}
		])
	);
	results.load.parallel = {
		waveformDrawnMs: summary(parallelLoads.map((l) => l.waveformDrawn)),
		transcriptInteractiveMs: summary(parallelLoads.map((l) => l.transcriptInteractive)),
		heapBytes: summary(parallelLoads.map((l) => l.heapBytes)),
		lines: parallelLoads[0].lines
	};
	const seekMs = (runs) => summary(runs.map((r) => r.seekingMs));
	results.firstMoments = firstMomentsSummary(rounds);
	results.peer = {
		hyperaudioLite: hal.version,
		firstSeekingClickMs: { ours: seekMs(peer.ours), hal: seekMs(peer.hal) },
		elements: { ours: peer.ours[0].elements, hal: peer.hal[0].elements },
		htmlBytes: { ours: ourHtml.html, hal: halHtml.html },
		hydrationDataBytes: ourHtml.hydrationData,
		detailsBytes: Buffer.byteLength(ourDetails),
		markup: markupShape,
		textCopies: {
			english: count(ourHtml.text + ourDetails, 'Benchmark line 2345:'),
			french: count(ourHtml.text + ourDetails, 'Ligne d’essai 2345 ')
		}
	};
	results.transfer = { jsGzip, cssGzip, peaks, longAudioBytes: audioSize };
	results.playback = {
		seconds: quick ? 5 : 30,
		longTasks: longTaskDurations.length,
		longestTaskMs: longTaskDurations.length ? Math.max(...longTaskDurations) : 0,
		linesChanged: playing.linesChanged
	};
	results.lighthouse = lighthouse;
	results.search = {
		fixture: searchFixture,
		pageBytes: summary(search.pageLoads),
		queries: Object.fromEntries(
			Object.entries(queries).map(([kind, q]) => {
				const r = search.perQuery[q];
				return [
					kind,
					{
						query: q,
						ms: summary(r.ms),
						warmMs: summary(r.warmMs),
						bytes: r.bytes,
						files: r.files,
						lines: r.total
					}
				];
			})
		)
	};

	// The report.
	const ms = (s) => `${fmt(s.median, 2)} / ${fmt(s.p95, 2)} ms`;
	const hl = results.highlightLag;
	table(
		'Highlight lag at cue boundaries, 1× playback (page time when the line gets aria-current, minus page time when the audio reached the cue start; median / p95)',
		[
			[
				`Chromium, demo clips (${hl.demo.crossed} boundaries)`,
				ms(hl.demo.ms),
				'p95 < 5 ms',
				hl.demo.ms.p95 < 5
			],
			[`  as currentTime then, minus the start`, ms(hl.demo.clockMs)],
			[`  missed`, String(hl.demo.missed), '0', hl.demo.missed === 0],
			[
				`Chromium, 3-hour clip (${hl.long.crossed} boundaries)`,
				ms(hl.long.ms),
				'p95 < 5 ms',
				hl.long.ms.p95 < 5
			],
			[`  as currentTime then, minus the start`, ms(hl.long.clockMs)],
			[`  missed`, String(hl.long.missed), '0', hl.long.missed === 0],
			[
				`  max (over 20 ms: ${hl.long.outliers.length}, of which during a long task: ${hl.long.outliers.filter((o) => o.longTasksMs.length).length})`,
				`${fmt(hl.long.ms.max, 2)} ms`,
				'<= 20 ms',
				hl.long.ms.max <= 20
			],
			...(hl.firefox
				? [
						[
							`Firefox ${hl.firefox.version}, demo clips (${hl.firefox.crossed} boundaries)`,
							ms(hl.firefox.ms),
							'p95 < 10 ms',
							hl.firefox.ms.p95 < 10
						],
						[`  as currentTime then (in ~40 ms steps), minus the start`, ms(hl.firefox.clockMs)],
						[`  missed`, String(hl.firefox.missed), '0', hl.firefox.missed === 0]
					]
				: [['Firefox', 'not installed (apt-get install firefox-esr)']]),
			...(hl.firefoxSound
				? [
						[
							`Firefox ${hl.firefoxSound.version} with a virtual sound output (${hl.firefoxSound.crossed} boundaries)`,
							ms(hl.firefoxSound.ms),
							'p95 < 10 ms',
							hl.firefoxSound.ms.p95 < 10
						],
						[`  as currentTime then, minus the start`, ms(hl.firefoxSound.clockMs)],
						[`  missed`, String(hl.firefoxSound.missed), '0', hl.firefoxSound.missed === 0]
					]
				: []),
			...(hl.webkit
				? [
						[
							`WebKitGTK ${hl.webkit.version} (MiniBrowser), demo clips (${hl.webkit.crossed} boundaries)`,
							ms(hl.webkit.ms)
						],
						[`  as currentTime then, minus the start`, ms(hl.webkit.clockMs)],
						[`  currentTime steps near the starts`, ms(hl.webkit.stepMs)],
						[`  missed`, String(hl.webkit.missed), '0', hl.webkit.missed === 0]
					]
				: [['WebKitGTK', noWebKit]])
		]
	);
	// Where each outlier came from: what ran while its line was late (Chromium's long frames).
	for (const o of hl.long.outliers) {
		const work = o.frames.length
			? o.frames.join('; ')
			: `long tasks: ${o.longTasksMs.join(', ') || 'none'}`;
		console.log(`    outlier at ${fmt(o.start, 1)} s, ${fmt(o.lagMs, 1)} ms late: ${work}`);
	}
	const pr = results.peer;
	const ratio = (a, b) => fmt(a / b, 2);
	printFirstMoments(results.firstMoments);
	table(
		`Side by side with Hyperaudio Lite ${pr.hyperaudioLite}: the 3-hour transcript (${pr.markup.lines} lines), its markup`,
		[
			[
				'bytes of HTML: ours / HAL',
				`${kb(pr.htmlBytes.ours)} / ${kb(pr.htmlBytes.hal)} (×${ratio(pr.htmlBytes.ours, pr.htmlBytes.hal)})`
			],
			['  of ours, the inline hydration data', kb(pr.hydrationDataBytes)],
			['  and the details it fetches as it starts (outline.json)', kb(pr.detailsBytes)],
			[
				'elements per line of ours (max; lines with content tags: speaker, formatting)',
				`${fmt(pr.markup.elements / pr.markup.items, 2)} (${pr.markup.max}; ${pr.markup.withContentTags})`,
				'<= 3',
				pr.markup.elements / pr.markup.items <= 3
			],
			[
				'copies of a line in our HTML and details: English (markup) / French (details)',
				`${pr.textCopies.english} / ${pr.textCopies.french}`,
				'1 / 1',
				pr.textCopies.english === 1 && pr.textCopies.french === 1
			]
		]
	);
	const cv = results.captionsView;
	table(
		'Captions view: page time between the caption changing and the line getting aria-current (median / p95)',
		[
			[
				`demo clips (${cv.measured} of ${cv.boundaries} boundaries)`,
				ms(cv.gapMs),
				'within a frame (16.7 ms)',
				cv.gapMs.p95 < 1000 / 60 && cv.measured === cv.boundaries
			]
		]
	);
	const frame = 1000 / 60;
	const clickRows = [];
	for (const [slug, c] of Object.entries(results.clicks)) {
		for (const [target, m] of Object.entries(c)) {
			clickRows.push([
				`${slug}, ${target}: click → highlight`,
				ms(m.highlight),
				'< 1 frame',
				m.highlight.p95 < frame
			]);
			clickRows.push([`${slug}, ${target}: click → seek requested`, ms(m.seeking)]);
			clickRows.push([`${slug}, ${target}: click → audio ready there`, ms(m.seeked)]);
		}
	}
	table('Clicks (real mouse clicks, from the click event; median / p95)', clickRows);
	const L = results.load[LONG_SLUG];
	const S = results.load[DEMO_SHORT];
	const med = (s, unit = 'ms', digits = 0) =>
		`${fmt(s.median, digits)} ${unit} (p95 ${fmt(s.p95, digits)})`;
	table(`Loading (${loads[LONG_SLUG].length} cold loads each, 1366×768; median, p95)`, [
		[`${DEMO_SHORT}: waveform drawn`, med(S.waveformDrawnMs)],
		[`${DEMO_SHORT}: transcript interactive`, med(S.transcriptInteractiveMs)],
		[
			`3-hour: waveform drawn`,
			med(L.waveformDrawnMs),
			'< 1000 ms',
			L.waveformDrawnMs.median < 1000
		],
		[
			`3-hour: transcript interactive (${L.lines} lines)`,
			med(L.transcriptInteractiveMs),
			'< 1000 ms',
			L.transcriptInteractiveMs.median < 1000
		],
		[
			`3-hour, French interface (parallel, ${results.load.parallel.lines} lines): interactive`,
			med(results.load.parallel.transcriptInteractiveMs)
		],
		[`3-hour, French interface: waveform drawn`, med(results.load.parallel.waveformDrawnMs)],
		[
			`3-hour: JS heap after GC`,
			`${fmt(L.heapBytes.median / 1e6)} MB`,
			'< 40 MB',
			L.heapBytes.median < 40e6
		],
		[`3-hour: DOM nodes (elements)`, `${L.domNodes} (${L.elements})`],
		[`3-hour: bytes before the first play`, kb(L.bytesBeforePlay.median)],
		[
			`3-hour: of which audio`,
			`${kb(L.audioBytesBeforePlay.median)} of ${kb(audioSize)}`,
			'ranges only',
			L.audioRequests.every((r) => r.startsWith('bytes=')) &&
				L.audioBytesBeforePlay.median < audioSize / 10
		],
		[
			`3-hour: peaks file (raw / gzip / brotli)`,
			`${kb(peaks.raw)} / ${kb(peaks.gzip)} / ${kb(peaks.brotli)}`,
			'< 400 KB',
			peaks.gzip < 400 * 1024
		],
		[`clip page JS, gzip -9`, kb(jsGzip), '< 80 KB', jsGzip < 80 * 1024],
		[`clip page CSS, gzip -9`, kb(cssGzip)]
	]);
	table(`Playback of the 3-hour clip for ${results.playback.seconds} s at 1×`, [
		[
			'long tasks (> 50 ms)',
			String(results.playback.longTasks),
			'0',
			results.playback.longTasks === 0
		],
		['longest', `${fmt(results.playback.longestTaskMs)} ms`],
		['lines highlighted on the way', String(results.playback.linesChanged)]
	]);
	if (!quick) {
		table(
			'Lighthouse, mobile preset',
			Object.entries(lighthouse).flatMap(([slug, l]) => [
				[
					`${slug}: performance (median of ${l.runs.length} runs: ${l.runs.join(', ')})`,
					String(l.performance),
					`>= ${LIGHTHOUSE_BUDGET[slug]}`,
					l.performance >= LIGHTHOUSE_BUDGET[slug]
				],
				[`${slug}: accessibility`, String(l.accessibility), '100', l.accessibility === 100],
				[
					`${slug}: LCP / TBT / CLS`,
					`${fmt(l.largestContentfulPaintMs, 0)} ms / ${fmt(l.totalBlockingTimeMs, 0)} ms / ${fmt(l.cumulativeLayoutShift, 3)}`
				]
			])
		);
	}
	results.kiosk = soak;
	const firstHeap = soak.heaps[0];
	const lastHeap = soak.heaps.at(-1);
	table(`Kiosk soak: ${soak.visits} visits in one page (${fmt(soak.seconds, 0)} s)`, [
		['JS heap after GC, after the first visit', `${fmt(firstHeap / 1e6, 2)} MB`],
		[
			'JS heap after GC, after the last visit',
			`${fmt(lastHeap / 1e6, 2)} MB (×${fmt(lastHeap / firstHeap, 3)})`,
			'within 10%',
			lastHeap <= firstHeap * 1.1
		],
		['DOM nodes after the first / last visit', `${soak.domNodes[0]} / ${soak.domNodes.at(-1)}`],
		['console errors', String(soak.errors.length), '0', soak.errors.length === 0],
		...soak.errors.slice(0, 5).map((e) => ['  ', e.slice(0, 100)])
	]);
	const sx = results.search;
	table(
		`Search, synthetic archive of ${sx.fixture.hours} hours (${sx.fixture.clips} clips, ${(sx.fixture.cues / 1e6).toFixed(2)} million lines in 3 languages, ${sx.fixture.shards} shards of ${(sx.fixture.shardBytes / 1e6).toFixed(0)} MB; gzip only; cold = fresh browser context)`,
		[
			[
				'search page before a query: bytes transferred',
				kb(sx.pageBytes.median),
				'< 200 KB',
				sx.pageBytes.median < 200 * 1024
			],
			...Object.entries(sx.queries).flatMap(([kind, q]) => [
				[
					`${kind} “${q.query}” (${q.lines} lines): cold → shown`,
					med(q.ms),
					'< 1000 ms',
					q.ms.median < 1000
				],
				[`  same query again (in memory)`, med(q.warmMs)],
				[`  fetched`, `${kb(q.bytes)} in ${q.files} files`]
			])
		]
	);
	if (results.build) {
		const b = results.build;
		table('Build (production, empty audio cache)', [
			['six demo clips', `${fmt(b.demoSeconds)} s`],
			[
				'six demo clips + 3-hour and 2-hour interviews',
				`${fmt(b.longSeconds)} s (×${fmt(b.longSeconds / b.demoSeconds, 2)})`
			],
			['same again, audio cache warm', `${fmt(b.warmSeconds)} s`]
		]);
	}
	writeFileSync(join(OUT, 'latest.json'), JSON.stringify(results, null, 2));
	console.log(`\nWrote ${OUT}/latest.json. ${results.machine}; ${results.chromium}.`);
} finally {
	await browser.close();
	server.stop();
	searchServer.stop();
}
