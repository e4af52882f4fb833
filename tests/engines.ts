// The `test` of the scenarios tagged @engines: Playwright's, whose `page` the webkit project
// replaces with a WebDriver page over Debian's WebKitGTK (see playwright.config.ts), so one set
// of scenarios runs in every engine.
import { spawn, type ChildProcess } from 'node:child_process';
import { test as base, type Page, type WorkerInfo } from '@playwright/test';
import { findWebKit } from '../scripts/find-browser.js';
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
			const driver = await startWebKitDriver(workerInfo);
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
	// webdriver logs every request at "info" unless told otherwise before it is loaded.
	process.env.WDIO_LOG_LEVEL ??= 'silent';
	const { default: WebDriver } = await import('webdriver');
	const client = await WebDriver.newSession({
		hostname: '127.0.0.1',
		port: webkitDriver.port,
		logLevel: 'silent',
		connectionRetryCount: 0,
		capabilities: {
			alwaysMatch: {
				'webkitgtk:browserOptions': { binary: webkitDriver.browser, args: ['--automation'] }
			}
		} as never
	});
	try {
		await use(await WebDriverPage.open(client, baseURL!));
	} finally {
		await client.deleteSession().catch(() => {});
	}
}

/** The project that runs the scenarios in WebKitGTK (its `page` is a WebDriverPage). */
export const WEBKIT_PROJECT = 'webkit';

/** Started with a process group of its own, so that stopping it stops what it started. */
function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	return spawn(command, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
}

async function stopGroup(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	try {
		process.kill(-child.pid!, 'SIGTERM');
	} catch {
		return;
	}
	const killed = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5000);
	await exited;
	clearTimeout(killed);
}

/**
 * Xvfb (WebKitGTK has no headless mode) on a display it picks itself (-displayfd: no race
 * between two workers, as xvfb-run -a has), then WebKitWebDriver on a port of this worker's.
 */
async function startWebKitDriver(workerInfo: WorkerInfo) {
	const found = findWebKit();
	if (!found) throw new Error('WebKitWebDriver, MiniBrowser or Xvfb is missing (see README)');
	const port = 4215 + workerInfo.parallelIndex + PORT_OFFSET;
	const xvfb = spawn(
		found.xvfb,
		['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'],
		{ detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] }
	);
	const display = await new Promise<string>((resolve, reject) => {
		let out = '';
		xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
			out += chunk;
			if (out.includes('\n')) resolve(`:${out.trim()}`);
		});
		xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
	});
	const driver = startGroup(found.driver, [`--port=${port}`], {
		...process.env,
		DISPLAY: display,
		// No sound output, as on CI (a desktop's sound server is not looked for): WebKit plays on.
		PULSE_SERVER: 'unix:/nonexistent/no-sound-output'
	});
	let stderr = '';
	driver.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
	// Should the worker end without its teardown, its browsers must not outlive it.
	const orphaned = () => {
		for (const child of [driver, xvfb]) {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	};
	process.once('exit', orphaned);
	const stop = async () => {
		process.off('exit', orphaned);
		await stopGroup(driver);
		await stopGroup(xvfb);
	};
	for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
		const ready = await fetch(`http://127.0.0.1:${port}/status`).then(
			async (response) => (await response.json()).value?.ready === true,
			() => false
		);
		if (ready) return { port, browser: found.browser, stop };
		if (driver.exitCode !== null) break;
		await new Promise((done) => setTimeout(done, 100));
	}
	await stop();
	throw new Error(`WebKitWebDriver did not answer on port ${port}: ${stderr.trim()}`);
}
