import { error, json } from '@sveltejs/kit';
import { getSearchIndex } from '$lib/server/search';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () =>
	[...(await getSearchIndex()).texts.keys()].map((key) => {
		const [clip, file] = key.split('/') as [string, string];
		return { clip, file: `${file}.json` };
	});

export const GET: RequestHandler = async ({ params }) => {
	const rows = (await getSearchIndex()).texts.get(
		`${params.clip}/${params.file.replace(/\.json$/, '')}`
	);
	if (!rows) error(404, 'No such text block');
	return json(rows);
};
