import { describe, expect, it } from 'vitest';
import { cueHtml } from '../transcript/markup.ts';
import { parseVtt } from '../transcript/vtt.ts';
import {
	alignedCues,
	alignedVtt,
	alignerJob,
	checkAlignerResult,
	cueText,
	parseAlignmentConfig,
	retimedVtt,
	splitSentences,
	vttTimestamp,
	type TimedWord
} from './cues.ts';

/** Words one after another, 0.3 s each from `start`. */
const timed = (text: string, start = 0): TimedWord[] =>
	text
		.split(' ')
		.map((word, i) => ({ text: word, start: start + i * 0.3, end: start + i * 0.3 + 0.25 }));

const cue = (text: string, start = 0, end = 10) =>
	parseVtt(`WEBVTT\n\n${vttTimestamp(start)} --> ${vttTimestamp(end)}\n${text}\n`, 'x.vtt')
		.cues[0]!;

describe('vttTimestamp', () => {
	it('writes hours, minutes, seconds and milliseconds', () => {
		expect(vttTimestamp(0)).toBe('00:00:00.000');
		expect(vttTimestamp(62.5)).toBe('00:01:02.500');
		expect(vttTimestamp(3 * 3600 + 59.9996)).toBe('03:01:00.000');
	});
});

describe('splitSentences', () => {
	it('cuts at sentence ends, not at abbreviations', () => {
		const words = timed('Mr. Smith came at dawn. Nobody spoke! Was it over?');
		expect(splitSentences(words, 'en').map((s) => s.map((w) => w.text).join(' '))).toEqual([
			'Mr. Smith came at dawn.',
			'Nobody spoke!',
			'Was it over?'
		]);
	});

	it('cuts a long sentence into balanced parts of at most about two lines, at a comma if near', () => {
		const text =
			'In spring the prisoners of the third division refused to work, elected a commission to speak for them and held the zone for forty days';
		const parts = splitSentences(timed(text), 'en', 84).map((s) => s.map((w) => w.text).join(' '));
		expect(parts.join(' ')).toBe(text);
		expect(parts.length).toBe(2);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(84);
		expect(parts[0]).toMatch(/work,$/);
	});

	it('keeps Ukrainian and Lithuanian sentences whole', () => {
		expect(splitSentences(timed('Це запис. Ви чуєте озвучення.'), 'uk')).toHaveLength(2);
		expect(splitSentences(timed('Tai įrašas. Jūs girdite balsą.'), 'lt')).toHaveLength(2);
	});
});

describe('cueText', () => {
	it('puts a timestamp before each word after the first, and escapes the text', () => {
		const words = timed('Tom & Jerry <3', 1);
		expect(cueText({ start: 1, end: 3, speaker: 'A <b>', words })).toBe(
			'<v A &lt;b&gt;>Tom <00:00:01.300>&amp; <00:00:01.600>Jerry <00:00:01.900>&lt;3'
		);
	});

	it('leaves out a tag that would not be strictly inside the cue and after the previous one', () => {
		const words: TimedWord[] = [
			{ text: 'a', start: 1, end: 1.2 },
			{ text: 'b', start: 1, end: 1.2 }, // same as the cue start
			{ text: 'c', start: 1.5, end: 1.6 },
			{ text: 'd', start: 1.5, end: 1.6 }, // same as the previous tag
			{ text: 'e', start: 2, end: 2.1 } // at the cue end
		];
		expect(cueText({ start: 1, end: 2, words })).toBe('a b <00:00:01.500>c d e');
	});

	it('gives a file the site reads without a single problem', () => {
		const cues = alignedCues(
			[cue('<v N>One two. Three four.'), cue('<v N>Five six.', 5, 8)],
			[timed('One two. Three four.', 1), timed('Five six.', 5.2)],
			{ lang: 'en', resegment: true, keepTimes: false }
		);
		const file = alignedVtt(cues);
		const parsed = parseVtt(file, 'en.vtt');
		expect(parsed.problems).toEqual([]);
		expect(parsed.cues.map((c) => [c.start, c.text, c.speaker])).toEqual([
			[1, 'One two.', 'N'],
			[1.6, 'Three four.', 'N'],
			[5.2, 'Five six.', 'N']
		]);
		expect(file).toContain('One <00:00:01.300>two.');
		// The transcript shows the words alone (word highlight will read the tags later).
		expect(cueHtml(parsed.cues[0]!.nodes)).toBe('One two.');
	});
});

describe('alignedCues', () => {
	it('keeps cue bounds and times when asked (translations, hand-timed captions)', () => {
		const cues = alignedCues([cue('One two. Three.', 0.5, 4)], [timed('One two. Three.', 1)], {
			lang: 'en',
			resegment: false,
			keepTimes: true
		});
		expect(cues).toEqual([{ start: 0.5, end: 4, words: timed('One two. Three.', 1) }]);
	});

	it('never lets a cue run past the next one', () => {
		const cues = alignedCues([cue('a b'), cue('c d')], [timed('a b', 1), timed('c d', 1.4)], {
			lang: 'en',
			resegment: false,
			keepTimes: false
		});
		expect(cues[0]!.end).toBeLessThanOrEqual(cues[1]!.start);
	});
});

describe('alignerJob', () => {
	it('passes anchors, and with keepCueTimes every cue start', () => {
		const cues = [cue('One two', 1, 2), cue('Three\nfour', 3, 4)];
		const job = alignerJob(
			cues,
			{ needsAlignment: true, keepCueTimes: true, anchors: [{ time: 3.5, cue: 1, word: 1 }] },
			'en'
		);
		expect(job.segments).toEqual(['One two', 'Three four']);
		expect(job.anchors).toEqual([
			{ time: 1, segment: 0, word: 0 },
			{ time: 3, segment: 1, word: 0 },
			{ time: 3.5, segment: 1, word: 1 }
		]);
	});

	it('rejects an anchor past the last cue', () => {
		expect(() =>
			alignerJob(
				[cue('One')],
				{ needsAlignment: true, keepCueTimes: false, anchors: [{ time: 60, cue: 4, word: 0 }] },
				'en'
			)
		).toThrow(/cue 4, past the last cue \(0\)/);
	});
});

describe('parseAlignmentConfig', () => {
	it('reads the importer’s file with defaults', () => {
		expect(
			parseAlignmentConfig('{"language":"lt","anchors":[{"time":60,"cue":12,"word":3}]}', 'a.json')
		).toEqual({
			language: 'lt',
			needsAlignment: true,
			anchors: [{ time: 60, cue: 12, word: 3 }],
			keepCueTimes: false
		});
	});

	it('names the file and the field of a mistake', () => {
		expect(() => parseAlignmentConfig('{"anchors":[{"time":-1,"cue":0}]}', 'a.json')).toThrow(
			'a.json: error: anchors.0.time: must not be negative'
		);
		expect(() => parseAlignmentConfig('{', 'a.json')).toThrow(/^a\.json: error: not valid JSON/);
	});
});

describe('retimedVtt', () => {
	it('changes only the timing lines, keeping text and settings', () => {
		const source =
			'WEBVTT\n\nc1\n00:00:00.000 --> 00:00:01.000 line:0\n<v B>Un &amp; deux\n\n00:00:01.000 --> 00:00:02.000\nTrois\n';
		const cues = parseVtt(source, 'fr.vtt').cues;
		const out = retimedVtt(
			source,
			cues,
			[
				{ start: 0.5, end: 1.5 },
				{ start: 2, end: 3.25 }
			],
			'fr.vtt'
		);
		expect(out).toBe(
			'WEBVTT\n\nc1\n00:00:00.500 --> 00:00:01.500 line:0\n<v B>Un &amp; deux\n\n00:00:02.000 --> 00:00:03.250\nTrois\n'
		);
	});

	it('refuses a translation that does not keep the original’s cues', () => {
		const cues = parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nUn\n', 'fr.vtt').cues;
		expect(() => retimedVtt('', cues, [], 'fr.vtt')).toThrow(/1 cues where the original has 0/);
	});
});

describe('checkAlignerResult', () => {
	const job = { language: 'en', segments: ['one two three', 'four five'], anchors: [] };
	const words = (...list: [string, number, number][]) =>
		list.map(([text, start, end]) => ({ text, start, end }));
	const good = {
		segments: [
			{ words: words(['one', 0, 0.4], ['two', 0.5, 0.9], ['three', 1, 1.4]) },
			{ words: words(['four', 2, 2.4], ['five', 2.5, 2.9]) }
		],
		match: [{ start: 0, end: 2.9, ratio: 0.9 }]
	};

	it('accepts an answer with every word, in order, inside the audio', () => {
		const verdict = checkAlignerResult(job, good, 3);
		expect(verdict.error).toBeUndefined();
		expect(verdict.quality).toMatchObject({ words: 5, spread: 0, squeezed: 0, match: 0.9 });
	});

	it('refuses fewer segments, a changed or missing word, times that go back or leave the audio', () => {
		const cases: [typeof good, RegExp][] = [
			[{ ...good, segments: good.segments.slice(0, 1) }, /1 segments for 2 cues/],
			[
				{ ...good, segments: [good.segments[0]!, { words: words(['four', 2, 2.4]) }] },
				/cue 2 came back as "four" instead of "four five"/
			],
			[
				{
					...good,
					segments: [good.segments[0]!, { words: words(['four', 2, 2.4], ['fife', 2.5, 2.9]) }]
				},
				/instead of "four five"/
			],
			[
				{
					...good,
					segments: [good.segments[0]!, { words: words(['four', 0.2, 0.3], ['five', 2.5, 2.9]) }]
				},
				/"four" at 0\.2–0\.3 s goes back/
			],
			[
				{
					...good,
					segments: [good.segments[0]!, { words: words(['four', 2, 2.4], ['five', 2.5, 9]) }]
				},
				/leaves the audio \(0–3\.00 s\)/
			]
		];
		for (const [answer, reason] of cases) {
			expect(checkAlignerResult(job, answer, 3).error).toMatch(reason);
		}
	});

	it('refuses a language the aligner has no voice for, and a text that does not match', () => {
		const noVoice = {
			...good,
			spread: { words: 5, reasons: ["Couldn't parse language identifier 'xx'."] }
		};
		expect(checkAlignerResult({ ...job, language: 'xx' }, noVoice, 3).error).toMatch(
			/no voice for the language "xx"/
		);
		const mismatch = { ...good, match: [{ start: 0, end: 2.9, ratio: 1.01 }] };
		expect(checkAlignerResult(job, mismatch, 3).error).toMatch(/does not match the recording/);
		const doubtful = {
			...good,
			match: [
				{ start: 0, end: 45, ratio: 0.9 },
				{ start: 45, end: 90, ratio: 0.96 },
				{ start: 90, end: 130, ratio: 0.88 }
			]
		};
		const verdict = checkAlignerResult(job, doubtful, 3);
		expect(verdict.error).toBeUndefined();
		expect(verdict.quality.doubtful).toEqual([{ start: 45, end: 90, ratio: 0.96 }]);
	});
});
