import { error } from '@sveltejs/kit';
import { findClip } from '$lib/content/summary';
import { getContent } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = async () => {
	const { collection } = await getContent();
	return collection.kiosk.clips.map((slug) => ({ slug }));
};

export async function load({ params }) {
	const { collection } = await getContent();
	const clip = collection.kiosk.clips.includes(params.slug)
		? findClip(collection, params.slug)
		: undefined;
	if (!clip) error(404, 'No such recording in the kiosk');
	return { clip };
}
