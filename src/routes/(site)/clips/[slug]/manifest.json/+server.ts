import { json } from '@sveltejs/kit';
import { IIIF_MANIFEST_TYPE } from '$lib/iiif/media-type.js';
import { clipManifest } from '$lib/iiif/manifest';
import { clipEntries, entryOr404 } from '$lib/server/content';
import { allCatalogues, clipAddresses } from '$lib/server/iiif';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = clipEntries;

/** The clip's IIIF Presentation 3 manifest, for IIIF viewers (see src/lib/iiif/manifest.ts). */
export const GET: RequestHandler = async ({ params, url }) => {
	const { clip, collection } = await entryOr404(params.slug);
	const manifest = clipManifest(
		clip,
		collection,
		clipAddresses(clip, url.origin),
		await allCatalogues()
	);
	return json(manifest, { headers: { 'content-type': IIIF_MANIFEST_TYPE } });
};
