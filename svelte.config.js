import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			// .gz and .br beside each page, script and JSON file, for servers that send them as is.
			precompress: true,
			strict: true
		}),
		paths: {
			// Absolute links: the same on the server and in the browser, so hydration never
			// re-sets the audio's src (which would reload it and lose a deep link's position).
			// To host the site under a folder, build with BASE_PATH=/that/folder.
			base: process.env.BASE_PATH ?? '',
			relative: false
		},
		// src/service-worker.ts is the kiosk's offline store: /kiosk registers it, the public
		// site does not.
		serviceWorker: { register: false },
		typescript: {
			// Type-check the Playwright set-up too (and the scripts it imports).
			config: (config) => {
				config.include.push('../playwright.config.ts');
			}
		},
		prerender: {
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
