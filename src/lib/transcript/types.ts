/**
 * Inline formatting kept from WebVTT cue text. Anything not listed here is dropped to plain text,
 * so cue markup can never become live HTML.
 */
export type CueNode = string | CueElement;

export interface CueElement {
	tag: 'i' | 'b' | 'u' | 'ruby' | 'rt' | 'c' | 'lang';
	/** Classes of a `<c.class>` span. */
	classes?: string[];
	/** Language of a `<lang xx>` span. */
	lang?: string;
	children: CueNode[];
}

export interface Cue {
	/** The WebVTT cue identifier, or `""`. */
	id: string;
	/** Seconds. */
	start: number;
	/** Seconds; always >= start. */
	end: number;
	/** Plain text: tags removed, entities decoded, line breaks kept as `\n`. */
	text: string;
	/** From a `<v Speaker>` tag, if any. */
	speaker?: string;
	/** Formatted text, for rendering through the whitelist in markup.ts. */
	nodes: CueNode[];
	/**
	 * Word timings, from WebVTT timestamp tags (`<00:01:02.500>`) such as alignment writes: when
	 * each word begins, by its character offset in the text of `nodes`. The first word begins
	 * with the cue. Absent when the cue has no timestamps.
	 */
	words?: WordTiming[];
	/** 1-based line of the cue's timing line in its file. */
	line: number;
}

/** When a word of a cue begins: at `offset` in the text of the cue's nodes, at `time` seconds. */
export interface WordTiming {
	offset: number;
	time: number;
}
