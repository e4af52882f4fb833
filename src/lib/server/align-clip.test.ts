import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCollection } from '../content/collection.ts';
import { parseVtt } from '../transcript/vtt.ts';
import { alignClip, alignerInstalled, installCommand } from './align-clip.ts';
import { folderSource } from './content.ts';

/*
 * The aligner on a real clip: 13.6 s of English spoken by espeak-ng, whose cue starts are known
 * exactly (tests/fixtures/align/README.md). Needs the aligner (`npm ci --prefix aligner`, which
 * .ci/run does); without it these tests are skipped and say why.
 */
const FIXTURE = 'tests/fixtures/align/collection';
const SLUG = 'steppe-strike';
const TRUE_STARTS = [0.6, 3.704, 9.163];
/** Cue starts must be this close to the truth (the aligner does about 20 ms here). */
const TOLERANCE = 0.1;

const installed = alignerInstalled();
if (!installed) {
	console.warn(`Aligner tests skipped: the aligner is not installed. Run: ${installCommand()}`);
}

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'align-test-'));
	cpSync(FIXTURE, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(dir, SLUG, file), 'utf8');
const track = (file: string) => parseVtt(read(file), file);
const setAlignment = (config: object) =>
	writeFileSync(join(dir, SLUG, 'alignment.json'), JSON.stringify(config));
/** Each word's time as written: the cue start for its first word, else its timestamp tag. */
function wordTimes(file: string): { word: string; time: number }[][] {
	const lines = read(file).split('\n');
	return track(file).cues.map((cue) => {
		const text = lines[cue.line]!.replace(/^<v [^>]*>/, '');
		let time = cue.start;
		return text.split(' ').map((part) => {
			const tag = /^<(\d+):(\d+):(\d+\.\d+)>/.exec(part);
			if (tag) time = Number(tag[1]) * 3600 + Number(tag[2]) * 60 + Number(tag[3]);
			return { word: part.replace(/^<[^>]*>/, ''), time };
		});
	});
}

// Each alignment takes a few seconds of CPU; on a busy 2-core machine, up to a minute.
describe.skipIf(!installed)('alignClip (aligner installed)', { timeout: 120_000 }, () => {
	it('times an untimed transcript: cue starts within 100 ms, word tags, translation cue for cue', async () => {
		const summary = await alignClip(SLUG, { transcripts: dir, install: false });
		expect(summary).toMatchObject({ cues: 3, words: 25, translations: ['fr'] });

		const en = track('en.vtt');
		expect(en.problems).toEqual([]);
		en.cues.forEach((cue, i) =>
			expect(Math.abs(cue.start - TRUE_STARTS[i]!)).toBeLessThan(TOLERANCE)
		);
		expect(en.cues[0]).toMatchObject({
			speaker: 'Narrator',
			text: 'The camp stood on the open steppe.'
		});
		// A tag before every word but the first, rising, inside the cue.
		expect(read('en.vtt').match(/<\d\d:\d\d:\d\d\.\d\d\d>/g)).toHaveLength(25 - 3);
		for (const [i, words] of wordTimes('en.vtt').entries()) {
			const cue = en.cues[i]!;
			for (let k = 1; k < words.length; k++) {
				expect(words[k]!.time).toBeGreaterThan(words[k - 1]!.time);
				expect(words[k]!.time).toBeLessThan(cue.end);
			}
		}

		const fr = track('fr.vtt');
		expect(fr.cues.map((c) => [c.start, c.end])).toEqual(en.cues.map((c) => [c.start, c.end]));
		expect(fr.cues[1]!.text).toBe(
			'Au printemps, les détenus refusèrent de travailler et élurent une commission.'
		);
		expect(JSON.parse(read('alignment.json')).needsAlignment).toBe(false);

		// The site builds it: the collection check finds nothing to say.
		const { problems } = await loadCollection(folderSource(dir));
		expect(problems).toEqual([]);
	});

	it('never moves an anchor (a legacy OHMS minute marker: "at this time, this word")', async () => {
		// An indexer's marker, set by hand 0.4 s after "to" (cue 2, word 6) really begins at 5.95 s.
		const anchor = { time: 6.35, cue: 1, word: 5 };
		setAlignment({ language: 'en', source: 'ohms-legacy', anchors: [anchor], keepCueTimes: false });
		await alignClip(SLUG, { transcripts: dir, install: false });

		const words = wordTimes('en.vtt').flat();
		const anchored = words.findIndex((w, i) => w.word === 'to' && words[i - 1]?.word === 'refused');
		expect(words[anchored]!.time).toBeGreaterThanOrEqual(anchor.time);
		for (const word of words.slice(0, anchored)) expect(word.time).toBeLessThan(anchor.time);
		for (const word of words.slice(anchored)) expect(word.time).toBeGreaterThanOrEqual(anchor.time);
		// Away from the anchor the alignment is as good as without it.
		const cues = track('en.vtt').cues;
		expect(Math.abs(cues[0]!.start - TRUE_STARTS[0]!)).toBeLessThan(TOLERANCE);
		expect(Math.abs(cues[2]!.start - TRUE_STARTS[2]!)).toBeLessThan(TOLERANCE);
	});

	it('keeps minute markers on a longer recording, in sentence cues', async () => {
		// 2.5 minutes: the clip 11 times over, no translation (so cues are split by sentence).
		const wav = readFileSync(join(dir, SLUG, 'audio.wav'));
		const repeats = 11;
		const data = Buffer.concat(Array.from({ length: repeats }, () => wav.subarray(44)));
		const header = Buffer.from(wav.subarray(0, 44));
		header.writeUInt32LE(36 + data.length, 4);
		header.writeUInt32LE(data.length, 40);
		writeFileSync(join(dir, SLUG, 'audio.wav'), Buffer.concat([header, data]));
		const texts = track('en.vtt').cues.map((c) => c.text);
		const cues = Array.from({ length: repeats }, () => texts).flat();
		const period = data.length / repeats / 2 / 16_000;
		const stamp = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
		const step = (period * repeats) / cues.length;
		writeFileSync(
			join(dir, SLUG, 'en.vtt'),
			`WEBVTT\n\n${cues.map((t, i) => `${stamp(i * step)} --> ${stamp((i + 1) * step)}\n<v Narrator>${t}\n`).join('\n')}`
		);
		const clip = JSON.parse(read('clip.json'));
		writeFileSync(join(dir, SLUG, 'clip.json'), JSON.stringify({ ...clip, translations: [] }));
		rmSync(join(dir, SLUG, 'fr.vtt'));
		// What the importer writes for a legacy OHMS <sync>1:|…</sync>: at 1:00 the reader is in
		// the 5th copy's second sentence (cue 13, "refused", spoken at about 60.4 s), at 2:00 in
		// the 9th copy's third (cue 26, "later,", spoken at about 119.5 s: a hand-made marker,
		// half a second late, which the alignment must obey all the same).
		const anchors = [
			{ time: 60, cue: 13, word: 4 },
			{ time: 120, cue: 26, word: 2 }
		];
		setAlignment({ language: 'en', source: 'ohms-legacy', anchors, keepCueTimes: false });
		await alignClip(SLUG, { transcripts: dir, install: false });

		const en = track('en.vtt');
		expect(en.problems).toEqual([]);
		expect(en.cues.length).toBe(cues.length);
		const words = wordTimes('en.vtt').flat();
		const wordsPerCue = cues.map((t) => t.split(/\s+/).length);
		for (const anchor of anchors) {
			const index = wordsPerCue.slice(0, anchor.cue).reduce((a, b) => a + b, 0) + anchor.word;
			for (const word of words.slice(0, index)) expect(word.time).toBeLessThan(anchor.time);
			for (const word of words.slice(index)) expect(word.time).toBeGreaterThanOrEqual(anchor.time);
		}
		// And every sentence starts where it is spoken, anchors or not.
		en.cues.forEach((cue, i) => {
			const truth = TRUE_STARTS[i % 3]! + Math.floor(i / 3) * period;
			expect(Math.abs(cue.start - truth)).toBeLessThan(TOLERANCE);
		});
	});

	it('keeps the cue times of coarsely timed captions and adds the words', async () => {
		const times = track('en.vtt').cues.map((c) => [c.start, c.end]);
		setAlignment({ language: 'en', source: 'srt', anchors: [], keepCueTimes: true });
		await alignClip(SLUG, { transcripts: dir, install: false });
		const en = track('en.vtt');
		expect(en.problems).toEqual([]);
		expect(en.cues.map((c) => [c.start, c.end])).toEqual(times);
		expect(read('en.vtt')).toMatch(/camp <00:00:0\d\.\d{3}>stood/);
	});

	it('refuses a transcript that has nothing to do with the recording, and changes nothing', async () => {
		const unrelated = read('en.vtt')
			.replace('The camp stood on the open steppe.', 'Bright orange kites flew above the harbour.')
			.replace(
				'In spring, the prisoners refused to work and elected a commission.',
				'My grandmother baked bread every Sunday with honey, butter and seven eggs.'
			)
			.replace(
				'Forty days later, tanks ended the strike.',
				'Nobody remembers which bicycle was green.'
			);
		writeFileSync(join(dir, SLUG, 'en.vtt'), unrelated);
		await expect(alignClip(SLUG, { transcripts: dir, install: false })).rejects.toThrow(
			/the text does not match the recording: .* \(match ratio 1\.\d\d;/
		);
		expect(read('en.vtt')).toBe(unrelated);
	});

	it('scores the right transcript as a good fit', async () => {
		const summary = await alignClip(SLUG, { transcripts: dir, install: false });
		expect(summary.quality.match).toBeLessThan(0.6);
		expect(summary.quality.doubtful).toEqual([]);
	});
});
