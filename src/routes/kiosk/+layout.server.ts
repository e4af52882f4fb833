import { findClip, summarizeClip } from '$lib/content/summary';
import { getContent } from '$lib/server/content';

export async function load() {
	const { collection } = await getContent();
	const { kiosk } = collection;
	return {
		kiosk,
		kioskClips: kiosk.clips.map((slug) => summarizeClip(findClip(collection, slug)!)),
		witnesses: collection.witnesses
	};
}
