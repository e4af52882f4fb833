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
	/** Set while the pointer drags across lines, so the click that ends the drag does not play. */
	#drag: { from: Cue; moved: boolean } | undefined;

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
		const cue = this.#cueOf(event.target);
		if (!cue) return;
		if (onTimeLink(event.target)) {
			this.#anchor = cue;
			return;
		}
		if (!(event.target as Element).closest('button.line')) return;
		if (this.#drag?.moved) {
			this.#drag = undefined;
			return;
		}
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
		if (cue && event.button === 0 && !event.shiftKey) this.#drag = { from: cue, moved: false };
	};

	pointerover = (event: PointerEvent) => {
		const cue = this.#cueOf(event.target);
		const drag = this.#drag;
		if (!this.#options.selection || !drag || !cue || (event.buttons & 1) === 0) return;
		if (cue !== drag.from) drag.moved = true;
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
