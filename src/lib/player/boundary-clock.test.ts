import { describe, expect, it, vi } from 'vitest';
import { BoundaryClock, EARLY_MARGIN } from './boundary-clock.ts';
import { FakeMedia, useFakeMediaGlobals } from './fake-media.ts';

/*
 * Fake timers fire exactly on time, so the early lead that absorbs real timers' lateness shows
 * here as the change coming up to EARLY_MARGIN before the audio reaches the boundary.
 */

interface Published {
	time: number;
	/** Where the audio was when that time was published. */
	audio: number;
}

useFakeMediaGlobals();

/** A clock following a loaded fake element, recording what it publishes. */
function setup(boundaries: number[]) {
	const media = new FakeMedia();
	media.loaded(60);
	const published: Published[] = [];
	const clock = new BoundaryClock((time) => published.push({ time, audio: media.currentTime }));
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

/** Asserts the time moved exactly onto `boundary`, no earlier than EARLY_MARGIN before the audio. */
function expectSnappedOnto(published: Published[], boundary: number) {
	const first = firstPast(published, boundary);
	expect(first?.time).toBe(boundary);
	expect(first!.audio).toBeGreaterThanOrEqual(boundary - EARLY_MARGIN - 1e-9);
	expect(first!.audio).toBeLessThanOrEqual(boundary);
}

describe('BoundaryClock', () => {
	it('follows the audio every frame while playing', () => {
		const { published, playFrom } = setup([]);
		playFrom(2);
		vi.advanceTimersByTime(100);
		expect(published.length).toBeGreaterThanOrEqual(6);
		expect(published.at(-1)!.time).toBeCloseTo(2.096, 6);
	});

	it('moves onto a boundary between frames, a few ms early by design', () => {
		const { published, playFrom } = setup([1]);
		playFrom(0.9);
		vi.advanceTimersByTime(200);
		expectSnappedOnto(published, 1);
		// Aimed early: the change comes before the audio reaches the boundary, not after.
		expect(firstPast(published, 1)!.audio).toBeLessThan(1);
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
});
