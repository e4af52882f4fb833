import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatSeconds } from './format.ts';

describe('numbers and dates in the interface language', () => {
	it('groups thousands as each language does', () => {
		expect(formatNumber(12345, 'en')).toBe('12,345');
		// A (narrow) no-break space: the number never breaks across lines.
		expect(formatNumber(12345, 'uk')).toMatch(/^12[\u00a0\u202f]345$/);
		expect(formatNumber(12345, 'lt')).toMatch(/^12[\u00a0\u202f]345$/);
		expect(formatNumber(2.5, 'uk')).toBe('2,5');
	});

	it('abbreviates seconds as each language does', () => {
		// Intl may put a no-break space (narrow in French) between the number and its unit.
		const seconds = (language: 'en' | 'fr' | 'uk' | 'lt') =>
			formatSeconds(10, language).replace(/[\u00a0\u202f]/g, ' ');
		expect(seconds('en')).toBe('10 sec');
		expect(seconds('fr')).toBe('10 s');
		expect(seconds('uk')).toBe('10 с');
		expect(seconds('lt')).toBe('10 sek.');
	});

	it('writes an ISO date of clip.json in words', () => {
		expect(formatDate('1990-06-12', 'en')).toBe('June 12, 1990');
		expect(formatDate('1990-06-12', 'uk')).toBe('12 червня 1990 р.');
		expect(formatDate('1990-06-12', 'lt')).toBe('1990 m. birželio 12 d.');
		expect(formatDate('1990-06', 'fr')).toBe('juin 1990');
		expect(formatDate('1990-06', 'uk')).toMatch(/^червень 1990 р\.$/);
		expect(formatDate('1990', 'lt')).toBe('1990');
	});

	it('leaves any other text, and impossible dates, as the archivist wrote them', () => {
		expect(formatDate('summer 1954', 'uk')).toBe('summer 1954');
		expect(formatDate('1990-13', 'uk')).toBe('1990-13');
		expect(formatDate('1990-02-30', 'lt')).toBe('1990-02-30');
	});
});
