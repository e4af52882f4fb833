import { json } from '@sveltejs/kit';
import { clipEntries, clipOr404 } from '$lib/server/content';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/**
 * A clip's tracks, whole: for a clip page reached by a navigation inside the site, whose data
 * leaves out the text that a page loaded from the server shows as markup (see ../+page.ts).
 */
export const GET: RequestHandler = async ({ params }) => {
	const { clip } = await clipOr404(params.slug);
	return json(clip.tracks);
};
