import { describe, expect, it } from 'vitest';
import { activeCueIndex, alignCues, nextStartAfter, spokenCue } from './cues.ts';
import type { Cue } from './types.ts';

const cue = (start: number, end: number, text = ''): Cue => ({
	id: '',
	start,
	end,
	text,
	nodes: [text],
	line: 0
});

describe('spokenCue', () => {
	const cues = [cue(1, 2, 'a'), cue(3, 4, 'b'), cue(4, 6, 'c')];
	it('is the cue whose time span holds the moment, from its start to just before its end', () => {
		expect(spokenCue(cues, 1)?.text).toBe('a');
		expect(spokenCue(cues, 1.999)?.text).toBe('a');
		expect(spokenCue(cues, 4)?.text).toBe('c');
	});
	it('is nothing before the first cue, in a pause and after the last', () => {
		expect(spokenCue(cues, 0.5)).toBeUndefined();
		expect(spokenCue(cues, 2)).toBeUndefined();
		expect(spokenCue(cues, 2.5)).toBeUndefined();
		expect(spokenCue(cues, 6)).toBeUndefined();
	});
});

describe('activeCueIndex', () => {
	const cues = [cue(1, 2), cue(3, 4), cue(4, 6)];
	it('is -1 before the first cue', () => {
		expect(activeCueIndex(cues, 0.999)).toBe(-1);
		expect(activeCueIndex([], 5)).toBe(-1);
	});
	it('changes exactly at a cue start (start <= t)', () => {
		expect(activeCueIndex(cues, 1)).toBe(0);
		expect(activeCueIndex(cues, 2.999)).toBe(0);
		expect(activeCueIndex(cues, 3)).toBe(1);
		expect(activeCueIndex(cues, 4)).toBe(2);
	});
	it('keeps the last line through a pause and after the end', () => {
		expect(activeCueIndex(cues, 2.5)).toBe(0);
		expect(activeCueIndex(cues, 100)).toBe(2);
	});
	it('scales to thousands of cues', () => {
		const many = Array.from({ length: 5000 }, (_, i) => cue(i * 2, i * 2 + 1.5));
		expect(activeCueIndex(many, 7777.2)).toBe(3888);
	});
});

describe('nextStartAfter', () => {
	it('finds the next boundary strictly after the time', () => {
		expect(nextStartAfter([1, 3, 4], 0)).toBe(1);
		expect(nextStartAfter([1, 3, 4], 1)).toBe(3);
		expect(nextStartAfter([1, 3, 4], 4)).toBeUndefined();
	});
});

describe('alignCues', () => {
	const original = [cue(0, 2), cue(2.5, 5), cue(5.5, 8)];
	it('pairs cues with the same timings one to one', () => {
		expect(alignCues(original, [cue(0, 2), cue(2.5, 5), cue(5.5, 8)])).toEqual([
			{ original: 0, translation: [0] },
			{ original: 1, translation: [1] },
			{ original: 2, translation: [2] }
		]);
	});
	it('aligns a translation that merges two cues to the first it overlaps most', () => {
		expect(alignCues(original, [cue(0, 5), cue(5.5, 8)])).toEqual([
			{ original: 0, translation: [] },
			{ original: 1, translation: [0] },
			{ original: 2, translation: [1] }
		]);
	});
	it('aligns a translation split in two to the same original cue', () => {
		expect(
			alignCues(original, [cue(0, 2), cue(2.5, 3.7), cue(3.7, 5), cue(5.5, 8)]).map(
				(r) => r.translation
			)
		).toEqual([[0], [1, 2], [3]]);
	});
});
