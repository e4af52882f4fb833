import { parseSync, RE_TIMESTAMP } from 'subtitle';
import { parseVtt } from '../transcript/vtt.ts';
import type { Problem } from '../content/problems.ts';
import { BREAK_REPAIRED, replaceBreaks } from './repair.ts';
import { cuesTooLarge, sourceTooLarge, splitSpeaker } from './text.ts';
import type { ImportCue, Parsed } from './types.ts';

/*
 * Timed caption files: SRT (vendors, YouTube) and WebVTT (with YouTube's `Kind:`/`Language:`
 * header). Times are returned as written; repairTimes() fixes them once the audio is known.
 */

export interface Captions {
	cues: ImportCue[];
	/** From a WebVTT `Language:` header. */
	language?: string;
}

const NEWLINE = /\r\n|\r|\n/;
// A timestamp as caption files write it: `hh:mm:ss,mmm` (SRT) or `[hh:]mm:ss.mmm` (WebVTT).
// Never from within a number: tried from every digit of a long one, it was quadratic.
const STAMP = /(?<!\d)(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})/g;
// Stands in for a `<br>` while the WebVTT parser reads the text, keeping every line in place.
const BREAK_MARK = '\u2028';

/** The two times on a caption timing line, or undefined if it has not two readable ones. */
function readTimingLine(line: string): { start: number; end: number } | undefined {
	if (!line.includes('-->')) return undefined;
	const stamps: number[] = [];
	for (const [, h = '0', m, s, ms] of line.matchAll(STAMP)) {
		stamps.push(Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms!.padEnd(3, '0')) / 1000);
		if (stamps.length === 2) return { start: stamps[0]!, end: stamps[1]! };
	}
	return undefined;
}

/**
 * Reads an SRT file with the `subtitle` package. It recovers after a malformed timing line by
 * taking it for text; that line is reported as an error, as its cue would be lost.
 * `lineOffset` places the file within a larger one (for messages).
 */
export function parseSrt(source: string, file: string): Parsed<Captions> {
	const tooLarge = sourceTooLarge(source, file);
	if (tooLarge) return { result: { cues: [] }, problems: [tooLarge] };
	const problems: Problem[] = [];
	const text = source.replace(/^\ufeff/, '');
	const lines = text.split(NEWLINE);
	if (text.trim() === '') {
		return {
			result: { cues: [] },
			problems: [{ severity: 'error', file, line: 1, message: 'the file is empty' }]
		};
	}
	let nodes: ReturnType<typeof parseSync>;
	try {
		nodes = parseSync(forParser(text));
	} catch (error) {
		problems.push({
			severity: 'error',
			file,
			line: 1,
			message: `not a readable SRT file: ${(error as Error).message}`
		});
		return { result: { cues: [] }, problems };
	}
	// The parser gives no lines: find each cue's timing line, in order.
	// A line with an arrow and a time is meant as a timing line, even if it is malformed.
	// (`->`, not /-+>/, which tried every dash of a long run again: quadratic.)
	const timing: TimingLine[] = [];
	lines.forEach((content, i) => {
		if (content.includes('->') && /\d:\d/.test(content)) {
			timing.push({ line: i + 1, times: readTimingLine(content) });
		}
	});
	const findTiming = timingFinder(timing);
	let next = 0;
	const used = new Uint8Array(timing.length);
	const cues: ImportCue[] = [];
	for (const node of nodes) {
		if (node.type !== 'cue') continue;
		const { start, end, text: raw } = node.data;
		const index = findTiming(start, end, next);
		const line = index >= 0 ? timing[index]!.line : 0;
		if (index >= 0) {
			used[index] = 1;
			next = index + 1;
		}
		const cue = cleanCueText(raw, file, line + 1, problems);
		if (cue.text === '') {
			problems.push({ severity: 'warning', file, line, message: 'empty cue left out' });
			continue;
		}
		cues.push({ start: start / 1000, end: end / 1000, ...cue, line });
	}
	timing.forEach((t, i) => {
		if (!used[i]) {
			problems.push({
				severity: 'error',
				file,
				line: t.line,
				message:
					'malformed timing line (expected 00:00:01,000 --> 00:00:02,500): the cue below it would be lost'
			});
		}
	});
	if (cues.length === 0 && !problems.some((p) => p.severity === 'error')) {
		problems.push({ severity: 'error', file, line: 1, message: 'the file has no cues' });
	}
	return withinLimits({ cues }, problems, file);
}

/**
 * The text as the SRT parser should get it: of the blank lines right after a timing line, only
 * the first. The parser drops them all from the start of the cue's text, each with an array
 * shift (a cue after 800,000 of them took 46 s); the cues and messages stay the same.
 */
function forParser(text: string): string {
	const kept: string[] = [];
	let afterTiming = false;
	for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
		if (line === '' && afterTiming) {
			if (kept.at(-1) !== '') kept.push(line);
			continue;
		}
		afterTiming = RE_TIMESTAMP.test(line);
		kept.push(line);
	}
	return kept.join('\n');
}

type TimingLine = { line: number; times?: { start: number; end: number } };

/**
 * A search for the first timing line, from a given one on, with a cue's times (in whole
 * milliseconds, as the parser gives them), or -1. Almost always it is the one asked for first;
 * for the others the lines are grouped by times once, and each group is walked once, as the
 * lines asked for only move forward (a scan from the start of the file for every cue was
 * quadratic: 200,000 cues took 13 s, a million never finished).
 */
function timingFinder(timing: TimingLine[]): (start: number, end: number, from: number) => number {
	const ms = (seconds: number) => Math.round(seconds * 1000);
	let byTimes: Map<string, { indices: number[]; next: number }> | undefined;
	return (start, end, from) => {
		const first = timing[from]?.times;
		if (first && ms(first.start) === start && ms(first.end) === end) return from;
		if (!byTimes) {
			byTimes = new Map();
			timing.forEach(({ times }, index) => {
				if (!times) return;
				const key = `${ms(times.start)} ${ms(times.end)}`;
				const group = byTimes!.get(key);
				if (group) group.indices.push(index);
				else byTimes!.set(key, { indices: [index], next: 0 });
			});
		}
		const group = byTimes.get(`${start} ${end}`);
		if (!group) return -1;
		while (group.next < group.indices.length && group.indices[group.next]! < from) group.next++;
		return group.next < group.indices.length ? group.indices[group.next++]! : -1;
	};
}

/** The captions, or none and an error if their WebVTT would be more than the build reads. */
function withinLimits(captions: Captions, problems: Problem[], file: string): Parsed<Captions> {
	const tooLarge = cuesTooLarge(captions.cues, file);
	if (!tooLarge) return { result: captions, problems };
	return { result: { ...captions, cues: [] }, problems: [...problems, tooLarge] };
}

/**
 * Plain text and speaker from SRT cue text: `<br>` becomes a line break, other formatting
 * (`<i>`, `<font color>`, `{\an8}`) is dropped, a `NAME:` first line names the speaker.
 */
function cleanCueText(
	raw: string,
	file: string,
	firstLine: number,
	problems: Problem[]
): { text: string; speaker?: string } {
	const lines = raw.split('\n').map((content, i) => {
		const broken = replaceBreaks(content);
		if (broken.replaced) {
			problems.push({ severity: 'warning', file, line: firstLine + i, message: BREAK_REPAIRED });
		}
		const plain = stripFormatting(broken.text);
		if (plain !== broken.text) {
			problems.push({
				severity: 'warning',
				file,
				line: firstLine + i,
				message: 'formatting tags dropped (the text is kept)'
			});
		}
		return plain;
	});
	const joined = lines
		.join('\n')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.join('\n');
	const { speaker, rest } = splitSpeaker(joined);
	return { text: rest.trim(), speaker };
}

/**
 * Text without SRT formatting: a tag from its `<` to the next `>`, an override from its `{\` to
 * the next `}`. The next `>` and `}` are found once for all the starts before them (a regex
 * with `[^>]*` scanned the rest of the line again from every `<` that is never closed).
 */
function stripFormatting(text: string): string {
	// Where a tag (`<i>`, `</font>`) or an override (`{\an8}`) may begin.
	const starts = /<\/?[a-zA-Z]|\{\\/g;
	const kept: string[] = [];
	let from = 0;
	// The next `>` and `}` found so far; Infinity once there is none.
	let close = -1;
	let brace = -1;
	const find = (char: string, after: number) => {
		const at = text.indexOf(char, after);
		return at < 0 ? Infinity : at;
	};
	for (let match = starts.exec(text); match; match = starts.exec(text)) {
		const after = starts.lastIndex;
		let end: number;
		if (match[0] === '{\\') {
			if (brace < after) brace = find('}', after);
			end = brace;
		} else {
			if (close < after) close = find('>', after);
			end = close;
		}
		if (end === Infinity) continue;
		kept.push(text.slice(from, match.index));
		from = end + 1;
		starts.lastIndex = from;
	}
	kept.push(text.slice(from));
	return kept.join('');
}

/**
 * Reads WebVTT with the site's own parser (so it is judged exactly as the build will judge it),
 * plus what an import needs: the `Kind:`/`Language:` header lines are read rather than
 * reported, `<br>` becomes a line break, and an end before its start is left for repairTimes().
 * `lineOffset` is added to every line (a WebVTT block inside an OHMS file).
 */
export function parseWebVtt(source: string, file: string, lineOffset = 0): Parsed<Captions> {
	const tooLarge = sourceTooLarge(source, file);
	if (tooLarge) return { result: { cues: [] }, problems: [tooLarge] };
	const lines = source.replace(/^\ufeff/, '').split(NEWLINE);
	const problems: Problem[] = [];
	const shift = (line: number) => line + lineOffset;

	let language: string | undefined;
	const headerLines = new Set<number>();
	for (let i = 1; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.includes('-->'); i++) {
		const header = /^([A-Za-z-]+):\s*(.*)$/.exec(lines[i]!);
		if (!header) continue;
		headerLines.add(i + 1);
		if (header[1]!.toLowerCase() === 'language' && header[2]) language = header[2].trim();
	}

	const marked = lines.map((content, i) => {
		if (content.includes('-->') || !/<br/i.test(content)) return content;
		const broken = replaceBreaks(content);
		if (!broken.replaced) return content;
		problems.push({ severity: 'warning', file, line: shift(i + 1), message: BREAK_REPAIRED });
		return broken.text.replace(/\n/g, BREAK_MARK);
	});

	const parsed = parseVtt(marked.join('\n'), file);
	const endsBeforeStart = new Set<number>();
	for (const problem of parsed.problems) {
		if (problem.line !== undefined && headerLines.has(problem.line)) continue;
		if (/before it starts/.test(problem.message) && problem.line !== undefined) {
			endsBeforeStart.add(problem.line);
			continue;
		}
		problems.push({
			...problem,
			line: problem.line === undefined ? undefined : shift(problem.line)
		});
	}
	const cues: ImportCue[] = parsed.cues.map((cue) => {
		const timing = readTimingLine(lines[cue.line - 1] ?? '');
		return {
			start: cue.start,
			// The parser clamps an end before its start; keep it, for repairTimes() to report.
			end: endsBeforeStart.has(cue.line) && timing ? timing.end : cue.end,
			text: cue.text
				.split(/[\n\u2028]/)
				.map((l) => l.trim())
				.filter(Boolean)
				.join('\n'),
			speaker: cue.speaker,
			line: shift(cue.line)
		};
	});
	return withinLimits({ cues, language }, problems, file);
}
