import { describe, expect, test } from 'vitest';
import { parseSrt, parseWebVtt } from './captions.ts';
import { MAX_TEXT_FILE_BYTES } from '../content/limits.ts';
import { fixture } from './fixtures.ts';

const where = (problems: { severity: string; line?: number; message: string }[]) =>
	problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`);

describe('parseSrt', () => {
	test('reads a vendor SRT: times as written, lines, speakers, <br> and formatting', () => {
		const { file, text } = fixture('captions.srt');
		const { result, problems } = parseSrt(text, file);
		expect(result.cues).toEqual([
			{
				start: 3601,
				end: 3604.5,
				text: 'This is a test recording.\nIt tries the import.',
				speaker: 'INTERVIEWER',
				line: 2
			},
			{ start: 3604.5, end: 0, text: 'The first line is read aloud.', speaker: undefined, line: 6 },
			{
				start: 3608,
				end: 3612.25,
				text: 'Now the second part begins.',
				speaker: undefined,
				line: 10
			},
			{
				start: 3612.25,
				end: 3615,
				text: 'And here the recording ends.',
				speaker: undefined,
				line: 14
			}
		]);
		expect(where(problems)).toEqual([
			'3: warning: "<br>" in cue text became a line break',
			'7: warning: formatting tags dropped (the text is kept)',
			'11: warning: formatting tags dropped (the text is kept)'
		]);
	});

	test('a malformed timing line is an error at its line', () => {
		const { file, text } = fixture('bad-timing.srt');
		const { problems } = parseSrt(text, file);
		expect(problems).toEqual([
			{
				severity: 'error',
				file,
				line: 6,
				message:
					'malformed timing line (expected 00:00:01,000 --> 00:00:02,500): the cue below it would be lost'
			}
		]);
	});

	test('an empty file is an error', () => {
		expect(where(parseSrt('\n\n', 'e.srt').problems)).toEqual(['1: error: the file is empty']);
	});
});

describe('parseWebVtt', () => {
	test('reads the Kind:/Language: header instead of warning about it', () => {
		const { file, text } = fixture('captions.vtt');
		const { result, problems } = parseWebVtt(text, file);
		expect(result.language).toBe('en');
		expect(result.cues.map((c) => [c.start, c.end, c.speaker, c.line])).toEqual([
			[1, 4.5, 'Interviewer', 5],
			[4.5, 0, 'Reader', 8],
			[8, 12.25, 'Interviewer', 11],
			[12.25, 15, 'Reader', 14]
		]);
		expect(result.cues[0]!.text).toBe('This is a test recording.\nIt tries the import.');
		// The end before its start is left for repairTimes(), which reports it.
		expect(where(problems)).toEqual(['6: warning: "<br>" in cue text became a line break']);
	});

	test('keeps the site parser’s verdicts, with lines moved by the offset given', () => {
		const { problems } = parseWebVtt('WEBVTT\n\n00:00:1.000 --> 00:00:02.000\nA.\n', 'x.xml', 40);
		expect(problems.map((p) => [p.severity, p.line])).toEqual([['error', 43]]);
	});
});

// Issue 29: big and hostile files get an answer in linear time, within the build's limits.
describe('big and hostile captions', () => {
	const FILE = 'big.srt';
	const stamp = (seconds: number, separator: string) => {
		const ms = Math.round(seconds * 1000);
		const pad = (n: number, width = 2) => String(n).padStart(width, '0');
		return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
	};
	/**
	 * An SRT file of `count` cues, one a second, each with its number (timing line 4n + 2). With
	 * `broken`, every fourth timing line has one arrow: its cue is lost (an error), and the cue
	 * after it is looked up by its times rather than taken from the next timing line.
	 */
	const srt = (count: number, broken = false) =>
		Array.from({ length: count }, (_, i) => {
			const arrow = broken && i % 4 === 3 ? '->' : '-->';
			return `${i + 1}\n${stamp(i, ',')} ${arrow} ${stamp(i + 0.5, ',')}\nLine ${i}.\n`;
		}).join('\n');
	/** The least time a call takes in a few runs, in ms: other work on the machine only adds. */
	const fastest = (run: () => unknown, runs: number) => {
		let least = Infinity;
		for (let i = 0; i < runs; i++) {
			const started = performance.now();
			run();
			least = Math.min(least, performance.now() - started);
		}
		return least;
	};

	// A search for each cue's timing line from the start of the file made 200,000 cues take 13 s
	// (and a million, hours). Timed at two sizes, the least of a few runs each.
	test(
		'reads SRT cues in linear time: eight times as many in less than twenty times as long',
		{
			timeout: 60_000
		},
		() => {
			const small = srt(25_000, true);
			const big = srt(200_000, true);
			let parsed: ReturnType<typeof parseSrt> | undefined;
			const smallTime = fastest(() => parseSrt(small, FILE), 3);
			const bigTime = fastest(() => (parsed = parseSrt(big, FILE)), 2);
			const { result, problems } = parsed!;
			expect(problems).toHaveLength(50_000);
			expect(problems[0]).toMatchObject({ severity: 'error', line: 4 * 3 + 2 });
			expect(result.cues).toHaveLength(150_000);
			expect(result.cues.slice(0, 4).map((c) => c.line)).toEqual([2, 6, 10, 18]);
			expect(result.cues.at(-1)).toMatchObject({ start: 199_998, line: 4 * 199_998 + 2 });
			// Linear, it takes about eight times as long; quadratic, it took over forty.
			expect(bigTime).toBeLessThan(20 * smallTime);
		}
	);

	test(
		'reads hostile lines in linear time: runs of dashes, digits and blank lines, unclosed tags',
		{
			timeout: 30_000
		},
		() => {
			const n = 1_000_000;
			const cue = (text: string) => `1\n00:00:01,000 --> 00:00:02,000\n${text}\n`;
			// Each of these was quadratic: /-+>/ tried every dash, the timestamp pattern every digit,
			// the tag pattern every "<" up to the end of the line, and the parser dropped each blank
			// line before a cue's text with an array shift.
			const dashes = parseSrt(cue('x') + '\n2\n1:1 ' + '-'.repeat(n) + '\nlost\n', FILE);
			expect(dashes.problems.map((p) => [p.severity, p.line])).toEqual([]);
			const digits = parseSrt(cue('x') + `\n${'1'.repeat(n)}:1 --> 1:1\nlost\n`, FILE);
			expect(digits.problems.map((p) => [p.severity, p.line])).toEqual([['error', 5]]);
			const tags = parseSrt(cue('<b'.repeat(n) + '{\\b'.repeat(n)), FILE);
			expect(tags.result.cues[0]!.text).toHaveLength(5 * n);
			const blank = parseSrt(cue('\n'.repeat(n) + 'x'), FILE);
			expect(blank.result.cues).toMatchObject([{ text: 'x', line: 2 }]);
		}
	);

	test('a file over the build’s size limit is refused before it is read', () => {
		const huge = ' '.repeat(MAX_TEXT_FILE_BYTES + 1);
		for (const parsed of [parseSrt(huge, FILE), parseWebVtt(huge, FILE)]) {
			expect(parsed.result.cues).toEqual([]);
			expect(where(parsed.problems)).toEqual([
				'1: error: the file is too large (50 MB or more; the limit is 50 MB per file): split the recording and its transcript into parts, and import each'
			]);
		}
	});

	test('captions whose WebVTT would pass the build’s limit are an error, with no cues', () => {
		// 11 MB of "&" is 55 MB of "&amp;": the build would refuse the file the import wrote.
		const { result, problems } = parseSrt(
			`1\n00:00:01,000 --> 00:00:02,000\nA.\n\n2\n00:00:02,000 --> 00:00:03,000\n${'&'.repeat(11 * 2 ** 20)}\n`,
			FILE
		);
		expect(result.cues).toEqual([]);
		expect(where(problems)).toEqual([
			"6: error: too much text for one clip: its WebVTT would pass the build's limit of 50 MB per file here: split the recording and its transcript into parts, and import each"
		]);
	});
});
