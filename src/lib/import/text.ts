import type { Problem } from '../content/problems.ts';
import type { Anchor, ImportCue } from './types.ts';

/*
 * Untimed text (plain text, Word documents, legacy OHMS transcripts) into cues: speaker turns
 * from `NAME:` prefixes, each turn cut at sentence ends into cues of about two lines, with a map
 * from the source's words to the cues' words (legacy OHMS sync points name a line and a word).
 */

/** Longest cue text, in characters, before a turn is cut at a sentence end (about two lines). */
export const CUE_CHARS = 120;

/**
 * A speaker prefix: a name in capitals (`SCHNEIDER:`, `NAME OF INTERVIEWEE:`, `Q:`) or up to four
 * capitalised words (`Orest Yarynich:`), then a colon and a space. Ordinary sentences rarely start
 * so; "Note:" would, which is why a mixed-case name needs every word capitalised and no verb test
 * is attempted: the import report lists every speaker found, for the archivist to check.
 */
const SPEAKER =
	/^\s*((?:\p{Lu}[\p{Lu}\p{M}'’.\- ]{0,38}\p{Lu}\.?|\p{Lu})|(?:\p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]*\.?){0,3})):\s+(?=\S)/u;
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;

export interface SourceLine {
	text: string;
	/** Its line in the source file, for messages. */
	line: number;
}

interface Word {
	text: string;
	/** Index into the source lines, and of the word among the line's whitespace-split words. */
	lineIndex: number;
	wordIndex: number;
}

interface Turn {
	speaker?: string;
	words: Word[];
	line: number;
}

export interface TextCues {
	cues: ImportCue[];
	/**
	 * Where a source word ended up, or the first word after it that is in a cue (a speaker's name
	 * or the end of a line is not): `sameLine` says whether that is still on the line asked for.
	 * Undefined past the end of the text.
	 */
	position(
		lineIndex: number,
		wordIndex: number
	): { cue: number; word: number; sameLine: boolean } | undefined;
	/** Every speaker name found, in order of first appearance. */
	speakers: string[];
}

/** Splits a line into a speaker (if it starts with `NAME:`) and the rest. */
export function splitSpeaker(text: string): {
	speaker?: string;
	rest: string;
	prefixWords: number;
} {
	const match = SPEAKER.exec(text);
	if (!match) return { rest: text, prefixWords: 0 };
	const prefix = match[0];
	return {
		speaker: match[1]!.trim(),
		rest: text.slice(prefix.length),
		prefixWords: prefix.trim().split(/\s+/).length
	};
}

/**
 * Cues from untimed lines. A blank line or a `NAME:` prefix starts a new turn; a turn without a
 * name keeps the previous speaker only within its paragraph. With `sentences`, a turn longer
 * than CUE_CHARS is cut at sentence ends; without, each turn is one cue (so that a translation
 * can be paired with it paragraph for paragraph).
 */
export function cuesFromLines(lines: SourceLine[], options: { sentences: boolean }): TextCues {
	const turns: Turn[] = [];
	let current: Turn | undefined;
	const speakers: string[] = [];
	lines.forEach(({ text, line }, lineIndex) => {
		if (text.trim() === '') {
			current = undefined;
			return;
		}
		const { speaker, prefixWords } = splitSpeaker(text);
		if (speaker !== undefined || !current) {
			current = { speaker, words: [], line };
			turns.push(current);
			if (speaker && !speakers.includes(speaker)) speakers.push(speaker);
		}
		text
			.trim()
			.split(/\s+/)
			.forEach((word, wordIndex) => {
				if (wordIndex >= prefixWords) current!.words.push({ text: word, lineIndex, wordIndex });
			});
	});

	const cues: ImportCue[] = [];
	// Every word in source order, with where it ended up.
	const placed: { lineIndex: number; wordIndex: number; cue: number; word: number }[] = [];
	for (const turn of turns) {
		const pieces = options.sentences ? cutTurn(turn.words) : [turn.words];
		for (const words of pieces) {
			if (words.length === 0) continue;
			words.forEach((w, i) => placed.push({ ...w, cue: cues.length, word: i }));
			cues.push({
				text: words.map((w) => w.text).join(' '),
				speaker: turn.speaker,
				line: lines[words[0]!.lineIndex]!.line
			});
		}
	}
	return {
		cues,
		speakers,
		position(lineIndex, wordIndex) {
			const found = placed.find(
				(p) => p.lineIndex > lineIndex || (p.lineIndex === lineIndex && p.wordIndex >= wordIndex)
			);
			return found && { cue: found.cue, word: found.word, sameLine: found.lineIndex === lineIndex };
		}
	};
}

/** Cuts a turn's words at sentence ends into pieces of at most about CUE_CHARS. */
function cutTurn(words: Word[]): Word[][] {
	const sentences: Word[][] = [[]];
	for (const word of words) {
		sentences.at(-1)!.push(word);
		if (SENTENCE_END.test(word.text)) sentences.push([]);
	}
	const length = (ws: Word[]) => ws.reduce((n, w) => n + w.text.length + 1, 0);
	const pieces: Word[][] = [];
	for (const sentence of sentences.filter((s) => s.length > 0)) {
		const last = pieces.at(-1);
		if (last && length(last) + length(sentence) <= CUE_CHARS) last.push(...sentence);
		else pieces.push([...sentence]);
	}
	return pieces;
}

/**
 * Provisional times for untimed cues, so the clip builds before alignment: the text is spread
 * over the recording in proportion to its length, piecewise between the anchors (which keep
 * their times). Each cue ends where the next begins; the last at `duration`.
 */
export function spreadCues(cues: ImportCue[], anchors: Anchor[], duration: number): ImportCue[] {
	// Character offset of each cue's start and of each of its words.
	const cueOffset: number[] = [];
	let total = 0;
	for (const cue of cues) {
		cueOffset.push(total);
		total += cue.text.length + 1;
	}
	const wordOffset = (a: Anchor) => {
		const words = cues[a.cue]!.text.split(/\s+/);
		return cueOffset[a.cue]! + words.slice(0, a.word).join(' ').length + (a.word > 0 ? 1 : 0);
	};
	const points = [
		{ offset: 0, time: 0 },
		...anchors.map((a) => ({ offset: wordOffset(a), time: a.time })),
		{ offset: total, time: duration }
	];
	const timeAt = (offset: number) => {
		let i = 0;
		while (i < points.length - 2 && points[i + 1]!.offset <= offset) i++;
		const a = points[i]!;
		const b = points[i + 1]!;
		if (b.offset === a.offset) return a.time;
		return a.time + ((offset - a.offset) / (b.offset - a.offset)) * (b.time - a.time);
	};
	// Rounded to the millisecond, as WebVTT writes them, so each cue ends where the next begins.
	const starts = cueOffset.map((offset) => Math.round(timeAt(offset) * 1000) / 1000);
	return cues.map((cue, i) => ({
		...cue,
		start: starts[i]!,
		end: i + 1 < cues.length ? starts[i + 1]! : duration
	}));
}

/**
 * An error at the first character that did not decode as UTF-8 (read as U+FFFD): a file saved
 * as Windows-1251 or Latin-1 would otherwise lose its letters.
 */
export function notUtf8(text: string, file: string): Problem | undefined {
	const bad = text.indexOf('\ufffd');
	if (bad < 0) return undefined;
	const before = text.slice(0, bad).split(/\r\n|\r|\n/);
	return {
		severity: 'error',
		file,
		line: before.length,
		column: before.at(-1)!.length + 1,
		message: 'not valid UTF-8 (save the file as UTF-8)'
	};
}
