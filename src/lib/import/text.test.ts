import { describe, expect, test } from 'vitest';
import { MAX_TEXT_FILE_BYTES } from '../content/limits.ts';
import {
	cuesFromLines,
	cuesTooLarge,
	notUtf8,
	sourceTooLarge,
	spreadCues,
	splitSpeaker,
	vttSize
} from './text.ts';
import { writeVtt } from './write.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('splitSpeaker', () => {
	test.each([
		['SCHNEIDER: Today is the day.', 'SCHNEIDER', 'Today is the day.'],
		['NAME OF INTERVIEWEE: Yes.', 'NAME OF INTERVIEWEE', 'Yes.'],
		['KLAUSĖJA: Tai bandymas.', 'KLAUSĖJA', 'Tai bandymas.'],
		['Q: And then?', 'Q', 'And then?'],
		['Orest Yarynich: The text.', 'Orest Yarynich', 'The text.']
	])('%s names its speaker', (text, speaker, rest) => {
		expect(splitSpeaker(text)).toMatchObject({ speaker, rest });
	});

	test.each(['The time was 10:30 then.', 'it said: nothing', 'at 1:00: nothing', 'Note that: x'])(
		'%s has no speaker',
		(text) => {
			expect(splitSpeaker(text).speaker).toBeUndefined();
		}
	);
});

describe('cuesFromLines', () => {
	test('a blank line or a name starts a turn; lines of a turn are joined', () => {
		const { cues, speakers } = cuesFromLines(
			lines('A: One two', 'three four.', 'B: Five.', '', 'Six seven.'),
			{ sentences: false }
		);
		expect(cues).toEqual([
			{ text: 'One two three four.', speaker: 'A', line: 1 },
			{ text: 'Five.', speaker: 'B', line: 3 },
			{ text: 'Six seven.', speaker: undefined, line: 5 }
		]);
		expect(speakers).toEqual(['A', 'B']);
	});

	test('long turns are cut at sentence ends into cues of about two lines', () => {
		const sentence = 'This sentence has exactly forty-odd characters.';
		const { cues } = cuesFromLines(lines(`A: ${sentence} ${sentence} ${sentence} ${sentence}`), {
			sentences: true
		});
		expect(cues.length).toBe(2);
		expect(cues.every((c) => c.speaker === 'A' && c.text.length <= 120)).toBe(true);
		expect(cues.map((c) => c.text).join(' ')).toBe(Array(4).fill(sentence).join(' '));
	});

	test('maps a source word (line, word) to its cue and word, skipping the speaker name', () => {
		const text = cuesFromLines(lines('A: One two', 'three four.', '', 'B: Five six.'), {
			sentences: false
		});
		const on = (cue: number, word: number) => ({ cue, word, sameLine: true });
		expect(text.position(1, 1)).toEqual(on(0, 3)); // "four"
		expect(text.position(3, 0)).toEqual(on(1, 0)); // "B:" means the turn's start
		expect(text.position(3, 2)).toEqual(on(1, 1)); // "six."
		// Past the end of a line, or on a blank one: the next word of the text.
		expect(text.position(1, 5)).toEqual({ cue: 1, word: 0, sameLine: false });
		expect(text.position(2, 0)).toEqual({ cue: 1, word: 0, sameLine: false });
		expect(text.position(3, 3)).toBeUndefined(); // past the end of the text
	});
});

describe('spreadCues', () => {
	const cues = [
		{ text: 'aaaa', line: 1 },
		{ text: 'bbbb', line: 2 },
		{ text: 'cccc dddd', line: 3 }
	];

	test('spreads the text over the duration in proportion to its length', () => {
		const timed = spreadCues(cues, [], 20);
		expect(timed.map((c) => [c.start, c.end])).toEqual([
			[0, 5],
			[5, 10],
			[10, 20]
		]);
	});

	test('an anchor keeps its time, and the text either side is spread around it', () => {
		// "dddd" (cue 2, word 1) is spoken at 15 s.
		const timed = spreadCues(cues, [{ time: 15, cue: 2, word: 1 }], 20);
		expect(timed[2]!.start).toBeCloseTo(15 * (10 / 15), 3);
		expect(timed[2]!.end).toBe(20);
		expect(timed[1]!.end).toBe(timed[2]!.start);
	});

	test('anchors in one cue, and one past its last word, which means the next cue', () => {
		const timed = spreadCues(
			[
				{ text: 'aaaa', line: 1 },
				{ text: 'bb cc dd ee', line: 2 },
				{ text: 'ff', line: 3 }
			],
			[
				{ time: 10, cue: 1, word: 1 },
				{ time: 12, cue: 1, word: 3 },
				{ time: 14, cue: 1, word: 9 }
			],
			20
		);
		// "cc" (character 8 of 20) at 10 s: "bb" (character 5) at 6.25 s; "ff" at 14 s.
		expect(timed.map((c) => c.start)).toEqual([0, 6.25, 14]);
	});
});

test('notUtf8 points at the first byte that was not UTF-8', () => {
	// "café" saved as Latin-1, read as UTF-8.
	const text = new TextDecoder().decode(new Uint8Array([0x41, 0x0a, 0x63, 0x61, 0x66, 0xe9]));
	expect(notUtf8(text, 'l.srt')).toEqual({
		severity: 'error',
		file: 'l.srt',
		line: 2,
		column: 4,
		message: 'not valid UTF-8 (save the file as UTF-8)'
	});
	expect(notUtf8('café', 'u.srt')).toBeUndefined();
});

describe('cutting turns and finding words', () => {
	const sentence = 'This sentence has exactly forty-odd characters.';

	test('maps a word to its cue across the cues a turn is cut into', () => {
		const text = cuesFromLines(lines(`A: ${sentence} ${sentence} ${sentence}`, sentence), {
			sentences: true
		});
		expect(text.cues.map((c) => [c.text.length, c.line])).toEqual([
			[95, 1],
			[95, 1]
		]);
		const on = (cue: number, word: number, sameLine = true) => ({ cue, word, sameLine });
		expect(text.position(0, 0)).toEqual(on(0, 0)); // "A:" means the turn's start
		expect(text.position(0, 12)).toEqual(on(0, 11));
		expect(text.position(0, 13)).toEqual(on(1, 0));
		expect(text.position(1, 0)).toEqual(on(1, 6));
		expect(text.position(1, 6)).toBeUndefined();
	});

	test('a sentence ends at . ! ? or …, even before closing quotes and brackets', () => {
		const long = 'x'.repeat(70);
		const cut = (end: string) =>
			cuesFromLines(lines(`${long}${end} ${long}.`), { sentences: true }).cues.length;
		expect(['."', '!)', '?»', '…’]'].map(cut)).toEqual([2, 2, 2, 2]);
		expect([',', '"', '.x'].map(cut)).toEqual([1, 1, 1]);
	});
});

// Issue 29: linear however many lines, speakers, words and anchors a text has.
describe('big texts', () => {
	// A capitalised name for each number: A, B, … Z, BA, BB, …
	const name = (i: number) =>
		[...i.toString(26)].map((d) => String.fromCharCode(65 + parseInt(d, 26))).join('');

	test(
		'200,000 turns of as many speakers, and the place of every word',
		{ timeout: 30_000 },
		() => {
			// The list of speakers was searched for each turn, and the words for each place asked.
			const count = 200_000;
			const source = Array.from({ length: count }, (_, i) => ({
				text: `N${name(i)}: One two.`,
				line: i + 1
			}));
			const text = cuesFromLines(source, { sentences: true });
			expect(text.speakers).toHaveLength(count);
			expect(text.cues.at(-1)).toEqual({
				text: 'One two.',
				speaker: `N${name(count - 1)}`,
				line: count
			});
			// Each line's last word ("two."), checked without an expect for each of them.
			const misplaced = source.filter((_, i) => {
				const found = text.position(i, 2);
				return found?.cue !== i || found.word !== 1 || !found.sameLine;
			});
			expect(misplaced).toEqual([]);
			expect(text.position(0, 3)).toEqual({ cue: 1, word: 0, sameLine: false });
		}
	);

	test('spreads 200,000 cues between 200,000 anchors', { timeout: 30_000 }, () => {
		// Each cue's time was looked for from the first anchor on: 100,000 took 25 s.
		const count = 200_000;
		const cues = Array.from({ length: count }, (_, i) => ({ text: 'aaaa bbbb', line: i + 1 }));
		const anchors = Array.from({ length: count - 1 }, (_, i) => ({
			time: i + 1,
			cue: i + 1,
			word: 0
		}));
		const timed = spreadCues(cues, anchors, count);
		expect(timed.every((cue, i) => cue.start === i && cue.end === i + 1)).toBe(true);
	});
});

describe('the build’s limits', () => {
	test('vttSize counts the bytes writeVtt writes', () => {
		const cues = [
			{ start: 1, end: 2, text: 'Plain text.', line: 1 },
			{ start: 2, end: 3.5, text: 'Two\nlines & <tags> ė 🎙', speaker: 'R&D <Ė>', line: 2 },
			{ start: 359_999, end: 359_999.999, text: 'At 99 hours.', speaker: 'A', line: 3 }
		];
		expect(vttSize(cues)).toBe(new TextEncoder().encode(writeVtt(cues)).length);
	});

	test('cues whose WebVTT would pass the limit are an error at the cue that passes it', () => {
		const text = 'x'.repeat(20 * 2 ** 20);
		const cues = [1, 2, 3].map((line) => ({ text, line }));
		expect(cuesTooLarge(cues.slice(0, 2), 'big.txt')).toBeUndefined();
		expect(cuesTooLarge(cues, 'big.txt')).toEqual({
			severity: 'error',
			file: 'big.txt',
			line: 3,
			message:
				"too much text for one clip: its WebVTT would pass the build's limit of 50 MB per file here: split the recording and its transcript into parts, and import each"
		});
		expect(sourceTooLarge(' '.repeat(MAX_TEXT_FILE_BYTES), 'big.txt')).toBeUndefined();
		expect(sourceTooLarge(' '.repeat(MAX_TEXT_FILE_BYTES + 1), 'big.txt')).toMatchObject({
			severity: 'error',
			line: 1,
			message: expect.stringMatching(/^the file is too large/)
		});
	});
});
