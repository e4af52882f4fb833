// Plain JavaScript (typed with JSDoc) so that svelte.config.js, which Node loads without a
// TypeScript step, hashes the collection the same way the build does.
import { createHash, randomUUID } from 'node:crypto';
import {
	closeSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	renameSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The build's cache folder; AUDIO_CACHE_DIR lets the benchmark start from an empty one. */
export const CACHE_DIR =
	process.env.AUDIO_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'testimony-player');

const MEMO_FILE = join(CACHE_DIR, 'content-hashes-v1.json');

/*
 * A file's SHA-256, remembered by what stat says of it: device, inode, size, and the
 * modification and change times (no write leaves the change time as it was). A rebuild then
 * reads no recording again to learn that none changed: a 1,000-hour archive is 20 GB of audio.
 */
/** @type {Map<string, string> | undefined} */
let memo;
let changed = false;

/**
 * What stat says of a file that any write to it changes (its change time at least).
 * @param {import('node:fs').Stats} info
 */
export const statSignature = (info) =>
	[info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs].join(':');

/** @param {string} path @param {import('node:fs').Stats} info */
const statKey = (path, info) => `${statSignature(info)}:${path}`;

/**
 * Writes a cache file whole or not at all (written beside it, then renamed), so that a build
 * running beside this one never reads half of it.
 * @param {string} file
 * @param {string | Uint8Array} data
 */
export async function writeAtomically(file, data) {
	await mkdir(dirname(file), { recursive: true });
	const partial = `${file}.${randomUUID()}.tmp`;
	await writeFile(partial, data);
	await rename(partial, file);
}

function loadMemo() {
	if (memo) return memo;
	try {
		memo = new Map(Object.entries(JSON.parse(readFileSync(MEMO_FILE, 'utf8'))));
	} catch {
		memo = new Map();
	}
	return memo;
}

/**
 * The SHA-256 (hex) of a regular file, read in chunks: a file of any size, in little memory.
 * @param {string} path
 * @param {import('node:fs').Stats} [info] what stat already said of it
 * @returns {string}
 */
export function fileDigest(path, info = statSync(path)) {
	const known = loadMemo();
	const key = statKey(path, info);
	const remembered = known.get(key);
	if (remembered) return remembered;
	const hash = createHash('sha256');
	const chunk = Buffer.alloc(1 << 20);
	const fd = openSync(path, 'r');
	try {
		for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
			hash.update(chunk.subarray(0, read));
		}
	} finally {
		closeSync(fd);
	}
	const digest = hash.digest('hex');
	// What was remembered of this path before is stale now: the memo grows with the collection only.
	for (const old of known.keys()) if (old.endsWith(`:${path}`)) known.delete(old);
	known.set(key, digest);
	changed = true;
	return digest;
}

/** Writes what fileDigest learnt to the cache (then a rename: a reader never sees half a file). */
export function saveDigests() {
	if (!changed || !memo) return;
	try {
		mkdirSync(CACHE_DIR, { recursive: true });
		const partial = `${MEMO_FILE}.${randomUUID()}.tmp`;
		writeFileSync(partial, JSON.stringify(Object.fromEntries(memo)));
		renameSync(partial, MEMO_FILE);
		changed = false;
	} catch {
		// A cache that cannot be written only costs time on the next build.
	}
}
