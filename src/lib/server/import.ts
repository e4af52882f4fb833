import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { loadCollection } from '../content/collection.ts';
import { formatProblem, reportProblems, sortProblems } from '../content/problems.ts';
import { MAX_TEXT_FILE_BYTES, megabytes } from '../content/limits.ts';
import { PLACEHOLDER } from '../content/placeholders.ts';
import { AUDIO_EXTENSIONS, SLUG } from '../content/schema.ts';
import { parseSrt, parseWebVtt } from '../import/captions.ts';
import { parseOhms } from '../import/ohms.ts';
import { detectOffset, repairTimes, type OffsetOption } from '../import/repair.ts';
import { notUtf8, spreadCues } from '../import/text.ts';
import type {
	Anchor,
	ImportChapter,
	ImportCue,
	ImportedTranscript,
	Parsed
} from '../import/types.ts';
import { parseDocx, parseText } from '../import/untimed.ts';
import { chooseWitness, type ChosenWitness } from '../import/witness.ts';
import {
	alignmentJson,
	clipJson,
	languageCode,
	slugify,
	writeChapters,
	writeVtt
} from '../import/write.ts';
import type { Problem } from '../content/problems.ts';
import { formatTime } from '../transcript/time.ts';
import { analyseAudioCached } from './audio.ts';
import { CollectionChange, lockCollection, onInterrupt } from './collection-transaction.ts';
import { folderSource } from './content.ts';

export interface ImportOptions {
	/** The archive's file: OHMS XML, SRT, WebVTT, .txt or .docx. */
	source: string;
	/** The recording. */
	audio: string;
	/** The collection folder (default `transcripts`). */
	transcripts: string;
	slug?: string;
	/** The spoken language, when the source does not say it (or says it wrongly). */
	lang?: string;
	/** A translation in a file of its own (SRT, WebVTT, .txt, .docx). */
	translation?: string;
	/** The translation's language, when the source does not say it. */
	translationLang?: string;
	/** A witness slug or name, when the source does not name the interviewee. */
	witness?: string;
	/** The interviewee is someone new, even though a witness's name is alike. */
	newWitness?: boolean;
	offset: OffsetOption;
	/** Told who holds the collection's lock, when the import has to wait for it. */
	onWait?: (holder: string) => void;
}

export interface ImportOutcome {
	ok: boolean;
	slug?: string;
	/** What to print, in order. */
	report: string[];
}

const SOURCE_KINDS = ['.xml', '.srt', '.vtt', '.txt', '.docx'];

/**
 * Why a file given to the import cannot be read, if it cannot: missing, not a regular file (a
 * pipe or a device would hang the import), or over the build's size limit.
 */
async function unreadable(path: string, limit = Infinity): Promise<string | undefined> {
	const info = await stat(path).catch(() => undefined);
	if (!info) return 'no such file';
	if (!info.isFile()) {
		return `not a regular file (${info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : 'a device or special file'}): give the file itself`;
	}
	if (info.size > limit) {
		return `too large (${megabytes(info.size)}; the build reads at most ${megabytes(limit)} per file)`;
	}
	return undefined;
}

/**
 * collection.json as it is now, checked before anything is written: a plain file (never a link,
 * which a write would follow out of the collection), valid JSON, with `witnesses` an object.
 */
async function readCollectionJson(
	path: string
): Promise<{ text: string; witnesses: Record<string, { name?: unknown }> } | { error: string }> {
	const info = await lstat(path).catch(() => undefined);
	if (!info) return { error: 'missing file: every collection has one (see transcripts/README.md)' };
	if (info.isSymbolicLink()) {
		return {
			error:
				'a symbolic link: the import writes the new witness into collection.json, and never through a link (replace the link with the file itself)'
		};
	}
	if (!info.isFile()) return { error: 'not a regular file' };
	if (info.size > MAX_TEXT_FILE_BYTES) return { error: `too large (${megabytes(info.size)})` };
	const text = await readFile(path, 'utf8');
	const errors: ParseError[] = [];
	const json = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
	if (text.trim() === '') {
		return { error: 'not valid JSON (empty): restore it from your copy before importing' };
	}
	if (errors.length > 0) {
		const first = errors[0];
		const line = first ? text.slice(0, first.offset).split('\n').length : 1;
		return {
			error: `not valid JSON (${printParseErrorCode(first!.error)} at line ${line}): fix it (or restore it from your copy) before importing`
		};
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { error: 'must be a JSON object' };
	}
	const witnesses = (json as { witnesses?: unknown }).witnesses ?? {};
	if (typeof witnesses !== 'object' || witnesses === null || Array.isArray(witnesses)) {
		return { error: '"witnesses" must be an object, { "slug": { "name": … } }, not a list' };
	}
	return { text, witnesses: witnesses as Record<string, { name?: unknown }> };
}

/** Reads the source as its extension says. */
async function readSource(
	path: string,
	file: string
): Promise<Parsed<ImportedTranscript | undefined>> {
	const extension = extname(path).toLowerCase();
	if (extension === '.docx') return parseDocx(await readFile(path), file);
	const text = await readFile(path, 'utf8');
	const encoding = notUtf8(text, file);
	if (encoding) return { result: undefined, problems: [encoding] };
	if (extension === '.xml') return parseOhms(text, file);
	if (extension === '.txt') return parseText(text, file);
	const captions = extension === '.srt' ? parseSrt(text, file) : parseWebVtt(text, file);
	return {
		result: {
			source: extension === '.srt' ? 'srt' : 'vtt',
			meta: { language: captions.result.language },
			timed: true,
			cues: captions.result.cues,
			anchors: [],
			chapters: []
		},
		problems: captions.problems
	};
}

/** What the stages of an import share: what was asked, and every problem found so far. */
interface ImportRun {
	options: ImportOptions;
	/** The source, as messages show it. */
	file: string;
	problems: Problem[];
}

const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === 'error');

/** Records an error that stops the import; returns false, for the stage to return. */
function refuse(run: ImportRun, message: string, where: string = run.file): false {
	run.problems.push({ severity: 'error', file: where, message });
	return false;
}

/** Every problem found, sorted: the first lines of every report. */
const problemLines = (run: ImportRun) => sortProblems(run.problems).map(formatProblem);

/** The outcome of an import that stopped before its commit: the problems first, then `report`. */
function stopped(run: ImportRun, report: string[] = []): ImportOutcome {
	report.unshift(...problemLines(run));
	const errors = hasErrors(run.problems);
	if (errors) report.push('Nothing was written: fix the errors above and run the import again.');
	return { ok: !errors, report };
}

/**
 * Turns an archive's file and its recording into a clip folder, then checks the collection as
 * the build does. Nothing is written when the source has errors.
 */
export async function importClip(options: ImportOptions): Promise<ImportOutcome> {
	const file = relative(process.cwd(), resolve(options.source)) || options.source;
	const run: ImportRun = { options, file, problems: [] };

	if (!(await checkGivenFiles(run))) return stopped(run);
	const sources = await readSources(run);
	if (!sources) return stopped(run);
	const duration = await audioDuration(run);
	if (duration === false) return stopped(run);
	const languages = chooseLanguages(run, sources.source);
	if (!languages) return stopped(run);
	const timed = timeCues(run, sources, duration);
	const chapters = chaptersWithin(run, sources.source.chapters, duration);
	const clip: NewClip = { ...sources, ...languages, ...timed, chapters, duration };

	const plan = planClipFolder(run, sources.source);
	// The last look before the lock: nothing is staged for a source with errors.
	if (!plan || hasErrors(run.problems)) return stopped(run);
	if (!(await checkCollectionFolder(run, plan.transcripts))) return stopped(run);

	const attempt = await commitClip(run, plan, clip);
	if ('stopped' in attempt) return attempt.stopped;
	return importReport(run, plan, clip, attempt.committed);
}

/** Refuses a source or a recording of a kind the import does not take, or that cannot be read. */
async function checkGivenFiles(run: ImportRun): Promise<boolean> {
	const { options } = run;
	const extension = extname(options.source).toLowerCase();
	if (!SOURCE_KINDS.includes(extension)) {
		return refuse(
			run,
			`cannot import "${extension}" files: give OHMS .xml, .srt, .vtt, .txt or .docx`
		);
	}
	const audioExtension = extname(options.audio).slice(1).toLowerCase();
	if (!(AUDIO_EXTENSIONS as readonly string[]).includes(audioExtension)) {
		return refuse(
			run,
			`the audio must be .${AUDIO_EXTENSIONS.join(', .')} (convert it first, e.g. to .mp3)`,
			options.audio
		);
	}
	const sourceProblem = await unreadable(options.source, MAX_TEXT_FILE_BYTES);
	if (sourceProblem) return refuse(run, sourceProblem);
	const audioProblem = await unreadable(options.audio);
	if (audioProblem) return refuse(run, audioProblem, options.audio);
	return true;
}

/** The source as read, with its translation (in the source, or from a file of its own). */
interface Sources {
	source: ImportedTranscript;
	/** Where messages about the translation point: its own file, or the source. */
	translationFile: string;
	/** Whether the translation has times of its own; if not, it takes the transcript's. */
	translationTimed: boolean;
}

/**
 * Reads the source, and the translation given in a file of its own. Stops at any error in
 * either, and at an untimed translation that does not match the transcript cue for cue.
 */
async function readSources(run: ImportRun): Promise<Sources | false> {
	const parsed = await readSource(run.options.source, run.file);
	run.problems.push(...parsed.problems);
	const source = parsed.result;
	// A translation in its own file: times of its own only if both it and the source are timed.
	let translation = { translationFile: run.file, translationTimed: source?.timed ?? false };
	if (run.options.translation && source) {
		const own = await readOwnTranslation(run, run.options.translation, source);
		if (!own) return false;
		translation = own;
	}
	if (!source || hasErrors(run.problems)) return false;
	const { translationFile, translationTimed } = translation;
	if (
		source.translation &&
		!translationTimed &&
		source.translation.cues.length !== source.cues.length
	) {
		return refuse(
			run,
			`the translation has ${source.translation.cues.length} cues and the transcript ${source.cues.length}: an untimed translation takes the transcript's times cue for cue, so it must match it one for one`,
			translationFile
		);
	}
	return { source, translationFile, translationTimed };
}

/** Reads a translation in a file of its own into `source.translation`. */
async function readOwnTranslation(
	run: ImportRun,
	path: string,
	source: ImportedTranscript
): Promise<Omit<Sources, 'source'> | false> {
	const translationFile = relative(process.cwd(), resolve(path)) || path;
	if (!SOURCE_KINDS.slice(1).includes(extname(path).toLowerCase())) {
		return refuse(run, 'a translation must be .srt, .vtt, .txt or .docx', translationFile);
	}
	const translationProblem = await unreadable(path, MAX_TEXT_FILE_BYTES);
	if (translationProblem) return refuse(run, translationProblem, translationFile);
	if (source.translation) {
		return refuse(run, 'the source has a translation of its own already', translationFile);
	}
	const other = await readSource(path, translationFile);
	run.problems.push(...other.problems);
	let translationTimed = source.timed;
	if (other.result) {
		source.translation = { language: other.result.meta.language, cues: other.result.cues };
		translationTimed = source.timed && other.result.timed;
	}
	return { translationFile, translationTimed };
}

/** The recording's length, in seconds. */
async function audioDuration(run: ImportRun): Promise<number | false> {
	try {
		return (await analyseAudioCached(resolve(run.options.audio))).duration;
	} catch (error) {
		return refuse(run, `cannot decode the audio: ${(error as Error).message}`, run.options.audio);
	}
}

interface Languages {
	language: string;
	translationLanguage: string | undefined;
}

/** The transcript's and the translation's language codes: as given, or as the source says. */
function chooseLanguages(run: ImportRun, source: ImportedTranscript): Languages | false {
	const { options } = run;
	const language = languageCode(options.lang ?? source.meta.language);
	if (!language) {
		return refuse(
			run,
			source.meta.language
				? `unknown language "${source.meta.language}": give its code with --lang (e.g. --lang lt)`
				: 'the source does not say its language: give it with --lang (e.g. --lang lt)'
		);
	}
	let translationLanguage: string | undefined;
	if (source.translation) {
		translationLanguage = languageCode(options.translationLang ?? source.translation.language);
		if (!translationLanguage) {
			return refuse(
				run,
				`the translation's language ${source.translation.language ? `"${source.translation.language}" is unknown` : 'is not given'}: give it with --translation-lang (e.g. --translation-lang en)`
			);
		}
	}

	if (translationLanguage === language) {
		return refuse(
			run,
			`the translation's language and the transcript's are both "${language}": give the right one with --lang or --translation-lang`
		);
	}
	return { language, translationLanguage };
}

/** The cues with their times, the translation's cue for cue, and the moments alignment keeps. */
interface TimedCues {
	cues: ImportCue[];
	translationCues: ImportCue[] | undefined;
	anchors: Anchor[];
}

/** Times: repaired when the source has them, spread over the recording when it has not. */
function timeCues(run: ImportRun, sources: Sources, duration: number): TimedCues {
	const { source, translationTimed } = sources;
	const timed = source.timed
		? repairSourceTimes(run, sources, duration)
		: spreadOverRecording(run, source, duration);
	if (source.translation && !translationTimed) {
		timed.translationCues = source.translation.cues.map((cue, i) => ({
			...cue,
			start: timed.cues[i]?.start,
			end: timed.cues[i]?.end
		}));
	}
	if (timed.cues.length === 0)
		run.problems.push({ severity: 'error', file: run.file, message: 'no cues left to write' });
	return timed;
}

/** A timed source's times, repaired (a tape offset, ends before starts…), and its translation's. */
function repairSourceTimes(
	run: ImportRun,
	{ source, translationFile, translationTimed }: Sources,
	duration: number
): TimedCues {
	const { options, file } = run;
	const offset = detectOffset(source.cues, duration, options.offset);
	const repaired = repairTimes(source.cues, file, duration, offset, options.offset !== 'auto');
	run.problems.push(...repaired.problems);
	let translationCues: ImportCue[] | undefined;
	if (source.translation && translationTimed) {
		// A file of its own may have an offset of its own; in the same file it has the same one.
		const own = translationFile !== file;
		const translated = repairTimes(
			source.translation.cues,
			translationFile,
			duration,
			own ? detectOffset(source.translation.cues, duration, options.offset) : offset,
			options.offset !== 'auto'
		);
		// In the same file, the offset has been reported once, for the original.
		run.problems.push(
			...translated.problems.filter((p) => own || !p.message.includes('tape offset of'))
		);
		translationCues = translated.cues;
	}
	return { cues: repaired.cues, translationCues, anchors: source.anchors };
}

/** An untimed source's cues, spread over the recording between its sync points. */
function spreadOverRecording(
	run: ImportRun,
	source: ImportedTranscript,
	duration: number
): TimedCues {
	const anchors = source.anchors.filter((a) => a.time < duration);
	if (anchors.length < source.anchors.length) {
		run.problems.push({
			severity: 'warning',
			file: run.file,
			message: `${source.anchors.length - anchors.length} sync point(s) past the end of the audio (${formatTime(duration)}) dropped`
		});
	}
	return { cues: spreadCues(source.cues, anchors, duration), translationCues: undefined, anchors };
}

/** The chapters that start within the recording; the others are left out, with a warning. */
function chaptersWithin(
	run: ImportRun,
	chapters: ImportChapter[],
	duration: number
): ImportChapter[] {
	return chapters.filter((c) => {
		if (c.start < duration) return true;
		run.problems.push({
			severity: 'warning',
			file: run.file,
			line: c.line,
			message: `index point "${c.title}" at ${formatTime(c.start)} is past the end of the audio (${formatTime(duration)}): left out`
		});
		return false;
	});
}

/** Everything the clip's files are written from. */
interface NewClip extends Sources, Languages, TimedCues {
	chapters: ImportChapter[];
	duration: number;
}

/** Where the clip goes, and the recording that goes with it. */
interface ClipPlan {
	transcripts: string;
	slug: string;
	folder: string;
	collectionFile: string;
	/** collection.json, as messages show it. */
	collectionShown: string;
	/** The recording as given, and its name in the clip's folder. */
	recording: string;
	audio: string;
}

/** The clip's folder: named by --slug, else by the source's title or file name. */
function planClipFolder(run: ImportRun, source: ImportedTranscript): ClipPlan | false {
	const { options } = run;
	const transcripts = resolve(options.transcripts);
	const extension = extname(options.source).toLowerCase();
	const slug =
		options.slug ??
		(slugify(source.meta.title ?? '') || slugify(basename(options.source, extension)) || 'clip');
	if (!SLUG.test(slug))
		return refuse(run, `"${slug}" cannot be a clip folder name: use a-z, 0-9 and hyphens (--slug)`);
	const collectionFile = join(transcripts, 'collection.json');
	return {
		transcripts,
		slug,
		folder: join(transcripts, slug),
		collectionFile,
		collectionShown: relative(process.cwd(), collectionFile),
		recording: options.audio,
		audio: `audio.${extname(options.audio).slice(1).toLowerCase()}`
	};
}

/** Refuses a collection folder that is not there. */
async function checkCollectionFolder(run: ImportRun, transcripts: string): Promise<boolean> {
	if ((await stat(transcripts).catch(() => undefined))?.isDirectory()) return true;
	return refuse(run, 'no such folder', relative(process.cwd(), transcripts) || '.');
}

/** What the commit put in place, for the report. */
interface Committed {
	witness: ChosenWitness;
	/** The clip's files, in the order written. */
	files: string[];
	/** The collection check, as the report shows it. */
	checkLines: string[];
	/** Whether the whole collection builds (the clip itself does, or it would not be there). */
	collectionOk: boolean;
}

/**
 * Under the collection's lock: stages the clip's folder (and a new witness in collection.json),
 * runs the build's check on the collection as it will be, and commits only if the clip passes.
 * Stopped, failed or interrupted before the commit, it leaves the collection as it was.
 */
async function commitClip(
	run: ImportRun,
	plan: ClipPlan,
	clip: NewClip
): Promise<{ committed: Committed } | { stopped: ImportOutcome }> {
	const report: string[] = [];
	const release = await lockCollection(
		plan.transcripts,
		`npm run import -- ${run.file}`,
		run.options.onWait
	);
	const change = new CollectionChange(plan.transcripts);
	// Ctrl-C or SIGTERM before the commit: the staged files go, the collection stays as it was.
	const stopWatching = onInterrupt(() => {
		change.abortSync();
		release();
	});
	try {
		const chosen = await chooseClipWitness(run, plan, clip.source);
		if (!chosen) return { stopped: stopped(run, report) };
		const files = await stageClipFolder(change, plan, clip, chosen.witness);
		if (chosen.witness.isNew) await stageNewWitness(change, chosen.collectionText, chosen.witness);

		const check = await checkStagedClip(change, plan, report);
		if (!check.clipPasses) {
			change.abortSync();
			report.push(
				'Nothing was written: the clip would stop the build. Fix the errors above and run the import again.'
			);
			return { stopped: { ok: false, report: [...problemLines(run), ...report] } };
		}
		change.commit();
		report.push(
			check.collectionOk
				? `The clip builds. "${PLACEHOLDER}" marks what the source could not say: write it in, then run npm run build.`
				: 'The clip was added, but the collection has errors elsewhere: the build would stop.'
		);
		const { witness } = chosen;
		return { committed: { witness, files, checkLines: report, collectionOk: check.collectionOk } };
	} catch (error) {
		change.abortSync();
		refuse(
			run,
			`nothing was written: ${(error as Error).message}`,
			relative(process.cwd(), plan.folder)
		);
		return { stopped: stopped(run, report) };
	} finally {
		stopWatching();
		release();
	}
}

/**
 * Who speaks, decided under the lock from what is there now: a witness of collection.json, or a
 * new one. Refuses a clip folder that exists by now, and a collection.json it cannot change.
 */
async function chooseClipWitness(
	run: ImportRun,
	plan: ClipPlan,
	source: ImportedTranscript
): Promise<{ collectionText: string; witness: ChosenWitness } | false> {
	if (await lstat(plan.folder).catch(() => undefined)) {
		return refuse(
			run,
			`${relative(process.cwd(), plan.folder)} already exists: choose another --slug, or remove it first`
		);
	}
	const collection = await readCollectionJson(plan.collectionFile);
	if ('error' in collection) return refuse(run, collection.error, plan.collectionShown);
	const choice = chooseWitness(collection.witnesses, {
		given: run.options.witness,
		interviewee: source.meta.interviewee,
		clipSlug: plan.slug,
		newWitness: run.options.newWitness
	});
	if (choice.error !== undefined) return refuse(run, choice.error);
	return { collectionText: collection.text, witness: choice };
}

/**
 * Stages the clip's folder whole, in a temporary folder: nothing is in place until the check has
 * passed. Returns the names of its files, in the order written.
 */
async function stageClipFolder(
	change: CollectionChange,
	plan: ClipPlan,
	clip: NewClip,
	witness: ChosenWitness
): Promise<string[]> {
	const { slug, audio } = plan;
	const { source, language, translationLanguage, cues, translationCues, chapters } = clip;
	const translations = translationLanguage ? [translationLanguage] : [];
	const written: string[] = [];
	await change.addFolder(slug);
	const put = async (name: string, content: string) => {
		await change.writeFile(`${slug}/${name}`, content);
		written.push(name);
	};
	await put(
		'clip.json',
		clipJson({ meta: source.meta, language, translations, witness: witness.slug, audio })
	);
	await change.copyFile(`${slug}/${audio}`, plan.recording);
	written.push(audio);
	await put(`${language}.vtt`, writeVtt(cues));
	if (translationLanguage && translationCues)
		await put(`${translationLanguage}.vtt`, writeVtt(translationCues));
	if (chapters.length > 0) {
		await put(`chapters.${language}.vtt`, writeChapters(chapters, clip.duration));
		if (translationLanguage && chapters.some((c) => c.alt)) {
			await put(
				`chapters.${translationLanguage}.vtt`,
				writeChapters(chapters, clip.duration, true)
			);
		}
	}
	await put(
		'alignment.json',
		alignmentJson({
			language,
			source: source.source,
			timed: source.timed,
			anchors: clip.anchors,
			cues
		})
	);
	return written;
}

/** Stages collection.json with the new witness added, facts to fill in; the rest as it was. */
async function stageNewWitness(
	change: CollectionChange,
	collectionText: string,
	witness: ChosenWitness
): Promise<void> {
	const edits = modify(
		collectionText,
		['witnesses', witness.slug],
		{
			name: witness.name,
			facts: {
				en: [`${PLACEHOLDER}: facts about the witness, in English`],
				fr: [`${PLACEHOLDER}: facts about the witness, in French`]
			}
		},
		{ formattingOptions: { insertSpaces: false, tabSize: 1, eol: '\n' } }
	);
	await change.writeFile('collection.json', applyEdits(collectionText, edits));
}

/**
 * The same check as `npm run build`, on the collection as it will be; its lines go to `report`:
 * the problems in the clip's folder and collection.json, and how many there are elsewhere.
 */
async function checkStagedClip(
	change: CollectionChange,
	plan: ClipPlan,
	report: string[]
): Promise<{ clipPasses: boolean; collectionOk: boolean }> {
	const folder = relative(process.cwd(), plan.folder);
	const loaded = await loadCollection(change.overlay(folderSource(plan.transcripts)));
	const ours = loaded.problems.filter(
		(p) => p.file.startsWith(`${folder}/`) || p.file === folder || p.file === plan.collectionShown
	);
	const check = reportProblems(loaded.problems);
	const elsewhere = loaded.problems.length - ours.length;
	report.push(
		'Collection check (the same as npm run build does):',
		...sortProblems(ours).map((p) => `  ${formatProblem(p)}`),
		`  ${check.text.split('\n').at(-1)}${elsewhere ? ` (${elsewhere} in other clips: npm run build lists them)` : ''}`
	);
	return { clipPasses: !ours.some((p) => p.severity === 'error'), collectionOk: check.ok };
}

/** What was imported, after the problems: the files, cues, speakers and witness, then the check. */
function importReport(
	run: ImportRun,
	plan: ClipPlan,
	clip: NewClip,
	committed: Committed
): ImportOutcome {
	const { slug, collectionShown } = plan;
	const { source, cues, language, translationLanguage, translationCues, anchors, duration } = clip;
	const { witness } = committed;
	const report = [
		`Imported ${run.file} (${source.source}) into ${relative(process.cwd(), plan.folder)}/: ${committed.files.join(', ')}`,
		`${cues.length} cues in ${language}${translationLanguage ? `, ${translationCues?.length ?? 0} in ${translationLanguage}` : ''}, ${clip.chapters.length} chapters, ${source.timed ? 'timed by the source' : `provisional times spread over ${formatTime(duration)}${anchors.length ? ` between ${anchors.length} sync points` : ''}: run npm run align -- ${slug}`}`,
		`Speakers: ${[...new Set(cues.map((c) => c.speaker).filter(Boolean))].join(', ') || 'none named'}`,
		witness.isNew
			? `Witness: ${witness.slug}, added to ${collectionShown}: write their ${witness.name.startsWith(PLACEHOLDER) ? 'name and ' : ''}facts there`
			: `Witness: ${witness.slug} (already in ${collectionShown})`,
		...committed.checkLines
	];
	return { ok: committed.collectionOk, slug, report: [...problemLines(run), ...report] };
}
