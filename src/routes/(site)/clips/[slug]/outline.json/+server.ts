import { json } from '@sveltejs/kit';
import { clipEntries, clipOr404 } from '$lib/server/content';
import { outlineForPage } from '$lib/transcript/outline';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/**
 * The details of a clip's tracks (word timings, lines not shown as markup) that its page's
 * data leaves out when they are large, by track (see setDetailsApart in $lib/transcript/outline).
 */
export const GET: RequestHandler = async ({ params }) => {
	const { clip } = await clipOr404(params.slug);
	return json(outlineForPage(clip.tracks).details);
};
