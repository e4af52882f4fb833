import { activeCueIndex } from '../transcript/cues.ts';
import { formatTime } from '../transcript/time.ts';
import { megabytes } from './limits.ts';
import type { Problem } from './problems.ts';
import type { KioskMetadata } from './schema.ts';
import type { ClipEntry, Kiosk, KioskExcerpt, Track } from './types.ts';

/**
 * What the kiosk's offline store may hold before the build warns: a browser keeps about this
 * much for one site without asking (Safari asked beyond 1 GB for years; Chrome and Firefox give
 * a share of the free disk, which on a 32 GB tablet full of apps can be little), and a first
 * load over a museum's Wi-Fi takes minutes already.
 */
export const KIOSK_OFFLINE_BUDGET = 1024 * 1024 * 1024;

/** The kiosk shows this many clips at most unless `kiosk.clips` lists them: a screen's worth. */
export const KIOSK_DEFAULT_CLIPS = 12;

/** A line to show: where it is spoken, and its text in every language of the clip. */
export type KioskLine = Omit<KioskExcerpt, 'clip' | 'witness'>;

/**
 * The lines resolveKiosk may show, looked up while each clip's cues were read (the collection
 * keeps no cues): the line spoken at a time, and when each clip's first line begins.
 */
export interface KioskLines {
	lineAt(slug: string, at: number): KioskLine | undefined;
	firstLine(slug: string): number | undefined;
}

/** The line spoken at `at` in a clip's tracks (the original first), if one is. */
export function lineAt(tracks: Track[], at: number): KioskLine | undefined {
	// A clip whose transcript could not be read has no track (and an error of its own).
	const cues = tracks[0]?.cues ?? [];
	const cue = cues[activeCueIndex(cues, at)];
	if (!cue || at >= cue.end) return undefined;
	return {
		start: cue.start,
		end: cue.end,
		// A translation may merge cues, so take its line that covers this one's middle.
		lines: tracks.flatMap((track) => {
			const line = track.cues[activeCueIndex(track.cues, (cue.start + cue.end) / 2)];
			return line && line.end > cue.start ? [{ lang: track.lang, text: line.text }] : [];
		})
	};
}

/** The bytes of a clip's published files. */
const clipBytes = (clip: ClipEntry) => clip.files.reduce((sum, file) => sum + file.bytes, 0);

/**
 * The kiosk's clips when `kiosk.clips` does not list them: a museum kiosk holds a handful, all
 * of it offline. The collection's first clips in order, up to KIOSK_DEFAULT_CLIPS, skipping any
 * that would take the offline store over its budget (at least one, however large).
 */
export function defaultKioskClips(clips: ClipEntry[]): string[] {
	const chosen: string[] = [];
	let bytes = 0;
	for (const clip of clips) {
		if (chosen.length === KIOSK_DEFAULT_CLIPS) break;
		const size = clipBytes(clip);
		if (chosen.length > 0 && bytes + size > KIOSK_OFFLINE_BUDGET) continue;
		chosen.push(clip.slug);
		bytes += size;
	}
	return chosen;
}

type Locate = (path: (string | number)[]) => { line: number; column: number };

/**
 * Checks the `kiosk` settings of collection.json against the clips that exist. Problems point
 * at their line; what is wrong is left out, so the rest of the kiosk still works.
 */
export function resolveKiosk(
	meta: KioskMetadata,
	clips: ClipEntry[],
	file: string,
	locate: Locate,
	lines: KioskLines
): { kiosk: Kiosk; problems: Problem[] } {
	const problems: Problem[] = [];
	const error = (path: (string | number)[], message: string) =>
		problems.push({ severity: 'error', file, ...locate(['kiosk', ...path]), message });
	const bySlug = new Map(clips.map((clip) => [clip.slug, clip]));

	if (!meta.languages.includes(meta.defaultLanguage)) {
		error(['defaultLanguage'], `"${meta.defaultLanguage}" is not among the kiosk's languages`);
	}
	const shown: string[] = [];
	(meta.clips ?? defaultKioskClips(clips)).forEach((slug, i) => {
		if (!bySlug.has(slug)) error(['clips', i], `no clip folder is named "${slug}"`);
		else if (shown.includes(slug)) error(['clips', i], `"${slug}" is listed twice`);
		else shown.push(slug);
	});
	const stored = shown.map((slug) => bySlug.get(slug)!);
	const offline = {
		files: stored.reduce((sum, clip) => sum + clip.files.length, 0),
		bytes: stored.reduce((sum, clip) => sum + clipBytes(clip), 0),
		chosen: meta.clips ? ('listed' as const) : ('default' as const),
		of: clips.length
	};
	if (offline.bytes > KIOSK_OFFLINE_BUDGET) {
		problems.push({
			severity: 'warning',
			file,
			...locate(meta.clips ? ['kiosk', 'clips'] : ['kiosk']),
			message: `the kiosk's offline store would hold ${megabytes(offline.bytes)} (${offline.files} files of ${shown.length === 1 ? 'its only clip' : `${shown.length} clips`}), more than the ${megabytes(KIOSK_OFFLINE_BUDGET)} a tablet's browser reliably keeps: list fewer clips in "kiosk.clips", or smaller recordings`
		});
	}

	const excerpts: KioskExcerpt[] = [];
	const wanted =
		meta.excerpts ??
		// Without a choice, the first line of each clip (one without a transcript has an error).
		shown.flatMap((slug) => {
			const first = lines.firstLine(slug);
			return first === undefined ? [] : [{ clip: slug, at: first }];
		});
	wanted.forEach(({ clip: slug, at }, i) => {
		const clip = bySlug.get(slug);
		if (!clip || !shown.includes(slug)) {
			error(['excerpts', i, 'clip'], `"${slug}" is not one of the kiosk's clips`);
			return;
		}
		const excerpt = lines.lineAt(slug, at);
		if (!excerpt) {
			error(['excerpts', i, 'at'], `no line of "${slug}" is spoken at ${formatTime(at)}`);
			return;
		}
		excerpts.push({ clip: slug, witness: clip.witness, ...excerpt });
	});

	const { idleSeconds, countdownSeconds, languages, defaultLanguage } = meta;
	return {
		kiosk: {
			idleSeconds,
			countdownSeconds,
			languages,
			defaultLanguage,
			clips: shown,
			excerpts,
			offline
		},
		problems
	};
}
