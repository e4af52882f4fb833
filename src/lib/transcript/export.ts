import { activeCueIndex } from './cues.ts';
import { formatTime } from './time.ts';
import type { Cue } from './types.ts';

/**
 * A transcript as plain text with a timestamp on every line, for reading, quoting and
 * archiving: a header (title, witness, language, source), then `[m:ss] Speaker: text`.
 */
export function transcriptToText(header: string[], cues: readonly Cue[]): string {
	const lines = cues.map((cue) => {
		const speaker = cue.speaker ? `${cue.speaker}: ` : '';
		return `[${formatTime(cue.start)}] ${speaker}${cue.text.replace(/\s*\n\s*/g, ' ')}`;
	});
	return [...header, '', ...lines, ''].join('\n');
}

/** The cue before or after the one being spoken, for "previous/next line" controls. */
export function neighbourCueStart(
	cues: readonly Cue[],
	active: number,
	time: number,
	direction: -1 | 1
): number | undefined {
	if (direction === 1) return cues[active + 1]?.start;
	// Like a music player: "previous" first returns to the start of the current line.
	const current = cues[active];
	if (current && time - current.start > 1.5) return current.start;
	return cues[Math.max(0, active - 1)]?.start;
}

/**
 * Where "previous/next line" goes from `time`: the start of the neighbouring line, or of the
 * current one when "previous" restarts it. Undefined past the last line.
 */
export function lineStepTarget(
	cues: readonly Cue[],
	time: number,
	direction: -1 | 1
): number | undefined {
	return neighbourCueStart(cues, activeCueIndex(cues, time), time, direction);
}
