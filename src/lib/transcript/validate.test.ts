import { describe, expect, it } from 'vitest';
import type { Cue } from './types.ts';
import { validateAlignment, validateTiming } from './validate.ts';

let line = 0;
const cue = (start: number, end: number): Cue => ({
	id: '',
	start,
	end,
	text: 'text',
	nodes: ['text'],
	line: (line += 4)
});

describe('validateTiming', () => {
	it('accepts cues within the audio', () => {
		expect(validateTiming([cue(0, 2), cue(2, 5)], 5.02, 'a.vtt')).toEqual([]);
	});

	it('rejects a cue that ends after the audio', () => {
		const late = cue(4, 6.5);
		expect(validateTiming([cue(0, 2), late], 6, 'a.vtt')).toEqual([
			expect.objectContaining({ severity: 'error', file: 'a.vtt', line: late.line })
		]);
	});

	it('warns about overlapping cues, not touching ones', () => {
		expect(validateTiming([cue(0, 2), cue(2, 3)], 10, 'a.vtt')).toEqual([]);
		const problems = validateTiming([cue(0, 2), cue(1.5, 3)], 10, 'a.vtt');
		expect(problems).toEqual([expect.objectContaining({ severity: 'warning' })]);
		expect(problems[0]!.message).toMatch(/overlaps/);
	});
});

describe('validateAlignment', () => {
	const original = [cue(0, 2), cue(2.5, 5), cue(5.5, 8)];

	it('accepts the same timings, and timings within 0.25 s', () => {
		expect(
			validateAlignment(original, [cue(0, 2), cue(2.5, 5), cue(5.5, 8)], 't.vtt', 'o.vtt')
		).toEqual([]);
		expect(
			validateAlignment(original, [cue(0.1, 2.2), cue(2.4, 5), cue(5.5, 7.9)], 't.vtt', 'o.vtt')
		).toEqual([]);
	});

	it('accepts a translation that merges whole cues', () => {
		expect(validateAlignment(original, [cue(0, 5), cue(5.5, 8)], 't.vtt', 'o.vtt')).toEqual([]);
	});

	it('rejects a cue that starts where the original has no boundary', () => {
		const shifted = cue(3.5, 5);
		const problems = validateAlignment(
			original,
			[cue(0, 2), shifted, cue(5.5, 8)],
			't.vtt',
			'o.vtt'
		);
		expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: shifted.line })]);
		expect(problems[0]!.message).toMatch(/starts at 0:03.500/);
	});

	it('warns about a stretch of the original left untranslated', () => {
		const problems = validateAlignment(original, [cue(0, 2), cue(2.5, 5)], 't.vtt', 'o.vtt');
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', line: original[2]!.line })
		]);
	});
});
