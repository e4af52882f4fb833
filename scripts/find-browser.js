// Finds a Chromium for Playwright, in this order: Playwright's own download (if someone ran
// `npx playwright install`), the system's Chromium, or Debian's package installed with apt when
// running as root. Otherwise it stops with a message that says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The full path of a command on PATH, if it is there. @param {string} name */
export function onPath(name) {
	try {
		return (
			execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
		);
	} catch {
		return undefined;
	}
}

function systemChromium() {
	return (
		process.env.CHROMIUM_PATH ||
		SYSTEM_PATHS.find((path) => existsSync(path)) ||
		onPath('chromium') ||
		onPath('chromium-browser')
	);
}

/** @returns {string | undefined} the executable to launch, or undefined for Playwright's own. */
export function findBrowser({ install = true } = {}) {
	if (!process.env.CHROMIUM_PATH && existsSync(chromium.executablePath())) return undefined;
	const found = systemChromium();
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (install && isRoot) {
		console.error('No Chromium found: installing Debian’s chromium package with apt-get…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		const installed = systemChromium();
		if (installed) return installed;
	}
	throw new Error(
		'No Chromium browser found for the tests. Install one of:\n' +
			'  - Debian/Ubuntu: sudo apt-get install -y chromium\n' +
			'  - Playwright’s own build: npx playwright install chromium\n' +
			'or set CHROMIUM_PATH to a Chromium or Chrome executable.'
	);
}

const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * The system's Firefox (Debian's firefox-esr), which Playwright drives over WebDriver BiDi; its
 * own patched Firefox cannot be downloaded here. Never installed from here: `.ci/run` does that.
 * @returns {string | undefined}
 */
export function findFirefox() {
	return (
		process.env.FIREFOX_PATH ||
		FIREFOX_PATHS.find((path) => existsSync(path)) ||
		onPath('firefox-esr') ||
		onPath('firefox')
	);
}

/**
 * Debian's WebKitGTK as the tests drive it: WebKitWebDriver (package webkit2gtk-driver; classic
 * WebDriver, no BiDi, so Playwright cannot drive it and tests/webdriver-page.ts does), the
 * MiniBrowser it launches (in libwebkit2gtk-4.1-0), and Xvfb (package xvfb), since WebKitGTK has
 * no headless mode. Never installed from here: `.ci/run` does that.
 * @returns {{ driver: string, browser: string, xvfb: string } | undefined}
 */
export function findWebKit() {
	const driver = onPath('WebKitWebDriver');
	const xvfb = onPath('Xvfb');
	const browser = [
		'/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
		'/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
		'/usr/libexec/webkit2gtk-4.1/MiniBrowser'
	].find((path) => existsSync(path));
	return driver && xvfb && browser ? { driver, browser, xvfb } : undefined;
}

// Run directly (`node scripts/find-browser.js`) to install or locate it ahead of the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(findBrowser() ?? chromium.executablePath());
}
