import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { mapLimited } from '../content/collection.ts';
import { withoutCueIdentifiers } from '../transcript/published-vtt.ts';
import { statSignature } from './content-hash.js';

/*
 * The recordings and transcripts in the built site (build/media/<clip>/<file>), copied from the
 * collection by the system, a chunk at a time (or cloned where the file system can), so a file
 * of any size is published. An archive's recordings are tens of gigabytes, and SvelteKit's
 * adapter empties build/ at every build: so the build keeps its copy of them in its own folder
 * (.svelte-kit/testimony-media), copies there only what changed in the collection since the last
 * build, and links them into build/ (a copy where it cannot link). These are the build's own
 * files, never links to the archive's: nothing done to build/ can touch transcripts/. A build
 * that fails leaves build/ as it was.
 */

/**
 * The bytes the site publishes for a collection file that it rewrites: a WebVTT file without
 * its cue identifiers (see published-vtt.ts). Undefined for a file published as it is.
 */
export async function rewrittenForSite(from: string): Promise<Uint8Array | undefined> {
	if (!from.endsWith('.vtt')) return undefined;
	return new TextEncoder().encode(withoutCueIdentifiers(await readFile(from, 'utf8')));
}

/** A file to publish: where it is in the collection, and its path under media/. */
export interface MediaFile {
	from: string;
	to: string;
}

/**
 * Brings the build's copy of the media up to date with the collection (what changed is copied,
 * what is no longer published removed), then puts it in the site under media/. `state` is the
 * build's own folder. Returns how many files were copied from the collection, and the bytes.
 */
export async function publishMedia(
	outDir: string,
	files: MediaFile[],
	state = '.svelte-kit'
): Promise<{ copied: number; bytes: number }> {
	const kept = join(state, 'testimony-media');
	const record = join(state, 'testimony-media.json');
	// What each kept file was copied from, to tell what changed since.
	const before: Record<string, string> = existsSync(kept)
		? await readFile(record, 'utf8').then(JSON.parse, () => ({}))
		: {};
	const wanted = new Set(files.map(({ to }) => to));
	if (existsSync(kept)) {
		for (const entry of await readdir(kept, { recursive: true, withFileTypes: true })) {
			const path = relative(kept, join(entry.parentPath, entry.name));
			if (entry.isFile() && !wanted.has(path)) await rm(join(kept, path), { force: true });
		}
	}
	const after: Record<string, string> = {};
	let copied = 0;
	let bytes = 0;
	await mapLimited(files, 4, async ({ from, to }) => {
		const copy = join(kept, to);
		const info = await stat(from);
		const { size } = info;
		const source = statSignature(info);
		// A WebVTT file is published rewritten (small: rewritten at every build, to know its size).
		const rewritten = await rewrittenForSite(from);
		const publishedSize = rewritten?.length ?? size;
		if (
			before[to] !== source ||
			(await stat(copy).catch(() => undefined))?.size !== publishedSize
		) {
			await mkdir(dirname(copy), { recursive: true });
			if (rewritten) await writeFile(copy, rewritten);
			else await copyFile(from, copy, constants.COPYFILE_FICLONE);
			copied++;
		}
		after[to] = source;
		bytes += size;

		const published = join(outDir, 'media', to);
		await mkdir(dirname(published), { recursive: true });
		await rm(published, { force: true });
		// Another file system (BUILD_DIR elsewhere) cannot link: copy.
		await link(copy, published).catch(() => copyFile(copy, published, constants.COPYFILE_FICLONE));
	});
	await writeFile(record, JSON.stringify(after));
	return { copied, bytes };
}
