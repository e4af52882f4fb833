import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { error } from '@sveltejs/kit';
import { loadCollection, readTracks, type LoadResult } from '../content/collection.ts';
import { findClip } from '../content/summary.ts';
import type { Clip, ClipEntry, Collection, ContentSource } from '../content/types.ts';
import { analyseAudioCached } from './audio.ts';
import { CollectionFiles } from './collection-files.ts';
import { recoverInterruptedCommit } from './collection-transaction.ts';

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
	__testimonyContent?: { loaded?: Promise<LoadResult>; recent?: Map<string, Promise<Clip>> };
};
const cache = (store.__testimonyContent ??= {});

/**
 * The collection in a folder, after finishing any commit of an import or align that a kill
 * interrupted (see collection-transaction.ts): the build then reads it as it was before the
 * change or as it is after, never in between.
 */
function readFolder(dir: string, options?: Parameters<typeof loadCollection>[1]) {
	recoverInterruptedCommit(dir);
	return loadCollection(folderSource(dir), options);
}

/**
 * The collection, read once per process. The build has already stopped on any error (see
 * contentPlugin), so pages and endpoints can rely on it. In the build's prerender it comes from
 * the snapshot the build's check wrote (see snapshotContent), not from reading everything again.
 */
export function getContent(): Promise<LoadResult> {
	const snapshot = process.env[SNAPSHOT_VARIABLE];
	cache.loaded ??=
		snapshot && existsSync(join(snapshot, COLLECTION_SNAPSHOT))
			? readFile(join(snapshot, COLLECTION_SNAPSHOT)).then(
					(bytes) => deserialize(bytes) as LoadResult
				)
			: readFolder(transcriptsDir());
	return cache.loaded;
}

/*
 * The build checks the collection (contentPlugin), then SvelteKit prerenders it in a worker
 * thread of its own, which would read, hash and parse every file of the archive again. Instead
 * the check writes what it learnt into a folder of .svelte-kit: the collection (without cues)
 * and each clip's parsed tracks, which the prerender reads (V8's own serialisation: a clip's
 * cues come back some ten times faster than from WebVTT). The worker finds the folder through
 * an environment variable, which a worker thread inherits.
 */
const SNAPSHOT_VARIABLE = 'TESTIMONY_CONTENT_SNAPSHOT';
const COLLECTION_SNAPSHOT = 'collection.bin';
const clipSnapshot = (dir: string, slug: string) => join(dir, 'clips', `${slug}.bin`);

/** Checks the collection as getContent() does, and writes the snapshot the prerender reads. */
export async function snapshotContent(dir: string): Promise<LoadResult> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(join(dir, 'clips'), { recursive: true });
	cache.loaded = readFolder(transcriptsDir(), {
		onClip: (clip) => writeFile(clipSnapshot(dir, clip.slug), serialize(clip))
	});
	const loaded = await cache.loaded;
	await writeFile(join(dir, COLLECTION_SNAPSHOT), serialize(loaded));
	process.env[SNAPSHOT_VARIABLE] = dir;
	return loaded;
}

/** Every clip's slug: the prerender entries of each page and file made per clip. */
export async function clipEntries(): Promise<{ slug: string }[]> {
	const { collection } = await getContent();
	return collection.clips.map((clip) => ({ slug: clip.slug }));
}

/**
 * The clip a route's `[slug]` names as the collection lists it (without cues), with the
 * collection; else a 404 with `message`. `among`, when given, lists the slugs a route serves
 * (the kiosk's, say): any other is a 404 too.
 */
export async function entryOr404(
	slug: string,
	message = 'No such recording',
	among?: (collection: Collection) => readonly string[]
): Promise<{ clip: ClipEntry; collection: Collection }> {
	const { collection } = await getContent();
	const clip = among && !among(collection).includes(slug) ? undefined : findClip(collection, slug);
	if (!clip) error(404, message);
	return { clip, collection };
}

/** Like entryOr404, with the clip's cues: for the routes that show or publish them. */
export async function clipOr404(
	...args: Parameters<typeof entryOr404>
): Promise<{ clip: Clip; collection: Collection }> {
	const { clip, collection } = await entryOr404(...args);
	return { clip: await getClip(clip), collection };
}

/*
 * The last few clips read whole. The prerender visits one route's pages clip after clip (every
 * clip page, then every cues.json…), so a few are enough for the routes of one clip to share a
 * read, and memory holds a few clips' cues, never the collection's.
 */
const RECENT_CLIPS = 4;

/** A clip with its cues, read from its files (see readTracks). */
export function getClip(entry: ClipEntry): Promise<Clip> {
	const recent = (cache.recent ??= new Map());
	let clip = recent.get(entry.slug);
	const snapshot = process.env[SNAPSHOT_VARIABLE];
	if (clip) recent.delete(entry.slug);
	else if (snapshot) {
		clip = readFile(clipSnapshot(snapshot, entry.slug)).then((bytes) => deserialize(bytes) as Clip);
	} else clip = readTracks(folderSource(transcriptsDir()), entry);
	recent.set(entry.slug, clip);
	if (recent.size > RECENT_CLIPS) recent.delete(recent.keys().next().value!);
	return clip;
}

/** Forget what was read, so the next getContent() reads the folder again (dev server edits). */
export function forgetContent(): void {
	cache.loaded = undefined;
	cache.recent = undefined;
}

/** Absolute path of a file in a clip's folder. */
export function clipFile(slug: string, file: string): string {
	return join(transcriptsDir(), slug, file);
}
