import { expect, test } from '@playwright/test';
import { fixtureCollection } from './site-fixture';
import { holdScripts } from './helpers';

/** Once released, the page runs: all its scripts through the route, on a busy machine. */
const RUNS = { timeout: 15_000 };

// Without the offline store, which would answer the scripts itself.
test.use({ hasTouch: true, serviceWorkers: 'block', viewport: { width: 1920, height: 1080 } });

test('a tap on the attract screen before the page runs opens the tiles once it does', async ({
	page
}) => {
	const scripts = await holdScripts(page);
	await page.goto('/kiosk', { waitUntil: 'domcontentloaded' });
	await expect.poll(scripts.held).toBeGreaterThan(0);
	const attract = page.getByTestId('attract');
	await attract.tap();
	// Nothing can answer yet: the page has not run.
	await expect(attract).toBeVisible();
	await expect(page.locator('a.tile')).toHaveCount(0);

	scripts.release();
	// One tap was enough: the tiles come without another.
	await expect(page.locator('a.tile').first()).toBeVisible(RUNS);
	await expect(attract).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Choose a recording' })).toBeVisible();
});

test('the attract screen waits for a tap when none came early', async ({ page }) => {
	const scripts = await holdScripts(page);
	await page.goto('/kiosk', { waitUntil: 'domcontentloaded' });
	await expect.poll(scripts.held).toBeGreaterThan(0);
	scripts.release();
	const attract = page.getByTestId('attract');
	await expect(attract).toHaveAttribute('data-ready', RUNS);
	await expect(attract).toBeVisible();
	await expect(page.locator('a.tile')).toHaveCount(0);
});

test('a clip page loaded afresh (a tile followed before the router runs) still asks and resets', async ({
	page
}) => {
	const { idleSeconds, countdownSeconds, clips } = fixtureCollection().kiosk;
	await page.clock.install();
	await page.goto(`/kiosk/clips/${clips[0]}`);
	await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
	await page.clock.fastForward((idleSeconds + 1) * 1000);
	await expect(page.getByTestId('idle-countdown')).toBeVisible();
	await page.clock.fastForward(countdownSeconds * 1000);
	await expect(page.getByTestId('attract')).toBeVisible();
	expect(new URL(page.url()).pathname).toBe('/kiosk');
});
