import { createHash } from 'node:crypto';
import { constants as fs } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { mapLimited } from '../content/collection.ts';
import { CACHE_DIR, writeAtomically } from './content-hash.js';

/*
 * The .gz and .br files beside each page and data file, which nginx's gzip_static, a CDN or
 * `npm run serve` send as they are. SvelteKit's own step compresses everything at Brotli's
 * highest quality, about 1 MB a second: an archive of 1,000 hours writes some 9 GB of text
 * (each clip's page, data, embed and transcripts), hours of work at every build. Here:
 *  - small files (most of them by count: scripts, styles, small pages and data) keep the
 *    highest quality; a clip's own page, which a visitor loads first, one step below (10 % more
 *    bytes, three times faster); the bulk data past SMALL_FILE (cues.json, embed pages,
 *    transcripts for download) a quality some 50 times faster for 10–30 % more bytes;
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

/** Up to this size a file gets the highest quality (see above). */
export const SMALL_FILE = 256 * 1024;

/** A clip's page, which a visitor loads first. */
const CLIP_PAGE = /^clips\/[^/]+\.html$/;

/** Cached results not used for this long are removed. */
const CACHE_DAYS = 30;

/** Brotli's quality and gzip's level for each kind of file. */
const TIERS = {
	small: { brotli: zlib.constants.BROTLI_MAX_QUALITY, gzip: zlib.constants.Z_BEST_COMPRESSION },
	page: { brotli: 10, gzip: zlib.constants.Z_BEST_COMPRESSION },
	bulk: { brotli: 7, gzip: 6 }
};
type Tier = keyof typeof TIERS;

/** How a file of this size at this path (relative to the site's folder) is compressed. */
export function tierOf(file: string, size: number): Tier {
	if (size <= SMALL_FILE) return 'small';
	return CLIP_PAGE.test(file) ? 'page' : 'bulk';
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

async function compressed(bytes: Buffer, tier: Tier): Promise<{ gz: Buffer; br: Buffer }> {
	const [gz, br] = await Promise.all([
		gzip(bytes, { level: TIERS[tier].gzip }),
		brotli(bytes, {
			params: {
				[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
				[zlib.constants.BROTLI_PARAM_QUALITY]: TIERS[tier].brotli,
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
	const pending = new Map<string, Promise<{ gz: Buffer; br: Buffer }>>();
	await mapLimited(files, availableParallelism() * 2, async (file) => {
		const path = join(dir, file);
		const content = await readFile(path);
		bytes += content.length;
		const tier = tierOf(file, content.length);
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
		// Files alike (the same transcript in several clips) are compressed once.
		let result = pending.get(key);
		if (!result) {
			fresh++;
			result = compressed(content, tier);
			pending.set(key, result);
		}
		const { gz, br } = await result;
		for (const [format, bytes] of [
			['gz', gz],
			['br', br]
		] as const) {
			await writeFile(`${path}.${format}`, bytes);
			await writeAtomically(cached(format), bytes);
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
