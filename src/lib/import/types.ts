import type { ChapterText } from '../content/chapters.ts';
import type { Problem } from '../content/problems.ts';

/** The kinds of source `npm run import` reads (the `source` of alignment.json). */
export type SourceKind = 'ohms' | 'ohms-legacy' | 'srt' | 'vtt' | 'txt' | 'docx';

/** What every parser returns: its result and every problem, each with the source's line. */
export interface Parsed<T> {
	result: T;
	problems: Problem[];
}

/** A line of transcript as read from the source, before it is timed. */
export interface ImportCue {
	/** Seconds; undefined for an untimed source. */
	start?: number;
	end?: number;
	/** Plain text; `\n` between lines. */
	text: string;
	speaker?: string;
	/** The line of the source it came from (for messages). */
	line: number;
	/**
	 * Set when the start is not the source's own but estimated: a paragraph of a timed cue,
	 * written as a cue of its own (see parseOhms). Alignment should move it, not keep it.
	 */
	estimatedStart?: boolean;
}

/** "At `time` seconds the text is at cue `cue`, word `word`" (both 0-based), as in alignment.json. */
export interface Anchor {
	time: number;
	cue: number;
	word: number;
}

/**
 * An index point of an OHMS file: a chapter with its finding aids (synopsis, keywords, subjects,
 * partial transcript, links), and the same in the translation's language (the `_alt` fields).
 */
export interface ImportChapter extends ChapterText {
	start: number;
	alt?: ChapterText;
	line: number;
}

/** What a source says about the recording; any of it may be missing. */
export interface ImportMeta {
	title?: string;
	/** The interviewee's name, as written in the source. */
	interviewee?: string;
	date?: string;
	/** A BCP 47 code, or the source's own words for the language (`English`). */
	language?: string;
	/** The repository holding the original. */
	holder?: string;
	/** Seconds, when the source gives a usable duration. */
	duration?: number;
}

export interface ImportedTranscript {
	source: SourceKind;
	meta: ImportMeta;
	/** True when cue times come from the source (possibly coarse); false for plain text. */
	timed: boolean;
	cues: ImportCue[];
	/** Moments alignment must keep (legacy OHMS minute markers). */
	anchors: Anchor[];
	/** Cue for cue with `cues`. */
	translation?: { language?: string; cues: ImportCue[] };
	chapters: ImportChapter[];
}
