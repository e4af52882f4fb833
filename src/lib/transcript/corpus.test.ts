import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCollection, readTracks } from '../content/collection.ts';
import { memorySource, validCollection } from '../content/memory-source.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { folderSource } from '../server/content.ts';
import { cueHtml, lineHtml, listHtml } from './markup.ts';
import type { Cue } from './types.ts';

/*
 * Hostile and unusual WebVTT files (tests/fixtures/vtt-corpus), each loaded as the transcript of
 * a clip the way the build loads it, with the verdict an archivist gets: the exact problems, and
 * for a file that loads, every cue's text as the page shows it.
 */

const CORPUS = 'tests/fixtures/vtt-corpus';
const FILE = 'transcripts/escape/uk.vtt';
const SENTENCE = 'Ми працювали в шахті по дванадцять годин, і ніхто не знав, що буде завтра.';

interface Case {
	verdict: 'accepted' | 'warning' | 'error';
	/** The transcript's problems as the build prints them, sorted as in its report. */
	problems?: string[];
	/** The text of every cue that loads, in file order. */
	texts?: string[];
	speakers?: (string | undefined)[];
	/** Of the clip's audio, in seconds. */
	duration?: number;
}

const error = (where: string, message: string) => `${FILE}:${where}: error: ${message}`;
const warning = (where: string, message: string) => `${FILE}:${where}: warning: ${message}`;
const TWO_LINES = ['Labas rytas.', 'Dvi eilutės\nvienoje replikoje.'];
const NOT_UTF8 = 'not valid UTF-8 (save the file as UTF-8)';
const STARTS_NO_TAG =
	'"<" that starts no tag: the words after it would be lost (write &lt; for "<")';
const NEVER_CLOSED =
	'"<" without a closing ">": the words after it would be lost (write &lt; for "<")';

const CASES: Record<string, Case> = {
	// Encodings and line endings.
	'bom.vtt': { verdict: 'accepted', texts: ['Перший рядок після BOM.', 'Second line.'] },
	'crlf-line-endings.vtt': { verdict: 'accepted', texts: TWO_LINES },
	'cr-only-line-endings.vtt': { verdict: 'accepted', texts: TWO_LINES },
	'not-utf8-windows-1251.vtt': { verdict: 'error', problems: [error('7:1', NOT_UTF8)] },
	'not-utf8-latin-1.vtt': { verdict: 'error', problems: [error('4:15', NOT_UTF8)] },
	'not-utf8-utf-16le.vtt': {
		verdict: 'error',
		problems: [
			error('1', 'the file must start with a "WEBVTT" line'),
			error('1:1', NOT_UTF8),
			error(
				'1:4',
				'NUL character (a zero byte, the first of 40): the file is damaged, or not UTF-8 text'
			)
		]
	},
	// The parser turns a NUL into U+FFFD without a word.
	'nul-byte.vtt': {
		verdict: 'error',
		problems: [error('4:18', 'NUL character (a zero byte): the file is damaged, or not UTF-8 text')]
	},

	// The file's structure.
	'empty.vtt': { verdict: 'error', problems: [error('1', 'the file is empty')] },
	'header-only.vtt': { verdict: 'error', problems: [error('1', 'the file has no cues')] },
	'missing-header.vtt': {
		verdict: 'error',
		problems: [error('1', 'the file must start with a "WEBVTT" line')]
	},
	'youtube-header.vtt': {
		verdict: 'warning',
		problems: [
			warning('2', 'line ignored: a blank line must follow WEBVTT'),
			warning('3', 'line ignored: a blank line must follow WEBVTT')
		],
		texts: ['Hello.']
	},
	'note-style-region.vtt': { verdict: 'accepted', texts: ['Text in a region.', 'After the note.'] },
	'text-outside-cue.vtt': {
		verdict: 'error',
		problems: [
			error(
				'6',
				'text outside any cue, which would not be shown (a blank line inside a cue, or a missing timing line?)'
			)
		]
	},

	// Timing lines.
	'bad-timestamp-one-digit-seconds.vtt': {
		verdict: 'error',
		problems: [error('6:8', 'invalid cue timing: must be exactly two digits')]
	},
	'bad-timestamp-61-minutes.vtt': {
		verdict: 'error',
		problems: [error('6:30', 'invalid cue timing: you cannot have more than 59 minutes')]
	},
	'overlong-milliseconds.vtt': {
		verdict: 'error',
		problems: [error('6:14', 'invalid cue timing: milliseconds must be given in three digits')]
	},
	'hours-over-99.vtt': {
		verdict: 'accepted',
		texts: ['Across the hundredth hour.', 'Still talking.'],
		duration: 100 * 3600 + 10
	},
	'zero-length-cue.vtt': {
		verdict: 'warning',
		problems: [warning('6', 'zero-length cue: it starts and ends at 0:02.000')],
		texts: ['Before.', 'A cue with no duration.', 'After.']
	},
	'reversed-times.vtt': {
		verdict: 'error',
		problems: [error('6', 'cue ends at 0:03.000, before it starts (0:05.000)')]
	},
	'cues-out-of-order.vtt': {
		verdict: 'error',
		problems: [
			error(
				'6:13',
				'invalid cue timing: start timestamp is not greater than or equal to start timestamp of previous cue'
			)
		]
	},
	'overlapping-speakers.vtt': {
		verdict: 'accepted',
		texts: ['Did you see the tanks?', 'Yes, at dawn, we all saw them.'],
		speakers: ['Interviewer', 'Vanda Valiutė']
	},
	'overlapping-same-speaker.vtt': {
		verdict: 'warning',
		problems: [warning('6', 'cue overlaps the previous one (line 3), which ends at 0:04.000')],
		texts: ['We were at the gate.', 'Then the tanks came.']
	},
	'cue-settings.vtt': {
		verdict: 'accepted',
		texts: ['Top left.', 'Right, vertical.', 'Near the bottom.']
	},
	'invalid-cue-setting.vtt': {
		verdict: 'warning',
		problems: [
			warning('3:31', 'cue setting ignored: invalid setting'),
			warning(
				'3:31',
				'cue setting ignored: alignment can only be set to one of start, center, end, left, right'
			)
		],
		texts: ['Settings the site ignores.']
	},

	// Cue text.
	'long-cue.vtt': { verdict: 'accepted', texts: [Array(60).fill(SENTENCE).join(' ')] },
	'formatting-tags.vtt': {
		verdict: 'accepted',
		texts: [
			'We ran, fast, north.',
			'Plain span and yellow',
			'He said Слава and cheers.',
			'漢kan字ji in ruby'
		],
		speakers: ['Orest Yarynich', undefined, undefined, undefined]
	},
	'karaoke-timestamps.vtt': {
		verdict: 'accepted',
		texts: ['we were taken at night', 'Karaoke in colour']
	},
	'karaoke-timestamp-outside-cue.vtt': {
		verdict: 'warning',
		problems: [
			warning(
				'4:19',
				'karaoke timestamp ignored: timestamp must be between start timestamp and end timestamp'
			),
			warning(
				'4:37',
				'karaoke timestamp ignored: timestamp must be greater than any previous timestamp'
			),
			warning('4:56', 'karaoke timestamp ignored: must be exactly two digits')
		],
		texts: ['One two three four']
	},
	'entities.vtt': {
		verdict: 'accepted',
		texts: [
			'Fish & chips, 3 < 5 > 1',
			'non\u00a0breaking, \u200eleft\u200fright',
			"It's ’quoted” — 😀 😀 <b>"
		]
	},
	'bare-ampersand.vtt': {
		verdict: 'warning',
		problems: [
			warning('4:4', 'incorrect escape'),
			warning('4:16', 'incorrect escape'),
			warning('4:21', 'incorrect escape')
		],
		texts: ['Q & A with AT&T, R&D']
	},
	'rtl-and-combining.vtt': {
		verdict: 'accepted',
		texts: [
			'كنا في المعسكر عشر سنوات.',
			'She said אמא שלי חיכתה לנו.',
			// Decomposed é (e + U+0301) stays decomposed: the text is not normalised.
			"Cafe\u0301 vs Caf\u00e9; ąčęėįšųūž ĄČĘĖĮŠŲŪŽ; в’язень, п'ять, Їжак ґанок"
		],
		speakers: ['شاهد', undefined, undefined]
	},
	'escaped-html.vtt': {
		verdict: 'accepted',
		texts: [
			'<script>alert("x")</script> is only text.',
			'<img src=x onerror=alert(1)> &lt; stays &lt;'
		]
	},
	'hostile-markup.vtt': {
		verdict: 'warning',
		problems: [
			warning('4:9', 'incorrect start tag'),
			warning('4:26', 'incorrect end tag'),
			warning('7:29', 'only <v> and <lang> can have an annotation'),
			warning('7:73', 'only <v> and <lang> can have an annotation'),
			warning('7:83', 'incorrect end tag'),
			warning('13:39', 'only <v> and <lang> can have an annotation')
		],
		texts: [
			'alert(1)Not a script.',
			'An image tag, a link.',
			'Class and lang',
			'>Speaker name with a quote.'
		],
		speakers: [undefined, undefined, undefined, 'Guard"']
	},
	'unescaped-less-than.vtt': { verdict: 'error', problems: [error('4:8', STARTS_NO_TAG)] },
	'unclosed-tag.vtt': {
		verdict: 'error',
		problems: [warning('3', 'empty cue left out'), error('4:1', NEVER_CLOSED)]
	},
	// Names of Object.prototype members are ordinary words, speakers, classes and languages.
	'prototype-names.vtt': {
		verdict: 'accepted',
		texts: [
			'constructor prototype __proto__ toString hasOwnProperty',
			'valueOf isPrototypeOf propertyIsEnumerable'
		],
		speakers: [undefined, 'constructor']
	},
	// An unknown reference stays as written; `&amp`, `&not` and `&eacute` also begin a word.
	'unknown-references.vtt': {
		verdict: 'warning',
		problems: [warning('4:12', 'incorrect escape'), warning('4:54', 'incorrect escape')],
		texts: ['Unknown &zz; and &zz; and ¬it; ét&eacute.']
	},
	// 5,000 nested tags overflowed the parser's stack; past MAX_TAG_DEPTH the cue is refused.
	'deeply-nested-tags.vtt': {
		verdict: 'error',
		problems: [
			error(
				'7:311',
				'tags nested more than 100 deep: the cue is left out (close each tag before opening the next)'
			)
		]
	},
	'two-speakers-in-one-cue.vtt': {
		verdict: 'error',
		problems: [
			error(
				'3',
				'more than one speaker in a cue (Interviewer, Witness): the site shows one name per cue, so give each speaker a cue of their own'
			)
		]
	}
};

/** Loads a collection whose one clip has the file as its transcript, as the build does. */
async function load(bytes: Uint8Array, duration = 600) {
	const files: Record<string, string | Uint8Array> = validCollection({
		clip: { translations: [] }
	});
	delete files['escape/en.vtt'];
	files['escape/uk.vtt'] = bytes;
	const source = memorySource(files, { 'escape/audio.mp3': duration });
	const { collection, problems } = await loadCollection(source);
	const clip = collection.clips[0] && (await readTracks(source, collection.clips[0]));
	return { cues: clip?.tracks[0]?.cues ?? [], problems };
}

/** What `verdict` a list of problems amounts to. */
function verdictOf(problems: { severity: string }[]): Case['verdict'] {
	if (problems.some((p) => p.severity === 'error')) return 'error';
	return problems.length > 0 ? 'warning' : 'accepted';
}

// Every tag the transcript markup may contain: its own structure and the WebVTT whitelist.
const ALLOWED_TAG =
	/^<\/?(?:div|span|a|button|i|b|u|ruby|rt)(?: (?:class|lang|role|style|href|aria-label|aria-hidden|type|data-[a-z]+)="[^"<>]*")*>$/;
const CUE_TAG = /<\/?(?:i|b|u|ruby|rt|span)(?: class="[\w -]*")?(?: lang="[\w-]*")?>/g;
const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a browser would show for cue markup; fails on anything that is not plain text. */
function textOf(html: string): string {
	const text = html.replace(CUE_TAG, '');
	expect(text).not.toMatch(/[<>]/);
	expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
	return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ESCAPES[name]!);
}

/** The cue renders as exactly its text: no word lost, nothing left unescaped. */
function expectRenderedExactly(cue: Cue) {
	expect(textOf(cueHtml(cue.nodes)).trim()).toBe(cue.text);
	const line = lineHtml(cue, 'uk', true, { linkTo: (time) => `Link to the line at ${time}` });
	// The button holds the speaker where it changes, then the cue's text.
	const body = /<button [^>]*>(?:<span class="speaker">.*?<\/span>)?(.*)<\/button>$/s.exec(
		line
	)?.[1];
	expect(textOf(body ?? '').trim()).toBe(cue.text);
	const speaker = /<span class="speaker">(.*?)<\/span>/s.exec(line)?.[1];
	expect(speaker === undefined ? undefined : textOf(speaker)).toBe(cue.speaker);
}

describe('the WebVTT corpus', () => {
	it('has a verdict for every file in the folder', () => {
		expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(CASES).sort());
	});

	for (const [name, expected] of Object.entries(CASES)) {
		it(`${name}: ${expected.verdict}`, async () => {
			const { cues, problems } = await load(readFileSync(join(CORPUS, name)), expected.duration);
			// A transcript without cues also leaves the kiosk without a first line to show.
			const own = problems.filter((p) => p.file === FILE);
			expect(sortProblems(own).map(formatProblem)).toEqual(expected.problems ?? []);
			expect(verdictOf(problems)).toBe(expected.verdict);
			if (expected.verdict === 'error') return;

			expect(cues.map((c) => c.text)).toEqual(expected.texts);
			if (expected.speakers) expect(cues.map((c) => c.speaker)).toEqual(expected.speakers);
			cues.forEach(expectRenderedExactly);
			// The whole transcript list: only the fixed tags and attributes, whatever the file says.
			for (const [tag] of listHtml(cues, 'uk', {}).matchAll(/<[^>]*>/g)) {
				expect(tag).toMatch(ALLOWED_TAG);
			}
		});
	}

	it('keeps a cue of several thousand characters whole', async () => {
		const { cues } = await load(readFileSync(join(CORPUS, 'long-cue.vtt')));
		expect(cues[0]!.text.length).toBeGreaterThan(4000);
	});

	it('rejects cues past the hundredth hour when the audio is shorter', async () => {
		const { problems } = await load(readFileSync(join(CORPUS, 'hours-over-99.vtt')), 3600);
		expect(problems.map(formatProblem)).toEqual([
			error('3', 'cue ends at 100:00:01.500, after the end of the audio (1:00:00.000)'),
			error('6', 'cue ends at 100:00:05.000, after the end of the audio (1:00:00.000)')
		]);
	});

	it('reports a file on disk that is not UTF-8 at the line of its first bad byte', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'vtt-corpus-'));
		try {
			cpSync('tests/fixtures/basic', dir, { recursive: true });
			writeFileSync(
				join(dir, 'test-clip/en.vtt'),
				readFileSync(join(CORPUS, 'not-utf8-windows-1251.vtt'))
			);
			const { problems } = await loadCollection(folderSource(dir));
			const own = problems.filter((p) => p.file.endsWith('test-clip/en.vtt'));
			expect(own).toEqual([
				expect.objectContaining({ severity: 'error', line: 7, column: 1, message: NOT_UTF8 })
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
