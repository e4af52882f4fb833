import type { Localized } from '../i18n/localized.ts';
import type { GrammaticalGender } from '../i18n/messages.ts';
import { matchesStem, queryStems, words } from './fold.ts';

/*
 * A search index in static files, sized for archives of thousands of hours: words are split into
 * shards by their first three (folded) letters, so a query downloads only the shards of its own
 * words, never the whole index; the lines it finds come from small blocks of cue text.
 *
 *   search/index.json           the clips and languages (small)
 *   search/shards/<key>.json    { word: [first posting, gap, gap, …] } for the words beginning
 *                               with <key>: postings ascending, stored as gaps so a common
 *                               word's long list is short digits that compress well
 *   search/text/<clip>/<lang>-<block>.json   [[start, end, text], …] for TEXT_BLOCK cues
 */

export const SHARD_PREFIX = 3;
export const TEXT_BLOCK = 100;
export const INDEX_VERSION = 2;

/** A cue's address packed in one number: clip, language and cue index. */
const CUE_SPAN = 2 ** 20;
const LANG_SPAN = 2 ** 6;
export const encodePosting = (clip: number, lang: number, cue: number) =>
	(clip * LANG_SPAN + lang) * CUE_SPAN + cue;
export function decodePosting(posting: number): { clip: number; lang: number; cue: number } {
	const cue = posting % CUE_SPAN;
	const rest = Math.floor(posting / CUE_SPAN);
	return { clip: Math.floor(rest / LANG_SPAN), lang: rest % LANG_SPAN, cue };
}

/** The shard a folded word (or a query stem) lives in. */
export const shardKey = (folded: string) => [...folded].slice(0, SHARD_PREFIX).join('');

/** A shard key as a file name: code points in base 36 (keys are Cyrillic, Latin, digits…). */
export const shardFile = (key: string) =>
	[...key].map((c) => c.codePointAt(0)!.toString(36)).join('-');

export interface IndexedClip {
	slug: string;
	title: Localized;
	witness: string;
	/** The witness's name in each language that writes it differently. */
	witnessNames: Localized;
	witnessGender?: GrammaticalGender;
	/** A synthesized narration, not the witness's voice: its results say so. */
	synthesized: boolean;
	/** The clip's transcript languages, original first. */
	languages: string[];
}

export interface IndexMeta {
	version: number;
	textBlock: number;
	/** Every language, numbered as in postings. */
	languages: string[];
	clips: IndexedClip[];
}

/** A shard file as parsed: word → postings, as gaps. */
export type Shard = Record<string, number[]>;
/**
 * A shard as built: word → absolute postings. A Map, because words are untrusted keys: in a
 * plain object "constructor" or "__proto__" would find Object.prototype's members.
 */
export type ShardWords = Map<string, number[]>;
/** [start, end, text] */
export type TextRow = [number, number, string];

export interface SourceCue {
	start: number;
	end: number;
	text: string;
}
export interface SourceClip extends IndexedClip {
	/** `chapters`: chapter titles, synopses and keywords in the track's language (optional). */
	tracks: { lang: string; cues: SourceCue[]; chapters?: SourceCue[] }[];
}

export interface BuiltIndex {
	meta: IndexMeta;
	shards: Map<string, ShardWords>;
	/** Keyed by `<clip>/<lang>-<block>`. */
	texts: Map<string, TextRow[]>;
}

export const textFile = (clip: string, lang: string, block: number) => `${clip}/${lang}-${block}`;

/**
 * Builds the index one clip at a time, so that a collection of any size is indexed holding one
 * clip's cues at a time: what it keeps is the postings, a number per word of each line.
 * `languages` are every language of the collection (postings number them). Deterministic.
 */
export class IndexBuilder {
	readonly shards = new Map<string, ShardWords>();
	#languages: string[];
	#clips: IndexedClip[] = [];

	constructor(languages: Iterable<string>) {
		this.#languages = [...new Set(languages)].sort();
	}

	/** Adds the next clip's words (clips are numbered in the order they are added). */
	add({ tracks, ...clip }: SourceClip): void {
		const c = this.#clips.push(clip) - 1;
		for (const track of tracks) {
			const l = this.#languages.indexOf(track.lang);
			// A chapter's words find the line it begins with: results stay lines of the transcript.
			const chapterText = new Map<number, string>();
			for (const chapter of track.chapters ?? []) {
				const i = track.cues.findIndex((cue) => cue.end > chapter.start);
				if (i >= 0) chapterText.set(i, `${chapterText.get(i) ?? ''}\n${chapter.text}`);
			}
			track.cues.forEach((cue, i) => {
				const posting = encodePosting(c, l, i);
				const text = cue.text + (chapterText.get(i) ?? '');
				for (const word of new Set(words(text).map((w) => w.folded))) {
					const key = shardKey(word);
					let shard = this.shards.get(key);
					if (!shard) this.shards.set(key, (shard = new Map()));
					const postings = shard.get(word);
					if (postings) postings.push(posting);
					else shard.set(word, [posting]);
				}
			});
		}
	}

	get meta(): IndexMeta {
		return {
			version: INDEX_VERSION,
			textBlock: TEXT_BLOCK,
			languages: this.#languages,
			clips: this.#clips
		};
	}
}

/** How many text blocks a track of `cues` cues has. */
export const textBlockCount = (cues: number) => Math.ceil(cues / TEXT_BLOCK);

/** One text block of a track: the rows of its cues `block * TEXT_BLOCK` onwards. */
export function textBlock(cues: SourceCue[], block: number): TextRow[] {
	return cues
		.slice(block * TEXT_BLOCK, (block + 1) * TEXT_BLOCK)
		.map((cue): TextRow => [cue.start, cue.end, cue.text]);
}

/** Builds the whole index at once (for a collection in memory). */
export function buildIndex(clips: SourceClip[]): BuiltIndex {
	const builder = new IndexBuilder(clips.flatMap((c) => c.tracks.map((t) => t.lang)));
	const texts = new Map<string, TextRow[]>();
	for (const clip of clips) {
		builder.add(clip);
		for (const track of clip.tracks) {
			for (let b = 0; b < textBlockCount(track.cues.length); b++) {
				texts.set(textFile(clip.slug, track.lang, b), textBlock(track.cues, b));
			}
		}
	}
	return { meta: builder.meta, shards: builder.shards, texts };
}

/** Serialises a shard: words in a stable order, each word's postings ascending, as gaps. */
export function shardJson(shard: ShardWords | Shard): string {
	// Object.fromEntries defines own properties, so a word "__proto__" is written as any other.
	return JSON.stringify(
		Object.fromEntries(
			(shard instanceof Map ? [...shard] : Object.entries(shard))
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([word, postings]) => [word, toGaps(postings)])
		)
	);
}

function toGaps(postings: number[]): number[] {
	const sorted = [...postings].sort((a, b) => a - b);
	return sorted.map((p, i) => (i === 0 ? p : p - sorted[i - 1]!));
}

export interface Hit {
	clip: number;
	lang: number;
	cue: number;
}

/**
 * The cues holding every word of the query (each matched by its stem), in collection order.
 * `loadShard` returns a parsed shard file (postings as gaps), or undefined when there is none.
 */
export async function findCues(
	query: string,
	loadShard: (key: string) => Promise<Shard | undefined>
): Promise<{ stems: string[]; hits: Hit[] }> {
	const stems = queryStems(query);
	if (stems.length === 0) return { stems, hits: [] };
	const perStem = await Promise.all(
		stems.map(async (s) => {
			const shard = (await loadShard(shardKey(s))) ?? {};
			const found = new Set<number>();
			for (const [word, postings] of Object.entries(shard)) {
				if (!matchesStem(word, s)) continue;
				let posting = 0;
				for (const gap of postings) found.add((posting += gap));
			}
			return found;
		})
	);
	perStem.sort((a, b) => a.size - b.size);
	const [smallest, ...rest] = perStem;
	const hits = [...smallest!]
		.filter((p) => rest.every((set) => set.has(p)))
		.sort((a, b) => a - b)
		.map(decodePosting);
	return { stems, hits };
}
