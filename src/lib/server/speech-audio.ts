import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
// A CommonJS module: its exports come through the default export.
import libsamplerate from '@alexanderolsen/libsamplerate-js';
import { decoderFor } from './audio.ts';
import { wavHeader } from '../audio/wav.js';

/** What forced alignment listens to: speech needs no more (and eSpeak's reference is 16 kHz). */
export const SPEECH_RATE = 16_000;

/**
 * Converts a recording to 16 kHz mono 16-bit WAV for the aligner, streaming: decoded chunk by
 * chunk with the same npm decoders as the build (no ffmpeg), channels averaged, resampled by
 * libsamplerate and written as it goes, so a 3-hour interview never sits in memory at its
 * original rate. Returns the duration in seconds.
 */
export async function writeSpeechWav(input: string, output: string): Promise<number> {
	const file = await open(output, 'w');
	let written = 0; // samples
	let position = 44;
	let decoder: Awaited<ReturnType<typeof decoderFor>> | undefined;
	let resampler: Awaited<ReturnType<typeof libsamplerate.create>> | undefined;
	let inputRate = 0;

	const write = async (samples: Float32Array) => {
		const bytes = Buffer.alloc(samples.length * 2);
		for (let i = 0; i < samples.length; i++) {
			const s = Math.max(-1, Math.min(1, samples[i]!));
			bytes.writeInt16LE(Math.round(s * 32767), i * 2);
		}
		await file.write(bytes, 0, bytes.length, position);
		position += bytes.length;
		written += samples.length;
	};
	const take = async ({
		channelData,
		sampleRate
	}: {
		channelData: Float32Array[];
		sampleRate: number;
	}) => {
		const frames = channelData[0]?.length ?? 0;
		if (!frames) return;
		if (!inputRate) inputRate = sampleRate;
		if (sampleRate !== inputRate) throw new Error(`sample rate changed from ${inputRate} Hz`);
		const mono = new Float32Array(frames);
		for (const channel of channelData) {
			for (let i = 0; i < frames; i++) mono[i]! += channel[i]! / channelData.length;
		}
		if (inputRate === SPEECH_RATE) return write(mono);
		resampler ??= await libsamplerate.create(1, inputRate, SPEECH_RATE, {
			converterType: libsamplerate.ConverterType.SRC_SINC_FASTEST
		});
		await write(resampler.full(mono));
	};

	try {
		for await (const chunk of createReadStream(input, { highWaterMark: 1 << 18 })) {
			decoder ??= await decoderFor(input, chunk as Buffer);
			await take(decoder.decode(new Uint8Array(chunk as Buffer)));
		}
		if (decoder?.flush) await take(decoder.flush());
		if (!written) throw new Error(`${input}: no audio could be decoded from the file`);
		await file.write(wavHeader(written, SPEECH_RATE), 0, 44, 0);
	} finally {
		decoder?.free();
		resampler?.destroy();
		await file.close();
	}
	return written / SPEECH_RATE;
}
