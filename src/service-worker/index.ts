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
 */
import { base, build, files, version } from '$service-worker';
import { createPartialResponse } from 'workbox-range-requests';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kiosk-${version}`;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			const response = await fetch(`${base}/kiosk/offline.json`, { cache: 'no-cache' });
			const { urls } = (await response.json()) as { urls: string[] };
			// `cache: 'no-cache'` so a new version never stores the old one's files from HTTP cache.
			const all = [...new Set([...build, ...files, ...urls])];
			await cache.addAll(all.map((url) => new Request(url, { cache: 'no-cache' })));
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
		return request.headers.has('range') ? createPartialResponse(request, stored) : stored;
	}
	return fetch(request);
}
