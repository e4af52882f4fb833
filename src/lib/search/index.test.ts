import { describe, expect, it } from 'vitest';
import {
	buildIndex,
	decodePosting,
	encodePosting,
	findCues,
	shardFile,
	shardJson,
	shardKey,
	type Shard,
	type SourceClip
} from './index.ts';

const clip = (slug: string, tracks: SourceClip['tracks']): SourceClip => ({
	slug,
	title: { en: slug },
	witness: 'w',
	witnessNames: { en: 'W' },
	synthesized: false,
	languages: tracks.map((t) => t.lang),
	tracks
});
const cues = (...texts: string[]) =>
	texts.map((text, i) => ({ start: i * 2, end: i * 2 + 1, text }));

const collection = [
	clip('a', [
		{ lang: 'lt', cues: cues('Kengyro sukilimas', 'Vanda Valiutė matė') },
		{ lang: 'en', cues: cues('The Kengir uprising', 'Vanda Valiutė saw it') }
	]),
	clip('b', [
		{ lang: 'uk', cues: cues('Орест Яринич', 'втеча з табору') },
		{ lang: 'fr', cues: cues('Orest Yarynich', 'l’évasion du camp de Kenguir') }
	])
];
const index = buildIndex(collection);
/** A shard as the browser gets it: through its file. */
const load = async (key: string) => {
	const shard = index.shards.get(key);
	return shard && (JSON.parse(shardJson(shard)) as Shard);
};

describe('postings', () => {
	it('round-trip clip, language and cue', () => {
		expect(decodePosting(encodePosting(1234, 5, 98765))).toEqual({
			clip: 1234,
			lang: 5,
			cue: 98765
		});
	});
	it('sort in collection order', () => {
		expect(encodePosting(1, 0, 5)).toBeLessThan(encodePosting(1, 1, 0));
		expect(encodePosting(1, 9, 99)).toBeLessThan(encodePosting(2, 0, 0));
	});
});

describe('shards', () => {
	it('are keyed by the first three folded letters, with safe file names', () => {
		expect(shardKey('kengiro')).toBe('ken');
		expect(shardFile('кен')).toMatch(/^[0-9a-z-]+$/);
	});
	it('hold only the words of their key', () => {
		for (const [key, shard] of index.shards) {
			for (const word of shard.keys()) expect(shardKey(word)).toBe(key);
		}
	});
	it('store postings ascending as gaps, so long lists stay short', () => {
		const stored = JSON.parse(shardJson({ camp: [encodePosting(1, 0, 9), 7, 3, 5] })) as Shard;
		expect(stored.camp).toEqual([3, 2, 2, encodePosting(1, 0, 9) - 7]);
	});
	it('serialise the same way every time', () => {
		const again = buildIndex(collection);
		for (const [key, shard] of index.shards) {
			expect(shardJson(again.shards.get(key)!)).toBe(shardJson(shard));
		}
	});
});

describe('words named like Object.prototype members', () => {
	// "constructor" in a cue crashed the build: shards were plain objects (issue 21).
	const names = ['constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty'];
	const hostile = buildIndex([
		clip('constructor', [{ lang: 'en', cues: cues(...names, names.join(' ')) }])
	]);
	const loadHostile = async (key: string) => {
		const shard = hostile.shards.get(key);
		return shard && (JSON.parse(shardJson(shard)) as Shard);
	};

	it('are indexed and found like any word', async () => {
		for (const [i, name] of names.entries()) {
			const { hits } = await findCues(name, loadHostile);
			// "__proto__" is the word "proto", whose stem also finds "prototype".
			expect(hits, name).toEqual(
				expect.arrayContaining([
					{ clip: 0, lang: 0, cue: i },
					{ clip: 0, lang: 0, cue: names.length }
				])
			);
		}
	});
	it('are written to their shard file as own keys', () => {
		const file = JSON.parse(shardJson(hostile.shards.get('con')!)) as Shard;
		expect(Object.hasOwn(file, 'constructor')).toBe(true);
		expect(file.constructor).toEqual([0, names.length]);
	});
});

describe('findCues', () => {
	const languages = index.meta.languages;
	const where = (hits: { clip: number; lang: number; cue: number }[]) =>
		hits.map((h) => `${collection[h.clip]!.slug}/${languages[h.lang]}/${h.cue}`);

	it('finds a name in every language and spelling', async () => {
		const { hits } = await findCues('Kengir', load);
		expect(where(hits)).toEqual(['a/en/0', 'a/lt/0', 'b/fr/1']);
	});
	it('folds diacritics: Valiute finds Valiutė', async () => {
		expect(where((await findCues('Valiute', load)).hits)).toEqual(['a/en/1', 'a/lt/1']);
	});
	it('finds Cyrillic with Cyrillic, in any case', async () => {
		expect(where((await findCues('ЯРИНИЧ', load)).hits)).toEqual(['b/uk/0']);
	});
	it('needs every word of the query', async () => {
		expect(where((await findCues('Vanda saw', load)).hits)).toEqual(['a/en/1']);
		expect(where((await findCues('Vanda tanks', load)).hits)).toEqual([]);
	});
	it('loads only the shards of the query words', async () => {
		const asked: string[] = [];
		await findCues('evasion camp', async (key) => {
			asked.push(key);
			return load(key);
		});
		expect(asked.sort()).toEqual(['cam', 'eva']);
	});
	it('keeps cue texts in blocks for showing results', () => {
		expect(index.texts.get('b/fr-0')?.[1]).toEqual([2, 3, 'l’évasion du camp de Kenguir']);
	});
});
