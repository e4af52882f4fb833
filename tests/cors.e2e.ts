import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { CLIP } from './helpers';

/*
 * Other people's software (IIIF viewers, oEmbed consumers) reads the published files from its
 * own origin. Here a page on another origin (another port) fetches each kind of file in CORS
 * mode, the audio by byte range, as such a viewer does; pages stay unreadable to it.
 */

let otherSite: Server;
let otherOrigin: string;

test.beforeAll(async () => {
	otherSite = createServer((_, response) => {
		response.setHeader('content-type', 'text/html');
		response.end('<!doctype html><title>Another site</title><p>A viewer elsewhere</p>');
	});
	await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
	otherOrigin = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}`;
});
test.afterAll(() => otherSite.close());

/** Every published file a clip's manifest names, and the collection's, oEmbed, peaks. */
async function publishedFiles(request: import('@playwright/test').APIRequestContext) {
	const manifest = await (await request.get(`/clips/${CLIP}/manifest.json`)).json();
	const canvas = manifest.items[0];
	return {
		audio: canvas.items[0].items[0].body.id as string,
		files: [
			'/manifest.json',
			`/clips/${CLIP}/manifest.json`,
			`/clips/${CLIP}/oembed.json`,
			`/clips/${CLIP}/peaks.json`,
			manifest.thumbnail[0].id,
			...canvas.annotations.flatMap((page: { items: { body: { id: string } }[] }) =>
				page.items.map((a) => a.body.id)
			),
			...(manifest.rendering ?? []).map((r: { id: string }) => r.id)
		] as string[]
	};
}

test('another origin reads every published file, and seeks in the audio', async ({
	page,
	request,
	baseURL
}) => {
	const { audio, files } = await publishedFiles(request);
	// The WebVTT transcripts and the text ones are among them.
	expect(files.some((file) => file.endsWith('.vtt'))).toBe(true);
	expect(files.some((file) => file.endsWith('.txt'))).toBe(true);
	await page.goto(otherOrigin);
	const read = await page.evaluate(
		async ({ base, files }) =>
			Promise.all(
				files.map(async (file) => {
					const url = new URL(file, base).href;
					try {
						const response = await fetch(url, { mode: 'cors' });
						return { file, status: response.status, bytes: (await response.text()).length };
					} catch (error) {
						return { file, status: 0, error: String(error) };
					}
				})
			),
		{ base: baseURL!, files }
	);
	for (const result of read) {
		expect(result, result.file).toMatchObject({ status: 200 });
		expect(result.bytes, result.file).toBeGreaterThan(0);
	}

	// A byte range, as a player seeking: the part and its place are readable.
	const range = await page.evaluate(async (url) => {
		const response = await fetch(url, { mode: 'cors', headers: { Range: 'bytes=100-199' } });
		return {
			status: response.status,
			contentRange: response.headers.get('content-range'),
			acceptRanges: response.headers.get('accept-ranges'),
			bytes: (await response.arrayBuffer()).byteLength
		};
	}, audio);
	expect(range).toMatchObject({ status: 206, acceptRanges: 'bytes', bytes: 100 });
	expect(range.contentRange).toMatch(/^bytes 100-199\/\d+$/);

	// A request that needs a preflight (a header outside the simple ones) is allowed too.
	const revalidated = await page.evaluate(
		async (url) => {
			const response = await fetch(url, { mode: 'cors', headers: { 'If-None-Match': '"x"' } });
			return response.status;
		},
		new URL(`/clips/${CLIP}/manifest.json`, baseURL).href
	);
	expect(revalidated).toBe(200);
});

test('another origin cannot read the pages', async ({ page, baseURL }) => {
	await page.goto(otherOrigin);
	for (const path of ['/', `/clips/${CLIP}`, `/embed/${CLIP}`, '/kiosk']) {
		const outcome = await page.evaluate(async (url) => {
			try {
				await fetch(url, { mode: 'cors' });
				return 'read';
			} catch {
				return 'refused';
			}
		}, new URL(path, baseURL).href);
		expect(outcome, path).toBe('refused');
	}
});

test('the headers, for a host that reads _headers (Netlify, Cloudflare Pages)', async ({
	request
}) => {
	const file = await (await request.get('/_headers')).text();
	expect(file).toContain('/clips/:slug/:file\n  Access-Control-Allow-Origin: *');
	expect(file).toContain('/media/*\n  Access-Control-Allow-Origin: *');
	// Every page but the embeds refuses framing, by name.
	expect(file).toContain(`/clips/${CLIP}\n  Content-Security-Policy: frame-ancestors 'none'`);
	expect(file).not.toContain(`/embed/${CLIP}\n`);
});
