import { isLineButton, lineButtons, onTimeLink, type LinePosition } from './markup-dom.ts';
import type { Cue } from './types.ts';

type Span = { start: number; end: number };

export interface LineGestureOptions {
	/** Where in the list an event happened (see LineIndex), if on a line. */
	positionOf: (target: EventTarget | null) => LinePosition | undefined;
	/** The cue at a position of the list. */
	cueAt: (position: LinePosition) => Cue | undefined;
	/** Plays a line (a click or Enter on it; a click may land on a timed word). */
	play: (cue: Cue, event: MouseEvent) => void;
	/**
	 * Passage selection: drag across lines, Shift+click, Shift+arrows, or a text selection
	 * snapped to whole lines; Escape clears it. Without it (the kiosk) lines only play.
	 */
	selection?: { readonly passage: Span | undefined; select: (span: Span | undefined) => void };
}

/**
 * How far the pointer must travel for a press to become a drag. Lines can move under a still
 * pointer (a block of lines laid out as it comes into view takes its real height): that is
 * still a press on the line it began on.
 */
const DRAG_DISTANCE_PX = 4;

const spanOf = (a: Cue, b: Cue): Span => ({
	start: Math.min(a.start, b.start),
	end: Math.max(a.end, b.end)
});

/**
 * What the pointer and keys do on the transcript list, with one listener of each kind for all
 * its lines (a 3-hour interview has thousands). The handlers go on the list's scrolling box.
 */
export class LineGestures {
	#options: LineGestureOptions;
	/** The line a Shift+click or Shift+arrow extends a selection from. */
	#anchor: Cue | undefined;
	/**
	 * The press on a line, while the button is down: where it began, and whether the pointer
	 * has dragged across lines since (then the click that ends it does not play).
	 */
	#drag: { from: Cue; onLine: boolean; x: number; y: number; moved: boolean } | undefined;

	constructor(options: LineGestureOptions) {
		this.#options = options;
	}

	#cueOf(target: EventTarget | null) {
		const position = this.#options.positionOf(target);
		return position && this.#options.cueAt(position);
	}

	#select(span: Span | undefined) {
		this.#options.selection?.select(span);
	}

	click = (event: MouseEvent) => {
		// A pointer's click always follows its press in the list (a key's click has no press).
		const press = event.detail > 0 ? this.#drag : undefined;
		this.#drag = undefined;
		if (press?.moved) return;
		// Pressed on one line and released on another because the lines moved, not the pointer:
		// the browser sends the click to the list, and the pressed line is the one meant.
		const pressedLine = press?.onLine ? press.from : undefined;
		const cue = this.#cueOf(event.target) ?? pressedLine;
		if (!cue) return;
		if (onTimeLink(event.target)) {
			this.#anchor = cue;
			return;
		}
		if (!pressedLine && !(event.target as Element).closest('button.line')) return;
		if (event.shiftKey && this.#anchor && this.#options.selection) {
			this.#select(spanOf(this.#anchor, cue));
			return;
		}
		this.#anchor = cue;
		this.#select(undefined);
		this.#options.play(cue, event);
	};

	pointerdown = (event: PointerEvent) => {
		const cue = this.#cueOf(event.target);
		const onLine = !!(event.target as Element).closest('button.line');
		this.#drag =
			cue && event.button === 0 && !event.shiftKey
				? { from: cue, onLine, x: event.clientX, y: event.clientY, moved: false }
				: undefined;
	};

	pointerover = (event: PointerEvent) => {
		const cue = this.#cueOf(event.target);
		const drag = this.#drag;
		if (!this.#options.selection || !drag || !cue || (event.buttons & 1) === 0) return;
		const travelled = Math.hypot(event.clientX - drag.x, event.clientY - drag.y);
		if (cue !== drag.from && travelled >= DRAG_DISTANCE_PX) drag.moved = true;
		if (drag.moved) {
			this.#anchor = drag.from;
			this.#select(spanOf(drag.from, cue));
		}
	};

	/** The browser finishes a text selection after pointerup: look at it a moment later. */
	pointerup = (event: PointerEvent) => {
		const box = event.currentTarget as HTMLElement;
		setTimeout(() => this.#snapTextSelection(box));
	};

	keyup = (event: KeyboardEvent) => {
		if (event.shiftKey) this.#snapTextSelection(event.currentTarget as HTMLElement);
	};

	keydown = (event: KeyboardEvent) => {
		if (event.key === 'Escape' && this.#options.selection?.passage) {
			this.#select(undefined);
			return;
		}
		if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
		const target = event.target as HTMLElement;
		if (!isLineButton(target)) return;
		// Arrows move between lines, as in a list…
		const lines = lineButtons(event.currentTarget as HTMLElement);
		const next = lines[lines.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
		if (!next) return;
		event.preventDefault();
		next.focus();
		// …and Shift+arrows select lines, as in a list.
		const from = this.#cueOf(target);
		const to = this.#cueOf(next);
		if (event.shiftKey && from && to && this.#options.selection) {
			this.#anchor ??= from;
			this.#select(spanOf(this.#anchor, to));
		} else if (to) {
			this.#anchor = to;
		}
	};

	/** A text selection made inside the transcript becomes the whole lines it touches. */
	#snapTextSelection(box: HTMLElement) {
		const selection = getSelection();
		if (!this.#options.selection || !selection || selection.isCollapsed) return;
		if (selection.rangeCount === 0) return;
		const lines = lineButtons(box).filter((line) => selection.containsNode(line, true));
		const first = this.#cueOf(lines[0] ?? null);
		const last = this.#cueOf(lines.at(-1) ?? null);
		if (first && last) {
			this.#anchor = first;
			this.#select(spanOf(first, last));
		}
	}
}
