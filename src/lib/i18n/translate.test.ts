import { describe, expect, it } from 'vitest';
import { loadCatalogue, loadedCatalogue } from './catalogues.ts';
import { fr } from './fr.ts';
import { UI_LANGUAGES } from './languages.ts';
import { lt } from './lt.ts';
import { en, GENDERED_KEYS, type Catalogue, type MessageKey } from './messages.ts';
import { PLURAL_CATEGORIES } from './plural.ts';
import { pickLanguage, translate, translateParts } from './translate.ts';
import { uk } from './uk.ts';

const catalogues: Record<(typeof UI_LANGUAGES)[number], Catalogue> = { en, fr, uk, lt };
const keys = Object.keys(en) as MessageKey[];
/** Every text of a message: the message itself, or each of its plural forms. */
const texts = (message: Catalogue[MessageKey]) =>
	typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('message catalogues', () => {
	for (const language of UI_LANGUAGES) {
		it(`has every key of the English in ${language}, with the same placeholders`, () => {
			const catalogue = catalogues[language];
			expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
			for (const key of keys) {
				// English's one-form may leave the number out ("the first word"); the others not.
				const wanted = placeholders(texts(en[key]).at(-1)!);
				for (const text of texts(catalogue[key])) {
					const found = placeholders(text);
					if (language === 'en' || language === 'fr') {
						expect(wanted, `${language} ${key}: ${text}`).toEqual(expect.arrayContaining(found));
					} else expect(found, `${language} ${key}: ${text}`).toEqual(wanted);
				}
			}
		});

		it(`gives each counting message in ${language} exactly the plural forms of its grammar`, () => {
			const aboutWitness: readonly string[] = GENDERED_KEYS;
			for (const key of keys) {
				const message = catalogues[language][key];
				if (typeof message !== 'string' && aboutWitness.includes(key))
					expect(Object.keys(message).sort(), key).toEqual(['feminine', 'other']);
				else if (typeof en[key] === 'string') expect(typeof message, key).toBe('string');
				else
					expect(Object.keys(message).sort(), key).toEqual([...PLURAL_CATEGORIES[language]].sort());
			}
		});
	}

	it('says liudytoja in Lithuanian for a woman, liudytojas for a man or an unrecorded gender', () => {
		const label = (gender?: 'feminine' | 'masculine') =>
			translate(lt, 'lt', 'clip.synthesizedShort', { gender });
		expect(label('feminine')).toBe('Sintezuotas įgarsinimas, o ne liudytojos balsas');
		expect(label('masculine')).toBe('Sintezuotas įgarsinimas, o ne liudytojo balsas');
		expect(label(undefined)).toBe('Sintezuotas įgarsinimas, o ne liudytojo balsas');
		expect(translate(lt, 'lt', 'clip.witness', { gender: 'feminine' })).toBe('Liudytoja');
		expect(translate(en, 'en', 'clip.witness', { gender: 'feminine' })).toBe('Witness');
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate(fr, 'fr', 'clip.credit', { credit: 'INED Éditions' })).toBe(
			'Source : INED Éditions.'
		);
		expect(translate(en, 'en', 'clip.credit')).toBe('Source: {credit}.');
	});

	it('writes numbers as the language writes them', () => {
		const query = 'Kengir';
		expect(translate(en, 'en', 'search.count', { count: 1234, query })).toBe(
			'1,234 lines found for “Kengir”.'
		);
		// Ukrainian groups thousands with a (narrow) no-break space, not a comma.
		expect(translate(uk, 'uk', 'search.count', { count: 12345, query })).toMatch(
			/^За запитом «Kengir» знайдено 12\s345 рядків\.$/u
		);
	});

	it('cuts a message at its values, so a page can mark one apart', () => {
		expect(
			translateParts(uk, 'uk', 'clip.synthesized', { heldBy: 'its archive', gender: undefined }).at(
				-2
			)
		).toEqual({
			text: 'its archive',
			name: 'heldBy'
		});
		expect(
			translateParts(en, 'en', 'clip.credit', { credit: 'INED' })
				.map((p) => p.text)
				.join('')
		).toBe('Source: INED.');
	});

	it('falls back to the other form when a counting message is given no count', () => {
		// @ts-expect-error -- a counting message needs its count; at run time it still reads.
		expect(translate(en, 'en', 'transcript.index')).toBe('Index of the recording ({count} parts)');
	});

	it('picks the first supported language of the reader', () => {
		expect(pickLanguage(['de-DE', 'fr-CA', 'en'], ['en', 'fr'])).toBe('fr');
		expect(pickLanguage(['uk-UA', 'en'], UI_LANGUAGES)).toBe('uk');
		expect(pickLanguage(['lt'], UI_LANGUAGES)).toBe('lt');
		expect(pickLanguage(['uk'], ['en', 'fr'])).toBe('en');
	});

	it('has English at hand and loads another catalogue when it is asked for', async () => {
		expect(loadedCatalogue('en')).toBe(en);
		for (const language of ['fr', 'uk', 'lt'] as const) {
			expect(loadedCatalogue(language)).toBeUndefined();
			expect(await loadCatalogue(language)).toBe(catalogues[language]);
			expect(loadedCatalogue(language)).toBe(catalogues[language]);
		}
	});
});
