import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { webAddress, type ChapterLink } from '../content/chapters.ts';
import { formatTime } from '../transcript/time.ts';
import type { Problem } from '../content/problems.ts';
import { parseWebVtt } from './captions.ts';
import { proseCues } from './prose.ts';
import type { SourceLine } from './text.ts';
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
 * `;`-separated keywords and subjects, hyperlinks, and `_alt` twins of each in the translation's
 * language.
 *
 * Every problem names its line and column: an export may be written on a single line. Nothing
 * here is quadratic in the size of the file (a 40 MB export is parsed in seconds).
 */

const at = (seconds: number) => formatTime(seconds);

/** Where a problem is in the XML file. */
type Where = { line?: number; column?: number };
type Report = (severity: Problem['severity'], where: Where | undefined, message: string) => void;

/** A node's place in the file, as xmldom records it (1-based line and column). */
const whereIs = (node: Node | undefined | null): Where | undefined =>
	node?.lineNumber ? { line: node.lineNumber, column: node.columnNumber ?? undefined } : undefined;

export function parseOhms(xml: string, file: string): Parsed<ImportedTranscript | undefined> {
	const problems: Problem[] = [];
	const report: Report = (severity, where, message) =>
		problems.push({
			severity,
			file,
			...(where?.line ? { line: where.line } : {}),
			...(where?.line && where.column ? { column: where.column } : {}),
			message
		});
	// One at a time: spreading 100,000 problems into push() overflows the stack.
	const add = (more: Problem[]) => {
		for (const problem of more) problems.push(problem);
	};
	const errorWhere = errorLocator(xml);

	let fatal = false;
	const parser = new DOMParser({
		onError(level, message, context) {
			const locator = (context as { locator?: Locator } | undefined)?.locator;
			report(
				level === 'warning' ? 'warning' : 'error',
				errorWhere(locator),
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
			report('error', errorWhere(locator), `XML: ${(error as Error).message.split('\n')[0]}`);
		return { result: undefined, problems };
	}
	if (!record) {
		report('error', { line: 1 }, 'not an OHMS file: no <record> element');
		return { result: undefined, problems };
	}

	const child = (parent: Element, name: string) =>
		[...childElements(parent)].find((e) => e.localName === name);
	const text = (name: string, parent: Element = record!) =>
		(child(parent, name)?.textContent ?? '').trim();

	const meta = readMeta(record, text, child, report);

	const vtt = child(record, 'vtt_transcript');
	const legacy = child(record, 'transcript');
	let result: ImportedTranscript;
	const alt = text('transcript_alt_lang') || undefined;
	const translate = text('translate') === '1';
	if (vtt && vtt.textContent?.trim()) {
		const main = fromVtt(vtt, file, meta.duration);
		add(main.problems);
		result = { source: 'ohms', meta, timed: true, cues: main.cues, anchors: [], chapters: [] };
		const altVtt = child(record, 'vtt_transcript_alt');
		if (altVtt && altVtt.textContent?.trim()) {
			// Its paragraphs may only start where the original's cues do.
			const boundaries = main.cues.map((c) => c.start!).sort((a, b) => a - b);
			const translation = fromVtt(altVtt, file, meta.duration, boundaries);
			add(translation.problems);
			result.translation = { language: alt, cues: translation.cues };
		} else if (translate) {
			report(
				'warning',
				whereIs(child(record, 'translate')),
				'<translate> is 1 but there is no <vtt_transcript_alt>: no translation imported'
			);
		}
	} else if (legacy && legacy.textContent?.trim()) {
		const altText = child(record, 'transcript_alt');
		const paired = Boolean(altText?.textContent?.trim());
		const main = fromLegacy(legacy, child(record, 'sync'), file, meta.duration, paired);
		add(main.problems);
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
			add(translation.problems);
			if (translation.cues.length !== main.cues.length) {
				report(
					'error',
					whereIs(altText),
					`the translation has ${translation.cues.length} paragraphs and the transcript ${main.cues.length}: a translation must match the transcript paragraph for paragraph (a blank line or a NAME: starts a paragraph)`
				);
			}
			result.translation = { language: alt, cues: translation.cues };
		} else if (translate) {
			report(
				'warning',
				whereIs(child(record, 'translate')),
				'<translate> is 1 but <transcript_alt> is empty: no translation imported'
			);
		}
	} else {
		report(
			'error',
			whereIs(record),
			'no transcript: both <vtt_transcript> and <transcript> are empty'
		);
		return { result: undefined, problems };
	}
	result.chapters = readIndex(child(record, 'index'), child, text, report);
	return { result, problems };
}

type Locator = { lineNumber?: number; columnNumber?: number };

/**
 * Where an XML error is. The parser places it where the last good node ended; the fault is at
 * the next thing written after that, so blank space is skipped. The file's line starts are found
 * once, at the first error (finding them for each of many errors was quadratic).
 */
function errorLocator(xml: string): (locator: Locator | undefined) => Where | undefined {
	let starts: number[] | undefined;
	return (locator) => {
		if (!locator?.lineNumber) return undefined;
		if (!starts) {
			starts = [0];
			for (const match of xml.matchAll(/\n/g)) starts.push(match.index + 1);
		}
		const lineText = (line: number) => xml.slice(starts![line - 1], starts![line] ?? xml.length);
		let line = locator.lineNumber;
		const column = locator.columnNumber ?? 1;
		if (lineText(line).slice(column).trim() !== '') return { line, column };
		while (line < starts.length && lineText(line + 1).trim() === '') line++;
		return { line: Math.min(line + 1, starts.length) };
	};
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
	report: Report
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
			whereIs(interviewees[0]),
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
	const written = (duration?.textContent ?? '').trim();
	const seconds = readClock(written);
	if (seconds === undefined || seconds === 0) {
		const what = !duration
			? 'no <duration>'
			: written === ''
				? 'empty <duration>'
				: seconds === 0
					? `<duration> is zero (${written})`
					: `<duration> "${written}" is not a time (H:MM:SS)`;
		report('warning', whereIs(duration ?? record), `${what}: the recording's own length is used`);
	} else {
		meta.duration = seconds;
	}
	// The recording's own subjects and keywords (not its index points'): a clip has no place for
	// them yet, and the archivist is told rather than left to find them gone.
	const unkept = [...childElements(record)].filter(
		(e) => (e.localName === 'subject' || e.localName === 'keyword') && e.textContent?.trim()
	);
	if (unkept.length > 0) {
		report(
			'warning',
			whereIs(unkept[0]),
			`the recording's own <subject> and <keyword> entries (${unkept.length}) are not kept: the clip has no place for them (the index points' are kept)`
		);
	}
	return meta;
}

/** `H:MM:SS`, `MM:SS` or plain seconds; undefined when it is none of these. */
function readClock(value: string): number | undefined {
	const parts = value.trim().split(':');
	if (parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p)) || parts.length > 3) return undefined;
	return parts.reduce((total, p) => total * 60 + Number(p), 0);
}

/**
 * Two `<br>` or more in a row (with the spaces around them, never a line break): a new paragraph,
 * where a single `<br>` is a line break (see repair.ts).
 */
const PARAGRAPH_BREAK = /(?:<br[ \t]*\/?>[ \t]*){2,}/gi;
// Stands in for a paragraph break while captions.ts reads the cue text.
const PARAGRAPH_MARK = '\ue010';
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * The WebVTT inside `<vtt_transcript>`, its lines counted from where it sits in the XML. A cue of
 * several paragraphs (`<br><br>`) becomes a cue per paragraph: a cue is what the page shows as a
 * paragraph, and WebVTT has no blank line within a cue. The cue's time is shared between them in
 * proportion to their length, and the starts so estimated are marked, for alignment to move.
 * A translation's paragraphs start where the original's cues do (`boundaries`, sorted), as the
 * build requires of a translation: one with no such place inside its cue stays one cue.
 */
function fromVtt(
	element: Element,
	file: string,
	catalogued: number | undefined,
	boundaries?: number[]
): { cues: ImportCue[]; problems: Problem[] } {
	const content = element.firstChild;
	const firstLine = content?.lineNumber ?? element.lineNumber ?? 1;
	const vtt = element.textContent ?? '';
	// Blank lines before WEBVTT are left out, and counted so lines stay right.
	const leading = vtt.length - vtt.trimStart().length;
	const skipped = vtt.slice(0, leading).split('\n').length - 1;
	const source = vtt.trimStart();
	const marked = source.includes(PARAGRAPH_MARK)
		? source
		: source.replace(PARAGRAPH_BREAK, PARAGRAPH_MARK);
	const { result, problems } = parseWebVtt(marked, file, firstLine - 1 + skipped);

	const cues: ImportCue[] = [];
	let split = 0;
	let firstSplit: number | undefined;
	result.cues.forEach((cue, i) => {
		if (!cue.text.includes(PARAGRAPH_MARK)) {
			cues.push(cue);
			return;
		}
		const paragraphs = cue.text
			.split(PARAGRAPH_MARK)
			.map((p) =>
				p
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean)
					.join('\n')
			)
			.filter(Boolean);
		const start = cue.start!;
		// An end before the start (which repairTimes reports) leaves the next cue's start, or the
		// catalogued duration, as the time the paragraphs share.
		const next = result.cues[i + 1]?.start;
		const end =
			cue.end! > start
				? cue.end!
				: next !== undefined && next > start
					? next
					: catalogued !== undefined && catalogued > start
						? catalogued
						: undefined;
		const starts = end === undefined ? [] : paragraphStarts(paragraphs, start, end, boundaries);
		if (paragraphs.length > 1 && end === undefined) {
			problems.push({
				severity: 'warning',
				file,
				line: cue.line,
				message: `the cue at ${formatTime(start, 3)} has ${paragraphs.length} paragraphs ("<br><br>") but no end time to share between them: they are kept in one cue, one line each`
			});
		}
		// Paragraphs with no start of their own join the one before, as lines.
		const pieces: { start: number; text: string }[] = [];
		paragraphs.forEach((text, k) => {
			const at = k === 0 ? start : starts[k - 1];
			if (at === undefined || (pieces.length > 0 && at <= pieces.at(-1)!.start)) {
				if (pieces.length > 0) pieces.at(-1)!.text += `\n${text}`;
				else pieces.push({ start, text });
			} else {
				pieces.push({ start: at, text });
			}
		});
		if (pieces.length > 1) {
			split++;
			firstSplit ??= cue.line;
		}
		pieces.forEach((piece, k) => {
			const last = k === pieces.length - 1;
			cues.push({
				...cue,
				start: piece.start,
				end: last ? cue.end! : pieces[k + 1]!.start,
				text: piece.text,
				// (A translation's starts are the original's.)
				...(k > 0 && !boundaries ? { estimatedStart: true } : {})
			});
		});
	});
	if (split > 0) {
		problems.push({
			severity: 'warning',
			file,
			line: firstSplit,
			message: `"<br><br>" begins a paragraph: ${split} cue${split === 1 ? '' : 's'} of several paragraphs became a cue per paragraph (the first at this line); ${boundaries ? 'a paragraph of the translation starts where a cue of the original does' : 'the starts after the first within a cue are estimated from the length of the text until the clip is aligned'}`
		});
	}
	return { cues, problems };
}

/**
 * Where each paragraph after the first begins, within the cue's span: in proportion to the
 * text before it; or, for a translation, at the nearest of the original's cue starts strictly
 * inside the span (undefined where there is none).
 */
function paragraphStarts(
	paragraphs: string[],
	start: number,
	end: number,
	boundaries: number[] | undefined
): (number | undefined)[] {
	const total = paragraphs.reduce((n, p) => n + p.length, 0);
	const starts: (number | undefined)[] = [];
	let before = 0;
	for (const paragraph of paragraphs.slice(0, -1)) {
		before += paragraph.length;
		const estimate = ms(start + ((end - start) * before) / total);
		starts.push(boundaries ? nearestInside(boundaries, estimate, start, end) : estimate);
	}
	return starts;
}

/** The value of a sorted list nearest to `target` that lies strictly between `low` and `high`. */
function nearestInside(sorted: number[], target: number, low: number, high: number) {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid]! < target) lo = mid + 1;
		else hi = mid;
	}
	const candidates = [sorted[lo - 1], sorted[lo]].filter(
		(v): v is number => v !== undefined && v > low && v < high
	);
	candidates.sort((a, b) => Math.abs(a - target) - Math.abs(b - target));
	return candidates[0];
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
	const first = whereIs(element.firstChild) ?? whereIs(element) ?? { line: 1 };
	const firstLine = first.line ?? 1;
	const raw = (element.textContent ?? '').replace(/\r\n?/g, '\n');
	const texts = raw.split('\n');
	// Line breaks written as `&#10;` (an export on one line) are no lines of the file: then every
	// line of the text is placed where the text begins.
	const after = element.nextSibling?.lineNumber;
	const physical = after === undefined || after === null || after >= firstLine + texts.length - 1;
	const lines: SourceLine[] = texts.map((text, i) => ({
		text,
		line: physical ? firstLine + i : firstLine
	}));
	const columnOf = (line: number) =>
		line === firstLine && first.column ? { column: first.column } : {};
	// Headings are paragraphs of their own, and abbreviations end no sentence (see prose.ts).
	// With a translation, paragraph cues (not sentences), so that the two pair one for one.
	const prose = proseCues(lines, { sentences: !paired }, file, columnOf);
	const { prepared, text, cues } = prose;
	problems.push(...prose.problems);

	const anchors: Anchor[] = [];
	const syncRaw = sync?.textContent ?? '';
	const syncText = syncRaw.trim();
	// Where each entry is: from the start of <sync>'s text (a one-line export has all its
	// problems on one line, and only the column tells them apart).
	const syncWhere = placeWithin(
		syncRaw,
		whereIs(sync?.firstChild) ?? whereIs(sync) ?? {},
		syncRaw.length - syncRaw.trimStart().length
	);
	const warn = (message: string, offset = 0) =>
		problems.push({ severity: 'warning', file, ...syncWhere(offset), message });
	if (syncText) {
		const head = /^(\d+):/.exec(syncText);
		const interval = head ? Number(head[1]) * 60 : 0;
		if (!interval) {
			warn(`<sync> does not start with an interval in minutes ("1:|…"): the text is untimed`);
		} else {
			// `1:|25(2)|…`: the first `|` opens the list. An empty entry is a minute with no marker,
			// and still counts.
			let offset = head![0].length;
			let list = syncText.slice(offset);
			if (list.startsWith('|')) {
				list = list.slice(1);
				offset++;
			}
			list.split('|').forEach((entry, i) => {
				const entryOffset = offset;
				offset += entry.length + 1;
				if (entry.trim() === '') return;
				const time = (i + 1) * interval;
				const point = /^\s*(\d+)\((\d+)\)\s*$/.exec(entry);
				const warnHere = (message: string) => warn(message, entryOffset);
				if (!point) {
					warnHere(`sync point ${i + 1} ("${entry}", at ${at(time)}) is not line(word): dropped`);
					return;
				}
				const line = Number(point[1]);
				const word = Number(point[2]);
				if (catalogued !== undefined && time > catalogued) {
					warnHere(
						`sync point ${i + 1} (at ${at(time)}) is past the catalogued duration (${at(catalogued)}): dropped`
					);
					return;
				}
				const where =
					line >= 1 && line <= lines.length
						? text.position(prepared.indexOf(line - 1), Math.max(word, 1) - 1)
						: undefined;
				if (!where) {
					warnHere(
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
					warnHere(
						`sync point ${i + 1} (at ${at(time)}) is at or before the previous one in the text: dropped`
					);
					return;
				}
				if (!where.sameLine) {
					warnHere(
						`sync point ${i + 1} (at ${at(time)}) is at line ${line}, word ${word}, past the end of that line: taken as the next word of the text`
					);
				}
				anchors.push({ time, cue: where.cue, word: where.word });
			});
		}
	}
	return { cues, anchors, problems };
}

/**
 * The place in the file of an offset in an element's text (`trimmed` characters into it, where
 * its trimmed text begins), given where the text starts. Offsets are asked in increasing order,
 * so the line breaks before them are counted once.
 */
function placeWithin(
	raw: string,
	start: Where,
	trimmed: number
): (offset: number) => Where | undefined {
	if (!start.line) return () => undefined;
	let counted = 0;
	let line = start.line;
	let lineStart = -(start.column ?? 1) + 1;
	return (offset) => {
		const target = trimmed + offset;
		for (let i = raw.indexOf('\n', counted); i >= 0 && i < target; i = raw.indexOf('\n', i + 1)) {
			line++;
			lineStart = i + 1;
			counted = i + 1;
		}
		return { line, column: target - lineStart + 1 };
	};
}

function readIndex(
	index: Element | undefined,
	child: (parent: Element, name: string) => Element | undefined,
	text: (name: string, parent?: Element) => string,
	report: Report
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
		const where = whereIs(point);
		const time = readClock(text('time', point));
		const title = text('title', point).replace(/\s+/g, ' ');
		if (time === undefined) {
			report(
				'error',
				whereIs(child(point, 'time')) ?? where,
				`index point "${title}" has no readable <time> (seconds)`
			);
			continue;
		}
		if (!title) {
			report('error', where, `index point at ${at(time)} has no <title>`);
			continue;
		}
		const links = readLinks(point, report, `index point "${title}"`);
		const chapter: ImportChapter = {
			start: time,
			title,
			synopsis: optional(text('synopsis', point)),
			keywords: list(text('keywords', point)),
			subjects: list(text('subjects', point)),
			partialTranscript: optional(text('partial_transcript', point)),
			links: links.original,
			line: where?.line ?? 0
		};
		const altTitle = text('title_alt', point).replace(/\s+/g, ' ');
		if (altTitle) {
			chapter.alt = {
				title: altTitle,
				synopsis: optional(text('synopsis_alt', point)),
				keywords: list(text('keywords_alt', point)),
				subjects: list(text('subjects_alt', point)),
				partialTranscript: optional(text('partial_transcript_alt', point)),
				links: links.alt
			};
		}
		const gps = [...descendants(point, ['gpspoints'])].find(
			(e) => e.localName === 'gps' && e.textContent?.trim()
		);
		if (gps) {
			report(
				'warning',
				whereIs(gps),
				`index point "${title}" has map points (<gps>), which the site does not show: left out`
			);
		}
		const previous = chapters.at(-1);
		if (previous && time <= previous.start) {
			report(
				'error',
				where,
				`index point "${title}" at ${at(time)} is not after the previous one (${at(previous.start)})`
			);
			continue;
		}
		chapters.push(chapter);
	}
	return chapters;
}

/** A point's children, and the children of those of its children named in `groups`. */
function* descendants(point: Element, groups: string[]): Generator<Element> {
	for (const element of childElements(point)) {
		if (groups.includes(element.localName ?? '')) yield* childElements(element);
		else yield element;
	}
}

/**
 * An index point's links: `<hyperlinks>` groups of `<hyperlink>` (the address), `<hyperlink_text>`
 * and `<hyperlink_text_alt>`, or the same directly in the point; each `<hyperlink>` begins a
 * link. Only web addresses are kept (a `javascript:` address would run in the reader's page).
 */
function readLinks(
	point: Element,
	report: Report,
	what: string
): { original?: ChapterLink[]; alt?: ChapterLink[] } {
	type Found = { address: string; text: string; alt: string; element: Element };
	const found: Found[] = [];
	for (const element of descendants(point, ['hyperlinks'])) {
		const value = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
		if (element.localName === 'hyperlink') {
			found.push({ address: value, text: '', alt: '', element });
		} else if (
			element.localName === 'hyperlink_text' ||
			element.localName === 'hyperlink_text_alt'
		) {
			let link = found.at(-1);
			if (!link || (element.localName === 'hyperlink_text' ? link.text : link.alt)) {
				link = { address: '', text: '', alt: '', element };
				found.push(link);
			}
			if (element.localName === 'hyperlink_text') link.text = value;
			else link.alt = value;
		}
	}
	const original: ChapterLink[] = [];
	const alt: ChapterLink[] = [];
	for (const link of found) {
		if (!link.address && !link.text && !link.alt) continue;
		const url = webAddress(link.address);
		if (!url) {
			report(
				'warning',
				whereIs(link.element),
				link.address
					? `${what}: the link "${link.address}" is not a web address (http or https): left out`
					: `${what}: the link "${link.text || link.alt}" has no address (<hyperlink>): left out`
			);
			continue;
		}
		original.push(link.text ? { url, text: link.text } : { url });
		// The translation's words for the link, or the original's where it has none.
		const altText = link.alt || link.text;
		alt.push(altText ? { url, text: altText } : { url });
	}
	return original.length > 0 ? { original, alt } : {};
}
