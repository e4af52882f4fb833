import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMedia, useFakeMediaGlobals } from './fake-media.ts';
import { STALL_SECONDS } from './media-recovery.ts';
import { PlayerState } from './player-state.svelte.ts';

/* The player composed: the mirror, the requests, and the two units working through it. */

/** The window's `online` and `offline` events. */
let network: EventTarget;

useFakeMediaGlobals();
beforeEach(() => {
	network = new EventTarget();
	vi.stubGlobal('addEventListener', network.addEventListener.bind(network));
	vi.stubGlobal('removeEventListener', network.removeEventListener.bind(network));
});

function setup() {
	const media = new FakeMedia();
	media.loaded(60);
	const player = new PlayerState(60);
	const detach = player.attach(media);
	return { media, player, detach };
}

describe('PlayerState', () => {
	it('mirrors the element and follows it while playing', () => {
		const { media, player } = setup();
		player.seek(10);
		expect(media.currentTime).toBe(10);
		player.play();
		expect(player.playing).toBe(true);
		vi.advanceTimersByTime(500);
		expect(player.currentTime).toBeGreaterThan(10.45);
		player.setRate(1.5);
		expect(player.rate).toBe(1.5);
		player.toggle();
		expect(player.playing).toBe(false);
		expect(player.currentTime).toBe(media.currentTime);
	});

	it('keeps a seek within the recording', () => {
		const { player } = setup();
		player.seek(-5);
		expect(player.currentTime).toBe(0);
		player.seek(99);
		expect(player.currentTime).toBe(60);
	});

	it('a range pauses at its end', () => {
		const { media, player } = setup();
		player.playRange(5, 5.5);
		expect(player.stopAt).toBe(5.5);
		vi.advanceTimersByTime(1000);
		expect(player.playing).toBe(false);
		expect(player.stopAt).toBeUndefined();
		expect(media.currentTime).toBeGreaterThanOrEqual(5.5);
		expect(media.currentTime).toBeLessThan(5.55);
	});

	it('a passage set to pause at its end plays only when asked, then pauses there', () => {
		const { media, player } = setup();
		player.seek(5);
		player.pauseAt(5.5);
		vi.advanceTimersByTime(1000);
		expect(player.playing).toBe(false);
		expect(player.currentTime).toBe(5);
		player.play();
		vi.advanceTimersByTime(1000);
		expect(player.playing).toBe(false);
		expect(media.currentTime).toBeGreaterThanOrEqual(5.5);
		expect(media.currentTime).toBeLessThan(5.55);
	});

	it('a range goes on when asked to, or after a seek past its end', () => {
		const { player } = setup();
		player.playRange(5, 5.5);
		player.keepPlaying();
		vi.advanceTimersByTime(1000);
		expect(player.playing).toBe(true);

		player.playRange(5, 5.5);
		player.seek(6);
		expect(player.stopAt).toBeUndefined();
	});

	it('stops at the end, and plays again from the start', () => {
		const { media, player } = setup();
		player.seek(59.9);
		player.play();
		vi.advanceTimersByTime(50);
		media.reachEnd();
		expect(player.playing).toBe(false);
		expect(player.currentTime).toBe(60);
		player.play();
		expect(player.currentTime).toBe(0);
		expect(player.playing).toBe(true);
	});

	it('after a failure: seeks wait, play loads again there, and time never drops to 0 meanwhile', () => {
		const { media, player } = setup();
		player.seek(20);
		media.fail(2);
		expect(player.problem).toBe('interrupted');
		player.seek(30);
		expect(player.currentTime).toBe(30);
		player.play();
		expect(media.loads).toBe(1);
		expect(player.problem).toBeUndefined();
		vi.advanceTimersByTime(100); // loading: the element reads 0
		expect(player.currentTime).toBe(30);
		media.loaded(60);
		vi.advanceTimersByTime(100);
		expect(player.currentTime).toBeGreaterThan(30);
		expect(player.currentTime).toBeLessThan(30.2);
	});

	it('back online after a failure: loads again at the reader, not playing', () => {
		const { media, player } = setup();
		media.fail(4);
		expect(player.problem).toBe('unreachable');
		player.seek(12);
		network.dispatchEvent(new Event('online'));
		expect(player.problem).toBeUndefined();
		media.loaded(60);
		expect(media.currentTime).toBe(12);
		expect(player.playing).toBe(false);
	});

	it('an aborted play() shows no problem', async () => {
		const { media, player } = setup();
		media.rejectNextPlay = 'AbortError';
		player.play();
		await vi.advanceTimersByTimeAsync(0);
		expect(player.problem).toBeUndefined();
	});

	it('a stall shows and clears', () => {
		const { media, player } = setup();
		player.play();
		media.starve();
		expect(player.buffering).toBe(true);
		vi.advanceTimersByTime(10_000);
		expect(player.problem).toBe('stalled');
		media.feed();
		expect(player.problem).toBeUndefined();
		expect(player.buffering).toBe(false);
	});

	it('an error while the element plays on (Firefox without a sound output): nothing stops', () => {
		const media = new FakeMedia();
		media.loadedMetadata(60);
		const player = new PlayerState(60);
		player.attach(media);
		player.playRange(5, 7);
		// At the first play, before any data; then data comes and the clock runs.
		media.fail(3);
		media.feed();
		vi.advanceTimersByTime(1000);
		expect(player.problem).toBeUndefined();
		expect(player.playing).toBe(true);
		// The highlight follows the clock…
		expect(player.currentTime).toBeGreaterThan(5.9);
		vi.advanceTimersByTime(1500);
		// …and the passage stops at its end.
		expect(player.playing).toBe(false);
		expect(media.paused).toBe(true);
		expect(media.currentTime).toBeLessThan(7.05);
		// The toggle plays again; it does not load the element afresh.
		player.toggle();
		expect(player.playing).toBe(true);
		expect(media.loads).toBe(0);
		expect(player.problem).toBeUndefined();
	});

	it('WebKit: play() pending at HAVE_CURRENT_DATA after a seek, the clock running, then AbortError on pause', async () => {
		const { media, player } = setup();
		media.pendingPlay = true;
		media.runsWithoutFutureData = true;
		player.seek(20);
		media.readyState = 2; // after the seek, WebKit has the current frame only
		player.play();
		expect(player.playing).toBe(true);
		vi.advanceTimersByTime(1000);
		// The highlight follows, and no "Loading audio…" while the audio plays.
		expect(player.currentTime).toBeGreaterThan(20.9);
		expect(player.buffering).toBe(false);
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		expect(player.problem).toBeUndefined();
		// The toggle pauses; the pending play() is rejected with AbortError, which is no problem.
		player.toggle();
		await vi.advanceTimersByTimeAsync(0);
		expect(player.playing).toBe(false);
		expect(media.paused).toBe(true);
		expect(player.buffering).toBe(false);
		expect(player.problem).toBeUndefined();
		const at = player.currentTime;
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		expect(player.problem).toBeUndefined();
		expect(player.currentTime).toBe(at);
		// And plays again from there.
		player.toggle();
		expect(player.playing).toBe(true);
		expect(media.loads).toBe(0);
		vi.advanceTimersByTime(500);
		expect(player.currentTime).toBeGreaterThan(at + 0.4);
	});

	it('detaching lets the element go', () => {
		const { media, player, detach } = setup();
		player.play();
		detach();
		expect(player.attached).toBe(false);
		expect(player.playing).toBe(false);
		media.fail(2);
		expect(player.problem).toBeUndefined();
	});
});
