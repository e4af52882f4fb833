import { json } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { oembed } from '$lib/embed/protocol';
import { en } from '$lib/i18n/messages';
import { translate } from '$lib/i18n/translate';
import { clipEntries, entryOr404 } from '$lib/server/content';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/**
 * The clip's oEmbed response, as a static file: a site that is given the clip's address finds
 * it through the page's discovery link and gets the embedding code.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const { clip, collection } = await entryOr404(params.slug);
	const absolute = (path: string) => new URL(path, url.origin).href;
	return json(
		oembed({
			title: clip.title.en,
			witness: clip.witnessName,
			synthesized: clip.provenance.synthesized,
			site: collection.title.en,
			siteUrl: absolute(resolve('/')),
			embedUrl: absolute(resolve('/embed/[slug]', { slug: clip.slug })),
			frameTitle: translate(en, 'en', 'embed.frameTitle', {
				title: clip.title.en,
				witness: clip.witnessName
			})
		})
	);
};
