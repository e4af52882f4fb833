import { describe, expect, it } from 'vitest';
import { folderSource } from '../server/content.ts';
import { loadCollection } from './collection.ts';
import { memorySource, validCollection, vtt } from './memory-source.ts';
import { formatProblem } from './problems.ts';

const AUDIO = { 'escape/audio.mp3': 6 };

async function problemsOf(
	files: Record<string, string | Uint8Array>,
	audio: Record<string, number | Error> = AUDIO
) {
	const { problems } = await loadCollection(memorySource(files, audio));
	return problems.map(formatProblem);
}

describe('loadCollection', () => {
	it('loads a valid collection without problems', async () => {
		const { collection, problems, audio } = await loadCollection(
			memorySource(validCollection(), AUDIO)
		);
		expect(problems).toEqual([]);
		expect(collection.witnesses.map((w) => w.slug)).toEqual(['orest-yarynich']);
		const clip = collection.clips[0]!;
		expect(clip).toMatchObject({ slug: 'escape', language: 'uk', duration: 6 });
		expect(clip.tracks.map((t) => [t.lang, t.kind, t.cueCount])).toEqual([
			['uk', 'captions', 2],
			['en', 'subtitles', 2]
		]);
		expect(audio.get('escape')?.duration).toBe(6);
	});

	it('reports a missing metadata field at its parent line', async () => {
		const files = validCollection();
		const clip = JSON.parse(files['escape/clip.json']!);
		delete clip.title.fr;
		files['escape/clip.json'] = JSON.stringify(clip, null, 2);
		expect(await problemsOf(files)).toEqual([
			'transcripts/escape/clip.json:2:3: error: missing field "title.fr"'
		]);
	});

	it('accepts texts in Ukrainian and Lithuanian, which may be left out', async () => {
		const files = validCollection({
			clip: {
				title: { en: 'Escape', fr: 'Évasion', uk: 'Втеча' },
				description: { en: 'About it.', fr: 'À son sujet.', lt: 'Apie jį.' }
			}
		});
		const collection = JSON.parse(files['collection.json']!);
		collection.witnesses['orest-yarynich'].facts.uk = ['Український політичний в’язень.'];
		files['collection.json'] = JSON.stringify(collection, null, 2);
		const loaded = await loadCollection(memorySource(files, AUDIO));
		expect(loaded.problems).toEqual([]);
		expect(loaded.collection.clips[0]!.title.uk).toBe('Втеча');
		expect(loaded.collection.clips[0]!.title.lt).toBeUndefined();
		expect(loaded.collection.witnesses[0]!.facts.uk).toEqual(['Український політичний в’язень.']);
	});

	it('reports facts in a language the interface does not speak', async () => {
		const files = validCollection();
		const collection = JSON.parse(files['collection.json']!);
		collection.witnesses['orest-yarynich'].facts.de = ['Politischer Häftling.'];
		files['collection.json'] = JSON.stringify(collection, null, 2);
		expect(await problemsOf(files)).toEqual([
			expect.stringMatching(
				/collection.json:\d+:\d+: error: unknown field "witnesses.orest-yarynich.facts.de"/
			)
		]);
	});

	it('gives a witness’s name as each language writes it, and their grammatical gender', async () => {
		const files = validCollection();
		const collection = JSON.parse(files['collection.json']!);
		Object.assign(collection.witnesses['orest-yarynich'], {
			names: { lt: 'Orestas Jarynyčius' },
			grammaticalGender: 'masculine'
		});
		files['collection.json'] = JSON.stringify(collection, null, 2);
		const loaded = await loadCollection(memorySource(files, AUDIO));
		expect(loaded.problems).toEqual([]);
		const names = { en: 'Orest Yarynich', lt: 'Orestas Jarynyčius' };
		expect(loaded.collection.witnesses[0]).toMatchObject({ names, grammaticalGender: 'masculine' });
		expect(loaded.collection.clips[0]).toMatchObject({
			witnessName: 'Orest Yarynich',
			witnessNames: names,
			witnessGender: 'masculine'
		});
	});

	it('reports a name keyed by something other than a language, and an unknown gender', async () => {
		const files = validCollection();
		const collection = JSON.parse(files['collection.json']!);
		Object.assign(collection.witnesses['orest-yarynich'], {
			names: { Lithuanian: 'Orestas Jarynyčius' },
			grammaticalGender: 'f'
		});
		files['collection.json'] = JSON.stringify(collection, null, 2);
		expect(await problemsOf(files)).toEqual([
			expect.stringMatching(
				/collection.json:\d+:\d+: error: field "witnesses.orest-yarynich.names.Lithuanian" is not under a language code \(such as uk or lt\)$/
			),
			expect.stringMatching(
				/collection.json:\d+:\d+: error: field "witnesses.orest-yarynich.grammaticalGender" should be \("feminine" \| "masculine"\), not "f"$/
			)
		]);
	});

	it('reports a field of the wrong type at its line', async () => {
		expect(await problemsOf(validCollection({ clip: { translations: 'en' } }))).toEqual([
			'transcripts/escape/clip.json:8:3: error: field "translations" should be Array, not "en"'
		]);
	});

	it('reports an unknown field, which is usually a typo', async () => {
		const problems = await problemsOf(validCollection({ clip: { titel: 'x' } }));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/clip.json:\d+:3: error: unknown field "titel"/);
	});

	it('reports invalid JSON with its line', async () => {
		const files = validCollection();
		files['escape/clip.json'] = '{\n  "title": { "en": "x", }\n}';
		const problems = await problemsOf(files);
		expect(problems[0]).toMatch(/^transcripts\/escape\/clip.json:2:\d+: error: invalid JSON/);
	});

	it('reports an unknown witness and unknown languages', async () => {
		const problems = await problemsOf(
			validCollection({ clip: { witness: 'nobody', translations: ['en', 'xx'] } })
		);
		expect(problems).toContainEqual(
			expect.stringMatching(/clip.json:\d+:3: error: unknown witness "nobody"/)
		);
		expect(problems).toContainEqual(
			expect.stringMatching(/clip.json:\d+:5: error: unknown language code "xx"/)
		);
	});

	it('reports a declared transcript that does not exist', async () => {
		const files = validCollection({ clip: { translations: ['en', 'fr'] } });
		expect(await problemsOf(files)).toEqual([
			expect.stringMatching(
				/clip.json:\d+:5: error: missing transcript transcripts\/escape\/fr.vtt/
			)
		]);
	});

	it('reports a missing audio file, and one that cannot be decoded', async () => {
		expect(await problemsOf(validCollection(), {})).toEqual([
			expect.stringMatching(
				/clip.json:\d+:3: error: audio file transcripts\/escape\/audio.mp3 does not exist/
			)
		]);
		expect(
			await problemsOf(validCollection(), { 'escape/audio.mp3': new Error('not an MP3') })
		).toEqual([
			expect.stringMatching(/error: cannot decode transcripts\/escape\/audio.mp3: not an MP3/)
		]);
	});

	it('reports cues after the end of the audio', async () => {
		const files = validCollection({
			files: { 'escape/uk.vtt': vtt([0, 2, 'Так.'], [2.5, 9, 'Ні.']) }
		});
		expect(await problemsOf(files)).toContainEqual(
			'transcripts/escape/uk.vtt:6: error: cue ends at 0:09.000, after the end of the audio (0:06.000)'
		);
	});

	it('reports a misaligned translation', async () => {
		const files = validCollection({
			files: { 'escape/en.vtt': vtt([0, 2, 'One.'], [3.5, 5, 'Two.']) }
		});
		expect(await problemsOf(files)).toEqual([
			expect.stringMatching(
				/^transcripts\/escape\/en.vtt:6: error: translation cue starts at 0:03.500/
			)
		]);
	});

	it('warns about a catalogued duration that differs from the audio', async () => {
		expect(await problemsOf(validCollection({ clip: { duration: 6.5 } }))).toEqual([]);
		expect(await problemsOf(validCollection({ clip: { duration: 60 } }))).toEqual([
			expect.stringMatching(
				/clip.json:\d+:3: warning: catalogued duration 1:00.0 differs from the audio's 0:06.0/
			)
		]);
	});

	it('warns about a transcript the metadata does not list, and reads chapters', async () => {
		const files = validCollection({
			files: {
				'escape/de.vtt': vtt([0, 1, 'Eins.']),
				'escape/chapters.en.vtt': vtt([0, 5, 'Arrival'])
			}
		});
		const { collection, problems } = await loadCollection(memorySource(files, AUDIO));
		expect(problems.map(formatProblem)).toEqual([
			expect.stringMatching(/^transcripts\/escape\/de.vtt: warning: not used/)
		]);
		expect(collection.clips[0]!.chapters).toEqual({ en: [{ start: 0, end: 5, title: 'Arrival' }] });
	});

	it('reports metadata that is not UTF-8 at its first bad byte', async () => {
		const files: Record<string, string | Uint8Array> = validCollection();
		const json = validCollection()['escape/clip.json']!.replace('’', "'");
		// Saved as Latin-1: "é" is one byte that is not UTF-8.
		files['escape/clip.json'] = Buffer.from(json, 'latin1');
		expect(await problemsOf(files)).toEqual([
			'transcripts/escape/clip.json:4:26: error: not valid UTF-8 (save the file as UTF-8)'
		]);
	});

	it('rejects a clip folder whose name cannot be an address', async () => {
		const files = validCollection();
		files['Bad Name/clip.json'] = files['escape/clip.json']!;
		expect(await problemsOf(files)).toEqual([
			expect.stringMatching(/^transcripts\/Bad Name: error: a clip folder name/)
		]);
	});

	it('lists every problem of the broken fixture at once, with file and line', async () => {
		const { problems } = await loadCollection(folderSource('tests/fixtures/broken'));
		const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
		expect(errors).toContainEqual(
			expect.stringMatching(/broken\/test-clip\/en.vtt:8:\d+: error: invalid cue timing/)
		);
		expect(errors).toContainEqual(
			expect.stringMatching(
				/broken\/test-clip\/en.vtt:16: error: cue ends at 0:12.500, after the end of the audio/
			)
		);
		expect(errors).toContainEqual(
			expect.stringMatching(
				/broken\/test-clip\/fr.vtt:12: error: translation cue starts at 0:07.600/
			)
		);
	});

	it('loads the basic fixture from disk without problems, measuring the real audio', async () => {
		const { collection, problems } = await loadCollection(folderSource('tests/fixtures/basic'));
		expect(problems).toEqual([]);
		expect(collection.clips[0]!.duration).toBeCloseTo(11.15, 1);
	});
});
