import { describe, expect, test } from 'vitest';
import { detectOffset, repairTimes, replaceBreaks } from './repair.ts';
import type { ImportCue } from './types.ts';

const cue = (start: number, end: number, line: number): ImportCue => ({
	start,
	end,
	text: 'x',
	line
});

describe('detectOffset', () => {
	const taped = [cue(3603, 3609, 3), cue(3609, 3618, 6), cue(3618, 3626, 9)];

	test('subtracts whole hours when every time is past the audio and fits once they are off', () => {
		expect(detectOffset(taped, 45, 'auto')).toBe(3600);
	});

	test('leaves times alone when they fit the audio, or would not fit even without the hours', () => {
		expect(detectOffset(taped, 4000, 'auto')).toBe(0);
		expect(detectOffset(taped, 10, 'auto')).toBe(0);
		expect(detectOffset([cue(3, 9, 3)], 45, 'auto')).toBe(0);
	});

	test('uses the offset asked for', () => {
		expect(detectOffset(taped, 4000, 3600)).toBe(3600);
	});
});

describe('repairTimes', () => {
	test('an end before its start becomes the next start, the last one the end of the audio', () => {
		const { cues, problems } = repairTimes(
			[cue(1, 4, 2), cue(4.5, 0, 5), cue(8, 12, 8), cue(12.25, 0, 11)],
			'f.srt',
			20,
			0
		);
		expect(cues.map((c) => [c.start, c.end])).toEqual([
			[1, 4],
			[4.5, 8],
			[8, 12],
			[12.25, 20]
		]);
		expect(problems).toEqual([
			{
				severity: 'warning',
				file: 'f.srt',
				line: 5,
				message:
					'cue ends at 0:00.000, before it starts (0:04.500): it now ends where the next cue starts (0:08.000)'
			},
			{
				severity: 'warning',
				file: 'f.srt',
				line: 11,
				message:
					'cue ends at 0:00.000, before it starts (0:12.250): it now ends with the audio (0:20.000)'
			}
		]);
	});

	test('subtracts a tape offset and says so once, at the first cue', () => {
		const { cues, problems } = repairTimes(
			[cue(3603, 3609, 3), cue(3609, 0, 6)],
			'f.xml',
			45,
			3600
		);
		expect(cues.map((c) => [c.start, c.end])).toEqual([
			[3, 9],
			[9, 45]
		]);
		expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
			'3: times start at 1:00:03.000, past the end of the audio (0:45.000): a tape offset of 1:00:00 was subtracted from every time',
			'6: cue ends at 0:00.000, before it starts (1:00:09.000): it now ends with the audio (0:45.000)'
		]);
	});

	test('an end a little past the audio is cut to it; a start past it is an error', () => {
		const { cues, problems } = repairTimes([cue(1, 10.5, 3), cue(12, 14, 6)], 'f.vtt', 10, 0);
		expect(cues).toEqual([cue(1, 10, 3)]);
		expect(problems.map((p) => [p.severity, p.line])).toEqual([
			['warning', 3],
			['error', 6]
		]);
		expect(problems[1]!.message).toMatch(/after the end of the audio.*--offset/);
	});

	test('a start before the tape offset asked for is an error', () => {
		const { problems } = repairTimes([cue(10, 12, 3)], 'f.vtt', 100, 3600, true);
		expect(problems.map((p) => [p.severity, p.message])).toEqual([
			['warning', 'a tape offset of 1:00:00 was subtracted from every time, as asked (--offset)'],
			['error', 'cue starts at 0:10.000, before the tape offset (1:00:00)']
		]);
	});
});

describe('replaceBreaks', () => {
	test.each([
		['one<br>two', 'one\ntwo'],
		['one<br><br>two', 'one\ntwo'],
		['one <BR/> <br /> two', 'one \ntwo'],
		['<br>one<br>', 'one'],
		['no break', 'no break']
	])('%s', (text, expected) => {
		expect(replaceBreaks(text).text).toBe(expected);
	});
});

// Issue 29: repairs are linear, and spread no list into arguments.
describe('big files', () => {
	test('finds a tape offset among 500,000 cues', () => {
		// Math.min(...starts) overflowed the stack with a RangeError.
		const cues = Array.from({ length: 500_000 }, (_, i) => cue(3600 + i / 1000, 0, i + 1));
		expect(detectOffset(cues, 600, 'auto')).toBe(3600);
	});

	test('an end before its start takes the first later start that is greater', () => {
		const { cues } = repairTimes(
			[cue(5, 0, 1), cue(3, 0, 2), cue(4, 0, 3), cue(2, 0, 4), cue(6, 0, 5), cue(6, 0, 6)],
			'f.vtt',
			10,
			0
		);
		expect(cues.map((c) => [c.start, c.end])).toEqual([
			[5, 6],
			[3, 4],
			[4, 6],
			[2, 6],
			[6, 10],
			[6, 10]
		]);
	});

	// Each repair searched the rest of the file: 200,000 cues took 112 s.
	test('repairs 200,000 ends before their starts in linear time', { timeout: 30_000 }, () => {
		const cues = Array.from({ length: 200_000 }, (_, i) => cue(i + 1, 0, i + 1));
		const repaired = repairTimes(cues, 'f.vtt', 200_001, 0);
		expect(repaired.problems).toHaveLength(200_000);
		expect(repaired.cues.at(-2)).toEqual(cue(199_999, 200_000, 199_999));
		expect(repaired.cues.at(-1)).toEqual(cue(200_000, 200_001, 200_000));
	});
});
