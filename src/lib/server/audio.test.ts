import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decodeFile } from '../audio/decode.js';
import { loadCollection } from '../content/collection.ts';
import { formatProblem } from '../content/problems.ts';
import { decodeAudio } from './audio.ts';
import { folderSource } from './content.ts';

const FIXTURE = 'tests/fixtures/basic';
const work = mkdtempSync(join(tmpdir(), 'audio-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fixture's MP3 with 40 KB of noise written over its middle, as a damaged copy would be. */
function damagedMp3(): string {
	const bytes = readFileSync(join(FIXTURE, 'test-clip', 'audio.mp3'));
	let seed = 7;
	for (let i = 20_000; i < 60_000; i++)
		bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
	const path = join(work, 'damaged.mp3');
	writeFileSync(path, bytes);
	return path;
}

describe('decoding audio', () => {
	it('measures a sound file with no damage, in a worker thread as on this one', async () => {
		const file = join(FIXTURE, 'test-clip', 'audio.mp3');
		const here = await decodeFile(file);
		expect(here.damaged).toBe(0);
		expect(here.duration).toBeGreaterThan(10);
		expect(await decodeAudio(file)).toEqual(here);
	});

	it('counts a damaged file’s bad frames instead of printing a line for each', async () => {
		const error = vi.spyOn(console, 'error');
		try {
			const { damaged, damage } = await decodeFile(damagedMp3());
			expect(damaged).toBeGreaterThan(5);
			expect(damage).toMatch(/^mpg123-decoder: /);
			expect(error).not.toHaveBeenCalled();
		} finally {
			error.mockRestore();
		}
	});

	it('gives a damaged recording one verdict in the collection check', async () => {
		const collection = join(work, 'collection');
		cpSync(FIXTURE, collection, { recursive: true });
		cpSync(damagedMp3(), join(collection, 'test-clip', 'audio.mp3'));
		const { problems } = await loadCollection(folderSource(collection));
		const verdicts = problems.map(formatProblem).filter((p) => p.includes('audio.mp3'));
		expect(verdicts).toHaveLength(1);
		expect(verdicts[0]).toMatch(
			/test-clip\/audio\.mp3: warning: damaged: the decoder skipped \d+ bad frames \(mpg123-decoder: .*\); listeners will hear gaps or noise: encode it again from the original$/
		);
	});
});
