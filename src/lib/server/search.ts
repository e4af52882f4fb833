import { buildIndex, type BuiltIndex } from '../search/index.ts';
import { chapterSearchText } from '../content/chapters.ts';
import type { Collection } from '../content/types.ts';
import { getContent } from './content.ts';

/** The collection as a search index (see $lib/search/index). */
export function indexCollection(collection: Collection): BuiltIndex {
	return buildIndex(
		collection.clips.map((clip) => ({
			slug: clip.slug,
			title: clip.title,
			witness: clip.witness,
			witnessName: clip.witnessName,
			synthesized: clip.provenance.synthesized,
			languages: clip.tracks.map((t) => t.lang),
			tracks: clip.tracks.map((t) => ({
				lang: t.lang,
				cues: t.cues,
				chapters: (clip.chapters[t.lang] ?? []).map((c) => ({ ...c, text: chapterSearchText(c) }))
			}))
		}))
	);
}

let built: Promise<BuiltIndex> | undefined;

/** The index of the collection, built once per build. */
export function getSearchIndex(): Promise<BuiltIndex> {
	built ??= getContent().then(({ collection }) => indexCollection(collection));
	return built;
}
