import * as v from 'valibot';
import { formatTime } from '../transcript/time.ts';
import { lineLocator, type Problem } from './problems.ts';
import { validateAlignment, validateTiming } from '../transcript/validate.ts';
import { parseVtt } from '../transcript/vtt.ts';
import { parseLocatedJson, type LocatedJson } from './json.ts';
import { lineAt, resolveKiosk, type KioskLine } from './kiosk.ts';
import { parseChapterText } from './chapters.ts';
import { isKnownLanguage } from './languages.ts';
import { parseAlignmentConfig, type AlignmentConfig } from '../align/cues.ts';
import { placeholderWarnings } from './placeholders.ts';
import {
	ClipSchema,
	CollectionSchema,
	describeIssue,
	KioskSchema,
	SLUG,
	type ClipMetadata,
	type CollectionMetadata
} from './schema.ts';
import {
	RefusedFile,
	type AudioAnalysis,
	type Chapter,
	type Clip,
	type ClipEntry,
	type Collection,
	type ContentSource,
	type SourceEntry,
	type Track,
	type Witness
} from './types.ts';

export interface LoadResult {
	collection: Collection;
	problems: Problem[];
	/** What was measured from each clip's audio, by slug (peaks for the waveform). */
	audio: Map<string, AudioAnalysis>;
}

/** Clips read at once: enough to keep every decoding thread busy, few enough to bound memory. */
const CLIPS_AT_ONCE = 8;

/** `map` over items with at most `limit` calls running at once; results in the items' order. */
export async function mapLimited<T, R>(
	items: readonly T[],
	limit: number,
	call: (item: T) => Promise<R>
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const run = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await call(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
	return results;
}

const COLLECTION_FILE = 'collection.json';
const CLIP_FILE = 'clip.json';

/**
 * Reads and checks the whole collection. It never throws on bad content: every problem found is
 * returned, with its file and line, and whatever is valid is still loaded. `onClip` sees each
 * clip whole, cues included, before the collection lets its cues go.
 */
export async function loadCollection(
	source: ContentSource,
	{ onClip }: { onClip?: (clip: Clip) => Promise<void> } = {}
): Promise<LoadResult> {
	const problems: Problem[] = [];
	const audio = new Map<string, AudioAnalysis>();
	const path = (...parts: string[]) => [source.root, ...parts].filter(Boolean).join('/');

	const read = await readJson(
		source,
		COLLECTION_FILE,
		path(COLLECTION_FILE),
		CollectionSchema,
		problems
	);
	const meta = read?.value;
	if (read) problems.push(...placeholderWarnings(read.value, path(COLLECTION_FILE), read.locate));
	const entries = await listFolder(source, '', path(), problems);
	reportRefused(entries, new Set([COLLECTION_FILE]), path, problems);
	const folders = entries
		// A folder named collection.json is reported as that file.
		.filter(
			(entry) => entry.isFolder && !entry.name.startsWith('.') && entry.name !== COLLECTION_FILE
		)
		.map((entry) => entry.name)
		.sort();
	const kioskLines = new Map<string, Map<number, KioskLine | undefined>>();
	const firstLines = new Map<string, number>();
	const excerptTimes = new Map<string, number[]>();
	for (const { clip, at } of meta?.kiosk.excerpts ?? []) {
		excerptTimes.set(clip, [...(excerptTimes.get(clip) ?? []), at]);
	}
	// Clips load a few at a time, so that every core decodes audio while others are read; each
	// keeps its own problems, reported in folder order whatever finishes first.
	const loaded = await mapLimited(folders, CLIPS_AT_ONCE, async (folder) => {
		const found: Problem[] = [];
		if (!SLUG.test(folder)) {
			found.push({
				severity: 'error',
				file: path(folder),
				message: 'a clip folder name must use only a-z, 0-9 and hyphens (it becomes the address)'
			});
			return { found };
		}
		const clip = await loadClip(source, folder, meta, found, path, audio);
		if (!clip) return { found };
		// The kiosk's lines are looked up now, while the cues are here; the collection keeps none.
		const first = clip.tracks[0]?.cues[0]?.start;
		const times = [...(excerptTimes.get(folder) ?? []), ...(first === undefined ? [] : [first])];
		kioskLines.set(folder, new Map(times.map((at) => [at, lineAt(clip.tracks, at)])));
		if (first !== undefined) firstLines.set(folder, first);
		await onClip?.(clip);
		return { found, clip: withoutCues(clip) };
	});
	const clips: ClipEntry[] = [];
	for (const { found, clip } of loaded) {
		problems.push(...found);
		if (clip) clips.push(clip);
	}
	const kiosk = resolveKiosk(
		meta?.kiosk ?? v.parse(KioskSchema, {}),
		clips,
		path(COLLECTION_FILE),
		read?.locate ?? (() => ({ line: 1, column: 1 })),
		{
			lineAt: (slug, at) => kioskLines.get(slug)?.get(at),
			firstLine: (slug) => firstLines.get(slug)
		}
	);
	problems.push(...kiosk.problems);
	const collection: Collection = {
		title: meta?.title ?? { en: '', fr: '' },
		description: meta?.description ?? { en: '', fr: '' },
		credit: meta?.credit ?? '',
		witnesses: Object.entries(meta?.witnesses ?? {}).map(([slug, w]) => resolveWitness(slug, w)),
		clips,
		kiosk: kiosk.kiosk
	};
	return { collection, problems, audio };
}

async function loadClip(
	source: ContentSource,
	slug: string,
	collection: CollectionMetadata | undefined,
	problems: Problem[],
	path: (...parts: string[]) => string,
	audioBySlug: Map<string, AudioAnalysis>
): Promise<Clip | undefined> {
	const metaFile = path(slug, CLIP_FILE);
	const json = await readText(source, `${slug}/${CLIP_FILE}`, metaFile, problems);
	if (json === REFUSED) return undefined;
	if (json === undefined) {
		problems.push({ severity: 'error', file: path(slug), message: `missing ${CLIP_FILE}` });
		return undefined;
	}
	const located = parseLocatedJson(json, metaFile);
	problems.push(...located.problems);
	if (located.value === undefined) return undefined;
	const parsed = v.safeParse(ClipSchema, located.value);
	if (!parsed.success) {
		for (const issue of parsed.issues) {
			problems.push({
				severity: 'error',
				file: metaFile,
				...located.locate(pathOf(issue)),
				message: describeIssue(issue)
			});
		}
		return undefined;
	}
	const meta: ClipMetadata = parsed.output;
	problems.push(...placeholderWarnings(meta, metaFile, located.locate));
	const fieldError = (field: (string | number)[], message: string) =>
		problems.push({ severity: 'error', file: metaFile, ...located.locate(field), message });

	// Own keys only: "constructor" is in every object.
	if (collection && !Object.hasOwn(collection.witnesses, meta.witness)) {
		fieldError(
			['witness'],
			`unknown witness "${meta.witness}": add it to ${path(COLLECTION_FILE)}`
		);
	}
	const languages = [meta.language, ...meta.translations];
	languages.forEach((lang, i) => {
		const field = i === 0 ? ['language'] : ['translations', i - 1];
		if (!isKnownLanguage(lang)) fieldError(field, `unknown language code "${lang}"`);
		else if (languages.indexOf(lang) !== i) fieldError(field, `language "${lang}" is listed twice`);
	});

	let analysis: AudioAnalysis | undefined;
	try {
		analysis = await source.analyseAudio(`${slug}/${meta.audio}`);
		if (!analysis) fieldError(['audio'], `audio file ${path(slug, meta.audio)} does not exist`);
	} catch (error) {
		if (error instanceof RefusedFile) {
			problems.push({ severity: 'error', file: path(slug, meta.audio), message: error.message });
		} else {
			fieldError(['audio'], `cannot decode ${path(slug, meta.audio)}: ${(error as Error).message}`);
		}
	}
	if (!analysis) return undefined;
	if (analysis.damaged) {
		// One verdict for the whole file, however many frames the decoder complained about.
		problems.push({
			severity: 'warning',
			file: path(slug, meta.audio),
			message: `damaged: the decoder skipped ${analysis.damaged} bad frame${analysis.damaged === 1 ? '' : 's'} (${analysis.damage ?? 'no reason given'}); listeners will hear gaps or noise: encode it again from the original`
		});
	}
	audioBySlug.set(slug, analysis);
	const { duration } = analysis;
	if (meta.duration !== undefined && Math.abs(meta.duration - duration) > 1) {
		problems.push({
			severity: 'warning',
			file: metaFile,
			...located.locate(['duration']),
			message: `catalogued duration ${formatTime(meta.duration, 1)} differs from the audio's ${formatTime(duration, 1)}`
		});
	}

	const entries = await listFolder(source, slug, path(slug), problems);
	// A code that is not a language is never made into a path (it could be "../../x").
	const readable = languages.filter(isKnownLanguage);
	const declared = new Set([
		CLIP_FILE,
		meta.audio,
		...readable.flatMap((lang) => [`${lang}.vtt`, `chapters.${lang}.vtt`])
	]);
	reportRefused(entries, declared, (name) => path(slug, name), problems);
	const files = entries.filter((entry) => !entry.refused).map((entry) => entry.name);
	if (files.includes(ALIGNMENT_FILE)) {
		await checkAlignmentFile(source, slug, languages, path(slug, ALIGNMENT_FILE), problems);
	}
	const tracks: Track[] = [];
	const textBytes = new Map<string, number>();
	for (const [i, lang] of [...new Set(languages)].entries()) {
		if (!readable.includes(lang)) continue;
		const file = `${lang}.vtt`;
		const text = await readText(source, `${slug}/${file}`, path(slug, file), problems);
		if (text === REFUSED) continue;
		if (text === undefined) {
			fieldError(
				i === 0 ? ['language'] : ['translations', meta.translations.indexOf(lang)],
				`missing transcript ${path(slug, file)}`
			);
			continue;
		}
		textBytes.set(file, utf8Length(text));
		const track = parseVtt(text, path(slug, file));
		problems.push(...track.problems, ...validateTiming(track.cues, duration, path(slug, file)));
		const original = tracks[0];
		if (i > 0 && original?.lang === meta.language) {
			const alignment = validateAlignment(
				original.cues,
				track.cues,
				path(slug, file),
				path(slug, original.file)
			);
			// A cue the original lost to a syntax error makes its translation look misaligned too.
			const originalBroken = problems.some(
				(p) => p.file === path(slug, original.file) && p.severity === 'error'
			);
			problems.push(
				...alignment.map((p) =>
					originalBroken && p.severity === 'error'
						? { ...p, message: `${p.message} (${original.file} has errors: fix those first)` }
						: p
				)
			);
		}
		tracks.push({ lang, kind: i === 0 ? 'captions' : 'subtitles', file, cues: track.cues });
	}

	// A Map, then an object with own keys only: a language is never looked up in a prototype.
	const chapters = new Map<string, Chapter[]>();
	for (const file of files.filter((name) => name.endsWith('.vtt'))) {
		const chapterLang = /^chapters\.(.+)\.vtt$/.exec(file)?.[1];
		if (chapterLang !== undefined && readable.includes(chapterLang)) {
			const text = await readText(source, `${slug}/${file}`, path(slug, file), problems);
			if (text === REFUSED) continue;
			textBytes.set(file, utf8Length(text ?? ''));
			const track = parseVtt(text ?? '', path(slug, file), 'chapters');
			problems.push(...track.problems, ...validateTiming(track.cues, duration, path(slug, file)));
			chapters.set(
				chapterLang,
				track.cues.map((c) => ({ start: c.start, end: c.end, ...parseChapterText(c.text) }))
			);
		} else if (!languages.some((lang) => file === `${lang}.vtt`)) {
			problems.push({
				severity: 'warning',
				file: path(slug, file),
				message: `not used: ${CLIP_FILE} does not list "${file.replace(/\.vtt$/, '')}" (transcripts are <language>.vtt, chapters chapters.<language>.vtt)`
			});
		}
	}

	return {
		slug,
		title: meta.title,
		witness: meta.witness,
		...witnessNames(collection, meta.witness),
		language: meta.language,
		translations: meta.translations,
		description: meta.description,
		recorded: meta.recorded,
		duration,
		audio: meta.audio,
		provenance: meta.provenance,
		tracks,
		chapters: Object.fromEntries(chapters),
		files: [
			{ name: meta.audio, bytes: analysis.bytes },
			...[
				...tracks.map((t) => t.file),
				...[...chapters.keys()].map((l) => `chapters.${l}.vtt`)
			].map((name) => ({ name, bytes: textBytes.get(name) ?? 0 }))
		]
	};
}

/** What the collection keeps of a clip: all but its cues, and how many there are. */
export function withoutCues(clip: Clip): ClipEntry {
	return {
		...clip,
		tracks: clip.tracks.map(({ cues, ...track }) => ({ ...track, cueCount: cues.length }))
	};
}

/**
 * A clip's tracks read again from its files, for the pages that show its cues. The build has
 * checked these files already (loadCollection), so problems are not reported again; a file
 * that has changed since is read as it is now.
 */
export async function readTracks(source: ContentSource, clip: ClipEntry): Promise<Clip> {
	const tracks = await Promise.all(
		clip.tracks.map(async ({ cueCount: _count, ...track }): Promise<Track> => {
			const text = await source.readText(`${clip.slug}/${track.file}`);
			return { ...track, cues: parseVtt(text ?? '', track.file).cues };
		})
	);
	return { ...clip, tracks };
}

/** Bytes of a text in UTF-8, as it is published (without making a copy of it). */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		// A surrogate pair is one 4-byte character; a lone surrogate becomes U+FFFD (3 bytes).
		else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
			const low = text.charCodeAt(i + 1);
			bytes += low >= 0xdc00 && low < 0xe000 ? (i++, 4) : 3;
		} else bytes += 3;
	}
	return bytes;
}

type WitnessMetadata = CollectionMetadata['witnesses'][string];

function resolveWitness(slug: string, { names, ...witness }: WitnessMetadata): Witness {
	return { slug, ...witness, names: { ...names, en: names?.en ?? witness.name } };
}

/** The witness's names, resolved here once so that no page looks the witness up again. */
function witnessNames(
	collection: CollectionMetadata | undefined,
	slug: string
): Pick<Clip, 'witnessName' | 'witnessNativeName' | 'witnessNames' | 'witnessGender'> {
	const meta =
		collection && Object.hasOwn(collection.witnesses, slug)
			? collection.witnesses[slug]
			: undefined;
	if (!meta) return { witnessName: slug, witnessNames: { en: slug } };
	const witness = resolveWitness(slug, meta);
	return {
		witnessName: witness.name,
		witnessNativeName: witness.nativeName,
		witnessNames: witness.names,
		witnessGender: witness.grammaticalGender
	};
}

/** What readText returns for a file the source would not read (already reported). */
const REFUSED = Symbol('refused');

/**
 * Reads a text file, reporting where it is not UTF-8: sources decode such bytes to U+FFFD, which
 * would otherwise reach the page as garbled text. A U+FFFD already in the file is reported too,
 * on purpose: it marks text lost in some earlier conversion. A file the source will not read
 * (not a regular file, a link leaving the collection, too large) is reported as an error.
 */
async function readText(
	source: ContentSource,
	relative: string,
	file: string,
	problems: Problem[]
): Promise<string | undefined | typeof REFUSED> {
	let text: string | undefined;
	try {
		text = await source.readText(relative);
	} catch (error) {
		const reason =
			error instanceof RefusedFile ? error.message : `cannot be read: ${String(error)}`;
		problems.push({ severity: 'error', file, message: reason });
		return REFUSED;
	}
	const bad = text?.indexOf('\ufffd') ?? -1;
	if (bad >= 0) {
		problems.push({
			severity: 'error',
			file,
			...lineLocator(text!)(bad),
			message: 'not valid UTF-8 (save the file as UTF-8)'
		});
	}
	return text;
}

/** A folder's entries; a folder that cannot be read is reported, and has none. */
async function listFolder(
	source: ContentSource,
	folder: string,
	shown: string,
	problems: Problem[]
): Promise<SourceEntry[]> {
	try {
		return await source.list(folder);
	} catch (error) {
		problems.push({ severity: 'error', file: shown, message: `cannot be read: ${String(error)}` });
		return [];
	}
}

/** Reports the entries the source will not read, except declared files, whose read reports them. */
const ALIGNMENT_FILE = 'alignment.json';

/**
 * `npm run align` reads alignment.json, and makes its `language` into a file name: the build
 * checks it as it checks the clip's own languages, so that it can never name a file elsewhere.
 */
async function checkAlignmentFile(
	source: ContentSource,
	slug: string,
	languages: string[],
	file: string,
	problems: Problem[]
) {
	const text = await readText(source, `${slug}/${ALIGNMENT_FILE}`, file, problems);
	if (text === REFUSED || text === undefined) return;
	let config: AlignmentConfig;
	try {
		config = parseAlignmentConfig(text, file);
	} catch (error) {
		for (const line of (error as Error).message.split('\n')) {
			problems.push({
				severity: 'error',
				file,
				message: line.replace(`${file}: error: `, '')
			});
		}
		return;
	}
	if (config.language !== undefined && !languages.includes(config.language)) {
		problems.push({
			severity: 'error',
			file,
			message: `"language": "${config.language}" is not one of the clip's languages (${languages.join(', ')})`
		});
	}
}

function reportRefused(
	entries: SourceEntry[],
	declared: Set<string>,
	shown: (name: string) => string,
	problems: Problem[]
) {
	for (const { name, refused } of entries) {
		if (refused && !declared.has(name)) {
			problems.push({ severity: refused.severity, file: shown(name), message: refused.reason });
		}
	}
}

async function readJson<T extends v.GenericSchema>(
	source: ContentSource,
	relative: string,
	file: string,
	schema: T,
	problems: Problem[]
): Promise<{ value: v.InferOutput<T>; locate: LocatedJson['locate'] } | undefined> {
	const text = await readText(source, relative, file, problems);
	if (text === REFUSED) return undefined;
	if (text === undefined) {
		problems.push({ severity: 'error', file, message: 'missing file' });
		return undefined;
	}
	const located = parseLocatedJson(text, file);
	problems.push(...located.problems);
	if (located.value === undefined) return undefined;
	const parsed = v.safeParse(schema, located.value);
	if (parsed.success) return { value: parsed.output, locate: located.locate };
	for (const issue of parsed.issues) {
		problems.push({
			severity: 'error',
			file,
			...located.locate(pathOf(issue)),
			message: describeIssue(issue)
		});
	}
	return undefined;
}

function pathOf(issue: v.BaseIssue<unknown>): (string | number)[] {
	return (issue.path ?? []).map((item) => item.key as string | number);
}
