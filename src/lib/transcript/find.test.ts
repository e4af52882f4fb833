import { describe, expect, it } from 'vitest';
import { findInTracks, stepHit } from './find.ts';
import type { Cue } from './types.ts';

const cue = (start: number, text: string): Cue => ({
	id: '',
	line: 1,
	start,
	end: start + 1,
	text,
	nodes: [text]
});

const original = {
	lang: 'lt',
	cues: [cue(0, 'Kengyro lageris'), cue(2, 'Kalinių sukilimas'), cue(4, 'Vėl Kengyras')]
};
const english = {
	lang: 'en',
	cues: [cue(0, 'Kengir camp'), cue(2, 'The prisoners rose up'), cue(4, 'Kengir again')]
};

describe('findInTracks', () => {
	it('finds folded, stemmed words in every track given, in time order', () => {
		// y folds to i: "Kengir" finds the Lithuanian "Kengyro" too.
		expect(findInTracks([original, english], 'kengir').map((h) => `${h.lang}${h.index}`)).toEqual([
			'lt0',
			'en0',
			'lt2',
			'en2'
		]);
		expect(findInTracks([original, english], 'sukilimo')).toEqual([
			{ lang: 'lt', index: 1, start: 2 }
		]);
	});

	it('needs every word, and finds nothing for an empty query', () => {
		expect(findInTracks([english], 'kengir again')).toEqual([{ lang: 'en', index: 2, start: 4 }]);
		expect(findInTracks([english], '   ')).toEqual([]);
	});

	it('keeps the original before its translation at the same time', () => {
		const both = findInTracks(
			[
				{ lang: 'lt', cues: [cue(1, 'Vorkuta')] },
				{ lang: 'en', cues: [cue(1, 'Vorkuta')] }
			],
			'vorkuta'
		);
		expect(both.map((h) => h.lang)).toEqual(['lt', 'en']);
	});
});

describe('stepHit', () => {
	const hits = [0, 10, 20].map((start, index) => ({ lang: 'en', index, start }));

	it('starts from the listener: the next match forward, the previous one back', () => {
		expect(stepHit(hits, -1, 1, 5)).toBe(1);
		expect(stepHit(hits, -1, -1, 5)).toBe(0);
		expect(stepHit(hits, -1, 1, 10)).toBe(1);
		expect(stepHit(hits, -1, 1, 25)).toBe(0);
	});

	it('then wraps around both ways', () => {
		expect(stepHit(hits, 2, 1, 0)).toBe(0);
		expect(stepHit(hits, 0, -1, 0)).toBe(2);
	});

	it('has nowhere to go without hits', () => {
		expect(stepHit([], -1, 1, 0)).toBe(-1);
	});
});
