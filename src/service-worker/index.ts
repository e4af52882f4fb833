/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/*
 * The kiosk's offline store. Registered only by /kiosk (the public site does not use it). On
 * install it stores the build's scripts and styles and everything /kiosk/offline.json lists, so
 * the kiosk keeps working with the network cut and after a reload; audio byte ranges are cut
 * from the stored file, so seeking works offline too. A new deployment installs beside the old
 * one and waits: the kiosk switches to it at its next idle reset, never while someone listens.
 * Nothing is stored unchecked: each file is fetched whole (never a 206), checked against the
 * size and SHA-256 that offline.json lists (else its Content-Length), and fetched again if bad;
 * a file still bad after that fails the install, and the kiosk keeps the version it has.
 */
import { base, build, files, version } from '$service-worker';
import type { InstallFailedMessage } from '$lib/kiosk/offline-status';
import {
	eachLimited,
	fetchWhole,
	parseOfflineList,
	rangeResponse,
	type OfflineEntry
} from '$lib/kiosk/offline';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kiosk-${version}`;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			try {
				const response = await fetch(`${base}/kiosk/offline.json`, { cache: 'no-store' });
				const listed = parseOfflineList(await response.json());
				const byUrl = new Map<string, OfflineEntry>();
				for (const url of [...build, ...files]) byUrl.set(url, { url });
				for (const entry of listed) byUrl.set(entry.url, entry);
				// A few at a time: each file is held whole in memory while it is checked.
				await eachLimited([...byUrl.values()], 4, async (entry) => {
					const whole = await fetchWhole(entry, (url, cache) => fetch(url, { cache }));
					await cache.put(entry.url, whole);
				});
			} catch (error) {
				// Leave nothing half-stored: the next attempt starts afresh.
				await caches.delete(CACHE);
				// Tell the kiosk why, for its staff corner (a failed install is otherwise silent).
				const reason = error instanceof Error ? error.message : String(error);
				const message: InstallFailedMessage = { type: 'offline-store-failed', reason };
				const pages = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
				for (const page of pages) page.postMessage(message);
				throw error;
			}
		})()
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('kiosk-')) await caches.delete(key);
			}
			await worker.clients.claim();
		})()
	);
});

worker.addEventListener('message', (event) => {
	// The kiosk asks for this at an idle reset, when a new version is waiting.
	if (event.data === 'activate-update') void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
	event.respondWith(answer(request));
});

async function answer(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Page data is asked for with a query string (`?x-sveltekit-invalidated=…`).
	const stored = await cache.match(request, { ignoreSearch: request.url.includes('__data.json') });
	if (stored) {
		const range = request.headers.get('range');
		return range ? rangeResponse(stored, range) : stored;
	}
	return fetch(request);
}
