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
	const webvtt: { WebVTTParser: typeof WebVTTParser };
	export default webvtt;
}
