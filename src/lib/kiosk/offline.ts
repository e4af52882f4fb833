/*
 * The kiosk's offline store, as pure functions over web Request/Response objects: which files
 * to store (offline.json), how one is fetched whole and checked before it is stored, and how a
 * byte range is cut from a stored file. The service worker (src/service-worker) wires them up.
 */

/** One file the kiosk stores; `size` and `sha256` (hex) when the build knows its bytes. */
export interface OfflineEntry {
	url: string;
	size?: number;
	sha256?: string;
}

/** Reads /kiosk/offline.json; throws naming what is wrong. */
export function parseOfflineList(data: unknown): OfflineEntry[] {
	const entries = (data as { entries?: unknown } | null)?.entries;
	if (!Array.isArray(entries)) throw new Error('offline.json: no "entries" list');
	return entries.map((entry: Partial<OfflineEntry> | null, i) => {
		const { url, size, sha256 } = entry ?? {};
		const valid =
			typeof url === 'string' &&
			(size === undefined || (Number.isSafeInteger(size) && size >= 0)) &&
			(sha256 === undefined || (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)));
		if (!valid) throw new Error(`offline.json: entry ${i} is not { url, size?, sha256? }`);
		return { url, size, sha256 };
	});
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Why `body`, received in `response`, is not the whole of `entry`; undefined if it is. */
export async function problemWith(
	entry: OfflineEntry,
	response: Response,
	body: ArrayBuffer
): Promise<string | undefined> {
	// A 206 is part of the file (Firefox answers one for audio it has partly cached).
	if (response.status !== 200) return `answered ${response.status}, not 200`;
	if (entry.size !== undefined && body.byteLength !== entry.size) {
		return `${body.byteLength} bytes, where the build has ${entry.size}`;
	}
	if (entry.sha256 !== undefined && (await sha256Hex(body)) !== entry.sha256) {
		return 'its content differs from the build’s (SHA-256)';
	}
	// Without a listed size, Content-Length is the check left; it counts compressed bytes when
	// the response was compressed, and the body here is decoded.
	const length = response.headers.get('content-length');
	if (length !== null && !response.headers.has('content-encoding')) {
		if (Number(length) !== body.byteLength) {
			return `${body.byteLength} bytes, where Content-Length says ${length}`;
		}
	}
	return undefined;
}

/** Fetches a URL with a cache mode (injected: the service worker passes its own fetch). */
export type FetchWith = (url: string, cache: RequestCache) => Promise<Response>;

/**
 * Fetches `entry` whole and checked, and returns a response fit to store: status 200, the
 * checked bytes, the server's headers less those about the transfer. A bad answer (truncated,
 * partial, different, failed) is fetched again, up to `attempts` times in all; then this throws,
 * naming the URL and the last problem. The first try lets the HTTP cache revalidate
 * (`no-cache`: no old version's file, and an unchanged file is not downloaded again); a retry
 * bypasses the HTTP cache (`no-store`), where a partial or bad copy may be what answered.
 */
export async function fetchWhole(
	entry: OfflineEntry,
	fetchWith: FetchWith,
	attempts = 3
): Promise<Response> {
	let problem = '';
	for (let attempt = 0; attempt < attempts; attempt++) {
		try {
			const response = await fetchWith(entry.url, attempt === 0 ? 'no-cache' : 'no-store');
			const body = await response.arrayBuffer();
			problem = (await problemWith(entry, response, body)) ?? '';
			if (!problem) {
				const headers = new Headers(response.headers);
				headers.delete('content-encoding');
				headers.set('content-length', String(body.byteLength));
				return new Response(body, { status: 200, headers });
			}
		} catch (error) {
			problem = error instanceof Error ? error.message : String(error);
		}
	}
	throw new Error(`${entry.url}: ${problem} (${attempts} attempts)`);
}

/**
 * The first and last byte a `Range` header asks of a file of `size` bytes (RFC 9110, 14.1.2):
 * a range, or 'unsatisfiable' (answer 416), or 'ignore' for what a server may ignore (another
 * unit, several ranges, malformed: answer the whole file).
 */
export function parseRange(
	header: string,
	size: number
): { start: number; end: number } | 'unsatisfiable' | 'ignore' {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (!match[1] && !match[2])) return 'ignore';
	const [first, last] = [match[1]!, match[2]!];
	if (!first) {
		// A suffix: the last N bytes, or the whole file when it is shorter.
		const length = Number(last);
		if (length === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - length), end: size - 1 };
	}
	const start = Number(first);
	const end = last ? Number(last) : size - 1;
	if (last && end < start) return 'ignore';
	if (start >= size) return 'unsatisfiable';
	return { start, end: Math.min(end, size - 1) };
}

/** The answer to a request with a `Range` header, cut from a whole stored file. */
export async function rangeResponse(stored: Response, header: string): Promise<Response> {
	const blob = await stored.blob();
	const range = parseRange(header, blob.size);
	if (range === 'ignore') return new Response(blob, { status: 200, headers: stored.headers });
	if (range === 'unsatisfiable') {
		return new Response(null, {
			status: 416,
			headers: { 'content-range': `bytes */${blob.size}` }
		});
	}
	const headers = new Headers(stored.headers);
	headers.set('content-range', `bytes ${range.start}-${range.end}/${blob.size}`);
	headers.set('content-length', String(range.end - range.start + 1));
	return new Response(blob.slice(range.start, range.end + 1), { status: 206, headers });
}

/** Runs `task` on every item, at most `size` at a time (whole audio files sit in memory). */
export async function eachLimited<T>(
	items: T[],
	size: number,
	task: (item: T) => Promise<void>
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await task(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
