import type { Problem } from '../content/problems.ts';
import { cuesFromLines, splitSpeaker, type SourceLine } from './text.ts';

/*
 * Two rules of written transcripts that text.ts's patterns cannot see in one line or one word:
 * a heading such as `APPENDIX: SCIENTIST IN A JEEP` is not a speaker's turn, and the full stop
 * of an abbreviation ("took a Ph.D. in physics") does not end a sentence. prepareLines() applies
 * them before cuesFromLines() and leaves every word where it was, so sync points still find
 * their words.
 */

/** First words of a `WORD …:` line that make it a heading, not a speaker (in the languages we import). */
const HEADING_WORDS = new Set([
	// English
	'appendix',
	'addendum',
	'annex',
	'chapter',
	'part',
	'section',
	'tape',
	'side',
	'session',
	'note',
	'notes',
	'index',
	'contents',
	'introduction',
	'preface',
	'foreword',
	'epilogue',
	'prologue',
	'postscript',
	'transcript',
	'transcription',
	'summary',
	'abstract',
	// French, German, Lithuanian, Ukrainian
	'annexe',
	'chapitre',
	'partie',
	'anhang',
	'kapitel',
	'teil',
	'priedas',
	'skyrius',
	'dalis',
	'додаток',
	'розділ',
	'частина'
]);

/** The end of a sentence, as text.ts cuts at it: the punctuation, then closing quotes or brackets. */
const SENTENCE_END = /([.!?…])["'”’»)\]]*$/;

/**
 * Whether `NAME: rest` is a heading rather than a speaker's turn: its first word is a heading
 * word (`APPENDIX`, `CHAPTER`, `PART TWO`), or the rest is a title in capitals, three words or
 * more with no punctuation (`SCIENTIST IN A JEEP`). In a transcript typed all in capitals that
 * second test says nothing, and is not made.
 */
export function isHeading(name: string, rest: string, allCaps = false): boolean {
	const first = name
		.trim()
		.split(/[\s.]+/)[0]!
		.toLowerCase();
	if (HEADING_WORDS.has(first)) return true;
	if (allCaps) return false;
	const words = rest.trim().split(/\s+/).filter(Boolean);
	return (
		words.length >= 3 &&
		/\p{L}/u.test(rest) &&
		!/\p{Ll}/u.test(rest) &&
		!/[.!?…,;]/.test(rest) &&
		words.length <= 12
	);
}

/** Titles before a name, after which a sentence does not end ("Dr. Smith", "Mme. Curie"). */
const TITLES = new Set([
	'mr',
	'mrs',
	'ms',
	'messrs',
	'dr',
	'prof',
	'rev',
	'st',
	'gen',
	'col',
	'maj',
	'capt',
	'lt',
	'sgt',
	'gov',
	'sen',
	'rep',
	'hon',
	'mt',
	'ft',
	'mme',
	'mlle',
	'kun',
	'doc',
	'проф',
	'ген',
	'св'
]);
/** Abbreviations before a number ("No. 5", "pp. 10–12"). */
const BEFORE_NUMBERS = new Set(['no', 'nos', 'nr', 'vol', 'vols', 'p', 'pp', 'art', 'ca', 'fig']);

/**
 * Whether a word that ends as a sentence does ("Ph.D.", "Dr.", "Really?”") leaves the sentence
 * open, given the word after it: a title or an initial before a capitalised name ("J. Edgar"), an
 * abbreviation before a number, or anything before a word in small letters ("took a Ph.D. in
 * physics", "1954 m. birželio"), which a new sentence would not begin with.
 */
export function continuesSentence(word: string, next: string | undefined): boolean {
	const end = SENTENCE_END.exec(word);
	if (!end || next === undefined) return false;
	const letter = /\p{L}|\d/u.exec(next)?.[0];
	if (letter === undefined) return false;
	if (/\p{Ll}/u.test(letter)) return true;
	if (end[1] !== '.') return false;
	const bare = word.slice(0, end.index).toLowerCase();
	if (/\d/.test(letter)) return BEFORE_NUMBERS.has(bare);
	return TITLES.has(bare) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word.slice(0, end.index));
}

// Characters that stand in, while text.ts reads the lines, for what must not be seen: the space
// after a heading's colon (a mark added before it), and an abbreviation's final punctuation.
// Private-use characters that are no whitespace and end no sentence.
const HEADING_MARK = '\ue000';
const KEPT_END: Record<string, string> = {
	'.': '\ue001',
	'!': '\ue002',
	'?': '\ue003',
	'…': '\ue004'
};
const MARKS = /[\ue000-\ue004]/;
const UNMARK = /[\ue000-\ue004]/g;
const ENDS = Object.fromEntries(Object.entries(KEPT_END).map(([end, mark]) => [mark, end]));

export interface PreparedLines {
	/** The lines for cuesFromLines(): each heading between blank lines, marks in place. */
	lines: SourceLine[];
	/** Where a line of the source (0-based) is in `lines`. */
	indexOf(sourceIndex: number): number;
	/** A cue's text as the source has it (the marks taken out). */
	restore(text: string): string;
	/** The lines read as headings, for the report. */
	headings: (SourceLine & { name: string })[];
}

/**
 * The lines as cuesFromLines() should read them: a heading is a paragraph of its own and names no
 * speaker; an abbreviation's full stop ends no cue. Every word keeps its place on its line. A
 * text that already holds one of the marks is left as it is (the rules are not applied).
 */
export function prepareLines(source: SourceLine[]): PreparedLines {
	const unchanged: PreparedLines = {
		lines: source,
		indexOf: (i) => i,
		restore: (text) => text,
		headings: []
	};
	if (source.some((l) => MARKS.test(l.text))) return unchanged;
	const allCaps = !source.some((l) => /\p{Ll}/u.test(l.text));
	const lines: SourceLine[] = [];
	const index: number[] = [];
	const headings: PreparedLines['headings'] = [];
	// The first word of each line, for the last word of the line before it.
	const firstWords = source.map((l) => l.text.trim().split(/\s+/)[0] || undefined);
	source.forEach((sourceLine, i) => {
		let text = sourceLine.text;
		const { speaker, rest, prefixWords } = splitSpeaker(text);
		const heading = speaker !== undefined && isHeading(speaker, rest, allCaps);
		if (heading) {
			// The first colon ends the name (a name has none): the mark after it hides the prefix.
			const colon = text.indexOf(':');
			text = `${text.slice(0, colon + 1)}${HEADING_MARK}${text.slice(colon + 1)}`;
			headings.push({ ...sourceLine, name: speaker });
		}
		const words = text.split(/(\s+)/);
		// `words` alternates words and spaces (a leading space gives an empty first word).
		let wordIndex = 0;
		for (let w = 0; w < words.length; w += 2) {
			if (words[w] === '') continue;
			const next = words[w + 2] || firstWords[i + 1];
			if (wordIndex >= (heading ? 0 : prefixWords) && continuesSentence(words[w]!, next)) {
				words[w] = words[w]!.replace(SENTENCE_END, (m, end: string) =>
					m.replace(end, KEPT_END[end]!)
				);
			}
			wordIndex++;
		}
		text = words.join('');
		const blank = { text: '', line: sourceLine.line };
		if (heading) lines.push(blank);
		index.push(lines.length);
		lines.push({ text, line: sourceLine.line });
		if (heading) lines.push(blank);
	});
	return {
		lines,
		indexOf: (i) => index[i] ?? lines.length + (i - source.length),
		restore: (text) => text.replace(UNMARK, (mark) => ENDS[mark] ?? ''),
		headings
	};
}

/**
 * cuesFromLines() on the prepared lines: the cues with the source's own text, the prepared lines
 * and their cues (to place sync points), and a warning for each line read as a heading, placed
 * on its line (and column, from `columnOf`).
 */
export function proseCues(
	lines: SourceLine[],
	options: { sentences: boolean },
	file: string,
	columnOf: (line: number) => { column?: number } = () => ({})
) {
	const prepared = prepareLines(lines);
	const text = cuesFromLines(prepared.lines, options);
	const cues = text.cues.map((cue) => ({ ...cue, text: prepared.restore(cue.text) }));
	const problems: Problem[] = prepared.headings.map((heading) => ({
		severity: 'warning',
		file,
		line: heading.line,
		...columnOf(heading.line),
		message: `"${heading.text.trim()}" is read as a heading, not as the words of a speaker named "${heading.name}"`
	}));
	return { prepared, text, cues, problems };
}
