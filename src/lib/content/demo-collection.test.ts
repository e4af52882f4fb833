import { describe, expect, it } from 'vitest';
import { folderSource } from '../server/content.ts';
import { loadCollection } from './collection.ts';
import { formatProblem } from './problems.ts';

// The collection the site ships (transcripts/), checked as the build checks it, plus the
// demonstration's own promises: three languages with identical timings, all within the audio.
describe('the demonstration collection', async () => {
	const { collection, problems } = await loadCollection(folderSource('transcripts'));

	it('validates with no errors and no warnings', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('has the six clips of the brief, each labelled as synthesized narration', () => {
		expect(collection.clips.map((c) => c.slug).sort()).toEqual([
			'petrikonis-kengir-suppression',
			'petrikonis-kengir-underground',
			'seikalis-informers',
			'valiute-kengir-witness',
			'yarynich-escape',
			'yarynich-underground'
		]);
		for (const clip of collection.clips) {
			expect(clip.provenance.synthesized, clip.slug).toBe(true);
			expect(clip.provenance.credit, clip.slug).toMatch(/INED Éditions/);
		}
	});

	for (const clip of collection.clips) {
		describe(clip.slug, () => {
			it('speaks the witness’s language and is translated into English and French', () => {
				expect(clip.language).toBe(clip.witness === 'orest-yarynich' ? 'uk' : 'lt');
				expect(clip.tracks.map((t) => t.lang)).toEqual([clip.language, 'en', 'fr']);
			});

			it('lasts 1.5 to 3 minutes in 15 to 35 cues, every cue within the audio', () => {
				expect(clip.duration).toBeGreaterThanOrEqual(90);
				expect(clip.duration).toBeLessThanOrEqual(180);
				for (const track of clip.tracks) {
					expect(track.cues.length).toBeGreaterThanOrEqual(15);
					expect(track.cues.length).toBeLessThanOrEqual(35);
					expect(track.cues.at(-1)!.end, track.file).toBeLessThanOrEqual(clip.duration);
				}
			});

			it('has translations with exactly the cue timings of the original', () => {
				const timings = (i: number) => clip.tracks[i]!.cues.map((c) => [c.start, c.end]);
				expect(timings(1)).toEqual(timings(0));
				expect(timings(2)).toEqual(timings(0));
			});

			it('names the narrator as speaker on every cue', () => {
				for (const track of clip.tracks) {
					expect(
						track.cues.every((c) => c.speaker),
						track.file
					).toBe(true);
				}
			});
		});
	}
});
