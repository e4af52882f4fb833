import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ERROR_RELOAD_AFTER_MS } from '../src/lib/kiosk/idle';
import { expect, test, WEBKIT_PROJECT } from './engines';
import { leaveAttract, wordsOf } from './helpers';
import { buildIn, copyProject, serveCopy } from './project-copy';
import { fixtureCollection, SITE_FIXTURE } from './site-fixture';

const audioTime = (page: Page) =>
	page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1);
const isPlaying = (page: Page) =>
	page.evaluate(
		() => !!document.querySelector('audio') && !document.querySelector('audio')!.paused
	);

async function openKioskClip(page: Page, index = 0) {
	await leaveAttract(page);
	await page.locator('a.tile').nth(index).click();
	await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
}

/** Every control a finger can reach, with its size. */
async function targets(page: Page) {
	return page.evaluate(() =>
		[
			...document.querySelectorAll<HTMLElement>(
				'a, button, label, select, input, [role="slider"], [tabindex="0"]'
			)
		]
			// An input inside its label is reached through the label.
			.filter((el) => !(el instanceof HTMLInputElement && el.closest('label')))
			.map((el) => {
				const box = el.getBoundingClientRect();
				return { what: el.outerHTML.slice(0, 80), width: box.width, height: box.height };
			})
			.filter((t) => t.width > 0 && t.height > 0)
	);
}

test.describe('museum kiosk', () => {
	test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

	test('attract screen, tiles, and a clip with large captions in the visitor’s language', async ({
		page
	}) => {
		await page.goto('/kiosk');
		const attract = page.getByTestId('attract');
		await expect(attract).toContainText('Touch the screen to listen');
		await expect(attract).toContainText('Touchez l’écran pour écouter');
		// The screen is never still: the excerpt is animating.
		expect(
			await page.evaluate(() => document.querySelector('.excerpt')?.getAnimations().length)
		).toBeGreaterThan(0);

		// The first excerpt is from a synthesized narration: it says so, large enough to read from
		// a few steps away (the line itself is 1.6 rem or more).
		const label = attract.getByTestId('excerpt-synthesized');
		await expect(label).toHaveText(
			'Synthesized narration of a summary written for this edition, not the witness’s voice'
		);
		expect(
			await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
		).toBeGreaterThanOrEqual(24);

		await attract.tap();
		await expect(page.locator('a.tile')).toHaveCount(fixtureCollection().kiosk.clips.length);
		await page.getByRole('button', { name: 'Français' }).tap();
		await expect(page.getByRole('heading', { name: 'Choisissez un enregistrement' })).toBeVisible();

		await page.locator('a.tile').first().tap();
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		const caption = page.getByTestId('kiosk-caption');
		await expect(caption).toHaveAttribute('lang', 'fr');
		// A line tapped in the transcript plays from its start; the caption shows that line.
		const line = page.locator('[data-languages] button.line[lang="fr"]').nth(3);
		await line.tap();
		await expect(line).toHaveAttribute('aria-current', 'true');
		const text = (await wordsOf(line)).trim();
		await expect(caption).toHaveText(text);
		await expect.poll(() => isPlaying(page)).toBe(true);
		const size = await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		await page.getByTestId('captions-larger').tap();
		expect(
			await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
		).toBeGreaterThan(size);
	});

	for (const viewport of [
		{ width: 1920, height: 1080 },
		{ width: 1080, height: 1920 }
	]) {
		test(`locked down, with touch targets of 48 px or more (${viewport.width}×${viewport.height})`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await page.goto('/kiosk');
			const check = async () => {
				// Only links inside the kiosk, no downloads, nothing selectable.
				const links = await page.evaluate(() =>
					[...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => ({
						url: a.href,
						download: a.hasAttribute('download'),
						target: a.target
					}))
				);
				for (const link of links) {
					expect(new URL(link.url).origin).toBe(new URL(page.url()).origin);
					expect(new URL(link.url).pathname).toMatch(/^\/kiosk(\/|$)/);
					expect(link.download).toBe(false);
					expect(link.target).toBe('');
				}
				expect(await page.locator('[download], audio[controls], video[controls]').count()).toBe(0);
				const selectable = await page.evaluate(
					() =>
						[...document.querySelectorAll<HTMLElement>('body *')].filter(
							(el) => el.checkVisibility() && getComputedStyle(el).userSelect !== 'none'
						).length
				);
				expect(selectable).toBe(0);
				// No context menu or long-press callout (once the page is interactive: the kiosk
				// refuses them from its script).
				await expect
					.poll(() =>
						page.evaluate(() => {
							const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
							document.querySelector('h1, button')!.dispatchEvent(event);
							return event.defaultPrevented;
						})
					)
					.toBe(true);
				for (const target of await targets(page)) {
					expect.soft(target.height, target.what).toBeGreaterThanOrEqual(48);
					expect.soft(target.width, target.what).toBeGreaterThanOrEqual(48);
				}
			};
			await check();
			await page.getByTestId('attract').tap();
			await check();
			await page.locator('a.tile').nth(2).tap();
			await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			await check();
			// Nothing to copy, quote or find.
			await expect(page.getByRole('button', { name: /copy/i })).toHaveCount(0);
			await expect(page.getByRole('searchbox')).toHaveCount(0);
		});
	}

	test.describe('without the offline store', () => {
		test.use({ serviceWorkers: 'block' });
		test('an audio file that cannot be reached: a message, then back to the tiles', async ({
			page
		}) => {
			// (Without the offline store, which would otherwise serve the audio it has stored.)
			await page.route('**/media/**', (route) => route.abort());
			await page.goto('/kiosk');
			await leaveAttract(page);
			await page.locator('a.tile').first().click();
			await page.getByTestId('play').click();
			// Pressing play tries again, and the browser retries for a while before giving up.
			await expect(page.getByTestId('audio-problem')).toBeVisible({ timeout: 10_000 });
			// The transcript stays readable meanwhile.
			await expect(page.locator('[data-languages] button.line').first()).toBeVisible();
			await expect(page.locator('a.tile').first()).toBeVisible({ timeout: 20_000 });
		});
	});

	test('works offline after the first visit: reload, play and seek', async ({ page, context }) => {
		test.setTimeout(90_000);
		await page.goto('/kiosk');
		// The service worker has stored everything once it controls the page.
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((resolve) =>
					navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
				);
			}
		});
		await context.setOffline(true);
		expect(
			await page.evaluate(() =>
				fetch('/about').then(
					() => 'online',
					() => 'offline'
				)
			)
		).toBe('offline');
		await page.reload();
		await openKioskClip(page, 3);
		await page.getByTestId('play').click();
		await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5);
		// Seeking needs byte ranges: the service worker cuts them from the stored file.
		const line = page.locator('[data-languages] button.line').nth(8);
		const start = Number(await line.getAttribute('data-start'));
		await line.click();
		await expect(line).toHaveAttribute('aria-current', 'true');
		await expect.poll(() => audioTime(page)).toBeGreaterThan(start + 0.3);
		await expect(page.getByTestId('audio-problem')).toHaveCount(0);
	});
});

/** Waits until the service worker has stored everything and controls the page. */
async function offlineStoreReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
}

/** The paths of the audio files in the offline store. */
async function storedAudio(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const cache = await caches.open((await caches.keys())[0]!);
		return (await cache.keys())
			.map((request) => new URL(request.url).pathname)
			.filter((path) => path.endsWith('.mp3'));
	});
}

test.describe('the offline store checks what it stores', () => {
	test('byte ranges from the store are answered as the server answers them, 416 included', async ({
		page,
		request
	}) => {
		await page.goto('/kiosk');
		await offlineStoreReady(page);
		const [url] = await storedAudio(page);
		const size = (await (await request.get(url!)).body()).length;
		for (const range of [
			'bytes=0-',
			'bytes=100-199',
			`bytes=${size - 10}-${size + 1000}`,
			`bytes=${size}-`,
			`bytes=${size + 1000}-`
		]) {
			const server = await request.get(url!, { headers: { range } });
			const stored = await page.evaluate(
				async ({ url, range }) => {
					const response = await fetch(url, { headers: { range } });
					return {
						status: response.status,
						range: response.headers.get('content-range'),
						bytes: (await response.arrayBuffer()).byteLength
					};
				},
				{ url: url!, range }
			);
			expect(stored, range).toEqual({
				status: server.status(),
				range: server.headers()['content-range'] ?? null,
				bytes: (await server.body()).length
			});
		}
	});

	test('a truncated or partial answer during install is fetched again, never stored', async ({
		page,
		baseURL
	}) => {
		test.setTimeout(90_000);
		const upstream = new URL(baseURL!);
		// A proxy to the site that spoils the first answer for the first two audio files asked:
		// a 200 cut in half (as from a file still being copied), then a 206 for the first half
		// (as Firefox gives for a partly cached file).
		const asked = new Map<string, number>();
		const spoiled: string[] = [];
		const proxy = createServer((request, response) => {
			const url = request.url!;
			asked.set(url, (asked.get(url) ?? 0) + 1);
			const spoil = url.endsWith('.mp3') && asked.get(url) === 1 && spoiled.length < 2;
			if (spoil) spoiled.push(url);
			const partial = spoil && spoiled.length === 2;
			const forward = httpRequest(
				{ host: upstream.hostname, port: upstream.port, path: url, headers: request.headers },
				(answer) => {
					if (!spoil) {
						response.writeHead(answer.statusCode!, answer.headers);
						answer.pipe(response);
						return;
					}
					const chunks: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => chunks.push(chunk));
					answer.on('end', () => {
						const whole = Buffer.concat(chunks);
						const half = whole.subarray(0, whole.length >> 1);
						const headers: Record<string, string> = {
							'content-type': 'audio/mpeg',
							'content-length': String(half.length)
						};
						if (partial) headers['content-range'] = `bytes 0-${half.length - 1}/${whole.length}`;
						response.writeHead(partial ? 206 : 200, headers);
						response.end(half);
					});
				}
			);
			request.pipe(forward);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			await page.goto(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/kiosk`);
			await offlineStoreReady(page);
			expect(spoiled).toHaveLength(2);
			for (const url of spoiled) {
				const size = (await (await fetch(baseURL + url)).arrayBuffer()).byteLength;
				const stored = await page.evaluate(async (url) => {
					const response = await caches.match(url);
					return { status: response?.status, bytes: (await response?.arrayBuffer())?.byteLength };
				}, url);
				expect(stored, url).toEqual({ status: 200, bytes: size });
				expect(asked.get(url), url).toBe(2);
			}
		} finally {
			proxy.close();
		}
	});
});

test.describe('the offline store as staff see it', { tag: '@engines' }, () => {
	test('an offline store that cannot be made is shown in the staff corner, and a retry makes it', async ({
		page,
		baseURL
	}) => {
		test.setTimeout(90_000);
		const upstream = new URL(baseURL!);
		// A proxy that answers every audio request with a 206 for half the file (as Firefox's
		// cache did for audio partly played) until told to stop.
		let partial = true;
		const proxy = createServer((request, response) => {
			const url = request.url!;
			const forward = httpRequest(
				{ host: upstream.hostname, port: upstream.port, path: url, headers: request.headers },
				(answer) => {
					if (!(partial && url.endsWith('.mp3'))) {
						response.writeHead(answer.statusCode!, answer.headers);
						answer.pipe(response);
						return;
					}
					const chunks: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => chunks.push(chunk));
					answer.on('end', () => {
						const whole = Buffer.concat(chunks);
						const half = whole.subarray(0, whole.length >> 1);
						response.writeHead(206, {
							'content-type': 'audio/mpeg',
							'content-length': String(half.length),
							'content-range': `bytes 0-${half.length - 1}/${whole.length}`
						});
						response.end(half);
					});
				}
			);
			request.pipe(forward);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(message.text());
			});
			await page.goto(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/kiosk`);
			const corner = page.getByTestId('offline-status');
			await expect(corner).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
			await expect(corner).toContainText(/Offline copy failed.*\.mp3: answered 206, not 200/);
			expect(errors.join('\n')).toContain('answered 206');

			partial = false;
			await corner.getByRole('button', { name: 'Try again' }).click();
			await expect(corner).toHaveAttribute('data-state', 'stored', { timeout: 30_000 });
			await expect(corner).toHaveText('Offline copy: ready');
			await offlineStoreReady(page);
		} finally {
			proxy.close();
		}
	});

	test('a clip page opened first (its audio partly fetched), then the kiosk, then no network', async ({
		page
	}, testInfo) => {
		test.skip(
			testInfo.project.name === WEBKIT_PROJECT,
			'classic WebDriver (all WebKitGTK has) cannot cut the network: no setOffline'
		);
		test.setTimeout(90_000);
		// How a kiosk is set up: someone checks a clip on the public page, then opens the kiosk.
		const slug = fixtureCollection().kiosk.clips[0]!;
		await page.goto(`/clips/${slug}`);
		await expect(page.getByTestId('waveform')).toBeVisible();
		await page.getByRole('button', { name: 'Play', exact: true }).click();
		await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
		await page.evaluate(() => document.querySelector('audio')!.pause());

		await page.goto('/kiosk');
		await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'stored', {
			timeout: 30_000
		});
		await offlineStoreReady(page);
		await page.context().setOffline(true);
		await page.reload();
		await leaveAttract(page);
		await page.locator(`a.tile[href$="/${slug}"]`).click();
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		await page.getByTestId('play').click();
		await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5);
		await expect(page.getByTestId('audio-problem')).toHaveCount(0);
	});
});

// The idle reset, with a copy of the site whose kiosk waits 3 s, then counts down 3 s.
const IDLE = { idleSeconds: 3, countdownSeconds: 3 };
/** Long enough for the question, or for the reset after it, with a margin for a busy machine. */
const IDLE_WAIT = { timeout: 2 * IDLE.idleSeconds * 1000 };

test.describe('kiosk idle reset', () => {
	test.describe.configure({ mode: 'serial' });
	test.use({ viewport: { width: 1920, height: 1080 } });
	let project: ReturnType<typeof copyProject>;
	let server: { stop: () => void; origin: string } | undefined;
	let base = '';

	/** Serves the copy, again where it was after a restart: the kiosk's page must find it. */
	async function startServer() {
		server?.stop();
		const port = base ? Number(new URL(base).port) : 0;
		server = await serveCopy(project.dir, { port });
		base = server.origin;
	}

	test.beforeAll(async () => {
		test.setTimeout(240_000);
		project = copyProject('kiosk-idle-');
		cpSync(SITE_FIXTURE, join(project.dir, 'transcripts'), { recursive: true });
		const file = join(project.dir, 'transcripts', 'collection.json');
		const collection = JSON.parse(readFileSync(file, 'utf8'));
		collection.kiosk = { ...collection.kiosk, ...IDLE };
		// Also a clip that stands for a real recording, whose line comes first on the attract
		// screen (the tests' own kiosk has only narrations, each long enough to play through).
		collection.kiosk.clips.push('test-interview');
		collection.kiosk.excerpts.unshift({ clip: 'test-interview', at: 1 });
		writeFileSync(file, JSON.stringify(collection, null, '\t'));
		const build = await buildIn(project.dir);
		expect(build.code, build.output).toBe(0);
		await startServer();
	});
	test.afterAll(() => {
		server?.stop();
		project?.remove();
	});

	test('asks, continues on a touch, then resets screen, language and captions', async ({
		page
	}) => {
		await page.goto(`${base}/kiosk`);
		await leaveAttract(page);
		await page.getByRole('button', { name: 'Français' }).click();
		const question = page.getByTestId('idle-countdown');
		await expect(question).toBeVisible(IDLE_WAIT);
		await expect(question).toContainText('Êtes-vous toujours là ?');
		await question.getByRole('button').click();
		await expect(question).toBeHidden();
		await expect(page.locator('a.tile').first()).toBeVisible();

		// Into a clip, with larger captions, then walk away.
		await page.locator('a.tile').first().click();
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		const caption = page.getByTestId('kiosk-caption');
		const fontSize = () => caption.evaluate((el) => getComputedStyle(el).fontSize);
		const usual = await fontSize();
		await page.getByTestId('captions-larger').click();
		expect(await fontSize()).not.toBe(usual);
		await expect(question).toBeVisible(IDLE_WAIT);
		await expect(page.getByTestId('attract')).toBeVisible(IDLE_WAIT);
		expect(new URL(page.url()).pathname).toBe('/kiosk');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await expect(page.getByTestId('attract')).toContainText(fixtureCollection().title.en);

		await leaveAttract(page);
		await expect(page.getByRole('heading', { name: 'Choose a recording' })).toBeVisible();
		await page.locator('a.tile').first().click();
		expect(await fontSize()).toBe(usual);
	});

	test('the attract screen labels a narration’s line, never a recording’s', async ({ page }) => {
		await page.goto(`${base}/kiosk`);
		const excerpt = page.locator('.excerpt');
		const label = page.getByTestId('excerpt-synthesized');
		await expect(excerpt).toContainText('This clip belongs to the test fixtures');
		await expect(excerpt).toContainText('Test Witness');
		await expect(label).toHaveCount(0);
		// The next excerpt (they change every 9 s) is from a narration, and labelled.
		await expect(label).toBeVisible({ timeout: 20_000 });
		await expect(excerpt).not.toContainText('Test Witness');
	});

	test('an unexpected script error on the attract screen reloads the kiosk', async ({ page }) => {
		await page.goto(`${base}/kiosk`);
		await expect(page.getByTestId('attract')).toBeVisible();
		// Errors in a page's first seconds are left to the idle reset (no reload loop).
		await page.waitForFunction((ms) => performance.now() > ms, ERROR_RELOAD_AFTER_MS, {
			timeout: ERROR_RELOAD_AFTER_MS + 5_000
		});
		const reloaded = page.waitForEvent('load');
		await page.evaluate(() =>
			setTimeout(() => {
				throw new Error('a bug');
			})
		);
		await reloaded;
		await expect(page.getByTestId('attract')).toBeVisible();
	});

	test('never interrupts a visitor who is listening', async ({ page }) => {
		await page.goto(`${base}/kiosk`);
		await openKioskClip(page, 2);
		await page.getByTestId('play').click();
		await expect.poll(() => isPlaying(page)).toBe(true);
		// Twice the idle time plus the countdown of listening, without a touch.
		const listened = 2 * IDLE.idleSeconds + IDLE.countdownSeconds;
		const from = await audioTime(page);
		await expect
			.poll(() => audioTime(page), { timeout: (listened + 10) * 1000 })
			.toBeGreaterThan(from + listened);
		await expect(page.getByTestId('idle-countdown')).toHaveCount(0);
		expect(await isPlaying(page)).toBe(true);
		// Once it stops, the idle time starts again.
		await page.getByTestId('play').click();
		await expect(page.getByTestId('idle-countdown')).toBeVisible(IDLE_WAIT);
	});

	test('a new deployment is taken at the next idle reset, never while someone listens', async ({
		page
	}) => {
		test.setTimeout(90_000);
		const cacheNames = () => page.evaluate(() => caches.keys()).catch(() => [] as string[]);
		await page.goto(`${base}/kiosk`);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
			}
		});
		const [first] = await cacheNames();
		expect(first).toMatch(/^kiosk-[0-9a-f]+$/);

		// Deploy a new version: the same site with another version number.
		const file = join(project.dir, 'build', 'service-worker.js');
		const version = first!.slice('kiosk-'.length);
		const next = version.slice(0, -1) + (version.endsWith('0') ? '1' : '0');
		writeFileSync(file, readFileSync(file, 'utf8').replaceAll(version, next));
		rmSync(`${file}.br`);
		rmSync(`${file}.gz`);
		await startServer();

		// A visitor is listening when the kiosk learns of it: nothing changes for them.
		await openKioskClip(page, 1);
		await page.evaluate(() => ((window as typeof window & { visit?: boolean }).visit = true));
		await page.getByTestId('play').click();
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
		await expect
			.poll(
				() =>
					page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)),
				{
					timeout: 20_000
				}
			)
			.toBe(true);
		expect(await page.evaluate(() => (window as typeof window & { visit?: boolean }).visit)).toBe(
			true
		);
		expect(await isPlaying(page)).toBe(true);
		expect(await cacheNames()).toContain(first);

		// They leave; at the reset the new version takes over.
		await page.getByTestId('play').click();
		await expect.poll(cacheNames, { timeout: 20_000 }).toEqual([`kiosk-${next}`]);
		await expect(page.getByTestId('attract')).toBeVisible();
	});
});
