import { alignCues } from './cues.ts';
import { formatFragment } from './fragment.ts';
import { formatTime } from './time.ts';
import type { Cue, CueNode } from './types.ts';

/*
 * The transcript list as HTML text. A 3-hour interview has about 10,000 lines; as markup the
 * browser's own parser builds them many times faster than a framework can hydrate them one by
 * one, and the page keeps no per-line listeners or reactive state. Untrusted text goes through
 * `escapeText` and `escapeAttribute` only, and the only tags ever produced are the fixed ones
 * below plus the WebVTT whitelist in `cueHtml`: cue text can never become live markup.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&#39;' };

export const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
export const escapeAttribute = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/** A language tag or class name we are willing to write into an attribute; anything else is dropped. */
const SAFE_LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
const SAFE_CLASS = /^[A-Za-z0-9_-]{1,40}$/;

const CUE_TAGS = { i: 'i', b: 'b', u: 'u', ruby: 'ruby', rt: 'rt', c: 'span', lang: 'span' };

/** Cue text with its WebVTT formatting, through the whitelist of tags. */
export function cueHtml(nodes: CueNode[]): string {
	let html = '';
	for (const node of nodes) {
		if (typeof node === 'string') {
			html += escapeText(node);
			continue;
		}
		const tag = CUE_TAGS[node.tag];
		if (!tag) {
			html += cueHtml(node.children);
			continue;
		}
		let attributes = '';
		const classes = (node.classes ?? []).filter((c) => SAFE_CLASS.test(c));
		if (classes.length) attributes += ` class="${classes.map((c) => `cue-${c}`).join(' ')}"`;
		if (node.lang && SAFE_LANG.test(node.lang)) attributes += ` lang="${node.lang}"`;
		html += `<${tag}${attributes}>${cueHtml(node.children)}</${tag}>`;
	}
	return html;
}

export interface LineLabels {
	/**
	 * The accessible name of a line's time link, given the time ("Link to the line at 2:03").
	 * Without it the time is plain text, not a link (the kiosk has no links to share).
	 */
	linkTo?: (time: string) => string;
}

/**
 * One line: its time link (a deep link to the cue) and the button that plays it, with the cue
 * text right in the button: two elements, so a 3-hour interview's 10,000 lines stay light. The
 * button's name begins with the time, which its `::before` says from `data-time` (generated
 * content counts in an accessible name; it is neither selected nor found, and the link shows it).
 * A line's cue index is its place among its language's lines (see markup-dom.ts); `index` is
 * written only for a line out of that order.
 */
export function lineHtml(
	cue: Cue,
	lang: string,
	showSpeaker: boolean,
	labels: LineLabels,
	index?: number
): string {
	const time = formatTime(cue.start);
	const href = escapeAttribute(formatFragment({ start: cue.start, end: cue.end, lang }));
	const safeLang = escapeAttribute(lang);
	const speaker =
		showSpeaker && cue.speaker ? `<span class="speaker">${escapeText(cue.speaker)}</span>` : '';
	const timeHtml = labels.linkTo
		? `<a class="time" href="${href}" aria-label="${escapeAttribute(labels.linkTo(time))}">${time}</a>`
		: `<span class="time" aria-hidden="true">${time}</span>`;
	return (
		timeHtml +
		`<button type="button" class="line" data-start="${cue.start}" data-end="${cue.end}"${index === undefined ? '' : ` data-index="${index}"`} lang="${safeLang}" data-time="${time}">` +
		`${speaker}${cueHtml(cue.nodes)}</button>`
	);
}

const speakerChanged = (cues: Cue[], i: number) => cues[i]!.speaker !== cues[i - 1]?.speaker;

/**
 * Lines are grouped in blocks of this many, and the page lets the browser skip the layout and
 * painting of blocks out of view (`content-visibility`). Per block rather than per line: the
 * browser tracks the visibility of each such element on every frame.
 */
export const LINES_PER_BLOCK = 50;

/** One item of the list, with the texts it shows (for the block's size estimate). */
interface Item {
	html: string;
	texts: string[];
}

/**
 * A generous height for a block not yet drawn, in rem: text wrapped at about 24 characters, as
 * on the narrowest phone. Too tall is harmless (the block shrinks when drawn, and scroll
 * anchoring keeps the reader's place); too short would let its lines, when measured before
 * being drawn, spill over the next block's.
 */
export function estimatedHeight(items: Item[]): number {
	let rem = 0;
	for (const item of items) {
		for (const text of item.texts) rem += 2.5 + 1.75 * Math.ceil((text.length + 1) / 24);
	}
	return Math.ceil(rem);
}

function inBlocks(items: Item[]): string {
	let html = '';
	for (let i = 0; i < items.length; i += LINES_PER_BLOCK) {
		const block = items.slice(i, i + LINES_PER_BLOCK);
		const style = `contain-intrinsic-size:auto ${estimatedHeight(block)}rem`;
		html += `<div class="block" style="${style}">${block.map((item) => item.html).join('')}</div>`;
	}
	return html;
}

/**
 * The items of a transcript in one language, for a `role="list"` container. (ARIA list roles
 * rather than `<ol>`, so that the blocks may sit between the list and its items.)
 */
export function listHtml(cues: Cue[], lang: string, labels: LineLabels): string {
	return inBlocks(
		cues.map((cue, i) => ({
			html: `<div role="listitem" class="entry">${lineHtml(cue, lang, speakerChanged(cues, i), labels)}</div>`,
			texts: [cue.text]
		}))
	);
}

export interface Transcript {
	lang: string;
	cues: Cue[];
}

/**
 * The parallel view: each original line, then the translation lines that overlap it in time
 * (see alignCues), so differently segmented translations still line up. Each line is an item
 * of its own (three elements, as in one language); the page's grid sets them side by side.
 */
export function parallelHtml(original: Transcript, translation: Transcript, labels: LineLabels) {
	const entry = (
		cues: Cue[],
		index: number,
		lang: string,
		attributes: string,
		outOfOrder = false
	) =>
		`<div role="listitem" ${attributes}>${lineHtml(cues[index]!, lang, speakerChanged(cues, index), labels, outOfOrder ? index : undefined)}</div>`;
	// Translation cues that overlap each other may come out of their own order (see alignCues).
	let nextTranslation = 0;
	const translationEntry = (t: number) => {
		const outOfOrder = t !== nextTranslation;
		nextTranslation = t + 1;
		return entry(translation.cues, t, translation.lang, 'class="entry translation"', outOfOrder);
	};
	return inBlocks(
		alignCues(original.cues, translation.cues).map((row) => {
			// The original's entry spans the grid rows of its translation's lines (see TranscriptList).
			const rows = row.translation.length;
			const span = rows > 1 ? ` style="--rows:${rows}"` : '';
			return {
				html:
					entry(original.cues, row.original, original.lang, `class="entry"${span}`) +
					row.translation.map(translationEntry).join(''),
				texts: [
					original.cues[row.original]!.text,
					...row.translation.map((t) => translation.cues[t]!.text)
				]
			};
		})
	);
}
