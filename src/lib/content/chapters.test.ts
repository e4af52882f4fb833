import { describe, expect, test } from 'vitest';
import { buildIndex, findCues, shardJson, type Shard } from '../search/index.ts';
import { sourceClip } from '../server/search.ts';
import { chapterSearchText, formatChapterText, parseChapterText, webAddress } from './chapters.ts';
import { loadCollection, readTracks } from './collection.ts';
import { memorySource, validCollection, vtt } from './memory-source.ts';

describe('chapter text', () => {
	test('title, synopsis lines, keywords and partial transcript, and back', () => {
		const chapter = {
			title: 'Arrival',
			synopsis: 'Newcomers wait.\nThen they are questioned.',
			keywords: ['quarantine', 'Kengir'],
			partialTranscript: 'They asked where we were from'
		};
		const text = formatChapterText(chapter);
		expect(text).toBe(
			'Arrival\nNewcomers wait.\nThen they are questioned.\nKeywords: quarantine; Kengir\nPartial transcript: They asked where we were from'
		);
		expect(parseChapterText(text)).toEqual(chapter);
	});

	test('subjects and links, after the keywords and the partial transcript, and back', () => {
		const chapter = {
			title: 'Arrival',
			keywords: ['quarantine'],
			subjects: ['Political prisoners', 'Steplag (Kazakhstan)'],
			partialTranscript: 'They asked',
			links: [
				{ url: 'https://example.org/steplag', text: 'About Steplag' },
				{ url: 'https://example.org/map' }
			]
		};
		const text = formatChapterText(chapter);
		expect(text).toBe(
			'Arrival\nKeywords: quarantine\nSubjects: Political prisoners; Steplag (Kazakhstan)\nPartial transcript: They asked\nLink: https://example.org/steplag About Steplag\nLink: https://example.org/map'
		);
		expect(parseChapterText(text)).toEqual(chapter);
	});

	test('a link is a web address or nothing: any other `Link:` line stays synopsis, as text', () => {
		expect(
			parseChapterText(
				'T\nLink: javascript:alert(1) Click\nLink: /relative\nLink: data:text/html,x'
			)
		).toEqual({
			title: 'T',
			synopsis: 'Link: javascript:alert(1) Click\nLink: /relative\nLink: data:text/html,x'
		});
		expect(webAddress('https://example.org/a b')).toBe('https://example.org/a%20b');
		expect(webAddress('HTTP://Example.org')).toBe('http://example.org/');
		expect(webAddress('ftp://example.org/')).toBeUndefined();
	});

	test('subjects are found by search, like keywords', () => {
		expect(chapterSearchText({ title: 'T', keywords: ['k'], subjects: ['Steplag'] })).toBe(
			'T\nk\nSteplag'
		);
	});

	test('a plain title means what it always did', () => {
		expect(parseChapterText('About this recording')).toEqual({ title: 'About this recording' });
	});

	test('a synopsis line that looks like a label is kept as synopsis', () => {
		const text = formatChapterText({ title: 'T', synopsis: 'Keywords: not really' });
		expect(parseChapterText(text)).toEqual({ title: 'T', synopsis: '– Keywords: not really' });
		const link = formatChapterText({
			title: 'T',
			synopsis: 'Link: https://example.org/ is not one'
		});
		expect(parseChapterText(link).links).toBeUndefined();
	});
});

describe('chapters in the collection', () => {
	const files = validCollection({
		files: {
			'escape/chapters.uk.vtt': vtt(
				[0, 2.5, 'Втеча\nЯк готували втечу.\nKeywords: втеча; табір'],
				[2.5, 5, 'Після']
			)
		}
	});

	test('the loader reads synopsis and keywords from chapters.<lang>.vtt', async () => {
		const { collection, problems } = await loadCollection(
			memorySource(files, { 'escape/audio.mp3': 6 })
		);
		expect(problems).toEqual([]);
		expect(collection.clips[0]!.chapters.uk).toEqual([
			{
				start: 0,
				end: 2.5,
				title: 'Втеча',
				synopsis: 'Як готували втечу.',
				keywords: ['втеча', 'табір']
			},
			{ start: 2.5, end: 5, title: 'Після' }
		]);
	});

	test('search finds a chapter’s keyword at the line the chapter begins with', async () => {
		const source = memorySource(files, { 'escape/audio.mp3': 6 });
		const { collection } = await loadCollection(source);
		const index = buildIndex([sourceClip(await readTracks(source, collection.clips[0]!))]);
		const load = async (key: string) => {
			const shard = index.shards.get(key);
			return shard ? (JSON.parse(shardJson(shard)) as Shard) : undefined;
		};
		// "табір" is in no cue, only in the first chapter's keywords.
		const { hits } = await findCues('табір', load);
		expect(hits).toEqual([{ clip: 0, lang: index.meta.languages.indexOf('uk'), cue: 0 }]);
	});

	test('a chapter starting inside a cue is found at that cue; chapter text is optional', () => {
		const built = buildIndex([
			{
				slug: 's',
				title: { en: 'S' },
				witness: 'w',
				witnessNames: { en: 'W' },
				synthesized: false,
				languages: ['en'],
				tracks: [
					{
						lang: 'en',
						cues: [
							{ start: 0, end: 4, text: 'one' },
							{ start: 4, end: 8, text: 'two' }
						],
						chapters: [
							{
								start: 5,
								end: 8,
								text: chapterSearchText({ title: 'Middle', keywords: ['zebra'] })
							}
						]
					}
				]
			}
		]);
		expect([...built.shards.values()].flatMap((s) => [...s.keys()]).sort()).toEqual([
			'middle',
			'one',
			'two',
			'zebra'
		]);
		expect(built.texts.get('s/en-0')).toEqual([
			[0, 4, 'one'],
			[4, 8, 'two']
		]);
	});
});

describe('TO FILL IN placeholders', () => {
	test('each is a warning at its line', async () => {
		const files = validCollection({
			clip: {
				description: { en: 'TO FILL IN: what it covers', fr: 'Ce que couvre l’enregistrement.' }
			}
		});
		const { problems } = await loadCollection(memorySource(files, { 'escape/audio.mp3': 6 }));
		expect(problems).toEqual([
			{
				severity: 'warning',
				file: 'transcripts/escape/clip.json',
				line: 12,
				column: 5,
				message: 'left for the archivist by the import: TO FILL IN: what it covers'
			}
		]);
	});
});
