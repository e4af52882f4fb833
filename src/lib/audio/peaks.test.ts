import { describe, expect, it } from 'vitest';
import { MAX_PEAKS, PeakAccumulator, peakCount, reducePeaks } from './peaks.js';

describe('PeakAccumulator', () => {
	it('measures duration and the loudest sample of each bin, across channels and chunks', () => {
		const acc = new PeakAccumulator(1000); // 10 samples per bin
		const left = new Float32Array(15).fill(0.1);
		const right = new Float32Array(15).fill(0);
		right[3] = -0.8;
		acc.add([left, right]);
		acc.add([new Float32Array(10).fill(0.5), new Float32Array(10)]);
		const { duration, bins } = acc.finish();
		expect(duration).toBeCloseTo(0.025);
		expect(bins.map((b) => Math.round(b * 10) / 10)).toEqual([0.8, 0.5, 0.5]);
	});
});

describe('peaks', () => {
	it('publishes 20 peaks a second, capped for long recordings', () => {
		expect(peakCount(120)).toBe(2400);
		expect(peakCount(3 * 3600)).toBe(MAX_PEAKS);
	});

	it('reduces bins to the maximum of each group, normalised to 0..100', () => {
		expect(reducePeaks([0.1, 0.2, 0.4, 0.1], 2)).toEqual([50, 100]);
		expect(reducePeaks([0, 0], 2)).toEqual([0, 0]);
		expect(reducePeaks([0.5], 3)).toEqual([100, 100, 100]);
	});
});
