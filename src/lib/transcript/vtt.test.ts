import { describe, expect, it } from 'vitest';
import { MAX_TAG_DEPTH, MAX_TAGS_PER_CUE, MAX_TEXT_FILE_BYTES } from '../content/limits.ts';
import { vtt } from '../content/memory-source.ts';
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

	it('gives each cue its own text and line when a dropped cue had the same times', () => {
		// 00:61:00.000 is invalid (the cue is dropped), but reads as the same time as 01:01:00.000.
		const { cues, problems } = parseVtt(
			'WEBVTT\n\n00:61:00.000 --> 00:61:05.000\nDropped <i>one</i>\n\n01:01:00.000 --> 01:01:05.000\nKept & <b>bold</b>\n',
			FILE
		);
		expect(problems.map((p) => [p.line, p.severity])).toEqual([
			[3, 'error'],
			[7, 'warning']
		]);
		expect(cues).toMatchObject([{ text: 'Kept & bold', line: 6 }]);
	});

	// Big files (issue 21): each of these took minutes when the parser was quadratic. No timing
	// is asserted (that is `npm run bench:parse`); a generous timeout catches a return to it.
	describe('big and hostile files', () => {
		const oneCue = (text: string) => `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n${text}\n`;

		it('reads 200,000 cues, each at its own line', { timeout: 60_000 }, () => {
			const triples = Array.from({ length: 200_000 }, (_, i): [number, number, string] => [
				i * 2,
				i * 2 + 1.5,
				`Line ${i}.`
			]);
			// Two cues with the same times keep their own lines, in file order.
			triples.splice(1, 0, [0, 1.5, 'Same times as the first.']);
			const file = triples.map((cue) => vtt(cue).slice('WEBVTT\n\n'.length)).join('\n');
			const { cues, problems } = parseVtt(`WEBVTT\n\n${file}`, FILE);
			expect(problems).toEqual([]);
			expect(cues).toHaveLength(200_001);
			expect(cues[1]).toMatchObject({ text: 'Same times as the first.', line: 6 });
			expect(cues[200_000]).toMatchObject({ text: 'Line 199999.', line: 600_003 });
		});

		it(
			'reads a 5 MB cue, and lists only the first thousand of its warnings',
			{ timeout: 60_000 },
			() => {
				const { cues, problems } = parseVtt(oneCue('& '.repeat(2.5 * 2 ** 20)), FILE);
				expect(cues[0]!.text.length).toBe(5 * 2 ** 20 - 1);
				expect(problems).toHaveLength(1001);
				expect(problems.at(-1)).toMatchObject({
					severity: 'warning',
					message: 'more than 1000 markup warnings: only the first 1000 are listed'
				});
			}
		);

		it(
			'reads 5 MB of unknown references, and refuses a cue of a million tags',
			{ timeout: 60_000 },
			() => {
				const references = parseVtt(oneCue('&zz; '.repeat(2 ** 20)), FILE);
				expect(references.cues[0]!.text.startsWith('&zz; &zz;')).toBe(true);
				const endTags = parseVtt(oneCue('x</b'.repeat(2 ** 20) + '>'), FILE);
				expect(endTags.cues).toEqual([]);
				expect(endTags.problems[0]).toMatchObject({
					severity: 'error',
					line: 4,
					column: 4 * MAX_TAGS_PER_CUE + 2,
					message: 'more than 10,000 tags in one cue: the cue is left out (split it into cues)'
				});
				const tags = parseVtt(oneCue('<b>x</b> '.repeat(MAX_TAGS_PER_CUE / 2)), FILE);
				expect(tags.problems).toEqual([]);
			}
		);

		it(`refuses a cue whose tags nest deeper than ${MAX_TAG_DEPTH}`, () => {
			const nested = (depth: number) => '<i>'.repeat(depth) + 'deep' + '</i>'.repeat(depth);
			expect(parseVtt(oneCue(nested(MAX_TAG_DEPTH)), FILE).cues[0]!.text).toBe('deep');
			const { cues, problems } = parseVtt(oneCue(nested(10_000)), FILE);
			expect(cues).toEqual([]);
			expect(problems).toEqual([
				{
					severity: 'error',
					file: FILE,
					line: 4,
					column: MAX_TAG_DEPTH * 3 + 1,
					message: `tags nested more than ${MAX_TAG_DEPTH} deep: the cue is left out (close each tag before opening the next)`
				}
			]);
		});

		it('refuses a file over the size limit without parsing it', () => {
			const { cues, problems } = parseVtt('WEBVTT\n\n' + ' '.repeat(MAX_TEXT_FILE_BYTES), FILE);
			expect(cues).toEqual([]);
			expect(problems).toEqual([
				expect.objectContaining({
					line: 1,
					message: expect.stringMatching(
						/^the file is too large \(50 MB or more; the limit is 50 MB per file\)/
					)
				})
			]);
		});
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
