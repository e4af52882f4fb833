import { expect, test, type Page, type Route } from '@playwright/test';
import { audioTime, CLIP, lines, openClip, showSingleLanguage, startOf } from './helpers';

/*
 * Failing networks and files at run time: each shows a clear message, keeps the transcript
 * readable and clickable, and recovers by itself (or at the next press of play) when the
 * network returns.
 */

/**
 * Serves the clip's audio in small byte ranges (so the browser keeps coming back for more, as
 * on a slow network) and, while `down`, fails every request.
 */
async function flakyAudio(page: Page) {
	const state = { down: false };
	let file: Buffer | undefined;
	await page.route('**/media/**/audio.mp3', async (route: Route) => {
		if (state.down) return route.abort('connectionreset');
		file ??= await (await route.fetch({ headers: { range: 'bytes=0-' } })).body();
		const range = route.request().headers()['range'] ?? 'bytes=0-';
		const from = Number(/bytes=(\d+)-/.exec(range)?.[1] ?? 0);
		const slice = file.subarray(from, Math.min(file.length, from + 64 * 1024));
		await route.fulfill({
			status: 206,
			headers: {
				'content-type': 'audio/mpeg',
				'accept-ranges': 'bytes',
				'content-range': `bytes ${from}-${from + slice.length - 1}/${file.length}`,
				'content-length': String(slice.length)
			},
			body: slice
		});
	});
	return state;
}

test('audio that stalls mid-play: a message, the transcript still works, and it goes on when the network returns', async ({
	page
}) => {
	test.setTimeout(60_000);
	const network = await flakyAudio(page);
	await openClip(page);
	await showSingleLanguage(page);
	await page.getByTestId('play').click();
	await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);

	network.down = true;
	const late = lines(page).nth(14);
	await late.click();
	await expect(late).toHaveAttribute('aria-current', 'true');
	const problem = page.getByTestId('audio-problem');
	await expect(problem).toContainText('stopped arriving', { timeout: 15_000 });
	// Reading and moving through the transcript go on meanwhile.
	await lines(page).nth(15).click();
	await expect(lines(page).nth(15)).toHaveAttribute('aria-current', 'true');

	network.down = false;
	await expect(problem).toHaveCount(0, { timeout: 20_000 });
	const start = await startOf(lines(page).nth(15));
	await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(start + 0.5);
});

test('an audio file unreachable at first plays once the network is back', async ({ page }) => {
	await page.route('**/media/**/audio.mp3', (route) => route.abort('internetdisconnected'));
	await openClip(page);
	await showSingleLanguage(page);
	const line = lines(page).nth(5);
	await line.click();
	await expect(page.getByTestId('audio-problem')).toContainText('could not be loaded');
	await expect(line).toHaveAttribute('aria-current', 'true');

	await page.unroute('**/media/**/audio.mp3');
	await page.getByTestId('play').click();
	await expect(page.getByTestId('audio-problem')).toHaveCount(0);
	// From the line the reader had chosen, not from the beginning.
	const start = await startOf(line);
	await expect.poll(() => audioTime(page)).toBeGreaterThan(start + 0.3);
});

test('a truncated peaks file: a flat waveform that still seeks, and the real one when the network returns', async ({
	page,
	context
}) => {
	await page.route('**/peaks.json', async (route) => {
		const body = await (await route.fetch()).text();
		await route.fulfill({ contentType: 'application/json', body: body.slice(0, body.length / 2) });
	});
	await openClip(page);
	await showSingleLanguage(page);
	await expect(page.getByTestId('waveform-problem')).toBeVisible();
	await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
	const line = lines(page).nth(4);
	await line.click();
	await expect(line).toHaveAttribute('aria-current', 'true');
	await expect.poll(() => audioTime(page)).toBeGreaterThan((await startOf(line)) - 0.05);

	await page.unroute('**/peaks.json');
	await context.setOffline(true);
	await context.setOffline(false); // the browser says "online" again
	await expect(page.getByTestId('waveform-problem')).toHaveCount(0);
});

test('transcripts do not depend on fetching VTT files at run time', async ({ page }) => {
	const asked: string[] = [];
	await page.route('**/*.vtt', (route) => {
		asked.push(route.request().url());
		return route.abort('internetdisconnected');
	});
	await openClip(page, CLIP);
	await showSingleLanguage(page);
	// Every line is in the page itself; clicking one works, and no error is shown.
	expect(await lines(page).count()).toBeGreaterThan(10);
	const line = lines(page).nth(3);
	await line.click();
	await expect(line).toHaveAttribute('aria-current', 'true');
	await expect(page.getByTestId('audio-problem')).toHaveCount(0);
	expect(asked).toEqual([]);
});
