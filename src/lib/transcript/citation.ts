import type { UiLanguage } from '../i18n/languages.ts';
import { formatTime } from './time.ts';

/** One quoted cue: its words, and its speaker (`<v>`) when the transcript names one. */
export interface QuotedLine {
	speaker?: string;
	text: string;
}

export interface Passage {
	/** The quoted words, cue by cue, in the shown language. */
	lines: QuotedLine[];
	/** The same passage in the original language, when a translation is quoted. */
	originalLines?: QuotedLine[];
	lang: string;
	originalLang?: string;
	start: number;
	end: number;
}

export interface CitationSource {
	witness: string;
	title: string;
	collection: string;
	credit: string;
	url: string;
	accessed: Date;
	/** Language of the citation's own words (dates, "accessed"). */
	locale: UiLanguage;
	synthesized: boolean;
}

/** Each language's own words and quotation marks for a citation, as its style guides write it. */
const WORDS: Record<
	UiLanguage,
	{
		accessed: string;
		narrator: (witness: string) => string;
		recordingOf: (witness: string) => string;
		quote: (title: string) => string;
	}
> = {
	en: {
		accessed: 'accessed',
		narrator: (witness) => `Narrator of the edition (synthesized narration; subject: ${witness})`,
		recordingOf: (witness) => `in the recording of ${witness}`,
		quote: (t) => `“${t}”`
	},
	fr: {
		accessed: 'consulté le',
		narrator: (witness) => `Narrateur de l’édition (narration synthétisée ; sujet : ${witness})`,
		recordingOf: (witness) => `dans l’enregistrement du témoin ${witness}`,
		quote: (t) => `« ${t} »`
	},
	uk: {
		accessed: 'дата звернення:',
		narrator: (witness) =>
			`Оповідач видання (синтезоване озвучення про запис, у якому свідчить ${witness})`,
		recordingOf: (witness) => `у записі, у якому свідчить ${witness}`,
		quote: (t) => `«${t}»`
	},
	lt: {
		accessed: 'žiūrėta',
		narrator: (witness) =>
			`Leidimo pasakotojas (sintezuotas įgarsinimas apie įrašą, kuriame liudija ${witness})`,
		recordingOf: (witness) => `įraše, kuriame liudija ${witness}`,
		quote: (t) => `„${t}“`
	}
};

/** `1:23–1:47`: the passage's time range as printed in a citation. */
export function timeRange(start: number, end: number): string {
	return `${formatTime(start)}–${formatTime(Math.ceil(end))}`;
}

/**
 * Who a quotation is by. A synthesized narration's words are the edition's narrator's, never
 * the witness's: the witness is its subject. A recording's words are its speakers' (`<v>`);
 * lines with no speaker are the witness's, and other speakers are placed in the witness's
 * recording. Also the media session's "artist", with no speakers.
 */
export function quoteAuthor(source: CitationSource, speakers: (string | undefined)[]): string {
	const words = WORDS[source.locale];
	if (source.synthesized) return words.narrator(source.witness);
	const named = [...new Set(speakers.map((s) => s?.trim() || source.witness))];
	if (named.length === 0 || (named.length === 1 && named[0] === source.witness)) {
		return source.witness;
	}
	const list = new Intl.ListFormat(source.locale, { type: 'conjunction' }).format(named);
	return `${list} (${words.recordingOf(source.witness)})`;
}

/**
 * A reference for the passage, in the order historians cite oral history: author, title,
 * time range, collection, archive credit, URL, access date.
 */
export function formatCitation(passage: Passage, source: CitationSource): string {
	const words = WORDS[source.locale];
	const accessed = new Intl.DateTimeFormat(source.locale, {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(source.accessed);
	const title = words.quote(source.title);
	const author = quoteAuthor(
		source,
		passage.lines.map((line) => line.speaker)
	);
	return `${author}, ${title}, ${timeRange(passage.start, passage.end)}. ${source.collection}. ${source.credit}. ${source.url} (${words.accessed} ${accessed}).`;
}

/** Consecutive lines of one speaker, as one turn: a quotation names each speaker once per turn. */
export function speakerTurns(lines: QuotedLine[]): { speaker?: string; texts: string[] }[] {
	const turns: { speaker?: string; texts: string[] }[] = [];
	for (const { speaker, text } of lines) {
		const last = turns.at(-1);
		if (last && last.speaker === speaker) last.texts.push(text);
		else turns.push({ speaker, texts: [text] });
	}
	return turns;
}

/** The quotation as plain text: the words, the original if translated, then the citation. */
export function formatPlainQuote(passage: Passage, source: CitationSource): string {
	const quote = (lines: QuotedLine[]) =>
		speakerTurns(lines)
			.map((turn) => (turn.speaker ? `${turn.speaker}: ` : '') + turn.texts.join(' '))
			.join('\n');
	const parts = [quote(passage.lines)];
	if (passage.originalLines)
		parts.push(`[${passage.originalLang}] ${quote(passage.originalLines)}`);
	parts.push(`— ${formatCitation(passage, source)}`);
	return parts.join('\n\n');
}

/** The quotation as Markdown: a block quote per language, then the citation with a link. */
export function formatMarkdownQuote(passage: Passage, source: CitationSource): string {
	const block = (lines: QuotedLine[]) =>
		speakerTurns(lines)
			.flatMap((turn) =>
				turn.texts.map((text, i) => {
					const who = turn.speaker && i === 0 ? `**${escapeMarkdown(turn.speaker)}:** ` : '';
					return `> ${who}${escapeMarkdown(text)}`;
				})
			)
			.join('\n>\n');
	const parts = [block(passage.lines)];
	if (passage.originalLines) parts.push(block(passage.originalLines));
	const citation = formatCitation(passage, source).replace(source.url, `<${source.url}>`);
	parts.push(
		`— ${escapeMarkdown(citation).replace(escapeMarkdown(`<${source.url}>`), `<${source.url}>`)}`
	);
	return parts.join('\n\n');
}

/** Escapes the characters Markdown would take as formatting, leaving every letter as it is. */
export function escapeMarkdown(text: string): string {
	return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
