import webvtt, { type ParsedNode } from 'webvtt-parser';
// The parser's built-in list lacks the `;` forms (`&amp;` came out as `&;`): give it the full one.
import entities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import type { Cue, CueNode, Problem } from './types.ts';

export interface ParsedTrack {
	cues: Cue[];
	problems: Problem[];
}

const NEWLINE = /\r\n|\r|\n/;
// Same grammar as the parser's timestamps; used only to find which line each cue came from.
const TIMESTAMP = /(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})/g;

// Parser messages about cue markup: the offending tag is dropped and its text kept, so the
// transcript still reads correctly. Everything else the parser reports is an error.
const MARKUP_MESSAGES = new Set([
	'Incorrect start tag.',
	'Incorrect end tag.',
	'Only <v> and <lang> can have an annotation.'
]);

/**
 * Parses a WebVTT file into the project's cues, reporting every syntax problem with its line.
 * Cues come back in file order, with empty cues left out (and reported).
 */
export function parseVtt(source: string, file: string, mode?: 'chapters'): ParsedTrack {
	const problems: Problem[] = [];
	const text = source.replace(/^\ufeff/, '');
	const result = new webvtt.WebVTTParser(entities).parse(text, mode);
	const lines = text.split(NEWLINE);
	for (const error of result.errors) {
		const onTimingLine = lines[error.line - 1]?.includes('-->') ?? false;
		problems.push({
			severity: MARKUP_MESSAGES.has(error.message) ? 'warning' : 'error',
			file,
			line: error.line,
			column: error.col,
			message: (onTimingLine ? 'invalid cue timing: ' : '') + describeParserError(error.message)
		});
	}

	// The parser sorts its cues by time; recover file order and line numbers from the timing lines.
	const timingLines = findTimingLines(lines);
	const used = new Set<number>();
	const cues: Cue[] = [];
	for (const parsed of result.cues) {
		const index = timingLines.findIndex(
			(timing, i) =>
				!used.has(i) &&
				Math.abs(timing.start - parsed.startTime) < 5e-4 &&
				Math.abs(timing.end - parsed.endTime) < 5e-4
		);
		if (index >= 0) used.add(index);
		const line = index >= 0 ? timingLines[index]!.line : 0;
		const { text: plain, speaker, nodes } = flattenCueText(parsed.tree.children);
		if (plain.trim() === '') {
			problems.push({ severity: 'warning', file, line, message: 'empty cue left out' });
			continue;
		}
		cues.push({
			id: parsed.id,
			start: parsed.startTime,
			end: Math.max(parsed.endTime, parsed.startTime),
			text: plain,
			speaker,
			nodes,
			line
		});
	}
	cues.sort((a, b) => a.line - b.line);
	if (result.errors.length === 0 && cues.length === 0 && mode !== 'chapters') {
		problems.push({ severity: 'error', file, line: 1, message: 'the file has no cues' });
	}
	return { cues, problems };
}

function describeParserError(message: string): string {
	// Lower-case the parser's sentences so they read as `file:line: error: reason`.
	return message.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}

function findTimingLines(lines: string[]): { line: number; start: number; end: number }[] {
	const found: { line: number; start: number; end: number }[] = [];
	lines.forEach((content, i) => {
		if (!content.includes('-->')) return;
		const stamps = [...content.matchAll(TIMESTAMP)].map(toSeconds);
		if (stamps.length >= 2) found.push({ line: i + 1, start: stamps[0]!, end: stamps[1]! });
	});
	return found;
}

function toSeconds(match: RegExpMatchArray): number {
	const [, h = '0', m = '0', s = '0', ms = '0'] = match;
	return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

/** Turns the parser's cue tree into plain text, the speaker, and whitelisted formatting nodes. */
export function flattenCueText(tree: ParsedNode[]): {
	text: string;
	speaker?: string;
	nodes: CueNode[];
} {
	let speaker: string | undefined;
	const convert = (nodes: ParsedNode[]): CueNode[] => {
		const out: CueNode[] = [];
		for (const node of nodes) {
			if (node.type === 'text') {
				out.push(String(node.value ?? ''));
			} else if (node.type === 'object') {
				const children = convert(node.children ?? []);
				switch (node.name) {
					case 'v':
						speaker ??= String(node.value ?? '').trim() || undefined;
						out.push(...children);
						break;
					case 'i':
					case 'b':
					case 'u':
					case 'ruby':
					case 'rt':
						out.push({ tag: node.name, children });
						break;
					case 'c':
						out.push({ tag: 'c', classes: node.classes ?? [], children });
						break;
					case 'lang':
						out.push({ tag: 'lang', lang: String(node.value ?? ''), children });
						break;
					default:
						out.push(...children);
				}
			}
			// Karaoke timestamps inside a cue carry no text.
		}
		return out;
	};
	const nodes = convert(tree);
	return { text: nodesToText(nodes).trim(), speaker, nodes };
}

export function nodesToText(nodes: CueNode[]): string {
	return nodes.map((n) => (typeof n === 'string' ? n : nodesToText(n.children))).join('');
}
