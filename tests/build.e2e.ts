import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildIn, copyProject } from './project-copy';
import { SITE_FIXTURE } from './site-fixture';

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

// Issue 21: a pipe hung the build, a link published a file from outside the collection, and
// the word "constructor" crashed it. Now the pipe is skipped with a warning, the link refused
// with an error, the word indexed like any other, and the build stops with file and line.
test('a hostile collection stops the build with file:line verdicts, without hanging', async () => {
	test.setTimeout(120_000);
	const project = copyProject('hostile-build-');
	const clip = join(project.dir, 'transcripts', 'test-clip');
	cpSync('tests/fixtures/basic', join(project.dir, 'transcripts'), { recursive: true });
	execFileSync('mkfifo', [join(clip, 'notes')]);
	unlinkSync(join(clip, 'fr.vtt'));
	symlinkSync('/etc/hostname', join(clip, 'fr.vtt'));
	const en = readFileSync(join(clip, 'en.vtt'), 'utf8');
	writeFileSync(join(clip, 'en.vtt'), en.replace(/(-->[^\n]*\n)/, '$1constructor __proto__ '));
	const meta = readFileSync(join(clip, 'clip.json'), 'utf8');
	writeFileSync(join(clip, 'clip.json'), meta.replace('"audio":', '"audio": "x.mp3",\n\t"audio":'));
	try {
		const result = await buildIn(project.dir);
		expect(result.code).not.toBe(0);
		expect(result.output).toContain(
			'transcripts/test-clip/fr.vtt: error: refused: a link to /etc/hostname, outside the collection'
		);
		expect(result.output).toContain(
			'transcripts/test-clip/notes: warning: not read: a named pipe (FIFO), not a regular file'
		);
		expect(result.output).toMatch(
			/transcripts\/test-clip\/clip\.json:14:2: warning: "audio" is given twice \(first on line 13\)/
		);
		expect(result.output).toMatch(/1 error, 2 warnings in the collection/);
		expect(result.output).not.toMatch(/TypeError|is not a function/);
	} finally {
		project.remove();
	}
});

/** Every file under a folder, by relative path, with the SHA-256 of its bytes. */
function digest(root: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else
				files.set(
					relative(root, path),
					createHash('sha256').update(readFileSync(path)).digest('hex')
				);
		}
	};
	walk(root);
	return files;
}

// Two fresh copies of the project, in different folders, each with an empty audio cache: the
// same content must give the same bytes (pages, scripts, peaks, search index, compressed files),
// so a deployment can be reproduced and diffed.
test('the same content builds byte-identical output', async () => {
	test.setTimeout(240_000);
	const copies = [copyProject('same-a-'), copyProject('same-b-')];
	const caches = copies.map(() => mkdtempSync(join(tmpdir(), 'same-cache-')));
	try {
		const builds = await Promise.all(
			copies.map((copy, i) => {
				cpSync(SITE_FIXTURE, join(copy.dir, 'transcripts'), { recursive: true });
				return buildIn(copy.dir, { AUDIO_CACHE_DIR: caches[i]! });
			})
		);
		for (const build of builds) expect(build.code, build.output).toBe(0);
		const [a, b] = copies.map((copy) => digest(join(copy.dir, 'build')));
		expect(a!.size).toBeGreaterThan(100);
		expect([...a!.keys()].sort()).toEqual([...b!.keys()].sort());
		const differing = [...a!].filter(([path, sum]) => b!.get(path) !== sum).map(([path]) => path);
		expect(differing).toEqual([]);
	} finally {
		for (const copy of copies) copy.remove();
		for (const cache of caches) rmSync(cache, { recursive: true, force: true });
	}
});
