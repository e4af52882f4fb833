import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
// The one list of the site's HTTP headers, which scripts/serve.js sends too.
import { headersFile } from '../../../scripts/headers.js';

/** The addresses of the built site's pages: `clips/a.html` is `/clips/a`, `index.html` is `/`. */
export async function pagePaths(outDir: string): Promise<string[]> {
	const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((path) => !path.startsWith('_app/'))
		.map((path) => `/${path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`)
		.sort();
}

/** Writes `_headers` at the site's root, for hosts that read it (Netlify, Cloudflare Pages). */
export async function writeHeadersFile(outDir: string, base: string): Promise<void> {
	await writeFile(join(outDir, '_headers'), headersFile(await pagePaths(outDir), base));
}
