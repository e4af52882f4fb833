import { expect, test } from '@playwright/test';
import { audioTime, currentLines, lines, openClip, showSingleLanguage, startOf } from './helpers';

/**
 * SvelteKit keeps a page component when the route stays the same: moving from one clip to
 * another without a reload must still give a fresh player and view state, not the first clip's.
 */
test('clip to clip without a reload: audio, transcript and highlight belong to the second clip', async ({
	page
}) => {
	await openClip(page);
	const firstUrl = new URL(page.url());
	await showSingleLanguage(page);
	// Leave the first clip playing part-way, with a line highlighted and a find query typed.
	const line = lines(page).nth(3);
	const lineStart = await startOf(line);
	await line.click();
	await expect(line).toHaveAttribute('aria-current', 'true');
	await page.getByRole('searchbox', { name: 'Find in transcript' }).fill('the');
	// A marker on the window: it survives only if the document is not reloaded.
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

	const related = page.getByRole('region', { name: /Other recordings about/ }).getByRole('link');
	const target = related.first();
	const title = (await target.textContent())!.trim();
	const href = (await target.getAttribute('href'))!;
	await target.click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	expect(new URL(page.url()).pathname).toBe(href);
	expect(new URL(page.url()).pathname).not.toBe(firstUrl.pathname);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

	// One audio element, the second clip's, at the start and paused.
	const slug = href.split('/').pop()!;
	await expect(page.locator('audio')).toHaveCount(1);
	await expect(page.locator('audio')).toHaveAttribute('src', new RegExp(`/media/${slug}/`));
	await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.paused)).toBe(true);
	expect(await audioTime(page)).toBeLessThan(lineStart);
	// The view state is fresh too: no find query, the first line current (or none yet).
	await expect(page.getByRole('searchbox', { name: 'Find in transcript' })).toHaveValue('');
	await expect(page.getByTestId('find-count')).toHaveText('');
	const current = currentLines(page);
	expect(await current.count()).toBeLessThanOrEqual(2);
	for (const element of await current.all()) expect(await startOf(element)).toBe(0);

	// The transcript is the second clip's: its lines play the second clip's audio, and the
	// highlight follows the second clip's clock.
	const second = lines(page).nth(1);
	const secondStart = await startOf(second);
	await second.click();
	await expect(second).toHaveAttribute('aria-current', 'true');
	await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(secondStart - 0.05);
	await expect
		.poll(() => page.evaluate(() => document.querySelector('audio')!.currentSrc))
		.toContain(`/media/${slug}/`);
});
