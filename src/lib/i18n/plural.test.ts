import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from './languages.ts';
import { lt } from './lt.ts';
import { en } from './messages.ts';
import { PLURAL_CATEGORIES, selectPlural } from './plural.ts';
import { translate } from './translate.ts';
import { uk } from './uk.ts';

describe('plural forms', () => {
	it('lists the categories Intl.PluralRules knows for each interface language', () => {
		for (const language of UI_LANGUAGES) {
			expect([...PLURAL_CATEGORIES[language]].sort(), language).toEqual(
				[...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort()
			);
		}
	});

	const forms = { one: 'one', few: 'few', many: 'many', other: 'other' };
	it('picks the Ukrainian form: 1 and 21 one, 2 and 22 few, 5, 11 and 25 many', () => {
		const picked = [1, 2, 5, 11, 21, 22, 25].map((n) => selectPlural(forms, n, 'uk'));
		expect(picked).toEqual(['one', 'few', 'many', 'many', 'one', 'few', 'many']);
	});

	it('picks the Lithuanian form: 1 and 21 one, 2, 5, 22 and 25 few, 11 other', () => {
		const picked = [1, 2, 5, 11, 21, 22, 25].map((n) => selectPlural(forms, n, 'lt'));
		expect(picked).toEqual(['one', 'few', 'few', 'other', 'one', 'few', 'few']);
	});

	it('falls back to other when a form is missing', () => {
		expect(selectPlural({ one: 'one', other: 'other' }, 5, 'uk')).toBe('other');
	});

	const lines = (catalogue: typeof uk, language: 'uk' | 'lt', count: number) =>
		translate(catalogue, language, 'search.count', { count, query: 'табір' });

	it('counts found lines in Ukrainian', () => {
		expect([1, 2, 5, 11, 21, 22, 25].map((n) => lines(uk, 'uk', n))).toEqual([
			'За запитом «табір» знайдено 1 рядок.',
			'За запитом «табір» знайдено 2 рядки.',
			'За запитом «табір» знайдено 5 рядків.',
			'За запитом «табір» знайдено 11 рядків.',
			'За запитом «табір» знайдено 21 рядок.',
			'За запитом «табір» знайдено 22 рядки.',
			'За запитом «табір» знайдено 25 рядків.'
		]);
	});

	it('counts found lines in Lithuanian', () => {
		expect([1, 2, 5, 11, 21, 22, 25].map((n) => lines(lt, 'lt', n))).toEqual([
			'Pagal užklausą „табір“ rasta 1 eilutė.',
			'Pagal užklausą „табір“ rastos 2 eilutės.',
			'Pagal užklausą „табір“ rastos 5 eilutės.',
			'Pagal užklausą „табір“ rasta 11 eilučių.',
			'Pagal užklausą „табір“ rasta 21 eilutė.',
			'Pagal užklausą „табір“ rastos 22 eilutės.',
			'Pagal užklausą „табір“ rastos 25 eilutės.'
		]);
	});

	it('counts the seconds before the kiosk resets, and the parts of an index', () => {
		const seconds = (language: 'uk' | 'lt', count: number) =>
			translate(language === 'uk' ? uk : lt, language, 'kiosk.resetIn', { count });
		expect(seconds('uk', 1)).toBe('Через 1 секунду екран повернеться на початок.');
		expect(seconds('uk', 22)).toBe('Через 22 секунди екран повернеться на початок.');
		expect(seconds('uk', 11)).toBe('Через 11 секунд екран повернеться на початок.');
		expect(seconds('lt', 21)).toBe('Po 21 sekundės ekranas grįš į pradžią.');
		expect(seconds('lt', 25)).toBe('Po 25 sekundžių ekranas grįš į pradžią.');
		expect(seconds('lt', 11)).toBe('Po 11 sekundžių ekranas grįš į pradžią.');
		expect(translate(uk, 'uk', 'transcript.index', { count: 5 })).toBe('Зміст запису (5 частин)');
		expect(translate(lt, 'lt', 'transcript.index', { count: 2 })).toBe('Įrašo turinys (2 dalys)');
		expect(translate(lt, 'lt', 'transcript.index', { count: 10 })).toBe('Įrašo turinys (10 dalių)');
		expect(translate(en, 'en', 'transcript.index', { count: 1 })).toBe(
			'Index of the recording (1 part)'
		);
	});
});
