// The demonstration's own promises, checked where it is made: scripts/narration/ holds its
// texts and scripts/narrate.js writes them to transcripts/. (The site's tests run on their own
// collection; transcripts/ belongs to whoever deploys the site and is checked by the build.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Made-up timings, one per cue, a second and a half apart. */
const timingsFor = (/** @type {Narration} */ narration) =>
	narration.cues.map((_, i) => ({ start: 0.6 + i * 1.5, end: 1.6 + i * 1.5 }));

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
