import { afterEach, beforeEach, vi } from 'vitest';
/**
 * A stand-in for an `<audio>` element in unit tests (Node, Vitest fake timers): its clock runs
 * on the (fake) wall clock while it plays, and the test drives the network's part (data
 * arriving, errors, the end of a load). Events fire synchronously, in the browser's order.
 */
export class FakeMedia extends EventTarget {
	paused = true;
	ended = false;
	readyState = 0;
	error: { code: number } | null = null;
	duration = NaN;
	volume = 1;
	muted = false;
	/** How coarsely the clock advances, in seconds (Firefox: about 0.04); 0 for a smooth clock. */
	step = 0;
	/**
	 * How late (media seconds) the k-th step of a coarse clock is reported (Firefox with a sound
	 * output: by 0 to 40 ms, changing from step to step); undefined: each exactly on time.
	 */
	lateBy: ((k: number) => number) | undefined;
	/** How many times the element was asked to load again. */
	loads = 0;
	/** The error name the next play() rejects with (e.g. 'AbortError'), if any. */
	rejectNextPlay: string | undefined;
	/**
	 * As the standard has it (and WebKit shows): play() stays pending until the element has
	 * future data, and a pause rejects it with AbortError. Off: play() resolves at once.
	 */
	pendingPlay = false;
	/** WebKit after a seek: the clock runs while readyState stays at 2 (HAVE_CURRENT_DATA). */
	runsWithoutFutureData = false;
	readonly tracks: FakeTrack[] = [];
	#rate = 1;
	#at = 0;
	#since = Date.now();
	/** Playing but without data: the clock stands still. */
	#starved = false;
	/** The promises of play() calls still pending (see pendingPlay). */
	#pending: { resolve: () => void; reject: (error: DOMException) => void }[] = [];
	/** Fires `timeupdate` every 250 ms while the clock runs, as browsers do. */
	#ticker: ReturnType<typeof setInterval> | undefined;

	get currentTime(): number {
		const position = this.exactTime;
		if (this.step <= 0) return position;
		let k = Math.floor(position / this.step + 1e-9);
		while (k > 0 && this.lateBy && k * this.step + this.lateBy(k) > position + 1e-9) k--;
		return k * this.step;
	}
	/** Where the audio really is: `currentTime` before a coarse clock rounds it down. */
	get exactTime(): number {
		return this.#moving() ? this.#at + ((Date.now() - this.#since) / 1000) * this.#rate : this.#at;
	}
	set currentTime(time: number) {
		this.#at = time;
		this.#since = Date.now();
		this.ended = false;
		this.#fire('seeking');
		this.#fire('seeked');
	}

	get playbackRate(): number {
		return this.#rate;
	}
	set playbackRate(rate: number) {
		this.#hold();
		this.#rate = rate;
		this.#fire('ratechange');
	}

	play(): Promise<void> {
		const rejection = this.rejectNextPlay;
		this.rejectNextPlay = undefined;
		if (rejection) return Promise.reject(new DOMException('play() failed', rejection));
		const settled = this.readyState >= 3 || !this.pendingPlay;
		const promise = settled
			? Promise.resolve()
			: new Promise<void>((resolve, reject) => this.#pending.push({ resolve, reject }));
		if (!this.paused) return promise;
		this.#hold();
		this.paused = false;
		this.#fire('play');
		this.#fire(this.readyState >= 3 ? 'playing' : 'waiting');
		this.#tick();
		return promise;
	}

	pause(): void {
		if (this.paused) return;
		this.#hold();
		this.paused = true;
		this.#tick();
		this.#fire('timeupdate');
		this.#fire('pause');
		for (const { reject } of this.#pending.splice(0)) {
			reject(
				new DOMException('The play() request was interrupted by a call to pause().', 'AbortError')
			);
		}
	}

	/** Resets the element, as HTMLMediaElement.load() does: no data, no error, at 0, paused. */
	load(): void {
		this.loads++;
		this.error = null;
		this.readyState = 0;
		this.paused = true;
		this.#at = 0;
		this.#since = Date.now();
		this.#tick();
		this.#fire('emptied');
		this.#fire('loadstart');
	}

	addTextTrack(): TextTrack {
		const track = new FakeTrack();
		this.tracks.push(track);
		return track as unknown as TextTrack;
	}

	// What the network and the file do.

	/** Metadata and enough data arrive: `duration` seconds long. */
	loaded(duration = 60): void {
		this.#hold();
		this.duration = duration;
		this.readyState = 4;
		this.#tick();
		this.#fire('durationchange');
		this.#fire('loadedmetadata');
		this.#fire('canplay');
		if (!this.paused) this.#startPlaying();
	}

	/** Metadata only (preload="metadata"): `duration` seconds long, no data yet. */
	loadedMetadata(duration = 60): void {
		this.#hold();
		this.duration = duration;
		this.readyState = 1;
		this.#fire('durationchange');
		this.#fire('loadedmetadata');
	}

	/** Data stops coming while playing: the clock stands still and the element waits. */
	starve(): void {
		this.#hold();
		this.#starved = true;
		this.readyState = 2;
		this.#tick();
		this.#fire('waiting');
	}

	/** Data comes again. */
	feed(): void {
		this.#hold();
		this.#starved = false;
		this.readyState = 4;
		this.#tick();
		this.#fire('canplay');
		if (!this.paused) this.#startPlaying();
	}

	/** The element fails with a MediaError code (2 network, 3 decode, 4 source not supported). */
	fail(code: number): void {
		this.error = { code };
		this.#fire('error');
	}

	/** Playback reaches the end of the file. */
	reachEnd(): void {
		this.#at = this.duration;
		this.#since = Date.now();
		this.paused = true;
		this.ended = true;
		this.#tick();
		this.#fire('timeupdate');
		this.#fire('pause');
		this.#fire('ended');
	}

	#moving() {
		return !this.paused && !this.#starved && (this.readyState >= 3 || this.runsWithoutFutureData);
	}

	#startPlaying() {
		this.#fire('playing');
		for (const { resolve } of this.#pending.splice(0)) resolve();
	}

	/** Starts or stops the `timeupdate` ticker to match whether the clock runs. */
	#tick() {
		clearInterval(this.#ticker);
		this.#ticker = this.#moving() ? setInterval(() => this.#fire('timeupdate'), 250) : undefined;
	}

	/** Freezes the clock's reading before its speed changes. */
	#hold() {
		this.#at = this.#moving()
			? this.#at + ((Date.now() - this.#since) / 1000) * this.#rate
			: this.#at;
		this.#since = Date.now();
	}

	#fire(type: string) {
		this.dispatchEvent(new Event(type));
	}
}

/** A stand-in for a metadata TextTrack: the test says when the browser enters a cue. */
export class FakeTrack {
	mode = 'disabled';
	cues: FakeCue[] = [];
	activeCues: FakeCue[] = [];
	oncuechange: (() => void) | null = null;

	addCue(cue: FakeCue): void {
		this.cues.push(cue);
	}
	removeCue(cue: FakeCue): void {
		this.cues = this.cues.filter((c) => c !== cue);
	}
	/** The browser enters the cue that starts at `start` (as its cue timing would). */
	enter(start: number): void {
		this.activeCues = this.cues.filter((cue) => cue.startTime === start);
		this.oncuechange?.();
	}
}

/** A stand-in for VTTCue, installed with vi.stubGlobal('VTTCue', FakeCue). */
export class FakeCue {
	constructor(
		public startTime: number,
		public endTime: number,
		public text: string
	) {}
}

/** Animation frames on the fake timers: install with vi.stubGlobal (60 per second, roughly). */
export const FRAME_MS = 16;
export const fakeFrames = {
	requestAnimationFrame: (callback: FrameRequestCallback) =>
		setTimeout(() => callback(Date.now()), FRAME_MS) as unknown as number,
	cancelAnimationFrame: (handle: number) => clearTimeout(handle)
};

/**
 * A MessageChannel on the fake timers: a message arrives 1 ms after it is sent (real messages
 * would arrive while fake time stands still).
 */
export class FakeMessageChannel {
	readonly port1 = new FakePort();
	readonly port2 = new FakePort();
	constructor() {
		this.port2.peer = this.port1;
		this.port1.peer = this.port2;
	}
}
class FakePort {
	peer: FakePort | undefined;
	onmessage: ((event: MessageEvent) => void) | null = null;
	#closed = false;
	postMessage(data: unknown): void {
		const peer = this.peer;
		setTimeout(() => {
			if (peer && !peer.#closed) peer.onmessage?.({ data } as MessageEvent);
		}, 1);
	}
	close(): void {
		this.#closed = true;
	}
}

/** Fake timers, animation frames and VTTCue around each test of the file that calls this. */
export function useFakeMediaGlobals(): void {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', fakeFrames.requestAnimationFrame);
		vi.stubGlobal('cancelAnimationFrame', fakeFrames.cancelAnimationFrame);
		vi.stubGlobal('VTTCue', FakeCue);
		vi.stubGlobal('MessageChannel', FakeMessageChannel);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});
}
