import { lastIndexAtOrBefore } from './sorted.ts';
import type { Cue, WordTiming } from './types.ts';

const timeOf = (word: WordTiming) => word.time;

/**
 * A cue's word timings from its timestamp tags: the first word begins with the cue, each tag
 * begins a word. Tags outside the cue or not rising are left out (the file check warns of
 * them). Undefined when no tag is left.
 */
export function wordTimings(
	stamps: readonly WordTiming[],
	start: number,
	end: number
): WordTiming[] | undefined {
	const words: WordTiming[] = [{ offset: 0, time: start }];
	for (const stamp of stamps) {
		const last = words.at(-1)!;
		if (stamp.time > last.time && stamp.time < end && stamp.offset > last.offset) words.push(stamp);
	}
	return words.length > 1 ? words : undefined;
}
const offsetOf = (word: WordTiming) => word.offset;

/**
 * The word being spoken at `time` in a cue with word timings: the last to have begun, so the
 * mark stays on a word through the pause after it. -1 before the first, or without timings.
 */
export function spokenWordIndex(cue: Pick<Cue, 'words'> | undefined, time: number): number {
	return cue?.words ? lastIndexAtOrBefore(cue.words, time, timeOf) : -1;
}

/** The word at a character offset of the cue's text (a click), or -1. */
export function wordAtOffset(cue: Pick<Cue, 'words'>, offset: number): number {
	return cue.words ? lastIndexAtOrBefore(cue.words, offset, offsetOf) : -1;
}

/**
 * Where word `index` sits in the cue's text, as [start, end) character offsets, without the
 * spaces after it.
 */
export function wordSpan(cue: Pick<Cue, 'words'>, text: string, index: number): [number, number] {
	const words = cue.words ?? [];
	const start = words[index]?.offset ?? 0;
	let end = words[index + 1]?.offset ?? text.length;
	while (end > start && /\s/.test(text[end - 1]!)) end--;
	return [start, end];
}
