import { defineConfig, type Page, type Project } from '@playwright/test';
import { findBrowser, findFirefox, findWebKit } from './scripts/find-browser.js';
import { SITE_BUILD, SITE_FIXTURE } from './tests/site-fixture';
import { canMakeSoundOutput, soundSocket } from './scripts/sound-output.js';
import { SOUND_PROJECT } from './tests/sound-setup';
import { WEBKIT_PROJECT, webkitPage } from './tests/engines';
import { refuseBusyPort } from './scripts/free-port.js';

// The tests serve their own build of their own collection, on a port of their own: never
// 4173, where `npm run serve` puts the archive's site. E2E_PORT_OFFSET lets two checkouts run
// their suites side by side on one machine.
const PORT = 4273 + Number(process.env.E2E_PORT_OFFSET ?? 0);
// Something else on that port would be tested instead of the test site: refuse, and say so.
// (Checked once, by the runner; its workers find the tests' own server there.)
if (process.env.TEST_WORKER_INDEX === undefined) refuseBusyPort(PORT);
const executablePath = findBrowser();
// E2E_ENGINES=chromium (a comma-separated list) runs fewer engines than are installed.
const wanted = (engine: string) =>
	!process.env.E2E_ENGINES || process.env.E2E_ENGINES.split(',').includes(engine);
const firefoxPath = wanted('firefox') ? findFirefox() : undefined;

/**
 * The other engines run the scenarios tagged @engines: what differs between engines (the
 * player, its clock, keys, the offline store), so CI time stays within bounds. One set of
 * scenarios; where an engine cannot do something, the test skips for it and says why.
 */
const otherEngines: Project<{ enginePage: Page }>[] = [];
if (firefoxPath) {
	const firefox = (env: Record<string, string | undefined>): Project['use'] => ({
		browserName: 'firefox',
		// Stock Firefox (Debian's ESR) over WebDriver BiDi: Playwright's own build cannot be
		// downloaded here.
		channel: 'moz-firefox',
		launchOptions: {
			executablePath: firefoxPath,
			env: { ...process.env, ...env },
			firefoxUserPrefs: {
				// Let tests play audio without a click, as Chromium's flag does.
				'media.autoplay.default': 0,
				'media.autoplay.blocking_policy': 0
			}
		}
	});
	// No sound output, as on CI (Firefox then fires a media error and plays on): a desktop's
	// sound server is not looked for.
	otherEngines.push({
		name: 'firefox',
		grep: /@engines/,
		use: firefox({ PULSE_SERVER: 'unix:/nonexistent/no-sound-output' })
	});
	// The player's scenarios again with a virtual sound output (a PulseAudio null sink, started
	// by tests/sound-setup.ts), where Firefox plays without that error: both paths stay tested.
	if (canMakeSoundOutput()) {
		otherEngines.push({
			name: SOUND_PROJECT,
			grep: /@engines/,
			testMatch: 'player.e2e.ts',
			use: firefox({ PULSE_SERVER: `unix:${soundSocket()}` })
		});
	}
}

// Debian's WebKitGTK (MiniBrowser under Xvfb) through WebKitWebDriver: classic WebDriver, which
// Playwright cannot drive, so the project's `page` is tests/webdriver-page.ts over it (the
// scenarios import their `test` from tests/engines.ts). A fresh browser for each test.
if (wanted('webkit') && findWebKit()) {
	otherEngines.push({
		name: WEBKIT_PROJECT,
		grep: /@engines/,
		// A function as an option's value is that fixture's definition (see tests/engines.ts).
		use: { enginePage: webkitPage as unknown as Page }
	});
}

export default defineConfig<{ enginePage: Page }>({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/sound-setup.ts',
	fullyParallel: true,
	// Two cores here: more workers only make timing-sensitive tests flaky.
	workers: 2,
	forbidOnly: !!process.env.CI,
	// One retry in CI only: a fresh CI machine is slower and busier than ours, and a timing
	// test that fails once in hundreds of runs should not block a merge. Playwright reports a
	// test that passed on its retry as flaky, so such tests stay visible in the log.
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				browserName: 'chromium',
				launchOptions: {
					executablePath,
					// The machine has no network but loopback: keep Chromium from trying to reach out.
					args: [
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						'--disable-quic',
						'--autoplay-policy=no-user-gesture-required'
					],
					chromiumSandbox: false
				}
			}
		},
		...otherEngines
	],
	webServer: {
		// Tests run against the real static output, as a visitor would get it, of the tests' own
		// collection (never transcripts/, which is the deployer's).
		command: `npm run build && node scripts/serve.js --port ${PORT} --dir ${SITE_BUILD}`,
		// SITE_ORIGIN: the manifests' and oEmbed files' absolute addresses point at this server.
		env: {
			TRANSCRIPTS_DIR: SITE_FIXTURE,
			BUILD_DIR: SITE_BUILD,
			SITE_ORIGIN: `http://127.0.0.1:${PORT}`
		},
		url: `http://127.0.0.1:${PORT}`,
		// Never a server that was already running: it could be any site, or a stale build.
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
