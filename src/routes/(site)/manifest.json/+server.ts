import { json } from '@sveltejs/kit';
import { IIIF_MANIFEST_TYPE } from '$lib/iiif/media-type.js';
import { collectionManifest } from '$lib/iiif/manifest';
import { getContent } from '$lib/server/content';
import { allCatalogues, collectionAddresses } from '$lib/server/iiif';
import type { RequestHandler } from './$types';

export const prerender = true;

/** The IIIF Collection of every clip's manifest (see src/lib/iiif/manifest.ts). */
export const GET: RequestHandler = async ({ url }) => {
	const { collection } = await getContent();
	const manifest = collectionManifest(
		collection,
		collectionAddresses(url.origin),
		await allCatalogues()
	);
	return json(manifest, { headers: { 'content-type': IIIF_MANIFEST_TYPE } });
};
