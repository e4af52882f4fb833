import { describe, expect, it } from 'vitest';
import { formatTime } from './time.ts';

describe('formatTime', () => {
	it('formats minutes and seconds, then hours', () => {
		expect(formatTime(0)).toBe('0:00');
		expect(formatTime(65.4)).toBe('1:05');
		expect(formatTime(3600 + 2 * 60 + 3)).toBe('1:02:03');
	});

	it('truncates like a clock, and adds a fraction on request', () => {
		expect(formatTime(0.99)).toBe('0:00');
		expect(formatTime(125.3, 3)).toBe('2:05.300');
		expect(formatTime(59.9996, 3)).toBe('0:59.999');
		expect(formatTime(4.308, 1)).toBe('0:04.3');
	});

	it('treats negative and non-finite values as zero', () => {
		expect(formatTime(-3)).toBe('0:00');
		expect(formatTime(Number.NaN)).toBe('0:00');
	});
});
