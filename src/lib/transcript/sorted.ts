/**
 * Binary search over a list sorted (ascending) by `key`: the index of the last item whose key
 * is at most `value`, or -1 if none is. Constant work per frame even at thousands of cues; pass
 * a key function defined once, not inline, where it runs every frame.
 */
export function lastIndexAtOrBefore<T>(
	sorted: readonly T[],
	value: number,
	key: (item: T) => number
): number {
	let lo = 0;
	let hi = sorted.length;
	// Invariant: every key before lo is <= value, every key from hi on is > value.
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (key(sorted[mid]!) <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

/** The index of the first item whose key is greater than `value` (`sorted.length` if none). */
export function firstIndexAfter<T>(
	sorted: readonly T[],
	value: number,
	key: (item: T) => number
): number {
	return lastIndexAtOrBefore(sorted, value, key) + 1;
}

/** The key of a list of plain numbers. */
export const itself = (value: number): number => value;
