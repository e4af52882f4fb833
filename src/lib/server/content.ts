import { join, relative, resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { loadCollection, type LoadResult } from '../content/collection.ts';
import { findClip } from '../content/summary.ts';
import type { Clip, Collection, ContentSource } from '../content/types.ts';
import { analyseAudioCached } from './audio.ts';
import { CollectionFiles } from './collection-files.ts';

/** The content folder; tests and benchmarks point it elsewhere with TRANSCRIPTS_DIR. */
export function transcriptsDir(): string {
	return resolve(process.env.TRANSCRIPTS_DIR ?? 'transcripts');
}

/**
 * A ContentSource backed by a folder on disk. It reads only regular files inside the folder
 * (see CollectionFiles): a pipe, a device, a broken link or a link leaving the folder is refused.
 */
export function folderSource(dir: string): ContentSource {
	const files = new CollectionFiles(dir);
	return {
		root: relative(process.cwd(), dir) || '.',
		list: (folder) => files.list(folder),
		readText: (path) => files.readText(path),
		async analyseAudio(path) {
			const real = await files.regularFile(path);
			return real === undefined ? undefined : analyseAudioCached(real);
		}
	};
}

// Kept on globalThis because in dev the Vite plugin and the pages load this module separately,
// and an edit seen by the plugin must reach the pages.
const store = globalThis as typeof globalThis & {
	__testimonyContent?: { loaded?: Promise<LoadResult> };
};
const cache = (store.__testimonyContent ??= {});

/**
 * The collection, read once per process. The build has already stopped on any error (see
 * contentPlugin), so pages and endpoints can rely on it.
 */
export function getContent(): Promise<LoadResult> {
	cache.loaded ??= loadCollection(folderSource(transcriptsDir()));
	return cache.loaded;
}

/** Every clip's slug: the prerender entries of each page and file made per clip. */
export async function clipEntries(): Promise<{ slug: string }[]> {
	const { collection } = await getContent();
	return collection.clips.map((clip) => ({ slug: clip.slug }));
}

/**
 * The clip a route's `[slug]` names, with the collection it is in; else a 404 with `message`.
 * `among`, when given, lists the slugs a route serves (the kiosk's, say): any other is a 404 too.
 */
export async function clipOr404(
	slug: string,
	message = 'No such recording',
	among?: (collection: Collection) => readonly string[]
): Promise<{ clip: Clip; collection: Collection }> {
	const { collection } = await getContent();
	const clip = among && !among(collection).includes(slug) ? undefined : findClip(collection, slug);
	if (!clip) error(404, message);
	return { clip, collection };
}

/** Forget what was read, so the next getContent() reads the folder again (dev server edits). */
export function forgetContent(): void {
	cache.loaded = undefined;
}

/** Absolute path of a file in a clip's folder. */
export function clipFile(slug: string, file: string): string {
	return join(transcriptsDir(), slug, file);
}
