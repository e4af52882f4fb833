import { clipEntries, clipOr404 } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = clipEntries;

export async function load({ params, url }) {
	const { clip } = await clipOr404(params.slug);
	// `origin`: the site's address (SITE_ORIGIN at build time), for the links other sites read.
	return { clip, origin: url.origin };
}
