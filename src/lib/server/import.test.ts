import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeWav } from '../../../tests/fixtures/import/audio.ts';
import { DOCX_PARAGRAPHS, makeDocx } from '../../../tests/fixtures/import/docx.ts';
import { loadCollection, readTracks } from '../content/collection.ts';
import { parseChapterText } from '../content/chapters.ts';
import { parseVtt } from '../transcript/vtt.ts';
import { folderSource } from './content.ts';
import { importClip, type ImportOptions } from './import.ts';

// Each import goes into its own copy of a small collection, with a generated recording.
const work = mkdtempSync(join(tmpdir(), 'import-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const short = join(work, 'short.wav');
const long = join(work, 'long.wav');
writeWav(short, 45);
writeWav(long, 130);
const docx = join(work, 'interview.docx');
writeFileSync(docx, makeDocx(DOCX_PARAGRAPHS));

let copies = 0;
function collection(): string {
	const dir = join(work, `collection-${++copies}`);
	cpSync('tests/fixtures/basic', dir, { recursive: true });
	return dir;
}

async function run(source: string, options: Partial<ImportOptions> = {}) {
	const transcripts = options.transcripts ?? collection();
	const outcome = await importClip({
		source,
		audio: short,
		transcripts,
		offset: 'auto',
		...options
	});
	const folder = outcome.slug ? join(transcripts, outcome.slug) : '';
	const read = (name: string) => readFileSync(join(folder, name), 'utf8');
	const check = await loadCollection(folderSource(transcripts));
	return { outcome, transcripts, folder, read, check, text: outcome.report.join('\n') };
}

const errors = (check: { problems: { severity: string }[] }) =>
	check.problems.filter((p) => p.severity === 'error');

describe('import round trip: each kind of source becomes a clip that builds', () => {
	test('current OHMS: metadata, tape offset, repaired ends, <br>, translation, chapters', async () => {
		const { outcome, folder, read, check, text, transcripts } = await run(
			'tests/fixtures/import/ohms-current.xml'
		);
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		expect(outcome.slug).toBe('import-test-a-recording-session');
		expect(readdirSync(folder).sort()).toEqual([
			'alignment.json',
			'audio.wav',
			'chapters.en.vtt',
			'chapters.lt.vtt',
			'clip.json',
			'en.vtt',
			'lt.vtt'
		]);
		const clip = JSON.parse(read('clip.json'));
		expect(clip).toMatchObject({
			title: { en: 'Import test: a recording session' },
			witness: 'ona-pavyzdys',
			language: 'lt',
			translations: ['en'],
			recorded: { date: '1990-06-14' },
			provenance: { synthesized: false, heldBy: { en: 'Example Sound Archive' } }
		});
		const lt = await readTracks(
			folderSource(transcripts),
			check.collection.clips.find((c) => c.slug === outcome.slug)!
		);
		expect(lt.tracks[0]!.cues.map((c) => [c.start, c.end])).toEqual([
			[3, 9],
			[9, 14.538],
			[14.538, 18],
			[18, 26],
			[26, 45]
		]);
		expect(lt.chapters.lt![0]).toMatchObject({
			title: 'Įžanga',
			synopsis: 'Pašnekovai pristato įrašą ir jo tikslą.',
			keywords: ['įrašas', 'bandymas']
		});
		expect(lt.chapters.en![1]).toMatchObject({
			start: 20,
			end: 45,
			title: 'Second part',
			keywords: ['reading']
		});
		expect(JSON.parse(read('alignment.json'))).toEqual({
			language: 'lt',
			source: 'ohms',
			needsAlignment: true,
			// A paragraph's start is estimated (from the length of its text): the aligner places
			// it, between the source's own starts, which it keeps.
			anchors: [
				{ time: 3, cue: 0, word: 0 },
				{ time: 9, cue: 1, word: 0 },
				{ time: 18, cue: 3, word: 0 },
				{ time: 26, cue: 4, word: 0 }
			],
			keepCueTimes: false
		});
		// Every repair is listed with its line.
		expect(text).toContain(
			'tests/fixtures/import/ohms-current.xml:59: warning: times start at 1:00:03.000, past the end of the audio (0:45.000): a tape offset of 1:00:00 was subtracted from every time'
		);
		expect(text).toContain(
			'ohms-current.xml:62: warning: "<br><br>" begins a paragraph: 1 cue of several paragraphs became a cue per paragraph (the first at this line); the starts after the first within a cue are estimated from the length of the text until the clip is aligned'
		);
		expect(text).toContain(
			'ohms-current.xml:68: warning: cue ends at 0:00.000, before it starts (1:00:26.000): it now ends with the audio (0:45.000)'
		);
		expect(text).toContain(
			"ohms-current.xml:10:5: warning: empty <duration>: the recording's own length is used"
		);
		expect(text).toMatch(/Witness: ona-pavyzdys, added to .*collection\.json/);
		expect(text).toMatch(/0 errors, \d+ warnings in the collection/);
	});

	test('legacy OHMS: sync points become anchors that keep their minute; the rest is spread', async () => {
		const { outcome, read, check, text } = await run('tests/fixtures/import/ohms-legacy.xml', {
			audio: long
		});
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		const alignment = JSON.parse(read('alignment.json'));
		expect(alignment).toEqual({
			language: 'lt',
			source: 'ohms-legacy',
			needsAlignment: true,
			anchors: [
				{ time: 60, cue: 1, word: 1 },
				{ time: 120, cue: 2, word: 0 }
			],
			keepCueTimes: false
		});
		const lt = parseVtt(read('lt.vtt'), 'lt.vtt');
		const en = parseVtt(read('en.vtt'), 'en.vtt');
		// Cue 2 begins with the word anchored at 2:00, so it starts exactly there.
		expect(lt.cues[2]!.start).toBe(120);
		expect(lt.cues.at(-1)!.end).toBe(130);
		expect(en.cues.map((c) => [c.start, c.end])).toEqual(lt.cues.map((c) => [c.start, c.end]));
		expect(
			parseChapterText(parseVtt(read('chapters.en.vtt'), 'c', 'chapters').cues[1]!.text)
		).toEqual({
			title: 'End',
			synopsis: 'The end of the recording.',
			keywords: ['end']
		});
		expect(text).toContain(
			'ohms-legacy.xml:4:20: warning: sync point 3 (at 3:00) is at line 58, past the end of the text (13 lines): dropped'
		);
		expect(text).toContain('Witness: ona-pavyzdys, added to');
	});

	test('SRT: repairs listed; the language and the witness come from the command line', async () => {
		const { outcome, read, check, text } = await run('tests/fixtures/import/captions.srt', {
			lang: 'en',
			witness: 'Test Witness',
			slug: 'srt-import'
		});
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		expect(JSON.parse(read('clip.json')).witness).toBe('test-witness');
		expect(text).toContain('Witness: test-witness (already in');
		expect(read('en.vtt')).toBe(
			'WEBVTT\n\n' +
				'00:00:01.000 --> 00:00:04.500\n<v INTERVIEWER>This is a test recording.\nIt tries the import.\n\n' +
				'00:00:04.500 --> 00:00:08.000\nThe first line is read aloud.\n\n' +
				'00:00:08.000 --> 00:00:12.250\nNow the second part begins.\n\n' +
				'00:00:12.250 --> 00:00:15.000\nAnd here the recording ends.\n'
		);
		for (const line of [2, 3, 6, 7, 11]) expect(text).toContain(`captions.srt:${line}: warning:`);
	});

	test('a translation in a file of its own, with its own (absent) tape offset', async () => {
		const { outcome, read, check } = await run('tests/fixtures/import/captions.srt', {
			lang: 'en',
			translation: 'tests/fixtures/import/captions.fr.vtt',
			witness: 'test-witness'
		});
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		expect(JSON.parse(read('clip.json')).translations).toEqual(['fr']);
		const times = (vtt: string) => parseVtt(vtt, 'x.vtt').cues.map((c) => [c.start, c.end]);
		expect(times(read('fr.vtt'))).toEqual(times(read('en.vtt')));
	});

	test('an untimed translation must match the transcript cue for cue', async () => {
		const { outcome, text } = await run('tests/fixtures/import/transcript.txt', {
			lang: 'en',
			translation: 'tests/fixtures/import/captions.fr.vtt'
		});
		expect(outcome.ok).toBe(false);
		expect(text).toContain(
			'tests/fixtures/import/captions.fr.vtt: error: the translation has 4 cues and the transcript 6'
		);
	});

	test('WebVTT with Kind:/Language: headers', async () => {
		const { outcome, read, check, text } = await run('tests/fixtures/import/captions.vtt');
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		expect(JSON.parse(read('clip.json')).language).toBe('en');
		expect(text).toContain(
			'captions.vtt:8: warning: cue ends at 0:00.000, before it starts (0:04.500)'
		);
		// Nothing names the witness: one of the clip's own (never shared with another unnamed
		// interviewee), with a placeholder name warned about by the build.
		expect(JSON.parse(read('clip.json')).witness).toBe('captions-witness');
		expect(check.problems).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				message: expect.stringContaining("TO FILL IN: the witness's name")
			})
		);
	});

	test('.txt: provisional times spread over the recording until alignment', async () => {
		const { outcome, read, check } = await run('tests/fixtures/import/transcript.txt', {
			lang: 'en'
		});
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		const cues = parseVtt(read('en.vtt'), 'en.vtt').cues;
		expect(cues.length).toBe(6);
		expect(cues[0]!.start).toBe(0);
		expect(cues.at(-1)!.end).toBe(45);
		expect(cues.map((c) => c.speaker)).toEqual([
			'INTERVIEWER',
			'INTERVIEWER',
			'READER',
			'READER',
			'INTERVIEWER',
			'READER'
		]);
		expect(JSON.parse(read('alignment.json'))).toMatchObject({
			source: 'txt',
			needsAlignment: true,
			keepCueTimes: false
		});
	});

	test('.docx', async () => {
		const { outcome, read, check } = await run(docx, { lang: 'en', witness: 'test-witness' });
		expect(outcome.ok).toBe(true);
		expect(errors(check)).toEqual([]);
		expect(outcome.slug).toBe('interview');
		expect(parseVtt(read('en.vtt'), 'en.vtt').cues.map((c) => c.text)).toEqual([
			'This is a test recording, typed in a word processor.',
			'The first line is read aloud. Then the second line follows it.',
			'The reader goes on in a new paragraph, with no name before it.',
			'And here the recording ends.'
		]);
	});
});

describe('import refusals: nothing is written', () => {
	test('a source with errors', async () => {
		const { outcome, transcripts, text } = await run('tests/fixtures/import/bad-timing.srt', {
			lang: 'en'
		});
		expect(outcome.ok).toBe(false);
		expect(readdirSync(transcripts).sort()).toEqual(['collection.json', 'test-clip']);
		expect(text).toContain('bad-timing.srt:6: error: malformed timing line');
		expect(text).toContain('Nothing was written');
	});

	test('a file that is not UTF-8 (saved as Windows-1251)', async () => {
		const cp1251 = join(work, 'cp1251.srt');
		// "Втеча" in Windows-1251 bytes.
		const word = [0xc2, 0xf2, 0xe5, 0xf7, 0xe0];
		writeFileSync(
			cp1251,
			Buffer.from([...Buffer.from('1\n00:00:01,000 --> 00:00:02,000\n'), ...word, 0x0a])
		);
		const { outcome, text } = await run(cp1251, { lang: 'uk' });
		expect(outcome.ok).toBe(false);
		expect(text).toMatch(/cp1251\.srt:3:1: error: not valid UTF-8 \(save the file as UTF-8\)/);
	});

	test('a cue after the end of the audio (the wrong recording?)', async () => {
		const { outcome, text } = await run('tests/fixtures/import/past-audio.vtt', { lang: 'en' });
		expect(outcome.ok).toBe(false);
		expect(text).toContain(
			'past-audio.vtt:6: error: cue starts at 10:00.000, after the end of the audio (0:45.000): is this the right recording, or is there a tape offset (--offset)?'
		);
	});

	test('an unknown language, an existing folder, an unsupported file', async () => {
		const transcripts = collection();
		expect((await run('tests/fixtures/import/transcript.txt', { transcripts })).text).toContain(
			'the source does not say its language: give it with --lang (e.g. --lang lt)'
		);
		expect(
			(await run('tests/fixtures/import/captions.vtt', { transcripts, slug: 'test-clip' })).text
		).toMatch(/test-clip already exists/);
		expect((await run('README.md')).text).toContain('cannot import ".md" files');
		expect(existsSync(join(transcripts, 'transcript'))).toBe(false);
	});
});
