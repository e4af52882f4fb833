import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);

// A fixture whose transcripts have a bad timestamp, a cue past the end of the audio and a
// misaligned translation: the build must stop and name all three, with file and line.
test('a broken collection stops the build with every problem listed', async () => {
	test.setTimeout(120_000);
	// Build in a copy: a build in place would wipe .svelte-kit/output, which the preview serves.
	const root = resolve('.');
	const dir = mkdtempSync(join(tmpdir(), 'broken-build-'));
	for (const item of [
		'src',
		'static',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	]) {
		cpSync(join(root, item), join(dir, item), { recursive: true });
	}
	cpSync(join(root, 'tests/fixtures/broken'), join(dir, 'transcripts'), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	try {
		const env = { ...process.env };
		delete env.TRANSCRIPTS_DIR;
		const result = await run('npx', ['vite', 'build'], { cwd: dir, env }).then(
			() => ({ code: 0, output: '' }),
			(error: { code: number; stdout: string; stderr: string }) => ({
				code: error.code,
				output: error.stdout + error.stderr
			})
		);
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(
			/transcripts\/test-clip\/en\.vtt:8:\d+: error: invalid cue timing/
		);
		expect(result.output).toMatch(
			/transcripts\/test-clip\/en\.vtt:16: error: cue ends at 0:12\.500, after the end of the audio/
		);
		expect(result.output).toMatch(
			/transcripts\/test-clip\/fr\.vtt:12: error: translation cue starts at 0:07\.600/
		);
		expect(result.output).toMatch(/\d+ errors, 1 warning in the collection/);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
