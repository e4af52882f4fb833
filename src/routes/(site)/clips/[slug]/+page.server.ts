import { error } from '@sveltejs/kit';
import { findClip, summarizeClip } from '$lib/content/summary';
import { getContent } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = async () => {
	const { collection } = await getContent();
	return collection.clips.map((clip) => ({ slug: clip.slug }));
};

export async function load({ params, url }) {
	const { collection } = await getContent();
	const clip = findClip(collection, params.slug);
	if (!clip) error(404, 'No such recording');
	const related = collection.clips
		.filter((other) => other.witness === clip.witness && other !== clip)
		.map(summarizeClip);
	// `hasPlayer`: the site's layout offers a "skip to the player" link. `origin`: the site's
	// address (SITE_ORIGIN at build time), for the discovery links other sites read.
	return { clip, related, hasPlayer: true, origin: url.origin };
}
