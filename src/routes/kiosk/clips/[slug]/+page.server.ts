import { clipOr404, getContent } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = async () => {
	const { collection } = await getContent();
	return collection.kiosk.clips.map((slug) => ({ slug }));
};

export async function load({ params }) {
	const { clip } = await clipOr404(
		params.slug,
		'No such recording in the kiosk',
		(collection) => collection.kiosk.clips
	);
	return { clip };
}
