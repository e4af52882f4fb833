import { describe, expect, test } from 'vitest';
import { parseVtt } from '../transcript/vtt.ts';
import { parseChapterText } from '../content/chapters.ts';
import {
	alignmentJson,
	clipJson,
	languageCode,
	slugify,
	stamp,
	writeChapters,
	writeVtt
} from './write.ts';

describe('writeVtt', () => {
	test('writes cues the site parses back to the same text and speakers, markup escaped', () => {
		const cues = [
			{
				start: 0,
				end: 2.5,
				text: 'A <b>bold</b> & "plain" claim.\nSecond line.',
				speaker: 'Q',
				line: 1
			},
			{ start: 2.5, end: 3725.25, text: 'An arrow --> in text.\n\nNo blank line.', line: 2 }
		];
		const vtt = writeVtt(cues);
		const parsed = parseVtt(vtt, 'out.vtt');
		expect(parsed.problems).toEqual([]);
		expect(parsed.cues.map((c) => [c.start, c.end, c.speaker, c.text])).toEqual([
			[0, 2.5, 'Q', 'A <b>bold</b> & "plain" claim.\nSecond line.'],
			[2.5, 3725.25, undefined, 'An arrow --> in text.\nNo blank line.']
		]);
		expect(vtt).toContain('01:02:05.250');
	});
});

describe('writeChapters', () => {
	const chapters = [
		{
			start: 0,
			title: 'Įžanga',
			synopsis: 'Apie įrašą.',
			keywords: ['a', 'b'],
			line: 1,
			alt: { title: 'Introduction', keywords: ['x'] }
		},
		{ start: 20, title: 'Antra', line: 2 }
	];

	test('each chapter runs to the next, the last to the end; synopsis and keywords kept', () => {
		const parsed = parseVtt(writeChapters(chapters, 45), 'chapters.lt.vtt', 'chapters');
		expect(parsed.problems).toEqual([]);
		expect(parsed.cues.map((c) => [c.start, c.end, parseChapterText(c.text)])).toEqual([
			[0, 20, { title: 'Įžanga', synopsis: 'Apie įrašą.', keywords: ['a', 'b'] }],
			[20, 45, { title: 'Antra' }]
		]);
	});

	test('subjects, links and the partial transcript are written, and read back as they were', () => {
		const aids = [
			{
				start: 0,
				title: 'Arrival',
				subjects: ['Oral history', 'Archives -- Testing'],
				partialTranscript: 'This is a fixture,\n written for the tests.',
				links: [
					{ url: 'https://example.org/a?b=c&d', text: 'About <finding> aids' },
					{ url: 'http://example.org/' }
				],
				line: 1,
				alt: {
					title: 'Arrivée',
					subjects: ['Histoire orale'],
					links: [{ url: 'https://example.org/a?b=c&d', text: 'Les instruments' }]
				}
			}
		];
		const read = (vtt: string) =>
			parseVtt(vtt, 'chapters.vtt', 'chapters').cues.map((c) => parseChapterText(c.text));
		expect(read(writeChapters(aids, 30))).toEqual([
			{
				title: 'Arrival',
				subjects: ['Oral history', 'Archives -- Testing'],
				partialTranscript: 'This is a fixture, written for the tests.',
				links: [
					{ url: 'https://example.org/a?b=c&d', text: 'About <finding> aids' },
					{ url: 'http://example.org/' }
				]
			}
		]);
		expect(read(writeChapters(aids, 30, true))).toEqual([aids[0]!.alt]);
	});

	test('a link that is no web address is never written', () => {
		const hostile = [
			{ start: 0, title: 'T', line: 1, links: [{ url: 'javascript:alert(1)', text: 'x' }] }
		];
		expect(writeChapters(hostile, 10)).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:10.000\nT\n');
	});

	test('the translation’s chapters come from the _alt fields, where there are any', () => {
		const parsed = parseVtt(writeChapters(chapters, 45, true), 'chapters.en.vtt', 'chapters');
		expect(parsed.cues.map((c) => [c.start, c.end, c.text])).toEqual([
			[0, 45, 'Introduction\nKeywords: x']
		]);
	});
});

describe('clipJson', () => {
	test('fills what the source knows and marks the rest TO FILL IN', () => {
		const clip = JSON.parse(
			clipJson({
				meta: { title: 'A title', date: '1990-06', holder: 'An Archive', duration: 61 },
				language: 'lt',
				translations: ['en'],
				witness: 'ona-pavyzdys',
				audio: 'audio.mp3'
			})
		);
		expect(clip).toEqual({
			title: { en: 'A title', fr: 'TO FILL IN: the title in French (the source says "A title")' },
			witness: 'ona-pavyzdys',
			language: 'lt',
			translations: ['en'],
			description: {
				en: 'TO FILL IN: what the recording covers, in English',
				fr: 'TO FILL IN: what the recording covers, in French'
			},
			recorded: { date: '1990-06' },
			duration: 61,
			audio: 'audio.mp3',
			provenance: {
				synthesized: false,
				heldBy: { en: 'An Archive', fr: 'An Archive' },
				credit: 'An Archive'
			}
		});
	});
});

describe('alignmentJson', () => {
	const base = { language: 'en', source: 'ohms' as const, anchors: [] };

	test('a timed source keeps its cue times', () => {
		const cues = [{ start: 0, end: 5, text: 'a', line: 1 }];
		expect(JSON.parse(alignmentJson({ ...base, timed: true, cues }))).toMatchObject({
			anchors: [],
			keepCueTimes: true
		});
	});

	test('with paragraphs split out of a cue, only the source’s own starts are kept, as anchors', () => {
		const cues = [
			{ start: 3, end: 5, text: 'a', line: 1 },
			{ start: 5, end: 9, text: 'b', line: 1, estimatedStart: true },
			{ start: 9, end: 12, text: 'c', line: 2 }
		];
		expect(JSON.parse(alignmentJson({ ...base, timed: true, cues }))).toMatchObject({
			anchors: [
				{ time: 3, cue: 0, word: 0 },
				{ time: 9, cue: 2, word: 0 }
			],
			keepCueTimes: false
		});
	});
});

test('stamp', () => {
	expect(stamp(0)).toBe('00:00:00.000');
	expect(stamp(3603.0004)).toBe('01:00:03.000');
});

test.each([
	['Antanas Petrikonis', 'antanas-petrikonis'],
	['Valiutė, Vanda', 'valiute-vanda'],
	['Організація втечі', ''],
	['  Import test: a recording session!  ', 'import-test-a-recording-session']
])('slugify(%s)', (text, slug) => {
	expect(slugify(text)).toBe(slug);
});

test.each([
	['lt', 'lt'],
	['en-gb', 'en-GB'],
	['Lithuanian', 'lt'],
	['ukrainian', 'uk'],
	['English', 'en'],
	['Klingonese', undefined],
	['', undefined]
])('languageCode(%s)', (value, code) => {
	expect(languageCode(value)).toBe(code);
});
