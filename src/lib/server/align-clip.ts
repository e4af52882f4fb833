import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import {
	alignedCues,
	alignedVtt,
	alignerJob,
	parseAlignmentConfig,
	retimedVtt,
	type AlignerJob,
	type AlignmentConfig,
	type TimedWord
} from '../align/cues.ts';
import { parseVtt } from '../transcript/vtt.ts';
import { writeSpeechWav } from './speech-audio.ts';

/*
 * `npm run align`: forced alignment of a clip's transcript to its recording. The aligner itself
 * (aligner/, GPL-3.0 because it loads eSpeak-NG) is installed separately on first use and run
 * as a subprocess; nothing here imports it.
 */

/** The aligner's folder: aligner/ beside the site, or ALIGNER_DIR. */
export function alignerDir(): string {
	return resolve(process.env.ALIGNER_DIR ?? 'aligner');
}

/** Whether `npm ci --prefix aligner` has been run. */
export function alignerInstalled(dir = alignerDir()): boolean {
	return existsSync(join(dir, 'node_modules', 'echogarden', 'package.json'));
}

/**
 * Installs the aligner from its lock file (about 500 MB, once). echogarden's ONNX runtime
 * would otherwise fetch GPU libraries it never uses here.
 */
export function installAligner(dir = alignerDir()): void {
	console.log(`Installing the aligner in ${relative(process.cwd(), dir)}/ (once, about 500 MB)…`);
	const result = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], {
		stdio: 'inherit',
		env: { ...process.env, ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip' }
	});
	if (result.status !== 0)
		throw new Error(`installing the aligner failed (npm ci --prefix ${dir})`);
}

/** Word timings per segment, as aligner/align.mjs prints them. */
export interface AlignerResult {
	segments: { words: TimedWord[] }[];
}

/** Runs the aligner on a 16 kHz mono WAV; its progress goes to `onLog`. */
export async function runAligner(
	audio: string,
	job: AlignerJob,
	options: { dir?: string; onLog?: (text: string) => void } = {}
): Promise<AlignerResult> {
	const dir = options.dir ?? alignerDir();
	const work = await mkdtemp(join(tmpdir(), 'align-job-'));
	try {
		const jobFile = join(work, 'job.json');
		await writeFile(jobFile, JSON.stringify({ audio, ...job }));
		const child = spawn(process.execPath, [join(dir, 'align.mjs'), jobFile], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		// Minutes of CPU and gigabytes of memory: never leave it running behind us.
		const stop = () => child.kill();
		process.once('exit', stop);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
		child.stderr.setEncoding('utf8').on('data', (text: string) => {
			stderr += text;
			options.onLog?.(text);
		});
		const code = await new Promise<number | null>((done, fail) => {
			child.on('error', fail);
			child.on('close', done);
		});
		process.off('exit', stop);
		if (code !== 0) throw new Error(`the aligner failed (exit ${code}):\n${stderr.trim()}`);
		return JSON.parse(stdout) as AlignerResult;
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

export interface AlignClipOptions {
	/** The collection's folder (default: TRANSCRIPTS_DIR or transcripts/). */
	transcripts?: string;
	/** Longest cue, in characters, when cues are split into sentences (about two lines). */
	maxChars?: number;
	/** Install the aligner if it is missing (default true). */
	install?: boolean;
	onLog?: (text: string) => void;
}

export interface AlignClipSummary {
	file: string;
	cues: number;
	words: number;
	anchors: number;
	translations: string[];
	duration: number;
	seconds: number;
}

/**
 * Aligns `transcripts/<slug>/<lang>.vtt` to the clip's audio and rewrites it with word
 * timestamps; translations get the new times cue for cue, and `alignment.json` (if any) is
 * marked done. Throws with the file and the reason on bad input.
 */
export async function alignClip(
	slug: string,
	options: AlignClipOptions = {}
): Promise<AlignClipSummary> {
	const began = performance.now();
	const root = resolve(options.transcripts ?? process.env.TRANSCRIPTS_DIR ?? 'transcripts');
	const folder = join(root, slug);
	const shown = (name: string) => relative(process.cwd(), join(folder, name));
	const read = async (name: string) => {
		try {
			return await readFile(join(folder, name), 'utf8');
		} catch {
			return undefined;
		}
	};

	const clipText = await read('clip.json');
	if (clipText === undefined) throw new Error(`${shown('clip.json')}: error: no such file`);
	const clip = parseJsonc(clipText) as {
		language?: string;
		translations?: string[];
		audio?: string;
	};
	if (!clip?.audio) throw new Error(`${shown('clip.json')}: error: no "audio" file named`);
	const configText = await read('alignment.json');
	const config: AlignmentConfig = configText
		? parseAlignmentConfig(configText, shown('alignment.json'))
		: // A clip without alignment.json was timed by hand: keep its cues, add word times.
			{ needsAlignment: true, anchors: [], keepCueTimes: true };
	const lang = config.language ?? clip.language;
	if (!lang) throw new Error(`${shown('clip.json')}: error: no "language"`);
	const translations = (clip.translations ?? []).filter((t) => t !== lang);

	const originalFile = `${lang}.vtt`;
	const originalText = await read(originalFile);
	if (originalText === undefined) throw new Error(`${shown(originalFile)}: error: no such file`);
	const original = parseVtt(originalText, shown(originalFile));
	const errors = original.problems.filter((p) => p.severity === 'error');
	if (errors.length) {
		throw new Error(
			errors.map((p) => `${p.file}:${p.line ?? ''}: error: ${p.message}`).join('\n') +
				'\nfix these before aligning'
		);
	}
	const tracks = [];
	for (const other of translations) {
		const text = await read(`${other}.vtt`);
		if (text === undefined) throw new Error(`${shown(`${other}.vtt`)}: error: no such file`);
		tracks.push({ lang: other, text, cues: parseVtt(text, shown(`${other}.vtt`)).cues });
	}

	if (options.install !== false && !alignerInstalled()) installAligner();
	if (!alignerInstalled()) {
		throw new Error(`the aligner is not installed: run npm ci --prefix ${alignerDir()}`);
	}

	const work = await mkdtemp(join(tmpdir(), `align-${slug}-`));
	try {
		const wav = join(work, 'speech.wav');
		const duration = await writeSpeechWav(join(folder, clip.audio), wav);
		const job = alignerJob(original.cues, config, lang);
		const result = await runAligner(wav, job, { onLog: options.onLog });
		const words = result.segments.map((segment) => segment.words);

		// Translations must stay cue for cue, so with translations the cues keep their bounds.
		const cues = alignedCues(original.cues, words, {
			lang,
			resegment: tracks.length === 0,
			keepTimes: config.keepCueTimes,
			maxChars: options.maxChars
		});
		await writeFile(join(folder, originalFile), alignedVtt(cues));
		for (const track of tracks) {
			const file = `${track.lang}.vtt`;
			await writeFile(join(folder, file), retimedVtt(track.text, track.cues, cues, shown(file)));
		}
		if (configText) {
			const updated = { ...(JSON.parse(configText) as object), needsAlignment: false };
			await writeFile(join(folder, 'alignment.json'), JSON.stringify(updated, null, '\t') + '\n');
		}
		return {
			file: shown(originalFile),
			cues: cues.length,
			words: words.reduce((n, w) => n + w.length, 0),
			anchors: job.anchors.length,
			translations: tracks.map((t) => t.lang),
			duration,
			seconds: (performance.now() - began) / 1000
		};
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}
