// Parse times of big and hostile WebVTT files (issue 21): the parser must stay linear, so that
// 200,000 cues or a 5 MB cue parse in under 5 s, and files past the limits are refused at once.
// Figures, not pass/fail; BENCHMARKS.md records a run.
//
//   npm run bench:parse
import { runnerImport } from 'vite';
import { fmt, table } from './stats.js';

const { module: vtt } = await runnerImport('./src/lib/transcript/vtt.ts');
/** @type {(source: string, file: string) => { cues: unknown[], problems: { severity: string, line?: number, message: string }[] }} */
const parseVtt = vtt.parseVtt;

/** @param {number} t */
const stamp = (t) => {
	const ms = Math.round(t * 1000);
	const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};
/** @param {number} n */
const manyCues = (n) =>
	'WEBVTT\n\n' +
	Array.from(
		{ length: n },
		(_, i) => `${stamp(i * 2)} --> ${stamp(i * 2 + 1.5)}\nLine ${i} of a long interview.\n`
	).join('\n');
/** @param {string} text */
const oneCue = (text) => `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n${text}\n`;
const MB = 1 << 20;
/** @param {string} unit @param {number} bytes */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length));

/** @type {[string, () => string][]} */
const CASES = [
	['20,000 cues', () => manyCues(20_000)],
	['50,000 cues', () => manyCues(50_000)],
	['200,000 cues', () => manyCues(200_000)],
	['one 5 MB cue of words', () => oneCue(fill('slova i slova ', 5 * MB))],
	['5 MB of "& " (a warning each)', () => oneCue(fill('& ', 5 * MB))],
	['5 MB of "&zz;" (unknown references)', () => oneCue(fill('&zz; ', 5 * MB))],
	['5 MB of "</b" (one ">" at the end)', () => oneCue(fill('</b', 5 * MB) + '>')],
	['one 5 MB cue of "<b>x</b> "', () => oneCue(fill('<b>x</b> ', 5 * MB))],
	['10,000 nested tags (refused)', () => oneCue('<i>'.repeat(10_000) + 'deep')],
	['51 MB file (refused)', () => oneCue(fill('slova i slova ', 51 * MB))]
];

/** @type {Array<[string, string, string?, boolean?]>} */
const rows = [];
for (const [name, make] of CASES) {
	const source = make();
	const started = performance.now();
	const { cues, problems } = parseVtt(source, 'bench.vtt');
	const seconds = (performance.now() - started) / 1000;
	const errors = problems.filter((p) => p.severity === 'error');
	const verdict = errors.length
		? `error at line ${errors[0].line}: ${errors[0].message.slice(0, 40)}`
		: `${cues.length} cues, ${problems.length} warnings`;
	rows.push([`${name} (${fmt(source.length / MB)} MB)`, `${fmt(seconds, 2)} s  ${verdict}`]);
}
table('WebVTT parse times (budget: under 5 s each)', rows);
