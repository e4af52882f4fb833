import { itself, lastIndexAtOrBefore } from './sorted.ts';
import { formatTime } from './time.ts';
import type { Problem } from '../content/problems.ts';
import type { Cue } from './types.ts';

/** Audio and cue times are compared with this slack: encoders pad the end by a few ms. */
export const DURATION_TOLERANCE = 0.05;
/** How far a translation cue boundary may sit from a boundary of the original. */
export const ALIGNMENT_TOLERANCE = 0.25;

const at = (seconds: number) => formatTime(seconds, 3);

/** Checks cue times against each other and against the audio's duration. */
export function validateTiming(cues: Cue[], duration: number, file: string): Problem[] {
	const problems: Problem[] = [];
	let previous: Cue | undefined;
	for (const cue of cues) {
		if (cue.end > duration + DURATION_TOLERANCE) {
			problems.push({
				severity: 'error',
				file,
				line: cue.line,
				message: `cue ends at ${at(cue.end)}, after the end of the audio (${at(duration)})`
			});
		}
		// Out-of-order starts are reported by the parser. Two voices at once is legitimate (both
		// lines are listed); one voice overlapping itself is more likely a mistyped time.
		const twoVoices = !!cue.speaker && !!previous?.speaker && cue.speaker !== previous.speaker;
		if (previous && !twoVoices && cue.start >= previous.start && cue.start < previous.end - 1e-3) {
			problems.push({
				severity: 'warning',
				file,
				line: cue.line,
				message: `cue overlaps the previous one (line ${previous.line}), which ends at ${at(previous.end)}`
			});
		}
		previous = cue;
	}
	return problems;
}

/**
 * Checks that a translation keeps the original's cue boundaries, so each translated line can be
 * shown beside the words it translates. Merging whole cues is fine; cutting one is not.
 */
export function validateAlignment(
	original: Cue[],
	translation: Cue[],
	file: string,
	originalFile: string
): Problem[] {
	const problems: Problem[] = [];
	const boundaries = [...new Set(original.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b);
	const nearBoundary = (t: number) => nearest(boundaries, t) <= ALIGNMENT_TOLERANCE;
	for (const cue of translation) {
		const off = [cue.start, cue.end].filter((t) => !nearBoundary(t));
		if (off.length > 0) {
			const which = off.length === 2 ? 'starts and ends' : off[0] === cue.start ? 'starts' : 'ends';
			problems.push({
				severity: 'error',
				file,
				line: cue.line,
				message: `translation cue ${which} at ${off.map(at).join(' and ')}, where no cue of ${originalFile} begins or ends (±${ALIGNMENT_TOLERANCE} s): translations must keep the original's cue boundaries`
			});
		}
	}
	for (const cue of original) {
		const translated = translation.some((t) => t.start < cue.end && t.end > cue.start);
		if (!translated) {
			problems.push({
				severity: 'warning',
				file,
				line: cue.line,
				message: `no translation for the original cue at ${at(cue.start)} (${originalFile}:${cue.line})`
			});
		}
	}
	return problems;
}

/** Distance from `t` to the closest value of a sorted list (Infinity if empty). */
function nearest(sorted: number[], t: number): number {
	// The closest value is the last one at or before `t` or the one just after it.
	const before = lastIndexAtOrBefore(sorted, t, itself);
	let best = Infinity;
	for (const i of [before, before + 1]) {
		const v = sorted[i];
		if (v !== undefined) best = Math.min(best, Math.abs(v - t));
	}
	return best;
}
