import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMedia } from './fake-media.ts';
import {
	ERROR_GRACE_SECONDS,
	MediaRecovery,
	STALL_SECONDS,
	type MediaProblem
} from './media-recovery.ts';

const NETWORK = 2;
const DECODE = 3;
const SRC_NOT_SUPPORTED = 4;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Recovery of a fake element, with what it reported; the reader is at `reader.position`. */
function setup(prepare: (media: FakeMedia) => void = (media) => media.loaded(60)) {
	const media = new FakeMedia();
	prepare(media);
	const network = new EventTarget();
	const reader = { position: 0 };
	const reported = {
		problem: undefined as MediaProblem | undefined,
		buffering: false,
		failed: 0,
		restored: 0
	};
	const recovery = new MediaRecovery(
		media,
		() => reader.position,
		{
			problem: (problem) => (reported.problem = problem),
			buffering: (waiting) => (reported.buffering = waiting),
			failed: () => reported.failed++,
			restored: () => reported.restored++
		},
		network
	);
	const goOnline = () => network.dispatchEvent(new Event('online'));
	return { media, recovery, reader, reported, goOnline };
}

/** Lets promise callbacks (a rejected play()) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('stalls', () => {
	it('says so when playing waits for data too long, and not before', () => {
		const { media, reported } = setup();
		void media.play();
		media.starve();
		expect(reported.buffering).toBe(true);
		vi.advanceTimersByTime(STALL_SECONDS * 1000 - 1);
		expect(reported.problem).toBeUndefined();
		vi.advanceTimersByTime(1);
		expect(reported.problem).toBe('stalled');
	});

	it('clears the stall when data flows again', () => {
		const { media, reported } = setup();
		void media.play();
		media.starve();
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		media.feed();
		expect(reported.problem).toBeUndefined();
		expect(reported.buffering).toBe(false);
	});

	it('data arriving in time means no stall', () => {
		const { media, reported } = setup();
		void media.play();
		media.starve();
		vi.advanceTimersByTime(1000);
		media.feed();
		vi.advanceTimersByTime(STALL_SECONDS * 2000);
		expect(reported.problem).toBeUndefined();
	});

	it('a play before any data arrived stalls too, and a pause is no stall', () => {
		const { media, reported } = setup(() => {});
		void media.play();
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		expect(reported.problem).toBe('stalled');

		const other = setup(() => {});
		void other.media.play();
		other.media.pause();
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		expect(other.reported.problem).toBeUndefined();
		expect(other.reported.buffering).toBe(false);
	});
});

describe('failures', () => {
	it('a file that cannot be fetched is unreachable; a broken connection is an interruption', () => {
		const unreachable = setup(() => {});
		unreachable.media.fail(SRC_NOT_SUPPORTED);
		expect(unreachable.reported.problem).toBe('unreachable');
		expect(unreachable.recovery.failed).toBe(true);
		expect(unreachable.reported.failed).toBe(1);

		const interrupted = setup();
		interrupted.media.fail(NETWORK);
		expect(interrupted.reported.problem).toBe('interrupted');
	});

	it('an element that had failed before recovery began is failed', () => {
		const { recovery, reported } = setup((media) => (media.error = { code: SRC_NOT_SUPPORTED }));
		expect(recovery.failed).toBe(true);
		expect(reported.problem).toBe('unreachable');
	});

	it('back online after a failure: loads again and returns to the reader', () => {
		const { media, recovery, reader, reported, goOnline } = setup();
		media.fail(NETWORK);
		reader.position = 12;
		goOnline();
		expect(media.loads).toBe(1);
		expect(recovery.failed).toBe(false);
		expect(recovery.reloading).toBe(true);
		expect(reported.problem).toBeUndefined();
		media.loaded(60);
		expect(media.currentTime).toBe(12);
		expect(recovery.reloading).toBe(false);
		expect(reported.restored).toBe(1);
		expect(media.paused).toBe(true);
	});

	it('online without a failure does nothing', () => {
		const { media, goOnline } = setup();
		goOnline();
		expect(media.loads).toBe(0);
	});

	it('play after a failure loads again, at the place the reader moved to meanwhile', () => {
		const { media, recovery, reader, reported } = setup();
		media.fail(NETWORK);
		reader.position = 30; // a seek the failed element could not take
		recovery.play();
		expect(media.loads).toBe(1);
		reader.position = 42; // and another while it loads
		media.loaded(60);
		expect(media.currentTime).toBe(42);
		expect(media.paused).toBe(false);
		expect(reported.restored).toBe(1);
		expect(reported.problem).toBeUndefined();
	});

	it('a first load after a seek puts the element at the reader; while playing it is left alone', () => {
		const paused = setup(() => {});
		paused.reader.position = 8;
		paused.media.loaded(60);
		expect(paused.media.currentTime).toBe(8);
		expect(paused.reported.restored).toBe(0);

		const playing = setup(() => {});
		void playing.media.play();
		playing.reader.position = 8;
		playing.media.loaded(60);
		expect(playing.media.currentTime).toBe(0);
	});

	it('an aborted play() is no problem; a refused one is', async () => {
		const aborted = setup();
		aborted.media.rejectNextPlay = 'AbortError';
		aborted.recovery.play();
		await settle();
		expect(aborted.reported.problem).toBeUndefined();

		const refused = setup();
		refused.media.rejectNextPlay = 'NotAllowedError';
		refused.recovery.play();
		await settle();
		expect(refused.reported.problem).toBe('interrupted');
	});
});

describe('an error while the element plays on', () => {
	it('is not fatal when the clock keeps moving (Firefox without an audio output)', () => {
		const { media, recovery, reported } = setup();
		void media.play();
		vi.advanceTimersByTime(500);
		media.fail(DECODE);
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 1000 * 3);
		expect(reported.problem).toBeUndefined();
		expect(reported.failed).toBe(0);
		expect(recovery.failed).toBe(false);
	});

	it('is fatal when the clock has stood still through the grace period', () => {
		const { media, recovery, reported } = setup();
		void media.play();
		media.starve();
		media.fail(NETWORK);
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 1000 - 1);
		expect(reported.failed).toBe(0);
		vi.advanceTimersByTime(1);
		expect(reported.problem).toBe('interrupted');
		expect(reported.failed).toBe(1);
		expect(recovery.failed).toBe(true);
	});

	it('before any data, at the first play (Firefox without a sound output): not fatal once the clock runs', () => {
		const { media, recovery, reported } = setup((media) => media.loadedMetadata(60));
		void media.play();
		media.fail(DECODE);
		media.feed();
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 1000 * 3);
		expect(reported.problem).toBeUndefined();
		expect(reported.failed).toBe(0);
		expect(recovery.failed).toBe(false);
		expect(media.currentTime).toBeGreaterThan(2);
	});

	it('a pause within the grace period, the clock having moved, is no failure', () => {
		const { media, reported } = setup();
		void media.play();
		vi.advanceTimersByTime(500);
		media.fail(DECODE);
		vi.advanceTimersByTime(300);
		media.pause();
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 1000 * 3);
		expect(reported.problem).toBeUndefined();
		expect(reported.failed).toBe(0);
	});

	it('paused before the clock was seen moving: judged at the next play', () => {
		const { media, reported } = setup();
		void media.play();
		media.fail(DECODE);
		vi.advanceTimersByTime(100);
		media.pause();
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 3000);
		expect(reported.failed).toBe(0);
		void media.play();
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 3000);
		expect(reported.failed).toBe(0);
		expect(reported.problem).toBeUndefined();

		// A real failure: the clock still does not move at the next play.
		const broken = setup();
		void broken.media.play();
		broken.media.starve();
		broken.media.fail(NETWORK);
		broken.media.pause();
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 3000);
		expect(broken.reported.failed).toBe(0);
		void broken.media.play();
		vi.advanceTimersByTime(ERROR_GRACE_SECONDS * 1000);
		expect(broken.reported.failed).toBe(1);
		expect(broken.reported.problem).toBe('interrupted');
	});

	it('is fatal at once when the element has no data where it is', () => {
		const { media, reported } = setup(() => {});
		void media.play();
		media.fail(SRC_NOT_SUPPORTED);
		expect(reported.problem).toBe('unreachable');
	});
});

describe('a clock that runs without the events saying so (WebKit after a seek)', () => {
	it('at HAVE_CURRENT_DATA with the clock running: not buffering, never stalled', () => {
		const { media, reported } = setup();
		media.runsWithoutFutureData = true;
		media.currentTime = 20;
		media.readyState = 2;
		void media.play();
		expect(reported.buffering).toBe(true);
		vi.advanceTimersByTime(1000);
		expect(reported.buffering).toBe(false);
		vi.advanceTimersByTime(STALL_SECONDS * 2000);
		expect(reported.problem).toBeUndefined();
	});

	it('a clock that stands still at HAVE_CURRENT_DATA is still a stall', () => {
		const { media, reported } = setup();
		media.currentTime = 20;
		media.readyState = 2;
		void media.play();
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		expect(reported.buffering).toBe(true);
		expect(reported.problem).toBe('stalled');
	});
});

describe('destroy', () => {
	it('stops listening to the element, the network and the watchdog', () => {
		const { media, recovery, reported, goOnline } = setup();
		void media.play();
		media.starve();
		recovery.destroy();
		vi.advanceTimersByTime(STALL_SECONDS * 1000);
		media.fail(NETWORK);
		goOnline();
		expect(reported.problem).toBeUndefined();
		expect(media.loads).toBe(0);
	});
});
