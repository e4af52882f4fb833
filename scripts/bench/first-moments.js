// The first moments of a long transcript page, for ours and Hyperaudio Lite's side by side
// (issue 35): what a reader sees first, and how soon the page answers them.

/** A long task blocks input for what it lasts beyond 50 ms (the definition of TBT). */
const BLOCKING_MS = 50;
/** How long after the load event the page is watched for long tasks. */
const QUIET_MS = 1500;

/**
 * One cold load (a fresh context: empty cache), from navigation:
 * - `fcp`: first contentful paint;
 * - `firstLine`: the first frame in which a transcript line (`selector`) is in the document
 *   and laid out (below the fold or not: it is there to scroll to, find or click);
 * - `tbt`: total blocking time, the long tasks' time beyond 50 ms, from first paint to
 *   1.5 s after the load event;
 * - `elements`: the page's elements once loaded.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {string} selector  the transcript's lines
 */
export async function firstMoments(browser, url, selector) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	await page.addInitScript((selector) => {
		const moments = { firstLine: NaN, longTasks: /** @type {number[][]} */ ([]) };
		/** @type {any} */ (window).__moments = moments;
		new PerformanceObserver((list) => {
			for (const task of list.getEntries()) moments.longTasks.push([task.startTime, task.duration]);
		}).observe({ type: 'longtask', buffered: true });
		const look = () => {
			const line = document.querySelector(selector);
			if (line && line.getBoundingClientRect().height > 0) moments.firstLine = performance.now();
			else requestAnimationFrame(look);
		};
		requestAnimationFrame(look);
	}, selector);
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(QUIET_MS);
	const figures = await page.evaluate((blocking) => {
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
		const { firstLine, longTasks } = /** @type {any} */ (window).__moments;
		const tbt = /** @type {number[][]} */ (longTasks)
			.filter(([start]) => start >= fcp)
			.reduce((sum, [, duration]) => sum + Math.max(0, duration - blocking), 0);
		return { fcp, firstLine, tbt, elements: document.getElementsByTagName('*').length };
	}, BLOCKING_MS);
	await context.close();
	return figures;
}
