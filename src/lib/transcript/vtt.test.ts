import { describe, expect, it } from 'vitest';
import { parseVtt } from './vtt.ts';

const FILE = 'transcripts/clip/en.vtt';

describe('parseVtt', () => {
	it('reads cues with times, speaker, plain text and their lines', () => {
		const { cues, problems } = parseVtt(
			'WEBVTT\n\nc1\n00:00:01.000 --> 00:00:02.500\n<v Narrator>Hello &amp; <i>welcome</i>.\n\n00:01:00.250 --> 01:00:00.000\nSecond\nline\n',
			FILE
		);
		expect(problems).toEqual([]);
		expect(cues).toHaveLength(2);
		expect(cues[0]).toMatchObject({ id: 'c1', start: 1, end: 2.5, speaker: 'Narrator', line: 4 });
		expect(cues[0]!.text).toBe('Hello & welcome.');
		expect(cues[0]!.nodes).toEqual(['Hello & ', { tag: 'i', children: ['welcome'] }, '.']);
		expect(cues[1]).toMatchObject({ start: 60.25, end: 3600, text: 'Second\nline', line: 7 });
	});

	it('accepts a byte-order mark and CRLF line endings', () => {
		const { cues, problems } = parseVtt(
			'\ufeffWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nLabas\r\n',
			FILE
		);
		expect(problems).toEqual([]);
		expect(cues.map((c) => c.text)).toEqual(['Labas']);
	});

	it('keeps Lithuanian and Ukrainian text exactly', () => {
		const text = 'Vanda Valiutė matė Kengyro sukilimo pabaigą. Орест Яринич — в’язень.';
		const { cues } = parseVtt(`WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n`, FILE);
		expect(cues[0]!.text).toBe(text);
	});

	it('reports a bad timestamp as an error with its line and column', () => {
		const { cues, problems } = parseVtt(
			'WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n\n00:00:4.308 --> 00:00:05.000\nTwo\n',
			FILE
		);
		expect(cues.map((c) => c.text)).toEqual(['One']);
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'error', file: FILE, line: 6, column: 8 })
		]);
		expect(problems[0]!.message).toMatch(/invalid cue timing/);
	});

	it('reports a missing header', () => {
		const { problems } = parseVtt('00:00.000 --> 00:01.000\nOne\n', FILE);
		expect(problems[0]).toMatchObject({ severity: 'error', line: 1 });
		expect(problems[0]!.message).toMatch(/WEBVTT/);
	});

	it('reports cues out of order, and keeps file order', () => {
		const { cues, problems } = parseVtt(
			'WEBVTT\n\n00:05.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:02.000\nEarlier\n',
			FILE
		);
		expect(cues.map((c) => c.text)).toEqual(['Later', 'Earlier']);
		expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 6 })]);
	});

	it('leaves out an empty cue with a warning; accepts a file without one', () => {
		const empty = parseVtt(
			'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Narrator></v>\n\n00:01.000 --> 00:02.000\nText\n',
			FILE
		);
		expect(empty.cues.map((c) => c.text)).toEqual(['Text']);
		expect(empty.problems).toEqual([
			expect.objectContaining({ severity: 'warning', line: 3, message: 'empty cue left out' })
		]);
		expect(parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nText\n', FILE).problems).toEqual([]);
	});

	it('turns unknown tags into a warning and keeps their text as text', () => {
		const { cues, problems } = parseVtt(
			'WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script> and <lang lt>ačiū</lang>\n',
			FILE
		);
		expect(cues[0]!.text).toBe('alert(1) and ačiū');
		expect(cues[0]!.nodes).toEqual([
			'alert(1)',
			' and ',
			{ tag: 'lang', lang: 'lt', children: ['ačiū'] }
		]);
		expect(problems.every((p) => p.severity === 'warning')).toBe(true);
		expect(problems.length).toBeGreaterThan(0);
	});

	it('reports a file with a header but no cues', () => {
		const { problems } = parseVtt('WEBVTT\n', FILE);
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'error', message: 'the file has no cues' })
		]);
	});
});

describe('word timings', () => {
	it('come from timestamp tags, by offset in the formatted text', () => {
		const { cues, problems } = parseVtt(
			'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Narrator>Tanks <00:00:01.400><i>came</i> <00:00:02.100>in\n',
			'test.vtt'
		);
		expect(problems).toEqual([]);
		expect(cues[0]!.text).toBe('Tanks came in');
		expect(cues[0]!.words).toEqual([
			{ offset: 0, time: 1 },
			{ offset: 6, time: 1.4 },
			{ offset: 11, time: 2.1 }
		]);
	});

	it('are absent without tags, and a tag outside the cue is warned of and left out', () => {
		const plain = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nNo tags\n', 'a.vtt');
		expect(plain.cues[0]!.words).toBeUndefined();
		const outside = parseVtt(
			'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nToo <00:00:04.000>late\n',
			'b.vtt'
		);
		expect(outside.cues[0]!.words).toBeUndefined();
		expect(outside.problems.map((p) => p.severity)).toEqual(['warning']);
	});
});
