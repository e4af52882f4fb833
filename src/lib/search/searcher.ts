import {
	findCues,
	shardFile,
	textFile,
	type IndexedClip,
	type IndexMeta,
	type Shard,
	type TextRow
} from './index.ts';

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
			const { stems, hits } = await findCues(
				query,
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
