import { createContext, untrack } from 'svelte';
import { activeCueIndex, nextStartAfter } from '../transcript/cues.ts';
import { neighbourCueStart } from '../transcript/export.ts';
import type { Cue } from '../transcript/types.ts';

export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
export type MediaProblem = 'unreachable' | 'unsupported' | 'interrupted' | 'stalled';

/** Seconds of waiting for audio data, while playing, before the reader is told it stalled. */
const STALL_SECONDS = 6;

/** Only arm a precise timer this close to a boundary; animation frames cover the rest. */
const TIMER_HORIZON = 0.05;
/**
 * How early the highlight may move onto the next line. Timers on a busy page fire up to several
 * milliseconds late, never early; aiming a little ahead centres the change on the boundary, and
 * 4 ms ahead of the voice is far below what anyone can perceive (lip-sync tolerance is ~20 ms).
 */
const EARLY_MARGIN = 0.004;
/** The timer aims this far before the boundary. */
const TIMER_LEAD_MS = 3;

/**
 * The playback state of one page. The `<audio>` element is the truth: this mirrors it from
 * media events, and components change playback only through the request methods (`seek`,
 * `toggle`, …), never by writing state.
 *
 * While playing, `currentTime` follows the audio every animation frame, and a timer armed for
 * the next cue start moves it onto the boundary the moment it is reached, so the highlight
 * changes with the voice rather than up to a frame later.
 */
export class PlayerState {
	#media: HTMLMediaElement | undefined;
	#currentTime = $state(0);
	#duration = $state(0);
	#playing = $state(false);
	#rate = $state(1);
	#volume = $state(1);
	#muted = $state(false);
	#buffering = $state(false);
	#problem = $state<MediaProblem | undefined>();
	#attached = $state(false);
	#stallTimer: ReturnType<typeof setTimeout> | undefined;
	#reloading = false;
	/** Sorted cue starts of every shown track: the moments the highlight may change. */
	#boundaries: number[] = [];
	#frame = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#timerTarget: number | undefined;
	/** Where a range playback should stop (see playRange), if any. */
	#stopAt = $state<number | undefined>();

	constructor(duration = 0) {
		this.#duration = duration;
	}

	/** Seconds; moves on every frame while playing and at once on seek. */
	get currentTime() {
		return this.#currentTime;
	}
	get duration() {
		return this.#duration;
	}
	get playing() {
		return this.#playing;
	}
	get rate() {
		return this.#rate;
	}
	get volume() {
		return this.#volume;
	}
	get muted() {
		return this.#muted;
	}
	/** True while playback waits for data. */
	get buffering() {
		return this.#buffering;
	}
	/** Why the audio cannot be played, if it cannot. */
	get problem() {
		return this.#problem;
	}
	/** True once a media element is attached (i.e. JavaScript runs). */
	get attached() {
		return this.#attached;
	}

	/** Cue starts at which the highlight changes; the precise timer aims at these. */
	setBoundaries(starts: number[]): void {
		this.#boundaries = [...starts].sort((a, b) => a - b).filter((t, i, all) => t !== all[i - 1]);
		this.#cancelTimer();
		this.#syncBoundaryTrack();
	}

	/**
	 * A hidden metadata track with a cue per boundary: the browser's own cue timing fires
	 * `cuechange` within about a millisecond of each one, even when timers run late.
	 */
	#boundaryTrack: TextTrack | undefined;

	#syncBoundaryTrack() {
		const media = this.#media;
		if (!media || typeof VTTCue === 'undefined') return;
		this.#boundaryTrack ??= media.addTextTrack('metadata', 'boundaries');
		const track = this.#boundaryTrack;
		track.mode = 'hidden';
		for (const cue of [...(track.cues ?? [])]) track.removeCue(cue);
		const end = Math.max(this.#duration, (this.#boundaries.at(-1) ?? 0) + 1);
		this.#boundaries.forEach((start, i) =>
			track.addCue(new VTTCue(start, this.#boundaries[i + 1] ?? end, ''))
		);
		track.oncuechange = () => {
			const boundary = (track.activeCues?.[0] as TextTrackCue | undefined)?.startTime;
			if (boundary !== undefined && this.#playing) this.#reach(boundary);
		};
	}

	/**
	 * Connects the media element; returns the function that disconnects it. Safe to call from
	 * an attachment or effect: it reads state untracked, so playback never re-attaches it.
	 */
	attach(media: HTMLMediaElement): () => void {
		return untrack(() => this.#connect(media));
	}

	#connect(media: HTMLMediaElement): () => void {
		this.#media = media;
		this.#attached = true;
		const sync = () => {
			if (Number.isFinite(media.duration) && media.duration > 0) this.#duration = media.duration;
			this.#rate = media.playbackRate;
			this.#volume = media.volume;
			this.#muted = media.muted;
		};
		const handlers: Record<string, () => void> = {
			loadedmetadata: () => {
				sync();
				// If the element was reset (a new load) after a seek was requested, honour the seek.
				const reloaded = this.#reloading;
				this.#reloading = false;
				if (
					(reloaded || !this.#playing) &&
					Math.abs(media.currentTime - this.#currentTime) > 0.01
				) {
					media.currentTime = this.#currentTime;
				}
				if (reloaded && this.#playing) this.#loop();
			},
			durationchange: sync,
			ratechange: sync,
			volumechange: sync,
			play: () => {
				this.#playing = true;
				this.#problem = undefined;
				this.#watchForStall(media);
				// After a failure the element reads 0 until it is loaded again at the reader's
				// place; the loop starts once it is (see loadedmetadata).
				if (!this.#reloading) this.#loop();
			},
			playing: () => this.#dataFlows(),
			pause: () => this.#stopped(),
			ended: () => this.#stopped(),
			waiting: () => {
				this.#buffering = true;
				this.#watchForStall(media);
			},
			canplay: () => this.#dataFlows(),
			seeked: () => this.#read(),
			timeupdate: () => {
				if (!this.#playing) this.#read();
			},
			error: () => {
				this.#reloading = false;
				this.#problem =
					media.error?.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED
						? 'unreachable'
						: 'interrupted';
				this.#stopped();
			}
		};
		for (const [event, handler] of Object.entries(handlers)) media.addEventListener(event, handler);
		// Back online after a failed load: load again, from where the reader is (not playing).
		const online = () => {
			if (media.error) this.#reload();
		};
		addEventListener('online', online);
		sync();
		this.#syncBoundaryTrack();
		if (media.error) handlers.error!();
		// A deep link may have set the time before hydration; the element keeps its own.
		if (media.currentTime > 0) this.#read();
		else if (this.#currentTime > 0) media.currentTime = this.#currentTime;
		return () => {
			for (const [event, handler] of Object.entries(handlers))
				media.removeEventListener(event, handler);
			removeEventListener('online', online);
			clearTimeout(this.#stallTimer);
			this.#stopped();
			this.#media = undefined;
			this.#attached = false;
		};
	}

	/** Moves playback to `time`; the state (and the highlight) follows at once. */
	seek(time: number): void {
		const limit = this.#duration > 0 ? this.#duration : Infinity;
		const target = Math.min(Math.max(0, time), limit);
		this.#currentTime = target;
		this.#cancelTimer();
		if (this.#stopAt !== undefined && target >= this.#stopAt) this.#stopAt = undefined;
		// A failed element cannot seek; the next play() loads it again at this time.
		if (this.#media && !this.#media.error) this.#media.currentTime = target;
	}

	/** Moves to the previous or next line of `cues` ("previous" first restarts the current one). */
	stepLine(cues: readonly Cue[], direction: -1 | 1): void {
		const index = activeCueIndex(cues, this.#currentTime);
		const start = neighbourCueStart(cues, index, this.#currentTime, direction);
		if (start !== undefined) this.seek(start);
	}

	/** Moves by `seconds` (negative goes back). */
	skip(seconds: number): void {
		this.seek(this.#currentTime + seconds);
	}

	play(): void {
		const media = this.#media;
		if (!media) return;
		// After a failed load (offline, a server error) try again: the network may be back.
		if (media.error) this.#reload();
		if (media.ended) media.currentTime = 0;
		media.play().catch((error: DOMException) => {
			// An abort means a newer request (pause, seek) took over; anything else is a real failure.
			if (error.name !== 'AbortError') this.#problem ??= 'interrupted';
		});
	}

	pause(): void {
		this.#media?.pause();
	}

	toggle(): void {
		if (this.#playing) this.pause();
		else this.play();
	}

	/** Plays from `start` and pauses at `end` (a quoted passage). */
	playRange(start: number, end: number): void {
		this.seek(start);
		this.#stopAt = end;
		this.play();
	}

	/** Forgets the end of a range, so playback goes on. */
	keepPlaying(): void {
		this.#stopAt = undefined;
	}

	get stopAt() {
		return this.#stopAt;
	}

	setRate(rate: number): void {
		if (this.#media) this.#media.playbackRate = rate;
		else this.#rate = rate;
	}

	setVolume(volume: number): void {
		if (!this.#media) return;
		this.#media.volume = Math.min(1, Math.max(0, volume));
		if (volume > 0) this.#media.muted = false;
	}

	setMuted(muted: boolean): void {
		if (this.#media) this.#media.muted = muted;
	}

	/**
	 * The browser retries a broken connection by itself, silently and for ever: if playing was
	 * asked for and data has not come for a while, say so.
	 */
	#watchForStall(media: HTMLMediaElement) {
		clearTimeout(this.#stallTimer);
		this.#stallTimer = setTimeout(() => {
			if (!media.paused && media.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) {
				this.#problem ??= 'stalled';
			}
		}, STALL_SECONDS * 1000);
	}

	/** Audio data arrives again: a stall is over. */
	#dataFlows() {
		this.#buffering = false;
		clearTimeout(this.#stallTimer);
		if (this.#problem === 'stalled') this.#problem = undefined;
	}

	/** Loads the audio again after a failure; `loadedmetadata` restores the position. */
	#reload() {
		this.#problem = undefined;
		this.#reloading = true;
		this.#media?.load();
	}

	#read() {
		// A failed or reloading element is at 0, which is not where the reader is.
		const media = this.#media;
		if (media && !media.error && !this.#reloading) this.#currentTime = media.currentTime;
	}

	#stopped() {
		this.#playing = false;
		this.#buffering = false;
		cancelAnimationFrame(this.#frame);
		this.#cancelTimer();
		this.#read();
	}

	#loop = () => {
		cancelAnimationFrame(this.#frame);
		if (!this.#playing || !this.#media) return;
		const now = this.#media.currentTime;
		// After the timer snapped onto a boundary, the clock may still read a hair before it:
		// never step back across the boundary for that.
		const snappedAhead = now < this.#currentTime && this.#currentTime - now <= EARLY_MARGIN;
		if (!snappedAhead) this.#currentTime = now;
		if (this.#stopAt !== undefined && this.#currentTime >= this.#stopAt) {
			this.#stopAt = undefined;
			this.pause();
			return;
		}
		this.#armTimer();
		this.#frame = requestAnimationFrame(this.#loop);
	};

	/** Arms a timer for the next boundary if it falls before the next frame or so. */
	#armTimer() {
		const media = this.#media;
		if (!media) return;
		const next = nextStartAfter(this.#boundaries, this.#currentTime);
		if (next === undefined || next - this.#currentTime > TIMER_HORIZON * media.playbackRate) return;
		if (this.#timerTarget === next) return;
		this.#cancelTimer();
		this.#timerTarget = next;
		// Aim a little early: timers only ever fire late, and #onBoundary snaps the rest.
		const wait = ((next - media.currentTime) / media.playbackRate) * 1000 - TIMER_LEAD_MS;
		this.#timer = setTimeout(() => this.#onBoundary(next), Math.max(0, wait));
	}

	/** Moves the state onto a boundary the audio has just reached (from a cue event or timer). */
	#reach(boundary: number) {
		const media = this.#media;
		if (!media) return;
		const now = media.currentTime;
		if (now >= boundary - EARLY_MARGIN && this.#currentTime < boundary) {
			this.#currentTime = Math.max(now, boundary);
		}
	}

	#onBoundary(boundary: number) {
		this.#timer = undefined;
		this.#timerTarget = undefined;
		const media = this.#media;
		if (!media || !this.#playing) return;
		const now = media.currentTime;
		if (now >= boundary - EARLY_MARGIN) {
			this.#reach(boundary);
		} else {
			// Fired early (timers are coarse): aim again for what remains.
			this.#timerTarget = boundary;
			this.#timer = setTimeout(
				() => this.#onBoundary(boundary),
				((boundary - now) / media.playbackRate) * 1000
			);
		}
	}

	#cancelTimer() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#timerTarget = undefined;
	}
}

export const [getPlayer, setPlayer] = createContext<PlayerState>();
