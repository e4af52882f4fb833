import {
	findCues,
	shardFile,
	textFile,
	type IndexedClip,
	type IndexMeta,
	type Shard,
	type TextRow
} from './index.ts';
import { stem, words } from './fold.ts';

/**
 * At most this many different words are searched. Each one costs a shard request and a pass
 * over the shard, so a pasted page of text (or a shared link with a thousand words) would
 * otherwise fire thousands of requests and freeze the page; 32 is far beyond any real query.
 */
export const MAX_TERMS = 32;

/**
 * The beginning of a query that holds its first `max` different search words (as the index
 * matches them: stems of two letters or more), and whether anything after them was left out.
 */
export function capQuery(query: string, max = MAX_TERMS): { query: string; capped: boolean } {
	const seen = new Set<string>();
	for (const word of words(query)) {
		const stemmed = stem(word.folded);
		if (stemmed.length <= 1 || seen.has(stemmed)) continue;
		if (seen.size === max) return { query: query.slice(0, word.start).trim(), capped: true };
		seen.add(stemmed);
	}
	return { query, capped: false };
}

export interface SearchResult {
	clip: IndexedClip;
	lang: string;
	cue: number;
	start: number;
	end: number;
	text: string;
	/** The lines before and after, for context. */
	before?: string;
	after?: string;
}

export interface SearchResults {
	/** The part of the query that was searched (see capQuery). */
	searched: string;
	/** Whether words past the first MAX_TERMS were left out. */
	capped: boolean;
	stems: string[];
	total: number;
	results: SearchResult[];
}

/** Reads a JSON file of the index; undefined when it does not exist. */
export type FetchJson = (path: string) => Promise<unknown>;

/**
 * Searches the static index under `root` (e.g. `/search`), fetching only what a query needs
 * and remembering what it fetched. `limit` results get their text and neighbours.
 */
export function createSearcher(root: string, fetchJson: FetchJson) {
	const cache = new Map<string, Promise<unknown>>();
	const get = (path: string) => {
		let entry = cache.get(path);
		if (!entry) cache.set(path, (entry = fetchJson(`${root}/${path}`)));
		return entry;
	};
	const meta = () => get('index.json') as Promise<IndexMeta>;

	async function row(clip: string, lang: string, cue: number, block: number) {
		if (cue < 0) return undefined;
		const rows = (await get(`text/${textFile(clip, lang, Math.floor(cue / block))}.json`)) as
			TextRow[] | undefined;
		return rows?.[cue % block];
	}

	return {
		meta,
		async search(query: string, limit = 100): Promise<SearchResults> {
			const index = await meta();
			const { query: searched, capped } = capQuery(query);
			const { stems, hits } = await findCues(
				searched,
				(key) => get(`shards/${shardFile(key)}.json`) as Promise<Shard | undefined>
			);
			const results = await Promise.all(
				hits.slice(0, limit).map(async (hit): Promise<SearchResult | undefined> => {
					const clip = index.clips[hit.clip];
					const lang = index.languages[hit.lang];
					if (!clip || !lang) return undefined;
					const [before, found, after] = await Promise.all(
						[hit.cue - 1, hit.cue, hit.cue + 1].map((i) => row(clip.slug, lang, i, index.textBlock))
					);
					if (!found) return undefined;
					return {
						clip,
						lang,
						cue: hit.cue,
						start: found[0],
						end: found[1],
						text: found[2],
						before: before?.[2],
						after: after?.[2]
					};
				})
			);
			return {
				searched,
				capped,
				stems,
				total: hits.length,
				results: results.filter((r) => r !== undefined)
			};
		}
	};
}

/** Splits a text into plain and matching parts, for marking matches without markup. */
export function highlight(
	text: string,
	spans: { start: number; end: number }[]
): { text: string; match: boolean }[] {
	const parts: { text: string; match: boolean }[] = [];
	let at = 0;
	for (const span of spans) {
		if (span.start > at) parts.push({ text: text.slice(at, span.start), match: false });
		parts.push({ text: text.slice(span.start, span.end), match: true });
		at = span.end;
	}
	if (at < text.length) parts.push({ text: text.slice(at), match: false });
	return parts;
}
