import { createHash } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { base } from '$app/paths';
import { findClip, publishedFiles } from '$lib/content/summary';
import type { OfflineEntry } from '$lib/kiosk/offline';
import { getContent } from '$lib/server/content';
import type { RequestHandler } from './$types';

/**
 * What the kiosk's service worker stores on first load so that the kiosk works offline: its
 * pages and their data, and each kiosk clip's audio, transcripts and peaks. (The scripts and
 * styles come from the service worker's own list of the build.) Files get their size and
 * SHA-256, so that a truncated or stale copy is never stored; they are read through the routes
 * that publish them, so the digests are of the very bytes the build writes.
 */
export const prerender = true;

export const GET: RequestHandler = async ({ fetch }) => {
	const { collection } = await getContent();
	const pages = ['/kiosk', ...collection.kiosk.clips.map((slug) => `/kiosk/clips/${slug}`)];
	const files = collection.kiosk.clips.flatMap((slug) => [
		`/clips/${slug}/peaks.json`,
		...publishedFiles(findClip(collection, slug)!).map((file) => `/media/${slug}/${file}`)
	]);
	const checked = await Promise.all(
		files.map(async (path): Promise<OfflineEntry> => {
			const response = await fetch(base + path);
			if (!response.ok) throw new Error(`offline.json: ${path} answered ${response.status}`);
			const bytes = new Uint8Array(await response.arrayBuffer());
			const sha256 = createHash('sha256').update(bytes).digest('hex');
			return { url: base + path, size: bytes.length, sha256 };
		})
	);
	const entries: OfflineEntry[] = [
		...pages.flatMap((page) => [{ url: base + page }, { url: `${base}${page}/__data.json` }]),
		...checked
	];
	return json({ entries });
};
