import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { fileDigest, saveDigests } from './src/lib/server/content-hash.js';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The build's version name, from everything the build reads. SvelteKit's default is the time
 * of the build, which would make two builds of the same content differ (and a kiosk think it
 * had a new deployment); this way the same inputs give byte-identical output.
 *
 * It reads what the content loader reads and nothing else, and never throws: regular files,
 * and links to regular files inside the same tree. A pipe would block the build forever, a
 * device never end, and a broken link or a loop throw; the loader reports each of them.
 */
function inputsHash() {
	const hash = createHash('sha256');
	/** @param {string} path @param {string} root */
	const add = (path, root) => {
		try {
			let info = lstatSync(path);
			let real = path;
			if (info.isSymbolicLink()) {
				real = realpathSync(path);
				info = statSync(real);
				const within = relative(root, real);
				if (!info.isFile() || within.startsWith('..') || within === real) return;
			}
			if (info.isDirectory()) {
				for (const name of readdirSync(path).sort()) add(join(path, name), root);
			} else if (info.isFile()) {
				// By digest, remembered across builds: the recordings of an archive are gigabytes.
				hash.update(path).update(fileDigest(real, info));
			}
		} catch {
			// Unreadable: the content check names it, and fails the build if it matters.
		}
	};
	const transcripts = process.env.TRANSCRIPTS_DIR ?? 'transcripts';
	for (const path of ['src', 'static', transcripts, 'package-lock.json', 'svelte.config.js']) {
		// The top folder itself may be a link (a collection kept elsewhere).
		if (existsSync(path)) add(statSync(path).isDirectory() ? `${path}/` : path, realpathSync(path));
	}
	saveDigests();
	return hash.digest('hex').slice(0, 16);
}

/** Where the site is written; BUILD_DIR lets the benchmark build its large fixture beside it. */
export const buildDir = process.env.BUILD_DIR ?? 'build';

/**
 * The site's address (scheme, host, port), for what must name it in full: the IIIF manifests
 * and the oEmbed files, read by other sites. SITE_ORIGIN, else the address `npm run serve` uses.
 */
function siteOrigin() {
	const given = process.env.SITE_ORIGIN ?? 'http://127.0.0.1:4173';
	const url = URL.canParse(given) ? new URL(given) : undefined;
	if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.origin}/`) {
		throw new Error(
			`SITE_ORIGIN must be an http(s) origin such as https://archive.example.org, not "${given}" (a folder goes in BASE_PATH)`
		);
	}
	return url.origin;
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Svelte 5 runes everywhere; no legacy `export let` or `$:`.
		runes: true
	},
	kit: {
		// Every page is prerendered; `strict` fails the build if any route could not be.
		// BUILD_DIR lets the benchmark build its large fixture beside the real site.
		adapter: adapter({
			pages: buildDir,
			assets: buildDir,
			// The .gz and .br files beside each page, script and data file, for servers that send
			// them as they are, are written after the recordings are copied in (publishPlugin in
			// src/lib/server/vite-plugin.ts): faster than the adapter's, and cached between builds.
			precompress: false,
			strict: true
		}),
		version: { name: inputsHash() },
		// Small stylesheets go into the page itself: each is otherwise one more request that
		// blocks the first render (the clip page would make ten).
		inlineStyleThreshold: 8192,
		paths: {
			// Absolute links: the same on the server and in the browser, so hydration never
			// re-sets the audio's src (which would reload it and lose a deep link's position).
			// To host the site under a folder, build with BASE_PATH=/that/folder.
			base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? ''),
			relative: false
		},
		// Content-Security-Policy, as a <meta> in every prerendered page: scripts only from the
		// site itself plus, by hash, SvelteKit's inline start-up script and our theme script, so
		// a cue or metadata text that slipped through escaping still could not run. Inline
		// styles stay allowed: Svelte's style: directives and wavesurfer.js's shadow DOM use them.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// (hooks.server.ts adds the theme script's hash.)
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'media-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// src/service-worker is the kiosk's offline store: /kiosk registers it, the public
		// site does not.
		serviceWorker: { register: false },
		typescript: {
			// Type-check the Playwright set-up too (and the scripts it imports).
			config: (config) => {
				config.include.push('../playwright.config.ts');
			}
		},
		prerender: {
			// What `url.origin` is while prerendering: absolute addresses in manifests and oEmbed.
			origin: siteOrigin(),
			// The 404 page is linked from nowhere: name it, so that build/404.html is written.
			entries: ['*', '/404'],
			// A broken internal link or a missing file fails the build instead of shipping a 404.
			handleHttpError: ({ path, referrer, message }) => {
				throw new Error(`${message} (linked from ${referrer ?? 'an entry'}: ${path})`);
			},
			// `#t=…` links are Media Fragments (a time in the recording), not element ids.
			handleMissingId: ({ id, message }) => {
				if (!id.startsWith('t=')) throw new Error(message);
			},
			handleUnseenRoutes: 'fail'
		}
	}
};

export default config;
