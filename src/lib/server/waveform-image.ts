import { crc32, deflateSync } from 'node:zlib';

/*
 * A clip's waveform as a PNG, drawn at build time from its peaks: the picture IIIF viewers show
 * for the clip (a manifest's `thumbnail`) and the image of a link's preview (`og:image`). Bars
 * on the site's paper, in its colours; encoded here (a PNG is a few chunks of deflated rows),
 * so no image library is needed for a picture of rectangles.
 */

/** Open Graph's recommended size, which also serves as a thumbnail. */
export const WAVEFORM_IMAGE = { width: 1200, height: 630 } as const;

const PAPER = [0xfa, 0xf8, 0xf4];
const WAVE = [0x6b, 0x2d, 0x2d];
const RULE = [0xd9, 0xd4, 0xca];

function chunk(type: string, data: Uint8Array): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGB PNG of `width` × `height` pixels, from `rgb` (3 bytes per pixel, row by row). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
	// Each row starts with its filter type: 0, none.
	const rows = Buffer.alloc(height * (1 + width * 3));
	for (let y = 0; y < height; y++) {
		rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (1 + width * 3) + 1);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', new Uint8Array(0))
	]);
}

/**
 * The waveform: one bar per column group, as tall as the loudest peak it covers (peaks
 * relative to the loudest), mirrored about a centre line, with margins.
 */
export function waveformPng(
	peaks: readonly number[],
	size: { width: number; height: number } = WAVEFORM_IMAGE
): Buffer {
	const { width, height } = size;
	const rgb = new Uint8Array(width * height * 3);
	for (let i = 0; i < width * height; i++) rgb.set(PAPER, i * 3);
	const fill = (x0: number, y0: number, x1: number, y1: number, colour: number[]) => {
		for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
			for (let x = Math.max(0, x0); x < Math.min(width, x1); x++)
				rgb.set(colour, (y * width + x) * 3);
		}
	};
	const margin = Math.round(width * 0.06);
	const middle = Math.round(height / 2);
	const half = Math.round(height * 0.36);
	fill(margin, middle, width - margin, middle + 1, RULE);
	const bar = 4;
	const gap = 2;
	const bars = Math.floor((width - 2 * margin) / (bar + gap));
	const loudest = peaks.reduce((max, p) => Math.max(max, Math.abs(p)), 0) || 1;
	for (let b = 0; b < bars; b++) {
		const from = Math.floor((b / bars) * peaks.length);
		const to = Math.max(from + 1, Math.floor(((b + 1) / bars) * peaks.length));
		let peak = 0;
		for (let i = from; i < to && i < peaks.length; i++) peak = Math.max(peak, Math.abs(peaks[i]!));
		const extent = Math.max(1, Math.round((peak / loudest) * half));
		const x = margin + b * (bar + gap);
		fill(x, middle - extent, x + bar, middle + extent, WAVE);
	}
	return encodePng(width, height, rgb);
}
