import type { UiLanguage } from '../i18n/languages.ts';
import { formatTime } from './time.ts';

export interface Passage {
	/** The quoted words, cue by cue, in the shown language. */
	lines: string[];
	/** The same passage in the original language, when a translation is quoted. */
	originalLines?: string[];
	lang: string;
	originalLang?: string;
	speaker?: string;
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
	{ accessed: string; synthesized: string; quote: (title: string) => string }
> = {
	en: { accessed: 'accessed', synthesized: 'synthesized narration', quote: (t) => `“${t}”` },
	fr: { accessed: 'consulté le', synthesized: 'narration synthétisée', quote: (t) => `« ${t} »` },
	uk: { accessed: 'дата звернення:', synthesized: 'синтезоване озвучення', quote: (t) => `«${t}»` },
	lt: { accessed: 'žiūrėta', synthesized: 'sintezuotas įgarsinimas', quote: (t) => `„${t}“` }
};

/** `1:23–1:47`: the passage's time range as printed in a citation. */
export function timeRange(start: number, end: number): string {
	return `${formatTime(start)}–${formatTime(Math.ceil(end))}`;
}

/**
 * A reference for the passage, in the order historians cite oral history: witness, title,
 * time range, collection, archive credit, URL, access date.
 */
export function formatCitation(passage: Passage, source: CitationSource): string {
	const words = WORDS[source.locale];
	const accessed = new Intl.DateTimeFormat(source.locale, {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(source.accessed);
	const title = words.quote(source.title);
	const nature = source.synthesized ? ` (${words.synthesized})` : '';
	return `${source.witness}, ${title}${nature}, ${timeRange(passage.start, passage.end)}. ${source.collection}. ${source.credit}. ${source.url} (${words.accessed} ${accessed}).`;
}

/** The quotation as plain text: the words, the original if translated, then the citation. */
export function formatPlainQuote(passage: Passage, source: CitationSource): string {
	const quote = (lines: string[]) => lines.join(' ');
	const parts = [quote(passage.lines)];
	if (passage.originalLines)
		parts.push(`[${passage.originalLang}] ${quote(passage.originalLines)}`);
	parts.push(`— ${formatCitation(passage, source)}`);
	return parts.join('\n\n');
}

/** The quotation as Markdown: a block quote per language, then the citation with a link. */
export function formatMarkdownQuote(passage: Passage, source: CitationSource): string {
	const block = (lines: string[]) => lines.map((line) => `> ${escapeMarkdown(line)}`).join('\n>\n');
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
