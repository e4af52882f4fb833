import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { CLIP } from './helpers';

/*
 * Real IIIF viewers, Clover and Ramp (Samvera), each on another origin, read a clip's manifest
 * straight from the site as npm run serve publishes it: they play the audio, show each
 * transcript by its label, and a click on a line seeks; Ramp also shows the chapters and seeks
 * to one (Clover 3.3 shows none, whatever the manifest says: see the README's table).
 */

const BUNDLE_DIR = join('test-results', 'iiif-viewer');
const VIEWERS = ['clover', 'ramp'];
let viewerSite: Server;
let viewerOrigin: string;

/** One viewer (tests/fixtures/iiif-viewer/<name>.js) built into one script and its styles. */
async function buildViewer(name: string) {
	await build({
		configFile: false,
		logLevel: 'silent',
		root: 'tests/fixtures/iiif-viewer',
		define: { 'process.env.NODE_ENV': '"production"' },
		build: {
			outDir: join(process.cwd(), BUNDLE_DIR, name),
			emptyOutDir: true,
			cssCodeSplit: false,
			lib: {
				entry: `${name}.js`,
				formats: ['iife'],
				name: 'IiifViewer',
				fileName: () => 'viewer.js',
				cssFileName: 'viewer'
			}
		}
	});
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	for (const name of VIEWERS) await buildViewer(name);
	// Another site: /<viewer>/ is the page, /<viewer>/viewer.js and viewer.css what it loads.
	viewerSite = createServer((request, response) => {
		const [, name, file] = new URL(request.url ?? '/', 'http://x').pathname.split('/');
		if (!name || !VIEWERS.includes(name)) {
			response.statusCode = 404;
			response.end();
			return;
		}
		if (file === 'viewer.js' || file === 'viewer.css') {
			const path = join(BUNDLE_DIR, name, file);
			response.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/css');
			response.end(existsSync(path) ? readFileSync(path) : '');
			return;
		}
		response.setHeader('content-type', 'text/html');
		response.end(
			'<!doctype html><meta charset="utf-8"><title>A IIIF viewer elsewhere</title>' +
				`<link rel="stylesheet" href="/${name}/viewer.css">` +
				`<div id="viewer"></div><script src="/${name}/viewer.js"></script>`
		);
	});
	await new Promise<void>((resolve) => viewerSite.listen(0, '127.0.0.1', resolve));
	viewerOrigin = `http://127.0.0.1:${(viewerSite.address() as AddressInfo).port}`;
});
test.afterAll(() => viewerSite?.close());

/** A clip's manifest as the site publishes it, and what a viewer should show of it. */
async function clipManifest(request: APIRequestContext, baseURL: string) {
	const url = `${baseURL}/clips/${CLIP}/manifest.json`;
	const manifest = await (await request.get(url)).json();
	const canvas = manifest.items[0];
	const labels: string[] = canvas.annotations.map(
		(page: { label: { en: string[] } }) => page.label.en[0]
	);
	const vtt = await (await request.get(canvas.annotations[0].items[0].body.id)).text();
	// The third line of the first transcript: its start, and its words.
	const third = [
		...vtt.matchAll(/(\d\d):(\d\d):(\d\d)\.(\d\d\d) -->[^\n]*\n(?:<v [^>]*>)?([^\n]*)/g)
	][2]!;
	const line = {
		start:
			Number(third[1]) * 3600 + Number(third[2]) * 60 + Number(third[3]) + Number(third[4]) / 1000,
		text: third[5]!.trim()
	};
	return { url, manifest, canvas, audio: canvas.items[0].items[0].body.id as string, labels, line };
}

/** The viewer's media element: our recording, its duration read, and a way to read its time. */
async function ourRecording(page: Page, audio: string, duration: number) {
	const media = page.locator('video, audio').first();
	await expect(media).toHaveJSProperty('currentSrc', audio, { timeout: 20_000 });
	await expect
		.poll(() => media.evaluate((m: HTMLMediaElement) => m.duration))
		.toBeCloseTo(duration, 0);
	return { media, time: () => media.evaluate((m: HTMLMediaElement) => m.currentTime) };
}

test('Clover, on another site, plays a clip and shows its transcripts by name', async ({
	page,
	request,
	baseURL
}) => {
	const { url, manifest, canvas, audio, labels, line } = await clipManifest(request, baseURL!);
	expect(labels.length).toBeGreaterThan(1);
	await page.goto(`${viewerOrigin}/clover/?manifest=${encodeURIComponent(url)}`);
	// (A 2 MB script to run first: on a busy machine, more than the default 5 s.)
	await expect(page.getByText(manifest.label.en[0]).first()).toBeVisible({ timeout: 20_000 });
	const { media, time } = await ourRecording(page, audio, canvas.duration);

	// Each transcript under its own label (Clover names each list by its page's label, for
	// assistive technology), and a line that seeks.
	await page.getByRole('tab', { name: 'Annotations' }).click();
	for (const label of labels) {
		await expect(page.getByRole('radiogroup', { name: label, exact: true })).toBeVisible();
	}
	await page
		.getByRole('radiogroup', { name: labels[0], exact: true })
		.getByRole('radio', { name: line.text })
		.click();
	await expect.poll(time).toBeGreaterThanOrEqual(line.start - 0.05);
	expect(await time()).toBeLessThan(line.start + 2);

	// And it plays: time goes on.
	await media.evaluate((m: HTMLMediaElement) => m.play());
	const playing = await time();
	await expect.poll(time).toBeGreaterThan(playing + 0.3);
});

test('Ramp, on another site, plays a clip, shows its transcripts and its chapters', async ({
	page,
	request,
	baseURL
}) => {
	const { url, canvas, manifest, audio, labels, line } = await clipManifest(request, baseURL!);
	await page.goto(`${viewerOrigin}/ramp/?manifest=${encodeURIComponent(url)}`);
	const { media, time } = await ourRecording(page, audio, canvas.duration);
	await media.evaluate((m: HTMLMediaElement) => m.play());
	await expect.poll(time).toBeGreaterThan(0.3);
	await media.evaluate((m: HTMLMediaElement) => m.pause());

	// The chapters, by their titles; one seeks to its start.
	const chapters = manifest.structures[0].items as {
		label: { en: string[] };
		items: { id: string }[];
	}[];
	expect(chapters.length).toBeGreaterThan(1);
	for (const chapter of chapters) {
		await expect(page.getByText(chapter.label.en[0]!).first()).toBeVisible();
	}
	const second = chapters[1]!;
	const chapterStart = Number(/#t=([\d.]+)/.exec(second.items[0]!.id)![1]);
	await page.getByText(second.label.en[0]!).first().click();
	await expect.poll(time).toBeGreaterThanOrEqual(chapterStart - 0.05);
	expect(await time()).toBeLessThan(chapterStart + 2);

	// The original's transcript, by its label (Ramp 3.3 reads the first annotation page only:
	// one language, where each has its page for the viewers that list them); a line seeks.
	const choice = page.getByRole('combobox', { name: 'Select transcripts' });
	await expect(choice.locator('option')).toHaveText([labels[0]!]);
	const transcriptLine = page.getByText(line.text).first();
	await expect(transcriptLine).toBeVisible();
	await transcriptLine.click();
	await expect.poll(time).toBeLessThan(line.start + 2);
	expect(await time()).toBeGreaterThanOrEqual(line.start - 0.05);
});
