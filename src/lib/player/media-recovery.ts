/** Why the audio cannot be played, if it cannot. */
export type MediaProblem = 'unreachable' | 'interrupted' | 'stalled';

/** Seconds of waiting for audio data, while playing, before the reader is told it stalled. */
export const STALL_SECONDS = 6;
/**
 * Seconds a media error is given to prove itself while the element says it plays: Firefox
 * without an audio output fires a decode error and yet goes on playing. Several `timeupdate`s
 * fit in this time, so a still-playing element shows its clock moving.
 */
export const ERROR_GRACE_SECONDS = 1;

// HTMLMediaElement's and MediaError's constants, here so this runs without the DOM.
const HAVE_NOTHING = 0;
const HAVE_FUTURE_DATA = 3;
const SRC_NOT_SUPPORTED = 4;

/** What recovery needs of the media element. */
export interface RecoverableMedia extends EventTarget {
	currentTime: number;
	readonly paused: boolean;
	readonly readyState: number;
	readonly error: { readonly code: number } | null;
	load(): void;
	play(): Promise<void>;
}

/** How recovery tells the player what happened. */
export interface RecoveryReport {
	/** The problem to show changed (undefined: none). */
	problem(problem: MediaProblem | undefined): void;
	/** Playback started or stopped waiting for data. */
	buffering(waiting: boolean): void;
	/** A media error was judged real: playback has stopped. */
	failed(): void;
	/** The element loaded again after a failure and is back at the reader's position. */
	restored(): void;
}

/**
 * Keeps one media element playable through bad networks and files, and says what went wrong:
 * a stall watchdog (the browser retries a broken connection by itself, silently and for ever),
 * a reload after a failure (at the next play, or when the browser comes back online), and the
 * reader's position put back after the element was reset.
 */
export class MediaRecovery {
	#media: RecoverableMedia;
	#position: () => number;
	#report: RecoveryReport;
	#network: EventTarget;
	#problem: MediaProblem | undefined;
	#failed = false;
	#reloading = false;
	#stallTimer: ReturnType<typeof setTimeout> | undefined;
	#errorTimer: ReturnType<typeof setTimeout> | undefined;
	/** The time at the last `timeupdate` (undefined after a seek): whether the clock moves. */
	#lastTime: number | undefined;
	/** An error came while playing, and playback paused before it was judged: judge at the next play. */
	#errorPending = false;
	#handlers: Record<string, () => void>;

	/**
	 * `position` is where the reader is (what a reset element must return to); `network` fires
	 * `online` (the window).
	 */
	constructor(
		media: RecoverableMedia,
		position: () => number,
		report: RecoveryReport,
		network: EventTarget = globalThis
	) {
		this.#media = media;
		this.#position = position;
		this.#report = report;
		this.#network = network;
		this.#handlers = {
			play: () => {
				this.#setProblem(undefined);
				this.#watchForStall();
				if (this.#errorPending && media.error) this.#judgeError();
			},
			playing: () => this.#dataFlows(),
			canplay: () => this.#dataFlows(),
			waiting: () => {
				this.#report.buffering(true);
				this.#watchForStall();
			},
			pause: () => this.#idle(),
			ended: () => this.#idle(),
			error: () => this.#onError(),
			loadedmetadata: () => this.#onMetadata(),
			timeupdate: () => this.#onTimeUpdate(),
			seeking: () => (this.#lastTime = undefined)
		};
		for (const [event, handler] of Object.entries(this.#handlers)) {
			media.addEventListener(event, handler);
		}
		network.addEventListener('online', this.#online);
		if (media.error) this.#onError();
	}

	/** Why the audio cannot be played, if it cannot. */
	get problem(): MediaProblem | undefined {
		return this.#problem;
	}
	/** The element failed: it holds no position and cannot seek until it is loaded again. */
	get failed(): boolean {
		return this.#failed;
	}
	/** Loading again after a failure: the element reads 0 until it is back at the position. */
	get reloading(): boolean {
		return this.#reloading;
	}

	/** Asks the element to play, loading it again first if it failed (the network may be back). */
	play(): void {
		if (this.#failed) this.#reload();
		this.#media.play().catch((error: DOMException) => {
			// An abort means a newer request (pause, seek) took over; anything else is a real failure.
			if (error.name !== 'AbortError') this.#setProblem(this.#problem ?? 'interrupted');
		});
	}

	/** Stops listening. */
	destroy(): void {
		for (const [event, handler] of Object.entries(this.#handlers)) {
			this.#media.removeEventListener(event, handler);
		}
		this.#network.removeEventListener('online', this.#online);
		clearTimeout(this.#stallTimer);
		clearTimeout(this.#errorTimer);
	}

	#setProblem(problem: MediaProblem | undefined) {
		if (problem === this.#problem) return;
		this.#problem = problem;
		this.#report.problem(problem);
	}

	/** If playing was asked for and data has not come for a while, say so. */
	#watchForStall() {
		clearTimeout(this.#stallTimer);
		this.#stallTimer = setTimeout(() => {
			const media = this.#media;
			if (!media.paused && media.readyState < HAVE_FUTURE_DATA) {
				this.#setProblem(this.#problem ?? 'stalled');
			}
		}, STALL_SECONDS * 1000);
	}

	/** Audio data arrives again: a stall is over. */
	#dataFlows() {
		this.#report.buffering(false);
		clearTimeout(this.#stallTimer);
		if (this.#problem === 'stalled') this.#setProblem(undefined);
	}

	#idle() {
		this.#report.buffering(false);
		clearTimeout(this.#stallTimer);
	}

	/**
	 * The clock moved while playing: whatever the events said, the audio plays. (WebKit runs the
	 * clock at HAVE_CURRENT_DATA after a seek, with no `playing`; Firefox without a sound output
	 * plays on after an `error`.)
	 */
	#onTimeUpdate() {
		const media = this.#media;
		const time = media.currentTime;
		const advanced = !media.paused && this.#lastTime !== undefined && time > this.#lastTime;
		this.#lastTime = time;
		if (!advanced) return;
		clearTimeout(this.#errorTimer);
		this.#errorTimer = undefined;
		this.#errorPending = false;
		this.#dataFlows();
	}

	/**
	 * An error is fatal at once when the element cannot be playing (paused, no source, nothing
	 * loaded), else only if its clock has not moved within a grace period (ERROR_GRACE_SECONDS):
	 * Firefox without a sound output fires one even before data arrives, and plays on.
	 */
	#onError() {
		const media = this.#media;
		const cannotPlay =
			media.paused || media.readyState === HAVE_NOTHING || media.error?.code === SRC_NOT_SUPPORTED;
		if (cannotPlay) return this.#fail();
		this.#judgeError();
	}

	/**
	 * Fails unless the clock is seen moving within the grace period. Paused by then (the reader
	 * pressed pause at once), nothing is lost by waiting: the next play is judged instead.
	 */
	#judgeError() {
		const media = this.#media;
		this.#errorPending = false;
		this.#lastTime = media.currentTime;
		clearTimeout(this.#errorTimer);
		this.#errorTimer = setTimeout(() => {
			this.#errorTimer = undefined;
			if (!media.error) return;
			if (media.paused) this.#errorPending = true;
			else this.#fail();
		}, ERROR_GRACE_SECONDS * 1000);
	}

	#fail() {
		this.#errorPending = false;
		clearTimeout(this.#errorTimer);
		clearTimeout(this.#stallTimer);
		this.#failed = true;
		this.#reloading = false;
		this.#setProblem(this.#media.error?.code === SRC_NOT_SUPPORTED ? 'unreachable' : 'interrupted');
		this.#report.failed();
	}

	/** Loads the audio again after a failure; `loadedmetadata` restores the position. */
	#reload() {
		this.#failed = false;
		this.#reloading = true;
		this.#setProblem(undefined);
		this.#media.load();
	}

	/** Back online after a failed load: load again, from where the reader is (not playing). */
	#online = () => {
		if (this.#failed) this.#reload();
	};

	#onMetadata() {
		const media = this.#media;
		const reloaded = this.#reloading;
		this.#reloading = false;
		// A reset element (a reload, or a first load after a seek was asked for) starts at 0:
		// put it where the reader is. A first load while playing already plays from there.
		const position = this.#position();
		if ((reloaded || media.paused) && Math.abs(media.currentTime - position) > 0.01) {
			media.currentTime = position;
		}
		if (reloaded) this.#report.restored();
	}
}
