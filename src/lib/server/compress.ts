import { createHash } from 'node:crypto';
import { constants as fs } from 'node:fs';
import {
	copyFile,
	mkdir,
	readdir,
	readFile,
	rename,
	rm,
	stat,
	utimes,
	writeFile
} from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { mapLimited } from '../content/collection.ts';
import { CACHE_DIR } from './content-hash.js';

/*
 * The .gz and .br files beside each page and data file, which nginx's gzip_static, a CDN or
 * `npm run serve` send as they are. SvelteKit's own step compresses everything at Brotli's
 * highest quality, about 1 MB a second: an archive of 1,000 hours writes some 9 GB of text
 * (each clip's page, data, embed and transcripts), hours of work at every build. Here:
 *  - what people load first (every file up to LARGE_FILE, and a clip's own page) keeps the
 *    highest quality; the bulk data past LARGE_FILE (cues.json, embed pages, transcripts for
 *    download) is compressed at qualities that run some 50 times faster for 10–30 % more bytes;
 *  - results are kept in the build's cache by the content's hash, so a rebuild compresses only
 *    what changed;
 *  - a few files at a time, on every core (zlib works on Node's thread pool).
 */

/** Extensions compressed: SvelteKit's list, and WebVTT (transcripts are text too). */
const COMPRESSED = new Set([
	'.html',
	'.js',
	'.mjs',
	'.json',
	'.css',
	'.svg',
	'.xml',
	'.wasm',
	'.txt',
	'.md',
	'.vtt'
]);

/** Past this size a file is bulk data, compressed fast (see above). */
export const LARGE_FILE = 1024 * 1024;

/** A clip's page, which a visitor loads first: always at the highest quality. */
const CLIP_PAGE = /^clips\/[^/]+\.html$/;

/** Cached results not used for this long are removed. */
const CACHE_DAYS = 30;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

type Tier = 'best' | 'fast';

async function compressed(bytes: Buffer, tier: Tier): Promise<{ gz: Buffer; br: Buffer }> {
	const best = tier === 'best';
	const [gz, br] = await Promise.all([
		gzip(bytes, { level: best ? zlib.constants.Z_BEST_COMPRESSION : 6 }),
		brotli(bytes, {
			params: {
				[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
				[zlib.constants.BROTLI_PARAM_QUALITY]: best ? zlib.constants.BROTLI_MAX_QUALITY : 7,
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
			}
		})
	]);
	return { gz, br };
}

/** Every file below `dir`, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** Writes `<file>.gz` and `<file>.br` beside every compressible file of the built site. */
export async function precompress(
	dir: string
): Promise<{ files: number; compressed: number; bytes: number }> {
	const cache = join(CACHE_DIR, 'compressed-v1');
	await mkdir(cache, { recursive: true });
	const files = (await listFiles(dir)).filter((file) => COMPRESSED.has(extname(file)));
	let fresh = 0;
	let bytes = 0;
	await mapLimited(files, availableParallelism() * 2, async (file) => {
		const path = join(dir, file);
		const content = await readFile(path);
		bytes += content.length;
		const tier: Tier = content.length <= LARGE_FILE || CLIP_PAGE.test(file) ? 'best' : 'fast';
		const key = createHash('sha256').update(tier).update(content).digest('hex');
		const cached = (format: string) => join(cache, `${key}.${format}`);
		try {
			for (const format of ['gz', 'br']) {
				await copyFile(cached(format), `${path}.${format}`, fs.COPYFILE_FICLONE);
				const now = new Date();
				await utimes(cached(format), now, now);
			}
			return;
		} catch {
			// Not cached (or half of it): compress below.
		}
		fresh++;
		const result = await compressed(content, tier);
		for (const format of ['gz', 'br'] as const) {
			await writeFile(`${path}.${format}`, result[format]);
			// Write then rename, so that a build running beside this one never copies half a file.
			const partial = `${cached(format)}.${process.pid}.tmp`;
			await writeFile(partial, result[format]);
			await rename(partial, cached(format));
		}
	});
	await pruneCache(cache);
	return { files: files.length, compressed: fresh, bytes };
}

/** Removes what no build has used for CACHE_DAYS, so the cache does not grow without end. */
async function pruneCache(cache: string): Promise<void> {
	const oldest = Date.now() - CACHE_DAYS * 24 * 3600 * 1000;
	for (const name of await readdir(cache)) {
		const path = join(cache, name);
		const info = await stat(path).catch(() => undefined);
		if (info && info.mtimeMs < oldest) await rm(path, { force: true });
	}
}
