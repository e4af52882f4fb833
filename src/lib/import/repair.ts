import { formatTime } from '../transcript/time.ts';
import type { Problem } from '../content/problems.ts';
import type { ImportCue } from './types.ts';

const at = (seconds: number) => formatTime(seconds, 3);
const HOUR = 3600;

/** `--offset`: seconds to subtract from every time, or `auto` to subtract a tape offset when obvious. */
export type OffsetOption = number | 'auto';

/**
 * The tape offset to subtract: the one asked for, or, with `auto`, whole hours when every time
 * lies past the end of the audio and fits in it once those hours are taken off (timecodes that
 * start at `01:00:03.000` on a 20-minute recording). 0 when there is none.
 */
export function detectOffset(cues: ImportCue[], duration: number, option: OffsetOption): number {
	if (option !== 'auto') return option;
	// A loop, not Math.min(...starts): spreading 200,000 arguments overflowed the stack.
	let first = Infinity;
	let last = -Infinity;
	for (const { start } of cues) {
		if (start === undefined || !Number.isFinite(start)) continue;
		if (start < first) first = start;
		if (start > last) last = start;
	}
	if (first === Infinity) return 0;
	const hours = Math.floor(first / HOUR) * HOUR;
	return hours > 0 && first >= duration && last - hours <= duration ? hours : 0;
}

/**
 * Repairs the times of timed cues, reporting each repair as a warning on the cue's line:
 * the tape offset is subtracted; an end before its start (often `00:00:00.000`) becomes the next
 * cue's start; an end just past the audio becomes the audio's end. What cannot be repaired
 * (a cue starting before the offset or after the audio) is an error.
 */
export function repairTimes(
	cues: ImportCue[],
	file: string,
	duration: number,
	offset: number,
	asked = false
): { cues: ImportCue[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const warn = (line: number, message: string) =>
		problems.push({ severity: 'warning', file, line, message });
	const fail = (line: number, message: string) =>
		problems.push({ severity: 'error', file, line, message });
	if (offset !== 0 && cues.length > 0) {
		warn(
			cues[0]!.line,
			asked
				? `a tape offset of ${formatTime(offset)} was subtracted from every time, as asked (--offset)`
				: `times start at ${at(cues[0]!.start!)}, past the end of the audio (${at(duration)}): a tape offset of ${formatTime(offset)} was subtracted from every time`
		);
	}
	const shifted = cues.map((cue) => ({
		...cue,
		start: cue.start! - offset,
		end: cue.end! - offset,
		originalEnd: cue.end!
	}));
	const later = laterStarts(shifted.map((cue) => cue.start));
	const repaired: ImportCue[] = [];
	shifted.forEach(({ originalEnd, ...cue }, i) => {
		if (cue.start < 0) {
			fail(
				cue.line,
				`cue starts at ${at(cue.start + offset)}, before the tape offset (${formatTime(offset)})`
			);
			return;
		}
		if (cue.start >= duration) {
			fail(
				cue.line,
				`cue starts at ${at(cue.start)}, after the end of the audio (${at(duration)}): is this the right recording, or is there a tape offset (--offset)?`
			);
			return;
		}
		if (cue.end < cue.start) {
			const next = later[i];
			warn(
				cue.line,
				`cue ends at ${at(originalEnd)}, before it starts (${at(cue.start + offset)}): ` +
					(next === undefined
						? `it now ends with the audio (${at(duration)})`
						: `it now ends where the next cue starts (${at(next)})`)
			);
			cue.end = next ?? duration;
		}
		if (cue.end > duration) {
			warn(
				cue.line,
				`cue ends at ${at(cue.end)}, after the end of the audio (${at(duration)}): it now ends with the audio`
			);
			cue.end = duration;
		}
		repaired.push(cue);
	});
	return { cues: repaired, problems };
}

/**
 * For each start, the first later one in the list that is greater, or undefined: one pass from
 * the end with a stack of candidates, each pushed and popped once (a search from each cue was
 * quadratic when many cues need it).
 */
function laterStarts(starts: number[]): (number | undefined)[] {
	const later: (number | undefined)[] = new Array(starts.length).fill(undefined);
	// The later starts that may still be the answer for an earlier one: the nearest on top, each
	// greater than the one above it.
	const stack: number[] = [];
	for (let i = starts.length - 1; i >= 0; i--) {
		const start = starts[i]!;
		// Nothing is greater than NaN, and NaN is greater than nothing: it takes no part.
		if (Number.isNaN(start)) continue;
		while (stack.length > 0 && stack.at(-1)! <= start) stack.pop();
		later[i] = stack.at(-1);
		stack.push(start);
	}
	return later;
}

const BREAKS = /(?:<br\s*\/?>\s*)+/gi;

/**
 * Cue text with HTML line breaks (`<br>`, `<br><br>`, `<br/>`) as one line break each: WebVTT has
 * no `<br>` (the words around it would run together) and no blank line inside a cue.
 */
export function replaceBreaks(text: string): { text: string; replaced: boolean } {
	let replaced = false;
	const out = text.replace(BREAKS, (_, offset: number, whole: string) => {
		replaced = true;
		// At the very start or end of the text a break separates nothing.
		return offset === 0 || offset + _.length === whole.length ? '' : '\n';
	});
	return { text: out, replaced };
}

/** The message for a `<br>` repair. */
export const BREAK_REPAIRED = '"<br>" in cue text became a line break';
