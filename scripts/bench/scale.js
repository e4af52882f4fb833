// The build at the size of a real archive (issue 28): generates collections of N clips of 1 to
// 3 hours each (scale-fixture.js: tone bursts as 48 kbit/s MP3, a cue every 2–3 s in English
// and French, chapters; no testimony), then measures `vite build` on each, cold (every recording
// decoded afresh) and again after one line of one clip changes (the decode cache kept, as on an
// archivist's machine). For each build: wall time, peak memory of the whole process tree (the
// build forks workers, so the RSS of every descendant is summed, sampled every 250 ms; shared
// pages count once per process, so this errs high) and output size. Then a least-squares line
// through the sizes, against hours of audio and against clips, extrapolated to 1,000 hours and
// compared with the targets: cold build < 30 min, peak memory < 4 GB, rebuild < 3 min.
// Figures, not pass/fail. Results in <out>/scale.json, build logs beside it.
//
//   npm run bench:scale                                  sizes 10, 50 and 200 clips (hours)
//   npm run bench:scale -- --sizes 10,50 --out DIR       other sizes or output folder
//   npm run bench:scale -- --keep                        keep the collections and builds
//   npm run bench:scale -- --min-hours 0.05 --max-hours 0.1 --sizes 2    a quick check
//
// Each size needs about twice its audio on disk (the collection, and its copy in the build):
// 200 clips are about 400 hours, 8.6 GB of MP3, so 17 GB. A size that does not fit is skipped.
// The builds run in a copy of the project (<out>/project, its node_modules linked), whose own
// .svelte-kit/ no other build touches.
import { execFileSync, spawn } from 'node:child_process';
import {
	createWriteStream,
	lstatSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statfsSync,
	writeFileSync
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
	FRAME_SECONDS,
	KBPS,
	changeOneClip,
	mp3Pool,
	writeScaleCollection
} from './scale-fixture.js';
import { fmt } from './stats.js';
import { copyProject } from '../project-copy.js';

const { values: options } = parseArgs({
	options: {
		sizes: { type: 'string', default: '10,50,200' },
		out: { type: 'string', default: 'bench-results/scale' },
		keep: { type: 'boolean', default: false },
		'min-hours': { type: 'string', default: '1' },
		'max-hours': { type: 'string', default: '3' },
		seed: { type: 'string', default: '1' },
		// Cues without word timings, as before `npm run align` (the default has them in English).
		'plain-cues': { type: 'boolean', default: false }
	}
});
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = resolve(options.out);
const SIZES = options.sizes.split(',').map((s) => Number(s.trim()));
const MIN_HOURS = Number(options['min-hours']);
const MAX_HOURS = Number(options['max-hours']);

/** A copy of the project to build in, so that no other build shares its .svelte-kit/. */
mkdirSync(OUT, { recursive: true });
const project = copyProject('project-', OUT);
const PROJECT = project.dir;
if (
	SIZES.some((n) => !Number.isInteger(n) || n < 1) ||
	!(MIN_HOURS > 0 && MAX_HOURS >= MIN_HOURS)
) {
	console.error(
		'--sizes takes whole numbers of clips (10,50,200); --min-hours ≤ --max-hours, both > 0'
	);
	process.exit(2);
}
const GB = 1024 ** 3;
const MB = 1024 ** 2;
/** Issue 28's targets, for 1,000 hours of audio. */
const TARGET = { coldSeconds: 30 * 60, peakBytes: 4 * GB, rebuildSeconds: 3 * 60 };
const PAGE_SIZE = (() => {
	try {
		return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' })) || 4096;
	} catch {
		return 4096;
	}
})();
/** Audio bytes a second at 48 kbit/s. */
const AUDIO_BYTES_PER_SECOND = (KBPS * 1000) / 8;

/**
 * Every process's parent and resident memory, from /proc/<pid>/stat.
 * @returns {Map<number, { ppid: number, rss: number }>}
 */
function processes() {
	const table = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name, in parentheses, may hold spaces: the fields start after its ")".
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			table.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE });
		} catch {
			// The process ended while being read.
		}
	}
	return table;
}

/**
 * The summed RSS of a process and all its descendants, and how many there are.
 * @param {number} root
 */
function treeMemory(root) {
	const table = processes();
	/** @type {Map<number, number[]>} */
	const children = new Map();
	for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	let bytes = 0;
	let count = 0;
	const queue = [root];
	for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
		const entry = table.get(pid);
		if (!entry) continue;
		bytes += entry.rss;
		count++;
		queue.push(...(children.get(pid) ?? []));
	}
	return { bytes, count };
}

/**
 * A folder's size: every file's length (as a server sends them), and the space it takes on
 * disk with each hard-linked file counted once.
 * @param {string} dir
 */
function folderSize(dir) {
	let apparent = 0;
	let disk = 0;
	let files = 0;
	const seen = new Set();
	/** @param {string} path */
	const walk = (path) => {
		for (const entry of readdirSync(path, { withFileTypes: true })) {
			const full = join(path, entry.name);
			if (entry.isDirectory()) {
				walk(full);
				continue;
			}
			const info = lstatSync(full);
			apparent += info.size;
			files++;
			const key = `${info.dev}:${info.ino}`;
			if (!seen.has(key)) {
				seen.add(key);
				disk += info.blocks * 512;
			}
		}
	};
	walk(dir);
	return { apparent, disk, files };
}

/**
 * @typedef {{ ok: boolean, wallSeconds: number, peakBytes: number, peakProcesses: number, outputBytes?: number, outputDiskBytes?: number, outputFiles?: number, log: string, problems?: string, exit?: string }} BuildFigures
 */

/**
 * Runs `vite build` in the project with this environment, and measures it.
 * @param {Record<string, string>} env
 * @param {string} buildDir
 * @param {string} log
 * @returns {Promise<BuildFigures>}
 */
async function measureBuild(env, buildDir, log) {
	const environment = { ...process.env, ...env };
	// The default origin, as `npm run build` without configuration.
	delete environment.SITE_ORIGIN;
	const out = createWriteStream(log);
	const started = performance.now();
	const child = spawn(process.execPath, [join(PROJECT, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: PROJECT,
		env: environment,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.pipe(out, { end: false });
	child.stderr.pipe(out, { end: false });
	let peakBytes = 0;
	let peakProcesses = 0;
	const sample = () => {
		if (child.pid === undefined) return;
		const { bytes, count } = treeMemory(child.pid);
		if (bytes > peakBytes) peakBytes = bytes;
		if (count > peakProcesses) peakProcesses = count;
	};
	const sampler = setInterval(sample, 250);
	sample();
	/** @type {{ code: number | null, signal: NodeJS.Signals | null }} */
	const exit = await new Promise((done) =>
		child.on('close', (code, signal) => done({ code, signal }))
	);
	clearInterval(sampler);
	const wallSeconds = (performance.now() - started) / 1000;
	await new Promise((done) => out.end(done));
	const text = readFileSync(log, 'utf8');
	// The collection check's summary ("0 errors, 2 warnings in the collection"), if it had any.
	const problems = /\d+ errors?, \d+ warnings? in the collection/.exec(text)?.[0];
	/** @type {BuildFigures} */
	const figures = { ok: exit.code === 0, wallSeconds, peakBytes, peakProcesses, log, problems };
	if (!figures.ok) {
		figures.exit = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
		const tail = text.trimEnd().split('\n').slice(-30);
		console.log(`    build FAILED (${figures.exit}); the last ${tail.length} lines of ${log}:`);
		for (const line of tail) console.log(`      ${line}`);
		return figures;
	}
	const size = folderSize(buildDir);
	return {
		...figures,
		outputBytes: size.apparent,
		outputDiskBytes: size.disk,
		outputFiles: size.files
	};
}

/** @param {number} seconds */
const duration = (seconds) =>
	seconds >= 3600
		? `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`
		: seconds < 10
			? `${fmt(seconds, 2)} s`
			: seconds < 90
				? `${fmt(seconds)} s`
				: `${Math.floor(seconds / 60)} min ${fmt(seconds % 60, 0)} s`;
/** @param {number} bytes */
const size = (bytes) => (bytes >= GB ? `${fmt(bytes / GB, 2)} GB` : `${fmt(bytes / MB)} MB`);

/**
 * The least-squares line y = a + b·x through the points, if at least two x differ.
 * @param {number[]} xs
 * @param {number[]} ys
 */
function fitLine(xs, ys) {
	const n = xs.length;
	if (n < 2) return undefined;
	const mx = xs.reduce((s, x) => s + x, 0) / n;
	const my = ys.reduce((s, y) => s + y, 0) / n;
	let sxx = 0;
	let sxy = 0;
	for (let i = 0; i < n; i++) {
		sxx += ((xs[i] ?? 0) - mx) ** 2;
		sxy += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
	}
	if (sxx === 0) return undefined;
	const b = sxy / sxx;
	return { a: my - b * mx, b };
}

/**
 * @typedef {{ clips: number, status: string, hours?: number, audioBytes?: number, generateSeconds?: number, cold?: BuildFigures, rebuild?: BuildFigures }} Row
 */

mkdirSync(OUT, { recursive: true });
const pool = await mp3Pool();
if (pool.encodeSeconds > 0) {
	console.log(
		`Encoded the MP3 segment pool in ${fmt(pool.encodeSeconds)} s (cached for next time)`
	);
}

/** @type {Row[]} */
const rows = [];
for (const clips of SIZES) {
	const meanHours = (MIN_HOURS + MAX_HOURS) / 2;
	const audioBytes = clips * meanHours * 3600 * AUDIO_BYTES_PER_SECOND;
	// The collection, its copy in the build, and room for the pages and the rest.
	const needed = 2 * audioBytes + 1 * GB;
	const fs = statfsSync(OUT);
	const free = fs.bavail * fs.bsize;
	if (free < needed) {
		const status = `skipped: needs about ${size(needed)} of disk, ${size(free)} free in ${OUT}`;
		console.log(`\n${clips} ${clips === 1 ? 'clip' : 'clips'}: ${status}`);
		rows.push({ clips, status });
		continue;
	}
	const collection = join(OUT, `scale-${clips}`, 'transcripts');
	const cache = join(OUT, `scale-${clips}`, 'audio-cache');
	const buildDir = join(OUT, `build-${clips}`);
	/** @type {Row} */
	const row = { clips, status: 'ok' };
	rows.push(row);
	try {
		console.log(
			`\n${clips} ${clips === 1 ? 'clip' : 'clips'}: generating (about ${fmt(clips * meanHours, 2)} hours)…`
		);
		const started = performance.now();
		const written = await writeScaleCollection(collection, {
			clips,
			seed: Number(options.seed),
			minHours: MIN_HOURS,
			maxHours: MAX_HOURS,
			wordTimings: !options['plain-cues']
		});
		row.generateSeconds = (performance.now() - started) / 1000;
		row.hours = written.hours;
		row.audioBytes = written.bytes;
		console.log(
			`  ${fmt(written.hours, 2)} hours, ${size(written.bytes)} of MP3, written in ${duration(row.generateSeconds)}`
		);
		rmSync(buildDir, { recursive: true, force: true });
		rmSync(cache, { recursive: true, force: true });
		mkdirSync(cache, { recursive: true });
		const env = { TRANSCRIPTS_DIR: collection, BUILD_DIR: buildDir, AUDIO_CACHE_DIR: cache };
		console.log('  cold build (every recording decoded)…');
		row.cold = await measureBuild(env, buildDir, join(OUT, `build-${clips}-cold.log`));
		if (!row.cold.ok) {
			row.status = `cold build failed (${row.cold.exit})`;
			continue;
		}
		console.log(
			`    ${duration(row.cold.wallSeconds)}, peak ${size(row.cold.peakBytes)}, output ${size(row.cold.outputBytes ?? NaN)}`
		);
		const [first] = written.slugs;
		const { cue } = changeOneClip(collection, /** @type {string} */ (first));
		console.log(`  rebuild after one line changes (${first}, cue ${cue}, in en.vtt and fr.vtt)…`);
		row.rebuild = await measureBuild(env, buildDir, join(OUT, `build-${clips}-rebuild.log`));
		if (!row.rebuild.ok) {
			row.status = `rebuild failed (${row.rebuild.exit})`;
			continue;
		}
		console.log(
			`    ${duration(row.rebuild.wallSeconds)}, peak ${size(row.rebuild.peakBytes)}, output ${size(row.rebuild.outputBytes ?? NaN)}`
		);
	} catch (error) {
		row.status = `failed: ${/** @type {Error} */ (error).message}`;
		console.log(`  ${row.status}`);
	} finally {
		if (!options.keep) {
			rmSync(join(OUT, `scale-${clips}`), { recursive: true, force: true });
			rmSync(buildDir, { recursive: true, force: true });
		}
	}
}

// The table.
/**
 * A build's figure, or what there is of it: a failed build's time and memory up to the failure.
 * @param {BuildFigures | undefined} b
 * @param {(b: BuildFigures) => string} show
 * @param {boolean} [untilFailure] whether the figure means something for a failed build
 */
const cell = (b, show, untilFailure = false) =>
	!b ? '–' : b.ok ? show(b) : untilFailure ? `${show(b)} (failed)` : 'failed';
const header = [
	'N',
	'hours',
	'MP3',
	'cold wall',
	'cold peak memory',
	'output (files / on disk)',
	'rebuild wall',
	'rebuild peak memory',
	'status'
];
const lines = [
	`| ${header.join(' | ')} |`,
	`| ${header.map(() => '---').join(' | ')} |`,
	...rows.map(
		(r) =>
			`| ${[
				r.clips,
				r.hours === undefined ? '–' : fmt(r.hours, 2),
				r.audioBytes === undefined ? '–' : size(r.audioBytes),
				cell(r.cold, (b) => duration(b.wallSeconds), true),
				cell(r.cold, (b) => `${size(b.peakBytes)} (${b.peakProcesses} proc.)`, true),
				cell(
					r.cold,
					(b) =>
						`${size(b.outputBytes ?? NaN)} / ${size(b.outputDiskBytes ?? NaN)} (${b.outputFiles} files)`
				),
				cell(r.rebuild, (b) => duration(b.wallSeconds), true),
				cell(r.rebuild, (b) => size(b.peakBytes), true),
				r.status
			].join(' | ')} |`
	)
];
console.log(`\nThe build at scale (${cpus().length} cores, ${size(totalmem())} of memory)\n`);
console.log(lines.join('\n'));

// Lines through the measured sizes, extrapolated to 1,000 hours.
const measured = rows.filter((r) => r.cold?.ok && r.rebuild?.ok && r.hours !== undefined);
const HOURS = 1000;
const hoursPerClip =
	measured.reduce((s, r) => s + (r.hours ?? 0), 0) / measured.reduce((s, r) => s + r.clips, 0) ||
	(MIN_HOURS + MAX_HOURS) / 2;
const clipsAtTarget = HOURS / hoursPerClip;
/** @type {[string, (r: Row) => number, (v: number) => string, number?][]} */
const MEASURES = [
	['cold build wall', (r) => r.cold?.wallSeconds ?? NaN, duration, TARGET.coldSeconds],
	['cold build peak memory', (r) => r.cold?.peakBytes ?? NaN, size, TARGET.peakBytes],
	['output size (files)', (r) => r.cold?.outputBytes ?? NaN, size],
	['rebuild wall', (r) => r.rebuild?.wallSeconds ?? NaN, duration, TARGET.rebuildSeconds],
	['rebuild peak memory', (r) => r.rebuild?.peakBytes ?? NaN, size, TARGET.peakBytes]
];
const fits = MEASURES.map(([name, value, show, target]) => {
	const ys = measured.map(value);
	const byHours = fitLine(
		measured.map((r) => r.hours ?? NaN),
		ys
	);
	const byClips = fitLine(
		measured.map((r) => r.clips),
		ys
	);
	const atHours = byHours ? byHours.a + byHours.b * HOURS : NaN;
	const atClips = byClips ? byClips.a + byClips.b * clipsAtTarget : NaN;
	return { name, show, target, byHours, byClips, atHours, atClips };
});
if (measured.length < 2) {
	console.log(
		`\nNo extrapolation to ${HOURS.toLocaleString('en')} hours: it needs two sizes measured, ${measured.length} ${measured.length === 1 ? 'was' : 'were'}.`
	);
} else {
	console.log(
		`\nLeast squares, cost = a + b·hours and a + b·N, extrapolated to ${HOURS.toLocaleString('en')} hours (${fmt(clipsAtTarget, 0)} clips of ${fmt(hoursPerClip, 2)} h):\n`
	);
	const fitLines = [
		`| measure | a + b·hours | at ${HOURS} h | a + b·N | at N = ${fmt(clipsAtTarget, 0)} | target | verdict |`,
		'| --- | --- | --- | --- | --- | --- | --- |',
		...fits.map(({ name, show, target, byHours, byClips, atHours, atClips }) => {
			const verdict =
				target === undefined ? '' : Math.max(atHours, atClips) < target ? 'met' : 'NOT MET';
			return `| ${[
				name,
				byHours ? `${show(byHours.a)} + ${show(byHours.b)}·h` : '–',
				show(atHours),
				byClips ? `${show(byClips.a)} + ${show(byClips.b)}·N` : '–',
				show(atClips),
				target === undefined ? '' : `< ${show(target)}`,
				verdict
			].join(' | ')} |`;
		})
	];
	console.log(fitLines.join('\n'));
}

/** @returns {string | undefined} */
const commit = () => {
	try {
		/** @param {string[]} args */
		const git = (...args) =>
			execFileSync('git', args, {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore']
			});
		const head = git('rev-parse', '--short', 'HEAD');
		const dirty = git('status', '--porcelain');
		return `${head.trim()}${dirty.trim() ? ' (with uncommitted changes)' : ''}`;
	} catch {
		return undefined;
	}
};
const results = {
	date: new Date().toISOString(),
	commit: commit(),
	machine: { cores: cpus().length, memoryBytes: totalmem(), node: process.version },
	options: {
		sizes: SIZES,
		minHours: MIN_HOURS,
		maxHours: MAX_HOURS,
		seed: Number(options.seed),
		wordTimings: !options['plain-cues'],
		audio: `${KBPS} kbit/s mono MP3, ${FRAME_SECONDS * 1000} ms frames`
	},
	targets: TARGET,
	rows,
	extrapolation: {
		hours: HOURS,
		clips: clipsAtTarget,
		measures: fits.map(({ name, target, byHours, byClips, atHours, atClips }) => ({
			name,
			target,
			byHours,
			atHours: Number.isFinite(atHours) ? atHours : null,
			byClips,
			atClips: Number.isFinite(atClips) ? atClips : null
		}))
	}
};
writeFileSync(join(OUT, 'scale.json'), JSON.stringify(results, null, '\t'));
console.log(`\nResults in ${join(OUT, 'scale.json')}, build logs beside it`);
// A failed build is a result too, but a run that had one should not look like a success.
if (rows.some((r) => r.status !== 'ok' && !r.status.startsWith('skipped'))) process.exitCode = 1;
if (!options.keep) project.remove();
