// A worker thread of the build's decoding pool (see audio.ts): decodes the files it is sent,
// one at a time, and answers each with its duration and peaks, or the reason it failed.
import { parentPort } from 'node:worker_threads';
import { decodeFile } from '../audio/decode.js';

parentPort?.on('message', async (/** @type {{ id: number, file: string }} */ { id, file }) => {
	try {
		parentPort?.postMessage({ id, result: await decodeFile(file) });
	} catch (error) {
		parentPort?.postMessage({ id, error: /** @type {Error} */ (error).message });
	}
});
