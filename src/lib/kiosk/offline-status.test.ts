import { describe, expect, it, vi } from 'vitest';
import {
	followOfflineStore,
	UNKNOWN_REASON,
	type ContainerLike,
	type OfflineStatus,
	type RegistrationLike
} from './offline-status.ts';

class FakeWorker extends EventTarget {
	constructor(public state = 'installing') {
		super();
	}
	become(state: string) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget implements RegistrationLike {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
	updates = 0;
	async update() {
		this.updates++;
	}
}

/** A container whose next register() gives `next()`; `post` is the worker's postMessage. */
function setup(next: () => FakeRegistration) {
	const statuses: OfflineStatus[] = [];
	const container = Object.assign(new EventTarget(), {
		register: vi.fn(async () => next())
	}) satisfies ContainerLike;
	const post = (data: unknown) => container.dispatchEvent(new MessageEvent('message', { data }));
	const store = followOfflineStore(container, '/service-worker.js', '/', (s) => statuses.push(s));
	const last = () => statuses.at(-1);
	return { statuses, container, post, store, last };
}

/** Lets the register() promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followOfflineStore', () => {
	it('storing, then stored once the worker has installed', async () => {
		const registration = new FakeRegistration();
		const worker = (registration.installing = new FakeWorker());
		const { last } = setup(() => registration);
		await settle();
		expect(last()).toEqual({ state: 'storing' });
		worker.become('installed');
		expect(last()).toEqual({ state: 'stored' });
	});

	it('a failed install says why (from the worker’s message), and a retry starts afresh', async () => {
		const failing = new FakeRegistration();
		const worker = (failing.installing = new FakeWorker());
		const fresh = new FakeRegistration();
		const again = (fresh.installing = new FakeWorker());
		let registration = failing;
		const { last, post, store, container } = setup(() => registration);
		await settle();
		post({ type: 'offline-store-failed', reason: '/media/a/audio.mp3: answered 206, not 200' });
		worker.become('redundant');
		expect(last()).toEqual({
			state: 'failed',
			reason: '/media/a/audio.mp3: answered 206, not 200'
		});

		registration = fresh;
		store.retry();
		await settle();
		expect(container.register).toHaveBeenCalledTimes(2);
		expect(last()).toEqual({ state: 'storing' });
		again.become('activated');
		expect(last()).toEqual({ state: 'stored' });
	});

	it('a browser that registers nothing (service workers blocked) shows as failed, and why', async () => {
		const { last } = setup(() => undefined as unknown as FakeRegistration);
		await settle();
		expect(last()).toEqual({
			state: 'failed',
			reason: 'this browser did not register the offline store'
		});
	});

	it('a worker that fails without a word still shows as failed', async () => {
		const registration = new FakeRegistration();
		const worker = (registration.installing = new FakeWorker());
		const { last } = setup(() => registration);
		await settle();
		worker.become('redundant');
		expect(last()).toEqual({ state: 'failed', reason: UNKNOWN_REASON });
	});

	it('already stored: stored at once, and only a retry asks for an update', async () => {
		const registration = new FakeRegistration();
		registration.active = new FakeWorker('activated');
		const { last, store } = setup(() => registration);
		await settle();
		expect(last()).toEqual({ state: 'stored' });
		expect(registration.updates).toBe(0);
		store.retry();
		await settle();
		expect(registration.updates).toBe(1);
	});

	it('a new version found later is followed too', async () => {
		const registration = new FakeRegistration();
		registration.active = new FakeWorker('activated');
		const { last } = setup(() => registration);
		await settle();
		const update = (registration.installing = new FakeWorker());
		registration.dispatchEvent(new Event('updatefound'));
		expect(last()).toEqual({ state: 'storing' });
		update.become('redundant');
		expect(last()).toMatchObject({ state: 'failed' });
	});

	it('a registration refused says why', async () => {
		const { last } = setup(() => {
			throw new Error('SecurityError: not allowed');
		});
		await settle();
		expect(last()).toEqual({ state: 'failed', reason: 'SecurityError: not allowed' });
	});
});
