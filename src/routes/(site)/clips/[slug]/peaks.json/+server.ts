import { error, json } from '@sveltejs/kit';
import { clipEntries, getContent } from '$lib/server/content';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/** The waveform, measured at build time, so the browser never decodes the audio. */
export const GET: RequestHandler = async ({ params }) => {
	const analysis = (await getContent()).audio.get(params.slug);
	if (!analysis) error(404, 'No such recording');
	return json({ version: 1, duration: analysis.duration, peaks: analysis.peaks });
};
