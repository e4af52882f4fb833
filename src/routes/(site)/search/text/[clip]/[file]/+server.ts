import { error, json } from '@sveltejs/kit';
import { textBlock } from '$lib/search/index';
import { getClip } from '$lib/server/content';
import { getSearchIndex } from '$lib/server/search';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () =>
	[...(await getSearchIndex()).blocks.keys()].map((key) => {
		const [clip, file] = key.split('/') as [string, string];
		return { clip, file: `${file}.json` };
	});

/** A block of a clip's lines, which search results show; cut from the clip's cues. */
export const GET: RequestHandler = async ({ params }) => {
	const found = (await getSearchIndex()).blocks.get(
		`${params.clip}/${params.file.replace(/\.json$/, '')}`
	);
	if (!found) error(404, 'No such text block');
	const track = (await getClip(found.clip)).tracks.find((t) => t.lang === found.lang);
	return json(textBlock(track?.cues ?? [], found.block));
};
