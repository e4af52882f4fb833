import webvtt, { type ParsedNode, type ParseError } from 'webvtt-parser';
// The parser's built-in list lacks the `;` forms (`&amp;` came out as `&;`): give it the full one.
import entities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import {
	MAX_TAG_DEPTH,
	MAX_TAGS_PER_CUE,
	MAX_TEXT_FILE_BYTES,
	megabytes
} from '../content/limits.ts';
import { lineLocator, type Problem } from '../content/problems.ts';
import { nodesToText } from './outline.ts';
import { formatTime } from './time.ts';
import type { Cue, CueNode, WordTiming } from './types.ts';
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

const ENTITIES: Record<string, string> = Object.assign(Object.create(null), entities);
/** Entity names without a `;` (`&amp`, `&eacute`): HTML reads them even as the start of a word. */
const PREFIX_ENTITIES = Object.keys(entities).filter((name) => !name.endsWith(';'));
const PREFIX_ENTITY = new Set(PREFIX_ENTITIES);
const LONGEST_PREFIX_ENTITY = Math.max(...PREFIX_ENTITIES.map((name) => name.length));

/**
 * The entities as the parser should get them for a text. For every reference it does not know,
 * the parser scans the entity names it can enumerate for a prefix (`&ampx;`), which made an
 * unknown reference cost a scan of all 2,231 names (100 KB of `&zz;` took 6 s). Only the names
 * without a `;` that begin some reference in this text can match, so only those are enumerable,
 * in the parser's order; every other entity is found through the prototype. Same result.
 */
function parserEntities(text: string): Record<string, string> {
	const used = new Set<string>();
	for (const [reference] of text.matchAll(/&[a-z#0-9]+/gi)) {
		for (let n = 2; n <= Math.min(reference.length, LONGEST_PREFIX_ENTITY); n++) {
			if (PREFIX_ENTITY.has(reference.slice(0, n))) used.add(reference.slice(0, n));
		}
	}
	const own = PREFIX_ENTITIES.filter((name) => used.has(name)).map((name) => [
		name,
		ENTITIES[name]
	]);
	return Object.assign(Object.create(ENTITIES), Object.fromEntries(own));
}

// A file with thousands of markup slips has one mistake repeated: list enough to find it.
const MAX_MARKUP_WARNINGS = 1000;

const at = (seconds: number) => formatTime(seconds, 3);
/** Cue times compared in whole milliseconds, the precision of a WebVTT timestamp. */
const timeKey = (start: number, end: number) =>
	`${Math.round(start * 1000)} ${Math.round(end * 1000)}`;

/**
 * Parses a WebVTT file into the project's cues, reporting every syntax problem with its line.
 * Cues come back in file order, with empty cues left out (and reported). Linear in the size of
 * the file; a file over MAX_TEXT_FILE_BYTES, or a cue nesting tags deeper than MAX_TAG_DEPTH,
 * is refused with an error instead of parsed.
 *
 * Errors are what would lose or misplace words (a cue dropped for a bad timing line, text
 * outside any cue, a stray `<` swallowing the words after it); warnings are what a player copes
 * with (markup it ignores, a zero-length cue).
 */
export function parseVtt(source: string, file: string, mode?: 'chapters'): ParsedTrack {
	const problems: Problem[] = [];
	const report = (severity: Problem['severity'], line: number, message: string, column?: number) =>
		problems.push({ severity, file, line, ...(column ? { column } : {}), message });
	// A character is at least one byte, so this never refuses a file within the limit.
	if (source.length > MAX_TEXT_FILE_BYTES) {
		report(
			'error',
			1,
			`the file is too large (${megabytes(source.length)} or more; the limit is ${megabytes(MAX_TEXT_FILE_BYTES)} per file): split the recording's transcript`
		);
		return { cues: [], problems };
	}
	const text = source.replace(/^\ufeff/, '');
	if (text.trim() === '') {
		report('error', 1, 'the file is empty');
		return { cues: [], problems };
	}
	const nul = text.indexOf('\0');
	if (nul >= 0) {
		// The parser would turn it into U+FFFD silently: it marks a damaged file, or one not text.
		const where = lineLocator(text)(nul);
		const count = text.split('\0').length - 1;
		report(
			'error',
			where.line,
			`NUL character (a zero byte${count > 1 ? `, the first of ${count}` : ''}): the file is damaged, or not UTF-8 text`,
			where.column
		);
	}
	const lines = text.split(NEWLINE);
	const timingLines = findTimingLines(lines);
	const timingAt = new Map(timingLines.map((timing) => [timing.line, timing]));
	// Cues with too much markup are refused before any parsing (see refuseHeavyMarkup).
	const tooDeep = refuseHeavyMarkup(lines, timingLines);
	for (const { line, column, message } of tooDeep.values()) report('error', line, message, column);

	// In 'metadata' mode the parser keeps quiet about cue text, which is checked cue by cue below,
	// where each problem's own line is known (the parser puts them all after the cue).
	const fileEntities = parserEntities(text);
	const result = new webvtt.WebVTTParser(fileEntities).parse(
		withoutRegions(withoutMarkup(lines, timingLines)),
		'metadata'
	);
	const signed = !result.errors.some((e) => e.message.startsWith('No valid signature'));
	for (const error of result.errors) {
		// Without a signature the first line was taken for one: the error on line 1 says it all.
		if (!signed && error.message === 'No blank line after the signature.') continue;
		problems.push({ file, ...fileProblem(error, lines, timingAt) });
	}

	// The parser sorts its cues by time; recover file order and line numbers from the timing
	// lines: each cue takes the first timing line, in file order, with its times.
	const byTimes = new Map<string, TimingLine[]>();
	for (const timing of timingLines) {
		const key = timeKey(timing.start, timing.end);
		const same = byTimes.get(key);
		if (same) same.push(timing);
		else byTimes.set(key, [timing]);
	}
	const cues: Cue[] = [];
	let markupWarnings = 0;
	let unlistedWarnings = false;
	for (const parsed of result.cues) {
		const timing = takeTimingLine(
			byTimes.get(timeKey(parsed.startTime, parsed.endTime)),
			parsed.text,
			lines
		);
		const line = timing?.line ?? 0;
		if (tooDeep.has(line)) continue;
		// The cue's own text, as the parser was given it without markup (see withoutMarkup).
		const cueText = timing ? textOf(timing, lines) : parsed.text;
		// Where an offset into the cue's text is in the file (the text starts below its timing
		// line). Its line starts are found once, and only for a cue with something to report.
		let locateInCue: ReturnType<typeof lineLocator> | undefined;
		const locate = (offset: number) => {
			locateInCue ??= lineLocator(cueText);
			const where = locateInCue(offset);
			return { line: line && line + where.line, column: where.column };
		};

		const stray = findStrayLessThan(cueText);
		if (stray) {
			const where = locate(stray.offset);
			report('error', where.line, stray.message, where.column);
		}
		// Markup problems only ever drop markup: the words stay. One warning per spot is enough,
		// and none after a stray "<", which the parser would only report again as a bad tag.
		const seen = new Set<string>();
		const onTextError = (message: string, column: number) => {
			if (markupWarnings >= MAX_MARKUP_WARNINGS) {
				unlistedWarnings = true;
				return;
			}
			const where = locate(column - 1);
			if (stray || seen.has(`${where.line}:${where.column}`)) return;
			seen.add(`${where.line}:${where.column}`);
			const karaoke = /timestamp|digits|separator|seconds|minutes/i.test(message);
			const described =
				(karaoke ? 'karaoke timestamp ignored: ' : '') + describeParserError(message);
			report('warning', where.line, described, where.column);
			markupWarnings++;
		};
		// Only tags and references can hold a problem: plain text keeps the parser's own tree.
		const tree = /[<&]/.test(cueText)
			? new webvtt.WebVTTCueTextParser(
					withReadableReferences(cueText),
					onTextError,
					mode,
					fileEntities
				).parse(parsed.startTime, parsed.endTime)
			: parsed.tree;

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
		const words = wordTimings(stamps, parsed.startTime, parsed.endTime);
		cues.push({
			id: parsed.id,
			start: parsed.startTime,
			end: Math.max(parsed.endTime, parsed.startTime),
			text: plain,
			// Absent, not undefined: cues travel to the page as data, where `key: void 0` costs
			// bytes on every line of a long transcript.
			...(speaker !== undefined && { speaker }),
			nodes,
			...(words && { words }),
			line
		});
	}
	cues.sort((a, b) => a.line - b.line);
	if (unlistedWarnings) {
		report(
			'warning',
			1,
			`more than ${MAX_MARKUP_WARNINGS} markup warnings: only the first ${MAX_MARKUP_WARNINGS} are listed`
		);
	}
	const hasErrors = problems.some((p) => p.severity === 'error');
	if (!hasErrors && cues.length === 0 && mode !== 'chapters') {
		report('error', 1, 'the file has no cues');
	}
	return { cues, problems };
}

/** A cue's timing line (1-based), its times, and the index of the line after its text. */
type TimingLine = { line: number; start: number; end: number; textEnd: number };

const textOf = (timing: TimingLine, lines: string[]) =>
	lines.slice(timing.line, timing.textEnd).join('\n');
const inert = (text: string) => text.replace(/[<&]/g, ' ');

/**
 * The file's lines with every `<` and `&` in cue text made a space, for the parser's pass over
 * the whole file: its cue trees are then single texts, cheap to build, and each cue's text is
 * parsed once, below, from the real lines. Lengths and everything else stay as they were.
 */
function withoutMarkup(lines: string[], timingLines: TimingLine[]): string[] {
	const out = lines.slice();
	for (const { line, textEnd } of timingLines) {
		for (let i = line; i < textEnd; i++) out[i] = inert(out[i]!);
	}
	return out;
}

/**
 * The first timing line, in file order, with a cue's times and its text (as the parser saw it):
 * almost always the first of the list, unless a cue the parser dropped had the same times.
 */
function takeTimingLine(
	same: TimingLine[] | undefined,
	parsedText: string,
	lines: string[]
): TimingLine | undefined {
	if (!same || same.length === 0) return undefined;
	const index = same.findIndex((timing) => {
		const text = textOf(timing, lines);
		return text.length === parsedText.length && inert(text) === parsedText;
	});
	return same.splice(Math.max(index, 0), 1)[0];
}

/** What the parser's message about the file's blocks or a timing line means to an archivist. */
function fileProblem(
	error: ParseError,
	lines: string[],
	timingAt: Map<number, TimingLine>
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
	const timing = timingAt.get(line);
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
	// One pass: the next ">" is found once for all the "<" before it, and each "<" is tested
	// only on the characters that follow it up to that ">".
	const startsTag = /\/?[A-Za-z.]|\d[\d:.]*>/y;
	let close = -1;
	for (let offset = text.indexOf('<'); offset >= 0; offset = text.indexOf('<', offset + 1)) {
		if (close < offset) close = text.indexOf('>', offset);
		if (close < 0) {
			return {
				offset,
				message: '"<" without a closing ">": the words after it would be lost (write &lt; for "<")'
			};
		}
		startsTag.lastIndex = offset + 1;
		if (!startsTag.test(text)) {
			return {
				offset,
				message: '"<" that starts no tag: the words after it would be lost (write &lt; for "<")'
			};
		}
	}
	return undefined;
}

/**
 * The timing lines of cues with tags nested deeper than MAX_TAG_DEPTH, or more tags than
 * MAX_TAGS_PER_CUE, with where the limit is passed. Such a cue is never parsed with its tags
 * (the parser builds its tree recursively, and 5,000 levels overflowed the stack; a million
 * tags took tens of seconds); the whole-file pass sees none (see withoutMarkup).
 */
function refuseHeavyMarkup(
	lines: string[],
	timingLines: TimingLine[]
): Map<number, { line: number; column: number; message: string }> {
	const refused = new Map<number, { line: number; column: number; message: string }>();
	const tag = /<(\/?)[A-Za-z]/g;
	for (const timing of timingLines) {
		let depth = 0;
		let count = 0;
		for (let i = timing.line; i < timing.textEnd && !refused.has(timing.line); i++) {
			if (!lines[i]!.includes('<')) continue;
			for (const match of lines[i]!.matchAll(tag)) {
				depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
				const where = { line: i + 1, column: match.index + 1 };
				if (depth > MAX_TAG_DEPTH) {
					const message = `tags nested more than ${MAX_TAG_DEPTH} deep: the cue is left out (close each tag before opening the next)`;
					refused.set(timing.line, { ...where, message });
				} else if (++count > MAX_TAGS_PER_CUE) {
					const message = `more than ${MAX_TAGS_PER_CUE.toLocaleString('en')} tags in one cue: the cue is left out (split it into cues)`;
					refused.set(timing.line, { ...where, message });
				}
				if (refused.has(timing.line)) break;
			}
		}
	}
	return refused;
}

function findTimingLines(lines: string[]): TimingLine[] {
	const found: TimingLine[] = [];
	lines.forEach((content, i) => {
		if (!content.includes('-->')) return;
		const stamps = [...content.matchAll(TIMESTAMP)].map(toSeconds);
		if (stamps.length < 2) return;
		// Its text: the lines up to a blank one or the next timing line, as the parser reads it.
		let textEnd = i + 1;
		while (textEnd < lines.length && lines[textEnd] !== '' && !lines[textEnd]!.includes('-->')) {
			textEnd++;
		}
		found.push({ line: i + 1, start: stamps[0]!, end: stamps[1]!, textEnd });
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
