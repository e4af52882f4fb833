import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { writeWav } from './fixtures/import/audio';
import { buildIn, copyProject, serveCopy } from './project-copy';

const run = promisify(execFile);

/**
 * What an archive holds becomes a page: an OHMS export, imported with `npm run import`, builds,
 * and its index (the field's finding aid) is on the clip page with each part's synopsis and
 * keywords, and found by the site search.
 */
test.describe('an imported OHMS file', () => {
	test.describe.configure({ mode: 'serial' });
	let project: ReturnType<typeof copyProject>;
	let server: Awaited<ReturnType<typeof serveCopy>> | undefined;
	let base = '';
	const slug = 'import-test-a-recording-session';

	test.beforeAll(async () => {
		test.setTimeout(300_000);
		project = copyProject('import-');
		cpSync('tests/fixtures/basic', join(project.dir, 'transcripts'), { recursive: true });
		const audio = join(project.dir, 'recording.wav');
		writeWav(audio, 45);
		const source = resolve('tests/fixtures/import/ohms-current.xml');
		const imported = await run('node', ['scripts/import.js', source, '--audio', audio], {
			cwd: project.dir
		});
		expect(imported.stdout).toContain(slug);
		const build = await buildIn(project.dir);
		expect(build.code, build.output).toBe(0);
		server = await serveCopy(project.dir);
		base = server.origin;
	});
	test.afterAll(() => {
		server?.stop();
		project?.remove();
	});

	test('its index shows each part with synopsis and keywords, and seeks', async ({ page }) => {
		await page.goto(`${base}/clips/${slug}`);
		await expect(page.getByTestId('waveform')).toBeVisible();
		const index = page.getByTestId('chapter-index');
		await index.getByText(/Index of the recording \(2 parts\)/).click();
		const parts = index.getByRole('listitem');
		await expect(parts).toHaveCount(2);
		// The reader's language (English) is shown, so the index is the translation's.
		await expect(parts.nth(0)).toContainText('Introduction');
		await expect(parts.nth(0)).toContainText(
			'The speakers introduce the recording and its purpose.'
		);
		await expect(parts.nth(0)).toContainText('recording');
		await expect(parts.nth(1)).toContainText('Second part');
		await parts
			.nth(1)
			.getByRole('button', { name: /Second part/ })
			.click();
		await expect
			.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime))
			.toBeCloseTo(20, 0);
		await expect(parts.nth(1)).toHaveAttribute('aria-current', 'true');
	});

	test('its keywords are found by the site search', async ({ page }) => {
		await page.goto(`${base}/search?q=purpose`);
		await expect(
			page.getByRole('link', { name: /Import test: a recording session/ }).first()
		).toBeVisible();
	});
});
