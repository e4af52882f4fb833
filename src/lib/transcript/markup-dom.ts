/*
 * Reading and marking the transcript list that markup.ts writes, in the page. Lines are found
 * by the attributes markup.ts gives them (`data-lang`, `data-index` on each line's button and
 * time link), so this file and that one change together.
 */

/** Where a line sits: its track's language and its cue index. */
export interface LinePosition {
	lang: string;
	index: number;
}

/** The line buttons of a rendered list, by language then cue index. */
export type LineIndex = Map<string, HTMLElement[]>;

const LINE = 'button[data-start]';

export function indexLines(container: ParentNode | undefined): LineIndex {
	const byLang: LineIndex = new Map();
	for (const button of container?.querySelectorAll<HTMLElement>(LINE) ?? []) {
		const lang = button.dataset.lang ?? '';
		let list = byLang.get(lang);
		if (!list) byLang.set(lang, (list = []));
		list[Number(button.dataset.index)] = button;
	}
	return byLang;
}

export function lineAt(lines: LineIndex, position: LinePosition): HTMLElement | undefined {
	return lines.get(position.lang)?.[position.index];
}

/** Every line button, in reading order. */
export function lineButtons(container: ParentNode): HTMLElement[] {
	return [...container.querySelectorAll<HTMLElement>(LINE)];
}

export function isLineButton(element: Element): element is HTMLElement {
	return element.matches(LINE);
}

/** The line an event happened on: on its button, inside it, or on its time link. */
export function positionOf(target: EventTarget | null): LinePosition | undefined {
	const element = (target as Element | null)?.closest?.<HTMLElement>('[data-index]');
	if (!element) return undefined;
	return { lang: element.dataset.lang ?? '', index: Number(element.dataset.index) };
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

/** A line's entry (its time and button together), which carries the find and passage marks. */
export const entryOf = (line: HTMLElement) => line.parentElement;

/** The element holding a line's words (without its time or speaker). */
export const textOf = (line: HTMLElement) => line.querySelector<HTMLElement>('.text');

/** A range over characters [start, end) of an element's text, across its formatting tags. */
export function textRange(element: Element, start: number, end: number): Range | undefined {
	const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	let seen = 0;
	let started = false;
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const length = node.nodeValue?.length ?? 0;
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

/** The character of an element's text under a point on the screen (a click), if any. */
export function textOffsetAt(element: Element, x: number, y: number): number | undefined {
	// caretPositionFromPoint is the standard (Firefox, Chromium 128+); WebKit has the older one.
	const position = document.caretPositionFromPoint?.(x, y);
	const node = position
		? position.offsetNode
		: document.caretRangeFromPoint?.(x, y)?.startContainer;
	const offset = position ? position.offset : document.caretRangeFromPoint?.(x, y)?.startOffset;
	if (!node || offset === undefined || !element.contains(node)) return undefined;
	const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
	let seen = 0;
	for (let text = walker.nextNode(); text; text = walker.nextNode()) {
		if (text === node) return seen + offset;
		seen += text.nodeValue?.length ?? 0;
	}
	return undefined;
}
