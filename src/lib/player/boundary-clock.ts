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
/**
 * The timer aims this far before the boundary. Timers fire late: by 4.4 ms (median) and 7.6 ms
 * (p95) in Chromium, measured on a clip page that draws every frame while it plays. The rest is
 * waited for precisely (see #waitPrecisely).
 */
export const TIMER_LEAD_MS = 10;
/** A boundary this close (ms) is waited for with messages, not with a timer that fires late. */
const PRECISE_WAIT_MS = 15;
/**
 * Waiting precisely, the time moves onto the boundary this close before it (s): the change
 * still has to reach the screen.
 */
const PRECISE_MARGIN = 0.0005;
/** A larger move of the reported time than this (× rate) is a seek or a hiccup, not one step. */
const MAX_STEP = 0.1;
/**
 * A read giving the same time as one at least this long before (ms), while playing, is a
 * repeat: the clock stood still between them.
 */
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
 * How often (ms) a coarse clock is read between frames. The estimate is only as good as the
 * moment each step is first seen: read at frames, that is up to 16 ms after the step came, and
 * the highlight followed up to that much late. Browsers clamp a timer loop to about 4 ms.
 */
const COARSE_READ_MS = 2;

/**
 * The media clock between the steps of a coarse `currentTime`. Firefox advances it in steps: of
 * about 40 ms with no sound output, and, for a second or two after each play or seek with one,
 * of 75 ms, reported on a 40 ms beat, so each step is reported 0 to 35 ms late, 5 ms later than
 * the one before, in a cycle of 0.6 s. Reading it more often cannot beat that. Once the clock is
 * seen to stand still between reads before most of its steps, each reading is extended: every
 * step, as first read, says the audio was at least there then, and has moved on at the playback
 * rate since; the estimate is the highest of these over the last second (the step reported
 * least late). It never runs ahead of what is reported by more than one step plus the most any
 * step of that second was reported late (relative to the least late one), so a clock that
 * stalls without saying so holds the estimate within about a step. A clock that never stands
 * still (Chromium's) is returned exactly as read.
 */
export class SteppedClock {
	/** The time last read, when (wall ms), and when it was first read. */
	#reported = NaN;
	#readAt = 0;
	#firstReadAt = 0;
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
			this.#firstReadAt = now;
		} else if (now - this.#firstReadAt >= REPEAT_GAP_MS && this.#moved) {
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
		let best = -Infinity;
		let worst = Infinity;
		for (const step of this.#steps) {
			best = Math.max(best, step.offset);
			worst = Math.min(worst, step.offset);
		}
		const estimate = best + (now / 1000) * rate;
		// The next step is due one step on, and may be reported as late as any step was lately:
		// a cap of one step alone held the estimate back behind each late report.
		return Math.min(Math.max(estimate, reported), reported + this.#step + (best - worst));
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
 * covering the others' gaps: the frame loop (which also takes a boundary due within
 * EARLY_MARGIN, before its own drawing would delay it); a timer armed just before the next
 * boundary, aimed early by more than timers fire late, and followed by a precise wait of a few
 * ms; and a hidden metadata track whose `cuechange` the browser fires within about a millisecond
 * of each boundary, even when timers run late.
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
	/** Delivers the messages of a precise wait (see #waitPrecisely); made on first use. */
	#channel: MessageChannel | undefined;
	/** The timer that reads a coarse clock between frames (see COARSE_READ_MS). */
	#reader: ReturnType<typeof setTimeout> | undefined;

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
			this.#channel?.port1.close();
			this.#channel = undefined;
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
		clearTimeout(this.#reader);
		this.#reader = undefined;
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
		// A boundary due within EARLY_MARGIN is taken now: this frame's drawing, which follows,
		// would hold back a precise wait until after it (a few ms on a long transcript).
		let next = nextStartAfter(this.#boundaries, this.#time);
		if (next !== undefined && now >= next - EARLY_MARGIN) {
			if (this.#timerTarget === next) this.#cancelTimer();
			this.#reach(next, now);
			next = nextStartAfter(this.#boundaries, this.#time);
		}
		this.#onFrame(this.#time);
		// onFrame may have paused the media (the end of a range).
		if (!this.#running || media.paused) return;
		this.#armTimer(media, next);
		this.#readBetweenFrames(media, next);
		this.#frame = requestAnimationFrame(this.#loop);
	};

	/**
	 * A coarse clock is read every few ms while a boundary is near enough for its steps to
	 * inform the estimate there (they count for STEP_MEMORY_MS), and the boundary is reached at
	 * the read that passes it. A smooth clock needs none of this.
	 */
	#readBetweenFrames(media: ClockMedia, next = nextStartAfter(this.#boundaries, this.#time)) {
		if (this.#reader !== undefined || !this.#stepped.coarse) return;
		if (next === undefined || next - this.#time > (STEP_MEMORY_MS / 1000) * media.playbackRate)
			return;
		this.#reader = setTimeout(() => {
			this.#reader = undefined;
			if (!this.#running || media !== this.#media || media.paused) return;
			this.#reach(next);
			this.#readBetweenFrames(media);
		}, COARSE_READ_MS);
	}

	/** Arms a timer for the `next` boundary if it falls before the next frame or so. */
	#armTimer(media: ClockMedia, next: number | undefined) {
		if (next === undefined || next - this.#time > TIMER_HORIZON * media.playbackRate) return;
		if (this.#timerTarget === next) return;
		this.#cancelTimer();
		this.#timerTarget = next;
		// Aim early: timers only ever fire late, and #onTimer waits the rest precisely.
		const wait = ((next - this.#mediaTime(media)) / media.playbackRate) * 1000 - TIMER_LEAD_MS;
		this.#timer = setTimeout(this.#onTimer, Math.max(0, wait));
	}

	#onTimer = () => {
		const boundary = this.#timerTarget;
		this.#timer = undefined;
		const media = this.#media;
		if (boundary === undefined || !media || !this.#running) return;
		const now = this.#mediaTime(media);
		const left = ((boundary - now) / media.playbackRate) * 1000;
		if (now >= boundary - PRECISE_MARGIN) {
			this.#timerTarget = undefined;
			this.#reach(boundary, now);
		} else if (left <= PRECISE_WAIT_MS) {
			this.#waitPrecisely(media, boundary);
		} else {
			// Fired far too early (timers are coarse): aim again for what remains.
			this.#timer = setTimeout(this.#onTimer, left - TIMER_LEAD_MS);
		}
	};

	/**
	 * The last few ms before a boundary, waited for by reading the clock at each message sent to
	 * ourselves: unlike timers, messages are not delayed to a clock tick, and each one lets
	 * input and drawing run in between (nothing is blocked). A few ms of this per boundary.
	 */
	#waitPrecisely(media: ClockMedia, boundary: number) {
		if (typeof MessageChannel === 'undefined') {
			this.#reach(boundary);
			return;
		}
		const channel = (this.#channel ??= new MessageChannel());
		channel.port1.onmessage = () => {
			// Cancelled (a seek, a pause, new boundaries), or already reached by a cue event.
			if (this.#timerTarget !== boundary || !this.#running || media !== this.#media) return;
			const now = this.#mediaTime(media);
			if (this.#time >= boundary || now >= boundary - PRECISE_MARGIN) {
				this.#timerTarget = undefined;
				this.#reach(boundary, now);
			} else {
				channel.port2.postMessage(undefined);
			}
		};
		channel.port2.postMessage(undefined);
	}

	/**
	 * Moves the time onto a boundary the audio has just reached (from a frame, a timer, a read or
	 * a cue event); `now` is the clock, where the caller has just read it.
	 */
	#reach(boundary: number, now?: number) {
		const media = this.#media;
		if (!media) return;
		now ??= this.#mediaTime(media);
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
