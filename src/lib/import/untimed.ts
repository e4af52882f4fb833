import mammoth from 'mammoth';
import type { Problem } from '../content/problems.ts';
import { cuesFromLines, type SourceLine } from './text.ts';
import type { ImportedTranscript, Parsed } from './types.ts';

/*
 * Untimed transcripts: plain text and Word documents. Speakers are `NAME:` prefixes; a blank line
 * or a new name starts a turn. Cues get provisional times later (spreadCues) until alignment.
 */

const NEWLINE = /\r\n|\r|\n/;

function fromLines(
	lines: SourceLine[],
	file: string,
	source: 'txt' | 'docx',
	unit: string
): Parsed<ImportedTranscript> {
	const problems: Problem[] = [];
	const { cues, speakers } = cuesFromLines(lines, { sentences: true });
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
			message: `${unit} without a speaker (NAME:) in a transcript that names speakers (${speakers.join(', ')})`
		});
	}
	return {
		result: { source, meta: {}, timed: false, cues, anchors: [], chapters: [] },
		problems
	};
}

/** A plain-text transcript (UTF-8; see notUtf8 for files that are not). */
export function parseText(source: string, file: string): Parsed<ImportedTranscript> {
	const lines = source
		.replace(/^\ufeff/, '')
		.split(NEWLINE)
		.map((text, i) => ({ text, line: i + 1 }));
	const parsed = fromLines(lines, file, 'txt', 'line');
	return parsed;
}

/**
 * A Word document (.docx), read with mammoth. Lines in its messages are paragraph numbers, as
 * Word shows no line numbers; an empty paragraph separates turns as a blank line does.
 */
export async function parseDocx(
	bytes: Uint8Array,
	file: string
): Promise<Parsed<ImportedTranscript>> {
	let text: string;
	const problems: Problem[] = [];
	try {
		const extracted = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
		text = extracted.value;
		for (const message of extracted.messages) {
			problems.push({
				severity: message.type === 'error' ? 'error' : 'warning',
				file,
				message: `Word: ${message.message}`
			});
		}
	} catch (error) {
		return {
			result: { source: 'docx', meta: {}, timed: false, cues: [], anchors: [], chapters: [] },
			problems: [
				{
					severity: 'error',
					file,
					message: `not a readable .docx file: ${(error as Error).message}`
				}
			]
		};
	}
	// mammoth ends every paragraph with a blank line: one line per paragraph, then, and an
	// empty paragraph (a blank line in Word) becomes an empty line.
	const paragraphs = text.replace(/\n\n$/, '').split('\n\n');
	const lines = paragraphs.map((p, i) => ({ text: p.replace(/\n/g, ' '), line: i + 1 }));
	const parsed = fromLines(lines, file, 'docx', 'paragraph');
	parsed.problems.unshift(...problems);
	return parsed;
}
