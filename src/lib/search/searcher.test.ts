import { describe, expect, it } from 'vitest';
import { buildIndex, shardFile, shardJson } from './index.ts';
import { matchSpans, queryStems } from './fold.ts';
import { createSearcher, highlight } from './searcher.ts';

const cues = (...texts: string[]) =>
	texts.map((text, i) => ({ start: i * 2, end: i * 2 + 1, text }));
const built = buildIndex([
	{
		slug: 'kengir',
		title: { en: 'Kengir' },
		witness: 'vanda-valiute',
		witnessName: 'Vanda Valiutė',
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
		expect(results[0]!.clip.witnessName).toBe('Vanda Valiutė');
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
