// The HTTP headers the site needs from its web server, beyond what a page's <meta> can say.
// scripts/serve.js sends them; the README's "Deploying" section gives the same for nginx.
import { IIIF_MANIFEST_TYPE } from '../src/lib/iiif/media-type.js';

/**
 * Paths that other sites may show in a frame (a player to embed in an article). Everything
 * else refuses to be framed, so no site can lay the kiosk or the player under a decoy
 * (clickjacking).
 */
export const FRAMEABLE_PREFIX = '/embed/';

/** Headers for every response. */
const ALWAYS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin'
};

/** Headers for every response but those of the embeds. */
const REFUSE_FRAMING = {
	'Content-Security-Policy': "frame-ancestors 'none'",
	'X-Frame-Options': 'DENY'
};

/**
 * Security headers for a response to `pathname`.
 *
 * - `Content-Security-Policy: frame-ancestors 'none'`: a <meta> policy cannot set
 *   frame-ancestors. The rest of the policy stays in each page's <meta> (its script hashes
 *   differ from page to page); a browser enforces both policies, so this header must not
 *   repeat script-src without them.
 * - `X-Frame-Options: DENY`: the same for browsers that predate frame-ancestors.
 * - `X-Content-Type-Options: nosniff`: a transcript or JSON file is never run as a script or
 *   shown as a page, whatever it contains.
 * - `Referrer-Policy: strict-origin-when-cross-origin`: a link out of the site tells the other
 *   site at most this site's address, never which testimony was open or what was searched
 *   (`?q=`); requests within the site keep the full address, so a host's own logs and
 *   hot-link rules still work. (`no-referrer` would also hide the origin, and break those.)
 *
 * @param {string} pathname the request's path, without query
 * @returns {Record<string, string>}
 */
export function securityHeaders(pathname) {
	if (pathname.startsWith(FRAMEABLE_PREFIX)) return { ...ALWAYS };
	return { ...ALWAYS, ...REFUSE_FRAMING };
}

/**
 * Files that other sites' software reads: the IIIF collection and manifests, oEmbed, the
 * transcripts (WebVTT and text), chapters, waveform peaks and the recordings. IIIF viewers and
 * oEmbed consumers fetch them from their own origin, and IIIF Presentation 3 (§6.3) requires
 * CORS on them. Pages never get it (nor the app's scripts and SvelteKit's page data): nothing
 * outside needs to read them, and a page readable from any origin gains nothing.
 */
const SHARED_FILE =
	/\.(?:json|vtt|txt|mp3|m4a|aac|oga|ogg|opus|wav|flac|weba|webm|mp4|png|jpe?g|webp)$/i;

/** @param {string} pathname the request's path, without query */
export function isSharedFile(pathname) {
	return (
		SHARED_FILE.test(pathname) && !pathname.includes('/_app/') && !pathname.endsWith('__data.json')
	);
}

/**
 * CORS for a shared file: any origin may read it, seek in it (a plain `Range: bytes=a-b` needs
 * no preflight) and see which part it got.
 */
export const CROSS_ORIGIN_HEADERS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'Content-Range, Accept-Ranges, Content-Length, ETag'
};

/** The answer to a preflight (`OPTIONS`) for a shared file: a reader that sends other headers. */
export const PREFLIGHT_HEADERS = {
	...CROSS_ORIGIN_HEADERS,
	'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
	'Access-Control-Allow-Headers': 'Range, If-None-Match, If-Modified-Since',
	'Access-Control-Max-Age': '86400'
};

/**
 * The content type of a manifest, by the request's `Accept` (IIIF Presentation 3, §6.1): the
 * IIIF profile for a client that asks for JSON-LD, plain JSON for any other. Ramp 3 reads a
 * manifest's transcripts only when its type says `application/json`, and asks for anything.
 * Undefined for any other path (its extension says).
 * @param {string} pathname
 * @param {string} [accept] the request's Accept header
 */
export function contentTypeOf(pathname, accept = '') {
	if (!pathname.endsWith('/manifest.json')) return undefined;
	return accept.includes('application/ld+json') ? IIIF_MANIFEST_TYPE : 'application/json';
}

/**
 * The same headers as a `_headers` file, which Netlify and Cloudflare Pages read from the
 * site's root. `pages` are the site's page paths (`/clips/a`), each given the framing headers
 * by name: neither host can take a header back for `/embed/`, so a rule for every path would
 * forbid embedding. Shared files are matched by folder (`:slug` is one path segment).
 * @param {string[]} pages
 * @param {string} base the site's base path (`BASE_PATH`), or ''
 */
export function headersFile(pages, base = '') {
	/** @param {string} path @param {Record<string, string>} headers */
	const rule = (path, headers) =>
		[path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
	const sharedPaths = ['/manifest.json', '/clips/:slug/:file', '/media/*'];
	return (
		[
			'# Written by the build (scripts/headers.js): the headers npm run serve sends, for',
			'# Netlify and Cloudflare Pages. See the README, "Deploying".',
			rule(`${base}/*`, ALWAYS),
			...sharedPaths.map((path) => rule(`${base}${path}`, CROSS_ORIGIN_HEADERS)),
			...pages
				.filter((page) => !page.startsWith(FRAMEABLE_PREFIX))
				.map((page) => rule(`${base}${page}`, REFUSE_FRAMING))
		].join('\n') + '\n'
	);
}
