import { getContent } from '$lib/server/content';

export async function load() {
	const { collection } = await getContent();
	// The collection's holder is credited with recordings only where one of its clips is a
	// recording: a synthesized narration takes its facts from the holder, not its recordings.
	const recordings = collection.clips.some(
		(clip) => !clip.provenance.synthesized && clip.provenance.credit === collection.credit
	);
	return { site: { title: collection.title, credit: collection.credit, recordings } };
}
