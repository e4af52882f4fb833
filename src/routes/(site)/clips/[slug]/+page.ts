import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import type { Track } from '$lib/content/types';
import { takeOver } from '$lib/transcript/hand-over';
import { readLines } from '$lib/transcript/markup-dom';
import { isOutlined, trackFromOutline, type PageTrack } from '$lib/transcript/outline';

/**
 * The clip's tracks whole again from their outlines (see $lib/transcript/outline). Tracks
 * whose lines the page shows as markup come without them: when rendering on the server, their
 * cues come from the server's load (handed over, never serialized); in the browser, from the
 * server's markup in the page (hydration); after a navigation inside the site, when the page
 * shows no such markup, from cues.json.
 */
export async function load({ data, fetch, params }) {
	const tracks = data.clip.tracks as PageTrack[];
	let whole: (Track | undefined)[] = tracks.map((track) => {
		if (!isOutlined(track)) return track;
		if (!browser) return takeOver(params.slug, track.lang);
		if (track.lines) return trackFromOutline(track);
		const lines = readLines(document, params.slug, track.lang);
		return lines?.length === track.outline.count && !lines.includes(undefined)
			? trackFromOutline(track, lines)
			: undefined;
	});
	if (whole.includes(undefined)) {
		const response = await fetch(resolve('/(site)/clips/[slug]/cues.json', { slug: params.slug }));
		if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
		const fetched: Track[] = await response.json();
		whole = whole.map((track, i) => track ?? fetched[i]);
	}
	return { ...data, clip: { ...data.clip, tracks: whole as Track[] } };
}
