// Parse times of big and hostile WebVTT files (issue 21): the parser must stay linear, so that
// 200,000 cues or a 5 MB cue parse in under 5 s, and files past the limits are refused at once.
// Figures, not pass/fail; BENCHMARKS.md records a run.
//
//   npm run bench:parse
import { execFileSync } from 'node:child_process';
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
/** @param {number} n @param {string} [text] with {i} for the cue's number */
const manyCues = (n, text = 'Line {i} of a long interview.') =>
	'WEBVTT\n\n' +
	Array.from(
		{ length: n },
		(_, i) => `${stamp(i * 2)} --> ${stamp(i * 2 + 1.5)}\n${text.replace('{i}', String(i))}\n`
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
	[
		'200,000 cues with <v> and <i> tags',
		() => manyCues(200_000, '<v Narrator>Line {i} of a <i>long</i> interview.')
	],
	['5 MB of "</b" (refused: over 10,000 tags)', () => oneCue(fill('</b', 5 * MB) + '>')],
	['one cue of 10,000 tags (the limit)', () => oneCue('<b>x</b> '.repeat(5000))],
	['5 MB of "<b>x</b> " (refused: over 10,000 tags)', () => oneCue(fill('<b>x</b> ', 5 * MB))],
	['10,000 nested tags (refused)', () => oneCue('<i>'.repeat(10_000) + 'deep')],
	['51 MB file (refused)', () => oneCue(fill('slova i slova ', 51 * MB))]
];

/** Parses one case; prints its seconds and verdict as JSON. */
async function runCase(/** @type {number} */ index) {
	const [, make] = CASES[index];
	const source = make();
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const { cues, problems } = parseVtt(source, 'bench.vtt');
	const seconds = (performance.now() - started) / 1000;
	// CPU time (with the garbage collector's threads) varies less than wall time on a busy machine.
	const used = process.cpuUsage(cpuBefore);
	const cpu = (used.user + used.system) / 1e6;
	const errors = problems.filter((p) => p.severity === 'error');
	const verdict = errors.length
		? `error at line ${errors[0].line}: ${errors[0].message.slice(0, 40)}…`
		: `${cues.length} cues, ${problems.length} warnings`;
	console.log(JSON.stringify({ seconds, cpu, verdict, megabytes: source.length / MB }));
}

const only = process.argv.indexOf('--case');
if (only >= 0) {
	await runCase(Number(process.argv[only + 1]));
} else {
	// Each case in a fresh process, three times: one case's garbage never slows the next.
	/** @type {Array<[string, string, string?, boolean?]>} */
	const rows = [];
	for (const [index, [name]] of CASES.entries()) {
		/** @type {{ seconds: number, cpu: number, verdict: string, megabytes: number }[]} */
		const runs = [];
		for (let i = 0; i < 3; i++) {
			const out = execFileSync(process.execPath, [import.meta.filename, '--case', String(index)]);
			runs.push(JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}'));
		}
		const median = runs.map((r) => r.seconds).sort((a, b) => a - b)[1];
		const cpu = runs.map((r) => r.cpu).sort((a, b) => a - b)[1];
		const { verdict, megabytes } = runs[0];
		rows.push([
			`${name} (${fmt(megabytes)} MB)`,
			`${fmt(median, 2)} s (CPU ${fmt(cpu, 2)} s)`,
			'5 s',
			median < 5
		]);
		console.log(`  ${name}: ${verdict}`);
	}
	table('WebVTT parse times, median of 3 (budget: under 5 s each)', rows);
}
