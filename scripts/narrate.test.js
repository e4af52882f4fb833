// The demonstration's own promises, checked where it is made: scripts/narration/ holds its
// texts and scripts/narrate.js writes them to transcripts/. (The site's tests run on their own
// collection; transcripts/ belongs to whoever deploys the site and is checked by the build.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../src/lib/transcript/vtt.ts';
import { chaptersVtt, narrationLanguages, spokenText, TAIL, transcriptVtt } from './narrate.js';

/** @typedef {import('./narrate.js').Narration} Narration */

const SOURCE = 'scripts/narration';
const OUT = 'transcripts';
const WITNESS_LANGUAGE = { yarynich: 'uk', petrikonis: 'lt', seikalis: 'lt', valiute: 'lt' };

const slugs = readdirSync(SOURCE)
	.filter((f) => f.endsWith('.json'))
	.map((f) => f.slice(0, -'.json'.length))
	.sort();
/** @type {(slug: string) => Narration} */
const narrationOf = (slug) => JSON.parse(readFileSync(join(SOURCE, `${slug}.json`), 'utf8'));

// The INED page that the narration's facts come from sits beside the repository, in the
// project's shared folder; a clone on its own (CI) does not have it, so the check against it is
// skipped there. Its words are not copied into this repository.
const INED_PAGE = fileURLToPath(
	new URL('../../shared/sources/ined-sound-archives.txt', import.meta.url)
);
const hasInedPage = existsSync(INED_PAGE);
const SKIPPED_WITHOUT_PAGE =
	' (skipped: ../shared/sources/ined-sound-archives.txt is not beside this repository, as in CI)';

/**
 * A test against the INED page, read once; skipped, and saying why in its name, without it.
 * @param {string} name
 * @param {(copied: (text: string) => string[]) => void} body
 */
function itOnInedPage(name, body, skip = false) {
	it.skipIf(!hasInedPage || skip)(hasInedPage ? name : name + SKIPPED_WITHOUT_PAGE, () =>
		body(inedChecker())
	);
}
/** @type {((text: string) => string[]) | undefined} */
let inedCheck;
const inedChecker = () => (inedCheck ??= copyChecker(readFileSync(INED_PAGE, 'utf8')));
const RUN = 6;
// Titles are names, not sentences: the publication's and the six recordings' (as the INED page
// gives them) may be cited in full.
const TITLES = new RegExp(
	[
		'INED Éditions',
		'Sound Archives: European Memories of the Gulag',
		'Organising an escape',
		'About the underground organisations in the camps',
		'About eliminating spies in the camps',
		'Underground life at Kengir camp',
		'The Kengir uprising put down',
		'Witness to the suppression of the Kengir revolt'
	].join('|'),
	'gi'
);

/** Lower-case words without punctuation: “Hard-labour” is “hard labour”, “Stalin’s” is “stalin s”. */
const wordsOf = (/** @type {string} */ text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** Every run of `n` consecutive words of a list of words. */
const runsOf = (/** @type {string[]} */ words, /** @type {number} */ n) =>
	words.length < n ? [] : words.slice(0, words.length - n + 1).map((_, i) => words.slice(i, i + n));
/** A run's words joined, its word `at` replaced by a wildcard… */
const blank = (/** @type {string[]} */ run, /** @type {number} */ at) =>
	run.map((w, i) => (i === at ? '*' : w)).join(' ');
/** …or left out. */
const without = (/** @type {string[]} */ run, /** @type {number} */ at) =>
	run.filter((_, i) => i !== at).join(' ');

/**
 * A checker for close copies of a source text: a run of RUN words in the same order, the same
 * run with one word changed, one word inserted or one word left out.
 * @param {string} source
 * @returns {(text: string) => string[]} the copied runs found in a text
 */
function copyChecker(source) {
	const sourceWords = wordsOf(source);
	const changed = new Set();
	const shortened = new Set();
	const exact = new Set();
	for (const run of runsOf(sourceWords, RUN)) {
		exact.add(run.join(' '));
		for (let i = 0; i < RUN; i++) changed.add(blank(run, i));
	}
	for (const run of runsOf(sourceWords, RUN + 1))
		for (let i = 0; i <= RUN; i++) shortened.add(without(run, i));
	return (text) => {
		const found = [];
		for (const part of text.split(TITLES)) {
			const words = wordsOf(part);
			for (const run of runsOf(words, RUN)) {
				const joined = run.join(' ');
				if (exact.has(joined)) found.push(`same words: “${joined}”`);
				else if (run.some((_, i) => changed.has(blank(run, i))))
					found.push(`one word changed: “${joined}”`);
				else if (shortened.has(joined)) found.push(`one word left out: “${joined}”`);
			}
			for (const run of runsOf(words, RUN + 1))
				if (run.some((_, i) => exact.has(without(run, i))))
					found.push(`one word inserted: “${run.join(' ')}”`);
		}
		return found;
	};
}

/** Made-up timings, one per cue, a second and a half apart. */
const timingsFor = (/** @type {Narration} */ narration) =>
	narration.cues.map((_, i) => ({ start: 0.6 + i * 1.5, end: 1.6 + i * 1.5 }));

describe('the close-copy check', () => {
	const check = copyChecker(
		'The keeper rowed out to the lighthouse on the rocks every single morning, long before dawn.'
	);
	it('finds six words in the same order, with case and punctuation ignored', () => {
		expect(check('Then: “Rowed out to the Lighthouse, on” foot.')).toContain(
			'same words: “rowed out to the lighthouse on”'
		);
		expect(check('He went out in a boat to the lighthouse.')).toEqual([]);
	});
	it('finds a run with one word changed, inserted or left out', () => {
		expect(check('She rowed out to the lamp on the shore.')).toContain(
			'one word changed: “rowed out to the lamp on”'
		);
		expect(check('Each day she rowed out to the old lighthouse on a boat.')).toEqual([
			'one word inserted: “rowed out to the old lighthouse on”'
		]);
		expect(check('The keeper rowed out the lighthouse way.')).toEqual([
			'one word left out: “the keeper rowed out the lighthouse”'
		]);
	});
	it('lets titles through: they are names', () => {
		expect(check('Her book is called Organising an escape.')).toEqual([]);
	});
	it('lets the same facts through in other words', () => {
		expect(check('Every morning before sunrise he took a boat to the lighthouse.')).toEqual([]);
	});

	// The five close paraphrases of the INED page that issue 30 found in the narration, before
	// they were reworded: the check must catch each of them.
	itOnInedPage('catches the five close paraphrases of the INED page found in issue 30', (ined) => {
		for (const old of [
			'An informer could only be dealt with by prisoners of his own nationality.',
			'One of their aims was to disrupt the work of the camp intelligence officers by eliminating informers.',
			'Discipline problems became a major obstacle to running the camps and to meeting production plans.',
			'The organisations helped the weakest prisoners when they came out of isolation blocks and punishment huts.',
			'After 1944, the Soviet camps received many political prisoners sentenced to long terms of hard labour.'
		])
			expect(ined(old), old).not.toEqual([]);
	});

	const collection = join(OUT, 'collection.json');
	itOnInedPage(
		'finds no run of the INED page in the collection’s description',
		(copied) => {
			const { description = {} } = JSON.parse(readFileSync(collection, 'utf8'));
			for (const [lang, text] of Object.entries(description))
				expect(copied(String(text)), `description ${lang}`).toEqual([]);
		},
		!existsSync(collection)
	);
});

describe('the demonstration narration', () => {
	it('has the six clips of the brief', () => {
		expect(slugs).toEqual([
			'petrikonis-kengir-suppression',
			'petrikonis-kengir-underground',
			'seikalis-informers',
			'valiute-kengir-witness',
			'yarynich-escape',
			'yarynich-underground'
		]);
	});

	for (const slug of slugs) {
		describe(slug, () => {
			const narration = narrationOf(slug);

			it('is in the witness’s language with English and French translations', () => {
				const witness = /** @type {keyof typeof WITNESS_LANGUAGE} */ (slug.split('-')[0]);
				expect(narrationLanguages(narration)).toEqual([WITNESS_LANGUAGE[witness], 'en', 'fr']);
				for (const [i, cue] of narration.cues.entries()) {
					const { spoken: _spoken, ...texts } = cue;
					expect(Object.keys(texts).sort(), `cue ${i + 1}`).toEqual(
						narrationLanguages(narration).sort()
					);
				}
			});

			// espeak-ng reads "1944 metų" as "…keturiasdešimt keturi metų": a cue whose words have
			// digits needs a spoken form with the number in words, in its grammatical case.
			it('speaks every number in words, and no English title', () => {
				for (const [i, cue] of narration.cues.entries()) {
					const spoken = spokenText(narration, cue);
					expect(spoken, `cue ${i + 1}`).not.toMatch(/\p{Nd}/u);
					expect(spoken, `cue ${i + 1}`).not.toMatch(/Sound Archives|Memories|Éditions|INED/);
					if (narration.language === 'uk') expect(spoken, `cue ${i + 1}`).not.toMatch(/[A-Za-z]/);
				}
			});

			// Rule 2 of the content brief: every sentence is the edition's own, in every language.
			itOnInedPage(
				'copies no run of the INED page, in any language (its cues, chapters and description)',
				(copied) => {
					/** @type {[string, string][]} */
					const texts = [];
					for (const [i, cue] of narration.cues.entries())
						for (const [lang, text] of Object.entries(cue))
							texts.push([`cue ${i + 1} ${lang}`, text]);
					for (const [i, chapter] of narration.chapters.entries())
						for (const lang of narrationLanguages(narration))
							texts.push([`chapter ${i + 1} ${lang}`, chapter[lang]]);
					const clip = join(OUT, slug, 'clip.json');
					if (existsSync(clip))
						for (const [lang, text] of Object.entries(
							JSON.parse(readFileSync(clip, 'utf8')).description ?? {}
						))
							texts.push([`clip.json description ${lang}`, String(text)]);
					const found = texts.flatMap(([where, text]) =>
						copied(text).map((run) => `${where}: ${run}`)
					);
					expect(found).toEqual([]);
				}
			);

			it('has 15 to 35 cues and chapters that start on them, in order', () => {
				expect(narration.cues.length).toBeGreaterThanOrEqual(15);
				expect(narration.cues.length).toBeLessThanOrEqual(35);
				const firsts = narration.chapters.map((c) => c.firstCue);
				expect(firsts[0]).toBe(0);
				expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
				expect(new Set(firsts).size).toBe(firsts.length);
				expect(Math.max(...firsts)).toBeLessThan(narration.cues.length);
			});

			it('is written in every language with exactly the same timings, the narrator on each cue', () => {
				const timings = timingsFor(narration);
				for (const lang of narrationLanguages(narration)) {
					const file = `${slug}/${lang}.vtt`;
					const { cues, problems } = parseVtt(transcriptVtt(narration, lang, timings), file);
					expect(problems, file).toEqual([]);
					expect(cues.map((c) => [c.start, c.end])).toEqual(timings.map((t) => [t.start, t.end]));
					expect(cues.map((c) => c.speaker)).toEqual(cues.map(() => narration.speaker[lang]));
					const chapters = parseVtt(chaptersVtt(narration, lang, timings), file, 'chapters');
					expect(chapters.problems, file).toEqual([]);
					expect(chapters.cues.at(-1)?.end).toBe(timings.at(-1)?.end);
				}
			});

			// The generated files are committed; if the deployer has removed the demonstration
			// from transcripts/, there is nothing to compare.
			it.skipIf(!existsSync(join(OUT, slug)))(
				'is what transcripts/ holds, 1.5 to 3 minutes long (run scripts/narrate.js after an edit)',
				() => {
					const [original] = narrationLanguages(narration);
					const read = (/** @type {string} */ name) => readFileSync(join(OUT, slug, name), 'utf8');
					const { cues } = parseVtt(read(`${original}.vtt`), `${slug}/${original}.vtt`);
					const timings = cues.map((c) => ({ start: c.start, end: c.end }));
					// The audio goes on for TAIL seconds after the last cue (the build checks that
					// every cue ends within the audio).
					const duration = (cues.at(-1)?.end ?? 0) + TAIL;
					expect(duration).toBeGreaterThanOrEqual(90);
					expect(duration).toBeLessThanOrEqual(180);
					for (const lang of narrationLanguages(narration)) {
						expect(read(`${lang}.vtt`)).toBe(transcriptVtt(narration, lang, timings));
						expect(read(`chapters.${lang}.vtt`)).toBe(chaptersVtt(narration, lang, timings));
					}
				}
			);
		});
	}
});
