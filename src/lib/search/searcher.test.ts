import { describe, expect, it } from 'vitest';
import { buildIndex, shardFile, shardJson } from './index.ts';
import { matchSpans, queryStems } from './fold.ts';
import { capQuery, createSearcher, highlight, MAX_TERMS } from './searcher.ts';

const cues = (...texts: string[]) =>
	texts.map((text, i) => ({ start: i * 2, end: i * 2 + 1, text }));
const built = buildIndex([
	{
		slug: 'kengir',
		title: { en: 'Kengir' },
		witness: 'vanda-valiute',
		witnessNames: { en: 'Vanda Valiutė', uk: 'Ванда Валюте' },
		synthesized: true,
		languages: ['lt', 'en'],
		tracks: [
			{ lang: 'lt', cues: cues('Pirma eilutė', 'Kengyro sukilimas', 'Paskutinė eilutė') },
			{ lang: 'en', cues: cues('First line', 'The Kengir uprising', 'Last line') }
		]
	}
]);

// The files as a static host would serve them.
const files = new Map<string, string>([['/search/index.json', JSON.stringify(built.meta)]]);
for (const [key, shard] of built.shards)
	files.set(`/search/shards/${shardFile(key)}.json`, shardJson(shard));
for (const [key, rows] of built.texts) files.set(`/search/text/${key}.json`, JSON.stringify(rows));

describe('createSearcher', () => {
	it('returns each hit with its clip, language, times and neighbouring lines', async () => {
		const fetched: string[] = [];
		const searcher = createSearcher('/search', async (path) => {
			fetched.push(path);
			const body = files.get(path);
			return body === undefined ? undefined : JSON.parse(body);
		});
		const { total, results } = await searcher.search('kengir');
		expect(total).toBe(2);
		expect(results.map((r) => [r.lang, r.start, r.end, r.before, r.text, r.after])).toEqual([
			['en', 2, 3, 'First line', 'The Kengir uprising', 'Last line'],
			['lt', 2, 3, 'Pirma eilutė', 'Kengyro sukilimas', 'Paskutinė eilutė']
		]);
		expect(results[0]!.clip.witnessNames.uk).toBe('Ванда Валюте');
		// Each result knows whether its line is a synthesized narration, to say so.
		expect(results[0]!.clip.synthesized).toBe(true);
		// One shard, no other shard, and each file once.
		expect(fetched.filter((p) => p.includes('/shards/'))).toHaveLength(1);
		expect(new Set(fetched).size).toBe(fetched.length);
	});

	it('finds nothing, quietly, for words not in the index', async () => {
		const searcher = createSearcher('/search', async (path) => {
			const body = files.get(path);
			return body === undefined ? undefined : JSON.parse(body);
		});
		expect((await searcher.search('Mordovia')).total).toBe(0);
	});
});

/** `count` different words whose first three letters differ too (each its own shard). */
const distinctWords = (count: number) =>
	Array.from({ length: count }, (_, i) =>
		[0, 1, 2, 3].map((d) => String.fromCharCode(97 + (Math.floor(i / 26 ** d) % 26))).join('')
	);

describe('capQuery', () => {
	it('keeps the first words up to the limit, counting each search word once', () => {
		expect(capQuery('one two three four', 2)).toEqual({ query: 'one two', capped: true });
		// Repeats (as folded) and one-letter words do not count.
		expect(capQuery('Kengir kengir a KENGİR, Évasion x evasion', 2)).toEqual({
			query: 'Kengir kengir a KENGİR, Évasion x evasion',
			capped: false
		});
		expect(capQuery('', 2)).toEqual({ query: '', capped: false });
	});

	it('gives exactly the first MAX_TERMS stems of a query of 10,000 different words', () => {
		const query = distinctWords(10_000).join(' ');
		const capped = capQuery(query);
		expect(capped.capped).toBe(true);
		expect(queryStems(capped.query)).toEqual(queryStems(query).slice(0, MAX_TERMS));
	});
});

describe('a query of 10,000 different words', () => {
	it('fetches at most MAX_TERMS shards and says the rest was left out', async () => {
		const fetched: string[] = [];
		const searcher = createSearcher('/search', async (path) => {
			fetched.push(path);
			const body = files.get(path);
			return body === undefined ? undefined : JSON.parse(body);
		});
		const results = await searcher.search(['kengir', ...distinctWords(10_000)].join(' '));
		expect(fetched.filter((p) => p.includes('/shards/')).length).toBeLessThanOrEqual(MAX_TERMS);
		expect(results.capped).toBe(true);
		expect(queryStems(results.searched)).toHaveLength(MAX_TERMS);
		expect(results.searched.startsWith('kengir aaaa baaa')).toBe(true);
	});
});

describe('highlight', () => {
	it('splits the original text around the matches, keeping every character', () => {
		const text = 'Kengyro sukilimas, Kengir';
		const parts = highlight(text, matchSpans(text, queryStems('kengir')));
		expect(parts).toEqual([
			{ text: 'Kengyro', match: true },
			{ text: ' sukilimas, ', match: false },
			{ text: 'Kengir', match: true }
		]);
		expect(parts.map((p) => p.text).join('')).toBe(text);
	});
});
