import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { waveformPng } from './waveform-image.ts';

/** The pixels of an 8-bit RGB PNG with unfiltered rows, as encodePng writes them. */
function decode(png: Buffer) {
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	const idatLength = png.readUInt32BE(33);
	expect(png.toString('ascii', 37, 41)).toBe('IDAT');
	const rows = inflateSync(png.subarray(41, 41 + idatLength));
	expect(rows.length).toBe(height * (1 + width * 3));
	const pixel = (x: number, y: number) => {
		const at = y * (1 + width * 3) + 1 + x * 3;
		return [rows[at], rows[at + 1], rows[at + 2]];
	};
	return { width, height, pixel };
}

describe('waveformPng', () => {
	it('draws loud stretches tall and silence as the centre line', () => {
		// Silence, then loud, then silence.
		const peaks = [...Array(100).fill(0), ...Array(100).fill(80), ...Array(100).fill(0)];
		const { width, height, pixel } = decode(waveformPng(peaks, { width: 300, height: 160 }));
		expect([width, height]).toEqual([300, 160]);
		const paper = [0xfa, 0xf8, 0xf4];
		const wave = [0x6b, 0x2d, 0x2d];
		// The middle third is loud: its bars reach well above the centre.
		expect([pixel(151, 40), pixel(150, 40)]).toContainEqual(wave);
		// The first third is silent: paper above the centre line.
		expect(pixel(40, 40)).toEqual(paper);
		// The margins stay paper.
		expect(pixel(2, 80)).toEqual(paper);
	});

	it('gives a flat line for a recording with no sound', () => {
		const { pixel } = decode(waveformPng(Array(50).fill(0), { width: 100, height: 60 }));
		expect(pixel(50, 10)).toEqual([0xfa, 0xf8, 0xf4]);
	});
});
