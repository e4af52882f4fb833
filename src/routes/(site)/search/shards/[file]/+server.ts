import { error } from '@sveltejs/kit';
import { shardJson } from '$lib/search/index';
import { getSearchIndex } from '$lib/server/search';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () =>
	[...(await getSearchIndex()).shards.keys()].map((name) => ({ file: `${name}.json` }));

export const GET: RequestHandler = async ({ params }) => {
	const shard = (await getSearchIndex()).shards.get(params.file.replace(/\.json$/, ''));
	if (!shard) error(404, 'No such shard');
	return new Response(shardJson(shard), {
		headers: { 'content-type': 'application/json' }
	});
};
