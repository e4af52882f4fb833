import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { formatTime } from '../transcript/time.ts';
import type { Problem } from '../content/problems.ts';
import { parseWebVtt } from './captions.ts';
import { cuesFromLines, type SourceLine } from './text.ts';
import type {
	Anchor,
	ImportChapter,
	ImportCue,
	ImportedTranscript,
	ImportMeta,
	Parsed
} from './types.ts';

/*
 * OHMS XML (the Oral History Metadata Synchronizer of the Nunn Center / Aviary), both kinds:
 * - current (`<version>6.0</version>`): the transcript is WebVTT in `<vtt_transcript>` (CDATA),
 *   the translation in `<vtt_transcript_alt>`;
 * - legacy: plain text in `<transcript>`, timed by `<sync>`: `1:|25(2)|40(7)|…` means one entry
 *   per interval of 1 minute, the n-th entry saying where the text is at n minutes: line 25
 *   (1-based, counting every line of the transcript) and word 2 (1-based, on that line).
 *   The translation is `<transcript_alt>` with its own `<sync_alt>`.
 * Both carry an `<index>` of `<point>`s: time in seconds, title, partial transcript, synopsis,
 * `;`-separated keywords, and `_alt` twins of each in the translation's language.
 */

const at = (seconds: number) => formatTime(seconds);

export function parseOhms(xml: string, file: string): Parsed<ImportedTranscript | undefined> {
	const problems: Problem[] = [];
	const report = (severity: Problem['severity'], line: number | undefined, message: string) =>
		problems.push({ severity, file, ...(line ? { line } : {}), message });

	let fatal = false;
	const parser = new DOMParser({
		onError(level, message, context) {
			const locator = (context as { locator?: Locator } | undefined)?.locator;
			report(
				level === 'warning' ? 'warning' : 'error',
				errorLine(xml, locator),
				`XML: ${message.split('\n')[0]}`
			);
			if (level === 'fatalError') fatal = true;
		}
	});
	let record: Element | undefined;
	try {
		const doc = parser.parseFromString(xml.replace(/^\ufeff/, ''), 'text/xml');
		record = doc.getElementsByTagNameNS('*', 'record')[0] ?? undefined;
	} catch (error) {
		// xmldom throws on a fatal error after reporting it through onError.
		const locator = (error as { locator?: Locator }).locator;
		if (!fatal)
			report('error', errorLine(xml, locator), `XML: ${(error as Error).message.split('\n')[0]}`);
		return { result: undefined, problems };
	}
	if (!record) {
		report('error', 1, 'not an OHMS file: no <record> element');
		return { result: undefined, problems };
	}

	const child = (parent: Element, name: string) =>
		[...childElements(parent)].find((e) => e.localName === name);
	const text = (name: string, parent: Element = record!) =>
		(child(parent, name)?.textContent ?? '').trim();
	const lineOf = (node: Node | undefined | null) => node?.lineNumber ?? undefined;

	const meta = readMeta(record, text, child, lineOf, report);

	const vtt = child(record, 'vtt_transcript');
	const legacy = child(record, 'transcript');
	let result: ImportedTranscript;
	const alt = text('transcript_alt_lang') || undefined;
	const translate = text('translate') === '1';
	if (vtt && vtt.textContent?.trim()) {
		const main = fromVtt(vtt, file);
		problems.push(...main.problems);
		result = { source: 'ohms', meta, timed: true, cues: main.cues, anchors: [], chapters: [] };
		const altVtt = child(record, 'vtt_transcript_alt');
		if (altVtt && altVtt.textContent?.trim()) {
			const translation = fromVtt(altVtt, file);
			problems.push(...translation.problems);
			result.translation = { language: alt, cues: translation.cues };
		} else if (translate) {
			report(
				'warning',
				lineOf(child(record, 'translate')),
				'<translate> is 1 but there is no <vtt_transcript_alt>: no translation imported'
			);
		}
	} else if (legacy && legacy.textContent?.trim()) {
		const altText = child(record, 'transcript_alt');
		const paired = Boolean(altText?.textContent?.trim());
		const main = fromLegacy(legacy, child(record, 'sync'), file, meta.duration, paired);
		problems.push(...main.problems);
		result = {
			source: 'ohms-legacy',
			meta,
			timed: false,
			cues: main.cues,
			anchors: main.anchors,
			chapters: []
		};
		if (altText && paired) {
			const translation = fromLegacy(
				altText,
				child(record, 'sync_alt'),
				file,
				meta.duration,
				paired
			);
			problems.push(...translation.problems);
			if (translation.cues.length !== main.cues.length) {
				report(
					'error',
					lineOf(altText),
					`the translation has ${translation.cues.length} paragraphs and the transcript ${main.cues.length}: a translation must match the transcript paragraph for paragraph (a blank line or a NAME: starts a paragraph)`
				);
			}
			result.translation = { language: alt, cues: translation.cues };
		} else if (translate) {
			report(
				'warning',
				lineOf(child(record, 'translate')),
				'<translate> is 1 but <transcript_alt> is empty: no translation imported'
			);
		}
	} else {
		report(
			'error',
			lineOf(record),
			'no transcript: both <vtt_transcript> and <transcript> are empty'
		);
		return { result: undefined, problems };
	}
	result.chapters = readIndex(child(record, 'index'), child, text, lineOf, report);
	return { result, problems };
}

type Locator = { lineNumber?: number; columnNumber?: number };

/**
 * The line of an XML error. The parser places it where the last good node ended; the fault is
 * at the next thing written after that, so blank space is skipped.
 */
function errorLine(xml: string, locator: Locator | undefined): number | undefined {
	if (!locator?.lineNumber) return undefined;
	const lines = xml.split('\n');
	let line = locator.lineNumber;
	let rest = (lines[line - 1] ?? '').slice(locator.columnNumber ?? 0);
	while (rest.trim() === '' && line < lines.length) rest = lines[line++] ?? '';
	return line;
}

function* childElements(parent: Element): Generator<Element> {
	for (let node = parent.firstChild; node; node = node.nextSibling) {
		if (node.nodeType === 1) yield node as Element;
	}
}

function readMeta(
	record: Element,
	text: (name: string, parent?: Element) => string,
	child: (parent: Element, name: string) => Element | undefined,
	lineOf: (node: Node | undefined) => number | undefined,
	report: (severity: Problem['severity'], line: number | undefined, message: string) => void
): ImportMeta {
	const meta: ImportMeta = {};
	const collapse = (s: string) => s.replace(/\s+/g, ' ').trim() || undefined;
	meta.title = collapse(text('title'));
	const interviewees = [...childElements(record)].filter((e) => e.localName === 'interviewee');
	const names = interviewees
		.flatMap((e) => (e.textContent ?? '').split(';'))
		.map((n) => n.trim())
		.filter(Boolean);
	meta.interviewee = names[0];
	if (names.length > 1) {
		report(
			'warning',
			lineOf(interviewees[0]),
			`several interviewees (${names.join('; ')}): the clip names the first as its witness`
		);
	}
	const date = child(record, 'date');
	meta.date = collapse(date?.getAttribute('value') ?? '');
	const loose = collapse(text('date_nonpreferred_format'));
	if (!meta.date && loose && !/unknown/i.test(loose)) meta.date = loose;
	meta.language = collapse(text('language'));
	meta.holder = collapse(text('repository'));
	const duration = child(record, 'duration');
	const seconds = readClock(duration?.textContent ?? '');
	if (seconds === undefined || seconds === 0) {
		report(
			'warning',
			lineOf(duration ?? record),
			`${duration ? 'empty' : 'no'} <duration>: the recording's own length is used`
		);
	} else {
		meta.duration = seconds;
	}
	return meta;
}

/** `H:MM:SS`, `MM:SS` or plain seconds; undefined when it is none of these. */
function readClock(value: string): number | undefined {
	const parts = value.trim().split(':');
	if (parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p)) || parts.length > 3) return undefined;
	return parts.reduce((total, p) => total * 60 + Number(p), 0);
}

/** The WebVTT inside `<vtt_transcript>`, its lines counted from where it sits in the XML. */
function fromVtt(element: Element, file: string): { cues: ImportCue[]; problems: Problem[] } {
	const content = element.firstChild;
	const firstLine = content?.lineNumber ?? element.lineNumber ?? 1;
	const vtt = element.textContent ?? '';
	// Blank lines before WEBVTT are left out, and counted so lines stay right.
	const leading = vtt.length - vtt.trimStart().length;
	const skipped = vtt.slice(0, leading).split('\n').length - 1;
	const { result, problems } = parseWebVtt(vtt.trimStart(), file, firstLine - 1 + skipped);
	return { cues: result.cues, problems };
}

/** The plain transcript and its sync points (anchors), as untimed cues. */
function fromLegacy(
	element: Element,
	sync: Element | undefined,
	file: string,
	catalogued: number | undefined,
	paired: boolean
): { cues: ImportCue[]; anchors: Anchor[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const firstLine = element.firstChild?.lineNumber ?? element.lineNumber ?? 1;
	const raw = (element.textContent ?? '').replace(/\r\n?/g, '\n');
	const lines: SourceLine[] = raw.split('\n').map((text, i) => ({ text, line: firstLine + i }));
	// With a translation, paragraph cues (not sentences), so that the two pair one for one.
	const text = cuesFromLines(lines, { sentences: !paired });
	const anchors: Anchor[] = [];
	const syncText = (sync?.textContent ?? '').trim();
	const syncLine = sync?.lineNumber ?? undefined;
	const warn = (message: string) =>
		problems.push({ severity: 'warning', file, ...(syncLine ? { line: syncLine } : {}), message });
	if (syncText) {
		const head = /^(\d+):/.exec(syncText);
		const interval = head ? Number(head[1]) * 60 : 0;
		if (!interval) {
			warn(`<sync> does not start with an interval in minutes ("1:|…"): the text is untimed`);
		} else {
			// `1:|25(2)|…`: the first `|` opens the list. An empty entry is a minute with no marker,
			// and still counts.
			const entries = syncText.slice(head![0].length).replace(/^\|/, '').split('|');
			entries.forEach((entry, i) => {
				if (entry.trim() === '') return;
				const time = (i + 1) * interval;
				const point = /^\s*(\d+)\((\d+)\)\s*$/.exec(entry);
				if (!point) {
					warn(`sync point ${i + 1} ("${entry}", at ${at(time)}) is not line(word): dropped`);
					return;
				}
				const line = Number(point[1]);
				const word = Number(point[2]);
				if (catalogued !== undefined && time > catalogued) {
					warn(
						`sync point ${i + 1} (at ${at(time)}) is past the catalogued duration (${at(catalogued)}): dropped`
					);
					return;
				}
				const where =
					line >= 1 && line <= lines.length
						? text.position(line - 1, Math.max(word, 1) - 1)
						: undefined;
				if (!where) {
					warn(
						line > lines.length || line < 1
							? `sync point ${i + 1} (at ${at(time)}) is at line ${line}, past the end of the text (${lines.length} lines): dropped`
							: `sync point ${i + 1} (at ${at(time)}) is at line ${line}, word ${word}, past the end of the text: dropped`
					);
					return;
				}
				const previous = anchors.at(-1);
				if (
					previous &&
					(where.cue < previous.cue || (where.cue === previous.cue && where.word <= previous.word))
				) {
					warn(
						`sync point ${i + 1} (at ${at(time)}) is at or before the previous one in the text: dropped`
					);
					return;
				}
				if (!where.sameLine) {
					warn(
						`sync point ${i + 1} (at ${at(time)}) is at line ${line}, word ${word}, past the end of that line: taken as the next word of the text`
					);
				}
				anchors.push({ time, cue: where.cue, word: where.word });
			});
		}
	}
	return { cues: text.cues, anchors, problems };
}

function readIndex(
	index: Element | undefined,
	child: (parent: Element, name: string) => Element | undefined,
	text: (name: string, parent?: Element) => string,
	lineOf: (node: Node | undefined) => number | undefined,
	report: (severity: Problem['severity'], line: number | undefined, message: string) => void
): ImportChapter[] {
	if (!index) return [];
	const chapters: ImportChapter[] = [];
	const optional = (value: string) => value.replace(/\s+\n/g, '\n').trim() || undefined;
	const list = (value: string) => {
		const items = value
			.split(';')
			.map((k) => k.trim())
			.filter(Boolean);
		return items.length > 0 ? items : undefined;
	};
	for (const point of childElements(index)) {
		if (point.localName !== 'point') continue;
		const line = lineOf(point) ?? 0;
		const time = readClock(text('time', point));
		const title = text('title', point).replace(/\s+/g, ' ');
		if (time === undefined) {
			report(
				'error',
				lineOf(child(point, 'time')) ?? line,
				`index point "${title}" has no readable <time> (seconds)`
			);
			continue;
		}
		if (!title) {
			report('error', line, `index point at ${at(time)} has no <title>`);
			continue;
		}
		const chapter: ImportChapter = {
			start: time,
			title,
			synopsis: optional(text('synopsis', point)),
			keywords: list(text('keywords', point)),
			partialTranscript: optional(text('partial_transcript', point)),
			line
		};
		const altTitle = text('title_alt', point).replace(/\s+/g, ' ');
		if (altTitle) {
			chapter.alt = {
				title: altTitle,
				synopsis: optional(text('synopsis_alt', point)),
				keywords: list(text('keywords_alt', point)),
				partialTranscript: optional(text('partial_transcript_alt', point))
			};
		}
		const previous = chapters.at(-1);
		if (previous && time <= previous.start) {
			report(
				'error',
				line,
				`index point "${title}" at ${at(time)} is not after the previous one (${at(previous.start)})`
			);
			continue;
		}
		chapters.push(chapter);
	}
	return chapters;
}
