import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildIn, copyProject } from './project-copy';

// A fixture whose transcripts have a bad timestamp, a cue past the end of the audio and a
// misaligned translation: the build must stop and name all three, with file and line.
test('a broken collection stops the build with every problem listed', async () => {
	test.setTimeout(120_000);
	const project = copyProject('broken-build-');
	cpSync('tests/fixtures/broken', join(project.dir, 'transcripts'), { recursive: true });
	try {
		const result = await buildIn(project.dir);
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
		project.remove();
	}
});
