import { describe, expect, it } from 'vitest';
import { bounds, contains, cuesInSpan } from './selection.ts';

describe('line ranges', () => {
	it('orders a range selected upwards', () => {
		expect(bounds({ anchor: 5, focus: 2 })).toEqual([2, 5]);
		expect(contains({ anchor: 5, focus: 2 }, 3)).toBe(true);
		expect(contains({ anchor: 5, focus: 2 }, 6)).toBe(false);
		expect(contains(undefined, 0)).toBe(false);
	});

	it('finds the whole cues a time span covers (for deep links and translations)', () => {
		const cues = [
			{ start: 0, end: 2 },
			{ start: 2.5, end: 5 },
			{ start: 5.5, end: 8 }
		];
		expect(cuesInSpan(cues, 2.5, 8)).toEqual({ anchor: 1, focus: 2 });
		expect(cuesInSpan(cues, 2.6, 2.7)).toEqual({ anchor: 1, focus: 1 });
		expect(cuesInSpan(cues, 2, 2.5)).toBeUndefined();
		expect(cuesInSpan(cues, 9, 10)).toBeUndefined();
	});
});
