import { error } from '@sveltejs/kit';
import { findClip } from '$lib/content/summary';
import { clipEntries, getContent } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = clipEntries;

export async function load({ params }) {
	const { collection } = await getContent();
	const clip = findClip(collection, params.slug);
	if (!clip) error(404, 'No such recording');
	return { clip };
}
