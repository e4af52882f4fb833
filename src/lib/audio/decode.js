// Plain JavaScript (typed with JSDoc): the decoding worker threads (src/lib/server/
// decode-worker.js) run it, and Node runs a worker's code without a TypeScript step.
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { PeakAccumulator, peakCount, reducePeaks } from './peaks.js';

/**
 * @typedef {{ channelData: Float32Array[], sampleRate: number }} Decoded
 * @typedef {{ decode(chunk: Uint8Array): Decoded, flush?(): Decoded, free(): void }} ChunkDecoder
 */

/**
 * Streaming decoders from npm (WASM or plain JS): no ffmpeg or other system binary needed.
 * @param {string} file its name gives the format
 * @param {Uint8Array} head the file's first bytes (an Ogg file says there which codec it holds)
 * @returns {Promise<ChunkDecoder>}
 */
export async function decoderFor(file, head) {
	const extension = extname(file).slice(1).toLowerCase();
	switch (extension) {
		case 'mp3':
			return (await import('@audio/decode-mp3')).decoder();
		case 'wav':
			return (await import('@audio/decode-wav')).decoder();
		case 'flac':
			return (await import('@audio/decode-flac')).decoder();
		case 'ogg':
		case 'oga':
		case 'opus': {
			// Ogg holds either codec; an Opus stream announces itself in its first page.
			const isOpus = Buffer.from(head).includes('OpusHead');
			return isOpus
				? (await import('@audio/decode-opus')).decoder()
				: (await import('@audio/decode-vorbis')).decoder();
		}
		default:
			throw new Error(`unsupported audio format ".${extension}"`);
	}
}

/*
 * The WASM decoders print every damaged frame to console.error (a bad MP3 gave up to two
 * million lines). While a chunk is decoded, those lines are counted instead, so a bad file gets
 * one verdict from the build. Decoding a chunk is synchronous: nothing else prints meanwhile.
 */
const DECODER_MESSAGE = /^(mpg123-decoder|flac-decoder|opus-decoder|ogg-vorbis-decoder)\b/;

/**
 * Runs one synchronous decoding step, counting the decoder's complaints into `damage`.
 * @template T
 * @param {{ count: number, first?: string }} damage
 * @param {() => T} step
 * @returns {T}
 */
function counting(damage, step) {
	const print = console.error;
	console.error = (/** @type {unknown[]} */ ...args) => {
		if (typeof args[0] === 'string' && DECODER_MESSAGE.test(args[0])) {
			damage.count++;
			damage.first ??= args[0];
		} else {
			print(...args);
		}
	};
	try {
		return step();
	} finally {
		console.error = print;
	}
}

/**
 * Decodes a file chunk by chunk, in constant memory, and measures its duration and peaks.
 * `damaged` counts the frames the decoder reported and skipped (0 for a sound file).
 * @param {string} file
 * @returns {Promise<{ duration: number, peaks: number[], damaged: number, damage?: string }>}
 */
export async function decodeFile(file) {
	/** @type {ChunkDecoder | undefined} */
	let decoder;
	/** @type {PeakAccumulator | undefined} */
	let accumulator;
	/** @type {{ count: number, first?: string }} */
	const damage = { count: 0 };
	/** @param {Decoded} decoded */
	const take = ({ channelData, sampleRate }) => {
		if (!channelData.length || !channelData[0]?.length) return;
		accumulator ??= new PeakAccumulator(sampleRate);
		accumulator.add(channelData);
	};
	/** @param {() => Decoded} step */
	const counted = (step) => counting(damage, step);
	try {
		for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) {
			const bytes = new Uint8Array(/** @type {Buffer} */ (chunk));
			decoder ??= await decoderFor(file, bytes);
			const active = decoder;
			take(counted(() => active.decode(bytes)));
		}
		const active = decoder;
		if (active?.flush) take(counted(() => /** @type {() => Decoded} */ (active.flush)()));
	} finally {
		decoder?.free();
	}
	if (!accumulator) throw new Error('no audio could be decoded from the file');
	const { duration, bins } = accumulator.finish();
	const peaks = reducePeaks(bins, peakCount(duration));
	return { duration, peaks, damaged: damage.count, damage: damage.first };
}
