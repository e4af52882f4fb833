/*
 * What staff need to know of the kiosk's offline store: whether it is being stored, stored, or
 * failed (and why), from the service worker's install as the page sees it. The container and
 * registration are injected (the browser's in the kiosk, fakes in tests).
 */

export type OfflineStatus =
	| { state: 'storing' }
	| { state: 'stored' }
	| { state: 'failed'; reason: string }
	/** No service worker here (development, or a browser without them): online only. */
	| { state: 'unavailable' };

/** The message the service worker sends its pages when an install fails. */
export interface InstallFailedMessage {
	type: 'offline-store-failed';
	reason: string;
}

export function isInstallFailedMessage(data: unknown): data is InstallFailedMessage {
	const message = data as Partial<InstallFailedMessage> | null;
	return message?.type === 'offline-store-failed' && typeof message.reason === 'string';
}

/** What is read of a ServiceWorker. */
export interface WorkerLike extends EventTarget {
	readonly state: string;
}
/** What is read of a ServiceWorkerRegistration. */
export interface RegistrationLike extends EventTarget {
	readonly installing: WorkerLike | null;
	readonly waiting: WorkerLike | null;
	readonly active: WorkerLike | null;
	update(): Promise<unknown>;
}
/** What is used of navigator.serviceWorker. */
export interface ContainerLike<R extends RegistrationLike = RegistrationLike> extends EventTarget {
	register(url: string, options: { scope: string }): Promise<R>;
	startMessages?(): void;
}

/** Why an install failed when the worker did not say (an older worker, a lost message). */
export const UNKNOWN_REASON = 'the install failed';

/**
 * Registers the worker at `url` and reports each change of the store's status; `retry()` starts
 * the install again (a failed first install leaves no registration: registering again starts
 * afresh; a failed update is tried again by `update()`). `stop()` stops listening.
 */
export function followOfflineStore<R extends RegistrationLike>(
	container: ContainerLike<R>,
	url: string,
	scope: string,
	report: (status: OfflineStatus) => void
): { retry: () => void; stop: () => void; registration: () => R | undefined } {
	let registration: R | undefined;
	let reason: string | undefined;
	let stopped = false;
	const say = (status: OfflineStatus) => {
		if (!stopped) report(status);
	};

	const onMessage = (event: Event) => {
		const data = (event as MessageEvent).data;
		if (isInstallFailedMessage(data)) {
			reason = data.reason;
			say({ state: 'failed', reason });
		}
	};
	container.addEventListener('message', onMessage);
	container.startMessages?.();

	/** Follows one installing worker to its end: stored, or failed. */
	const follow = (worker: WorkerLike) => {
		say({ state: 'storing' });
		const onState = () => {
			if (worker.state === 'installed' || worker.state === 'activated') {
				worker.removeEventListener('statechange', onState);
				say({ state: 'stored' });
			} else if (worker.state === 'redundant') {
				worker.removeEventListener('statechange', onState);
				say({ state: 'failed', reason: reason ?? UNKNOWN_REASON });
			}
		};
		worker.addEventListener('statechange', onState);
		onState();
	};
	const onUpdateFound = () => {
		if (registration?.installing) follow(registration.installing);
	};

	const register = async (again: boolean) => {
		reason = undefined;
		say({ state: 'storing' });
		try {
			const found = await container.register(url, { scope });
			// A browser that blocks service workers (a locked-down profile, some test set-ups)
			// may answer with nothing rather than an error.
			if (!found) throw new Error('this browser did not register the offline store');
			if (found !== registration) {
				registration?.removeEventListener('updatefound', onUpdateFound);
				registration = found;
				found.addEventListener('updatefound', onUpdateFound);
			}
			const installing = found.installing ?? found.waiting;
			if (installing) follow(installing);
			else if (found.active) {
				say({ state: 'stored' });
				// A retry after a failed update asks for the new version again (not at every load:
				// offline, that would fail where nothing is wrong).
				if (again) await found.update();
			}
		} catch (error) {
			say({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
		}
	};
	void register(false);

	return {
		retry: () => void register(true),
		stop: () => {
			stopped = true;
			container.removeEventListener('message', onMessage);
			registration?.removeEventListener('updatefound', onUpdateFound);
		},
		registration: () => registration
	};
}
