import { describe, expect, it } from 'vitest';
import { fallbackLang, localize } from './localized.ts';

describe('texts of the collection in the interface language', () => {
	const title = {
		en: 'Organising an escape',
		fr: 'Organiser une évasion',
		uk: 'Організація втечі'
	};

	it('shows the text in the interface language when it is given', () => {
		expect(localize(title, 'uk')).toEqual({ value: 'Організація втечі', lang: 'uk' });
		expect(fallbackLang(title, 'uk')).toBeUndefined();
		expect(fallbackLang(title, 'en')).toBeUndefined();
	});

	it('falls back to English, and says so for the lang attribute', () => {
		expect(localize(title, 'lt')).toEqual({ value: 'Organising an escape', lang: 'en' });
		expect(fallbackLang(title, 'lt')).toBe('en');
	});

	it('works for lists (a witness’s facts) and ignores inherited names', () => {
		const facts = { en: ['Lithuanian partisan.'], lt: ['Lietuvių partizanas.'] };
		expect(localize(facts, 'lt').value).toEqual(['Lietuvių partizanas.']);
		expect(localize(facts, 'uk')).toEqual({ value: ['Lithuanian partisan.'], lang: 'en' });
		const odd = Object.create({ uk: 'inherited' }) as { en: string };
		Object.assign(odd, { en: 'own' });
		expect(localize(odd, 'uk').value).toBe('own');
	});
});
