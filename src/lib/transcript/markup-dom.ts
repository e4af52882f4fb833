/*
 * Reading and marking the transcript list that markup.ts writes, in the page. A line is its
 * button (`button[data-start]`, with its language in `lang`); its cue index is its place among
 * the lines of its language, in document order: one more than the line of its language before
 * it, unless it says otherwise (`data-index`, on a line out of that order). A 3-hour interview has 10,000 lines: every attribute a line does not need
 * is bytes to send and parse. This file and markup.ts change together.
 */

import type { MarkupLine } from './outline.ts';
import type { CueNode } from './types.ts';

/** Where a line sits: its track's language and its cue index. */
export interface LinePosition {
	lang: string;
	index: number;
}

const LINE = 'button[data-start]';

/** A line's entry (its time and button together), which carries the find and passage marks. */
const ENTRY = '[role="listitem"]';

/** A line's cue index, given the index of the line of its language before it (-1 for none). */
function indexAfter(button: Element, previous: number): number {
	const written = button.getAttribute('data-index');
	return written === null ? previous + 1 : Number(written);
}

/** The line buttons of a rendered list, by position, and the position of each. */
export class LineIndex {
	readonly #byLang = new Map<string, HTMLElement[]>();
	readonly #positions = new Map<Element, LinePosition>();

	constructor(container: ParentNode | undefined) {
		const previous = new Map<string, number>();
		for (const button of container?.querySelectorAll<HTMLElement>(LINE) ?? []) {
			const lang = button.getAttribute('lang') ?? '';
			const index = indexAfter(button, previous.get(lang) ?? -1);
			previous.set(lang, index);
			let list = this.#byLang.get(lang);
			if (!list) this.#byLang.set(lang, (list = []));
			this.#positions.set(button, { lang, index });
			list[index] = button;
		}
	}

	at(position: LinePosition): HTMLElement | undefined {
		return this.#byLang.get(position.lang)?.[position.index];
	}

	/** The line an event happened on: on its button, inside it, or on its time link. */
	positionOf(target: EventTarget | null): LinePosition | undefined {
		const entry = (target as Element | null)?.closest?.(ENTRY);
		const line = entry?.querySelector(LINE);
		return line ? this.#positions.get(line) : undefined;
	}
}

/** Every line button, in reading order. */
export function lineButtons(container: ParentNode): HTMLElement[] {
	return [...container.querySelectorAll<HTMLElement>(LINE)];
}

export function isLineButton(element: Element): element is HTMLElement {
	return element.matches(LINE);
}

/** Whether the event happened on a line's time link (rather than on the line itself). */
export const onTimeLink = (target: EventTarget | null) =>
	!!(target as Element | null)?.closest?.('a.time');

/**
 * Sets an attribute on some elements; returns the function that removes it again. Marks are put
 * on and taken off only where they change: a 3-hour transcript has 10,000 lines.
 */
export function markAttribute(elements: readonly Element[], name: string, value = 'true') {
	for (const element of elements) element.setAttribute(name, value);
	return () => {
		for (const element of elements) element.removeAttribute(name);
	};
}

/** Adds a class to some elements; returns the function that removes it again. */
export function markClass(elements: readonly Element[], name: string) {
	for (const element of elements) element.classList.add(name);
	return () => {
		for (const element of elements) element.classList.remove(name);
	};
}

/** The entry of a line (its button), which carries the find and passage marks. */
export const entryOf = (line: HTMLElement) => line.parentElement;

/**
 * The text nodes of a line's words, in order: the button's text without its speaker (time is
 * generated content, not text). Word offsets count from the first of them.
 */
function wordNodes(line: Element): Text[] {
	const walker = document.createTreeWalker(line, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.nodeType === Node.TEXT_NODE
				? NodeFilter.FILTER_ACCEPT
				: (node as Element).classList.contains('speaker')
					? NodeFilter.FILTER_REJECT
					: NodeFilter.FILTER_SKIP
	});
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	return nodes;
}

/** A line's words as text (without its time or speaker). */
export const wordsText = (line: Element) =>
	wordNodes(line)
		.map((node) => node.data)
		.join('');

/** A range over characters [start, end) of a line's words, across their formatting tags. */
export function textRange(line: Element, start: number, end: number): Range | undefined {
	const range = document.createRange();
	let seen = 0;
	let started = false;
	for (const node of wordNodes(line)) {
		const length = node.data.length;
		if (!started && start <= seen + length) {
			range.setStart(node, start - seen);
			started = true;
		}
		if (started && end <= seen + length) {
			range.setEnd(node, end - seen);
			return range;
		}
		seen += length;
	}
	return undefined;
}

/** The character of a line's words under a point on the screen (a click), if any. */
export function textOffsetAt(line: Element, x: number, y: number): number | undefined {
	// caretPositionFromPoint is the standard (Firefox, Chromium 128+); WebKit has the older one.
	const position = document.caretPositionFromPoint?.(x, y);
	const node = position
		? position.offsetNode
		: document.caretRangeFromPoint?.(x, y)?.startContainer;
	const offset = position ? position.offset : document.caretRangeFromPoint?.(x, y)?.startOffset;
	if (!node || offset === undefined) return undefined;
	let seen = 0;
	for (const text of wordNodes(line)) {
		if (text === node) return seen + offset;
		seen += text.data.length;
	}
	return undefined;
}

// —— Reading the cues back from the markup (the page's data does not repeat them) ——

/** Cue formatting back from the elements markup.ts wrote for it (see cueHtml). */
function nodesOf(parent: Node): CueNode[] {
	const nodes: CueNode[] = [];
	for (const child of parent.childNodes) {
		if (child.nodeType === Node.TEXT_NODE) {
			nodes.push((child as Text).data);
			continue;
		}
		if (!(child instanceof Element) || child.classList.contains('speaker')) continue;
		const tag = child.localName;
		const children = nodesOf(child);
		if (tag === 'i' || tag === 'b' || tag === 'u' || tag === 'ruby' || tag === 'rt') {
			nodes.push({ tag, children });
			continue;
		}
		const classes = [...child.classList]
			.filter((c) => c.startsWith('cue-'))
			.map((c) => c.slice('cue-'.length));
		const lang = child.getAttribute('lang');
		nodes.push(lang ? { tag: 'lang', lang, classes, children } : { tag: 'c', classes, children });
	}
	return nodes;
}

/** The server's markup of a clip's transcript (the list marked `data-clip`), if the page shows it. */
export const clipList = (document: Document, clip: string) =>
	[...document.querySelectorAll<HTMLElement>('[data-clip]')].find(
		(element) => element.dataset.clip === clip
	);

/**
 * The lines of one language in the server's markup of a clip's transcript (the list marked
 * `data-clip`), by cue index; undefined when the page does not show that clip's list.
 */
export function readLines(
	document: Document,
	clip: string,
	lang: string
): (MarkupLine | undefined)[] | undefined {
	const list = clipList(document, clip);
	if (!list) return undefined;
	const lines: (MarkupLine | undefined)[] = [];
	let index = -1;
	for (const button of list.querySelectorAll<HTMLElement>(LINE)) {
		if (button.getAttribute('lang') !== lang) continue;
		index = indexAfter(button, index);
		let nodes: CueNode[] | undefined;
		lines[index] = {
			start: Number(button.getAttribute('data-start')),
			end: Number(button.getAttribute('data-end')),
			// Read when first asked for (see trackFromOutline); the button keeps its text even
			// once a new list replaces it.
			get nodes() {
				return (nodes ??= nodesOf(button));
			}
		};
	}
	return lines;
}
