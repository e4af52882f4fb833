// Lighthouse (from npm) against the system Chromium: Playwright starts the browser with a
// debugging port and Lighthouse drives it, with its default mobile preset (a mid-range phone,
// throttled CPU and network).
import lighthouse from 'lighthouse';
import { chromium } from '@playwright/test';

/**
 * @param {string} executablePath
 * @param {string} url
 * @param {number} port
 */
export async function runLighthouse(executablePath, url, port) {
	const browser = await chromium.launch({
		executablePath,
		args: [`--remote-debugging-port=${port}`, '--no-first-run', '--disable-background-networking']
	});
	try {
		const result = await lighthouse(url, {
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility']
		});
		if (!result) throw new Error('Lighthouse returned no result');
		const { categories, audits } = result.lhr;
		const failed = Object.values(audits)
			.filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0)
			.map((a) => a.id);
		return {
			performance: Math.round((categories.performance?.score ?? NaN) * 100),
			accessibility: Math.round((categories.accessibility?.score ?? NaN) * 100),
			firstContentfulPaintMs: audits['first-contentful-paint']?.numericValue,
			largestContentfulPaintMs: audits['largest-contentful-paint']?.numericValue,
			totalBlockingTimeMs: audits['total-blocking-time']?.numericValue,
			cumulativeLayoutShift: audits['cumulative-layout-shift']?.numericValue,
			failedAudits: failed
		};
	} finally {
		await browser.close();
	}
}
