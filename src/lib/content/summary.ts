import type { ClipEntry, Collection } from './types.ts';

/** What lists of clips need: everything but the cues. */
export type ClipSummary = Omit<ClipEntry, 'tracks' | 'chapters' | 'files'> & {
	languages: string[];
};

export function summarizeClip(clip: ClipEntry): ClipSummary {
	const { tracks, chapters: _chapters, files: _files, ...rest } = clip;
	return { ...rest, languages: tracks.map((track) => track.lang) };
}

/** Files of a clip the site publishes under /media/<slug>/: the audio, transcripts, chapters. */
export function publishedFiles(clip: Pick<ClipEntry, 'files'>): string[] {
	return clip.files.map((file) => file.name);
}

export function findClip(collection: Collection, slug: string): ClipEntry | undefined {
	return collection.clips.find((clip) => clip.slug === slug);
}
