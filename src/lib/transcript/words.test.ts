import { describe, expect, it } from 'vitest';
import { spokenWordIndex, wordAtOffset, wordSpan, wordTimings } from './words.ts';

// "Tanks came in" with each word timed: 10.0, 10.4, 10.9.
const text = 'Tanks came in';
const cue = {
	words: [
		{ offset: 0, time: 10 },
		{ offset: 6, time: 10.4 },
		{ offset: 11, time: 10.9 }
	]
};

describe('word timings', () => {
	it('find the word spoken at a time: the last begun, held through pauses', () => {
		expect(spokenWordIndex(cue, 9.9)).toBe(-1);
		expect(spokenWordIndex(cue, 10)).toBe(0);
		expect(spokenWordIndex(cue, 10.5)).toBe(1);
		expect(spokenWordIndex(cue, 99)).toBe(2);
		expect(spokenWordIndex({}, 10.5)).toBe(-1);
		expect(spokenWordIndex(undefined, 10.5)).toBe(-1);
	});

	it('find the word at a character (a click)', () => {
		expect(wordAtOffset(cue, 0)).toBe(0);
		expect(wordAtOffset(cue, 5)).toBe(0);
		expect(wordAtOffset(cue, 6)).toBe(1);
		expect(wordAtOffset(cue, 12)).toBe(2);
	});

	it('give each word its characters, without the space after it', () => {
		expect(wordSpan(cue, text, 0)).toEqual([0, 5]);
		expect(wordSpan(cue, text, 1)).toEqual([6, 10]);
		expect(wordSpan(cue, text, 2)).toEqual([11, 13]);
	});
});

describe('wordTimings', () => {
	it('starts the first word with the cue and keeps tags inside it, rising', () => {
		expect(
			wordTimings(
				[
					{ offset: 6, time: 10.4 },
					{ offset: 8, time: 10.2 }, // going back: left out
					{ offset: 11, time: 10.9 },
					{ offset: 12, time: 12 } // at or past the end: left out
				],
				10,
				12
			)
		).toEqual([
			{ offset: 0, time: 10 },
			{ offset: 6, time: 10.4 },
			{ offset: 11, time: 10.9 }
		]);
	});

	it('gives nothing for a cue without tags', () => {
		expect(wordTimings([], 1, 2)).toBeUndefined();
		expect(wordTimings([{ offset: 3, time: 5 }], 1, 2)).toBeUndefined();
	});
});
