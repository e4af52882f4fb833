import { summarizeClip } from '$lib/content/summary';
import { getContent } from '$lib/server/content';

export async function load() {
	const { collection } = await getContent();
	return {
		description: collection.description,
		witnesses: collection.witnesses,
		clips: collection.clips.map(summarizeClip)
	};
}
