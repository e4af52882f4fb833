import * as v from 'valibot';
import type { Cue } from '../transcript/types.ts';

/*
 * The site's half of forced alignment (`npm run align`), as pure functions: what to ask the
 * aligner (aligner/align.mjs, a separate GPL tool run as a subprocess) and how to turn the word
 * timings it returns into WebVTT cues with word timestamps.
 */

/** A word of a cue with the time it is spoken, in seconds. */
export interface TimedWord {
	text: string;
	start: number;
	end: number;
}

/** A cue after alignment: its times, its speaker and its timed words. */
export interface AlignedCue {
	start: number;
	end: number;
	speaker?: string;
	words: TimedWord[];
}

/** An anchor as the aligner takes it: at `time`, the text is at `word` of `segment`. */
export interface AlignerAnchor {
	time: number;
	segment: number;
	word: number;
}

/** What the aligner is asked: one segment per cue, and the moments it must not move. */
export interface AlignerJob {
	language: string;
	segments: string[];
	anchors: AlignerAnchor[];
	/** false: skip the match score (aligner/align.mjs, matchScore), as a benchmark of starts may. */
	score?: boolean;
}

/** `alignment.json` in a clip's folder, written by the importer (see the importer's contract). */
export const AlignmentConfigSchema = v.object({
	language: v.optional(v.string()),
	source: v.optional(v.string()),
	needsAlignment: v.optional(v.boolean(), true),
	anchors: v.optional(
		v.array(
			v.strictObject({
				time: v.pipe(v.number(), v.minValue(0, 'must not be negative')),
				cue: v.pipe(v.number(), v.integer(), v.minValue(0, 'must not be negative')),
				word: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0)
			})
		),
		[]
	),
	keepCueTimes: v.optional(v.boolean(), false)
});
export type AlignmentConfig = v.InferOutput<typeof AlignmentConfigSchema>;

/** Reads `alignment.json`; a mistake throws with the file, the field and the reason. */
export function parseAlignmentConfig(text: string, file: string): AlignmentConfig {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(`${file}: error: not valid JSON (${(error as Error).message})`, {
			cause: error
		});
	}
	const result = v.safeParse(AlignmentConfigSchema, json);
	if (!result.success) {
		const issues = result.issues.map((issue) => {
			const where = v.getDotPath(issue);
			return `${file}: error: ${where ? `${where}: ` : ''}${issue.message}`;
		});
		throw new Error(issues.join('\n'));
	}
	return result.output;
}

/** A cue's text as the aligner reads it: its words on one line. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The job for a transcript: each cue a segment; anchors given, plus cue starts if kept. */
export function alignerJob(cues: Cue[], config: AlignmentConfig, language: string): AlignerJob {
	const anchors: AlignerAnchor[] = [];
	for (const anchor of config.anchors) {
		if (anchor.cue >= cues.length) {
			throw new Error(
				`anchor at ${anchor.time} s points at cue ${anchor.cue}, past the last cue (${cues.length - 1})`
			);
		}
		anchors.push({ time: anchor.time, segment: anchor.cue, word: anchor.word });
	}
	if (config.keepCueTimes) {
		cues.forEach((cue, i) => anchors.push({ time: cue.start, segment: i, word: 0 }));
	}
	anchors.sort((a, b) => a.time - b.time || a.segment - b.segment || a.word - b.word);
	return { language, segments: cues.map((cue) => flat(cue.text)), anchors };
}

/** Where a sentence ends: after these, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'»”’)\]]*$/;
/**
 * A title or an initial ("Mr.", "Dr.", "St.", "A."), after which a sentence rarely ends; the
 * segmenter in Node knows no such exceptions. (A sentence ending in "Tom." stays with the next.)
 */
const ABBREVIATION = /^\p{Lu}\p{Ll}{0,2}\.$/u;
/** Where a long sentence may best be broken: after a clause's punctuation. */
const CLAUSE_END = /[,;:—–]["'»”’)\]]*$/;

/**
 * A cue's words in sentences, each at most `maxChars` long (about two lines of captions).
 * Sentences are found by Intl.Segmenter for the language (numbers like "3.5" stay whole) and
 * not after a title or an initial; a long sentence is cut into balanced parts, at a comma where one is near.
 */
export function splitSentences(words: TimedWord[], lang: string, maxChars = 84): TimedWord[][] {
	if (words.length === 0) return [];
	const text = words.map((w) => w.text).join(' ');
	const starts: number[] = [];
	let offset = 0;
	for (const word of words) {
		starts.push(offset);
		offset += word.text.length + 1;
	}
	let segmenter: Intl.Segmenter;
	try {
		segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
	} catch {
		segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
	}
	const sentenceStarts = new Set<number>();
	for (const sentence of segmenter.segment(text)) sentenceStarts.add(sentence.index);

	const sentences: TimedWord[][] = [];
	words.forEach((word, i) => {
		// A break only between words, and only after sentence-ending punctuation.
		const before = words[i - 1]?.text ?? '';
		const breaks =
			i > 0 &&
			sentenceStarts.has(starts[i]!) &&
			SENTENCE_END.test(before) &&
			!ABBREVIATION.test(before);
		if (i === 0 || breaks) sentences.push([]);
		sentences.at(-1)!.push(word);
	});
	return sentences.flatMap((sentence) => balance(sentence, maxChars));
}

const length = (words: TimedWord[]) => words.reduce((n, w) => n + w.text.length + 1, -1);

/** Cuts a too-long run of words into the fewest parts of at most about `maxChars`. */
function balance(words: TimedWord[], maxChars: number): TimedWord[][] {
	const total = length(words);
	if (total <= maxChars || words.length < 2) return [words];
	const parts = Math.ceil(total / maxChars);
	const target = total / parts;
	// Cut near the target length, preferring just after a comma within a quarter of a part.
	let best = 1;
	let bestScore = Infinity;
	let at = 0;
	for (let i = 0; i < words.length - 1; i++) {
		at += words[i]!.text.length + 1;
		const score = Math.abs(at - target) - (CLAUSE_END.test(words[i]!.text) ? target / 4 : 0);
		if (score < bestScore) {
			bestScore = score;
			best = i + 1;
		}
	}
	return [words.slice(0, best), ...balance(words.slice(best), maxChars)];
}

/**
 * The transcript after alignment. With `resegment`, each cue is split into sentences (cues of at
 * most about two lines); otherwise cue boundaries stay as they were, which keeps translations
 * cue for cue. With `keepTimes`, cue starts and ends are the original ones.
 */
export function alignedCues(
	cues: Cue[],
	words: TimedWord[][],
	options: { lang: string; resegment: boolean; keepTimes: boolean; maxChars?: number }
): AlignedCue[] {
	const out: AlignedCue[] = [];
	cues.forEach((cue, i) => {
		const cueWords = words[i] ?? [];
		const groups =
			options.resegment && !options.keepTimes
				? splitSentences(cueWords, options.lang, options.maxChars)
				: [cueWords];
		for (const group of groups) {
			const first = group[0];
			const last = group.at(-1);
			out.push({
				start: options.keepTimes || !first ? cue.start : first.start,
				end: options.keepTimes || !last ? cue.end : last.end,
				...(cue.speaker ? { speaker: cue.speaker } : {}),
				words: group
			});
		}
	});
	// Cues must not overlap or run backwards: a cue ends no later than the next one starts.
	for (let i = 0; i < out.length; i++) {
		const cue = out[i]!;
		const next = out[i + 1];
		if (next && cue.end > next.start) cue.end = Math.max(next.start, cue.start);
		if (cue.end <= cue.start) cue.end = cue.start + 0.001;
	}
	return out;
}

/** `hh:mm:ss.mmm`, the WebVTT timestamp. */
export function vttTimestamp(seconds: number): string {
	const ms = Math.max(0, Math.round(seconds * 1000));
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

const escapeCueText = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The text of a cue with a timestamp tag before each word after the first
 * (`It <00:00:01.250>was <00:00:01.400>cold.`). WebVTT requires each tag to lie strictly
 * inside the cue and after the previous one; a word whose time would break that keeps no tag
 * and is highlighted with the word before it.
 */
export function cueText(cue: AlignedCue): string {
	const startMs = Math.round(cue.start * 1000);
	const endMs = Math.round(cue.end * 1000);
	let previous = startMs;
	let text = cue.speaker ? `<v ${escapeCueText(cue.speaker)}>` : '';
	cue.words.forEach((word, i) => {
		if (i > 0) {
			text += ' ';
			const ms = Math.round(word.start * 1000);
			if (ms > previous && ms < endMs) {
				text += `<${vttTimestamp(ms / 1000)}>`;
				previous = ms;
			}
		}
		text += escapeCueText(word.text);
	});
	return text;
}

/** A whole WebVTT file of aligned cues, numbered `c1`, `c2`, … */
export function alignedVtt(cues: AlignedCue[]): string {
	const blocks = cues.map(
		(cue, i) =>
			`c${i + 1}\n${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${cueText(cue)}\n`
	);
	return `WEBVTT\n\n${blocks.join('\n')}`;
}

/**
 * A translation with new times, cue for cue, its text untouched: each cue's timing line (known
 * from the parser) gets the times of the original's cue at the same index.
 */
export function retimedVtt(
	source: string,
	cues: Cue[],
	times: { start: number; end: number }[],
	file: string
): string {
	if (cues.length !== times.length) {
		throw new Error(
			`${file}: error: ${cues.length} cues where the original has ${times.length}: translations must keep the original's cues, one for one`
		);
	}
	const lines = source.split(/\r\n|\r|\n/);
	cues.forEach((cue, i) => {
		const line = lines[cue.line - 1];
		if (line === undefined) throw new Error(`${file}:${cue.line}: error: timing line not found`);
		const settings = line.replace(/^\s*\S+\s+-->\s+\S+/, '');
		lines[cue.line - 1] =
			`${vttTimestamp(times[i]!.start)} --> ${vttTimestamp(times[i]!.end)}${settings}`;
	});
	return lines.join('\n');
}

/** How well a clip's words found their place in the audio. */
export interface AlignmentQuality {
	words: number;
	/** Words the aligner could not place and spread evenly instead. */
	spread: number;
	/** Words given next to no time (under 20 ms): squeezed, as words that are not heard are. */
	squeezed: number;
	/**
	 * The median of the scored stretches' ratios (see aligner/align.mjs, matchScore): well under
	 * 1 when the audio says the text's words in its order, about 1 when the text does not match.
	 * Undefined when the clip is too short to score.
	 */
	match?: number;
	/** Stretches whose ratio is doubtful (MATCH_DOUBTFUL or more), to listen to. */
	doubtful: MatchedStretch[];
	/** Why words were spread, as the aligner said. */
	reasons: string[];
}

/** A stretch of the recording, scored by the aligner. */
export interface MatchedStretch {
	start: number;
	end: number;
	ratio: number;
}

/** Past this share of squeezed or spread words, the text does not match the audio. */
const MISMATCH_SHARE = 0.5;
/** A word shorter than this is squeezed. */
const SQUEEZED_SECONDS = 0.02;
/**
 * Match ratios: a man reading a sonnet scored 0.86-0.91, synthesized speech 0.44-0.48; a text
 * that has nothing to do with the audio 0.98-1.05. Past MATCH_FAILS (the median) the text
 * clearly does not match: an error. A stretch past MATCH_DOUBTFUL is listed, to be checked.
 */
export const MATCH_FAILS = 0.97;
export const MATCH_DOUBTFUL = 0.95;

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length / 2;
	return sorted.length % 2
		? sorted[Math.floor(middle)]!
		: (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Checks the aligner's answer before anything is written with it: one segment per cue, each
 * with exactly the cue's words in order, times that go forward and stay inside the audio. Then
 * rates it; an error when it clearly does not match the audio (no voice for the language, most
 * words squeezed or spread, or a match ratio that says the text is not what is spoken).
 */
export function checkAlignerResult(
	job: AlignerJob,
	result: {
		segments?: { words?: { text?: unknown; start?: unknown; end?: unknown }[] }[];
		spread?: { words?: number; reasons?: string[] };
		match?: MatchedStretch[];
	},
	duration: number
): { error?: string; quality: AlignmentQuality } {
	const scored = Array.isArray(result.match)
		? result.match.filter((m) => Number.isFinite(m?.ratio))
		: [];
	const quality: AlignmentQuality = {
		words: 0,
		spread: result.spread?.words ?? 0,
		squeezed: 0,
		match: scored.length ? median(scored.map((m) => m.ratio)) : undefined,
		doubtful: scored.filter((m) => m.ratio >= MATCH_DOUBTFUL),
		reasons: result.spread?.reasons ?? []
	};
	const wrong = (error: string) => ({ error: `the aligner's answer is wrong: ${error}`, quality });
	const segments = Array.isArray(result.segments) ? result.segments : [];
	if (segments.length !== job.segments.length) {
		return wrong(`${segments.length} segments for ${job.segments.length} cues`);
	}
	let previous = 0;
	for (let i = 0; i < segments.length; i++) {
		const expected = job.segments[i]!.match(/\S+/g) ?? [];
		const words = Array.isArray(segments[i]!.words) ? segments[i]!.words! : [];
		const got = words.map((w) => w.text);
		if (got.length !== expected.length || got.some((text, k) => text !== expected[k])) {
			return wrong(
				`cue ${i + 1} came back as "${got.join(' ')}" instead of "${expected.join(' ')}"`
			);
		}
		for (const word of words) {
			const { start, end } = word as { start: number; end: number };
			const inside = (t: unknown) =>
				typeof t === 'number' && Number.isFinite(t) && t >= 0 && t <= duration + 0.05;
			if (!inside(start) || !inside(end) || end < start || start < previous - 0.001) {
				return wrong(
					`cue ${i + 1}, "${String(word.text)}" at ${String(start)}–${String(end)} s goes back or leaves the audio (0–${duration.toFixed(2)} s)`
				);
			}
			previous = start;
			quality.words++;
			if (end - start < SQUEEZED_SECONDS) quality.squeezed++;
		}
	}
	if (quality.reasons.some((reason) => /language/i.test(reason))) {
		return {
			error: `no voice for the language "${job.language}" in the aligner (eSpeak-NG): ${quality.reasons[0]} Nothing was aligned; check the clip's "language"`,
			quality
		};
	}
	const unplaced = quality.spread + quality.squeezed;
	if (quality.words >= 10 && unplaced > quality.words * MISMATCH_SHARE) {
		return {
			error: `${unplaced} of ${quality.words} words found no place in the audio (${quality.spread} spread evenly, ${quality.squeezed} squeezed): the text does not seem to match the recording. Nothing was changed`,
			quality
		};
	}
	if (quality.match !== undefined && quality.match >= MATCH_FAILS) {
		return {
			error: `the text does not match the recording: its words, in their order, explain the audio no better than shuffled (match ratio ${quality.match.toFixed(2)}; a matching text scores under ${MATCH_DOUBTFUL}). Is it the right transcript, and the right recording? Nothing was changed`,
			quality
		};
	}
	return { quality };
}
