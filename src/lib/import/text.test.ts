import { describe, expect, test } from 'vitest';
import { cuesFromLines, notUtf8, spreadCues, splitSpeaker } from './text.ts';

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
