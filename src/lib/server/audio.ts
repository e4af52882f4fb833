import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeFile } from '../audio/decode.js';
import { CACHE_DIR, fileDigest, saveDigests, writeAtomically } from './content-hash.js';
import type { AudioAnalysis } from '../content/types.ts';

export { decoderFor } from '../audio/decode.js';

/** Bump when the analysis changes, so cached results are recomputed. */
const ANALYSIS_VERSION = 2;

type Decoded = Awaited<ReturnType<typeof decodeFile>>;

/**
 * Worker threads that decode audio, one per core: decoding is the build's heaviest work, and a
 * collection of hundreds of hours would take hours on one core. Workers are made when first
 * needed, decode one file at a time, and let the process exit whenever none is busy.
 */
class DecodingPool {
	#script: string | undefined;
	#idle: Worker[] = [];
	#workers = 0;
	#queue: Task[] = [];
	#busy = new Map<Worker, Task>();

	constructor(script: string | undefined) {
		this.#script = script;
	}

	decode(file: string): Promise<Decoded> {
		// Where the worker's script cannot be found (inside a bundle), decode on this thread.
		if (!this.#script) return decodeFile(file);
		return new Promise((resolve, reject) => {
			this.#queue.push({ file, resolve, reject });
			this.#next();
		});
	}

	#next() {
		if (this.#queue.length === 0) return;
		const worker =
			this.#idle.pop() ?? (this.#workers < availableParallelism() ? this.#spawn() : undefined);
		if (!worker) return;
		const task = this.#queue.shift()!;
		this.#busy.set(worker, task);
		worker.ref();
		worker.postMessage(task.file);
	}

	#spawn(): Worker {
		this.#workers++;
		const worker = new Worker(this.#script!);
		worker.on('message', ({ result, error }: { result?: Decoded; error?: string }) => {
			const task = this.#busy.get(worker)!;
			this.#busy.delete(worker);
			worker.unref();
			this.#idle.push(worker);
			if (result) task.resolve(result);
			else task.reject(new Error(error));
			this.#next();
		});
		worker.on('error', (error) => {
			// A worker that died takes its task with it: fail that task, and forget the worker.
			this.#busy.get(worker)?.reject(error);
			this.#busy.delete(worker);
			this.#workers--;
			this.#next();
		});
		return worker;
	}
}

interface Task {
	file: string;
	resolve: (decoded: Decoded) => void;
	reject: (error: Error) => void;
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
