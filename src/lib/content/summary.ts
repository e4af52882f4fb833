import type { Clip, Collection } from './types.ts';

/** What lists of clips need: everything but the cues. */
export type ClipSummary = Omit<Clip, 'tracks' | 'chapters'> & { languages: string[] };

export function summarizeClip(clip: Clip): ClipSummary {
	const { tracks, chapters: _chapters, ...rest } = clip;
	return { ...rest, languages: tracks.map((track) => track.lang) };
}

/** Files of a clip the site publishes under /media/<slug>/: the audio, transcripts, chapters. */
export function publishedFiles(clip: Clip): string[] {
	return [
		clip.audio,
		...clip.tracks.map((t) => t.file),
		...Object.keys(clip.chapters).map((l) => `chapters.${l}.vtt`)
	];
}

export function findClip(collection: Collection, slug: string): Clip | undefined {
	return collection.clips.find((clip) => clip.slug === slug);
}
