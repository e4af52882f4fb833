import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { building } from '$app/environment';
import { mediaType } from '$lib/content/media-types';
import { findClip, publishedFiles } from '$lib/content/summary';
import { clipFile, getContent } from '$lib/server/content';
import type { RequestHandler } from './$types';

export const prerender = true;

/**
 * Publishes a clip's audio and transcripts from its folder in transcripts/. In `vite dev` this
 * streams the file from disk and answers byte ranges, which audio seeking needs (static servers
 * and CDNs answer ranges themselves).
 *
 * The build never sends these files through the prerender, which would hold each one whole in
 * memory (a 3-hour recording, a 2 GB WAV): a published file linked from a page answers 204 here,
 * which the prerender skips, and the build copies every published file from disk afterwards
 * (publishPlugin in $lib/server/vite-plugin). A file that is not published is still a 404, so a
 * broken link fails the build.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const clip = findClip((await getContent()).collection, params.slug);
	if (!clip || !publishedFiles(clip).includes(params.file)) error(404, 'No such file');
	if (building) return new Response(null, { status: 204 });

	const path = clipFile(clip.slug, params.file);
	const { size } = await stat(path);
	const type = mediaType(params.file);
	const headers = {
		'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
		'accept-ranges': 'bytes'
	};
	const body = (start: number, end: number) =>
		Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream;

	const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
	if (range && (range[1] || range[2])) {
		const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
		const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
		if (start > end || start >= size) {
			return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
		}
		return new Response(body(start, end), {
			status: 206,
			headers: {
				...headers,
				'content-length': String(end - start + 1),
				'content-range': `bytes ${start}-${end}/${size}`
			}
		});
	}
	return new Response(size ? body(0, size - 1) : null, {
		headers: { ...headers, 'content-length': String(size) }
	});
};
