import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PeakAccumulator, peakCount, reducePeaks } from '../audio/peaks.ts';
import type { AudioAnalysis } from '../content/types.ts';

/** Bump when the analysis changes, so cached results are recomputed. */
const ANALYSIS_VERSION = 1;
/** AUDIO_CACHE_DIR lets the benchmark time a build that decodes everything afresh. */
const CACHE_DIR =
	process.env.AUDIO_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'testimony-player');

interface ChunkDecoder {
	decode(chunk: Uint8Array): { channelData: Float32Array[]; sampleRate: number };
	flush?(): { channelData: Float32Array[]; sampleRate: number };
	free(): void;
}

/** Streaming decoders from npm (WASM or plain JS): no ffmpeg or other system binary needed. */
export async function decoderFor(file: string, head: Uint8Array): Promise<ChunkDecoder> {
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

/** Decodes a file chunk by chunk and measures its duration and peaks. */
export async function decodeAudio(file: string): Promise<AudioAnalysis> {
	let decoder: ChunkDecoder | undefined;
	let accumulator: PeakAccumulator | undefined;
	const take = ({
		channelData,
		sampleRate
	}: {
		channelData: Float32Array[];
		sampleRate: number;
	}) => {
		if (!channelData.length || !channelData[0]?.length) return;
		accumulator ??= new PeakAccumulator(sampleRate);
		accumulator.add(channelData);
	};
	try {
		for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) {
			decoder ??= await decoderFor(file, chunk as Buffer);
			take(decoder.decode(new Uint8Array(chunk as Buffer)));
		}
		if (decoder?.flush) take(decoder.flush());
	} finally {
		decoder?.free();
	}
	if (!accumulator) throw new Error('no audio could be decoded from the file');
	const { duration, bins } = accumulator.finish();
	return { duration, peaks: reducePeaks(bins, peakCount(duration)) };
}

/**
 * Like decodeAudio, but keyed by the file's content hash in a disk cache, so an unchanged
 * recording is decoded once, whatever its name or modification time.
 */
export async function analyseAudioCached(file: string): Promise<AudioAnalysis> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	const cacheFile = join(CACHE_DIR, `audio-v${ANALYSIS_VERSION}-${hash.digest('hex')}.json`);
	try {
		return JSON.parse(await readFile(cacheFile, 'utf8')) as AudioAnalysis;
	} catch {
		// Not cached yet (or unreadable): decode below.
	}
	const analysis = await decodeAudio(file);
	await mkdir(CACHE_DIR, { recursive: true });
	// Write then rename, so parallel builds never read a half-written file.
	const partial = `${cacheFile}.${process.pid}.tmp`;
	await writeFile(partial, JSON.stringify(analysis));
	await rename(partial, cacheFile);
	return analysis;
}
