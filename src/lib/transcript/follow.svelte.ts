const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

/**
 * Keeps the spoken line in the middle of the transcript's scrolling box, until the reader
 * scrolls by hand (wheel, touch, keys, the scroll bar) or looks at a find match; then the
 * "Back to current line" button offers to follow again, rather than fight the reader.
 */
export class FollowScroll {
	#following = $state(true);
	#box: HTMLElement | undefined;
	#line: HTMLElement | undefined;
	/** The frame at which the spoken line is centred (see `spoken`). */
	#frame = 0;

	get following() {
		return this.#following;
	}

	/** Attaches to the scrolling box: `{@attach follow.attach}`. */
	attach = (box: HTMLElement) => {
		this.#box = box;
		const stop = () => this.stop();
		// A press on the box itself (not a line in it) is a press on its scroll bar.
		const pointerdown = (event: PointerEvent) => event.target === box && this.stop();
		const keydown = (event: KeyboardEvent) => NAVIGATION_KEYS.has(event.key) && this.stop();
		box.addEventListener('wheel', stop, { passive: true });
		box.addEventListener('touchmove', stop, { passive: true });
		box.addEventListener('pointerdown', pointerdown);
		box.addEventListener('keydown', keydown);
		return () => {
			cancelAnimationFrame(this.#frame);
			box.removeEventListener('wheel', stop);
			box.removeEventListener('touchmove', stop);
			box.removeEventListener('pointerdown', pointerdown);
			box.removeEventListener('keydown', keydown);
			this.#box = undefined;
		};
	};

	/**
	 * The spoken line is now `line` (after the DOM has changed): follow it, if following, at the
	 * next frame. Measuring it here would lay the page out in the middle of the change of line
	 * (the highlight, the captions and the waveform change in the same task), then again for the
	 * frame: on a long transcript that is milliseconds before the new line reaches the screen.
	 */
	spoken(line: HTMLElement | undefined): void {
		this.#line = line;
		cancelAnimationFrame(this.#frame);
		this.#frame = requestAnimationFrame(() => {
			if (this.#following) this.#centre(this.#line, reducedMotion() ? 'auto' : 'smooth');
		});
	}

	stop(): void {
		this.#following = false;
	}

	/** Follows again, from the spoken line, which takes the focus. */
	resume(): void {
		cancelAnimationFrame(this.#frame);
		this.#following = true;
		this.#centre(this.#line, 'auto');
		this.#line?.focus({ preventScroll: true });
	}

	/** Shows a line the reader asked for (a find match): following stops, and says so. */
	reveal(line: HTMLElement): void {
		this.stop();
		this.#centre(line, reducedMotion() ? 'auto' : 'smooth');
	}

	#centre(line: HTMLElement | undefined, behavior: ScrollBehavior) {
		const box = this.#box;
		if (!box || !line) return;
		// From the boxes, not offsetTop, which depends on which ancestor is positioned.
		const offset = () => {
			const rect = line.getBoundingClientRect();
			const top = rect.top - box.getBoundingClientRect().top + box.scrollTop;
			return Math.max(0, top - box.clientHeight / 2 + rect.height / 2);
		};
		const top = offset();
		// A jump (a seek, a far match) goes there at once: scrolling smoothly past hours of lines
		// would lay out every block on the way (content-visibility), in the frames where the
		// next line's highlight is due.
		if (Math.abs(top - box.scrollTop) > 2 * box.clientHeight) behavior = 'auto';
		box.scrollTo({ top, behavior });
		// Layout can move under a smooth scroll (a font arriving, the window resized): once the
		// scroll is over, aim again at the line's real position, if it is still the one to show.
		const settle = () => {
			const stillWanted = line === this.#line ? this.#following : !this.#following;
			if (stillWanted && Math.abs(box.scrollTop - offset()) > 24) {
				box.scrollTo({ top: offset(), behavior: 'auto' });
			}
		};
		if (behavior === 'smooth' && 'onscrollend' in box) {
			box.addEventListener('scrollend', settle, { once: true });
		} else {
			requestAnimationFrame(() => requestAnimationFrame(settle));
		}
	}
}
