import { Unzip, UnzipInflate, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { MAX_TEXT_FILE_BYTES, MAX_XML_DEPTH, megabytes } from '../content/limits.ts';
import type { Problem } from '../content/problems.ts';
import { proseCues } from './prose.ts';
import {
	CUE_BYTES,
	cuesTooLarge,
	sourceTooLarge,
	splitSpeaker,
	vttTooLarge,
	type SourceLine
} from './text.ts';
import type { ImportedTranscript, Parsed } from './types.ts';

/*
 * Untimed transcripts: plain text and Word documents. Speakers are `NAME:` prefixes; a blank line
 * or a new name starts a turn. Cues get provisional times later (spreadCues) until alignment.
 */

function fromLines(
	lines: SourceLine[],
	file: string,
	source: 'txt' | 'docx',
	unit: string
): Parsed<ImportedTranscript> {
	const problems: Problem[] = [];
	// Headings are paragraphs of their own, and abbreviations end no sentence (see prose.ts).
	const prose = proseCues(lines, { sentences: true }, file);
	const { cues } = prose;
	const { speakers } = prose.text;
	problems.push(...prose.problems);
	const tooLarge = cuesTooLarge(cues, file);
	if (tooLarge) return { result: untimed(source), problems: [tooLarge] };
	if (cues.length === 0) {
		problems.push({
			severity: 'error',
			file,
			line: 1,
			message: `no text in the ${unit === 'line' ? 'file' : 'document'}`
		});
	}
	const unnamed = cues.filter((c) => !c.speaker);
	if (speakers.length > 0 && unnamed.length > 0) {
		// Worth a look: text before the first name, or a paragraph that lost its speaker.
		problems.push({
			severity: 'warning',
			file,
			line: unnamed[0]!.line,
			message: `${unit} without a speaker (NAME:) in a transcript that names speakers (${listed(speakers)})`
		});
	}
	return { result: { ...untimed(source), cues }, problems };
}

/** A transcript with no cues yet. */
const untimed = (source: 'txt' | 'docx'): ImportedTranscript => ({
	source,
	meta: {},
	timed: false,
	cues: [],
	anchors: [],
	chapters: []
});

/** The first few of many names, so a message stays a line long. */
function listed(names: string[], most = 10): string {
	if (names.length <= most) return names.join(', ');
	return `${names.slice(0, most).join(', ')} and ${(names.length - most).toLocaleString('en')} more`;
}

/**
 * A plain-text transcript (UTF-8; see notUtf8 for files that are not). Read line by line with
 * nothing kept for a blank line but the first of a run (they only end turns), and refused as
 * soon as it has more turns than the build's limit has room for (each is a cue of at least
 * CUE_BYTES of WebVTT), before any cue is made: 50 MB of short lines would make millions.
 */
export function parseText(source: string, file: string): Parsed<ImportedTranscript> {
	const tooLarge = sourceTooLarge(source, file);
	if (tooLarge) return { result: untimed('txt'), problems: [tooLarge] };
	const lines: SourceLine[] = [];
	let blank = true;
	// The least the WebVTT can be: its signature, and each turn's cue with a character of text.
	let least = 'WEBVTT\n'.length;
	let passed: number | undefined;
	forEachLine(source.replace(/^\ufeff/, ''), (text, line) => {
		if (passed !== undefined) return;
		if (text.trim() === '') {
			if (!blank) lines.push({ text: '', line });
			blank = true;
			return;
		}
		if (blank || splitSpeaker(text).speaker !== undefined) least += CUE_BYTES + 1;
		if (least > MAX_TEXT_FILE_BYTES) passed = line;
		blank = false;
		lines.push({ text, line });
	});
	if (passed !== undefined)
		return { result: untimed('txt'), problems: [vttTooLarge(file, passed)] };
	return fromLines(lines, file, 'txt', 'line');
}

/**
 * Calls `visit` with each line of a text and its number, as `split(/\r\n|\r|\n/)` would give
 * them, without making the list of them.
 */
function forEachLine(text: string, visit: (line: string, number: number) => void): void {
	// The next line feed and carriage return found so far; Infinity once there is none.
	let feed = -1;
	let carriage = -1;
	const find = (char: string, from: number) => {
		const at = text.indexOf(char, from);
		return at < 0 ? Infinity : at;
	};
	for (let start = 0, number = 1; ; number++) {
		if (feed < start) feed = find('\n', start);
		if (carriage < start) carriage = find('\r', start);
		const end = Math.min(feed, carriage, text.length);
		visit(text.slice(start, end), number);
		if (end === text.length) return;
		start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
	}
}

/**
 * A Word document (.docx), read with mammoth. Lines in its messages are paragraph numbers, as
 * Word shows no line numbers; an empty paragraph separates turns as a blank line does.
 * Its XML is unzipped and measured first (see readDocxParts), and mammoth reads only that.
 */
export async function parseDocx(
	bytes: Uint8Array,
	file: string
): Promise<Parsed<ImportedTranscript>> {
	const unreadable = (reason: string): Parsed<ImportedTranscript> => ({
		result: untimed('docx'),
		problems: [{ severity: 'error', file, message: `not a readable .docx file: ${reason}` }]
	});
	const parts = readDocxParts(bytes);
	if (typeof parts === 'string') return unreadable(parts);
	let extracted: { value: string; messages: { type: string; message: string }[] };
	try {
		// Stored, not compressed: mammoth unzips only what was measured, and no more.
		const checked = zipSync(parts, { level: 0 });
		const buffer = Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength);
		extracted = await mammoth.extractRawText({ buffer });
	} catch (error) {
		return unreadable((error as Error).message);
	}
	// One per kind of element it does not know, and the kinds are the document's to invent.
	const problems: Problem[] = extracted.messages
		.slice(0, MAX_WORD_MESSAGES)
		.map(({ type, message }) => ({
			severity: type === 'error' ? 'error' : 'warning',
			file,
			message: `Word: ${message}`
		}));
	if (extracted.messages.length > MAX_WORD_MESSAGES) {
		problems.push({
			severity: 'warning',
			file,
			message: `more than ${MAX_WORD_MESSAGES} messages from Word: only the first ${MAX_WORD_MESSAGES} are listed`
		});
	}
	const text = extracted.value;
	// mammoth ends every paragraph with a blank line: one line per paragraph, then, and an
	// empty paragraph (a blank line in Word) becomes an empty line.
	const paragraphs = text.replace(/\n\n$/, '').split('\n\n');
	const lines = paragraphs.map((p, i) => ({ text: p.replace(/\n/g, ' '), line: i + 1 }));
	const parsed = fromLines(lines, file, 'docx', 'paragraph');
	parsed.problems = [...problems, ...parsed.problems];
	return parsed;
}

// Enough to see what a document's trouble is: as many as the build lists of markup warnings.
const MAX_WORD_MESSAGES = 1000;
// A Word document has a few dozen parts (a few hundred with many pictures). Past this it is
// not one; and fflate's streaming unzip slows down with the square of their number.
const MAX_DOCX_PARTS = 10_000;
// mammoth holds about 1 KB of objects for each XML element, attribute or text: a million of
// them take 1.5 GB. Word writes a few dozen for each paragraph, so a ten-hour interview (some
// 3,000 paragraphs) has about 100,000.
const MAX_DOCX_NODES = 1_000_000;
// Compressed bytes unzipped at a time. DEFLATE expands at most about 1,000 times, so the
// unzip is stopped at most about 16 MB past the limit.
const UNZIP_STEP = 16 * 1024;

/**
 * The XML parts of a .docx (all that mammoth reads for text: pictures are left zipped), or why
 * they cannot be read: more than MAX_TEXT_FILE_BYTES of XML once unzipped (a 1 MB file can
 * unzip to gigabytes), too many parts, elements nested deeper than MAX_XML_DEPTH (mammoth
 * reads them recursively, and 10,000 levels overflowed the stack), or more elements,
 * attributes and texts than mammoth can hold. Each is found while unzipping or in one pass
 * over the XML.
 */
function readDocxParts(bytes: Uint8Array): Record<string, Uint8Array> | string {
	const chunks = new Map<string, Uint8Array[]>();
	let total = 0;
	let entries = 0;
	let stop: string | undefined;
	const unzip = new Unzip((entry) => {
		if (++entries > MAX_DOCX_PARTS) {
			stop ??= `more than ${MAX_DOCX_PARTS.toLocaleString('en')} files inside it, which no Word document has: the file is damaged or not a Word document (save it again from Word, or as plain text)`;
			return;
		}
		if (!/\.(xml|rels)$/i.test(entry.name)) return;
		const parts: Uint8Array[] = [];
		chunks.set(entry.name, parts);
		entry.ondata = (error, chunk) => {
			if (stop) return;
			if (error) {
				stop = `${entry.name} does not unzip (${error.message})`;
				return;
			}
			total += chunk.length;
			if (total > MAX_TEXT_FILE_BYTES) {
				stop = `its text (${entry.name} and the other XML inside it) unzips to more than ${megabytes(MAX_TEXT_FILE_BYTES)}, the most the import reads: save it as plain text (.txt) and import that, or split it`;
				return;
			}
			parts.push(chunk);
		};
		entry.start();
	});
	unzip.register(UnzipInflate);
	try {
		for (let at = 0; at < bytes.length && !stop; at += UNZIP_STEP) {
			unzip.push(bytes.subarray(at, at + UNZIP_STEP), at + UNZIP_STEP >= bytes.length);
		}
	} catch (error) {
		return stop ?? (error as Error).message;
	}
	if (stop) return stop;
	if (chunks.size === 0) {
		return 'there is no Word document in it (is it an older .doc, or not a Word file? open it in Word and save it as .docx)';
	}
	const parts: Record<string, Uint8Array> = {};
	let nodes = 0;
	for (const [name, pieces] of chunks) {
		const xml = joinChunks(pieces);
		const shape = xmlShape(xml, MAX_DOCX_NODES - nodes);
		if (shape.depth > MAX_XML_DEPTH) {
			return `${name} nests elements more than ${MAX_XML_DEPTH} deep, which Word never does: the file is damaged or was not made by a word processor (save it again from Word, or as plain text)`;
		}
		nodes += shape.nodes;
		if (nodes > MAX_DOCX_NODES) {
			return `it is too complex to read (more than ${MAX_DOCX_NODES.toLocaleString('en')} XML elements, attributes and texts): save it as plain text (.txt) and import that, or split it`;
		}
		parts[name] = xml;
	}
	return parts;
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
	if (chunks.length === 1) return chunks[0]!;
	let length = 0;
	for (const chunk of chunks) length += chunk.length;
	const joined = new Uint8Array(length);
	let at = 0;
	for (const chunk of chunks) {
		joined.set(chunk, at);
		at += chunk.length;
	}
	return joined;
}

const byte = (char: string) => char.charCodeAt(0);
const LT = byte('<');
const GT = byte('>');
const SLASH = byte('/');
const EQUALS = byte('=');
const BANG = byte('!');
const QUESTION = byte('?');
const QUOTE = byte('"');
const APOSTROPHE = byte("'");
const COMMENT = Buffer.from('<!--');
const CDATA = Buffer.from('<![CDATA[');

/** Whether `bytes` has `part` at `at`, compared in place (no search: that was quadratic). */
function hasAt(bytes: Uint8Array, at: number, part: Uint8Array): boolean {
	if (at + part.length > bytes.length) return false;
	for (let k = 0; k < part.length; k++) if (bytes[at + k] !== part[k]) return false;
	return true;
}

/**
 * The deepest nesting of elements in an XML text, and its count of nodes (elements, attributes,
 * texts and the rest), in one pass without recursion, stopping once either passes its limit.
 * It never counts less than an XML parser finds: what is inside comments, CDATA, processing
 * instructions and declarations is skipped as a parser skips it, and a `>` or `/>` inside a
 * quoted attribute value ends nothing.
 */
export function xmlShape(xml: Uint8Array, maxNodes = Infinity): { depth: number; nodes: number } {
	const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
	let depth = 0;
	let deepest = 0;
	let nodes = 0;
	const skipTo = (end: string, from: number) => {
		const at = text.indexOf(end, from);
		return at < 0 ? text.length : at + end.length;
	};
	let i = text.indexOf(LT);
	// Where the last tag (or comment…) ended: anything between it and the next is a text.
	let after = 0;
	while (i >= 0 && i < text.length && deepest <= MAX_XML_DEPTH && nodes <= maxNodes) {
		if (i > after) nodes++;
		const next = text[i + 1];
		if (next === SLASH) {
			// An end tag closes a node counted at its start.
			depth = Math.max(0, depth - 1);
			i = skipTo('>', i + 2);
		} else {
			nodes++;
			if (next === QUESTION) i = skipTo('?>', i + 2);
			else if (hasAt(text, i, COMMENT)) i = skipTo('-->', i + 4);
			else if (hasAt(text, i, CDATA)) i = skipTo(']]>', i + 9);
			else if (next === BANG) i = skipTo('>', i + 2);
			else {
				// A start tag: to its `>`, outside quotes, counting its attributes by their `=`.
				let quote = 0;
				let j = i + 1;
				for (; j < text.length; j++) {
					const c = text[j]!;
					if (quote) {
						if (c === quote) quote = 0;
					} else if (c === QUOTE || c === APOSTROPHE) quote = c;
					else if (c === EQUALS) nodes++;
					else if (c === GT) break;
				}
				if (text[j - 1] !== SLASH) deepest = Math.max(deepest, ++depth);
				i = j + 1;
			}
		}
		after = i;
		i = text.indexOf(LT, i);
	}
	return { depth: deepest, nodes };
}
