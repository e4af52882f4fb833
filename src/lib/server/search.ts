import { chapterSearchText } from '../content/chapters.ts';
import type { Clip, ClipEntry } from '../content/types.ts';
import {
	IndexBuilder,
	shardFile,
	textBlockCount,
	textFile,
	type IndexMeta,
	type ShardWords,
	type SourceClip
} from '../search/index.ts';
import { getClip, getContent } from './content.ts';

/** The search index as the build publishes it (see $lib/search/index). */
export interface CollectionIndex {
	meta: IndexMeta;
	/** Shards by file name (without `.json`). */
	shards: Map<string, ShardWords>;
	/** Text blocks by `<clip>/<lang>-<block>`: where to find them, not their text. */
	blocks: Map<string, { clip: ClipEntry; lang: string; block: number }>;
}

/** What the index needs of a clip. */
export function sourceClip(clip: Clip): SourceClip {
	return {
		slug: clip.slug,
		title: clip.title,
		witness: clip.witness,
		witnessNames: clip.witnessNames,
		witnessGender: clip.witnessGender,
		synthesized: clip.provenance.synthesized,
		languages: clip.tracks.map((t) => t.lang),
		tracks: clip.tracks.map((t) => ({
			lang: t.lang,
			cues: t.cues,
			chapters: (clip.chapters[t.lang] ?? []).map((c) => ({ ...c, text: chapterSearchText(c) }))
		}))
	};
}

/**
 * Indexes the collection clip by clip, reading each clip's cues and letting them go: it keeps
 * the postings, never the collection's text (a text block is cut from its clip when written).
 */
async function indexCollection(): Promise<CollectionIndex> {
	const { collection } = await getContent();
	const builder = new IndexBuilder(collection.clips.flatMap((c) => c.tracks.map((t) => t.lang)));
	const blocks: CollectionIndex['blocks'] = new Map();
	for (const entry of collection.clips) {
		builder.add(sourceClip(await getClip(entry)));
		for (const track of entry.tracks) {
			for (let block = 0; block < textBlockCount(track.cueCount); block++) {
				blocks.set(textFile(entry.slug, track.lang, block), {
					clip: entry,
					lang: track.lang,
					block
				});
			}
		}
	}
	const shards = new Map([...builder.shards].map(([key, words]) => [shardFile(key), words]));
	return { meta: builder.meta, shards, blocks };
}

let built: Promise<CollectionIndex> | undefined;

/** The index of the collection, built once per build. */
export function getSearchIndex(): Promise<CollectionIndex> {
	built ??= indexCollection();
	return built;
}
