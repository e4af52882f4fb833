import { error } from '@sveltejs/kit';
import { shardFile, shardJson } from '$lib/search/index';
import { getSearchIndex } from '$lib/server/search';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () =>
	[...(await getSearchIndex()).shards.keys()].map((key) => ({ file: `${shardFile(key)}.json` }));

export const GET: RequestHandler = async ({ params }) => {
	const { shards } = await getSearchIndex();
	const key = [...shards.keys()].find((k) => `${shardFile(k)}.json` === params.file);
	if (!key) error(404, 'No such shard');
	return new Response(shardJson(shards.get(key)!), {
		headers: { 'content-type': 'application/json' }
	});
};
