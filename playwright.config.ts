import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/find-browser.js';
import { SITE_BUILD, SITE_FIXTURE } from './tests/site-fixture';

// E2E_PORT_OFFSET lets two checkouts run their suites side by side on one machine.
const PORT = 4173 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const executablePath = findBrowser();

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	// Two cores here: more workers only make timing-sensitive tests flaky.
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
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
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
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
		reuseExistingServer: !process.env.CI,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
