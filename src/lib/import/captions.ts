import { parseSync } from 'subtitle';
import { parseVtt } from '../transcript/vtt.ts';
import type { Problem } from '../content/problems.ts';
import { BREAK_REPAIRED, replaceBreaks } from './repair.ts';
import { splitSpeaker } from './text.ts';
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
const STAMP = /(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})/g;
// Stands in for a `<br>` while the WebVTT parser reads the text, keeping every line in place.
const BREAK_MARK = '\u2028';

/** The two times on a caption timing line, or undefined if it has not two readable ones. */
function readTimingLine(line: string): { start: number; end: number } | undefined {
	if (!line.includes('-->')) return undefined;
	const stamps = [...line.matchAll(STAMP)].map(([, h = '0', m, s, ms]) => {
		return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms!.padEnd(3, '0')) / 1000;
	});
	return stamps.length >= 2 ? { start: stamps[0]!, end: stamps[1]! } : undefined;
}

/**
 * Reads an SRT file with the `subtitle` package. It recovers after a malformed timing line by
 * taking it for text; that line is reported as an error, as its cue would be lost.
 * `lineOffset` places the file within a larger one (for messages).
 */
export function parseSrt(source: string, file: string): Parsed<Captions> {
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
		nodes = parseSync(text);
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
	const timing = lines.flatMap((content, i) => {
		const times = readTimingLine(content);
		return /-+>/.test(content) && /\d:\d/.test(content) ? [{ line: i + 1, times }] : [];
	});
	let next = 0;
	const used = new Set<number>();
	const cues: ImportCue[] = [];
	for (const node of nodes) {
		if (node.type !== 'cue') continue;
		const { start, end, text: raw } = node.data;
		const index = timing.findIndex(
			(t, i) =>
				i >= next &&
				t.times !== undefined &&
				Math.abs(t.times.start * 1000 - start) < 1 &&
				Math.abs(t.times.end * 1000 - end) < 1
		);
		const line = index >= 0 ? timing[index]!.line : 0;
		if (index >= 0) {
			used.add(index);
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
		if (!used.has(i)) {
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
	return { result: { cues }, problems };
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
		const plain = broken.text.replace(/<\/?[a-zA-Z][^>]*>|\{\\[^}]*\}/g, '');
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
 * Reads WebVTT with the site's own parser (so it is judged exactly as the build will judge it),
 * plus what an import needs: the `Kind:`/`Language:` header lines are read rather than
 * reported, `<br>` becomes a line break, and an end before its start is left for repairTimes().
 * `lineOffset` is added to every line (a WebVTT block inside an OHMS file).
 */
export function parseWebVtt(source: string, file: string, lineOffset = 0): Parsed<Captions> {
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
	return { result: { cues, language }, problems };
}
