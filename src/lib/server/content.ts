import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadCollection, type LoadResult } from '../content/collection.ts';
import type { ContentSource } from '../content/types.ts';
import { analyseAudioCached } from './audio.ts';

/** The content folder; tests and benchmarks point it elsewhere with TRANSCRIPTS_DIR. */
export function transcriptsDir(): string {
	return resolve(process.env.TRANSCRIPTS_DIR ?? 'transcripts');
}

/** A ContentSource backed by a folder on disk. */
export function folderSource(dir: string): ContentSource {
	const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
	return {
		root: relative(process.cwd(), dir) || '.',
		async list(folder) {
			try {
				const entries = await readdir(join(dir, folder), { withFileTypes: true });
				return entries.map((e) => ({ name: e.name, isFolder: e.isDirectory() }));
			} catch (error) {
				if (isMissing(error)) return [];
				throw error;
			}
		},
		async readText(path) {
			try {
				// Bytes that are not UTF-8 come back as U+FFFD, which the loader reports with their line.
				return await readFile(join(dir, path), 'utf8');
			} catch (error) {
				if (isMissing(error)) return undefined;
				throw error;
			}
		},
		async analyseAudio(path) {
			const file = join(dir, path);
			const info = await stat(file).catch((error) => {
				if (isMissing(error)) return undefined;
				throw error;
			});
			return info?.isFile() ? analyseAudioCached(file) : undefined;
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

/** Forget what was read, so the next getContent() reads the folder again (dev server edits). */
export function forgetContent(): void {
	cache.loaded = undefined;
}

/** Absolute path of a file in a clip's folder. */
export function clipFile(slug: string, file: string): string {
	return join(transcriptsDir(), slug, file);
}
