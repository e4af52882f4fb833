import { error, json } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { findClip } from '$lib/content/summary';
import { oembed } from '$lib/embed/protocol';
import { en } from '$lib/i18n/messages';
import { translate } from '$lib/i18n/translate';
import { clipEntries, getContent } from '$lib/server/content';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/**
 * The clip's oEmbed response, as a static file: a site that is given the clip's address finds
 * it through the page's discovery link and gets the embedding code.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const { collection } = await getContent();
	const clip = findClip(collection, params.slug);
	if (!clip) error(404, 'No such recording');
	const absolute = (path: string) => new URL(path, url.origin).href;
	return json(
		oembed({
			title: clip.title.en,
			witness: clip.witnessName,
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
