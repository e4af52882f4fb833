import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CLIP, leaveAttract } from './helpers';
import { buildIn, copyProject, serveCopy } from './project-copy';

/*
 * A collection whose transcripts and metadata carry markup and script: cue text, speaker names,
 * titles, descriptions, credits and witness facts. The site must show all of it as text, run
 * none of it, and make no request anywhere but to itself. Every payload that could run sets
 * `window.pwned` or fetches from `evil.invalid`, so a failure is visible either way.
 */
const RUN = 'window.pwned=1';
const PAYLOADS = {
	script: `<script>${RUN}</script>`,
	img: `<img src=x onerror="${RUN}">`,
	svg: `<svg onload="${RUN}"><script>${RUN}</script></svg>`,
	link: `<a href="javascript:${RUN}">click</a>`,
	track: `</track></audio><script>${RUN}</script>`,
	remote: `<img src="https://evil.invalid/x.png">`
};
// An unclosed right-to-left override: unless the name is isolated, it reverses what follows it.
const RLO = '\u202E';
const escapedInVtt = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function writeHostileCollection(dir: string) {
	cpSync('tests/fixtures/basic', dir, { recursive: true });
	const collection = JSON.parse(readFileSync(join(dir, 'collection.json'), 'utf8'));
	collection.title.en = `Hostile ${PAYLOADS.script} collection ${RLO}override`;
	collection.credit = `Credit ${PAYLOADS.img}`;
	collection.witnesses['test-witness'].name = `Witness ${PAYLOADS.svg} ${RLO}override`;
	collection.witnesses['test-witness'].nativeName = `Свідок ${RLO}override`;
	collection.witnesses['test-witness'].facts.en = [`Fact ${PAYLOADS.link}`];
	writeFileSync(join(dir, 'collection.json'), JSON.stringify(collection, null, '\t'));
	const clip = JSON.parse(readFileSync(join(dir, 'test-clip', 'clip.json'), 'utf8'));
	clip.title.en = `Title ${PAYLOADS.track} ${RLO}override`;
	clip.description.en = `Description ${PAYLOADS.remote}`;
	clip.provenance.credit = `Credit ${PAYLOADS.script}`;
	writeFileSync(join(dir, 'test-clip', 'clip.json'), JSON.stringify(clip, null, '\t'));
	// In WebVTT, markup written as entities is text; written raw, unknown tags are dropped.
	const vtt = (lines: string[]) =>
		`WEBVTT\n\nc1\n00:00:00.000 --> 00:00:03.708\n${lines[0]}\n\nc2\n00:00:04.308 --> 00:00:06.427\n${lines[1]}\n\nc3\n00:00:07.027 --> 00:00:10.654\n${lines[2]}\n`;
	writeFileSync(
		join(dir, 'test-clip', 'en.vtt'),
		vtt([
			`<v ${PAYLOADS.img}>Speaker with markup in the name`,
			`Entities: ${escapedInVtt(PAYLOADS.script)} and ${escapedInVtt(PAYLOADS.svg)}`,
			`Raw: ${PAYLOADS.script} ${PAYLOADS.link} ${escapedInVtt(PAYLOADS.track)}`
		])
	);
	writeFileSync(
		join(dir, 'test-clip', 'fr.vtt'),
		vtt([
			`Texte ${escapedInVtt(PAYLOADS.remote)}`,
			`<c.x onclick="${RUN}">classe</c>`,
			`<lang fr" onmouseover="${RUN}">langue</lang>`
		])
	);
}

test.describe('hostile content', () => {
	test.describe.configure({ mode: 'serial' });
	let project: ReturnType<typeof copyProject>;
	let server: Awaited<ReturnType<typeof serveCopy>> | undefined;
	let base = '';

	test.beforeAll(async () => {
		test.setTimeout(240_000);
		project = copyProject('hostile-');
		writeHostileCollection(join(project.dir, 'transcripts'));
		const build = await buildIn(project.dir);
		// Dropped tags are warnings, not errors: the build goes through and says so.
		expect(build.code, build.output).toBe(0);
		server = await serveCopy(project.dir);
		base = server.origin;
	});
	test.afterAll(() => {
		server?.stop();
		project?.remove();
	});

	/** Fails the test on any dialog, script run, or request leaving the site. */
	function watch(page: Page) {
		const problems: string[] = [];
		page.on('dialog', (dialog) => {
			problems.push(`dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
		page.on('request', (request) => {
			if (!request.url().startsWith(base)) problems.push(`request: ${request.url()}`);
		});
		return {
			problems,
			async check() {
				expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
				expect(problems).toEqual([]);
			}
		};
	}

	for (const path of [
		'/',
		'/clips/test-clip',
		'/embed/test-clip',
		'/witnesses/test-witness',
		'/about',
		'/kiosk'
	]) {
		test(`${path} shows the markup as text and runs none of it`, async ({ page }) => {
			const watcher = watch(page);
			await page.goto(base + path);
			await page.waitForLoadState('networkidle');
			if (path === '/kiosk') {
				await leaveAttract(page);
				await page.locator('a.tile').first().click();
				await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
			}
			if (path === '/clips/test-clip' || path === '/embed/test-clip') {
				await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
				// Entities in a cue are text, shown as typed.
				await expect(page.getByTestId('transcript')).toContainText(
					`Entities: ${PAYLOADS.script} and ${PAYLOADS.svg}`
				);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(
					`Title ${PAYLOADS.track} ${RLO}override`
				);
				// Play through every line and hover everything: handlers in the text stay text.
				await page.locator('[data-languages] button[data-start]').last().click();
				await page.locator('[data-languages] button[data-start]').first().hover();
			}
			// No element, attribute or URL from the content made it into the page.
			const live = await page.evaluate(() => ({
				// (SvelteKit's own start-up script holds the page data, payloads included, as
				// escaped JSON strings: that is data, so look for scripts that are a payload.)
				scripts: [...document.scripts].filter((s) =>
					s.textContent?.trim().startsWith('window.pwned')
				).length,
				handlers: [...document.querySelectorAll('*')].filter((el) =>
					[...el.attributes].some((a) => a.name.startsWith('on'))
				).length,
				javascriptUrls: [
					...document.querySelectorAll('[href^="javascript:"], [src^="javascript:"]')
				].length,
				foreign: [...document.querySelectorAll('img, svg image, iframe, object, embed')].filter(
					(el) => (el.getAttribute('src') ?? '').includes('evil')
				).length
			}));
			expect(live).toEqual({ scripts: 0, handlers: 0, javascriptUrls: 0, foreign: 0 });
			await watcher.check();
		});
	}

	test('search results show the markup as text', async ({ page }) => {
		const watcher = watch(page);
		await page.goto(`${base}/search?q=entities`);
		await expect(page.getByTestId('search-results')).toContainText(`Entities: ${PAYLOADS.script}`);
		await watcher.check();
	});

	/**
	 * Every visible name or title that carries the override sits in its own isolating element,
	 * and the two characters that follow it on the same line still read left to right.
	 */
	async function overrideLeaks(page: Page): Promise<string[]> {
		return page.evaluate((override) => {
			const problems: string[] = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			const texts: Text[] = [];
			while (walker.nextNode()) texts.push(walker.currentNode as Text);
			// (SvelteKit's route announcer reads out the page title, which is plain text.)
			const visible = (node: Text) =>
				node.parentElement!.checkVisibility() && !node.parentElement!.closest('#svelte-announcer');
			for (const node of texts) {
				if (!node.data.includes(override) || !visible(node)) continue;
				const isolate = node.parentElement!.closest('bdi, [dir]');
				if (!isolate) problems.push(`not isolated: ${node.data}`);
				// The first two visible characters after the (isolated) name.
				const after: { node: Text; at: number }[] = [];
				for (const next of texts.slice(texts.indexOf(node) + 1)) {
					if ((isolate ?? node).contains(next) || !visible(next)) continue;
					for (let at = 0; at < next.data.length && after.length < 2; at++) {
						if (next.data[at]!.trim()) after.push({ node: next, at });
					}
					if (after.length === 2) break;
				}
				if (after.length < 2) continue;
				const [first, second] = after.map(({ node, at }) => {
					const range = document.createRange();
					range.setStart(node, at);
					range.setEnd(node, at + 1);
					return range.getBoundingClientRect();
				});
				const sameLine = Math.abs(first!.top - second!.top) < first!.height / 2;
				if (sameLine && first!.left > second!.left) {
					problems.push(`reversed after: ${node.data}`);
				}
			}
			return problems;
		}, RLO);
	}

	for (const path of [
		'/',
		'/clips/test-clip',
		'/embed/test-clip',
		'/witnesses/test-witness',
		'/search?q=entities'
	]) {
		test(`${path}: a right-to-left override in a name reverses nothing after it`, async ({
			page
		}) => {
			await page.goto(base + path);
			if (path.startsWith('/search'))
				await expect(page.getByTestId('search-results')).toBeVisible();
			await expect(page.getByText(RLO).first()).toBeVisible();
			expect(await overrideLeaks(page)).toEqual([]);
		});
	}

	test('/kiosk: a right-to-left override in a name reverses nothing after it', async ({ page }) => {
		await page.goto(`${base}/kiosk`);
		await expect(page.getByTestId('attract')).toBeVisible();
		expect(await overrideLeaks(page)).toEqual([]);
		await leaveAttract(page);
		await expect(page.locator('a.tile').first()).toBeVisible();
		expect(await overrideLeaks(page)).toEqual([]);
		await page.locator('a.tile').first().click();
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		expect(await overrideLeaks(page)).toEqual([]);
	});

	test('the Content-Security-Policy forbids inline script other than the framework’s own', async ({
		page
	}) => {
		await page.goto(`${base}/clips/test-clip`);
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'));
		expect(scriptSrc?.trim()).toMatch(/^script-src 'self'( 'sha256-[^']+')+$/);
		expect(policy).toContain("object-src 'none'");
		// The page itself works under it (SvelteKit's start-up script is allowed by its hash)…
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		// …and an inline script added to the page is refused.
		const blocked = await page.evaluate(
			() =>
				new Promise<string>((resolve) => {
					document.addEventListener('securitypolicyviolation', (event) =>
						resolve(event.violatedDirective)
					);
					const script = document.createElement('script');
					script.textContent = 'window.pwned = 1';
					document.body.append(script);
					setTimeout(() => resolve('not blocked'), 2000);
				})
		);
		expect(blocked).toMatch(/^script-src/);
		expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
	});
});

test.describe('headers a <meta> cannot set', () => {
	const refusesFraming = {
		'content-security-policy': "frame-ancestors 'none'",
		'x-frame-options': 'DENY'
	};
	const always = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin'
	};

	test('every response, page or file, refuses framing, sniffing and leaking its address', async ({
		request
	}) => {
		const peaks = `/clips/${CLIP}/peaks.json`;
		for (const path of ['/', `/clips/${CLIP}`, '/kiosk', peaks, '/favicon.svg', '/no-such-page']) {
			const headers = (await request.get(path)).headers();
			expect(headers, path).toMatchObject({ ...always, ...refusesFraming });
		}
		// Pages under /embed/ are made to be framed by other sites; the rest still applies.
		const embed = (await request.get('/embed/anything')).headers();
		expect(embed).toMatchObject(always);
		expect(embed['x-frame-options']).toBeUndefined();
		expect(embed['content-security-policy'] ?? '').not.toContain('frame-ancestors');
	});

	test('another site cannot show the kiosk or the player in a frame', async ({ page, baseURL }) => {
		// Another site (another port is another origin) whose page frames ours.
		const framed = ['/kiosk', `/clips/${CLIP}`, '/embed/x'];
		const framer = createServer((_, response) => {
			response.setHeader('content-type', 'text/html');
			response.end(framed.map((path) => `<iframe src="${baseURL}${path}"></iframe>`).join(''));
		});
		await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
		try {
			await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
			// Whether a frame holds one of our pages (a refused one holds the browser's error page).
			const ours = (index: number) =>
				page
					.locator('iframe')
					.nth(index)
					.contentFrame()
					.locator('meta[http-equiv="content-security-policy"]')
					.count();
			// Pages under /embed/ may be framed (here it is the 404 page, still ours).
			await expect.poll(() => ours(2)).toBe(1);
			expect(await ours(0)).toBe(0);
			expect(await ours(1)).toBe(0);
		} finally {
			framer.close();
		}
	});

	test('an unknown address gets the site’s own 404 page, with its Content-Security-Policy', async ({
		page
	}) => {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const response = await page.goto('/clips/no-such-recording');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
		// The page runs (the interface language switches) and an injected script does not.
		// (A click before hydration is lost: click until the page has answered.)
		await expect(async () => {
			await page.getByRole('button', { name: 'Français' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable', {
				timeout: 1000
			});
		}).toPass();
		const blocked = await page.evaluate(
			() =>
				new Promise<string>((resolve) => {
					document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
					const script = document.createElement('script');
					script.textContent = 'window.pwned = 1';
					document.body.append(script);
				})
		);
		expect(blocked).toMatch(/^script-src/);
		// Its links lead back into the site.
		await page.getByRole('link', { name: 'Tous les enregistrements' }).click();
		await expect(page).toHaveURL(/\/$/);
		expect(errors).toEqual([]);
	});
});
