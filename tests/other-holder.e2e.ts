import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { buildIn, copyProject, serveCopy } from './project-copy';

/**
 * A collection holding a recording of another archive (tests/fixtures/other-holder/): that clip's
 * page credits its own holder, in the footer too, where the collection's pages keep the
 * collection's credit; its index shows each part's partial transcript, subjects and links.
 */
test.describe('a clip held by another archive', () => {
	test.describe.configure({ mode: 'serial' });
	let project: ReturnType<typeof copyProject>;
	let server: Awaited<ReturnType<typeof serveCopy>> | undefined;
	let base = '';
	const slug = 'held-elsewhere';
	const collectionCredit = 'Test fixture of the testimony player';

	test.beforeAll(async () => {
		test.setTimeout(300_000);
		project = copyProject('other-holder-');
		const transcripts = join(project.dir, 'transcripts');
		cpSync('tests/fixtures/basic', transcripts, { recursive: true });
		cpSync(`tests/fixtures/other-holder/${slug}`, join(transcripts, slug), { recursive: true });
		copyFileSync('tests/fixtures/basic/test-clip/audio.mp3', join(transcripts, slug, 'audio.mp3'));
		const build = await buildIn(project.dir);
		expect(build.code, build.output).toBe(0);
		server = await serveCopy(project.dir);
		base = server.origin;
	});
	test.afterAll(() => {
		server?.stop();
		project?.remove();
	});

	test('its page and its footer credit its holder, not the collection', async ({ page }) => {
		await page.goto(`${base}/clips/${slug}`);
		const footer = page.getByRole('contentinfo');
		await expect(footer).toContainText(
			'Original recording held by Example Regional Archive. Credit: Example Regional Archive, Oral History Collection.'
		);
		await expect(footer).not.toContainText(collectionCredit);
		await expect(page.getByTestId('provenance')).toHaveText(
			'The original recording is held by Example Regional Archive. Source: Example Regional Archive, Oral History Collection.'
		);
		// In French too, the holder's name as written.
		await page.getByRole('button', { name: 'Français' }).click();
		await expect(footer).toContainText(
			'Enregistrement original conservé par Example Regional Archive. Crédit : Example Regional Archive, Oral History Collection.'
		);

		// The collection's own pages keep the collection's credit, for the facts only: its own
		// clip is a synthesized narration, and the recording is the other archive's.
		await page.goto(`${base}/`);
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('contentinfo')).toContainText(`Facts: ${collectionCredit}.`);
		await expect(page.getByRole('contentinfo')).not.toContainText('recordings');
		// A synthesized narration credits its holder with the facts, never with a recording.
		await page.goto(`${base}/clips/test-clip`);
		await expect(page.getByRole('contentinfo')).toContainText(
			`Facts: ${collectionCredit}. Narration written and synthesized for this edition; the original recording is held by nobody (test fixture).`
		);
	});

	test('its index shows each part’s partial transcript, subjects and links', async ({ page }) => {
		await page.goto(`${base}/clips/${slug}`);
		const index = page.getByTestId('chapter-index');
		await index.getByText(/Index of the recording \(2 parts\)/).click();
		const parts = index.getByRole('listitem').filter({ has: page.locator('.title') });
		await expect(parts).toHaveCount(2);
		await expect(parts.nth(0)).toContainText(
			'Partial transcript: This is a test recording for the player’s automated tests.'
		);
		await expect(parts.nth(0)).toContainText(
			'Subjects: Oral history -- Testing; Archives -- Access'
		);
		const link = parts.nth(0).getByRole('link', { name: 'About finding aids' });
		await expect(link).toHaveAttribute('href', 'https://example.org/finding-aids');
		await expect(parts.nth(1)).toContainText('seeking & highlighting');
		// A `Link:` line that is no web address is shown as text, never as a link.
		await expect(parts.nth(1)).toContainText('Link: javascript:alert(1) A line that is no link');
		await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
		// The open index, its quotations, subjects and links, meet WCAG as the rest of the page.
		const { violations } = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.include('[data-testid="chapter-index"]')
			.analyze();
		expect(violations.map((v) => v.id)).toEqual([]);
	});
});
