import { describe, expect, it } from 'vitest';
import { containsAll, fold, matchSpans, queryStems, stem, words } from './fold.ts';

describe('fold', () => {
	it('ignores case and Lithuanian diacritics', () => {
		expect(fold('Valiutė')).toBe(fold('valiute'));
		expect(fold('ŠIAULIAI')).toBe(fold('siauliai'));
	});
	it('ignores apostrophe variants', () => {
		expect(fold('l’évasion')).toBe(fold("l'evasion"));
		expect(fold('п’ять')).toBe(fold('пʼять'));
		expect(fold('п’ять')).toBe(fold('пять'));
	});
	it('blurs the Ukrainian pairs people mix up', () => {
		expect(fold('ґрати')).toBe(fold('грати'));
		expect(fold('Україна')).toBe(fold('украина'));
		expect(fold('їжа')).toBe(fold('іжа'));
		expect(fold('Яринич')).toBe(fold('ЯРИНІЧ'));
	});
	it('treats Lithuanian y as i, so Kengyras meets Kengir', () => {
		expect(fold('Kengyro')).toBe('kengiro');
	});
});

describe('words and stems', () => {
	it('keeps offsets into the original text', () => {
		const text = 'Vanda Valiutė, 1954: «l’évasion»';
		expect(words(text).map((w) => text.slice(w.start, w.end))).toEqual([
			'Vanda',
			'Valiutė',
			'1954',
			'l’évasion'
		]);
	});
	it('stems long words by up to two letters, never below four', () => {
		expect(stem('kengir')).toBe('keng');
		expect(stem('informers')).toBe('informe');
		expect(stem('tank')).toBe('tank');
	});
	it('matches inflected forms in every language of the collection', () => {
		const stems = queryStems('Kengir');
		expect(matchSpans('Kengyro sukilimas', stems)).toHaveLength(1);
		expect(matchSpans('the Kengir uprising', stems)).toHaveLength(1);
		expect(matchSpans('soulèvement de Kenguir', stems)).toHaveLength(1);
		expect(matchSpans('втеча', queryStems('втечі'))).toHaveLength(1);
	});
	it('finds a line only when it holds every word', () => {
		expect(containsAll('Tanks drove into the camp', queryStems('camp tank'))).toBe(true);
		expect(containsAll('Tanks drove into the camp', queryStems('camp women'))).toBe(false);
	});
	it('drops one-letter words and repeats', () => {
		expect(queryStems('a tank, a tank')).toEqual(['tank']);
	});
});
