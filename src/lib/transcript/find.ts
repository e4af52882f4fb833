import { containsAll, queryStems } from '../search/fold.ts';
import type { Cue } from './types.ts';

/** A line that the in-clip find matches: which track, which cue, and when it starts. */
export interface FindHit {
	lang: string;
	index: number;
	start: number;
}

/**
 * The lines of `tracks` holding every word of `query` (folded and stemmed as the site search
 * does), in time order; the original before its translation at the same time.
 */
export function findInTracks(
	tracks: readonly { lang: string; cues: readonly Cue[] }[],
	query: string
): FindHit[] {
	const stems = queryStems(query);
	if (stems.length === 0) return [];
	const hits: FindHit[] = [];
	for (const track of tracks) {
		track.cues.forEach((cue, index) => {
			if (containsAll(cue.text, stems)) hits.push({ lang: track.lang, index, start: cue.start });
		});
	}
	// Stable: at equal times, the order of `tracks` is kept.
	return hits.sort((a, b) => a.start - b.start);
}

/**
 * The hit a step lands on. The first step goes from where the listener is (the first match at
 * or after `time`, or the last one before it going back), then steps wrap around.
 */
export function stepHit(hits: readonly FindHit[], current: number, delta: 1 | -1, time: number) {
	const count = hits.length;
	if (count === 0) return -1;
	if (current >= 0) return (current + delta + count) % count;
	const after = hits.findIndex((hit) => hit.start >= time);
	const first = after < 0 ? 0 : after;
	return delta > 0 ? first : (first - 1 + count) % count;
}
