import { firstIndexAfter, itself, lastIndexAtOrBefore } from './sorted.ts';
import type { Cue } from './types.ts';

const cueStart = (cue: Pick<Cue, 'start'>) => cue.start;

/**
 * Index of the line being spoken at `time`: the last cue to have begun (start <= time), so the
 * highlight stays on a line through the pause after it. -1 before the first cue.
 * Cues must be sorted by start. Binary search: constant work per frame even at 5,000 cues.
 */
export function activeCueIndex(cues: readonly Pick<Cue, 'start'>[], time: number): number {
	return lastIndexAtOrBefore(cues, time, cueStart);
}

/**
 * The cue being spoken at `time`, for captions: unlike the highlight, nothing in the pause
 * between cues, so a silence looks like one.
 */
export function spokenCue<C extends Pick<Cue, 'start' | 'end'>>(
	cues: readonly C[],
	time: number
): C | undefined {
	const cue = cues[activeCueIndex(cues, time)];
	return cue && time < cue.end ? cue : undefined;
}

/** The first cue start strictly after `time` among sorted start times, or undefined. */
export function nextStartAfter(starts: readonly number[], time: number): number | undefined {
	return starts[firstIndexAfter(starts, time, itself)];
}

/** One row of a parallel view: an original cue and the translation cues that begin within it. */
export interface AlignedRow {
	original: number;
	/** Indices into the translation, in order; empty when the translation merged this cue away. */
	translation: number[];
}

/**
 * Aligns a translation to the original by time, not by index: each translation cue goes to the
 * original cue it overlaps most (ties to the earlier one), so a translation segmented
 * differently still lines up.
 */
export function alignCues(original: readonly Cue[], translation: readonly Cue[]): AlignedRow[] {
	const rows: AlignedRow[] = original.map((_, i) => ({ original: i, translation: [] }));
	if (rows.length === 0) return rows;
	let first = 0;
	translation.forEach((cue, t) => {
		// Original cues ending before this one starts can no longer match (both lists sorted).
		while (first < original.length - 1 && original[first]!.end <= cue.start) first++;
		let best = first;
		let bestOverlap = -Infinity;
		for (let i = first; i < original.length && original[i]!.start < cue.end; i++) {
			const overlap = Math.min(cue.end, original[i]!.end) - Math.max(cue.start, original[i]!.start);
			if (overlap > bestOverlap + 1e-6) {
				best = i;
				bestOverlap = overlap;
			}
		}
		rows[best]!.translation.push(t);
	});
	return rows;
}
