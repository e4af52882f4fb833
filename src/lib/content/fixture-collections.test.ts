import { describe, expect, it } from 'vitest';
import { MAIN_CLIP, OTHER_ARCHIVE, SITE_FIXTURE } from '../../../tests/site-fixture.ts';
import { folderSource } from '../server/content.ts';
import { loadCollection, readTracks } from './collection.ts';
import { formatProblem } from './problems.ts';

// The tests' own collections (tests/fixtures/), checked as the build checks any archive's, and
// what the browser tests count on them to hold. transcripts/ is the deployer's: the build checks
// it, and scripts/narrate.test.js checks the demonstration that ships there.
describe('the browser tests’ collection', async () => {
	const source = folderSource(SITE_FIXTURE);
	const { collection, problems } = await loadCollection(source);
	const clip = (slug: string) =>
		readTracks(
			source,
			collection.clips.find((c) => c.slug === slug)!
		);

	it('validates with no errors and no warnings', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('has the main clip: long enough to play, translated with identical timings, chaptered', async () => {
		const main = await clip(MAIN_CLIP);
		expect(main.tracks.map((t) => t.lang)).toEqual(['lt', 'en', 'fr']);
		// Tests click up to the 16th line and skip 10 s ahead.
		expect(main.tracks[0]!.cues.length).toBeGreaterThanOrEqual(16);
		expect(main.duration).toBeGreaterThan(60);
		const timings = (i: number) => main.tracks[i]!.cues.map((c) => [c.start, c.end]);
		expect(timings(1)).toEqual(timings(0));
		expect(timings(2)).toEqual(timings(0));
		expect(Object.keys(main.chapters).sort()).toEqual(['en', 'fr', 'lt']);
	});

	it('has witnesses with several clips, several original languages, and both provenances', () => {
		const witnesses = collection.clips.map((c) => c.witness);
		expect(new Set(witnesses).size).toBeLessThan(witnesses.length);
		expect(new Set(collection.clips.map((c) => c.language))).toEqual(new Set(['lt', 'uk', 'en']));
		const synthesized = collection.clips.map((c) => c.provenance.synthesized);
		expect(synthesized).toContain(true);
		expect(synthesized).toContain(false);
	});

	it('has kiosk clips that are each long enough to play through an idle time, and excerpts', async () => {
		expect(collection.kiosk.clips.length).toBeGreaterThanOrEqual(4);
		for (const slug of collection.kiosk.clips) {
			expect((await clip(slug)).duration, slug).toBeGreaterThan(30);
			expect((await clip(slug)).tracks[0]!.cues.length, slug).toBeGreaterThanOrEqual(10);
		}
		expect(collection.kiosk.excerpts.length).toBeGreaterThan(1);
	});
});

describe('the other archive (.ci/run builds and tests the site with it in transcripts/)', async () => {
	const { collection, problems } = await loadCollection(folderSource(OTHER_ARCHIVE));

	it('validates, and is unlike the demonstration: one clip, in German, untranslated', () => {
		expect(problems.map(formatProblem)).toEqual([]);
		expect(collection.clips).toHaveLength(1);
		expect(collection.clips[0]!.tracks.map((t) => t.lang)).toEqual(['de']);
	});
});
