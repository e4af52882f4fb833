import { describe, expect, it } from 'vitest';
import { loadCollection } from './collection.ts';
import { memorySource, validCollection } from './memory-source.ts';
import { formatProblem } from './problems.ts';

const AUDIO = { 'escape/audio.mp3': 6 };

/** Loads the minimal collection with these kiosk settings in its collection.json. */
async function withKiosk(kiosk: unknown) {
	const files = validCollection();
	const collection = JSON.parse(files['collection.json']!);
	files['collection.json'] = JSON.stringify({ ...collection, kiosk }, null, 2);
	const { collection: loaded, problems } = await loadCollection(memorySource(files, AUDIO));
	return { kiosk: loaded.kiosk, problems: problems.map(formatProblem) };
}

describe('kiosk settings', () => {
	it('default to every clip, every interface language and the first line of each clip', async () => {
		const { kiosk, problems } = await withKiosk(undefined);
		expect(problems).toEqual([]);
		expect(kiosk).toEqual({
			idleSeconds: 120,
			countdownSeconds: 20,
			languages: ['en', 'fr', 'uk', 'lt'],
			defaultLanguage: 'en',
			clips: ['escape'],
			excerpts: [
				{
					clip: 'escape',
					witness: 'orest-yarynich',
					start: 0,
					end: 2,
					lines: [
						{ lang: 'uk', text: 'Перший рядок.' },
						{ lang: 'en', text: 'First line.' }
					]
				}
			]
		});
	});
	it('look up an excerpt from any time inside its line', async () => {
		const { kiosk, problems } = await withKiosk({ excerpts: [{ clip: 'escape', at: 3 }] });
		expect(problems).toEqual([]);
		expect(kiosk.excerpts[0]).toMatchObject({ start: 2.5, end: 5 });
		expect(kiosk.excerpts[0]!.lines[1]).toEqual({ lang: 'en', text: 'Second line.' });
	});
	it('report unknown clips, languages and times at their line', async () => {
		const settings = {
			languages: ['fr'],
			defaultLanguage: 'en',
			clips: ['escape', 'nowhere'],
			excerpts: [
				{ clip: 'escape', at: 2.2 },
				{ clip: 'nowhere', at: 1 }
			]
		};
		// Schema problems come first: the rest is checked once the file is well formed.
		const { problems } = await withKiosk({ idleSeconds: 0, ...settings });
		expect(problems).toEqual([
			'transcripts/collection.json:26:5: error: field "kiosk.idleSeconds" must be at least 1 (seconds)'
		]);
		const fixed = await withKiosk(settings);
		expect(fixed.problems).toEqual([
			'transcripts/collection.json:29:5: error: "en" is not among the kiosk\'s languages',
			'transcripts/collection.json:32:7: error: no clip folder is named "nowhere"',
			'transcripts/collection.json:37:9: error: no line of "escape" is spoken at 0:02',
			'transcripts/collection.json:40:9: error: "nowhere" is not one of the kiosk\'s clips'
		]);
	});
	it('reject a language the interface does not have', async () => {
		const { problems } = await withKiosk({ languages: ['en', 'de'] });
		expect(problems).toEqual([
			'transcripts/collection.json:28:7: error: field "kiosk.languages.1" should be ("en" | "fr" | "uk" | "lt"), not "de"'
		]);
	});
});
