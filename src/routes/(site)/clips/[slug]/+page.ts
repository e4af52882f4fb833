import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import type { Track } from '$lib/content/types';
import { yieldToBrowser } from '$lib/idle';
import { takeOver } from '$lib/transcript/hand-over';
import { clipList, readLines } from '$lib/transcript/markup-dom';
import {
	isOutlined,
	trackFromOutline,
	withDetails,
	type OutlineDetails,
	type PageTrack
} from '$lib/transcript/outline';

/**
 * The clip's tracks whole again from their outlines (see $lib/transcript/outline). Tracks
 * whose lines the page shows as markup come without them: when rendering on the server, their
 * cues come from the server's load (handed over, never serialized); in the browser, from the
 * server's markup in the page (hydration); after a navigation inside the site, when the page
 * shows no such markup, from cues.json. A long interview's word timings, and the lines of the
 * tracks not shown, come from outline.json (fetched in the browser only: in the page's HTML
 * they would delay its first paint).
 */
export async function load({ data, fetch, params }) {
	let tracks = data.clip.tracks as PageTrack[];
	const long = browser && tracks.some((track) => isOutlined(track) && track.detailsApart);
	// Without the page's markup (a navigation inside the site) cues.json brings everything.
	if (long && clipList(document, params.slug)) {
		const details: OutlineDetails[] = await fetchJson(
			fetch,
			resolve('/(site)/clips/[slug]/outline.json', { slug: params.slug })
		);
		tracks = tracks.map((track, i) => (isOutlined(track) ? withDetails(track, details[i]) : track));
	}
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
		const fetched: Track[] = await fetchJson(
			fetch,
			resolve('/(site)/clips/[slug]/cues.json', { slug: params.slug })
		);
		whole = whole.map((track, i) => track ?? fetched[i]);
	}
	// A long interview's page then hydrates in a task of its own: the browser can paint and
	// answer a tap in between.
	if (long) await yieldToBrowser();
	return { ...data, clip: { ...data.clip, tracks: whole as Track[] } };
}

async function fetchJson<T>(fetch: typeof globalThis.fetch, url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
	return response.json();
}
