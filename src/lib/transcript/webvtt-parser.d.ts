// A CommonJS module: import its default export (Node cannot name CommonJS exports).
// Types for the parts of `webvtt-parser` (w3c/webvtt.js) that we use; the package ships none.
declare module 'webvtt-parser' {
	export interface ParsedNode {
		type: 'text' | 'object' | 'timestamp';
		name?: string;
		classes?: string[];
		value?: string | number;
		children?: ParsedNode[];
	}
	export interface ParsedCue {
		id: string;
		startTime: number;
		endTime: number;
		text: string;
		tree: { children: ParsedNode[] };
	}
	export interface ParseError {
		message: string;
		line: number;
		col?: number;
	}
	export class WebVTTParser {
		constructor(entities?: Record<string, string>);
		parse(
			input: string,
			mode?: 'metadata' | 'chapters'
		): { cues: ParsedCue[]; errors: ParseError[]; time: number };
	}
	/** Parses the text of one cue; `onError` gets 1-based offsets into `text`. */
	export class WebVTTCueTextParser {
		constructor(
			text: string,
			onError: (message: string, column: number) => void,
			mode: 'metadata' | 'chapters' | undefined,
			entities?: Record<string, string>
		);
		parse(cueStart: number, cueEnd: number): { children: ParsedNode[] };
	}
	const webvtt: {
		WebVTTParser: typeof WebVTTParser;
		WebVTTCueTextParser: typeof WebVTTCueTextParser;
	};
	export default webvtt;
}
