// Debian's WebKitGTK as the tests (tests/engines.ts) and the bench drive it: Xvfb (WebKitGTK has
// no headless mode), WebKitWebDriver on a port of the caller's, and a fresh MiniBrowser for each
// WebDriver session. Plain JavaScript, so that the bench (scripts/, not compiled) shares it.
import { spawn } from 'node:child_process';
import { findWebKit } from './find-browser.js';

/**
 * A running WebKitWebDriver and the MiniBrowser its sessions open.
 * @typedef {{ port: number, browser: string, stop: () => Promise<void> }} WebKitDriver
 */

/**
 * Started with a process group of its own, so that stopping it stops what it started.
 * @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} env
 */
function startGroup(command, args, env) {
	return spawn(command, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** @param {import('node:child_process').ChildProcess} child */
async function stopGroup(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	try {
		process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
	} catch {
		return;
	}
	const killed = setTimeout(
		() => process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL'),
		5000
	);
	await exited;
	clearTimeout(killed);
}

/**
 * Xvfb on a display it picks itself (-displayfd: no race between two callers, as xvfb-run -a
 * has), then WebKitWebDriver on `port`. Throws, saying what is missing, where WebKitGTK is not
 * installed (see `findWebKit`).
 * @param {number} port
 * @returns {Promise<WebKitDriver>}
 */
export async function startWebKitDriver(port) {
	const found = findWebKit();
	if (!found) throw new Error('WebKitWebDriver, MiniBrowser or Xvfb is missing (see README)');
	const xvfb = spawn(
		found.xvfb,
		['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'],
		{ detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] }
	);
	const display = await /** @type {Promise<string>} */ (
		new Promise((resolve, reject) => {
			let out = '';
			/** @type {import('node:stream').Readable} */ (xvfb.stdio[3]).on('data', (chunk) => {
				out += chunk;
				if (out.includes('\n')) resolve(`:${out.trim()}`);
			});
			xvfb.once('exit', (code) =>
				reject(new Error(`Xvfb exited (${code}) before it had a display`))
			);
		})
	);
	const driver = startGroup(found.driver, [`--port=${port}`], {
		...process.env,
		DISPLAY: display,
		// No sound output, as on CI (a desktop's sound server is not looked for): WebKit plays on.
		PULSE_SERVER: 'unix:/nonexistent/no-sound-output'
	});
	let stderr = '';
	driver.stderr?.on('data', (chunk) => (stderr += chunk));
	// Should the process end without stopping them, its browsers must not outlive it.
	const orphaned = () => {
		for (const child of [driver, xvfb]) {
			try {
				process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
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

/**
 * A new WebDriver session on `driver`: a fresh MiniBrowser, closed by `deleteSession()` (or
 * with the driver).
 * @param {{ port: number, browser: string }} driver
 * @param {string[]} [args] more MiniBrowser options (`MiniBrowser --help-all`)
 * @returns {Promise<import('webdriver').Client>}
 */
export async function webkitSession(driver, args = []) {
	// webdriver logs every request at "info" unless told otherwise before it is loaded.
	process.env.WDIO_LOG_LEVEL ??= 'silent';
	const { default: WebDriver } = await import('webdriver');
	const ask = () =>
		WebDriver.newSession({
			hostname: '127.0.0.1',
			port: driver.port,
			logLevel: 'silent',
			connectionRetryCount: 0,
			capabilities: /** @type {never} */ ({
				alwaysMatch: {
					'webkitgtk:browserOptions': { binary: driver.browser, args: ['--automation', ...args] }
				}
			})
		});
	for (let attempt = 1; ; attempt++) {
		try {
			return await ask();
		} catch (error) {
			// Now and then WebKitWebDriver drops the connection while it starts MiniBrowser (once
			// in a CI run of some hundred sessions): no session was made, so ask again.
			const failure = /** @type {{ message?: string, cause?: { code?: string } }} */ (error);
			const reason = `${failure?.message ?? error} ${failure?.cause?.code ?? ''}`;
			if (attempt >= 3 || !/socket|ECONNRESET|fetch failed/i.test(reason)) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}
