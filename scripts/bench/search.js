// Measurements of the search page in a real browser, on a large index: what the page downloads
// before a query, and per query the time until the results are on screen and what it fetched.

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base       the site's origin
 * @param {{url: string, bytes: number}[]} served   the server's log, growing as it serves
 * @param {string[]} queries
 * @param {number} runs       cold runs per query, each in a fresh context (empty cache)
 */
export async function searchFigures(browser, base, served, queries, runs) {
	const settle = () => new Promise((r) => setTimeout(r, 300));
	const pageLoads = [];
	/** @type {Record<string, {ms: number[], warmMs: number[], bytes: number, files: number, total: number}>} */
	const perQuery = {};
	for (let run = 0; run < runs; run++) {
		for (const query of queries) {
			const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
			const page = await context.newPage();
			let from = served.length;
			await page.goto(`${base}/search`);
			await page.locator('#search-query:enabled').waitFor();
			await settle();
			pageLoads.push(served.slice(from).reduce((n, r) => n + r.bytes, 0));
			from = served.length;
			const ms = await submit(page, query);
			await settle();
			const fetched = served.slice(from).filter((r) => r.url.startsWith('/search/'));
			// The same query again: everything it needs is in memory now.
			await submit(page, '');
			const warm = await submit(page, query);
			const total = await page.locator('[role="status"]').textContent();
			const entry = (perQuery[query] ??= { ms: [], warmMs: [], bytes: 0, files: 0, total: 0 });
			entry.ms.push(ms);
			entry.warmMs.push(warm);
			entry.bytes = fetched.reduce((n, r) => n + r.bytes, 0);
			entry.files = fetched.length;
			// "2,431 lines found for …; the first 100 are shown.": the first number.
			const count = (total ?? '').match(/\d[\d,\s]*/);
			entry.total = count ? Number(count[0].replace(/\D/g, '')) : 0;
			await context.close();
		}
	}
	return { pageLoads, perQuery };
}

/** Submits a query and returns the milliseconds until its results are shown. */
async function submit(page, query) {
	return page.evaluate(async (q) => {
		const input = /** @type {HTMLInputElement} */ (document.querySelector('#search-query'));
		input.value = q;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		const started = performance.now();
		input.form?.requestSubmit();
		if (!q) return 0;
		const shown = () =>
			performance.getEntriesByName('search-shown').find((m) => {
				const mark = /** @type {PerformanceMark} */ (m);
				return mark.detail === q && mark.startTime > started;
			});
		while (!shown()) await new Promise((r) => requestAnimationFrame(r));
		return /** @type {PerformanceEntry} */ (shown()).startTime - started;
	}, query);
}
