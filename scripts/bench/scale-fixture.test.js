// The scale benchmark's generator (scale-fixture.js) writes what the build accepts: a small
// collection of it passes the site's own collection check with no problem at all, its MP3 files
// decode with no decoder complaint to the length clip.json gives, and changing one clip touches
// one line of each transcript and nothing else.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVtt } from '../../src/lib/transcript/vtt.ts';
import { changeOneClip, decodeMp3, writeScaleCollection } from './scale-fixture.js';

/** @typedef {import('../../src/lib/content/collection.ts').LoadResult} LoadResult */

const dir = mkdtempSync(join(tmpdir(), 'scale-fixture-'));
const collection = join(dir, 'transcripts');
/** @type {Awaited<ReturnType<typeof writeScaleCollection>>} */
let written;

/** The site's own collection check, as the build runs it, with a decode cache of its own. */
async function check() {
	process.env.AUDIO_CACHE_DIR = join(dir, 'audio-cache');
	const { loadCollection } = await import('../../src/lib/content/collection.ts');
	const { folderSource } = await import('../../src/lib/server/content.ts');
	return /** @type {LoadResult} */ (await loadCollection(folderSource(collection)));
}

/** @param {string} slug @param {string} file */
const read = (slug, file) => readFileSync(join(collection, slug, file), 'utf8');

beforeAll(async () => {
	// About two minutes a clip; the first run also encodes the segment pool (seconds).
	written = await writeScaleCollection(collection, { clips: 2, hours: 0.03, seed: 5 });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeScaleCollection', () => {
	it('writes a collection the build accepts, with no error or warning', async () => {
		expect(written.slugs).toEqual(['scale-0001', 'scale-0002']);
		const { collection: loaded, problems } = await check();
		expect(problems).toEqual([]);
		expect(loaded.clips.map((c) => c.slug)).toEqual(written.slugs);
		for (const clip of loaded.clips) {
			const meta = JSON.parse(read(clip.slug, 'clip.json'));
			expect(meta.provenance.synthesized).toBe(true);
			expect(Math.abs(clip.duration - meta.duration)).toBeLessThan(0.001);
			const [en, fr] = ['en', 'fr'].map((lang) => {
				const file = `${clip.slug}/${lang}.vtt`;
				return parseVtt(read(clip.slug, `${lang}.vtt`), file).cues;
			});
			// A cue every 2–3 s.
			expect(en?.length).toBeGreaterThan(clip.duration / 3);
			expect(en?.length).toBeLessThan(clip.duration / 2);
			// A translation on the original's boundaries, and a voice tag on some cues.
			expect(fr?.map((c) => [c.start, c.end])).toEqual(en?.map((c) => [c.start, c.end]));
			expect(en?.some((c) => c.speaker)).toBe(true);
			expect(en?.some((c) => !c.speaker)).toBe(true);
			// Numbered, generated lines only.
			en?.forEach((c, i) => expect(c.text).toMatch(new RegExp(`^Line ${i + 1} of generated`)));
			expect(Object.keys(clip.chapters)).toEqual(['en', 'fr']);
		}
		const hours = loaded.clips.reduce((s, c) => s + c.duration, 0) / 3600;
		expect(hours).toBeCloseTo(written.hours, 6);
	}, 120_000);

	it('writes MP3 that decodes without complaint, different in every clip', async () => {
		const hashes = new Set();
		let bytes = 0;
		for (const slug of written.slugs) {
			const audio = readFileSync(join(collection, slug, 'audio.mp3'));
			bytes += audio.length;
			hashes.add(createHash('sha256').update(audio).digest('hex'));
			const decoded = await decodeMp3(join(collection, slug, 'audio.mp3'));
			expect(decoded.errors).toEqual([]);
			expect(decoded.sampleRate).toBe(24_000);
			expect(decoded.duration).toBeCloseTo(JSON.parse(read(slug, 'clip.json')).duration, 3);
			// 48 kbit/s: 6,000 bytes a second.
			expect(audio.length / decoded.duration).toBeCloseTo(6000, 6);
		}
		expect(hashes.size).toBe(written.slugs.length);
		expect(bytes).toBe(written.bytes);
	});
});

describe('changeOneClip', () => {
	it('changes the text of one line of each transcript, and the collection stays valid', async () => {
		const slug = 'scale-0002';
		for (let round = 0; round < 2; round++) {
			const before = { en: read(slug, 'en.vtt'), fr: read(slug, 'fr.vtt') };
			changeOneClip(collection, slug);
			for (const lang of /** @type {const} */ (['en', 'fr'])) {
				const old = before[lang].split('\n');
				const now = read(slug, `${lang}.vtt`).split('\n');
				expect(now.length).toBe(old.length);
				const changed = now.flatMap((line, i) => (line === old[i] ? [] : [i]));
				expect(changed).toHaveLength(1);
				expect(now[/** @type {number} */ (changed[0])]).not.toContain('-->');
			}
		}
		expect((await check()).problems).toEqual([]);
	}, 120_000);
});
