// A worker thread of the build's decoding pool (see audio.ts): decodes the file it is sent and
// answers with its duration and peaks, or the reason it failed. The pool sends one at a time.
import { parentPort } from 'node:worker_threads';
import { decodeFile } from '../audio/decode.js';

parentPort?.on('message', async (/** @type {string} */ file) => {
	try {
		parentPort?.postMessage({ result: await decodeFile(file) });
	} catch (error) {
		parentPort?.postMessage({ error: /** @type {Error} */ (error).message });
	}
});
