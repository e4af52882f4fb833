import { describe, expect, test } from 'vitest';
import { fixture } from './fixtures.ts';
import { parseOhms } from './ohms.ts';

const where = (problems: { severity: string; line?: number; column?: number; message: string }[]) =>
	problems.map((p) => `${p.line}${p.column ? `:${p.column}` : ''}: ${p.severity}: ${p.message}`);

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
			[3609, 3614.538, 'PAVYZDYS', 62],
			[3614.538, 3618, 'PAVYZDYS', 62],
			[3618, 3626, 'KLAUSĖJA', 65],
			[3626, 0, 'PAVYZDYS', 68]
		]);
	});

	test('a paragraph (<br><br>) is a cue of its own, its start estimated and marked so', () => {
		// The cue's 9 seconds are shared in proportion to the paragraphs' lengths (32 and 20).
		expect(result!.cues.slice(1, 3)).toEqual([
			expect.objectContaining({ text: 'Pirmoji eilutė skaitoma garsiai.', start: 3609 }),
			expect.objectContaining({ text: 'Po jos eina antroji.', estimatedStart: true })
		]);
		expect(result!.cues[1]!.estimatedStart).toBeUndefined();
	});

	test('reads the translation cue for cue, in the language <transcript_alt_lang> names', () => {
		expect(result!.translation!.language).toBe('English');
		expect(result!.translation!.cues.map((c) => c.text)).toEqual([
			'This is a test recording. It is meant to try the import.',
			'The first line is read aloud.',
			'The second follows it.',
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

	test('reports the empty <duration> and each cue of paragraphs, at their lines', () => {
		expect(where(problems)).toEqual([
			"10:5: warning: empty <duration>: the recording's own length is used",
			'62: warning: "<br><br>" begins a paragraph: 1 cue of several paragraphs became a cue per paragraph (the first at this line); the starts after the first within a cue are estimated from the length of the text until the clip is aligned',
			'80: warning: "<br><br>" begins a paragraph: 1 cue of several paragraphs became a cue per paragraph (the first at this line); a paragraph of the translation starts where a cue of the original does'
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
			"3:257: warning: empty <duration>: the recording's own length is used",
			'4:20: warning: sync point 3 (at 3:00) is at line 58, past the end of the text (13 lines): dropped'
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
			'21:1: error: the translation has 3 paragraphs and the transcript 4: a translation must match the transcript paragraph for paragraph (a blank line or a NAME: starts a paragraph)'
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
			'4:10: warning: sync point 1 (at 1:00) is at line 3, word 9, past the end of that line: taken as the next word of the text'
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
			'4:15: warning: sync point 2 (at 2:00) is at or before the previous one in the text: dropped',
			'4:20: warning: sync point 3 ("x", at 3:00) is not line(word): dropped'
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
				column: 7,
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
			'2:15: error: index point "No time" has no readable <time> (seconds)',
			'3:1: error: index point at 0:05 has no <title>'
		]);
	});
});

describe('what the import keeps of an OHMS file (issue 29)', () => {
	const { file, text } = fixture('ohms-finding-aids.xml');
	const { result, problems } = parseOhms(text, file);

	test('an index point keeps its subjects, links and partial transcript, in both languages', () => {
		expect(result!.chapters[0]).toEqual({
			start: 0,
			title: 'Arrival',
			synopsis: 'The narrator says what the fixture is for.',
			keywords: ['fixture', 'import'],
			subjects: ['Oral history', 'Archives -- Testing'],
			partialTranscript: "This is a fixture,  written for the import's tests.",
			links: [{ url: 'https://example.org/finding-aids', text: 'About finding aids' }],
			line: 14,
			alt: {
				title: 'Arrivée',
				synopsis: 'Le narrateur dit à quoi sert le jeu d’essai.',
				keywords: ['jeu d’essai', 'import'],
				subjects: ['Histoire orale'],
				partialTranscript: 'Ceci est un jeu d’essai.',
				links: [{ url: 'https://example.org/finding-aids', text: 'Les instruments de recherche' }]
			}
		});
		// Empty fields of the OHMS template are no links and no subjects.
		expect(result!.chapters[1]).toEqual(
			expect.objectContaining({ title: 'Departure', links: undefined, subjects: undefined })
		);
	});

	test('what is left out is said, at its line and column: a link that is no address, map points, record subjects', () => {
		expect(where(problems).filter((p) => /link|map|own </.test(p))).toEqual([
			"59:5: warning: the recording's own <subject> and <keyword> entries (2) are not kept: the clip has no place for them (the index points' are kept)",
			'28:21: warning: index point "Arrival": the link "javascript:alert(1)" is not a web address (http or https): left out',
			'26:20: warning: index point "Arrival" has map points (<gps>), which the site does not show: left out',
			'40:21: warning: index point "Departure": the link "A link with no address" has no address (<hyperlink>): left out'
		]);
	});

	test('paragraphs (<br><br>) stay paragraphs, in the transcript and the translation', () => {
		expect(result!.cues.map((c) => [c.start, c.end, c.text])).toEqual([
			[0, 6.593, "This is a fixture, written for the import's tests."],
			// A single <br> is a line break within the paragraph.
			[6.593, 12, 'A second paragraph follows,\non two lines.'],
			[12, 20, 'The fixture ends here.']
		]);
		// The translation's paragraph starts where the original's does: the build requires it.
		expect(result!.translation!.cues.map((c) => [c.start, c.end, c.text])).toEqual([
			[0, 6.593, 'Ceci est un jeu d’essai, écrit pour les tests de l’import.'],
			[6.593, 12, 'Un second paragraphe suit.'],
			[12, 20, 'Le jeu d’essai s’arrête ici.']
		]);
	});

	test('a paragraph of the translation with no cue of the original to start with stays a line', () => {
		const once = text.replace(
			"written for the import's tests.<br><br>A second",
			"written for the import's tests. A second"
		);
		const { result } = parseOhms(once, file);
		expect(result!.cues.map((c) => c.start)).toEqual([0, 12]);
		expect(result!.translation!.cues.map((c) => c.text)).toEqual([
			'Ceci est un jeu d’essai, écrit pour les tests de l’import.\nUn second paragraphe suit.',
			'Le jeu d’essai s’arrête ici.'
		]);
	});

	test('a <duration> of 00:00:00 is zero, not empty; one that is no time says so', () => {
		expect(where(problems)[0]).toBe(
			"7:5: warning: <duration> is zero (00:00:00): the recording's own length is used"
		);
		const odd = text.replace('00:00:00', 'about an hour');
		expect(where(parseOhms(odd, file).problems)[0]).toBe(
			`7:5: warning: <duration> "about an hour" is not a time (H:MM:SS): the recording's own length is used`
		);
	});
});

describe('a legacy export written on one line (issue 29)', () => {
	const { file, text } = fixture('ohms-one-line.xml');
	const { result, problems } = parseOhms(text, file);

	test('each problem has its column, each sync point its own', () => {
		expect(where(problems)).toEqual([
			"2:133: warning: <duration> is zero (00:00:00): the recording's own length is used",
			'2:327: warning: "APPENDIX: SCIENTIST IN A JEEP" is read as a heading, not as the words of a speaker named "APPENDIX"',
			'2:291: warning: sync point 2 (at 2:00) is at or before the previous one in the text: dropped',
			'2:296: warning: sync point 3 ("x", at 3:00) is not line(word): dropped',
			'2:303: warning: sync point 5 (at 5:00) is at line 40, past the end of the text (6 lines): dropped',
			'2:757: error: index point at 0:00 has no <title>'
		]);
	});

	test('a heading is no speaker; a title or an abbreviation ends no cue', () => {
		expect(result!.cues.map((c) => [c.speaker, c.text])).toEqual([
			['INTERVIEWER', 'Where did you study?'],
			[
				'SMITH',
				'I took a Ph.D. in physics at the state university in the north, and then I went to work in the field for many years after that, far from home.'
			],
			[undefined, 'APPENDIX: SCIENTIST IN A JEEP'],
			[
				'SMITH',
				'Dr. Jones drove the jeep through the hills every single morning, with all of the instruments packed in the back under an old canvas sheet.'
			],
			['SMITH', 'It was old, but it ran well.']
		]);
	});

	test('sync points still find their words ("Ph.D.", and "Jones" after the heading)', () => {
		expect(result!.anchors).toEqual([
			{ time: 60, cue: 1, word: 3 },
			{ time: 240, cue: 3, word: 1 }
		]);
	});
});

describe('a large export is parsed in linear time', () => {
	/** About `bytes` of legacy OHMS: speaker turns, headings, abbreviations, a sync point a minute. */
	function legacyExport(bytes: number): string {
		const lines: string[] = [];
		let size = 0;
		for (let n = 0; size < bytes; n++) {
			const line =
				n % 50 === 0
					? `PART ${n / 50}: A HEADING OF SEVERAL WORDS`
					: n % 5 === 0
						? ''
						: `${n % 5 === 1 ? 'SMITH: ' : ''}Line ${n} says that Dr. Jones took a Ph.D. in 1950. Then more words follow it here.`;
			lines.push(line);
			size += line.length + 1;
		}
		const sync = ['1:'];
		for (let line = 2; line < lines.length; line += 12) sync.push(`${line}(2)`);
		return `<?xml version="1.0"?>\n<ROOT><record><duration>0</duration><sync>${sync.join('|')}</sync><transcript>${lines.join('\n')}</transcript></record></ROOT>`;
	}

	/** About `bytes` of current OHMS: a cue every 5 seconds, each of two paragraphs. */
	function currentExport(bytes: number): string {
		const cues: string[] = [];
		let size = 0;
		const stamp = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
		for (let n = 0; size < bytes; n++) {
			const cue = `${stamp(n * 5)} --> ${stamp(n * 5 + 5)}\n<v SMITH>Cue ${n} says a few words.<br><br>A paragraph & <br>another line.\n`;
			cues.push(cue);
			size += cue.length + 1;
		}
		return `<?xml version="1.0"?>\n<ROOT><record><version>6.0</version><vtt_transcript><![CDATA[WEBVTT\n\n${cues.join('\n')}]]></vtt_transcript></record></ROOT>`;
	}

	// Generous bounds (a few seconds are needed): what they catch is a quadratic step, which at
	// this size takes minutes, or a stack overflow (a spread of 100,000 problems did).
	test('40 MB of legacy transcript', { timeout: 120_000 }, () => {
		const xml = legacyExport(40e6);
		const started = performance.now();
		const { result } = parseOhms(xml, 'large.xml');
		expect(performance.now() - started).toBeLessThan(60_000);
		expect(result!.cues.length).toBeGreaterThan(300_000);
		expect(result!.anchors.length).toBeGreaterThan(40_000);
	});

	test('16 MB of current OHMS, every cue of two paragraphs', { timeout: 120_000 }, () => {
		const xml = currentExport(16e6);
		const started = performance.now();
		const { result } = parseOhms(xml, 'large.xml');
		expect(performance.now() - started).toBeLessThan(60_000);
		expect(result!.cues.length).toBeGreaterThan(250_000);
	});
});
