import { resolve } from '$app/paths';
import type { ClipEntry } from '$lib/content/types';
import { loadCatalogue } from '$lib/i18n/catalogues';
import { UI_LANGUAGES } from '$lib/i18n/languages';
import type { Catalogues, ClipAddresses, CollectionAddresses } from '$lib/iiif/manifest';
import { WAVEFORM_IMAGE } from '$lib/server/waveform-image';

/** Every interface catalogue: the manifests label things in each interface language. */
export async function allCatalogues(): Promise<Catalogues> {
	const entries = await Promise.all(
		UI_LANGUAGES.map(async (language) => [language, await loadCatalogue(language)] as const)
	);
	return Object.fromEntries(entries) as Catalogues;
}

/**
 * Absolute addresses need the site's origin: at build time it is `kit.prerender.origin`
 * (SITE_ORIGIN, see svelte.config.js), which SvelteKit gives as the request's origin.
 */
const absolute = (path: string, origin: string) => new URL(path, origin).href;

export function collectionAddresses(origin: string): CollectionAddresses {
	return {
		manifest: absolute(resolve('/(site)/manifest.json'), origin),
		home: absolute(resolve('/'), origin),
		clip: (slug) => absolute(resolve('/(site)/clips/[slug]/manifest.json', { slug }), origin)
	};
}

export function clipAddresses(clip: ClipEntry, origin: string): ClipAddresses {
	const slug = clip.slug;
	return {
		manifest: absolute(resolve('/(site)/clips/[slug]/manifest.json', { slug }), origin),
		page: absolute(resolve('/(site)/clips/[slug]', { slug }), origin),
		file: (file) => absolute(resolve('/media/[slug]/[file]', { slug, file }), origin),
		text: (lang) =>
			absolute(resolve('/(site)/clips/[slug]/transcript-[lang].txt', { slug, lang }), origin),
		collection: absolute(resolve('/(site)/manifest.json'), origin),
		home: absolute(resolve('/'), origin),
		waveform: {
			id: absolute(resolve('/(site)/clips/[slug]/waveform.png', { slug }), origin),
			...WAVEFORM_IMAGE
		}
	};
}
