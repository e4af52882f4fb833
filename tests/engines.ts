// The `test` of the scenarios tagged @engines: Playwright's, whose `page` the webkit project
// replaces with a WebDriver page over Debian's WebKitGTK (see playwright.config.ts), so one set
// of scenarios runs in every engine.
import { test as base, type Page } from '@playwright/test';
import { startWebKitDriver, webkitSession } from '../scripts/webkit-driver.js';
import { PORT_OFFSET } from './project-copy';
import { WebDriverPage } from './webdriver-page';

export { expect } from '@playwright/test';

/** A WebKitWebDriver (and the X display its browsers open on) for one worker. */
type WebKitDriver = { port: number; browser: string };

type EngineFixtures = {
	/**
	 * The page the tests get. An option, so that the webkit project can set it to a function
	 * that never asks for `context` (Playwright would launch its own browser for it).
	 */
	enginePage: Page;
};

export const test = base.extend<EngineFixtures, { webkitDriver: WebKitDriver }>({
	enginePage: [async ({ context }, use) => use(await context.newPage()), { option: true }],
	page: async ({ enginePage }, use) => use(enginePage),
	webkitDriver: [
		// Playwright reads a fixture's dependencies from its first parameter: this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			// A port of this worker's (the bench uses its own: see scripts/bench.js).
			const driver = await startWebKitDriver(4215 + workerInfo.parallelIndex + PORT_OFFSET);
			try {
				await use({ port: driver.port, browser: driver.browser });
			} finally {
				await driver.stop();
			}
		},
		{ scope: 'worker', timeout: 30_000 }
	]
});

/** The webkit project's `enginePage`: a fresh MiniBrowser for each test, closed after it. */
export async function webkitPage(
	{ webkitDriver, baseURL }: { webkitDriver: WebKitDriver; baseURL: string | undefined },
	use: (page: Page) => Promise<void>
) {
	const client = await webkitSession(webkitDriver);
	try {
		await use(await WebDriverPage.open(client, baseURL!));
	} finally {
		await client.deleteSession().catch(() => {});
	}
}

/** The project that runs the scenarios in WebKitGTK (its `page` is a WebDriverPage). */
export const WEBKIT_PROJECT = 'webkit';
