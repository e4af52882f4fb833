import { json } from '@sveltejs/kit';
import { base } from '$app/paths';
import { findClip, publishedFiles } from '$lib/content/summary';
import { getContent } from '$lib/server/content';

/**
 * What the kiosk's service worker stores on first load so that the kiosk works offline: its
 * pages and their data, and each kiosk clip's audio, transcripts and peaks. (The scripts and
 * styles come from the service worker's own list of the build.)
 */
export const prerender = true;

export async function GET() {
	const { collection } = await getContent();
	const pages = ['/kiosk', ...collection.kiosk.clips.map((slug) => `/kiosk/clips/${slug}`)];
	const urls = [
		...pages.flatMap((page) => [page, `${page}/__data.json`]),
		...collection.kiosk.clips.flatMap((slug) => [
			`/clips/${slug}/peaks.json`,
			...publishedFiles(findClip(collection, slug)!).map((file) => `/media/${slug}/${file}`)
		])
	];
	return json({ urls: urls.map((url) => base + url) });
}
