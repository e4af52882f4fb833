import type { Clip, Track } from '../content/types.ts';

/*
 * While the server renders a clip page, its server load hands the clip's whole tracks to its
 * universal load through here, outside the page's data: the data leaves out the text the page
 * shows as markup (see outline.ts), yet the server needs that text to write the markup. Only
 * the server ever fills this; in the browser it stays empty.
 */
const clips = new Map<string, Clip>();
/** Clips kept: one page renders at a time in the build; a few for the dev server's requests. */
const KEPT = 4;

export function handOver(clip: Clip): void {
	// Only the last few: the build renders every clip of an archive, and each holds its cues.
	clips.delete(clip.slug);
	clips.set(clip.slug, clip);
	if (clips.size > KEPT) clips.delete(clips.keys().next().value!);
}

export function takeOver(slug: string, lang: string): Track {
	const track = clips.get(slug)?.tracks.find((t) => t.lang === lang);
	if (!track) throw new Error(`clip ${slug}: no ${lang} track was handed over by the server load`);
	return track;
}
