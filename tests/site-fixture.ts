import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The collection the browser tests build and serve. The tests never read transcripts/, which
 * belongs to whoever deploys the site: an archive that puts its own recordings there must
 * still pass `npm test`. Its audio and transcripts are written by scripts/narrate.js from
 * tests/fixtures/narration/site/ (see the README's "Tests" section); clip.json by hand.
 */
export const SITE_FIXTURE = 'tests/fixtures/site';

/** Where the tests' build of it goes, so it never replaces the real site in build/. */
export const SITE_BUILD = 'build-e2e';

/** The clip most tests play: Lithuanian, with English and French translations and chapters. */
export const MAIN_CLIP = 'petrikonis-kengir-suppression';

/** An archive unlike the demonstration, for .ci/run's second pass: one German clip, no translation. */
export const OTHER_ARCHIVE = 'tests/fixtures/another-archive';

interface FixtureCollection {
	title: { en: string; fr: string };
	kiosk: {
		idleSeconds: number;
		countdownSeconds: number;
		clips: string[];
	};
}

/** The fixture's collection.json, for the numbers the tests depend on (kiosk clips, idle time). */
export function fixtureCollection(): FixtureCollection {
	return JSON.parse(readFileSync(join(SITE_FIXTURE, 'collection.json'), 'utf8'));
}
