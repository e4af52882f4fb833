import { describe, expect, test } from 'vitest';
import { parseSrt, parseWebVtt } from './captions.ts';
import { fixture } from './fixtures.ts';

const where = (problems: { severity: string; line?: number; message: string }[]) =>
	problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`);

describe('parseSrt', () => {
	test('reads a vendor SRT: times as written, lines, speakers, <br> and formatting', () => {
		const { file, text } = fixture('captions.srt');
		const { result, problems } = parseSrt(text, file);
		expect(result.cues).toEqual([
			{
				start: 3601,
				end: 3604.5,
				text: 'This is a test recording.\nIt tries the import.',
				speaker: 'INTERVIEWER',
				line: 2
			},
			{ start: 3604.5, end: 0, text: 'The first line is read aloud.', speaker: undefined, line: 6 },
			{
				start: 3608,
				end: 3612.25,
				text: 'Now the second part begins.',
				speaker: undefined,
				line: 10
			},
			{
				start: 3612.25,
				end: 3615,
				text: 'And here the recording ends.',
				speaker: undefined,
				line: 14
			}
		]);
		expect(where(problems)).toEqual([
			'3: warning: "<br>" in cue text became a line break',
			'7: warning: formatting tags dropped (the text is kept)',
			'11: warning: formatting tags dropped (the text is kept)'
		]);
	});

	test('a malformed timing line is an error at its line', () => {
		const { file, text } = fixture('bad-timing.srt');
		const { problems } = parseSrt(text, file);
		expect(problems).toEqual([
			{
				severity: 'error',
				file,
				line: 6,
				message:
					'malformed timing line (expected 00:00:01,000 --> 00:00:02,500): the cue below it would be lost'
			}
		]);
	});

	test('an empty file is an error', () => {
		expect(where(parseSrt('\n\n', 'e.srt').problems)).toEqual(['1: error: the file is empty']);
	});
});

describe('parseWebVtt', () => {
	test('reads the Kind:/Language: header instead of warning about it', () => {
		const { file, text } = fixture('captions.vtt');
		const { result, problems } = parseWebVtt(text, file);
		expect(result.language).toBe('en');
		expect(result.cues.map((c) => [c.start, c.end, c.speaker, c.line])).toEqual([
			[1, 4.5, 'Interviewer', 5],
			[4.5, 0, 'Reader', 8],
			[8, 12.25, 'Interviewer', 11],
			[12.25, 15, 'Reader', 14]
		]);
		expect(result.cues[0]!.text).toBe('This is a test recording.\nIt tries the import.');
		// The end before its start is left for repairTimes(), which reports it.
		expect(where(problems)).toEqual(['6: warning: "<br>" in cue text became a line break']);
	});

	test('keeps the site parser’s verdicts, with lines moved by the offset given', () => {
		const { problems } = parseWebVtt('WEBVTT\n\n00:00:1.000 --> 00:00:02.000\nA.\n', 'x.xml', 40);
		expect(problems.map((p) => [p.severity, p.line])).toEqual([['error', 43]]);
	});
});
