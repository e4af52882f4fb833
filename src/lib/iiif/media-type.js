// Plain JavaScript, so that scripts/headers.js (run by Node as it is) and the site share it.

/** The media type IIIF Presentation 3 gives its manifests (§6.1), which viewers may ask for. */
export const IIIF_MANIFEST_TYPE =
	'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';
