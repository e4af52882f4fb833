import { error } from '@sveltejs/kit';
import { clipOr404, getContent } from '$lib/server/content';
import { transcriptToText } from '$lib/transcript/export';
import { transcriptHeader } from '$lib/transcript/header';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () => {
	const { collection } = await getContent();
	return collection.clips.flatMap((clip) =>
		clip.tracks.map((t) => ({ slug: clip.slug, lang: t.lang }))
	);
};

/** A plain-text transcript with timestamps, for download. */
export const GET: RequestHandler = async ({ params }) => {
	const { clip } = await clipOr404(params.slug, 'No such transcript');
	const track = clip.tracks.find((t) => t.lang === params.lang);
	if (!track) error(404, 'No such transcript');
	const header = transcriptHeader(clip, track);
	return new Response(transcriptToText(header, track.cues), {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};
