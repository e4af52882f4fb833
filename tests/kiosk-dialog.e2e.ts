import { expect, test, type Page } from '@playwright/test';
import { leaveAttract } from './helpers';
import { fixtureCollection } from './site-fixture';

const { idleSeconds } = fixtureCollection().kiosk;

/** The kiosk's touch target (`--target-kiosk` in app.css), in CSS pixels on this page. */
const kioskTarget = (page: Page) =>
	page.evaluate(() => {
		const probe = document.body.appendChild(document.createElement('div'));
		probe.style.height = 'var(--target-kiosk)';
		const height = probe.getBoundingClientRect().height;
		probe.remove();
		return height;
	});

test.describe('the kiosk’s “Are you still there?” question', () => {
	test.use({ hasTouch: true, serviceWorkers: 'block' });

	for (const viewport of [
		{ width: 1920, height: 1080 },
		{ width: 1080, height: 1920 }
	]) {
		test(`fits the screen, its button a touch target and no more, in every language (${viewport.width}×${viewport.height})`, async ({
			page
		}) => {
			// The idle time passes on a fake clock: the tests' kiosk waits 90 s before it asks.
			await page.clock.install();
			await page.setViewportSize(viewport);
			await page.goto('/kiosk');
			await leaveAttract(page);
			const target = await kioskTarget(page);
			expect(target).toBeGreaterThanOrEqual(48);

			const question = page.getByTestId('idle-countdown');
			const languages = await page
				.locator('[data-ui-language]')
				.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-ui-language')!));
			expect(languages.length).toBeGreaterThan(1);
			for (const language of languages) {
				await page.locator(`[data-ui-language="${language}"]`).tap();
				await expect(page.locator('html')).toHaveAttribute('lang', language);
				await page.clock.fastForward((idleSeconds + 1) * 1000);
				await expect(question).toBeVisible();

				const dialog = (await question.boundingBox())!;
				const button = (await question.getByRole('button').boundingBox())!;
				const where = `${language}: dialog ${JSON.stringify(dialog)}, button ${JSON.stringify(button)}`;
				expect.soft(dialog.x, where).toBeGreaterThanOrEqual(0);
				expect.soft(dialog.y, where).toBeGreaterThanOrEqual(0);
				expect.soft(dialog.x + dialog.width, where).toBeLessThanOrEqual(viewport.width);
				expect.soft(dialog.y + dialog.height, where).toBeLessThanOrEqual(viewport.height);
				// A question, not a screen: well under half of it either way.
				expect.soft(dialog.height, where).toBeLessThan(viewport.height / 2);
				expect.soft(dialog.width, where).toBeLessThan(viewport.width * 0.75);
				expect.soft(button.height, where).toBeGreaterThanOrEqual(target);
				expect.soft(button.width, where).toBeGreaterThanOrEqual(target);
				// At most a few rows tall (a label that wraps onto a second line, say).
				expect.soft(button.height, where).toBeLessThanOrEqual(2.5 * target);
				expect.soft(button.width, where).toBeLessThanOrEqual(dialog.width);

				await question.getByRole('button').tap();
				await expect(question).toBeHidden();
			}
		});
	}
});

test.describe('the staff corner, when the offline store failed', () => {
	// Blocked service workers: the offline store cannot be made, and the corner says so.
	test.use({ hasTouch: true, serviceWorkers: 'block' });

	for (const viewport of [
		{ width: 1920, height: 1080 },
		{ width: 1080, height: 1920 }
	]) {
		test(`covers neither the invitation nor the transcript (${viewport.width}×${viewport.height})`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await page.goto('/kiosk');
			const corner = page.getByTestId('offline-status');
			await expect(corner).toHaveAttribute('data-state', 'failed');
			const apart = async (what: string) => {
				const a = (await corner.boundingBox())!;
				const b = (await page.locator(what).boundingBox())!;
				const overlap =
					a.x < b.x + b.width &&
					b.x < a.x + a.width &&
					a.y < b.y + b.height &&
					b.y < a.y + a.height;
				expect(overlap, `${what} ${JSON.stringify(b)} under the corner ${JSON.stringify(a)}`).toBe(
					false
				);
			};
			await apart('.attract .begin');
			await leaveAttract(page);
			await page.locator('a.tile').first().tap();
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await apart('.scroller');
		});
	}
});
