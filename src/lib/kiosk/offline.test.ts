import { describe, expect, it } from 'vitest';
import {
	eachLimited,
	fetchWhole,
	parseOfflineList,
	parseRange,
	rangeResponse,
	sha256Hex,
	type FetchWith
} from './offline.ts';

const bytes = new TextEncoder().encode('0123456789').buffer as ArrayBuffer;
const stored = () =>
	new Response(bytes, { headers: { 'content-type': 'audio/mpeg', 'content-length': '10' } });

describe('parseOfflineList', () => {
	it('reads entries, with or without size and hash', () => {
		const sha256 = 'a'.repeat(64);
		expect(
			parseOfflineList({ entries: [{ url: '/kiosk' }, { url: '/a.mp3', size: 3, sha256 }] })
		).toEqual([
			{ url: '/kiosk', size: undefined, sha256: undefined },
			{ url: '/a.mp3', size: 3, sha256 }
		]);
	});

	it('names what is wrong', () => {
		expect(() => parseOfflineList({ urls: [] })).toThrow('offline.json: no "entries" list');
		expect(() => parseOfflineList({ entries: [{ url: '/a', size: -1 }] })).toThrow('entry 0');
		expect(() => parseOfflineList({ entries: [null] })).toThrow('entry 0');
	});
});

describe('fetchWhole', () => {
	/** A server that gives the listed answers in turn, and records the cache modes asked. */
	function server(...answers: (() => Response)[]) {
		const modes: RequestCache[] = [];
		const fetchWith: FetchWith = async (_url, cache) => {
			modes.push(cache);
			const answer = answers.shift();
			if (!answer) throw new TypeError('Failed to fetch');
			return answer();
		};
		return { fetchWith, modes };
	}
	const half = () => new Response(bytes.slice(0, 5), { headers: { 'content-length': '5' } });

	it('re-fetches a truncated 200, bypassing the HTTP cache, and stores the whole file', async () => {
		const entry = { url: '/a.mp3', size: 10, sha256: await sha256Hex(bytes) };
		const { fetchWith, modes } = server(half, stored);
		const response = await fetchWhole(entry, fetchWith);
		expect(response.status).toBe(200);
		expect((await response.arrayBuffer()).byteLength).toBe(10);
		expect(modes).toEqual(['no-cache', 'no-store']);
	});

	it('never stores a 206, a file whose bytes differ, or a short body with no listed size', async () => {
		const partial = () =>
			new Response(bytes.slice(0, 5), {
				status: 206,
				headers: { 'content-range': 'bytes 0-4/10' }
			});
		const entry = { url: '/a.mp3', size: 10, sha256: await sha256Hex(bytes) };
		await expect(fetchWhole(entry, server(partial, partial, partial).fetchWith)).rejects.toThrow(
			'/a.mp3: answered 206, not 200 (3 attempts)'
		);
		const other = () => new Response(new Uint8Array(10));
		await expect(fetchWhole(entry, server(other, other, other).fetchWith)).rejects.toThrow(
			'its content differs'
		);
		// Without a listed size, a body shorter than its Content-Length.
		const lying = () => {
			const response = half();
			response.headers.set('content-length', '10');
			return response;
		};
		await expect(fetchWhole({ url: '/p' }, server(lying, lying, lying).fetchWith)).rejects.toThrow(
			'5 bytes, where Content-Length says 10'
		);
	});

	it('gives up after the attempts, naming the URL and the last problem', async () => {
		await expect(fetchWhole({ url: '/a.mp3', size: 10 }, server(half).fetchWith)).rejects.toThrow(
			'/a.mp3: Failed to fetch (3 attempts)'
		);
	});

	it('stores a decoded body without its transfer headers', async () => {
		const compressed = () =>
			new Response(bytes, { headers: { 'content-encoding': 'br', 'content-length': '4' } });
		const response = await fetchWhole({ url: '/p.json' }, server(compressed).fetchWith);
		expect(response.headers.get('content-encoding')).toBeNull();
		expect(response.headers.get('content-length')).toBe('10');
	});
});

describe('parseRange (RFC 9110)', () => {
	it.each([
		['bytes=0-', { start: 0, end: 9 }],
		['bytes=2-4', { start: 2, end: 4 }],
		['bytes=9-', { start: 9, end: 9 }],
		['bytes=5-1000', { start: 5, end: 9 }],
		['bytes=-3', { start: 7, end: 9 }],
		['bytes=-1000', { start: 0, end: 9 }],
		['bytes=10-', 'unsatisfiable'],
		['bytes=1000-2000', 'unsatisfiable'],
		['bytes=-0', 'unsatisfiable'],
		['bytes=4-2', 'ignore'],
		['bytes=0-1,5-6', 'ignore'],
		['items=0-1', 'ignore'],
		['bytes=-', 'ignore']
	])('%s of 10 bytes: %o', (header, expected) => {
		expect(parseRange(header, 10)).toEqual(expected);
	});
});

describe('rangeResponse', () => {
	it('cuts a range as a static server does', async () => {
		const response = await rangeResponse(stored(), 'bytes=2-4');
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 2-4/10');
		expect(response.headers.get('content-length')).toBe('3');
		expect(response.headers.get('content-type')).toBe('audio/mpeg');
		expect(await response.text()).toBe('234');
	});

	it('answers 416 with the size for a range past the end, never an impossible 206', async () => {
		for (const header of ['bytes=10-', 'bytes=99-']) {
			const response = await rangeResponse(stored(), header);
			expect(response.status).toBe(416);
			expect(response.headers.get('content-range')).toBe('bytes */10');
		}
	});

	it('answers the whole file for a range it may ignore', async () => {
		const response = await rangeResponse(stored(), 'bytes=0-1,5-6');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('0123456789');
	});
});

describe('eachLimited', () => {
	it('runs every task, never more than the limit at once', async () => {
		let running = 0;
		let most = 0;
		const done: number[] = [];
		await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
			most = Math.max(most, ++running);
			await Promise.resolve();
			done.push(n);
			running--;
		});
		expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(most).toBe(3);
	});
});
