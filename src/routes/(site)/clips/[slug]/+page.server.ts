import { summarizeClip } from '$lib/content/summary';
import { clipEntries, clipOr404 } from '$lib/server/content';
import { handOver } from '$lib/transcript/hand-over';
import { isLongPage, outlineForPage } from '$lib/transcript/outline';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = clipEntries;

export async function load({ params, url, locals }) {
	const { clip, collection } = await clipOr404(params.slug);
	const related = collection.clips
		.filter((other) => other.witness === clip.witness && other.slug !== clip.slug)
		.map(summarizeClip);
	handOver(clip);
	// The text the page shows as markup is left out of its data (see $lib/transcript/outline).
	const { tracks } = outlineForPage(clip.tracks);
	locals.longTranscript = isLongPage(clip.tracks);
	// `hasPlayer`: the site's layout offers a "skip to the player" link. `provenance`: its footer
	// credits this clip's holder, not the collection's. `origin`: the site's address
	// (SITE_ORIGIN at build time), for the discovery links other sites read.
	return {
		clip: { ...clip, tracks },
		related,
		hasPlayer: true,
		provenance: clip.provenance,
		origin: url.origin
	};
}
