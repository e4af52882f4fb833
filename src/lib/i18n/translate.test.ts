import { describe, expect, it } from 'vitest';
import { loadCatalogue, loadedCatalogue } from './catalogues.ts';
import { fr } from './fr.ts';
import { en } from './messages.ts';
import { pickLanguage, translate } from './translate.ts';

describe('message catalogues', () => {
	it('has the same keys and placeholders in French as in English', () => {
		expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
			expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
		}
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate(fr, 'clip.credit', { credit: 'INED Éditions' })).toBe(
			'Source : INED Éditions.'
		);
		expect(translate(en, 'clip.credit')).toBe('Source: {credit}.');
	});

	it('picks the first supported language of the reader', () => {
		expect(pickLanguage(['lt-LT', 'fr-CA', 'en'], ['en', 'fr'])).toBe('fr');
		expect(pickLanguage(['uk'], ['en', 'fr'])).toBe('en');
	});

	it('has English at hand and loads another catalogue when it is asked for', async () => {
		expect(loadedCatalogue('en')).toBe(en);
		expect(loadedCatalogue('fr')).toBeUndefined();
		expect(await loadCatalogue('fr')).toBe(fr);
		expect(loadedCatalogue('fr')).toBe(fr);
	});
});
