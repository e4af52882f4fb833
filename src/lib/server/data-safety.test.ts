import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	symlinkSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWav } from '../../../tests/fixtures/import/audio.ts';
import {
	makeFakeAligner,
	type FakeBehaviour
} from '../../../tests/fixtures/import/fake-aligner.ts';
import { loadCollection } from '../content/collection.ts';
import { alignClip } from './align-clip.ts';
import {
	CollectionChange,
	lockCollection,
	recoverInterruptedCommit,
	temporaryName
} from './collection-transaction.ts';
import { folderSource } from './content.ts';
import { importClip, type ImportOptions } from './import.ts';

/*
 * Issue 29: `npm run import` and `npm run align` never lose or spoil the archive's files, and
 * never write outside the collection. Each case is set up at test time (pipes, links, a full
 * disk), on a copy of a fixture collection.
 */

const work = mkdtempSync(join(tmpdir(), 'data-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const audio = join(work, 'tape.wav');
writeWav(audio, 20);
const SOURCE = 'tests/fixtures/import/transcript.txt';

let dir: string;
let outside: string;
let copies = 0;
beforeEach(() => {
	dir = join(work, `collection-${++copies}`);
	outside = join(work, `outside-${copies}`);
	cpSync('tests/fixtures/basic', dir, { recursive: true });
	mkdirSync(outside);
});

/** Every file under `root` with its content, temporary and hidden names left out. */
function snapshot(root: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else files[relative(root, path)] = readFileSync(path).toString('base64');
		}
	};
	walk(root);
	return files;
}

/** Names the tools leave only while they run: temporaries, the lock, the journal. */
const leftovers = (root: string) =>
	[
		...readdirSync(root),
		...readdirSync(root, { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.flatMap((e) => readdirSync(join(root, e.name)).map((n) => `${e.name}/${n}`))
	].filter((name) => /(^|\/)\.(tp-|lock|commit)/.test(name));

const errorsOf = async (root: string) =>
	(await loadCollection(folderSource(root))).problems.filter((p) => p.severity === 'error');

const runImport = (options: Partial<ImportOptions> = {}) =>
	importClip({ source: SOURCE, audio, transcripts: dir, lang: 'en', offset: 'auto', ...options });

describe('the import checks collection.json before it writes anything', () => {
	for (const [name, text, reason] of [
		['empty', '', /not valid JSON \(empty\)/],
		['truncated', '{\n\t"title": { "en": "A', /not valid JSON/],
		['witnesses as a list', '{ "witnesses": [] }', /"witnesses" must be an object/],
		['not an object', '[1, 2]', /must be a JSON object/]
	] as const) {
		it(`${name}: refused, nothing written`, async () => {
			writeFileSync(join(dir, 'collection.json'), text);
			const before = snapshot(dir);
			const outcome = await runImport();
			expect(outcome.ok).toBe(false);
			expect(outcome.report.join('\n')).toMatch(reason);
			expect(outcome.report.join('\n')).toContain('collection.json');
			expect(snapshot(dir)).toEqual(before);
			expect(leftovers(dir)).toEqual([]);
		});
	}

	it('a collection.json that links outside the collection: refused, the outside file untouched', async () => {
		const target = join(outside, 'collection.json');
		cpSync(join(dir, 'collection.json'), target);
		rmSync(join(dir, 'collection.json'));
		symlinkSync(target, join(dir, 'collection.json'));
		const before = readFileSync(target, 'utf8');
		const outcome = await runImport();
		expect(outcome.ok).toBe(false);
		expect(outcome.report.join('\n')).toMatch(/collection\.json: error: a symbolic link/);
		expect(readFileSync(target, 'utf8')).toBe(before);
		expect(existsSync(join(dir, 'transcript'))).toBe(false);
	});
});

describe('witnesses', () => {
	it('six imports at once: every witness is in collection.json, every clip builds', async () => {
		const names = ['Ona Pirmoji', 'Jonas Antrasis', 'Petras Trečiasis', 'Marija', 'Elena', 'Rūta'];
		const outcomes = await Promise.all(
			names.map((witness, i) => runImport({ witness, slug: `tape-${i}` }))
		);
		expect(outcomes.map((o) => o.ok)).toEqual(names.map(() => true));
		const collection = JSON.parse(readFileSync(join(dir, 'collection.json'), 'utf8'));
		expect(Object.values(collection.witnesses).map((w) => (w as { name: string }).name)).toEqual(
			expect.arrayContaining(names)
		);
		expect(await errorsOf(dir)).toEqual([]);
		expect(leftovers(dir)).toEqual([]);
	});

	it('Constructor, __proto__ and toString are new witnesses, and the clips build', async () => {
		for (const [i, witness] of ['Constructor', '__proto__', 'toString'].entries()) {
			const outcome = await runImport({ witness, slug: `tape-${i}` });
			expect(outcome.ok, outcome.report.join('\n')).toBe(true);
			expect(outcome.report.join('\n')).toMatch(/added to .*collection\.json/);
		}
		expect(await errorsOf(dir)).toEqual([]);
	});

	it('a name alike but for accents is not merged silently: it asks, and either answer works', async () => {
		await runImport({ witness: 'Antanas Seikalis', slug: 'first' });
		const before = snapshot(dir);
		const asked = await runImport({ witness: 'Antanas Šeikalis', slug: 'second' });
		expect(asked.ok).toBe(false);
		expect(asked.report.join('\n')).toContain(
			'"Antanas Seikalis" (antanas-seikalis) is: if they are the same person, run the import again with --witness antanas-seikalis; if not, with --new-witness'
		);
		expect(snapshot(dir)).toEqual(before);
		expect((await runImport({ witness: 'antanas-seikalis', slug: 'second' })).ok).toBe(true);
		const other = await runImport({ witness: 'Antanas Šeikalis', slug: 'third', newWitness: true });
		expect(other.report.join('\n')).toContain('Witness: antanas-seikalis-2, added');
		expect(await errorsOf(dir)).toEqual([]);
	});
});

describe('files that would hang or exhaust the import are refused at once', () => {
	it('a source or a recording that is a pipe, a link to /dev/zero, or over 50 MB', async () => {
		const fifo = join(work, `pipe-${copies}.txt`);
		execFileSync('mkfifo', [fifo]);
		const fifoAudio = join(work, `pipe-${copies}.wav`);
		execFileSync('mkfifo', [fifoAudio]);
		const zero = join(work, `zero-${copies}.wav`);
		symlinkSync('/dev/zero', zero);
		const huge = join(work, `huge-${copies}.txt`);
		writeFileSync(huge, '');
		truncateSync(huge, 60 * 1024 * 1024);
		const cases: [Partial<ImportOptions>, RegExp][] = [
			[{ source: fifo }, /not a regular file \(a named pipe\)/],
			[{ audio: fifoAudio }, /not a regular file \(a named pipe\)/],
			[{ audio: zero }, /not a regular file \(a device/],
			[{ source: huge }, /too large \(60 MB; the build reads at most 50 MB per file\)/]
		];
		for (const [options, reason] of cases) {
			const outcome = await runImport(options);
			expect(outcome.ok).toBe(false);
			expect(outcome.report.join('\n')).toMatch(reason);
		}
		expect(existsSync(join(dir, 'transcript'))).toBe(false);
	});
});

describe('a full disk', () => {
	// A small file system of its own needs mount(2): root on Linux (as in CI), else skipped.
	const canMount = process.getuid?.() === 0;
	it.skipIf(!canMount)(
		'ENOSPC while copying the recording: nothing written, no leftovers',
		async () => {
			const disk = join(work, `disk-${copies}`);
			mkdirSync(disk);
			try {
				execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
			} catch {
				console.warn('a full disk: skipped (mount refused here)');
				expect(true).toBe(true);
				return;
			}
			try {
				const small = join(disk, 'collection');
				cpSync('tests/fixtures/basic', small, { recursive: true });
				const big = join(work, 'big.wav');
				writeWav(big, 120); // 1.9 MB: more than the disk holds
				const before = snapshot(small);
				const outcome = await importClip({
					source: SOURCE,
					audio: big,
					transcripts: small,
					lang: 'en',
					offset: 'auto'
				});
				expect(outcome.ok).toBe(false);
				expect(outcome.report.join('\n')).toMatch(/nothing was written: .*ENOSPC/);
				expect(snapshot(small)).toEqual(before);
				expect(leftovers(small)).toEqual([]);
			} finally {
				execFileSync('umount', [disk]);
			}
		}
	);
});

describe('the commit', () => {
	it('finished by the next reader, whichever rename a kill stopped it before', async () => {
		// Stage a new clip and a new collection.json, then play every crash point of the commit.
		const stage = async () => {
			const change = new CollectionChange(dir);
			await change.addFolder('new-clip');
			cpSync(
				join(dir, 'test-clip'),
				join(
					dir,
					readdirSync(dir).find((n) => n.includes('new-clip'))!
				),
				{
					recursive: true
				}
			);
			const text = readFileSync(join(dir, 'collection.json'), 'utf8');
			await change.writeFile('collection.json', text.replace('"title"', '"title" ') + '\n');
			return change;
		};
		const change = await stage();
		const journal = join(dir, '.commit.json');
		// What commit() writes, without the renames: the state a kill right after it leaves.
		const renames = [
			{ from: readdirSync(dir).find((n) => n.endsWith('.new-clip.part'))!, to: 'new-clip' },
			{
				from: readdirSync(dir).find((n) => n.endsWith('.collection.json.part'))!,
				to: 'collection.json'
			}
		];
		writeFileSync(journal, JSON.stringify({ renames }));
		expect(recoverInterruptedCommit(dir)).toBe(true);
		expect(existsSync(journal)).toBe(false);
		expect(existsSync(join(dir, 'new-clip', 'clip.json'))).toBe(true);
		expect(readFileSync(join(dir, 'collection.json'), 'utf8')).toContain('"title" ');
		expect(leftovers(dir)).toEqual([]);
		expect(change).toBeDefined();
	});

	it('never writes through a link, nor into a folder that is one', async () => {
		const victim = join(outside, 'en.vtt');
		writeFileSync(victim, 'outside');
		rmSync(join(dir, 'test-clip', 'en.vtt'));
		symlinkSync(victim, join(dir, 'test-clip', 'en.vtt'));
		symlinkSync(outside, join(dir, 'linked-clip'));
		const change = new CollectionChange(dir);
		await expect(change.writeFile('test-clip/en.vtt', 'x')).rejects.toThrow(
			/test-clip\/en\.vtt: refused: it is a symbolic link/
		);
		await expect(change.writeFile('linked-clip/en.vtt', 'x')).rejects.toThrow(
			/refused: linked-clip is a symbolic link/
		);
		await expect(change.writeFile('../x.vtt', 'x')).rejects.toThrow(/leads outside/);
		expect(readFileSync(victim, 'utf8')).toBe('outside');
		expect(leftovers(dir)).toEqual([]);
	});

	it('a lock left by a dead process is taken over; leftovers are swept', async () => {
		writeFileSync(
			join(dir, '.lock'),
			JSON.stringify({
				pid: 2 ** 22 + 7,
				host: (await import('node:os')).hostname(),
				command: 'x',
				since: ''
			})
		);
		mkdirSync(join(dir, temporaryName('stale')));
		writeFileSync(join(dir, 'test-clip', temporaryName('en.vtt')), 'half');
		const release = await lockCollection(dir, 'test');
		expect(leftovers(dir)).toEqual(['.lock']);
		release();
		expect(leftovers(dir)).toEqual([]);
	});
});

describe('align', () => {
	const ALIGN = 'tests/fixtures/align/collection';
	const SLUG = 'steppe-strike';
	let clip: string;
	const useAligner = (behaviour: FakeBehaviour) => {
		process.env.ALIGNER_DIR = makeFakeAligner(behaviour);
	};
	beforeEach(() => {
		rmSync(dir, { recursive: true, force: true });
		cpSync(ALIGN, dir, { recursive: true });
		clip = join(dir, SLUG);
	});
	afterEach(() => {
		delete process.env.ALIGNER_DIR;
	});
	const align = () => alignClip(SLUG, { transcripts: dir, install: false });

	it('a good answer: the new transcript replaces the old whole, which is kept as .bak', async () => {
		useAligner('even');
		const before = readFileSync(join(clip, 'en.vtt'), 'utf8');
		const summary = await align();
		expect(summary.backups).toEqual([
			relative(process.cwd(), join(clip, 'en.vtt.bak')),
			relative(process.cwd(), join(clip, 'fr.vtt.bak'))
		]);
		expect(readFileSync(join(clip, 'en.vtt.bak'), 'utf8')).toBe(before);
		expect(readFileSync(join(clip, 'en.vtt'), 'utf8')).not.toBe(before);
		expect(summary.check.ok).toBe(true);
		expect(leftovers(dir)).toEqual([]);
	});

	it('an error in another clip whose name starts the same does not stop this one', async () => {
		useAligner('even');
		const other = join(dir, `${SLUG}-two`);
		cpSync(clip, other, { recursive: true });
		writeFileSync(join(other, 'en.vtt'), 'not a WebVTT file\n');
		const summary = await align();
		expect(summary.check.ok, 'the collection still has the other clip’s error').toBe(false);
		expect(summary.check.text).toContain(`${SLUG}-two`);
		expect(readFileSync(join(clip, 'en.vtt.bak'), 'utf8')).not.toBe(
			readFileSync(join(clip, 'en.vtt'), 'utf8')
		);
	});

	for (const [behaviour, reason] of [
		['fewer', /the aligner's answer is wrong: 2 segments for 3 cues/],
		['no-voice', /no voice for the language "en" in the aligner/]
	] as const) {
		it(`an answer that cannot be trusted (${behaviour}): an error, nothing changed`, async () => {
			useAligner(behaviour);
			const before = snapshot(dir);
			await expect(align()).rejects.toThrow(reason);
			expect(snapshot(dir)).toEqual(before);
			expect(leftovers(dir)).toEqual([]);
		});
	}

	it("the build checks alignment.json's language, as it checks the clip's", async () => {
		writeFileSync(join(clip, 'alignment.json'), JSON.stringify({ language: '../../../../tmp/x' }));
		expect((await errorsOf(dir)).map((p) => `${p.file}: ${p.message}`)).toEqual([
			`${relative(process.cwd(), join(clip, 'alignment.json'))}: "language": "../../../../tmp/x" is not one of the clip's languages (en, fr)`
		]);
	});

	it('paths from JSON that leave the collection, and links out of it: refused before any write', async () => {
		useAligner('even');
		const victim = join(outside, 'x.vtt');
		writeFileSync(victim, 'WEBVTT\n\n00:00.000 --> 00:01.000\nnot ours\n');
		const cases: [() => void, RegExp][] = [
			[
				() =>
					writeFileSync(
						join(clip, 'alignment.json'),
						JSON.stringify({ language: relative(clip, join(outside, 'x')) })
					),
				/alignment\.json: error: "language": ".*" is not one of the clip's languages/
			],
			[
				() => {
					const meta = JSON.parse(readFileSync(join(clip, 'clip.json'), 'utf8'));
					meta.translations = [relative(clip, join(outside, 'x'))];
					writeFileSync(join(clip, 'clip.json'), JSON.stringify(meta));
				},
				/clip\.json: error: ".*" is not a language code/
			],
			[
				() => {
					rmSync(join(clip, 'fr.vtt'));
					symlinkSync(victim, join(clip, 'fr.vtt'));
				},
				/fr\.vtt: error: refused: a link to .*outside the collection/
			],
			[
				() => {
					rmSync(join(clip, 'audio.wav'));
					execFileSync('mkfifo', [join(clip, 'audio.wav')]);
				},
				/audio\.wav: error: not read: a named pipe/
			]
		];
		for (const [setup, reason] of cases) {
			rmSync(dir, { recursive: true, force: true });
			cpSync(ALIGN, dir, { recursive: true });
			setup();
			await expect(align()).rejects.toThrow(reason);
			expect(readFileSync(victim, 'utf8')).toContain('not ours');
			expect(leftovers(dir)).toEqual([]);
		}
	});
});

describe('messages', () => {
	it('what went wrong goes to stderr, with nothing on stdout', () => {
		writeFileSync(join(dir, 'collection.json'), '');
		const run = spawnSync(
			process.execPath,
			['scripts/import.js', SOURCE, '--audio', audio, '--lang', 'en', '--transcripts', dir],
			{ encoding: 'utf8' }
		);
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/collection\.json: error: not valid JSON \(empty\)/);
	}, 60_000);
});

describe('signals', () => {
	/** `npm run align` on a copy of the align fixture, once its (fake, slow) aligner runs. */
	async function alignUnderWay(name: string) {
		const aligner = makeFakeAligner('slow', 60_000);
		const dir = join(work, name);
		cpSync('tests/fixtures/align/collection', dir, { recursive: true });
		const child = spawn(
			process.execPath,
			['scripts/align.js', 'steppe-strike', '--transcripts', dir],
			{ env: { ...process.env, ALIGNER_DIR: aligner }, stdio: 'ignore' }
		);
		const exited = new Promise((done) => child.on('exit', (code, signal) => done(code ?? signal)));
		const pidFile = join(aligner, 'pid');
		for (let i = 0; i < 600 && !existsSync(pidFile); i++)
			await new Promise((r) => setTimeout(r, 50));
		return { dir, child, exited, alignerPid: Number(readFileSync(pidFile, 'utf8')) };
	}

	/** Whether the process is gone within 5 s. */
	async function endsSoon(pid: number) {
		const alive = () => {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		};
		for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
		return !alive();
	}

	it('SIGTERM to npm run align stops the aligner and leaves no copy of the recording', async () => {
		const { dir, child, exited, alignerPid } = await alignUnderWay('signals');
		expect(leftovers(dir).some((n) => n.includes('align-work'))).toBe(true);
		child.kill('SIGTERM');
		expect(await exited).toBe(143);
		expect(await endsSoon(alignerPid)).toBe(true);
		expect(leftovers(dir)).toEqual([]);
	}, 60_000);

	it('SIGKILL to npm run align: the aligner sees its parent gone and stops', async () => {
		const { dir, child, exited, alignerPid } = await alignUnderWay('sigkill');
		child.kill('SIGKILL');
		await exited;
		expect(await endsSoon(alignerPid)).toBe(true);
		// The next tool to take the lock sweeps the copy of the recording the kill left.
		const release = await lockCollection(dir, 'test');
		release();
		expect(leftovers(dir)).toEqual([]);
	}, 60_000);
});
