// The HTTP headers the site needs from its web server, beyond what a page's <meta> can say.
// scripts/serve.js sends them; the README's "Deploying" section gives the same for nginx.

/**
 * Paths that other sites may show in a frame (a player to embed in an article). Everything
 * else refuses to be framed, so no site can lay the kiosk or the player under a decoy
 * (clickjacking).
 */
export const FRAMEABLE_PREFIX = '/embed/';

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
	const headers = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin'
	};
	if (pathname.startsWith(FRAMEABLE_PREFIX)) return headers;
	return {
		...headers,
		'Content-Security-Policy': "frame-ancestors 'none'",
		'X-Frame-Options': 'DENY'
	};
}
