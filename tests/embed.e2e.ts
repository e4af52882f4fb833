import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { CLIP, openClip } from './helpers';

/*
 * The embedded player in a partner's page: the page is served from another origin on loopback
 * (127.0.0.2), frames /embed/<slug> from the site, and drives it only through the documented
 * postMessage API, as a museum's or a newspaper's page would.
 */

/** A host page: frames `src`, keeps every message from the player and sizes the frame by them. */
const hostPage = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>
<body style="margin: 2rem; font-family: sans-serif">
<h1>A partner's article</h1>
<p>The passage below is embedded from the archive.</p>
<iframe id="player" src="${src}" title="Testimony" width="100%" height="300" style="border: 1px solid #999"></iframe>
<script>
	window.events = [];
	addEventListener('message', (event) => {
		if (event.data?.protocol !== 'testimony-player') return;
		events.push(event.data);
		if (event.data.event === 'resize') document.getElementById('player').height = event.data.height;
	});
	window.send = (message) => document.getElementById('player').contentWindow.postMessage(message, '*');
</script>
</body></html>`;

let host: Server;
let hostOrigin: string;
let embedSrc = '';

test.beforeAll(async () => {
	host = createServer((_, response) => {
		response.setHeader('content-type', 'text/html; charset=utf-8');
		response.end(hostPage(embedSrc));
	});
	await new Promise<void>((done) => host.listen(0, '127.0.0.2', done));
	hostOrigin = `http://127.0.0.2:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((done) => host.close(() => done())));

type PlayerEvent = { event: string; currentTime?: number; paused?: boolean; height?: number } & {
	cue?: { start: number; end: number; text: string; lang: string } | null;
};
const events = (page: Page) =>
	page.evaluate(() => (window as unknown as { events: PlayerEvent[] }).events);
const send = (page: Page, message: unknown) =>
	page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
const frameAudio = (page: Page) => page.frameLocator('#player').locator('audio');

async function openHost(page: Page, baseURL: string, path: string) {
	embedSrc = `${baseURL}${path}`;
	await page.goto(`${hostOrigin}/`);
	await expect.poll(async () => (await events(page)).some((e) => e.event === 'ready')).toBe(true);
}

test('a host page plays, seeks and pauses the player by postMessage, and hears its events', async ({
	page,
	baseURL
}) => {
	await openHost(page, baseURL!, `/embed/${CLIP}`);
	// The frame takes its content's height: the host sized it from the player's report.
	await expect
		.poll(async () => (await events(page)).findLast((e) => e.event === 'resize')?.height)
		.toBeGreaterThan(300);
	const reported = (await events(page)).findLast((e) => e.event === 'resize')!.height!;
	const inner = await page
		.frameLocator('#player')
		.locator('main')
		.evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
	expect(reported).toBe(inner);
	expect(await page.locator('#player').getAttribute('height')).toBe(String(reported));

	await send(page, { protocol: 'testimony-player', command: 'play' });
	await expect
		.poll(async () => (await events(page)).some((e) => e.event === 'timeupdate' && !e.paused))
		.toBe(true);

	await send(page, { protocol: 'testimony-player', command: 'seek', time: 40 });
	await expect
		.poll(async () =>
			(await events(page)).some(
				(e) => e.event === 'cuechange' && e.cue && e.cue.start <= 40 && e.cue.end > 40
			)
		)
		.toBe(true);
	await expect
		.poll(async () =>
			(await events(page)).some((e) => e.event === 'timeupdate' && e.currentTime! >= 40)
		)
		.toBe(true);

	await send(page, { protocol: 'testimony-player', command: 'pause' });
	await expect.poll(async () => (await events(page)).some((e) => e.event === 'pause')).toBe(true);
	await expect(frameAudio(page)).toHaveJSProperty('paused', true);
	const cue = (await events(page)).findLast((e) => e.event === 'cuechange')!.cue!;
	expect(cue.text.length).toBeGreaterThan(0);
	expect(cue.lang).toMatch(/^[a-z]{2}$/);
});

test('the player ignores messages that are not exactly its commands', async ({ page, baseURL }) => {
	await openHost(page, baseURL!, `/embed/${CLIP}`);
	const ignored = [
		{ command: 'play' },
		{ protocol: 'another-player', command: 'play' },
		{ protocol: 'testimony-player', command: 'eval', code: 'alert(1)' },
		{ protocol: 'testimony-player', command: 'seek', time: '30' },
		{ protocol: 'testimony-player', command: 'seek', time: -5 },
		{ protocol: 'testimony-player', command: 'seek', time: Number.POSITIVE_INFINITY },
		'{"protocol":"testimony-player","command":"play"}'
	];
	for (const message of ignored) await send(page, message);
	// A command sent after them is handled, so they were handled (and ignored) before it.
	await send(page, { protocol: 'testimony-player', command: 'seek', time: 12 });
	await expect(frameAudio(page)).toHaveJSProperty('currentTime', 12);
	await expect(frameAudio(page)).toHaveJSProperty('paused', true);
	expect((await events(page)).filter((e) => e.event === 'play')).toEqual([]);
});

test('a passage link plays only its passage', async ({ page, baseURL }) => {
	await openHost(page, baseURL!, `/embed/${CLIP}#t=32,34.5`);
	const frame = page.frameLocator('#player');
	await expect(frame.getByTestId('embed-passage')).toHaveText('Passage 0:32–0:35');
	await expect(frameAudio(page)).toHaveJSProperty('currentTime', 32);
	// A keyboard user inside the frame: the play button is a real button.
	await frame.getByTestId('play').focus();
	await page.keyboard.press('Enter');
	await expect.poll(async () => (await events(page)).some((e) => e.event === 'pause')).toBe(true);
	const paused = (await events(page)).find((e) => e.event === 'pause')!;
	expect(paused.currentTime).toBeGreaterThanOrEqual(34.5);
	expect(paused.currentTime).toBeLessThan(35);
	const times = (await events(page))
		.filter((e) => e.event === 'timeupdate')
		.map((e) => e.currentTime!);
	expect(Math.min(...times)).toBeGreaterThanOrEqual(32);
	expect(Math.max(...times)).toBeLessThan(35);
});

test('a keyboard user in the frame has the single-key shortcuts', async ({ page, baseURL }) => {
	await openHost(page, baseURL!, `/embed/${CLIP}`);
	const frame = page.frameLocator('#player');
	const currentTime = () =>
		frameAudio(page).evaluate((audio: HTMLAudioElement) => audio.currentTime);
	await frame.getByTestId('play').focus();
	await page.keyboard.press('k');
	await expect(frameAudio(page)).toHaveJSProperty('paused', false);
	await page.keyboard.press('k');
	await expect(frameAudio(page)).toHaveJSProperty('paused', true);
	const before = await currentTime();
	await page.keyboard.press('l');
	await expect.poll(currentTime).toBeGreaterThan(before + 9);
	await page.keyboard.press('?');
	const dialog = frame.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});

test('the embed shows the provenance label and credit, and honours lang=', async ({
	page,
	baseURL
}) => {
	await page.goto(`${baseURL}/embed/${CLIP}?lang=fr`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByTestId('provenance')).toContainText('Narration synthétisée');
	await expect(page.getByTestId('provenance')).toContainText('Source : INED Éditions');
	await expect(page.getByRole('radio', { name: /Français/ })).toBeChecked();
	// No site chrome: no header, navigation or footer.
	await expect(page.locator('header.site-header, nav, footer')).toHaveCount(0);
});

test('the clip page offers embedding code for the clip and for the selected passage', async ({
	page,
	baseURL
}) => {
	await openClip(page);
	await page.getByText('Embed', { exact: true }).click();
	const code = page.getByTestId('embed-code');
	await expect(code).toHaveValue(new RegExp(`<iframe src="${baseURL}/embed/${CLIP}" title="`));
	await page.goto('about:blank');
	await page.goto(`/clips/${CLIP}#t=32,34.5&lang=en`);
	await page.getByText('Embed', { exact: true }).click();
	await expect(code).toHaveValue(
		new RegExp(`<iframe src="${baseURL}/embed/${CLIP}#t=32,34.5&amp;lang=en" title="`)
	);
	await expect(
		page.getByText('Code to show the passage 0:32–0:35 in another web page')
	).toBeVisible();
});

test('the clip page links its oEmbed file, which embeds the player', async ({ page, request }) => {
	await page.goto(`/clips/${CLIP}`);
	const href = await page
		.locator('link[rel="alternate"][type="application/json+oembed"]')
		.getAttribute('href');
	const oembed = await (await request.get(href!)).json();
	// A synthesized narration's author is the edition's narrator, never the witness.
	expect(oembed).toMatchObject({
		version: '1.0',
		type: 'rich',
		author_name: 'Narrator of the edition (synthesized narration; subject: Antanas Petrikonis)'
	});
	expect(oembed.html).toContain(`/embed/${CLIP}"`);
});

test('the link to the full page keeps its space before the site name, in every language', async ({
	page,
	baseURL
}) => {
	for (const lang of ['en', 'fr', 'uk', 'lt']) {
		await page.goto(`${baseURL}/embed/${CLIP}?lang=${lang}`);
		const link = page.locator('.open a');
		await expect(link).toBeVisible();
		// The gap between the words before the site's name and the name itself, as laid out.
		const gap = await link.evaluate((a) => {
			const before = a.firstChild!;
			const range = document.createRange();
			range.setStart(before, Math.max(0, before.textContent!.trimEnd().length - 1));
			range.setEnd(before, before.textContent!.trimEnd().length);
			return (
				a.querySelector('bdi')!.getBoundingClientRect().left - range.getBoundingClientRect().right
			);
		});
		expect(gap, lang).toBeGreaterThan(2);
		// Still a touch target.
		expect((await link.boundingBox())!.height, lang).toBeGreaterThanOrEqual(24);
	}
});

test('the embed finds in its transcript, as the clip page does', async ({ page, baseURL }) => {
	await page.goto(`${baseURL}/embed/${CLIP}`);
	const field = page.getByRole('searchbox', { name: 'Find in transcript' });
	await field.fill('camp');
	await expect(page.getByTestId('find-count')).toHaveText(/^– of 4$/);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('find-count')).toHaveText('1 of 4');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('find-count')).toHaveText('2 of 4');
	// The match stepped to is the line brought into view and marked.
	await expect(page.locator('.hit-current')).toBeInViewport();
});
