// The kiosk soak: many short visits in one page, as a day in a museum would bring, measuring
// the JS heap after garbage collection after each idle reset, and collecting console errors.

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base   the site's origin; its kiosk must reset after a few seconds
 * @param {number} visits
 */
export async function kioskSoak(browser, base, visits) {
	// No service worker: the soak is about the page's memory, not the offline store.
	const context = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	/** @type {string[]} */
	const errors = [];
	page.on('console', (message) => {
		// The offline store fails here by design (service workers are blocked above), and the
		// kiosk says so to staff in the console.
		if (message.type() === 'error' && !message.text().startsWith('Kiosk offline store:'))
			errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	const cdp = await context.newCDPSession(page);
	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		const { usedSize } = await cdp.send('Runtime.getHeapUsage');
		return usedSize;
	};
	const nodes = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		return metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
	};
	await cdp.send('Performance.enable');
	await page.goto(`${base}/kiosk`);

	const heaps = [];
	const domNodes = [];
	const started = performance.now();
	for (let visit = 0; visit < visits; visit++) {
		await page.getByTestId('attract').click();
		const tiles = page.locator('a.tile');
		await tiles.nth(visit % (await tiles.count())).click();
		await page.locator('[data-drawn="true"]').waitFor({ timeout: 30_000 });
		// Listen a little at high speed, jump to a line, listen again, then walk away.
		await page.evaluate(() => {
			const audio = /** @type {HTMLAudioElement} */ (document.querySelector('audio'));
			audio.playbackRate = 16;
		});
		await page.getByTestId('play').click();
		await page.waitForTimeout(1200);
		const lines = page.locator('[data-languages] button.line');
		await lines.nth(Math.min(6, (await lines.count()) - 1)).click();
		await page.waitForTimeout(800);
		if (await page.evaluate(() => !document.querySelector('audio')?.paused)) {
			await page.getByTestId('play').click();
		}
		// The idle reset brings the attract screen back by itself.
		await page.getByTestId('attract').waitFor({ timeout: 30_000 });
		heaps.push(await heap());
		domNodes.push(await nodes());
	}
	const seconds = (performance.now() - started) / 1000;
	await context.close();
	return { visits, seconds, heaps, domNodes, errors };
}
