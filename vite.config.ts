import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/lib/server/vite-plugin.ts';

export default defineConfig({
	// Unit tests check content through their own fixtures, not the site's collection.
	plugins: [process.env.VITEST ? [] : contentPlugin(), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts']
				}
			}
		]
	}
});
