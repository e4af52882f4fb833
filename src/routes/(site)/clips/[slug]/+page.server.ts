import { summarizeClip } from '$lib/content/summary';
import { clipEntries, clipOr404 } from '$lib/server/content';
import { handOver } from '$lib/transcript/hand-over';
import { outlineTrack } from '$lib/transcript/outline';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = clipEntries;

/**
 * The tracks the prerendered page shows as markup (pages are prerendered in English: the
 * original, beside its English translation if it has one). Their text is in the page already,
 * so the data leaves it out (see $lib/transcript/outline); a wrong guess costs a fetch, not
 * a wrong page.
 */
const IN_MARKUP = (lang: string, index: number) => index === 0 || lang === 'en';

export async function load({ params, url }) {
	const { clip, collection } = await clipOr404(params.slug);
	const related = collection.clips
		.filter((other) => other.witness === clip.witness && other !== clip)
		.map(summarizeClip);
	handOver(clip);
	const tracks = clip.tracks.map((track, i) => outlineTrack(track, IN_MARKUP(track.lang, i)));
	// `hasPlayer`: the site's layout offers a "skip to the player" link. `origin`: the site's
	// address (SITE_ORIGIN at build time), for the discovery links other sites read.
	return { clip: { ...clip, tracks }, related, hasPlayer: true, origin: url.origin };
}
