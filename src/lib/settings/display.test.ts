import { describe, expect, it } from 'vitest';
import { applyTheme, DEFAULT_CAPTIONS, parseCaptions, parseTheme } from './display.ts';

describe('themes', () => {
	it('reads a stored theme, anything else is "system"', () => {
		expect(parseTheme('contrast')).toBe('contrast');
		expect(parseTheme('dark')).toBe('dark');
		expect(parseTheme('purple')).toBe('system');
		expect(parseTheme(null)).toBe('system');
	});

	it('resolves "system" from the browser, more contrast first', () => {
		const none = { moreContrast: false, dark: false };
		expect(applyTheme('system', none)).toBe('light');
		expect(applyTheme('system', { moreContrast: false, dark: true })).toBe('dark');
		expect(applyTheme('system', { moreContrast: true, dark: true })).toBe('contrast');
		expect(applyTheme('light', { moreContrast: true, dark: true })).toBe('light');
	});
});

describe('parseCaptions', () => {
	it('keeps what was saved', () => {
		const saved = { shown: true, size: 4, spacing: 'loose', stacked: true, announce: true };
		expect(parseCaptions(JSON.stringify(saved))).toEqual(saved);
	});

	it('falls back field by field', () => {
		expect(parseCaptions(null)).toEqual(DEFAULT_CAPTIONS);
		expect(parseCaptions('{')).toEqual(DEFAULT_CAPTIONS);
		expect(parseCaptions('[true]')).toEqual(DEFAULT_CAPTIONS);
		expect(parseCaptions('{"size":9,"spacing":"toString","shown":"yes","stacked":true}')).toEqual({
			...DEFAULT_CAPTIONS,
			stacked: true
		});
		expect(parseCaptions('{"size":1.5}')).toEqual(DEFAULT_CAPTIONS);
	});
});
