import { describe, expect, it } from 'vitest';
import { loadCollection } from './collection.ts';
import { KIOSK_OFFLINE_BUDGET } from './kiosk.ts';
import { memorySource, validCollection } from './memory-source.ts';
import { formatProblem } from './problems.ts';

const AUDIO = { 'escape/audio.mp3': 6 };
const TEXTS = validCollection();

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
			],
			// The audio, uk.vtt and en.vtt, with their sizes.
			offline: {
				files: 3,
				bytes:
					1000 +
					['uk', 'en'].reduce((sum, l) => sum + Buffer.byteLength(TEXTS[`escape/${l}.vtt`]!), 0),
				chosen: 'default',
				of: 1
			}
		});
	});
	it('default to the first twelve clips that fit the offline budget, and warn past it', async () => {
		const megabyte = 1024 * 1024;
		const files = validCollection();
		const audio: Record<string, { duration: number; bytes: number }> = {};
		// 20 clips: the third is too large to store with the others, the fifth larger than all.
		const sizes = [100, 100, 900, 100, 1500, ...Array(15).fill(50)].map((mb) => mb * megabyte);
		sizes.forEach((bytes, i) => {
			const slug = `clip-${String(i).padStart(2, '0')}`;
			for (const name of ['clip.json', 'uk.vtt', 'en.vtt'])
				files[`${slug}/${name}`] = files[`escape/${name}`]!;
			audio[`${slug}/audio.mp3`] = { duration: 6, bytes };
		});
		for (const name of ['clip.json', 'uk.vtt', 'en.vtt']) delete files[`escape/${name}`];
		const loaded = await loadCollection(memorySource(files, audio));
		const kiosk = loaded.collection.kiosk;
		expect(kiosk.clips).toEqual([
			'clip-00',
			'clip-01',
			'clip-03',
			...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((n) => `clip-${n}`)
		]);
		expect(kiosk.offline).toMatchObject({ files: 36, chosen: 'default', of: 20 });
		expect(kiosk.offline.bytes).toBeLessThan(KIOSK_OFFLINE_BUDGET);
		expect(loaded.problems.map(formatProblem)).toEqual([]);

		// Listed by hand, the same clips and the two large ones: the build says it is too much.
		const collection = JSON.parse(files['collection.json']!);
		files['collection.json'] = JSON.stringify(
			{ ...collection, kiosk: { clips: ['clip-02', 'clip-04', 'clip-00'] } },
			null,
			2
		);
		const listed = await loadCollection(memorySource(files, audio));
		expect(listed.collection.kiosk.offline).toMatchObject({ files: 9, chosen: 'listed' });
		expect(listed.problems.map(formatProblem)).toEqual([
			'transcripts/collection.json:26:5: warning: the kiosk\'s offline store would hold 2500 MB (9 files of 3 clips), more than the 1024 MB a tablet\'s browser reliably keeps: list fewer clips in "kiosk.clips", or smaller recordings'
		]);
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
