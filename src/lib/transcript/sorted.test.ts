import { describe, expect, it } from 'vitest';
import { firstIndexAfter, itself, lastIndexAtOrBefore } from './sorted.ts';

/** The answer by walking the whole list, to check the search against. */
function linearLast(sorted: readonly number[], value: number): number {
	let found = -1;
	sorted.forEach((item, i) => {
		if (item <= value) found = i;
	});
	return found;
}

describe('lastIndexAtOrBefore', () => {
	it('is -1 for an empty list and before the first item', () => {
		expect(lastIndexAtOrBefore([], 5, itself)).toBe(-1);
		expect(lastIndexAtOrBefore([1, 2], 0.5, itself)).toBe(-1);
	});
	it('includes an item equal to the value, and the last of equal items', () => {
		expect(lastIndexAtOrBefore([1, 3, 3, 4], 3, itself)).toBe(2);
		expect(lastIndexAtOrBefore([1, 3, 4], 2.999, itself)).toBe(0);
		expect(lastIndexAtOrBefore([1, 3, 4], 100, itself)).toBe(2);
	});
	it('reads the key through the given function', () => {
		const cues = [{ start: 1 }, { start: 3 }, { start: 4 }];
		expect(lastIndexAtOrBefore(cues, 3.5, (cue) => cue.start)).toBe(1);
	});
	it('agrees with a linear scan on every length and position', () => {
		for (let length = 0; length <= 9; length++) {
			const list = Array.from({ length }, (_, i) => i * 2);
			for (let value = -1; value <= length * 2 + 1; value += 0.5) {
				expect(lastIndexAtOrBefore(list, value, itself)).toBe(linearLast(list, value));
			}
		}
	});
	it('scales to thousands of items', () => {
		const many = Array.from({ length: 5000 }, (_, i) => i * 2);
		expect(lastIndexAtOrBefore(many, 7777.2, itself)).toBe(3888);
	});
});

describe('firstIndexAfter', () => {
	it('is the first item strictly greater, or the length when none is', () => {
		expect(firstIndexAfter([1, 3, 4], 0, itself)).toBe(0);
		expect(firstIndexAfter([1, 3, 4], 1, itself)).toBe(1);
		expect(firstIndexAfter([1, 3, 4], 4, itself)).toBe(3);
		expect(firstIndexAfter([], 4, itself)).toBe(0);
	});
});
