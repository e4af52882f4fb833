import { error } from '@sveltejs/kit';
import { clipEntries, getContent } from '$lib/server/content';
import { waveformPng } from '$lib/server/waveform-image';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/** The waveform as a picture: the IIIF thumbnail and the link preview's image. */
export const GET: RequestHandler = async ({ params }) => {
	const analysis = (await getContent()).audio.get(params.slug);
	if (!analysis) error(404, 'No such recording');
	return new Response(new Uint8Array(waveformPng(analysis.peaks)), {
		headers: { 'content-type': 'image/png' }
	});
};
