import { execFileSync } from 'node:child_process';
import {
	cpSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCollection } from '../content/collection.ts';

/*
 * "The loader never throws", as a property (issue 21): random changes to a copy of
 * tests/fixtures/basic (random bytes, mangled text, pipes, folders, links inside, outside,
 * broken and looping, deletions) must always give a list of problems, each naming a file of
 * the collection, and never an exception or a hang.
 */

// Audio made of random bytes may decode: keep its analysis out of the project's cache.
const work = mkdtempSync(join(tmpdir(), 'never-throws-'));
process.env.AUDIO_CACHE_DIR = join(work, 'audio-cache');
const { folderSource } = await import('./content.ts');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OUTSIDE = join(work, 'outside.vtt');
writeFileSync(OUTSIDE, 'WEBVTT\n\n00:00.000 --> 00:01.000\nOutside\n');

/** Places a change can land: the collection's own files, and names it does not expect. */
const PATHS = [
	'collection.json',
	'test-clip',
	'test-clip/clip.json',
	'test-clip/audio.mp3',
	'test-clip/en.vtt',
	'test-clip/fr.vtt',
	'test-clip/chapters.en.vtt',
	'test-clip/de.vtt',
	'test-clip/notes',
	'constructor',
	'constructor/clip.json',
	'.hidden',
	'Bad Name'
];

type Change =
	| { kind: 'bytes'; path: string; bytes: Uint8Array }
	| { kind: 'mangle'; path: string; at: number; cut: number; insert: string }
	| { kind: 'fifo' | 'folder' | 'delete'; path: string }
	| { kind: 'link'; path: string; target: string };

const path = fc.constantFrom(...PATHS);
const change: fc.Arbitrary<Change> = fc.oneof(
	fc.record({
		kind: fc.constant('bytes' as const),
		path,
		bytes: fc.uint8Array({ maxLength: 300 })
	}),
	fc.record({
		kind: fc.constant('mangle' as const),
		path,
		at: fc.nat(600),
		cut: fc.nat(40),
		insert: fc.oneof(
			fc.string({ maxLength: 20, unit: 'binary' }),
			fc.constantFrom('constructor', '"__proto__": 1,', '<i>'.repeat(300), '&zz;', '\0', '\ufeff')
		)
	}),
	fc.record({ kind: fc.constantFrom('fifo' as const, 'folder' as const, 'delete' as const), path }),
	fc.record({
		kind: fc.constant('link' as const),
		path,
		target: fc.oneof(
			path.map((p) => `/COLLECTION/${p}`),
			fc.constantFrom('/dev/zero', '/dev/null', OUTSIDE, 'nowhere', '.', '..', '../..')
		)
	})
);

function apply(dir: string, change: Change) {
	const file = join(dir, change.path);
	if (change.kind === 'mangle') {
		// Only a regular file: reading a pipe made by an earlier change would block the test.
		if (!lstatSync(file, { throwIfNoEntry: false })?.isFile()) return;
		const text = readFileSync(file, 'latin1');
		const at = Math.min(change.at, text.length);
		writeFileSync(file, text.slice(0, at) + change.insert + text.slice(at + change.cut), 'latin1');
		return;
	}
	rmSync(file, { recursive: true, force: true });
	mkdirSync(dirname(file), { recursive: true });
	if (change.kind === 'bytes') writeFileSync(file, change.bytes);
	else if (change.kind === 'fifo') execFileSync('mkfifo', [file]);
	else if (change.kind === 'folder') mkdirSync(file);
	else if (change.kind === 'link') symlinkSync(change.target.replace('/COLLECTION', dir), file);
}

describe('the collection loader', () => {
	it(
		'never throws or hangs, and names a file for every problem',
		{ timeout: 300_000 },
		async () => {
			let run = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
					const dir = join(work, `run-${run++}`, 'transcripts');
					cpSync('tests/fixtures/basic', dir, { recursive: true });
					try {
						for (const c of changes) {
							try {
								apply(dir, c);
							} catch {
								// A change that cannot be made (a file inside a pipe) is skipped.
							}
						}
						const { problems } = await loadCollection({
							...folderSource(dir),
							root: 'transcripts'
						});
						for (const problem of problems) {
							expect(problem.file).toMatch(/^transcripts(\/|$)/);
							expect(problem.message).not.toBe('');
							expect(['error', 'warning']).toContain(problem.severity);
						}
					} finally {
						rmSync(dirname(dir), { recursive: true, force: true });
					}
				}),
				{ numRuns: 150 }
			);
		}
	);
});
