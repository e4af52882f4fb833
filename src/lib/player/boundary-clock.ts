import { nextStartAfter } from '../transcript/cues.ts';

/** Only arm a precise timer this close to a boundary; animation frames cover the rest. */
const TIMER_HORIZON = 0.05;
/**
 * How early the published time may move onto a boundary. Timers on a busy page fire up to
 * several milliseconds late, never early; aiming a little ahead centres the change on the
 * boundary, and 4 ms ahead of the voice is far below what anyone can perceive (lip-sync
 * tolerance is ~20 ms).
 */
export const EARLY_MARGIN = 0.004;
/** The timer aims this far before the boundary. */
export const TIMER_LEAD_MS = 3;
/** A larger move of the reported time than this (× rate) is a seek or a hiccup, not one step. */
const MAX_STEP = 0.1;
/** Two reads at least this far apart (ms) giving the same time, while playing, are a repeat. */
const REPEAT_GAP_MS = 4;
/**
 * A clock is coarse when its steps come after repeats more often than not: each step after a
 * repeat counts one up, each without one down, and this count makes it coarse. A smooth clock
 * (Chromium's) repeats only at a hiccup, then moves at every read and counts back down.
 */
const COARSE_AFTER_STEPS = 3;
const COARSE_COUNT_MAX = 6;
// HTMLMediaElement.HAVE_FUTURE_DATA: below it a still clock is waiting for data, not coarse.
const HAVE_FUTURE_DATA = 3;

/**
 * How long (wall ms) a step's reading keeps informing the estimate. It must span a whole cycle
 * of a clock whose steps come late by a varying amount (Firefox with a sound output: 75 ms
 * steps, 0–40 ms late, in a cycle of about 0.6 s), and be short enough that a drift between
 * the audio clock and the wall clock cannot build up (0.1% is 1 ms a second).
 */
const STEP_MEMORY_MS = 1000;

/**
 * The media clock between the steps of a coarse `currentTime`. Firefox advances it in steps: of
 * about 40 ms with no sound output, and of about 75 ms, reported up to 40 ms late and by varying
 * amounts, with one. Reading it more often cannot beat that. Once the clock is seen to stand
 * still between reads before most of its steps, each reading is extended: every step, as first
 * read, says the audio was at least there then, and has moved on at the playback rate since;
 * the estimate is the highest of these over the last second (the step reported least late),
 * never more than one step ahead of what is reported. A clock that never stands still
 * (Chromium's) is returned exactly as read.
 */
export class SteppedClock {
	/** The time last read, and when (wall ms). */
	#reported = NaN;
	#readAt = 0;
	/**
	 * For each step read within STEP_MEMORY_MS while the clock is coarse: when it was read, and
	 * its time minus that ×rate. (A smooth clock steps at every read: nothing is kept for it.)
	 */
	#steps: { readAt: number; offset: number }[] = [];
	/** The clock has moved since the last reset. */
	#moved = false;
	/** The size of one step (media seconds); 0 until one is seen. */
	#step = 0;
	/** A repeat was read since the last step. */
	#repeated = false;
	/** Steps after a repeat minus steps without one, within 0 and COARSE_COUNT_MAX. */
	#repeatedSteps = 0;

	/** Whether the clock moves in steps: its steps come after repeats more often than not. */
	get coarse(): boolean {
		return this.#repeatedSteps >= COARSE_AFTER_STEPS;
	}
	/** One step of the clock, in media seconds (0 until seen). */
	get step(): number {
		return this.#step;
	}

	/** Forget where the clock stepped: after a seek, a rate change, a pause or a play. */
	reset(): void {
		this.#reported = NaN;
		this.#moved = false;
		this.#steps = [];
	}

	/**
	 * The best estimate of the media time, from `reported` (currentTime) read at `now` (wall ms)
	 * at `rate`; `flowing` says the element plays with data, so its clock should be moving.
	 */
	read(reported: number, rate: number, now: number, flowing: boolean): number {
		if (!flowing || !(rate > 0)) {
			this.reset();
			return reported;
		}
		const previous = this.#reported;
		if (reported !== previous) {
			const moved = reported - previous;
			if (moved > 0 && moved <= MAX_STEP * rate) {
				const count = this.#repeatedSteps + (this.#repeated ? 1 : -1);
				this.#repeatedSteps = Math.min(COARSE_COUNT_MAX, Math.max(0, count));
				// Read within one step of the last read: the move is exactly one step.
				if (((now - this.#readAt) / 1000) * rate < moved) this.#step = moved;
				this.#moved = true;
				// One step, as first seen (the first read after a reset, a seek or a jump is not:
				// a clock held still, as at the start of playback, would read as moving).
				if (this.coarse) this.#steps.push({ readAt: now, offset: reported - (now / 1000) * rate });
			} else {
				this.#moved = false;
				this.#steps = [];
			}
			this.#repeated = false;
		} else if (now - this.#readAt >= REPEAT_GAP_MS && this.#moved) {
			// Still, after having moved since the last reset (a clock held at the start of
			// playback, as Chromium's is until audio comes out, does not count).
			this.#repeated = true;
		}
		this.#reported = reported;
		this.#readAt = now;
		while (this.#steps.length > 0 && now - this.#steps[0]!.readAt > STEP_MEMORY_MS) {
			this.#steps.shift();
		}
		if (!this.coarse || this.#steps.length === 0) return reported;
		let offset = -Infinity;
		for (const step of this.#steps) offset = Math.max(offset, step.offset);
		const estimate = offset + (now / 1000) * rate;
		return Math.min(Math.max(estimate, reported), reported + this.#step);
	}
}

/** What the clock needs of the media element. */
export interface ClockMedia extends EventTarget {
	readonly currentTime: number;
	readonly playbackRate: number;
	readonly paused: boolean;
	readonly duration: number;
	/** HAVE_FUTURE_DATA (3) or more: the clock should move while playing. */
	readonly readyState?: number;
	addTextTrack?(kind: 'metadata', label: string): TextTrack;
}

/**
 * The published playback time: while the media plays it follows the audio every animation
 * frame, and it moves onto each boundary (a cue start) the moment the audio reaches it, so the
 * highlight changes with the voice rather than up to a frame later. Three mechanisms, each
 * covering the others' gaps: the frame loop; a timer armed just before the next boundary, aimed
 * early by a small lead and snapping onto the boundary; and a hidden metadata track whose
 * `cuechange` the browser fires within about a millisecond of each boundary, even when timers
 * run late.
 */
export class BoundaryClock {
	#publish: (time: number) => void;
	#onFrame: (time: number) => void;
	#media: ClockMedia | undefined;
	#time = 0;
	#running = false;
	/** Sorted, distinct cue starts of every shown track: the moments the highlight may change. */
	#boundaries: number[] = [];
	#frame = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#timerTarget: number | undefined;
	#track: TextTrack | undefined;
	#stepped = new SteppedClock();

	/**
	 * `publish` receives every new time; `onFrame` runs after each frame's time is published
	 * (to end a range playback there, say).
	 */
	constructor(publish: (time: number) => void, onFrame: (time: number) => void = () => {}) {
		this.#publish = publish;
		this.#onFrame = onFrame;
	}

	/** The time last published. */
	get time(): number {
		return this.#time;
	}

	/** Follows `media` (once it plays); returns the function that lets it go. */
	attach(media: ClockMedia): () => void {
		this.#media = media;
		this.#syncTrack();
		media.addEventListener('ratechange', this.#retime);
		return () => {
			media.removeEventListener('ratechange', this.#retime);
			this.stop();
			if (this.#track) {
				for (const cue of [...(this.#track.cues ?? [])]) this.#track.removeCue(cue);
				this.#track.oncuechange = null;
			}
			this.#track = undefined;
			this.#media = undefined;
		};
	}

	/** Cue starts at which the highlight changes; the timer and the track aim at these. */
	setBoundaries(starts: readonly number[]): void {
		this.#boundaries = [...starts].sort((a, b) => a - b).filter((t, i, all) => t !== all[i - 1]);
		this.#cancelTimer();
		this.#syncTrack();
	}

	/** Publishes `time` at once (a seek, or the element's own time while paused). */
	jump(time: number): void {
		this.#cancelTimer();
		this.#stepped.reset();
		this.#set(time);
	}

	/** The media plays: follow it. */
	start(): void {
		this.#running = true;
		this.#stepped.reset();
		this.#loop();
	}

	/** The media stopped (paused, ended, failed): stop following it. */
	stop(): void {
		this.#running = false;
		cancelAnimationFrame(this.#frame);
		this.#cancelTimer();
		this.#stepped.reset();
	}

	/**
	 * The media clock, read here and nowhere else: `currentTime`, carried between the steps of a
	 * coarse clock (see SteppedClock).
	 */
	#mediaTime(media: ClockMedia): number {
		const flowing = !media.paused && (media.readyState ?? HAVE_FUTURE_DATA) >= HAVE_FUTURE_DATA;
		return this.#stepped.read(media.currentTime, media.playbackRate, performance.now(), flowing);
	}

	/**
	 * A timer armed for the old playback rate would fire at the wrong moment: the next frame aims
	 * again, from a clock that starts counting at the new rate.
	 */
	#retime = () => {
		this.#cancelTimer();
		this.#stepped.reset();
	};

	#set(time: number) {
		this.#time = time;
		this.#publish(time);
	}

	#loop = () => {
		cancelAnimationFrame(this.#frame);
		const media = this.#media;
		if (!this.#running || !media) return;
		const now = this.#mediaTime(media);
		// After the timer snapped onto a boundary, the clock may still read a hair before it:
		// never step back across the boundary for that.
		const snappedAhead = now < this.#time && this.#time - now <= EARLY_MARGIN;
		if (!snappedAhead) this.#set(now);
		this.#onFrame(this.#time);
		// onFrame may have paused the media (the end of a range).
		if (!this.#running || media.paused) return;
		this.#armTimer(media);
		this.#frame = requestAnimationFrame(this.#loop);
	};

	/** Arms a timer for the next boundary if it falls before the next frame or so. */
	#armTimer(media: ClockMedia) {
		const next = nextStartAfter(this.#boundaries, this.#time);
		if (next === undefined || next - this.#time > TIMER_HORIZON * media.playbackRate) return;
		if (this.#timerTarget === next) return;
		this.#cancelTimer();
		this.#timerTarget = next;
		// Aim a little early: timers only ever fire late, and #onTimer snaps the rest.
		const wait = ((next - this.#mediaTime(media)) / media.playbackRate) * 1000 - TIMER_LEAD_MS;
		this.#timer = setTimeout(this.#onTimer, Math.max(0, wait));
	}

	#onTimer = () => {
		const boundary = this.#timerTarget;
		this.#timer = undefined;
		this.#timerTarget = undefined;
		const media = this.#media;
		if (boundary === undefined || !media || !this.#running) return;
		const now = this.#mediaTime(media);
		if (now >= boundary - EARLY_MARGIN) {
			this.#reach(boundary);
		} else {
			// Fired early (timers are coarse): aim again for what remains.
			this.#timerTarget = boundary;
			this.#timer = setTimeout(this.#onTimer, ((boundary - now) / media.playbackRate) * 1000);
		}
	};

	/** Moves the time onto a boundary the audio has just reached (from a cue event or timer). */
	#reach(boundary: number) {
		const media = this.#media;
		if (!media) return;
		const now = this.#mediaTime(media);
		if (now >= boundary - EARLY_MARGIN && this.#time < boundary) this.#set(Math.max(now, boundary));
	}

	/** A hidden metadata track with a cue per boundary, whose `cuechange` marks each one. */
	#syncTrack() {
		const media = this.#media;
		if (!media?.addTextTrack || typeof VTTCue === 'undefined') return;
		this.#track ??= media.addTextTrack('metadata', 'boundaries');
		const track = this.#track;
		track.mode = 'hidden';
		for (const cue of [...(track.cues ?? [])]) track.removeCue(cue);
		const duration = Number.isFinite(media.duration) ? media.duration : 0;
		const end = Math.max(duration, (this.#boundaries.at(-1) ?? 0) + 1);
		this.#boundaries.forEach((start, i) =>
			track.addCue(new VTTCue(start, this.#boundaries[i + 1] ?? end, ''))
		);
		track.oncuechange = () => {
			const boundary = (track.activeCues?.[0] as TextTrackCue | undefined)?.startTime;
			if (boundary !== undefined && this.#running) this.#reach(boundary);
		};
	}

	#cancelTimer() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#timerTarget = undefined;
	}
}
