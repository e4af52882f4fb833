import { clipEntries, clipOr404 } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = clipEntries;

export async function load({ params }) {
	const { clip } = await clipOr404(params.slug);
	return { clip };
}
