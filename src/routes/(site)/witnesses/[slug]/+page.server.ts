import { error } from '@sveltejs/kit';
import { summarizeClip } from '$lib/content/summary';
import { getContent } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = async () => {
	const { collection } = await getContent();
	return collection.witnesses.map((w) => ({ slug: w.slug }));
};

export async function load({ params }) {
	const { collection } = await getContent();
	const witness = collection.witnesses.find((w) => w.slug === params.slug);
	if (!witness) error(404, 'No such witness');
	return {
		witness,
		clips: collection.clips.filter((c) => c.witness === witness.slug).map(summarizeClip)
	};
}
