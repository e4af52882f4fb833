import { findClip, summarizeClip } from '$lib/content/summary';
import { loadCatalogue } from '$lib/i18n/catalogues';
import { translate } from '$lib/i18n/translate';
import { getContent } from '$lib/server/content';

export async function load() {
	const { collection } = await getContent();
	const { kiosk } = collection;
	return {
		kiosk,
		kioskClips: kiosk.clips.map((slug) => summarizeClip(findClip(collection, slug)!)),
		witnesses: collection.witnesses,
		// The invitation is shown in every kiosk language at once; the page loads only its own.
		begin: await Promise.all(
			kiosk.languages.map(async (language) => ({
				language,
				text: translate(await loadCatalogue(language), language, 'kiosk.begin')
			}))
		)
	};
}
