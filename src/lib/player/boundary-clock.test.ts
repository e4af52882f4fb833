import { describe, expect, it, vi } from 'vitest';
import { BoundaryClock, EARLY_MARGIN, SteppedClock } from './boundary-clock.ts';
import { FakeMedia, useFakeMediaGlobals } from './fake-media.ts';

/*
 * Fake timers fire exactly on time, so the early lead that absorbs real timers' lateness shows
 * here as the change coming up to EARLY_MARGIN before the audio reaches the boundary.
 */

interface Published {
	time: number;
	/** Where the audio was when that time was published (as reported, and really). */
	audio: number;
	exact: number;
}

useFakeMediaGlobals();

/** A clock following a loaded fake element, recording what it publishes. */
function setup(boundaries: number[], step = 0) {
	const media = new FakeMedia();
	media.step = step;
	media.loaded(60);
	const published: Published[] = [];
	const clock = new BoundaryClock((time) =>
		published.push({ time, audio: media.currentTime, exact: media.exactTime })
	);
	const release = clock.attach(media);
	clock.setBoundaries(boundaries);
	/** Starts playing at `time`, as the player does on the element's `play` event. */
	const playFrom = (time: number) => {
		media.currentTime = time;
		void media.play();
		clock.start();
	};
	return { media, clock, published, release, playFrom };
}

/** The first time published at or past `boundary`. */
const firstPast = (published: Published[], boundary: number) =>
	published.find((p) => p.time >= boundary);

/** Asserts the time moved onto `boundary`, no earlier than EARLY_MARGIN before the audio. */
function expectSnappedOnto(published: Published[], boundary: number) {
	const first = firstPast(published, boundary);
	expect(first?.time).toBeCloseTo(boundary, 9);
	expect(first!.audio).toBeGreaterThanOrEqual(boundary - EARLY_MARGIN - 1e-9);
	expect(first!.audio).toBeLessThanOrEqual(boundary + 1e-9);
}

describe('BoundaryClock', () => {
	it('follows the audio every frame while playing', () => {
		const { published, playFrom } = setup([]);
		playFrom(2);
		vi.advanceTimersByTime(100);
		expect(published.length).toBeGreaterThanOrEqual(6);
		expect(published.at(-1)!.time).toBeCloseTo(2.096, 6);
	});

	it('moves onto a boundary between frames, as the audio reaches it', () => {
		const { published, playFrom } = setup([1]);
		playFrom(0.905); // frames at 0.985 and 1.001
		vi.advanceTimersByTime(200);
		expectSnappedOnto(published, 1);
		// The timer aimed early, and the rest was waited for precisely: neither early nor late.
		expect(firstPast(published, 1)!.audio).toBeCloseTo(1, 9);
	});

	it('a boundary due within EARLY_MARGIN of a frame is taken at that frame', () => {
		const { published, playFrom } = setup([1]);
		playFrom(0.9); // a frame at 0.996
		vi.advanceTimersByTime(200);
		expectSnappedOnto(published, 1);
		expect(firstPast(published, 1)!.audio).toBeCloseTo(0.996, 9);
	});

	it('a timer that fires late (as in Chromium, by about 5 ms) does not make the change late', () => {
		const late = 6;
		const { published, playFrom } = setup([1.013, 1.5, 2.037]);
		const realSetTimeout = globalThis.setTimeout;
		// Timers late; the messages of the fake MessageChannel (1 ms) on time.
		vi.stubGlobal('setTimeout', ((callback: () => void, ms = 0) =>
			realSetTimeout(callback, ms > 1 ? ms + late : ms)) as typeof setTimeout);
		playFrom(0.9);
		vi.advanceTimersByTime(1500);
		for (const boundary of [1.013, 1.5, 2.037]) {
			expectSnappedOnto(published, boundary);
			// With the late timer alone (no precise wait), the change came 2 ms late here.
			expect(firstPast(published, boundary)!.audio).toBeLessThanOrEqual(boundary + 1e-9);
		}
	});

	it('never steps back across a boundary it snapped onto early', () => {
		const { published, playFrom } = setup([1]);
		// The timer snaps at audio 0.997 (95 ms in); the next frame reads 0.998.
		playFrom(0.902);
		vi.advanceTimersByTime(200);
		const times = published.map((p) => p.time);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(times).toContain(1);
	});

	it('aims again when the timer fires before the audio is there', () => {
		const { media, published, playFrom } = setup([1]);
		playFrom(0.9);
		// The timer is armed 64 ms in; the audio then stalls for 10 ms, so it fires early.
		vi.advanceTimersByTime(70);
		media.starve();
		vi.advanceTimersByTime(10);
		media.feed();
		vi.advanceTimersByTime(200);
		// Not moved while the audio was still short of it, and moved exactly onto it after.
		expect(published.filter((p) => p.time >= 1 && p.audio < 1 - EARLY_MARGIN)).toEqual([]);
		expectSnappedOnto(published, 1);
	});

	it('a seek back with a timer armed: no early move, and on time later', () => {
		const { media, clock, published, playFrom } = setup([1]);
		playFrom(0.9);
		vi.advanceTimersByTime(70); // armed for 1
		clock.jump(0.5);
		media.currentTime = 0.5;
		expect(clock.time).toBe(0.5);
		vi.advanceTimersByTime(100);
		expect(clock.time).toBeLessThan(0.7);
		vi.advanceTimersByTime(500);
		expect(published.filter((p) => p.time >= 1 && p.audio < 1 - EARLY_MARGIN)).toEqual([]);
		expectSnappedOnto(published, 1);
	});

	it('a seek to just before the boundary with a timer armed: aims again from there', () => {
		const { media, clock, published, playFrom } = setup([1]);
		playFrom(0.9);
		vi.advanceTimersByTime(70); // armed for 1, 27 ms ahead
		clock.jump(0.985);
		media.currentTime = 0.985; // now 15 ms from it
		vi.advanceTimersByTime(200);
		expectSnappedOnto(published, 1);
	});

	it('a seek past the boundary with a timer armed: never pulled back onto it', () => {
		const { media, clock, published, playFrom } = setup([1, 5]);
		playFrom(0.9);
		vi.advanceTimersByTime(70);
		clock.jump(3);
		media.currentTime = 3;
		const from = published.length;
		vi.advanceTimersByTime(200);
		expect(published.slice(from).every((p) => p.time >= 3)).toBe(true);
	});

	it('at double speed, still exactly onto the boundary', () => {
		const { media, published, playFrom } = setup([1]);
		media.playbackRate = 2;
		playFrom(0.8);
		vi.advanceTimersByTime(200);
		expectSnappedOnto(published, 1);
	});

	it('the rate changes with a timer armed: aims again for the new rate', () => {
		const { media, published, playFrom } = setup([1]);
		playFrom(0.9);
		vi.advanceTimersByTime(70); // armed at 1×
		media.playbackRate = 2;
		vi.advanceTimersByTime(200);
		expectSnappedOnto(published, 1);
	});

	it('stopping cancels an armed timer', () => {
		const { clock, published, playFrom } = setup([1]);
		playFrom(0.9);
		vi.advanceTimersByTime(70);
		clock.stop();
		const count = published.length;
		vi.advanceTimersByTime(500);
		expect(published.length).toBe(count);
	});

	it('new boundaries replace the old ones', () => {
		const { clock, published, playFrom } = setup([1]);
		clock.setBoundaries([1.5, 1.5, 1.2]);
		playFrom(1.1);
		vi.advanceTimersByTime(500);
		expectSnappedOnto(published, 1.2);
		expectSnappedOnto(published, 1.5);
	});

	describe('the boundary track', () => {
		it('holds one hidden cue per distinct boundary, each up to the next', () => {
			const { media, clock } = setup([3, 1, 1]);
			const track = media.tracks[0]!;
			expect(track.mode).toBe('hidden');
			expect(track.cues.map((c) => [c.startTime, c.endTime])).toEqual([
				[1, 3],
				[3, 60]
			]);
			clock.setBoundaries([2]);
			expect(media.tracks).toHaveLength(1);
			expect(track.cues.map((c) => [c.startTime, c.endTime])).toEqual([[2, 60]]);
		});

		it('moves onto a boundary when the browser enters its cue', () => {
			const { media, clock, playFrom } = setup([1, 2]);
			playFrom(1.94); // too far from 2 for a timer
			// The audio has gone on since the last frame (a late frame, a late timer).
			media.currentTime = 1.999;
			expect(clock.time).toBe(1.94);
			media.tracks[0]!.enter(2);
			expect(clock.time).toBe(2);
		});

		it('ignores a cue entered too early, or while stopped', () => {
			const { media, clock, playFrom } = setup([1, 2]);
			playFrom(1.9);
			media.tracks[0]!.enter(2);
			expect(clock.time).toBe(1.9);
			clock.stop();
			media.currentTime = 2.001;
			media.tracks[0]!.enter(2);
			expect(clock.time).toBe(1.9);
		});

		it('is emptied when the clock lets the element go', () => {
			const { media, release } = setup([1, 2]);
			release();
			expect(media.tracks[0]!.cues).toEqual([]);
			expect(media.tracks[0]!.oncuechange).toBeNull();
		});
	});

	describe('a coarse clock (Firefox advances currentTime every ~40 ms)', () => {
		const STEP = 0.04;
		// Irregular, so that the boundaries fall at every phase of the clock's steps.
		const BOUNDARIES = [1.013, 1.5, 2.037, 2.52, 3.009, 3.333, 4.071, 4.5, 5.029, 5.77];

		/** How late (s) the published time reached each boundary after the audio really did. */
		function lags(published: Published[], boundaries: number[]) {
			return boundaries.map((b) => firstPast(published, b)!.exact - b);
		}

		it('moves the line within a few ms of the audio reaching each boundary, never far early', () => {
			const { published, playFrom } = setup(BOUNDARIES, STEP);
			playFrom(0.5);
			vi.advanceTimersByTime(6000);
			const late = lags(published, BOUNDARIES);
			// Reading the stepped clock alone, the change comes up to a whole step (40 ms) late.
			expect(Math.max(...late)).toBeLessThan(0.01);
			expect(Math.min(...late)).toBeGreaterThanOrEqual(-EARLY_MARGIN - 0.002);
		});

		it('the same at 1.5×, and after a rate change and a seek', () => {
			const { media, clock, published, playFrom } = setup(BOUNDARIES, STEP);
			media.playbackRate = 1.5;
			playFrom(0.5);
			vi.advanceTimersByTime(1500);
			media.playbackRate = 1;
			clock.jump(3.2);
			media.currentTime = 3.2;
			vi.advanceTimersByTime(3000);
			const crossed = BOUNDARIES.filter((b) => b < 2.6 || b > 3.3);
			expect(Math.max(...lags(published, crossed))).toBeLessThan(0.01);
		});

		it('is never ahead of the reported time by much more than one step, even when the audio stalls', () => {
			const { media, published, playFrom } = setup([], STEP);
			playFrom(1);
			vi.advanceTimersByTime(500);
			media.starve();
			media.readyState = 4; // a stall the element does not announce: only the cap holds
			vi.advanceTimersByTime(500);
			// One step, plus the most a step was seen late lately: here, read at frames (16 ms).
			for (const p of published) expect(p.time - p.audio).toBeLessThanOrEqual(STEP + 0.017);
			// And it went ahead at all: between steps, time is carried on.
			expect(published.some((p) => p.time > p.audio + 0.01)).toBe(true);
		});

		it('the same when its steps are reported late by varying amounts (Firefox with a sound output)', () => {
			// 75 ms steps, each reported 0 to 35 ms late, in a cycle of eight (as measured).
			const { media, published, playFrom } = setup(BOUNDARIES, 0.075);
			media.lateBy = (k) => (k % 8) * 0.005;
			playFrom(0.45);
			vi.advanceTimersByTime(6000);
			const late = lags(published, BOUNDARIES);
			// Carried on from the latest step, the change came as late as that step's report (29 ms
			// here). From the step reported least late in the last second, it is as late as reading
			// that step was (frames come every 16 ms here).
			expect(Math.max(...late)).toBeLessThan(0.015);
			expect(Math.min(...late)).toBeGreaterThanOrEqual(-EARLY_MARGIN - 0.002);
		});

		it('within 10 ms of the audio from 0.6 s after each play, with 75 ms steps reported on a 40 ms beat', () => {
			// Firefox with a sound output, for a second or two after a play: the clock moves in
			// 75 ms steps, and each is reported at the next beat of a 40 ms timer, 0 to 35 ms late
			// and 5 ms later than the step before. The highlight used to wait for each late report
			// (a cap of one step ahead of it): up to 35 ms late.
			const boundaries = [2.013, 3.5, 5.037, 6.52, 8.009, 9.333, 11.071, 12.5, 14.029, 15.77];
			const { media, clock, published, playFrom } = setup(boundaries, 0.075);
			const beat = 0.04;
			media.lateBy = (k) => (beat - ((k * 0.075) % beat)) % beat;
			for (const boundary of boundaries) {
				playFrom(boundary - 0.6);
				vi.advanceTimersByTime(700);
				media.pause();
				clock.stop();
			}
			const late = lags(published, boundaries);
			expect(Math.max(...late)).toBeLessThan(0.01);
			expect(Math.min(...late)).toBeGreaterThanOrEqual(-EARLY_MARGIN - 0.002);
		});

		it('never moves backwards while playing on', () => {
			const { published, playFrom } = setup(BOUNDARIES, STEP);
			playFrom(0.5);
			vi.advanceTimersByTime(6000);
			const times = published.map((p) => p.time);
			expect(times).toEqual([...times].sort((a, b) => a - b));
		});
	});

	it('a smooth clock (Chromium) is published exactly as read, boundaries aside', () => {
		const { published, playFrom } = setup(BOUNDARIES_SMOOTH);
		playFrom(0.5);
		vi.advanceTimersByTime(3000);
		const off = published.filter((p) => p.time !== p.audio && !BOUNDARIES_SMOOTH.includes(p.time));
		expect(off).toEqual([]);
	});
});

const BOUNDARIES_SMOOTH = [1.013, 1.5, 2.037, 2.52, 3.009];

describe('SteppedClock', () => {
	/** Reads `clock` at wall time `ms` of a clock that reported `time`, playing at 1×. */
	const at = (clock: SteppedClock, ms: number, time: number, flowing = true) =>
		clock.read(time, 1, ms, flowing);

	it('returns a clock that never stands still exactly as read', () => {
		const clock = new SteppedClock();
		for (let ms = 0; ms < 500; ms += 16)
			expect(at(clock, ms, 10 + ms / 1000 + 0.0003)).toBe(10 + ms / 1000 + 0.0003);
		expect(clock.coarse).toBe(false);
	});

	it('a clock held at the start of playback (Chromium before audio comes out) is not coarse', () => {
		const clock = new SteppedClock();
		for (let ms = 0; ms <= 48; ms += 16) expect(at(clock, ms, 5)).toBe(5);
		for (let ms = 64; ms < 400; ms += 16)
			expect(at(clock, ms, 5 + (ms - 50) / 1000)).toBe(5 + (ms - 50) / 1000);
		expect(clock.coarse).toBe(false);
	});

	it('a smooth clock that hiccups once (held 50 ms under load, as Chromium was seen to) stays exact', () => {
		const clock = new SteppedClock();
		let time = 10;
		for (let ms = 0; ms < 1000; ms += 10) {
			if (ms < 400 || ms >= 450) time += 0.01;
			expect(at(clock, ms, time)).toBe(time);
		}
		expect(clock.coarse).toBe(false);
	});

	it('carries a stepped clock on between steps, up to one step, from where it stepped', () => {
		const clock = new SteppedClock();
		// Steps of 40 ms at wall 0, 40, 80…; read every 10 ms.
		for (let ms = 0; ms <= 200; ms += 10) at(clock, ms, Math.floor(ms / 40) * 0.04);
		expect(clock.coarse).toBe(true);
		expect(clock.step).toBeCloseTo(0.04, 9);
		// 25 ms after the step at 200: 0.2 reported, 0.225 really.
		expect(at(clock, 225, 0.2)).toBeCloseTo(0.225, 9);
		// Never more than a step ahead of what is reported, however long it stands still.
		expect(at(clock, 400, 0.2)).toBeCloseTo(0.24, 9);
	});

	it('starts afresh after a reset, and does not guess while not flowing', () => {
		const clock = new SteppedClock();
		for (let ms = 0; ms <= 200; ms += 10) at(clock, ms, Math.floor(ms / 40) * 0.04);
		clock.reset();
		expect(at(clock, 215, 30)).toBe(30);
		expect(at(clock, 230, 30)).toBe(30);
		expect(at(clock, 250, 30, false)).toBe(30);
	});
});
