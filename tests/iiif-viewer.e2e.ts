import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { CLIP } from './helpers';

/*
 * A real IIIF viewer, Clover (Samvera), on another origin, reads a clip's manifest straight
 * from the site as npm run serve publishes it: it plays the audio, lists each transcript under
 * its label, and a click on a line seeks. (Clover 3.3 shows no chapters, whatever the manifest
 * says: the README's table of viewers says what each one shows.)
 */

const BUNDLE_DIR = join('test-results', 'iiif-viewer');
let viewerSite: Server;
let viewerOrigin: string;

test.beforeAll(async () => {
	await build({
		configFile: false,
		logLevel: 'silent',
		root: 'tests/fixtures/iiif-viewer',
		define: { 'process.env.NODE_ENV': '"production"' },
		build: {
			outDir: join(process.cwd(), BUNDLE_DIR),
			emptyOutDir: true,
			lib: {
				entry: 'clover.js',
				formats: ['iife'],
				name: 'CloverViewer',
				fileName: () => 'clover.js'
			}
		}
	});
	const script = readFileSync(join(BUNDLE_DIR, 'clover.js'));
	viewerSite = createServer((request, response) => {
		if (request.url === '/clover.js') {
			response.setHeader('content-type', 'text/javascript');
			response.end(script);
			return;
		}
		response.setHeader('content-type', 'text/html');
		response.end(
			'<!doctype html><meta charset="utf-8"><title>A IIIF viewer elsewhere</title>' +
				'<div id="viewer"></div><script src="/clover.js"></script>'
		);
	});
	await new Promise<void>((resolve) => viewerSite.listen(0, '127.0.0.1', resolve));
	viewerOrigin = `http://127.0.0.1:${(viewerSite.address() as AddressInfo).port}`;
});
test.afterAll(() => viewerSite?.close());

test('Clover, on another site, plays a clip and shows its transcripts by name', async ({
	page,
	request,
	baseURL
}) => {
	const manifestUrl = `${baseURL}/clips/${CLIP}/manifest.json`;
	const manifest = await (await request.get(manifestUrl)).json();
	const audio = manifest.items[0].items[0].items[0].body.id;
	const labels = manifest.items[0].annotations.map(
		(page: { label: { en: string[] } }) => page.label.en[0]
	);
	expect(labels.length).toBeGreaterThan(1);

	await page.goto(`${viewerOrigin}/?manifest=${encodeURIComponent(manifestUrl)}`);
	await expect(page.getByText(manifest.label.en[0]).first()).toBeVisible();

	// The recording, from our site, with its duration read.
	const media = page.locator('video, audio').first();
	await expect(media).toHaveJSProperty('currentSrc', audio);
	await expect
		.poll(() => media.evaluate((m: HTMLMediaElement) => m.duration))
		.toBeCloseTo(manifest.items[0].duration, 0);

	// Each transcript under its own label, and a line that seeks.
	await page.getByRole('tab', { name: 'Annotations' }).click();
	// (Clover names each list by its page's label, for assistive technology.)
	for (const label of labels) {
		await expect(page.getByRole('radiogroup', { name: label, exact: true })).toBeVisible();
	}
	const cues = await (await request.get(manifest.items[0].annotations[0].items[0].body.id)).text();
	const third = [
		...cues.matchAll(/(\d\d):(\d\d):(\d\d)\.(\d\d\d) -->[^\n]*\n(?:<v [^>]*>)?([^\n]*)/g)
	][2]!;
	const start =
		Number(third[1]) * 3600 + Number(third[2]) * 60 + Number(third[3]) + Number(third[4]) / 1000;
	await page
		.getByRole('radiogroup', { name: labels[0], exact: true })
		.getByRole('radio', { name: third[5]!.trim() })
		.click();
	await expect
		.poll(() => media.evaluate((m: HTMLMediaElement) => m.currentTime))
		.toBeGreaterThanOrEqual(start - 0.05);
	expect(await media.evaluate((m: HTMLMediaElement) => m.currentTime)).toBeLessThan(start + 2);

	// And it plays: time goes on.
	await media.evaluate((m: HTMLMediaElement) => m.play());
	const playing = await media.evaluate((m: HTMLMediaElement) => m.currentTime);
	await expect
		.poll(() => media.evaluate((m: HTMLMediaElement) => m.currentTime))
		.toBeGreaterThan(playing + 0.3);
});
