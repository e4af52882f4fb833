import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { buildDir } from './svelte.config.js';
import { contentPlugin, publishPlugin } from './src/lib/server/vite-plugin.ts';

export default defineConfig({
	// Unit tests check content through their own fixtures, not the site's collection.
	plugins: [
		process.env.VITEST ? [] : contentPlugin(),
		sveltekit(),
		// After sveltekit(): it copies the recordings into the site once the adapter has written it.
		process.env.VITEST ? [] : publishPlugin(buildDir)
	],
	build: {
		rolldownOptions: {
			// Prerendering every page, audio file and search shard is the build's real work, and
			// slow by nature: Rolldown's timing report about it is noise, not a warning to act on.
			checks: { bundlerTimings: false },
			output: {
				codeSplitting: {
					// Svelte's and SvelteKit's runtime, which every page loads, in one file instead of
					// five: fewer requests, and it compresses better whole (1 KB less gzip).
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]/
						}
					]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					// scripts/ has the demonstration generator's own test.
					include: ['src/**/*.test.ts', 'scripts/**/*.test.js'],
					exclude: ['src/**/*.svelte.test.ts']
				}
			}
		]
	}
});
