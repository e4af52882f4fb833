/** A run of whole lines chosen by the reader: `anchor` is where it began, `focus` where it ends. */
export interface LineRange {
	anchor: number;
	focus: number;
}

/** The first and last index of a range, in order. */
export function bounds(range: LineRange): [number, number] {
	return range.anchor <= range.focus ? [range.anchor, range.focus] : [range.focus, range.anchor];
}

export function contains(range: LineRange | undefined, index: number): boolean {
	if (!range) return false;
	const [from, to] = bounds(range);
	return index >= from && index <= to;
}

/** Indices of the cues a time span covers: every cue that overlaps [start, end]. */
export function cuesInSpan(
	cues: readonly { start: number; end: number }[],
	start: number,
	end: number
): LineRange | undefined {
	let first = -1;
	let last = -1;
	cues.forEach((cue, i) => {
		// A cue counts if it overlaps the span by more than a rounding error.
		if (cue.end > start + 0.05 && cue.start < end - 0.05) {
			if (first < 0) first = i;
			last = i;
		}
	});
	return first < 0 ? undefined : { anchor: first, focus: last };
}
