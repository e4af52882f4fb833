import { error } from '@sveltejs/kit';
import { clipEntries, getContent } from '$lib/server/content';
import { peaksFile } from '$lib/server/peaks';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/** The waveform, measured at build time, so the browser never decodes the audio. */
export const GET: RequestHandler = async ({ params }) => {
	const analysis = (await getContent()).audio.get(params.slug);
	if (!analysis) error(404, 'No such recording');
	return new Response(peaksFile(analysis), { headers: { 'content-type': 'application/json' } });
};
