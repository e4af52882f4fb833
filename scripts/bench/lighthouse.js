// Lighthouse against the system Chromium: Playwright starts the browser with a debugging port
// and Lighthouse drives it, with its default mobile preset (a mid-range phone, throttled CPU
// and network). Lighthouse comes from npm on first use (npx, a pinned version) rather than with
// the project: it is 180 MB the tests do not need. Version 12: 13 needs Node 22.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const run = promisify(execFile);

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
		const { stdout } = await run(
			'npx',
			[
				'--yes',
				LIGHTHOUSE,
				url,
				`--port=${port}`,
				'--output=json',
				'--output-path=stdout',
				'--only-categories=performance,accessibility',
				'--quiet'
			],
			{ maxBuffer: 256 << 20 }
		);
		/** @type {{ categories: Record<string, { score: number }>, audits: Record<string, { numericValue?: number, score: number | null, scoreDisplayMode: string, id: string }> }} */
		const { categories, audits } = JSON.parse(stdout);
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
