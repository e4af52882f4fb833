import { createHash } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { base } from '$app/paths';
import { findClip } from '$lib/content/summary';
import type { OfflineEntry } from '$lib/kiosk/offline';
import { fileDigest } from '$lib/server/content-hash.js';
import { mapLimited } from '$lib/content/collection';
import { clipFile, getContent } from '$lib/server/content';
import { rewrittenForSite } from '$lib/server/publish-media';
import { peaksFile } from '$lib/server/peaks';
import type { RequestHandler } from './$types';

/**
 * What the kiosk's service worker stores on first load so that the kiosk works offline: its
 * pages and their data, and each kiosk clip's audio, transcripts and peaks. (The scripts and
 * styles come from the service worker's own list of the build.) Files get their size and
 * SHA-256, so that a truncated or stale copy is never stored. The digests are of the bytes the
 * build publishes: read from the collection's files a chunk at a time (the build copies those
 * very files), and from the same function that writes peaks.json.
 */
export const prerender = true;

/** The entry for bytes the build computes itself: their size and digest. */
const ofBytes = (url: string, bytes: Uint8Array): OfflineEntry => ({
	url,
	size: bytes.length,
	sha256: createHash('sha256').update(bytes).digest('hex')
});

export const GET: RequestHandler = async () => {
	const { collection, audio } = await getContent();
	const pages = ['/kiosk', ...collection.kiosk.clips.map((slug) => `/kiosk/clips/${slug}`)];
	const files = await mapLimited(
		collection.kiosk.clips,
		4,
		async (slug): Promise<OfflineEntry[]> => {
			const clip = findClip(collection, slug)!;
			const analysis = audio.get(slug)!;
			const peaks = new TextEncoder().encode(peaksFile(analysis));
			return [
				ofBytes(`${base}/clips/${slug}/peaks.json`, peaks),
				...(await Promise.all(
					clip.files.map(async ({ name, bytes }) => {
						const url = `${base}/media/${slug}/${name}`;
						// A transcript is published rewritten (publish-media.ts): its own size and digest.
						const rewritten = await rewrittenForSite(clipFile(slug, name));
						if (rewritten) return ofBytes(url, rewritten);
						// The audio's digest is known from its analysis.
						const sha256 = name === clip.audio ? analysis.sha256 : fileDigest(clipFile(slug, name));
						return { url, size: bytes, sha256 };
					})
				))
			];
		}
	);
	const entries: OfflineEntry[] = [
		...pages.flatMap((page) => [{ url: base + page }, { url: `${base}${page}/__data.json` }]),
		...files.flat()
	];
	return json({ entries });
};
