// Writes the search index of a synthetic 1,000-hour archive, in the site's own format (the
// functions of src/lib/search/index.ts, loaded through Vite), so the benchmark can measure what
// the search page downloads and how long a query takes at that scale. Words are synthetic
// (drawn with a Zipf-like frequency), with one real place name (Kengir) among them. Never
// committed; about 5 million cue texts for 1,000 hours, written in about two minutes. Files are
// gzipped only (brotli at this size would take long): the figures are a little pessimistic.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';
import { mulberry32 as random } from './long-fixture.js';

/** @typedef {typeof import('../../src/lib/search/index.ts')} SearchIndex */

// Letters per language, so that words spread over the shards about as real words do (a few
// thousand three-letter beginnings) and Lithuanian and French diacritics go through folding.
const LETTERS = {
	en: { consonants: 'bcdfghklmnprstvwy', vowels: 'aeiou' },
	fr: { consonants: 'bcdfgjlmnpqrstv', vowels: 'aeiouéèà' },
	lt: { consonants: 'bdgjklmnprstvzšžč', vowels: 'aeiouyąęėįųū' }
};
const VOCABULARY = 30_000;
const CUES_PER_HOUR = 1_640;

/**
 * @param {string} dir  where to write `search/`
 * @param {{ hours: number }} options
 */
export async function writeSearchFixture(dir, { hours }) {
	/** @type {{ module: SearchIndex }} */
	const { module: search } = await runnerImport(resolve('src/lib/search/index.ts'), {
		configFile: false
	});
	/** @type {{ module: typeof import('../../src/lib/search/fold.ts') }} */
	const { module: folding } = await runnerImport(resolve('src/lib/search/fold.ts'), {
		configFile: false
	});
	const root = join(dir, 'search');
	for (const old of ['shards', 'text', 'index.json', 'index.json.gz', 'index.json.br']) {
		rmSync(join(root, old), { recursive: true, force: true });
	}
	const next = random(1954);
	const languages = Object.keys(LETTERS).sort();
	/** @type {Record<string, string[]>} */
	const words = {};
	/** @type {Record<string, string[]>} the same words folded, as the index keys them */
	const folded = {};
	const pick = (/** @type {string} */ letters) => letters[Math.floor(next() * letters.length)];
	for (const lang of languages) {
		const { consonants, vowels } = LETTERS[/** @type {'lt'|'en'|'fr'} */ (lang)];
		const seen = new Set();
		while (seen.size < VOCABULARY) {
			let word = '';
			const syllables = 1 + Math.floor(next() * 4);
			for (let i = 0; i < syllables; i++) {
				word += pick(consonants) + pick(vowels) + (next() < 0.3 ? pick(consonants) : '');
			}
			seen.add(word);
		}
		words[lang] = [...seen];
		folded[lang] = words[lang].map((w) => folding.fold(w));
	}
	// Zipf-like: the n-th word about 1/n as often as the first.
	const zipf = () => Math.floor(Math.exp(next() * Math.log(VOCABULARY))) - 1;
	const names = { lt: 'Kengyro', en: 'Kengir', fr: 'Kenguir' };

	/** @type {Map<string, Record<string, number[]>>} */
	const shards = new Map();
	const clips = [];
	const clipCount = Math.ceil(hours / 3);
	let cues = 0;
	const writeGz = (/** @type {string} */ path, /** @type {string} */ body) => {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, body);
		writeFileSync(`${path}.gz`, gzipSync(body, { level: 6 }));
	};
	for (let c = 0; c < clipCount; c++) {
		const slug = `archive-${String(c).padStart(4, '0')}`;
		clips.push({
			slug,
			title: { en: `Interview ${c + 1}`, fr: `Entretien ${c + 1}` },
			witness: `witness-${c % 400}`,
			witnessNames: { en: `Witness ${(c % 400) + 1}` },
			synthesized: false,
			languages
		});
		const perLanguage = Math.round(3 * CUES_PER_HOUR);
		for (const lang of languages) {
			const l = languages.indexOf(lang);
			/** @type {[number, number, string][]} */
			let block = [];
			for (let i = 0; i < perLanguage; i++) {
				const count = 5 + Math.floor(next() * 9);
				const chosen = [];
				for (let w = 0; w < count; w++) chosen.push(zipf());
				const line = chosen.map((w) => words[lang][w]);
				const keys = chosen.map((w) => folded[lang][w]);
				if (next() < 0.0005) {
					const name = names[/** @type {'lt'|'en'|'fr'} */ (lang)];
					line.splice(1, 0, name);
					keys.push(folding.fold(name));
				}
				const text = line.join(' ');
				const posting = search.encodePosting(c, l, i);
				for (const word of new Set(keys)) {
					const key = search.shardKey(word);
					let shard = shards.get(key);
					if (!shard) shards.set(key, (shard = {}));
					(shard[word] ??= []).push(posting);
				}
				block.push([i * 2.2, i * 2.2 + 2, text]);
				if (block.length === search.TEXT_BLOCK || i === perLanguage - 1) {
					const b = Math.floor(i / search.TEXT_BLOCK);
					writeGz(
						join(root, 'text', `${search.textFile(slug, lang, b)}.json`),
						JSON.stringify(block)
					);
					block = [];
				}
				cues++;
			}
		}
	}
	let shardBytes = 0;
	for (const [key, shard] of shards) {
		const body = search.shardJson(shard);
		shardBytes += body.length;
		writeGz(join(root, 'shards', `${search.shardFile(key)}.json`), body);
	}
	writeGz(
		join(root, 'index.json'),
		JSON.stringify({
			version: search.INDEX_VERSION,
			textBlock: search.TEXT_BLOCK,
			languages,
			clips
		})
	);
	return {
		hours: clipCount * 3,
		clips: clipCount,
		cues,
		shards: shards.size,
		shardBytes,
		// For the benchmark's queries: the most frequent English word and a middling one.
		commonWord: words.en[0],
		middlingWord: words.en[300]
	};
}
