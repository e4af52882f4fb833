import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMedia, useFakeMediaGlobals } from './fake-media.ts';
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
