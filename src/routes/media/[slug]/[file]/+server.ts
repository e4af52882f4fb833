import { readFile } from 'node:fs/promises';
import { error } from '@sveltejs/kit';
import { mediaType } from '$lib/content/media-types';
import { findClip, publishedFiles } from '$lib/content/summary';
import { clipFile, getContent } from '$lib/server/content';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () => {
	const { collection } = await getContent();
	return collection.clips.flatMap((clip) =>
		publishedFiles(clip).map((file) => ({ slug: clip.slug, file }))
	);
};

/**
 * Publishes a clip's audio and transcripts from its folder in transcripts/. At build time this
 * writes static files; in `vite dev` it also answers byte ranges, which audio seeking needs
 * (static servers and CDNs answer ranges themselves).
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const clip = findClip((await getContent()).collection, params.slug);
	if (!clip || !publishedFiles(clip).includes(params.file)) error(404, 'No such file');
	const body = await readFile(clipFile(clip.slug, params.file));
	const type = mediaType(params.file);
	const headers = {
		'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
		'accept-ranges': 'bytes'
	};

	const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
	if (range && (range[1] || range[2])) {
		const size = body.length;
		const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
		const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
		if (start > end || start >= size) {
			return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
		}
		return new Response(body.subarray(start, end + 1), {
			status: 206,
			headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}` }
		});
	}
	return new Response(body, { headers });
};
