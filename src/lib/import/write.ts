import { formatChapterText } from '../content/chapters.ts';
import { isKnownLanguage } from '../content/languages.ts';
import type { Anchor, ImportChapter, ImportCue, ImportMeta, SourceKind } from './types.ts';

import { PLACEHOLDER } from '../content/placeholders.ts';

/** A WebVTT timestamp, `hh:mm:ss.mmm`. */
export function stamp(seconds: number): string {
	const ms = Math.round(seconds * 1000);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Text made safe for a WebVTT cue: no markup, no blank line (which would end the cue). */
function escapeCueText(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.join('\n');
}

/** A WebVTT file of timed cues, with `<v NAME>` for speakers. */
export function writeVtt(cues: ImportCue[]): string {
	const blocks = cues.map((cue) => {
		const voice = cue.speaker ? `<v ${escapeCueText(cue.speaker).replace(/\n/g, ' ')}>` : '';
		return `${stamp(cue.start!)} --> ${stamp(cue.end!)}\n${voice}${escapeCueText(cue.text)}`;
	});
	return 'WEBVTT\n\n' + blocks.join('\n\n') + '\n';
}

/**
 * A chapters file: each chapter runs to the next one's start, the last to the end of the audio.
 * `alt` writes the translation's fields instead (chapters without them are left out).
 */
export function writeChapters(chapters: ImportChapter[], duration: number, alt = false): string {
	const chosen = chapters.filter((c) => !alt || c.alt);
	const cues = chosen.map((chapter, i) => {
		const text = alt ? chapter.alt! : chapter;
		const end = chosen[i + 1]?.start ?? duration;
		return `${stamp(chapter.start)} --> ${stamp(end)}\n${escapeCueText(formatChapterText(text))}`;
	});
	return 'WEBVTT\n\n' + cues.join('\n\n') + '\n';
}

/** A slug from a name or title: lower-case Latin letters, digits and hyphens. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

let namesToCodes: Map<string, string> | undefined;

/**
 * A BCP 47 code from a code or an English language name (`English`, `Lithuanian`, `uk`),
 * or undefined when it is neither.
 */
export function languageCode(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	if (!trimmed) return undefined;
	if (
		/^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/i.test(trimmed) &&
		isKnownLanguage(trimmed.replace(/_/g, '-'))
	) {
		return Intl.getCanonicalLocales(trimmed.replace(/_/g, '-'))[0];
	}
	if (!namesToCodes) {
		namesToCodes = new Map();
		const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
		const letters = 'abcdefghijklmnopqrstuvwxyz';
		for (const a of letters) {
			for (const b of letters) {
				const name = names.of(a + b);
				if (name && !namesToCodes.has(name.toLowerCase()))
					namesToCodes.set(name.toLowerCase(), a + b);
			}
		}
	}
	return namesToCodes.get(trimmed.toLowerCase());
}

export interface ClipPlan {
	meta: ImportMeta;
	language: string;
	translations: string[];
	witness: string;
	audio: string;
}

/**
 * clip.json for an imported clip: what the source knows, and `TO FILL IN` placeholders for the
 * rest, so the clip builds at once and the build lists what is left to write.
 */
export function clipJson({ meta, language, translations, witness, audio }: ClipPlan): string {
	const fill = (what: string) => `${PLACEHOLDER}: ${what}`;
	const clip = {
		title: {
			en: meta.title ?? fill('the title in English'),
			fr: fill(
				meta.title ? `the title in French (the source says "${meta.title}")` : 'the title in French'
			)
		},
		witness,
		language,
		translations,
		description: {
			en: fill('what the recording covers, in English'),
			fr: fill('what the recording covers, in French')
		},
		...(meta.date ? { recorded: { date: meta.date } } : {}),
		...(meta.duration ? { duration: meta.duration } : {}),
		audio,
		provenance: {
			synthesized: false,
			heldBy: meta.holder
				? { en: meta.holder, fr: meta.holder }
				: { en: fill('who holds the original recording'), fr: fill('who holds it, in French') },
			credit: meta.holder ?? fill('the credit line')
		}
	};
	return JSON.stringify(clip, null, '\t') + '\n';
}

/**
 * alignment.json, read by `npm run align` (see the contract in transcripts/README.md). A timed
 * source's cue starts are kept (`keepCueTimes`), unless some were estimated (a paragraph of a
 * cue written as a cue of its own): then the source's own starts are the anchors, and the
 * estimated ones are left for the aligner to place. `cues` are the cues as written, times repaired.
 */
export function alignmentJson(options: {
	language: string;
	source: SourceKind;
	timed: boolean;
	anchors: Anchor[];
	cues?: ImportCue[];
}): string {
	const estimated = options.timed && (options.cues ?? []).some((cue) => cue.estimatedStart);
	const anchors = estimated
		? options.cues!.flatMap((cue, i) =>
				cue.estimatedStart || cue.start === undefined ? [] : [{ time: cue.start, cue: i, word: 0 }]
			)
		: options.anchors;
	return (
		JSON.stringify(
			{
				language: options.language,
				source: options.source,
				needsAlignment: true,
				anchors,
				keepCueTimes: options.timed && !estimated
			},
			null,
			'\t'
		) + '\n'
	);
}
