import { getContent } from '$lib/server/content';

export async function load() {
	const { collection } = await getContent();
	return { site: { title: collection.title, credit: collection.credit } };
}
