import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import {
	alignedCues,
	alignedVtt,
	alignerJob,
	checkAlignerResult,
	parseAlignmentConfig,
	retimedVtt,
	type AlignedCue,
	type AlignerJob,
	type AlignmentConfig,
	type AlignmentQuality,
	type TimedWord
} from '../align/cues.ts';
import { loadCollection } from '../content/collection.ts';
import { isKnownLanguage } from '../content/languages.ts';
import { formatProblem, reportProblems, sortProblems } from '../content/problems.ts';
import { AUDIO_NAME, SLUG } from '../content/schema.ts';
import { CollectionFiles } from './collection-files.ts';
import {
	CollectionChange,
	lockCollection,
	onInterrupt,
	temporaryName
} from './collection-transaction.ts';
import { folderSource } from './content.ts';
import type { Cue } from '../transcript/types.ts';
import { parseVtt, type ParsedTrack } from '../transcript/vtt.ts';
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

/** The whole command that installs the aligner by hand, as a message should give it. */
export function installCommand(dir = alignerDir()): string {
	return `ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm ci --prefix ${relative(process.cwd(), dir) || '.'} --engine-strict=false --no-audit --no-fund`;
}

/**
 * Installs the aligner from its lock file (about 500 MB, once). echogarden's ONNX runtime
 * would otherwise fetch GPU libraries it never uses here. `npm run` passes the site's own
 * settings down (engine-strict, from .npmrc): the aligner's tree has packages that declare a
 * newer Node than 20 for code the aligner never runs, so the site's strictness is not theirs.
 */
export function installAligner(dir = alignerDir()): void {
	console.error(`Installing the aligner in ${relative(process.cwd(), dir)}/ (once, about 500 MB)…`);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip',
		npm_config_engine_strict: 'false'
	};
	const result = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], {
		stdio: ['ignore', 2, 2],
		env
	});
	if (result.status !== 0) {
		throw new Error(
			`installing the aligner failed; once the cause above is fixed, install it by hand with:\n  ${installCommand(dir)}`
		);
	}
}

/** Word timings per segment, as aligner/align.mjs prints them. */
export interface AlignerResult {
	segments: { words: TimedWord[] }[];
	/** Words the aligner could not place in the audio and spread evenly instead, with why. */
	spread?: { words: number; reasons: string[] };
}

/** Runs the aligner on a 16 kHz mono WAV, its job file in `work`; its progress goes to `onLog`. */
export async function runAligner(
	audio: string,
	job: AlignerJob,
	work: string,
	options: { dir?: string; onLog?: (text: string) => void } = {}
): Promise<AlignerResult> {
	const dir = options.dir ?? alignerDir();
	const jobFile = join(work, 'job.json');
	await writeFile(jobFile, JSON.stringify({ audio, ...job }));
	// Its stdin is a pipe that only we hold: when we die, however we die, it reads the end of
	// it and stops (minutes of CPU and gigabytes of memory must not outlive us).
	const child = spawn(process.execPath, [join(dir, 'align.mjs'), jobFile, '--stop-with-stdin'], {
		stdio: ['pipe', 'pipe', 'pipe']
	});
	const stopWatching = onInterrupt(() => child.kill('SIGKILL'));
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
	child.stderr.setEncoding('utf8').on('data', (text: string) => {
		stderr += text;
		options.onLog?.(text);
	});
	try {
		const code = await new Promise<number | null>((done, fail) => {
			child.on('error', fail);
			child.on('close', done);
		});
		if (code !== 0) throw new Error(`the aligner failed (exit ${code}):\n${stderr.trim()}`);
		try {
			return JSON.parse(stdout) as AlignerResult;
		} catch {
			throw new Error(`the aligner's answer is not JSON:\n${stdout.slice(0, 200)}`);
		}
	} finally {
		stopWatching();
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
	/** Told who holds the collection's lock, when align has to wait for it. */
	onWait?: (holder: string) => void;
}

export interface AlignClipSummary {
	file: string;
	cues: number;
	words: number;
	anchors: number;
	translations: string[];
	duration: number;
	seconds: number;
	/** The previous versions kept, as shown paths. */
	backups: string[];
	quality: AlignmentQuality;
	/** The collection check's verdict, as the build prints it. */
	check: { ok: boolean; text: string };
}

/** An error whose message is for the archivist as it stands (file: error: reason). */
export class AlignError extends Error {}

/**
 * Aligns `transcripts/<slug>/<lang>.vtt` to the clip's audio and rewrites it with word
 * timestamps; translations get the new times cue for cue, and `alignment.json` (if any) is
 * marked done. Holds the collection's lock throughout. Every file is read as the build reads it
 * (no link out of the collection, no pipe), the aligner's answer is checked, and the new files
 * replace the old ones at once, only once the collection check passes on them; the old ones
 * are kept as `<file>.bak`. Throws AlignError with the file and the reason; nothing is changed.
 */
export async function alignClip(
	slug: string,
	options: AlignClipOptions = {}
): Promise<AlignClipSummary> {
	const began = performance.now();
	const root = resolve(options.transcripts ?? process.env.TRANSCRIPTS_DIR ?? 'transcripts');
	const folder = clipFolder(root, slug);
	await checkClipFolder(folder);
	ensureAligner(options);

	const release = await lockCollection(root, `npm run align -- ${slug}`, options.onWait);
	const change = new CollectionChange(root);
	const work = join(root, temporaryName('align-work'));
	// Interrupted: the staged files and the copy of the recording go, and the lock with them.
	const stopWatching = onInterrupt(() => {
		change.abortSync();
		rmSync(work, { recursive: true, force: true });
		release();
	});
	try {
		const clip = await readClip(folder);
		const aligned = await alignWords(folder, clip, work, options.onLog);
		const staged = await stageAlignedFiles(change, folder, clip, aligned.words, options.maxChars);
		const check = await checkStagedFiles(change, folder);
		change.commit();
		return {
			file: folder.shown(clip.originalFile),
			cues: staged.cues.length,
			words: aligned.words.reduce((n, w) => n + w.length, 0),
			anchors: aligned.job.anchors.length,
			translations: clip.tracks.map((t) => t.lang),
			duration: aligned.duration,
			seconds: (performance.now() - began) / 1000,
			backups: staged.backups,
			quality: aligned.quality,
			check
		};
	} catch (error) {
		change.abortSync();
		throw error;
	} finally {
		stopWatching();
		await rm(work, { recursive: true, force: true });
		release();
	}
}

/** The clip being aligned: where it is, and how messages name its files. */
interface ClipFolder {
	/** The collection's folder. */
	root: string;
	slug: string;
	path: string;
	/** A file of the clip, as messages show it ('' for the folder itself). */
	shown: (name: string) => string;
	/** Stops the alignment with an error about one of the clip's files. */
	fail: (name: string, reason: string) => never;
}

function clipFolder(root: string, slug: string): ClipFolder {
	const path = join(root, slug);
	const shown = (name: string) => relative(process.cwd(), join(path, name));
	const fail = (name: string, reason: string): never => {
		throw new AlignError(`${shown(name)}: error: ${reason}`);
	};
	return { root, slug, path, shown, fail };
}

/** Refuses a name that cannot be a clip's folder, and a clip that is not there. */
async function checkClipFolder(folder: ClipFolder): Promise<void> {
	if (!SLUG.test(folder.slug)) {
		throw new AlignError(`"${folder.slug}" is not a clip folder name (a-z, 0-9, -)`);
	}
	if (!(await stat(folder.path).catch(() => undefined))?.isDirectory()) {
		folder.fail('', 'no such clip folder');
	}
}

/** Installs the aligner if it is missing (unless told not to); without it, nothing can be done. */
function ensureAligner(options: AlignClipOptions): void {
	if (options.install !== false && !alignerInstalled()) installAligner();
	if (!alignerInstalled()) {
		throw new AlignError(`the aligner is not installed: install it with\n  ${installCommand()}`);
	}
}

/** What clip.json and alignment.json say alignment works on. */
interface AlignSettings {
	/** The recording, as clip.json names it. */
	audioName: string;
	/** The language aligned: its transcript is rewritten, the others follow it cue for cue. */
	lang: string;
	translations: string[];
	config: AlignmentConfig;
	/** alignment.json as written, if the clip has one. */
	configText: string | undefined;
}

/** A translation: its text as written (only its timing lines change) and its cues. */
interface TranslationTrack {
	lang: string;
	text: string;
	cues: Cue[];
}

/** Everything alignment works from, read as the build reads it. */
interface ClipToAlign extends AlignSettings {
	/** The transcript aligned, e.g. `lt.vtt`. */
	originalFile: string;
	original: ParsedTrack;
	tracks: TranslationTrack[];
	/** The recording's real path. */
	audio: string;
}

/** Reads the clip's settings, its transcripts and where its recording is; nothing is changed. */
async function readClip(folder: ClipFolder): Promise<ClipToAlign> {
	const files = new CollectionFiles(folder.root);
	const settings = await readSettings(files, folder);
	const transcripts = await readTranscripts(files, folder, settings);
	const audio = await recordingPath(files, folder, settings.audioName);
	return { ...settings, ...transcripts, audio };
}

/** A text file of the clip (undefined if there is none); one the build would refuse stops us. */
async function readClipText(
	files: CollectionFiles,
	folder: ClipFolder,
	name: string
): Promise<string | undefined> {
	try {
		return await files.readText(`${folder.slug}/${name}`);
	} catch (error) {
		return folder.fail(name, (error as Error).message);
	}
}

/** clip.json and alignment.json: the recording, the clip's languages, and which one is aligned. */
async function readSettings(files: CollectionFiles, folder: ClipFolder): Promise<AlignSettings> {
	const clipText =
		(await readClipText(files, folder, 'clip.json')) ?? folder.fail('clip.json', 'no such file');
	const clip = parseJsonc(clipText) as {
		language?: unknown;
		translations?: unknown;
		audio?: unknown;
	} | null;
	if (typeof clip?.audio !== 'string' || !AUDIO_NAME.test(clip.audio)) {
		folder.fail('clip.json', '"audio" must name an audio file in the clip\'s folder');
	}
	const clipLanguages = [
		clip!.language,
		...(Array.isArray(clip!.translations) ? clip!.translations : [])
	];
	for (const code of clipLanguages) {
		// A language becomes a file name: only a real language code may.
		if (typeof code !== 'string' || !isKnownLanguage(code) || code.includes('/')) {
			folder.fail('clip.json', `"${String(code)}" is not a language code`);
		}
	}
	const configText = await readClipText(files, folder, 'alignment.json');
	const config: AlignmentConfig = configText
		? parseAlignmentConfig(configText, folder.shown('alignment.json'))
		: // A clip without alignment.json was timed by hand: keep its cues, add word times.
			{ needsAlignment: true, anchors: [], keepCueTimes: true };
	const lang = config.language ?? (clip!.language as string);
	if (!clipLanguages.includes(lang)) {
		folder.fail(
			'alignment.json',
			`"language": "${lang}" is not one of the clip's languages (${clipLanguages.join(', ')})`
		);
	}
	const translations = (clipLanguages as string[]).filter((t) => t !== lang);
	return { audioName: clip!.audio as string, lang, translations, config, configText };
}

/** The transcript to align, which must have no errors, and its translations. */
async function readTranscripts(
	files: CollectionFiles,
	folder: ClipFolder,
	settings: AlignSettings
): Promise<{ originalFile: string; original: ParsedTrack; tracks: TranslationTrack[] }> {
	const originalFile = `${settings.lang}.vtt`;
	const originalText =
		(await readClipText(files, folder, originalFile)) ?? folder.fail(originalFile, 'no such file');
	const original = parseVtt(originalText, folder.shown(originalFile));
	const errors = original.problems.filter((p) => p.severity === 'error');
	if (errors.length) {
		throw new AlignError(
			errors.map((p) => `${p.file}:${p.line ?? ''}: error: ${p.message}`).join('\n') +
				'\nfix these before aligning'
		);
	}
	const tracks: TranslationTrack[] = [];
	for (const other of settings.translations) {
		const file = `${other}.vtt`;
		const text = (await readClipText(files, folder, file)) ?? folder.fail(file, 'no such file');
		tracks.push({ lang: other, text, cues: parseVtt(text, folder.shown(file)).cues });
	}
	return { originalFile, original, tracks };
}

/** The recording's real path, if the build would read it. */
async function recordingPath(
	files: CollectionFiles,
	folder: ClipFolder,
	name: string
): Promise<string> {
	let audio: string | undefined;
	try {
		audio = await files.regularFile(`${folder.slug}/${name}`);
	} catch (error) {
		folder.fail(name, (error as Error).message);
	}
	if (!audio) folder.fail(name, 'no such file');
	return audio!;
}

/**
 * The aligner's word timings, one list per cue, checked before anything is written with them.
 * Its work (a 16 kHz copy of the recording, the job file) is in `work`, which the caller removes.
 */
async function alignWords(
	folder: ClipFolder,
	clip: ClipToAlign,
	work: string,
	onLog: ((text: string) => void) | undefined
): Promise<{ job: AlignerJob; words: TimedWord[][]; duration: number; quality: AlignmentQuality }> {
	await mkdir(work);
	const wav = join(work, 'speech.wav');
	const duration = await writeSpeechWav(clip.audio, wav);
	const job = alignerJob(clip.original.cues, clip.config, clip.lang);
	const result = await runAligner(wav, job, work, { onLog });
	const verdict = checkAlignerResult(job, result, duration);
	if (verdict.error) {
		throw new AlignError(`${folder.shown(clip.originalFile)}: error: ${verdict.error}`);
	}
	const words = result.segments.map((segment) => segment.words);
	return { job, words, duration, quality: verdict.quality };
}

/**
 * Stages the aligned transcript and its translations, retimed cue for cue, each keeping its
 * previous version as `<file>.bak`, and alignment.json marked done.
 */
async function stageAlignedFiles(
	change: CollectionChange,
	folder: ClipFolder,
	clip: ClipToAlign,
	words: TimedWord[][],
	maxChars: number | undefined
): Promise<{ cues: AlignedCue[]; backups: string[] }> {
	const { slug } = folder;
	// Translations must stay cue for cue, so with translations the cues keep their bounds.
	const cues = alignedCues(clip.original.cues, words, {
		lang: clip.lang,
		resegment: clip.tracks.length === 0,
		keepTimes: clip.config.keepCueTimes,
		maxChars
	});
	const backups: string[] = [];
	const replace = async (file: string, text: string) => {
		await change.keepPrevious(`${slug}/${file}`, `${slug}/${file}.bak`);
		backups.push(folder.shown(`${file}.bak`));
		await change.writeFile(`${slug}/${file}`, text);
	};
	await replace(clip.originalFile, alignedVtt(cues));
	for (const track of clip.tracks) {
		const file = `${track.lang}.vtt`;
		await replace(file, retimedVtt(track.text, track.cues, cues, folder.shown(file)));
	}
	if (clip.configText) {
		const updated = { ...(JSON.parse(clip.configText) as object), needsAlignment: false };
		await change.writeFile(`${slug}/alignment.json`, JSON.stringify(updated, null, '\t') + '\n');
	}
	return { cues, backups };
}

/** The build's check, on the clip as it will be: the old files stay until it passes. */
async function checkStagedFiles(
	change: CollectionChange,
	folder: ClipFolder
): Promise<{ ok: boolean; text: string }> {
	const loaded = await loadCollection(change.overlay(folderSource(folder.root)));
	const check = reportProblems(loaded.problems);
	// The folder's own files: "steppe-strike/" is not a prefix of "steppe-strike-two/".
	const ours = loaded.problems.filter(
		(p) => p.severity === 'error' && p.file.startsWith(`${folder.shown('')}/`)
	);
	if (ours.length > 0) {
		throw new AlignError(
			`${sortProblems(ours).map(formatProblem).join('\n')}\nthe aligned files would stop the build: nothing was changed`
		);
	}
	return check;
}
