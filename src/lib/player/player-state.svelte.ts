import { createContext, untrack } from 'svelte';
import { BoundaryClock, type ClockMedia } from './boundary-clock.ts';
import { MediaRecovery, type MediaProblem, type RecoverableMedia } from './media-recovery.ts';

export type { MediaProblem } from './media-recovery.ts';
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** What the player needs of the `<audio>` element (a fake one in unit tests). */
export type PlayerMedia = ClockMedia &
	RecoverableMedia & {
		playbackRate: number;
		volume: number;
		muted: boolean;
		readonly ended: boolean;
		pause(): void;
	};

/**
 * The playback state of one page. The `<audio>` element is the truth: this mirrors it from
 * media events, and components change playback only through the request methods (`seek`,
 * `toggle`, …), never by writing state. Two units do the rest: a `BoundaryClock` publishes
 * `currentTime` (every frame, and onto each cue start the moment it is reached) and a
 * `MediaRecovery` keeps the element playable and says what went wrong.
 */
export class PlayerState {
	#media: PlayerMedia | undefined;
	#currentTime = $state(0);
	#duration = $state(0);
	#playing = $state(false);
	#rate = $state(1);
	#volume = $state(1);
	#muted = $state(false);
	#buffering = $state(false);
	#problem = $state<MediaProblem | undefined>();
	#attached = $state(false);
	/** Where a range playback should stop (see playRange), if any. */
	#stopAt = $state<number | undefined>();
	#clock = new BoundaryClock(
		(time) => (this.#currentTime = time),
		(time) => {
			if (this.#stopAt !== undefined && time >= this.#stopAt) {
				this.#stopAt = undefined;
				this.pause();
			}
		}
	);
	#recovery: MediaRecovery | undefined;

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
	/** Where the current range playback will pause, if one is playing. */
	get stopAt() {
		return this.#stopAt;
	}

	/** Cue starts at which the highlight changes (see BoundaryClock). */
	setBoundaries(starts: number[]): void {
		this.#clock.setBoundaries(starts);
	}

	/**
	 * Connects the media element; returns the function that disconnects it. Safe to call from
	 * an attachment or effect: it reads state untracked, so playback never re-attaches it.
	 */
	attach(media: PlayerMedia): () => void {
		return untrack(() => this.#connect(media));
	}

	#connect(media: PlayerMedia): () => void {
		this.#media = media;
		this.#attached = true;
		const sync = () => {
			if (Number.isFinite(media.duration) && media.duration > 0) this.#duration = media.duration;
			this.#rate = media.playbackRate;
			this.#volume = media.volume;
			this.#muted = media.muted;
		};
		const handlers: Record<string, () => void> = {
			loadedmetadata: sync,
			durationchange: sync,
			ratechange: sync,
			volumechange: sync,
			play: () => {
				this.#playing = true;
				// After a failure the element reads 0 until it is loaded again at the reader's
				// place; the clock starts once it is (see restored below).
				if (!this.#recovery?.reloading) this.#clock.start();
			},
			pause: () => this.#stopped(),
			ended: () => this.#stopped(),
			seeked: () => this.#read(),
			timeupdate: () => {
				if (!this.#playing) this.#read();
			}
		};
		for (const [event, handler] of Object.entries(handlers)) media.addEventListener(event, handler);
		const releaseClock = this.#clock.attach(media);
		this.#recovery = new MediaRecovery(media, () => this.#currentTime, {
			problem: (problem) => (this.#problem = problem),
			buffering: (waiting) => (this.#buffering = waiting),
			failed: () => this.#stopped(),
			restored: () => {
				if (this.#playing) this.#clock.start();
			}
		});
		sync();
		// Already playing: a line clicked before hydration (see transcript/early-clicks.ts).
		if (!media.paused) handlers.play!();
		// A deep link may have set the time before hydration; the element keeps its own.
		if (media.currentTime > 0) this.#read();
		else if (this.#currentTime > 0 && !this.#recovery.failed) media.currentTime = this.#currentTime;
		return () => {
			for (const [event, handler] of Object.entries(handlers))
				media.removeEventListener(event, handler);
			this.#recovery?.destroy();
			this.#recovery = undefined;
			this.#stopped();
			releaseClock();
			this.#media = undefined;
			this.#attached = false;
		};
	}

	/** Moves playback to `time`; the state (and the highlight) follows at once. */
	seek(time: number): void {
		const limit = this.#duration > 0 ? this.#duration : Infinity;
		const target = Math.min(Math.max(0, time), limit);
		this.#clock.jump(target);
		if (this.#stopAt !== undefined && target >= this.#stopAt) this.#stopAt = undefined;
		// A failed element cannot seek; the next play() loads it again at this time.
		if (this.#media && !this.#recovery?.failed) this.#media.currentTime = target;
	}

	/** Moves by `seconds` (negative goes back). */
	skip(seconds: number): void {
		this.seek(this.#currentTime + seconds);
	}

	play(): void {
		if (!this.#media || !this.#recovery) return;
		if (this.#media.ended) this.#media.currentTime = 0;
		this.#recovery.play();
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

	/** Pauses when playback next reaches `end` (an embedded passage), without playing now. */
	pauseAt(end: number): void {
		this.#stopAt = end;
	}

	/** Forgets the end of a range, so playback goes on. */
	keepPlaying(): void {
		this.#stopAt = undefined;
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

	/** Takes the element's own time, unless it is failed or reloading (then it reads 0). */
	#read() {
		const media = this.#media;
		const recovery = this.#recovery;
		if (media && recovery && !recovery.failed && !recovery.reloading) {
			this.#clock.jump(media.currentTime);
		}
	}

	#stopped() {
		this.#playing = false;
		this.#buffering = false;
		this.#clock.stop();
		this.#read();
	}
}

export const [getPlayer, setPlayer] = createContext<PlayerState>();
