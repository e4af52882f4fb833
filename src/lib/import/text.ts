import { MAX_TEXT_FILE_BYTES, megabytes } from '../content/limits.ts';
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
// A word ends a sentence when it ends in one of these, perhaps followed by closing quotes and
// brackets (`end."`, `end.)`).
const SENTENCE_ENDS = new Set('.!?…');
const CLOSERS = new Set(`"'”’»)]`);

export interface SourceLine {
	text: string;
	/** Its line in the source file, for messages. */
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
 *
 * Linear in the text, and it keeps nothing per word: a turn is read as one text whose words are
 * one space apart, cut into cues as slices of it, and words are found again by counting (an
 * object per word ran out of memory on 50 MB of text).
 */
export function cuesFromLines(lines: SourceLine[], options: { sentences: boolean }): TextCues {
	const cues: ImportCue[] = [];
	const speakers = new Set<string>();
	// Words are numbered in source order, names left out. For each line: the number of its
	// first word, how many it has, and how many words of a name come before them.
	const lineFirst = new Array<number>(lines.length).fill(0);
	const lineWords = new Array<number>(lines.length).fill(0);
	const lineName = new Array<number>(lines.length).fill(0);
	// The number of each cue's first word.
	const cueFirst: number[] = [];
	let words = 0;

	// The turn being read: each of its lines' words (one space apart), which line that is and
	// where it starts in the turn's text, the text's length so far, and its first word's number.
	type Turn = {
		speaker?: string;
		parts: string[];
		lines: number[];
		starts: number[];
		length: number;
		first: number;
	};
	let turn: Turn | undefined;
	const endTurn = () => {
		if (!turn) return;
		const { speaker, parts, lines: turnLines, starts, first } = turn;
		const text = parts.join(' ');
		// A cue's line is its first word's: cues come in order, so the line only moves on.
		let at = 0;
		const addCue = (start: number, end: number, firstWord: number) => {
			while (at + 1 < starts.length && starts[at + 1]! <= start) at++;
			cueFirst.push(firstWord);
			cues.push({ text: text.slice(start, end), speaker, line: lines[turnLines[at]!]!.line });
		};
		if (!options.sentences) addCue(0, text.length, first);
		else cutTurn(text, first, addCue);
		turn = undefined;
	};
	lines.forEach(({ text }, lineIndex) => {
		lineFirst[lineIndex] = words;
		if (text.trim() === '') {
			endTurn();
			return;
		}
		const { speaker, rest, prefixWords } = splitSpeaker(text);
		if (speaker !== undefined || !turn) {
			endTurn();
			turn = { speaker, parts: [], lines: [], starts: [], length: 0, first: words };
			if (speaker) speakers.add(speaker);
		}
		// The name's words are not in the cue (`rest` is what follows the name and its colon).
		let own = (speaker === undefined ? text : rest).trim();
		// Only when it is needed: replacing each of millions of single spaces took seconds.
		if (/\s\s|[^\S ]/.test(own)) own = own.replace(/\s+/g, ' ');
		let count = 1;
		for (let at = own.indexOf(' '); at >= 0; at = own.indexOf(' ', at + 1)) count++;
		lineWords[lineIndex] = count;
		lineName[lineIndex] = prefixWords;
		words += count;
		turn.lines.push(lineIndex);
		turn.starts.push(turn.length);
		turn.parts.push(own);
		turn.length += own.length + 1;
	});
	endTurn();
	return {
		cues,
		speakers: [...speakers],
		position(lineIndex, wordIndex) {
			const count = lineWords[lineIndex] ?? 0;
			const skipped = lineName[lineIndex] ?? 0;
			const sameLine = wordIndex - skipped < count;
			// A word of the name means the line's first word; past the line's end, the next word.
			const word =
				(lineFirst[lineIndex] ?? words) + (sameLine ? Math.max(0, wordIndex - skipped) : count);
			if (word >= words) return undefined;
			// The cue that holds it: the last to start at or before it.
			let lo = 0;
			let hi = cueFirst.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (cueFirst[mid]! <= word) lo = mid;
				else hi = mid - 1;
			}
			return { cue: lo, word: word - cueFirst[lo]!, sameLine };
		}
	};
}

/**
 * Cuts a turn's text (words one space apart) at sentence ends into pieces of at most about
 * CUE_CHARS, calling `add` with each piece's start and end in the text and its first word's
 * number. A sentence is never cut; a piece takes the next sentence while both fit.
 */
function cutTurn(
	text: string,
	firstWord: number,
	add: (start: number, end: number, firstWord: number) => void
): void {
	let piece: { start: number; end: number; first: number } | undefined;
	let sentenceStart = 0;
	let sentenceFirst = firstWord;
	let word = firstWord;
	for (let start = 0; start < text.length;) {
		let end = text.indexOf(' ', start);
		if (end < 0) end = text.length;
		word++;
		if (end === text.length || endsSentence(text, start, end)) {
			// A piece's length counts a space after each word, as the sentence's does.
			if (piece && piece.end - piece.start + 1 + (end - sentenceStart + 1) <= CUE_CHARS) {
				piece.end = end;
			} else {
				if (piece) add(piece.start, piece.end, piece.first);
				piece = { start: sentenceStart, end, first: sentenceFirst };
			}
			sentenceStart = end + 1;
			sentenceFirst = word;
		}
		start = end + 1;
	}
	if (piece) add(piece.start, piece.end, piece.first);
}

/** Whether the word text[start, end) ends a sentence. */
function endsSentence(text: string, start: number, end: number): boolean {
	let last = end - 1;
	while (last >= start && CLOSERS.has(text[last]!)) last--;
	return last >= start && SENTENCE_ENDS.has(text[last]!);
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
	// Where an anchor's word starts in its cue, counted as if the words were one space apart (as
	// cuesFromLines writes them). Walked to from the previous anchor when that one is earlier in
	// the same cue, as anchors come in text order, or else from the cue's start: a split of the
	// cue for each anchor was quadratic in a long cue, and a list of its words took its size.
	let walk = { cue: -1, word: 0, at: 0, offset: 0, last: false };
	const wordOffset = (a: Anchor) => {
		const text = cues[a.cue]!.text;
		if (walk.cue !== a.cue || walk.word > a.word) {
			walk = { cue: a.cue, word: 0, at: 0, offset: 0, last: false };
		}
		const gap = /\s+/g;
		while (walk.word < a.word && !walk.last) {
			gap.lastIndex = walk.at;
			const match = gap.exec(text);
			walk.offset += (match ? match.index : text.length) - walk.at + 1;
			walk.word++;
			if (match) walk.at = match.index + match[0].length;
			else walk.last = true;
		}
		return cueOffset[a.cue]! + walk.offset;
	};
	const points = [
		{ offset: 0, time: 0 },
		...anchors.map((a) => ({ offset: wordOffset(a), time: a.time })),
		{ offset: total, time: duration }
	];
	// The cues' offsets only grow, so the segment they fall in is found by moving on from the
	// last one (starting from the first each time was quadratic with many anchors).
	let segment = 0;
	const timeAt = (offset: number) => {
		while (segment < points.length - 2 && points[segment + 1]!.offset <= offset) segment++;
		const a = points[segment]!;
		const b = points[segment + 1]!;
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
	// Counted, not split: a file of millions of lines would make an array as long.
	let line = 1;
	let lineStart = 0;
	for (const match of text.slice(0, bad).matchAll(/\r\n|\r|\n/g)) {
		line++;
		lineStart = match.index + match[0].length;
	}
	return {
		severity: 'error',
		file,
		line,
		column: bad - lineStart + 1,
		message: 'not valid UTF-8 (save the file as UTF-8)'
	};
}

// The build's limits, which every parser of the import applies (see content/limits.ts).

const SPLIT = 'split the recording and its transcript into parts, and import each';

/**
 * An error for a source larger than the build would read (MAX_TEXT_FILE_BYTES), given before
 * any parsing. A character is at least one byte, so no file within the limit is refused.
 */
export function sourceTooLarge(text: string, file: string): Problem | undefined {
	if (text.length <= MAX_TEXT_FILE_BYTES) return undefined;
	return {
		severity: 'error',
		file,
		line: 1,
		message: `the file is too large (${megabytes(text.length)} or more; the limit is ${megabytes(MAX_TEXT_FILE_BYTES)} per file): ${SPLIT}`
	};
}

/**
 * What the WebVTT of a cue has besides its text (see writeVtt): the blank line before it, and
 * `00:00:00.000 --> 00:00:00.000` with its line break.
 */
export const CUE_BYTES = 32;

/**
 * UTF-8 bytes of a text as writeVtt writes it, with `&`, `<` and `>` as references, counted
 * without writing it (a lone surrogate is counted short).
 */
function vttBytes(text: string): number {
	let bytes = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x26 /* & */) bytes += 4;
		else if (code === 0x3c /* < */ || code === 0x3e /* > */) bytes += 3;
		// A pair of surrogates is 4 bytes, 2 for each half.
		else if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
	}
	return bytes;
}

/** A cue's bytes in the WebVTT (`<v NAME>` before its text, when it has a speaker). */
const cueBytes = (cue: ImportCue) =>
	CUE_BYTES + vttBytes(cue.text) + (cue.speaker ? vttBytes(cue.speaker) + 4 : 0);

// The signature, and the line break that ends the file.
const FILE_BYTES = 'WEBVTT\n'.length;

/**
 * The size of the WebVTT writeVtt makes of these cues, in bytes, counted without writing it:
 * exact for cues as the parsers give them (their lines trimmed), a little short past 100 hours.
 */
export function vttSize(cues: ImportCue[]): number {
	let bytes = FILE_BYTES;
	for (const cue of cues) bytes += cueBytes(cue);
	return bytes;
}

/**
 * An error, at the cue that passes the limit, when the WebVTT written from these cues would be
 * larger than the build reads (MAX_TEXT_FILE_BYTES). A source within the limit can pass it (a
 * line of plain text becomes a cue with a timing line, `&` becomes `&amp;`), and the build
 * would then refuse the clip.
 */
export function cuesTooLarge(cues: ImportCue[], file: string): Problem | undefined {
	let bytes = FILE_BYTES;
	for (const cue of cues) {
		bytes += cueBytes(cue);
		if (bytes > MAX_TEXT_FILE_BYTES) return vttTooLarge(file, cue.line);
	}
	return undefined;
}

/** The error for a source whose WebVTT would pass the build's limit at a line. */
export function vttTooLarge(file: string, line: number): Problem {
	return {
		severity: 'error',
		file,
		line,
		message: `too much text for one clip: its WebVTT would pass the build's limit of ${megabytes(MAX_TEXT_FILE_BYTES)} per file here: ${SPLIT}`
	};
}
