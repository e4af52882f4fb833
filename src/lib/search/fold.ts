/*
 * Search folds words so that the spellings a reader is likely to type meet the spellings in the
 * transcripts: case, diacritics (Valiutė = Valiute), apostrophe variants (’ ' ʼ, or none), the
 * Ukrainian ґ/г and ї/і/и/й pairs that keyboards and transliterations blur, and Lithuanian y/i
 * (Kengyras, Kengir). Folding happens both when indexing and when searching, so only recall
 * changes: what is shown is always the original text.
 */

const APOSTROPHES = /['’ʼ‘`´]/g;
const MARKS = /\p{M}/gu;
const CYRILLIC_PAIRS: Record<string, string> = { ґ: 'г', і: 'и', ї: 'и', й: 'и', ё: 'е', є: 'е' };

/** Folds one word (or any text) for matching. */
export function fold(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(APOSTROPHES, '')
			// Map the Cyrillic pairs before decomposing: й and ї lose their marks in NFD anyway.
			.replace(/[ґіїйёє]/g, (c) => CYRILLIC_PAIRS[c]!)
			.normalize('NFD')
			.replace(MARKS, '')
			.replace(/y/g, 'i')
	);
}

/** A word of a text and where it is, so that matches can be marked in the original. */
export interface Word {
	folded: string;
	start: number;
	end: number;
}

// Letters and digits, with apostrophes inside a word (l’évasion, п’ять) kept in it.
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;

/** The words of a text, folded, with their offsets in the original. */
export function words(text: string): Word[] {
	return [...text.matchAll(WORD)].map((m) => ({
		folded: fold(m[0]),
		start: m.index,
		end: m.index + m[0].length
	}));
}

/**
 * How a query word is matched: words that begin with its stem. Long words lose up to two final
 * letters, which covers most inflections in Lithuanian, Ukrainian, French and English
 * (Kengir / Kengiro, втеча / втечі, informer / informers) without a stemmer per language.
 */
export function stem(foldedWord: string): string {
	if (foldedWord.length <= 4) return foldedWord;
	return foldedWord.slice(0, Math.max(4, foldedWord.length - 2));
}

/** The query's stems, in order, without repeats; words of one letter are dropped. */
export function queryStems(query: string): string[] {
	return [...new Set(words(query).map((w) => stem(w.folded)))].filter((s) => s.length > 1);
}

/** Whether a folded word matches a stem: a prefix match for stems of 3 letters or more. */
export function matchesStem(foldedWord: string, stemmed: string): boolean {
	return stemmed.length >= 3 ? foldedWord.startsWith(stemmed) : foldedWord === stemmed;
}

/** Spans of the original text that match any of the stems, for highlighting. */
export function matchSpans(text: string, stems: string[]): { start: number; end: number }[] {
	return words(text)
		.filter((w) => stems.some((s) => matchesStem(w.folded, s)))
		.map(({ start, end }) => ({ start, end }));
}

/** Whether a text holds a match for every stem (a line found by the query). */
export function containsAll(text: string, stems: string[]): boolean {
	const folded = words(text).map((w) => w.folded);
	return stems.every((s) => folded.some((w) => matchesStem(w, s)));
}
