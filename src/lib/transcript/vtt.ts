import webvtt, { type ParsedNode, type ParseError } from 'webvtt-parser';
// The parser's built-in list lacks the `;` forms (`&amp;` came out as `&;`): give it the full one.
import entities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import { formatTime } from './time.ts';
import type { Cue, CueNode, Problem, WordTiming } from './types.ts';
import { wordTimings } from './words.ts';

export interface ParsedTrack {
	cues: Cue[];
	problems: Problem[];
}

const NEWLINE = /\r\n|\r|\n/;
// Same grammar as the parser's timestamps; used only to find which line each cue came from.
const TIMESTAMP = /(?<![\d:.])(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})(?!\d)/g;
// The parser's messages about cue settings. The site ignores settings, so a bad one loses nothing.
const SETTING_MESSAGE = /setting|position|alignment|size|direction/i;
const TEXT_OUTSIDE_CUE =
	'text outside any cue, which would not be shown (a blank line inside a cue, or a missing timing line?)';

const at = (seconds: number) => formatTime(seconds, 3);

/**
 * Parses a WebVTT file into the project's cues, reporting every syntax problem with its line.
 * Cues come back in file order, with empty cues left out (and reported).
 *
 * Errors are what would lose or misplace words (a cue dropped for a bad timing line, text
 * outside any cue, a stray `<` swallowing the words after it); warnings are what a player copes
 * with (markup it ignores, a zero-length cue).
 */
export function parseVtt(source: string, file: string, mode?: 'chapters'): ParsedTrack {
	const problems: Problem[] = [];
	const report = (severity: Problem['severity'], line: number, message: string, column?: number) =>
		problems.push({ severity, file, line, ...(column ? { column } : {}), message });
	const text = source.replace(/^\ufeff/, '');
	if (text.trim() === '') {
		report('error', 1, 'the file is empty');
		return { cues: [], problems };
	}
	const lines = text.split(NEWLINE);
	const timingLines = findTimingLines(lines);

	// In 'metadata' mode the parser keeps quiet about cue text, which is checked cue by cue below,
	// where each problem's own line is known (the parser puts them all after the cue).
	const result = new webvtt.WebVTTParser(entities).parse(withoutRegions(lines), 'metadata');
	const signed = !result.errors.some((e) => e.message.startsWith('No valid signature'));
	for (const error of result.errors) {
		// Without a signature the first line was taken for one: the error on line 1 says it all.
		if (!signed && error.message === 'No blank line after the signature.') continue;
		problems.push({ file, ...fileProblem(error, lines, timingLines) });
	}

	// The parser sorts its cues by time; recover file order and line numbers from the timing lines.
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
		// Where an offset into the cue's text is in the file (the text starts below its timing line).
		const locate = (offset: number) => {
			const before = parsed.text.slice(0, offset).split('\n');
			return { line: line && line + before.length, column: before.at(-1)!.length + 1 };
		};

		const stray = findStrayLessThan(parsed.text);
		if (stray) {
			const where = locate(stray.offset);
			report('error', where.line, stray.message, where.column);
		}
		// Markup problems only ever drop markup: the words stay. One warning per spot is enough,
		// and none after a stray "<", which the parser would only report again as a bad tag.
		const seen = new Set<string>();
		const onTextError = (message: string, column: number) => {
			const where = locate(column - 1);
			if (stray || seen.has(`${where.line}:${where.column}`)) return;
			seen.add(`${where.line}:${where.column}`);
			const karaoke = /timestamp|digits|separator|seconds|minutes/i.test(message);
			const described =
				(karaoke ? 'karaoke timestamp ignored: ' : '') + describeParserError(message);
			report('warning', where.line, described, where.column);
		};
		const tree = new webvtt.WebVTTCueTextParser(
			withReadableReferences(parsed.text),
			onTextError,
			mode,
			entities
		).parse(parsed.startTime, parsed.endTime);

		const { text: plain, speaker, speakers, nodes, stamps } = flattenCueText(tree.children);
		if (speakers.length > 1) {
			report(
				'error',
				line,
				`more than one speaker in a cue (${speakers.join(', ')}): the site shows one name per cue, so give each speaker a cue of their own`
			);
		}
		if (plain.trim() === '') {
			report('warning', line, 'empty cue left out');
			continue;
		}
		cues.push({
			id: parsed.id,
			start: parsed.startTime,
			end: Math.max(parsed.endTime, parsed.startTime),
			text: plain,
			speaker,
			nodes,
			words: wordTimings(stamps, parsed.startTime, parsed.endTime),
			line
		});
	}
	cues.sort((a, b) => a.line - b.line);
	const hasErrors = problems.some((p) => p.severity === 'error');
	if (!hasErrors && cues.length === 0 && mode !== 'chapters') {
		report('error', 1, 'the file has no cues');
	}
	return { cues, problems };
}

type TimingLine = { line: number; start: number; end: number };

/** What the parser's message about the file's blocks or a timing line means to an archivist. */
function fileProblem(
	error: ParseError,
	lines: string[],
	timingLines: TimingLine[]
): Omit<Problem, 'file'> {
	const { line, col: column } = error;
	const message = describeParserError(error.message);
	const onTimingLine = lines[line - 1]?.includes('-->') ?? false;
	if (error.message.startsWith('No valid signature')) {
		return { severity: 'error', line: 1, message: 'the file must start with a "WEBVTT" line' };
	}
	if (error.message === 'No blank line after the signature.') {
		return onTimingLine
			? { severity: 'warning', line, message: 'missing blank line after WEBVTT' }
			: { severity: 'warning', line, message: 'line ignored: a blank line must follow WEBVTT' };
	}
	if (error.message.startsWith('Cue identifier')) {
		// Reported on the line after the stray one.
		return { severity: 'error', line: line - 1, message: TEXT_OUTSIDE_CUE };
	}
	if (!onTimingLine) return { severity: 'error', line, column, message };
	if (SETTING_MESSAGE.test(error.message)) {
		return { severity: 'warning', line, column, message: `cue setting ignored: ${message}` };
	}
	const timing = timingLines.find((t) => t.line === line);
	if (error.message === 'End timestamp is not greater than start timestamp.' && timing) {
		return timing.end === timing.start
			? {
					severity: 'warning',
					line,
					message: `zero-length cue: it starts and ends at ${at(timing.end)}`
				}
			: {
					severity: 'error',
					line,
					message: `cue ends at ${at(timing.end)}, before it starts (${at(timing.start)})`
				};
	}
	return { severity: 'error', line, column, message: `invalid cue timing: ${message}` };
}

function describeParserError(message: string): string {
	// Lower-case the parser's sentences so they read as `file:line: error: reason`.
	return message.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}

/**
 * The file as the parser should read it. The parser predates regions: it would take a REGION
 * block for stray text and `region:` for a bad setting. The site ignores regions, so a REGION
 * block becomes a comment and `region:` settings are dropped, keeping every line where it was.
 */
function withoutRegions(lines: string[]): string {
	return lines
		.map((line, i) => {
			if (/^REGION($|[ \t])/.test(line) && (i === 0 || lines[i - 1] === '')) return `NOTE ${line}`;
			return line.includes('-->') ? line.replace(/[ \t]region:\S*/g, '') : line;
		})
		.join('\n');
}

/**
 * Cue text with numeric character references the parser gets wrong rewritten as it reads them.
 * It reads `&#x…;` only with decimal digits, and `&#…;` beyond U+FFFF as a wrong character,
 * silently; invalid code points become U+FFFD, as in HTML. (Columns after a rewritten reference
 * on its line may be off by a few characters in a message.)
 */
function withReadableReferences(text: string): string {
	return text.replace(
		/&#(?:([0-9]+)|[xX]([0-9A-Fa-f]+));/g,
		(_, decimal?: string, hex?: string) => {
			const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
			if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
			// Beyond U+FFFF the character itself: it cannot be markup or a line break.
			return code > 0xffff ? String.fromCodePoint(code) : `&#${code};`;
		}
	);
}

/**
 * The first `<` in a cue's text that the parser would take for a tag and swallow the words
 * after it with: one that is never closed, or not followed by a tag name, `/` or a timestamp.
 */
function findStrayLessThan(text: string): { offset: number; message: string } | undefined {
	for (const match of text.matchAll(/</g)) {
		const offset = match.index;
		const close = text.indexOf('>', offset);
		if (close < 0) {
			return {
				offset,
				message: '"<" without a closing ">": the words after it would be lost (write &lt; for "<")'
			};
		}
		if (!/^(?:\/?[A-Za-z.]|\d[\d:.]*$)/.test(text.slice(offset + 1, close))) {
			return {
				offset,
				message: '"<" that starts no tag: the words after it would be lost (write &lt; for "<")'
			};
		}
	}
	return undefined;
}

function findTimingLines(lines: string[]): TimingLine[] {
	const found: TimingLine[] = [];
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

/**
 * Turns the parser's cue tree into plain text, the speaker, and whitelisted formatting nodes.
 * `speakers` lists every distinct `<v>` name, as a cue can only show the first.
 */
export function flattenCueText(tree: ParsedNode[]): {
	text: string;
	speaker?: string;
	speakers: string[];
	nodes: CueNode[];
	/** Timestamp tags (`<00:01:02.500>`): where each falls in the text of `nodes`, and its time. */
	stamps: WordTiming[];
} {
	const speakers = new Set<string>();
	const stamps: WordTiming[] = [];
	let offset = 0;
	const convert = (nodes: ParsedNode[]): CueNode[] => {
		const out: CueNode[] = [];
		for (const node of nodes) {
			if (node.type === 'text') {
				const text = String(node.value ?? '');
				out.push(text);
				offset += text.length;
			} else if (node.type === 'object') {
				// Before the children, so that speakers are listed in the order they speak.
				const name = node.name === 'v' ? String(node.value ?? '').trim() : '';
				if (name) speakers.add(name);
				const children = convert(node.children ?? []);
				switch (node.name) {
					case 'v':
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
			} else if (node.type === 'timestamp') {
				// Karaoke timestamps carry no text: they say when the words after them begin.
				stamps.push({ offset, time: Number(node.value) });
			}
		}
		return out;
	};
	const nodes = convert(tree);
	const [speaker] = speakers;
	return { text: nodesToText(nodes).trim(), speaker, speakers: [...speakers], nodes, stamps };
}

export function nodesToText(nodes: CueNode[]): string {
	return nodes.map((n) => (typeof n === 'string' ? n : nodesToText(n.children))).join('');
}
