import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeFile } from '../audio/decode.js';
import { CACHE_DIR, fileDigest, saveDigests } from './content-hash.js';
import type { AudioAnalysis } from '../content/types.ts';

export { decoderFor } from '../audio/decode.js';

/** Bump when the analysis changes, so cached results are recomputed. */
const ANALYSIS_VERSION = 2;

type Decoded = Awaited<ReturnType<typeof decodeFile>>;

/**
 * Worker threads that decode audio, one per core: decoding is the build's heaviest work, and a
 * collection of hundreds of hours would take hours on one core. Workers are made when first
 * needed and let the process exit whenever none is busy.
 */
class DecodingPool {
	#script: string | undefined;
	#idle: Worker[] = [];
	#workers = 0;
	#queue: { file: string; done: (result: Promise<Decoded>) => void }[] = [];
	#pending = new Map<number, { resolve: (d: Decoded) => void; reject: (e: Error) => void }>();
	#nextId = 0;

	constructor(script: string | undefined) {
		this.#script = script;
	}

	decode(file: string): Promise<Decoded> {
		// Where the worker's script cannot be found (inside a bundle), decode on this thread.
		if (!this.#script) return decodeFile(file);
		return new Promise<Promise<Decoded>>((done) => {
			this.#queue.push({ file, done });
			this.#next();
		}).then((result) => result);
	}

	#next() {
		const task = this.#queue[0];
		if (!task) return;
		let worker = this.#idle.pop();
		if (!worker && this.#workers < availableParallelism()) worker = this.#spawn();
		if (!worker) return;
		this.#queue.shift();
		const id = this.#nextId++;
		worker.ref();
		task.done(
			new Promise<Decoded>((resolve, reject) => {
				this.#pending.set(id, { resolve, reject });
				worker.postMessage({ id, file: task.file });
			}).finally(() => {
				worker.unref();
				this.#idle.push(worker);
				this.#next();
			})
		);
	}

	#spawn(): Worker {
		this.#workers++;
		const worker = new Worker(this.#script!);
		worker.on('message', (message: { id: number; result?: Decoded; error?: string }) => {
			const pending = this.#pending.get(message.id);
			this.#pending.delete(message.id);
			if (message.result) pending?.resolve(message.result);
			else pending?.reject(new Error(message.error));
		});
		worker.on('error', (error) => {
			// A worker that died takes its task with it: fail that task, and forget the worker.
			for (const [id, pending] of this.#pending) {
				this.#pending.delete(id);
				pending.reject(error);
			}
			this.#workers--;
		});
		return worker;
	}
}

/**
 * The worker's script, next to this module. In a bundle (SvelteKit's prerender runs one) this
 * module has moved, so the source tree is looked for too; failing both, decoding stays on the
 * calling thread. The build decodes before it bundles anything, so a bundle meets cached files.
 */
function workerScript(): string | undefined {
	const candidates = [
		fileURLToPath(new URL('./decode-worker.js', import.meta.url)),
		resolve('src/lib/server/decode-worker.js')
	];
	return candidates.find((path) => existsSync(path));
}

let pool: DecodingPool | undefined;

/** Decodes a file (in a worker thread when it can) and measures its duration and peaks. */
export function decodeAudio(file: string): Promise<Decoded> {
	pool ??= new DecodingPool(workerScript());
	return pool.decode(file);
}

async function writeAtomically(file: string, text: string): Promise<void> {
	await mkdir(CACHE_DIR, { recursive: true });
	// Write then rename, so parallel builds never read a half-written file.
	const partial = `${file}.${randomUUID()}.tmp`;
	await writeFile(partial, text);
	await rename(partial, file);
}

/**
 * Like decodeAudio, but keyed by the file's content hash in a disk cache, so an unchanged
 * recording is decoded once, whatever its name or modification time. Also gives the file's
 * size and SHA-256, which the kiosk's offline list publishes.
 */
export async function analyseAudioCached(file: string): Promise<AudioAnalysis> {
	const info = await stat(file);
	const sha256 = fileDigest(file, info);
	const cacheFile = join(CACHE_DIR, `audio-v${ANALYSIS_VERSION}-${sha256}.json`);
	const measured = async (): Promise<Decoded> => {
		try {
			return JSON.parse(await readFile(cacheFile, 'utf8')) as Decoded;
		} catch {
			// Not cached yet (or unreadable): decode.
		}
		const decoded = await decodeAudio(file);
		await writeAtomically(cacheFile, JSON.stringify(decoded));
		return decoded;
	};
	const { duration, peaks, damaged, damage } = await measured();
	saveDigests();
	return { duration, peaks, damaged, damage, sha256, bytes: info.size };
}
