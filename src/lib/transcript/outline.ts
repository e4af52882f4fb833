import type { Track } from '../content/types.ts';
import type { Cue, CueNode, WordTiming } from './types.ts';

/*
 * A track whose lines are in the page's markup travels to the browser without its text: the
 * browser reads the text and the times from the markup (markup-dom.ts) and gets only what the
 * markup does not say, here, in a compact form. A 3-hour interview's cue text then appears in
 * the page once, not three times (markup, plain text, formatted nodes).
 */

/** What a track's markup does not say: speakers where they change, and word timings. */
export interface TrackOutline {
	/** Number of cues: the markup must show exactly these. */
	count: number;
	/** `[cue index, speaker]` where the speaker changes; `''` for no speaker. */
	speakers: [number, string][];
	/**
	 * Word timings, flat: for each cue with timings, its index, its number of words after the
	 * first (which begins with the cue), then each of those words' character offset and its
	 * start in milliseconds after the cue's.
	 */
	words: number[];
}

/**
 * A track outlined for the page's data: with its lines when the page does not show them as
 * markup (times flat, `[start, end, …]`; text once, as formatted nodes), else without.
 */
export type OutlinedTrack = Omit<Track, 'cues'> & {
	outline: TrackOutline;
	lines?: { times: number[]; nodes: CueNode[][] };
	/** Its words and lines are in outline.json, not here (see setDetailsApart). */
	detailsApart?: true;
};

/** A track as the clip page's data carries it. */
export type PageTrack = Track | OutlinedTrack;

/**
 * The bulky parts of a track's outline: its word timings, and its lines when the page does
 * not show them as markup. For a long interview (a 3-hour one's are about 600 KB) the page's
 * data leaves them to a file of their own (`outline.json`), which the browser fetches as it
 * starts: a phone then paints the transcript without first downloading data the first paint
 * does not use.
 */
export interface OutlineDetails {
	words: number[];
	lines?: OutlinedTrack['lines'];
}

/** Details smaller than this (characters of JSON, for the whole clip) stay in the page's data: a fetch would cost more than they do. */
export const DETAILS_APART_ABOVE = 20_000;

/** Tracks for the page's data without their details (`detailsApart` says so), and those details. */
export function setDetailsApart(tracks: readonly OutlinedTrack[]): {
	tracks: OutlinedTrack[];
	details: OutlineDetails[];
} {
	const details = tracks.map(({ outline, lines }) => ({ words: outline.words, lines }));
	if (JSON.stringify(details).length <= DETAILS_APART_ABOVE)
		return { tracks: [...tracks], details };
	return {
		tracks: tracks.map(({ lines: _, ...track }) => ({
			...track,
			outline: { ...track.outline, words: [] },
			detailsApart: true
		})),
		details
	};
}

/** A track of the page's data with its details again (those of outline.json, by track). */
export function withDetails(
	track: OutlinedTrack,
	details: OutlineDetails | undefined
): OutlinedTrack {
	if (!track.detailsApart) return track;
	if (!details) throw new Error(`${track.file}: outline.json has no details for this track`);
	const { detailsApart: _, ...rest } = track;
	return {
		...rest,
		outline: { ...track.outline, words: details.words },
		...(details.lines ? { lines: details.lines } : {})
	};
}

/**
 * Times, text and formatting of one cue, as read back from its line in the markup (its
 * `nodes` may be read only when asked for: see readLines).
 */
export interface MarkupLine {
	start: number;
	end: number;
	nodes: CueNode[];
}

/** The track for the page's data; with its lines unless the page shows them as markup. */
export function outlineTrack(track: Track, inMarkup: boolean): OutlinedTrack {
	const { cues, ...rest } = track;
	const speakers: [number, string][] = [];
	const words: number[] = [];
	cues.forEach((cue, index) => {
		const speaker = cue.speaker ?? '';
		if (speaker !== (cues[index - 1]?.speaker ?? '')) speakers.push([index, speaker]);
		if (!cue.words) return;
		words.push(index, cue.words.length - 1);
		for (const word of cue.words.slice(1)) {
			words.push(word.offset, Math.round((word.time - cue.start) * 1000));
		}
	});
	const outlined: OutlinedTrack = { ...rest, outline: { count: cues.length, speakers, words } };
	if (!inMarkup) {
		outlined.lines = {
			times: cues.flatMap((cue) => [cue.start, cue.end]),
			nodes: cues.map((cue) => cue.nodes)
		};
	}
	return outlined;
}

/**
 * The tracks the prerendered clip page shows as markup (pages are prerendered in English: the
 * original, beside its English translation if it has one). Their text is in the page already,
 * so the data leaves it out; a wrong guess costs a fetch, not a wrong page.
 */
const inPageMarkup = (lang: string, index: number) => index === 0 || lang === 'en';

/**
 * Lines of markup past which a clip page is a long interview's (about 40 minutes of speech):
 * the browser then parses its HTML for longer than its scripts take to arrive, and preloading
 * them only competes with the first paint (see src/hooks.server.ts).
 */
const LONG_PAGE_LINES = 1000;

/** Whether the prerendered clip page shows more lines as markup than LONG_PAGE_LINES. */
export const isLongPage = (tracks: readonly Pick<Track, 'lang' | 'cues'>[]) =>
	tracks.reduce(
		(lines, track, i) => lines + (inPageMarkup(track.lang, i) ? track.cues.length : 0),
		0
	) > LONG_PAGE_LINES;

/** A clip's tracks outlined for its page: the page's data, and the details apart from it. */
export const outlineForPage = (tracks: readonly Track[]) =>
	setDetailsApart(tracks.map((track, i) => outlineTrack(track, inPageMarkup(track.lang, i))));

export function nodesToText(nodes: readonly CueNode[]): string {
	return nodes.map((n) => (typeof n === 'string' ? n : nodesToText(n.children))).join('');
}

/**
 * The track again, from its outline and its lines as the markup shows them (index for index).
 * Throws, naming the track, when the markup does not hold the outline's lines.
 */
export function trackFromOutline(
	track: OutlinedTrack,
	lines: readonly (MarkupLine | undefined)[] = linesOf(track)
): Track {
	if (track.detailsApart) throw new Error(`${track.file}: its details (outline.json) are missing`);
	const { outline, lines: _, detailsApart: __, ...rest } = track;
	if (lines.length !== outline.count || lines.includes(undefined)) {
		throw new Error(
			`${track.file}: the page shows ${lines.filter(Boolean).length} of its ${outline.count} lines`
		);
	}
	const cues: Cue[] = (lines as MarkupLine[]).map(cueOfLine);
	let speaker = '';
	let next = 0;
	cues.forEach((cue, index) => {
		if (outline.speakers[next]?.[0] === index) speaker = outline.speakers[next++]![1];
		if (speaker) cue.speaker = speaker;
	});
	for (let i = 0; i < outline.words.length;) {
		const cue = cues[outline.words[i++]!]!;
		const count = outline.words[i++]!;
		const words: WordTiming[] = [{ offset: 0, time: cue.start }];
		for (let w = 0; w < count; w++, i += 2) {
			words.push({ offset: outline.words[i]!, time: cue.start + outline.words[i + 1]! / 1000 });
		}
		cue.words = words;
	}
	return { ...rest, cues };
}

/**
 * A cue from its line. Its text and formatting are read when first asked for: the page needs
 * every cue's times as it starts, but the text of only the few it shows or finds (the markup
 * shows the rest), and a 3-hour interview has 10,000 lines to read.
 */
function cueOfLine(line: MarkupLine): Cue {
	let text: string | undefined;
	return {
		id: '',
		start: line.start,
		end: line.end,
		line: 0,
		get nodes() {
			return line.nodes;
		},
		get text() {
			return (text ??= nodesToText(line.nodes).trim());
		}
	};
}

/** The lines an outlined track carries itself (none when the page shows them as markup). */
function linesOf(track: OutlinedTrack): MarkupLine[] {
	const { times, nodes } = track.lines ?? { times: [], nodes: [] };
	return nodes.map((line, i) => ({ start: times[2 * i]!, end: times[2 * i + 1]!, nodes: line }));
}

export const isOutlined = (track: PageTrack): track is OutlinedTrack => 'outline' in track;
