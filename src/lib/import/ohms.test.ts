import { describe, expect, test } from 'vitest';
import { fixture } from './fixtures.ts';
import { parseOhms } from './ohms.ts';

const where = (problems: { severity: string; line?: number; message: string }[]) =>
	problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`);

describe('current OHMS (version 6, <vtt_transcript>)', () => {
	const { file, text } = fixture('ohms-current.xml');
	const { result, problems } = parseOhms(text, file);

	test('reads the metadata: title, interviewee, date, language, repository; no duration', () => {
		expect(result!.source).toBe('ohms');
		expect(result!.meta).toEqual({
			title: 'Import test: a recording session',
			interviewee: 'Ona Pavyzdys',
			date: '1990-06-14',
			language: 'Lithuanian',
			holder: 'Example Sound Archive'
		});
	});

	test('reads the WebVTT in the CDATA block with the lines of the XML file', () => {
		expect(result!.timed).toBe(true);
		expect(result!.cues.map((c) => [c.start, c.end, c.speaker, c.line])).toEqual([
			[3603, 3609, 'KLAUSĖJA', 59],
			[3609, 3618, 'PAVYZDYS', 62],
			[3618, 3626, 'KLAUSĖJA', 65],
			[3626, 0, 'PAVYZDYS', 68]
		]);
		expect(result!.cues[1]!.text).toBe('Pirmoji eilutė skaitoma garsiai.\nPo jos eina antroji.');
	});

	test('reads the translation cue for cue, in the language <transcript_alt_lang> names', () => {
		expect(result!.translation!.language).toBe('English');
		expect(result!.translation!.cues.map((c) => c.text)).toEqual([
			'This is a test recording. It is meant to try the import.',
			'The first line is read aloud.\nThe second follows it.',
			'Now the second part begins.',
			'And here the recording ends.'
		]);
	});

	test('turns the index into chapters with synopsis, keywords and the _alt fields', () => {
		expect(result!.chapters).toEqual([
			{
				start: 0,
				title: 'Įžanga',
				synopsis: 'Pašnekovai pristato įrašą ir jo tikslą.',
				keywords: ['įrašas', 'bandymas'],
				partialTranscript: 'Tai bandomasis įrašas.',
				alt: {
					title: 'Introduction',
					synopsis: 'The speakers introduce the recording and its purpose.',
					keywords: ['recording', 'test'],
					partialTranscript: 'This is a test recording.'
				},
				line: 27
			},
			expect.objectContaining({
				start: 20,
				title: 'Antroji dalis',
				keywords: ['skaitymas'],
				line: 40
			})
		]);
	});

	test('reports the empty <duration> and each <br>, at their lines', () => {
		expect(where(problems)).toEqual([
			"10: warning: empty <duration>: the recording's own length is used",
			'63: warning: "<br>" in cue text became a line break',
			'81: warning: "<br>" in cue text became a line break'
		]);
	});
});

describe('legacy OHMS (<transcript> and <sync>)', () => {
	const { file, text } = fixture('ohms-legacy.xml');
	const { result, problems } = parseOhms(text, file);

	test('reads the plain transcript as one untimed cue per paragraph, speakers from NAME:', () => {
		expect(result!.source).toBe('ohms-legacy');
		expect(result!.timed).toBe(false);
		expect(result!.cues.map((c) => [c.speaker, c.line, c.text.split(' ').length])).toEqual([
			['KLAUSĖJA', 8, 13],
			['PAVYZDYS', 12, 12],
			['KLAUSĖJA', 16, 9],
			['PAVYZDYS', 20, 5]
		]);
		expect(result!.meta).toMatchObject({ date: 'Summer 1991', language: 'lt' });
	});

	test('sync points become anchors (minute n at line(word), 1-based); one past the text is dropped', () => {
		// 1:00 at line 5 word 3 ("minutė"), 2:00 at line 9 word 2 ("Antroji").
		expect(result!.anchors).toEqual([
			{ time: 60, cue: 1, word: 1 },
			{ time: 120, cue: 2, word: 0 }
		]);
		expect(where(problems)).toEqual([
			"3: warning: empty <duration>: the recording's own length is used",
			'4: warning: sync point 3 (at 3:00) is at line 58, past the end of the text (13 lines): dropped'
		]);
	});

	test('pairs <transcript_alt> paragraph for paragraph', () => {
		expect(result!.translation!.cues.map((c) => c.speaker)).toEqual([
			'INTERVIEWER',
			'PAVYZDYS',
			'INTERVIEWER',
			'PAVYZDYS'
		]);
	});

	test('a translation that does not match paragraph for paragraph is an error', () => {
		const broken = text.replace('the words go on.\n\nPAVYZDYS: ', 'the words go on.\n');
		expect(where(parseOhms(broken, file).problems)).toContain(
			'21: error: the translation has 3 paragraphs and the transcript 4: a translation must match the transcript paragraph for paragraph (a blank line or a NAME: starts a paragraph)'
		);
	});

	test('without a translation, long paragraphs are cut at sentence ends', () => {
		const alone = text.replace(/<transcript_alt>[^]*<\/transcript_alt>/, '<transcript_alt/>');
		const { result } = parseOhms(alone, file);
		expect(result!.translation).toBeUndefined();
		expect(result!.cues.map((c) => c.text)).toEqual([
			'Tai senojo formato bandomasis įrašas. Tekstas suskaidytas į eilutes, kaip jį surinko indeksuotojas.',
			'Pirmoji minutė baigiasi čia. Skaitymas tęsiamas toliau be sustojimo, kol pasibaigia pastraipa.',
			'Antroji minutė prasideda šioje eilutėje, o žodžiai eina toliau.',
			'Ir paskutinė pastraipa baigia įrašą.'
		]);
	});

	test('a sync point past the end of its line is taken as the next word of the text', () => {
		const past = text.replace('1:|5(3)|9(2)|58(1)', '1:|3(9)');
		const parsed = parseOhms(past, file);
		expect(parsed.result!.anchors).toEqual([{ time: 60, cue: 1, word: 0 }]);
		expect(where(parsed.problems)).toContain(
			'4: warning: sync point 1 (at 1:00) is at line 3, word 9, past the end of that line: taken as the next word of the text'
		);
	});

	test('an empty sync entry is a minute without a marker, and still counts', () => {
		const gap = text.replace('1:|5(3)|9(2)|58(1)', '1:|5(3)||9(2)|');
		expect(parseOhms(gap, file).result!.anchors).toEqual([
			{ time: 60, cue: 1, word: 1 },
			{ time: 180, cue: 2, word: 0 }
		]);
	});

	test('a sync point before the previous one, or not line(word), is dropped with a warning', () => {
		const messy = text.replace('1:|5(3)|9(2)|58(1)', '1:|9(2)|5(3)|x');
		expect(where(parseOhms(messy, file).problems).slice(1)).toEqual([
			'4: warning: sync point 2 (at 2:00) is at or before the previous one in the text: dropped',
			'4: warning: sync point 3 ("x", at 3:00) is not line(word): dropped'
		]);
	});
});

describe('broken OHMS files', () => {
	test('malformed XML is an error at its line', () => {
		const { file, text } = fixture('bad.xml');
		const { result, problems } = parseOhms(text, file);
		expect(result).toBeUndefined();
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 7,
				message: expect.stringMatching(/^XML: .*recod/)
			})
		]);
	});

	test('a file with no transcript, or no <record>, says so', () => {
		expect(
			parseOhms(
				'<ROOT><record><title>T</title><duration>0:10:00</duration></record></ROOT>',
				'n.xml'
			).problems
		).toEqual([
			{
				severity: 'error',
				file: 'n.xml',
				line: 1,
				message: 'no transcript: both <vtt_transcript> and <transcript> are empty'
			}
		]);
		expect(parseOhms('<html/>', 'h.xml').problems[0]!.message).toBe(
			'not an OHMS file: no <record> element'
		);
	});

	test('an index point without a time or a title is an error at its line', () => {
		const xml = `<ROOT><record><transcript>A: Words.</transcript>
<index><point><time></time><title>No time</title></point>
<point><time>5</time><title></title></point></index></record></ROOT>`;
		expect(where(parseOhms(xml, 'i.xml').problems).slice(1)).toEqual([
			'2: error: index point "No time" has no readable <time> (seconds)',
			'3: error: index point at 0:05 has no <title>'
		]);
	});
});
