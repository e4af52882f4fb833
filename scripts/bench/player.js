// Measurements of the clip page in a real browser: highlight lag during playback, click
// latencies, loading figures and long tasks. Each returns raw samples; bench.js summarises.

/**
 * Opens a clip page and waits until the waveform is drawn and the transcript answers.
 * @param {import('@playwright/test').Page} page
 * @param {string} url
 */
export async function openClip(page, url) {
	await page.goto(url);
	await page.locator('[data-drawn="true"]').waitFor({ timeout: 60_000 });
	// Waited for in the page (not with waitForFunction), so that the WebDriver page that stands in
	// for WebKitGTK (tests/webdriver-page.ts) can do it too.
	await page.evaluate(async () => {
		while (!performance.getEntriesByName('transcript-interactive').length)
			await new Promise((r) => setTimeout(r, 20));
	});
}

/** Installs, in the page, the recorders used below. */
async function installProbes(page) {
	await page.evaluate(() => {
		const audio = /** @type {HTMLAudioElement} */ (document.querySelector('audio'));
		const probe = {
			/** Lines that became current: their start, the audio clock then, and page time. */
			marks: /** @type {{start: number, at: number, paused: boolean, t: number}[]} */ ([]),
			seeking: /** @type {number[]} */ ([]),
			seeked: /** @type {number[]} */ ([]),
			clicks: /** @type {number[]} */ ([]),
			/** Changes of the captions view's text (when it is shown): audio clock and page time. */
			captions: /** @type {{at: number, t: number}[]} */ ([]),
			longTasks: /** @type {{start: number, duration: number}[]} */ ([]),
			/** Long animation frames (Chromium: 50 ms or more), with what ran in them. */
			frames: /** @type {{start: number, duration: number, work: string}[]} */ ([])
		};
		// @ts-expect-error a benchmark probe on window
		window.__probe = probe;
		new MutationObserver((records) => {
			const t = performance.now();
			for (const r of records) {
				const el = /** @type {HTMLElement} */ (r.target);
				if (el.getAttribute('aria-current') === 'true') {
					probe.marks.push({
						start: Number(el.dataset.start),
						at: audio.currentTime,
						paused: audio.paused,
						t
					});
				}
			}
		}).observe(/** @type {Element} */ (document.querySelector('[data-testid="transcript"]')), {
			attributes: true,
			attributeFilter: ['aria-current'],
			subtree: true
		});
		const captions = document.querySelector('[data-testid="caption-screen"]');
		if (captions) {
			new MutationObserver(() =>
				probe.captions.push({ at: audio.currentTime, t: performance.now() })
			).observe(captions, { childList: true, characterData: true, subtree: true });
		}
		audio.addEventListener('seeking', () => probe.seeking.push(performance.now()));
		audio.addEventListener('seeked', () => probe.seeked.push(performance.now()));
		// The click's own timestamp: when the input happened, before any of our code ran.
		document.addEventListener('click', (e) => probe.clicks.push(e.timeStamp), true);
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) {
				probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
			}
		}).observe({ type: 'longtask' });
		if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
			new PerformanceObserver((list) => {
				for (const entry of /** @type {any[]} */ (list.getEntries())) {
					const end = entry.startTime + entry.duration;
					const scripts = entry.scripts.map(
						(/** @type {any} */ s) =>
							`${s.invoker} ${Math.round(s.duration)} ms` +
							(s.forcedStyleAndLayoutDuration >= 1
								? ` (forced layout ${Math.round(s.forcedStyleAndLayoutDuration)} ms)`
								: '')
					);
					const rendering = entry.renderStart
						? `rendering ${Math.round(end - entry.renderStart)} ms`
						: '';
					probe.frames.push({
						start: entry.startTime,
						duration: entry.duration,
						work: [...scripts, rendering].filter(Boolean).join('; ') || 'no script or rendering'
					});
				}
			}).observe({ type: 'long-animation-frame' });
		}
	});
}

const readProbe = (page) => page.evaluate(() => /** @type {any} */ (window).__probe);
const resetProbe = (page) =>
	page.evaluate(() => {
		const probe = /** @type {any} */ (window).__probe;
		for (const key of Object.keys(probe)) probe[key].length = 0;
	});

/**
 * Highlight lag: for each sampled cue boundary, play 1× from `lead` seconds before it through
 * it. Two measures:
 * - `lags`: page time when the line got aria-current, minus page time when the audio reached the
 *   cue's start. An engine whose `currentTime` moves in steps (Firefox: ~40 ms) reports it late;
 *   where the audio really is follows from the steps themselves: each new reading `v` seen at
 *   page time `t` means the audio reached `v` at `t` or before, so it reached the start at
 *   `t + (start − v)` or before, and the earliest such bound over the readings within 150 ms
 *   of the start is taken (the readings are sampled from a timer loop, every few ms).
 * - `clockLags`: `currentTime` when the line got aria-current, minus the start (the measure
 *   of earlier runs; the same as `lags` where the clock is smooth, as in Chromium).
 * And `steps`: how far `currentTime` moved (ms of audio) at each change the sampling loop saw
 * near the starts: a few ms where the clock is smooth, the engine's step where it is not.
 * Only `page.evaluate` and `locator().evaluateAll` are used, so that it runs in the WebDriver
 * page too (WebKitGTK).
 * @param {import('@playwright/test').Page} page
 * @param {{ lead: number, sample?: number }} options  sample: measure at most this many boundaries, evenly spread
 */
export async function highlightLag(page, { lead, sample }) {
	await installProbes(page);
	const starts = await page
		.locator('[data-languages] button[data-start]')
		.evaluateAll((els) =>
			[...new Set(els.map((e) => Number(/** @type {HTMLElement} */ (e).dataset.start)))].sort(
				(a, b) => a - b
			)
		);
	let crossed = starts.filter((s) => s > lead);
	if (sample && crossed.length > sample) {
		const step = crossed.length / sample;
		crossed = Array.from({ length: sample }, (_, i) => crossed[Math.floor(i * step)]);
	}
	/** Page time at which the audio reached each start, by the bound described above. */
	const reached = new Map();
	/** @type {number[]} */
	const steps = [];
	let stalled = 0;
	for (const start of crossed) {
		const at = await page.evaluate(
			async ({ start, lead }) => {
				const audio = /** @type {HTMLAudioElement} */ (document.querySelector('audio'));
				audio.currentTime = start - lead;
				await new Promise((r) => audio.addEventListener('seeked', r, { once: true }));
				let last = audio.currentTime;
				let reach = Infinity;
				/** @type {number[]} */
				const steps = [];
				let sampling = true;
				const sample = () => {
					const now = performance.now();
					const time = audio.currentTime;
					// Only readings near the start: just after play() some engines report a time
					// that runs ahead, then waits.
					if (time !== last && !audio.paused && Math.abs(time - start) <= 0.15) {
						reach = Math.min(reach, now + ((start - time) / audio.playbackRate) * 1000);
						if (time > last) steps.push((time - last) * 1000);
					}
					last = time;
					if (sampling) setTimeout(sample, 0);
				};
				const tick = () => new Promise((r) => setTimeout(r, 10));
				const from = audio.currentTime;
				const played = audio.play();
				// WebKit can leave play() pending after a seek while the clock runs (issue 20,
				// point 4): go on at whichever comes first, the promise or the clock moving.
				const clockMoves = async () => {
					while (audio.paused || audio.currentTime <= from) await tick();
				};
				await Promise.race([played, clockMoves()]);
				played.catch(() => {}); // the pause below rejects it if it is still pending
				sample();
				// A clock that stops short is a stalled boundary, not a hung benchmark.
				const deadline = performance.now() + 10_000;
				while (audio.currentTime < start + 0.15 && performance.now() < deadline) await tick();
				const stalled = audio.currentTime < start + 0.15;
				sampling = false;
				audio.pause();
				// Infinity would not survive WebDriver's JSON.
				return { reach: Number.isFinite(reach) ? reach : null, steps, stalled };
			},
			{ start, lead }
		);
		reached.set(start, at.reach ?? Infinity);
		steps.push(...at.steps);
		if (at.stalled) stalled++;
	}
	const probe = await readProbe(page);
	const lags = [];
	const clockLags = [];
	const hit = new Set();
	// With the captions view shown: how far its change is from the line's, in page time.
	const captionGaps = [];
	// Lags over 20 ms, each with the long tasks (> 50 ms) that ran while the line was late, and
	// (Chromium) the long frames then, with what ran in them: a script, a layout, a GC (neither).
	const outliers = [];
	for (const mark of probe.marks) {
		if (mark.paused || !crossed.includes(mark.start) || hit.has(mark.start)) continue;
		hit.add(mark.start);
		clockLags.push((mark.at - mark.start) * 1000);
		const reach = reached.get(mark.start);
		const lag = Number.isFinite(reach) ? mark.t - reach : NaN;
		if (!Number.isNaN(lag)) lags.push(lag);
		if (lag > 20) {
			const during = (/** @type {{start: number, duration: number}} */ task) =>
				task.start <= mark.t && task.start + task.duration >= mark.t - lag;
			outliers.push({
				start: mark.start,
				lagMs: lag,
				longTasksMs: probe.longTasks.filter(during).map((t) => t.duration),
				frames: probe.frames
					.filter(during)
					.map((f) => `${Math.round(f.duration)} ms frame: ${f.work}`)
			});
		}
		const caption = probe.captions.find(
			(c) => c.at >= mark.start - 0.05 && Math.abs(c.t - mark.t) < 250
		);
		if (caption) captionGaps.push(Math.abs(caption.t - mark.t));
	}
	return {
		lags,
		outliers,
		clockLags,
		steps,
		captionGaps,
		crossed: crossed.length,
		missed: crossed.filter((s) => !hit.has(s)).length,
		stalled,
		longTasks: probe.longTasks
	};
}

/**
 * Real mouse clicks on transcript lines, then on the waveform: from the click's timestamp to the
 * line getting aria-current, to the audio accepting the new position (`seeking`), and to the
 * audio being ready there (`seeked`).
 * @param {import('@playwright/test').Page} page
 * @param {number} count
 */
export async function clickLatency(page, count) {
	await installProbes(page);
	const result = {
		line: { highlight: [], seeking: [], seeked: [] },
		waveform: { highlight: [], seeking: [], seeked: [] }
	};
	const lines = page.locator('[data-languages] button[data-start]');
	const total = await lines.count();
	const waveform = page.getByTestId('waveform');

	/** @param {() => Promise<void>} click @param {{highlight: number[], seeking: number[], seeked: number[]}} into */
	const measure = async (click, into) => {
		await resetProbe(page);
		await click();
		await page.waitForFunction(() => /** @type {any} */ (window).__probe.seeked.length > 0, null, {
			timeout: 10_000
		});
		await page.waitForTimeout(50);
		const probe = await readProbe(page);
		await page.evaluate(() => document.querySelector('audio')?.pause());
		const t0 = probe.clicks.at(-1);
		if (t0 === undefined) return;
		const mark = probe.marks.find((m) => m.t >= t0);
		if (mark) into.highlight.push(mark.t - t0);
		if (probe.seeking[0] !== undefined) into.seeking.push(probe.seeking[0] - t0);
		if (probe.seeked[0] !== undefined) into.seeked.push(probe.seeked[0] - t0);
	};

	for (let i = 0; i < count; i++) {
		// Lines spread over the whole transcript, never the current one.
		const line = lines.nth(Math.floor(((i * 0.37 + 0.05) % 1) * total));
		await line.scrollIntoViewIfNeeded();
		await measure(() => line.click(), result.line);
	}
	const box = await waveform.boundingBox();
	if (box) {
		for (let i = 0; i < count; i++) {
			// Alternate between the two halves, so each click lands in a different cue.
			const fraction = (i % 2 ? 0.55 : 0.05) + ((i * 0.013) % 0.4);
			await waveform.scrollIntoViewIfNeeded();
			const fresh = await waveform.boundingBox();
			const { x, y, width, height } = fresh ?? box;
			await measure(() => page.mouse.click(x + width * fraction, y + height / 2), result.waveform);
		}
	}
	return result;
}

/**
 * Loads a clip page in a fresh browser context (empty cache) and records what it costs.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {string} [language]  an interface language the visitor chose on an earlier visit
 */
export async function loadFigures(browser, url, language) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	if (language) {
		await page.addInitScript(
			(l) => localStorage.setItem('testimony-player.ui-language', l),
			language
		);
	}
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Performance.enable');
	/** @type {Map<string, {url: string, type: string, bytes: number}>} */
	const requests = new Map();
	cdp.on('Network.requestWillBeSent', (e) =>
		requests.set(e.requestId, { url: e.request.url, type: e.type ?? '', bytes: 0 })
	);
	cdp.on('Network.dataReceived', (e) => {
		const r = requests.get(e.requestId);
		if (r) r.bytes += e.encodedDataLength;
	});
	cdp.on('Network.loadingFinished', (e) => {
		// The final figure includes headers; keep the larger of the two counts.
		const r = requests.get(e.requestId);
		if (r) r.bytes = Math.max(r.bytes, e.encodedDataLength);
	});
	await openClip(page, url);
	await page.waitForTimeout(500);
	const marks = await page.evaluate(() => ({
		waveformDrawn: performance.getEntriesByName('waveform-drawn')[0]?.startTime ?? NaN,
		// The last rendering of the list: a remembered interface language re-renders it at once.
		transcriptInteractive:
			performance.getEntriesByName('transcript-interactive').at(-1)?.startTime ?? NaN,
		domContentLoaded: /** @type {PerformanceNavigationTiming} */ (
			performance.getEntriesByType('navigation')[0]
		).domContentLoadedEventEnd,
		elements: document.getElementsByTagName('*').length,
		lines: document.querySelectorAll('[data-languages] button[data-start]').length
	}));
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = await cdp.send('Runtime.getHeapUsage');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
	const all = [...requests.values()];
	await context.close();
	return {
		...marks,
		heapBytes: heap.usedSize,
		domNodes: metric('Nodes'),
		// Media requests are counted at the server (see bench.js): the browser under-reports them.
		bytesBeforePlay: all.filter((r) => r.type !== 'Media').reduce((n, r) => n + r.bytes, 0),
		scripts: all.filter((r) => r.type === 'Script').map((r) => ({ url: r.url, bytes: r.bytes })),
		styles: all.filter((r) => r.type === 'Stylesheet').map((r) => ({ url: r.url, bytes: r.bytes }))
	};
}

/**
 * Long tasks while the page plays on its own for `seconds` at 1×.
 * @param {import('@playwright/test').Page} page
 * @param {number} seconds
 */
export async function longTasksWhilePlaying(page, seconds) {
	await installProbes(page);
	await resetProbe(page);
	await page.evaluate(async () => {
		const audio = /** @type {HTMLAudioElement} */ (document.querySelector('audio'));
		audio.currentTime = audio.duration / 3;
		await new Promise((r) => audio.addEventListener('seeked', r, { once: true }));
		await audio.play();
	});
	await page.waitForTimeout(seconds * 1000);
	const probe = await readProbe(page);
	await page.evaluate(() => document.querySelector('audio')?.pause());
	return { longTasks: probe.longTasks, linesChanged: probe.marks.length };
}
