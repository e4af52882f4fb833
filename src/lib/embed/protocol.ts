/*
 * The embedded player's postMessage API: the only way a host page can act on the player in its
 * frame. Commands are checked here and anything else is ignored; the player never evaluates,
 * navigates to or stores what a host sends. See the README's "Embedding a recording".
 */

import { quoteAuthor } from '../transcript/citation.ts';

/** Every message, both ways, carries this, so the player and host ignore others' messages. */
export const PROTOCOL = 'testimony-player';

/** What a host page may ask of the player. */
export type EmbedCommand =
	{ command: 'play' } | { command: 'pause' } | { command: 'seek'; time: number };

/** A cue as events describe it: plain text, times in seconds. */
export interface EventCue {
	start: number;
	end: number;
	text: string;
	lang: string;
}

/** What the player tells its host page. */
export type EmbedEvent =
	| { event: 'ready'; duration: number }
	| { event: 'play' | 'pause'; currentTime: number }
	| { event: 'timeupdate'; currentTime: number; duration: number; paused: boolean }
	| { event: 'cuechange'; cue: EventCue | null }
	| { event: 'resize'; height: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The command a message holds, or undefined for anything that is not exactly one of ours: a
 * message of another protocol, an unknown command, a `seek` without a finite time ≥ 0.
 */
export function parseCommand(data: unknown): EmbedCommand | undefined {
	if (!isRecord(data) || data.protocol !== PROTOCOL) return undefined;
	switch (data.command) {
		case 'play':
		case 'pause':
			return { command: data.command };
		case 'seek': {
			const time = data.time;
			if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) return undefined;
			return { command: 'seek', time };
		}
		default:
			return undefined;
	}
}

/** An event as posted to the host. */
export function eventMessage(event: EmbedEvent): EmbedEvent & { protocol: typeof PROTOCOL } {
	return { protocol: PROTOCOL, ...event };
}

/** Text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('"', '&quot;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;');
}

/** The size an embed starts with, before it reports its own (about what it needs). */
export const EMBED_HEIGHT = 560;
export const EMBED_WIDTH = 720;
/** Below this height the player and a few lines no longer fit: a narrow frame keeps it. */
export const EMBED_MIN_HEIGHT = 500;

/**
 * The `<iframe>` a host page pastes: `src` absolute, `title` names it for screen readers. Its
 * `width` and `height` are the size oEmbed announces; in the page it takes the column's width
 * up to that, keeping its aspect (`aspect-ratio`), but never shorter than the player needs.
 */
export function iframeCode(src: string, title: string, height = EMBED_HEIGHT): string {
	return (
		`<iframe src="${attribute(src)}" title="${attribute(title)}" width="${EMBED_WIDTH}" ` +
		`height="${height}" style="border: 0; width: 100%; max-width: ${EMBED_WIDTH}px; ` +
		`height: auto; aspect-ratio: ${EMBED_WIDTH} / ${height}; min-height: ${EMBED_MIN_HEIGHT}px" ` +
		`allow="autoplay; clipboard-write" loading="lazy"></iframe>`
	);
}

/** An oEmbed 1.0 response of type `rich` (https://oembed.com/#section2.3). */
export interface OEmbed {
	version: '1.0';
	type: 'rich';
	title: string;
	author_name: string;
	provider_name: string;
	provider_url: string;
	html: string;
	width: number;
	height: number;
}

/**
 * The response, in English. Its author is the one a citation names (quoteAuthor): the witness
 * of a recording, but the edition's narrator of a synthesized narration, whose subject the
 * witness is.
 */
export function oembed(details: {
	title: string;
	witness: string;
	synthesized: boolean;
	site: string;
	siteUrl: string;
	embedUrl: string;
	frameTitle: string;
}): OEmbed {
	const author = quoteAuthor(
		{
			witness: details.witness,
			title: details.title,
			collection: details.site,
			credit: '',
			url: details.embedUrl,
			accessed: new Date(0),
			locale: 'en',
			synthesized: details.synthesized
		},
		[]
	);
	return {
		version: '1.0',
		type: 'rich',
		title: details.title,
		author_name: author,
		provider_name: details.site,
		provider_url: details.siteUrl,
		html: iframeCode(details.embedUrl, details.frameTitle),
		width: EMBED_WIDTH,
		height: EMBED_HEIGHT
	};
}
