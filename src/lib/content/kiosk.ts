import { activeCueIndex } from '../transcript/cues.ts';
import { formatTime } from '../transcript/time.ts';
import type { Problem } from './problems.ts';
import type { KioskMetadata } from './schema.ts';
import type { Clip, Kiosk, KioskExcerpt } from './types.ts';

type Locate = (path: (string | number)[]) => { line: number; column: number };

/**
 * Checks the `kiosk` settings of collection.json against the clips that exist. Problems point
 * at their line; what is wrong is left out, so the rest of the kiosk still works.
 */
export function resolveKiosk(
	meta: KioskMetadata,
	clips: Clip[],
	file: string,
	locate: Locate
): { kiosk: Kiosk; problems: Problem[] } {
	const problems: Problem[] = [];
	const error = (path: (string | number)[], message: string) =>
		problems.push({ severity: 'error', file, ...locate(['kiosk', ...path]), message });
	const bySlug = new Map(clips.map((clip) => [clip.slug, clip]));

	if (!meta.languages.includes(meta.defaultLanguage)) {
		error(['defaultLanguage'], `"${meta.defaultLanguage}" is not among the kiosk's languages`);
	}
	const shown: string[] = [];
	(meta.clips ?? clips.map((clip) => clip.slug)).forEach((slug, i) => {
		if (!bySlug.has(slug)) error(['clips', i], `no clip folder is named "${slug}"`);
		else if (shown.includes(slug)) error(['clips', i], `"${slug}" is listed twice`);
		else shown.push(slug);
	});

	const excerpts: KioskExcerpt[] = [];
	const wanted =
		meta.excerpts ??
		// Without a choice, the first line of each clip (one without a transcript has an error).
		shown.flatMap((slug) => {
			const first = bySlug.get(slug)!.tracks[0]?.cues[0];
			return first ? [{ clip: slug, at: first.start }] : [];
		});
	wanted.forEach(({ clip: slug, at }, i) => {
		const clip = bySlug.get(slug);
		if (!clip || !shown.includes(slug)) {
			error(['excerpts', i, 'clip'], `"${slug}" is not one of the kiosk's clips`);
			return;
		}
		// A clip whose transcript could not be read has no track (and an error of its own).
		const cues = clip.tracks[0]?.cues ?? [];
		const index = activeCueIndex(cues, at);
		const cue = cues[index];
		if (!cue || at >= cue.end) {
			error(['excerpts', i, 'at'], `no line of "${slug}" is spoken at ${formatTime(at)}`);
			return;
		}
		excerpts.push({
			clip: slug,
			witness: clip.witness,
			start: cue.start,
			end: cue.end,
			// A translation may merge cues, so take its line that covers this one's middle.
			lines: clip.tracks.flatMap((track) => {
				const line = track.cues[activeCueIndex(track.cues, (cue.start + cue.end) / 2)];
				return line && line.end > cue.start ? [{ lang: track.lang, text: line.text }] : [];
			})
		});
	});

	const { idleSeconds, countdownSeconds, languages, defaultLanguage } = meta;
	return {
		kiosk: { idleSeconds, countdownSeconds, languages, defaultLanguage, clips: shown, excerpts },
		problems
	};
}
