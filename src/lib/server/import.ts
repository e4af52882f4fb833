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
import type { ImportCue, ImportedTranscript, Parsed } from '../import/types.ts';
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

/**
 * Turns an archive's file and its recording into a clip folder, then checks the collection as
 * the build does. Nothing is written when the source has errors.
 */
export async function importClip(options: ImportOptions): Promise<ImportOutcome> {
	const report: string[] = [];
	const problems: Problem[] = [];
	const file = relative(process.cwd(), resolve(options.source)) || options.source;
	const fail = (message: string, where: string = file) => {
		problems.push({ severity: 'error', file: where, message });
		return finish();
	};
	const finish = (): ImportOutcome => {
		report.unshift(...sortProblems(problems).map(formatProblem));
		const errors = problems.some((p) => p.severity === 'error');
		if (errors) report.push('Nothing was written: fix the errors above and run the import again.');
		return { ok: !errors, report };
	};

	const extension = extname(options.source).toLowerCase();
	if (!SOURCE_KINDS.includes(extension)) {
		return fail(`cannot import "${extension}" files: give OHMS .xml, .srt, .vtt, .txt or .docx`);
	}
	const audioExtension = extname(options.audio).slice(1).toLowerCase();
	if (!(AUDIO_EXTENSIONS as readonly string[]).includes(audioExtension)) {
		return fail(
			`the audio must be .${AUDIO_EXTENSIONS.join(', .')} (convert it first, e.g. to .mp3)`,
			options.audio
		);
	}
	const sourceProblem = await unreadable(options.source, MAX_TEXT_FILE_BYTES);
	if (sourceProblem) return fail(sourceProblem);
	const audioProblem = await unreadable(options.audio);
	if (audioProblem) return fail(audioProblem, options.audio);

	const parsed = await readSource(options.source, file);
	problems.push(...parsed.problems);
	const source = parsed.result;
	// A translation in its own file: times of its own only if both it and the source are timed.
	let translationFile = file;
	let translationTimed = source?.timed ?? false;
	if (options.translation && source) {
		translationFile = relative(process.cwd(), resolve(options.translation)) || options.translation;
		if (!SOURCE_KINDS.slice(1).includes(extname(options.translation).toLowerCase())) {
			return fail('a translation must be .srt, .vtt, .txt or .docx', translationFile);
		}
		const translationProblem = await unreadable(options.translation, MAX_TEXT_FILE_BYTES);
		if (translationProblem) return fail(translationProblem, translationFile);
		if (source.translation)
			return fail('the source has a translation of its own already', translationFile);
		const other = await readSource(options.translation, translationFile);
		problems.push(...other.problems);
		if (other.result) {
			source.translation = { language: other.result.meta.language, cues: other.result.cues };
			translationTimed = source.timed && other.result.timed;
		}
	}
	if (!source || problems.some((p) => p.severity === 'error')) return finish();
	if (
		source.translation &&
		!translationTimed &&
		source.translation.cues.length !== source.cues.length
	) {
		return fail(
			`the translation has ${source.translation.cues.length} cues and the transcript ${source.cues.length}: an untimed translation takes the transcript's times cue for cue, so it must match it one for one`,
			translationFile
		);
	}

	let duration: number;
	try {
		duration = (await analyseAudioCached(resolve(options.audio))).duration;
	} catch (error) {
		return fail(`cannot decode the audio: ${(error as Error).message}`, options.audio);
	}

	const language = languageCode(options.lang ?? source.meta.language);
	if (!language) {
		return fail(
			source.meta.language
				? `unknown language "${source.meta.language}": give its code with --lang (e.g. --lang lt)`
				: 'the source does not say its language: give it with --lang (e.g. --lang lt)'
		);
	}
	let translationLanguage: string | undefined;
	if (source.translation) {
		translationLanguage = languageCode(options.translationLang ?? source.translation.language);
		if (!translationLanguage) {
			return fail(
				`the translation's language ${source.translation.language ? `"${source.translation.language}" is unknown` : 'is not given'}: give it with --translation-lang (e.g. --translation-lang en)`
			);
		}
	}

	if (translationLanguage === language) {
		return fail(
			`the translation's language and the transcript's are both "${language}": give the right one with --lang or --translation-lang`
		);
	}

	// Times: repaired when the source has them, spread over the recording when it has not.
	let cues: ImportCue[];
	let translationCues: ImportCue[] | undefined;
	let anchors = source.anchors;
	if (source.timed) {
		const offset = detectOffset(source.cues, duration, options.offset);
		const repaired = repairTimes(source.cues, file, duration, offset, options.offset !== 'auto');
		problems.push(...repaired.problems);
		cues = repaired.cues;
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
			problems.push(
				...translated.problems.filter((p) => own || !p.message.includes('tape offset of'))
			);
			translationCues = translated.cues;
		}
	} else {
		const kept = anchors.filter((a) => a.time < duration);
		if (kept.length < anchors.length) {
			problems.push({
				severity: 'warning',
				file,
				message: `${anchors.length - kept.length} sync point(s) past the end of the audio (${formatTime(duration)}) dropped`
			});
		}
		anchors = kept;
		cues = spreadCues(source.cues, anchors, duration);
	}
	if (source.translation && !translationTimed) {
		translationCues = source.translation.cues.map((cue, i) => ({
			...cue,
			start: cues[i]?.start,
			end: cues[i]?.end
		}));
	}
	if (cues.length === 0)
		problems.push({ severity: 'error', file, message: 'no cues left to write' });
	const chapters = source.chapters.filter((c) => {
		if (c.start < duration) return true;
		problems.push({
			severity: 'warning',
			file,
			line: c.line,
			message: `index point "${c.title}" at ${formatTime(c.start)} is past the end of the audio (${formatTime(duration)}): left out`
		});
		return false;
	});

	// Where it goes, and who speaks: decided under the collection's lock, from what is there now.
	const transcripts = resolve(options.transcripts);
	const slug =
		options.slug ??
		(slugify(source.meta.title ?? '') || slugify(basename(options.source, extension)) || 'clip');
	if (!SLUG.test(slug))
		return fail(`"${slug}" cannot be a clip folder name: use a-z, 0-9 and hyphens (--slug)`);
	const folder = join(transcripts, slug);
	const collectionFile = join(transcripts, 'collection.json');
	const collectionShown = relative(process.cwd(), collectionFile);
	if (problems.some((p) => p.severity === 'error')) return finish();
	if (!(await stat(transcripts).catch(() => undefined))?.isDirectory()) {
		return fail('no such folder', relative(process.cwd(), transcripts) || '.');
	}

	const release = await lockCollection(transcripts, `npm run import -- ${file}`, options.onWait);
	const change = new CollectionChange(transcripts);
	// Ctrl-C or SIGTERM before the commit: the staged files go, the collection stays as it was.
	const stopWatching = onInterrupt(() => {
		change.abortSync();
		release();
	});
	const written: string[] = [];
	let witness: ChosenWitness;
	let collectionOk = false;
	try {
		if (await lstat(folder).catch(() => undefined)) {
			return fail(
				`${relative(process.cwd(), folder)} already exists: choose another --slug, or remove it first`
			);
		}
		const collection = await readCollectionJson(collectionFile);
		if ('error' in collection) return fail(collection.error, collectionShown);
		const choice = chooseWitness(collection.witnesses, {
			given: options.witness,
			interviewee: source.meta.interviewee,
			clipSlug: slug,
			newWitness: options.newWitness
		});
		if (choice.error !== undefined) return fail(choice.error);
		witness = choice;

		// Staged whole in a temporary folder; nothing is in place until the check has passed.
		const audio = `audio.${audioExtension}`;
		const translations = translationLanguage ? [translationLanguage] : [];
		await change.addFolder(slug);
		const put = async (name: string, content: string) => {
			await change.writeFile(`${slug}/${name}`, content);
			written.push(name);
		};
		await put(
			'clip.json',
			clipJson({ meta: source.meta, language, translations, witness: witness.slug, audio })
		);
		await change.copyFile(`${slug}/${audio}`, options.audio);
		written.push(audio);
		await put(`${language}.vtt`, writeVtt(cues));
		if (translationLanguage && translationCues)
			await put(`${translationLanguage}.vtt`, writeVtt(translationCues));
		if (chapters.length > 0) {
			await put(`chapters.${language}.vtt`, writeChapters(chapters, duration));
			if (translationLanguage && chapters.some((c) => c.alt)) {
				await put(`chapters.${translationLanguage}.vtt`, writeChapters(chapters, duration, true));
			}
		}
		await put(
			'alignment.json',
			alignmentJson({ language, source: source.source, timed: source.timed, anchors, cues })
		);
		if (witness.isNew) {
			const edits = modify(
				collection.text,
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
			await change.writeFile('collection.json', applyEdits(collection.text, edits));
		}

		// The same check as `npm run build`, on the collection as it will be.
		const loaded = await loadCollection(change.overlay(folderSource(transcripts)));
		const ours = loaded.problems.filter(
			(p) =>
				p.file.startsWith(`${relative(process.cwd(), folder)}/`) ||
				p.file === relative(process.cwd(), folder) ||
				p.file === collectionShown
		);
		const check = reportProblems(loaded.problems);
		const elsewhere = loaded.problems.length - ours.length;
		const oursFail = ours.some((p) => p.severity === 'error');
		report.push(
			'Collection check (the same as npm run build does):',
			...sortProblems(ours).map((p) => `  ${formatProblem(p)}`),
			`  ${check.text.split('\n').at(-1)}${elsewhere ? ` (${elsewhere} in other clips: npm run build lists them)` : ''}`
		);
		if (oursFail) {
			change.abortSync();
			report.push(
				'Nothing was written: the clip would stop the build. Fix the errors above and run the import again.'
			);
			report.unshift(...sortProblems(problems).map(formatProblem));
			return { ok: false, report };
		}
		change.commit();
		collectionOk = check.ok;
		report.push(
			check.ok
				? `The clip builds. "${PLACEHOLDER}" marks what the source could not say: write it in, then run npm run build.`
				: 'The clip was added, but the collection has errors elsewhere: the build would stop.'
		);
	} catch (error) {
		change.abortSync();
		return fail(
			`nothing was written: ${(error as Error).message}`,
			relative(process.cwd(), folder)
		);
	} finally {
		stopWatching();
		release();
	}

	const where = relative(process.cwd(), folder);
	const checkLines = report.splice(0);
	report.push(
		`Imported ${file} (${source.source}) into ${where}/: ${written.join(', ')}`,
		`${cues.length} cues in ${language}${translationLanguage ? `, ${translationCues?.length ?? 0} in ${translationLanguage}` : ''}, ${chapters.length} chapters, ${source.timed ? 'timed by the source' : `provisional times spread over ${formatTime(duration)}${anchors.length ? ` between ${anchors.length} sync points` : ''}: run npm run align -- ${slug}`}`,
		`Speakers: ${[...new Set(cues.map((c) => c.speaker).filter(Boolean))].join(', ') || 'none named'}`,
		witness.isNew
			? `Witness: ${witness.slug}, added to ${collectionShown}: write their ${witness.name.startsWith(PLACEHOLDER) ? 'name and ' : ''}facts there`
			: `Witness: ${witness.slug} (already in ${collectionShown})`,
		...checkLines
	);
	report.unshift(...sortProblems(problems).map(formatProblem));
	return { ok: collectionOk, slug, report };
}
