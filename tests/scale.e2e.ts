import { createHash } from 'node:crypto';
import {
	cpSync,
	createReadStream,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { scaleSlug, writeScaleCollection } from '../scripts/bench/scale-fixture.js';
import type { OfflineEntry } from '../src/lib/kiosk/offline';
import { withoutCueIdentifiers } from '../src/lib/transcript/published-vtt';
import { buildIn, copyProject, serveCopy } from './project-copy';
import { recordMarkedLines } from './helpers';

/** The SHA-256 of a file, read a chunk at a time. */
async function sha256(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

// Issue 28: an archive's ordinary material crashed the build (every file of every kiosk clip
// went through the prerender to be hashed). Here, at test time: 61 clips, the first a 2-hour
// interview as a 48 kbit/s MP3 (the encoding transcripts/README.md recommends) with about
// 3,100 cues in two languages, word timings and chapters; the others short. No kiosk settings,
// as an archive that has not thought about a kiosk has. Generated (scripts/bench/scale-fixture.js:
// tone bursts and numbered lines of ordinary words, no speech, no testimony), never committed.
test('an archive of 61 clips, one of them two hours long, builds and plays', async ({ page }) => {
	test.setTimeout(600_000);
	const project = copyProject('scale-build-');
	const transcripts = join(project.dir, 'transcripts');
	let server: Awaited<ReturnType<typeof serveCopy>> | undefined;
	try {
		const clips = 61;
		await writeScaleCollection(transcripts, {
			clips,
			seed: 28,
			hours: [2, ...Array<number>(clips - 1).fill(0.01)]
		});
		const build = await buildIn(project.dir);
		expect(build.code, build.output.slice(-4000)).toBe(0);
		expect(build.output).not.toMatch(/: (error|warning): /);
		// Without kiosk.clips, the kiosk holds the first twelve clips, and the build says so.
		const published = (slug: string) =>
			readdirSync(join(transcripts, slug)).filter((f) => f !== 'clip.json');
		const kioskSlugs = Array.from({ length: 12 }, (_, i) => scaleSlug(i + 1));
		const kioskFiles = kioskSlugs.reduce((n, slug) => n + published(slug).length, 0);
		expect(build.output).toContain(
			`Kiosk: the first 12 of 61 clips (kiosk.clips in collection.json chooses others); its offline store holds ${kioskFiles} files`
		);

		// Every published file is in the site, byte for byte (a WebVTT file without its cue
		// identifiers: see published-vtt.ts).
		const site = join(project.dir, 'build');
		const publishedSize = (file: string) =>
			file.endsWith('.vtt')
				? Buffer.byteLength(withoutCueIdentifiers(readFileSync(file, 'utf8')))
				: statSync(file).size;
		for (let n = 1; n <= clips; n++) {
			const slug = scaleSlug(n);
			const names = published(slug);
			// (Besides them, the transcripts' .gz and .br, for servers that send those as they are.)
			const copied = readdirSync(join(site, 'media', slug)).filter((f) => !/\.(gz|br)$/.test(f));
			expect(copied.sort()).toEqual(names.sort());
			for (const name of names) {
				expect(statSync(join(site, 'media', slug, name)).size).toBe(
					publishedSize(join(transcripts, slug, name))
				);
			}
		}
		const longAudio = join(site, 'media', scaleSlug(1), 'audio.mp3');
		expect(await sha256(longAudio)).toBe(
			await sha256(join(transcripts, scaleSlug(1), 'audio.mp3'))
		);

		// The kiosk's offline list gives the size and digest of the very bytes the site serves.
		const { entries } = JSON.parse(readFileSync(join(site, 'kiosk', 'offline.json'), 'utf8')) as {
			entries: OfflineEntry[];
		};
		const files = entries.filter((e) => e.url.startsWith('/media/'));
		expect(files).toHaveLength(kioskFiles);
		expect(new Set(files.map((e) => e.url.split('/')[2]))).toEqual(new Set(kioskSlugs));
		for (const entry of entries.filter((e) => e.sha256)) {
			const path = join(site, entry.url);
			expect(statSync(path).size, entry.url).toBe(entry.size);
			expect(await sha256(path), entry.url).toBe(entry.sha256);
		}

		// The 2-hour clip plays as the demonstration does: a line near its end seeks the audio
		// there (by byte ranges) and is marked.
		server = await serveCopy(project.dir, { log: true });
		await page.goto(`${server.origin}/clips/${scaleSlug(1)}`);
		await expect(page.getByTestId('waveform')).toHaveAttribute('data-drawn', 'true');
		const lines = page.locator('[data-languages] button[data-start]');
		const count = await lines.count();
		expect(count).toBeGreaterThan(3000);
		const line = lines.nth(count - 20);
		const start = Number(await line.getAttribute('data-start'));
		expect(start).toBeGreaterThan(7000);
		const marked = await recordMarkedLines(page);
		await line.click();
		await expect.poll(async () => (await marked())[0]).toBe(start);
		await expect
			.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime))
			.toBeGreaterThanOrEqual(start - 0.05);
		await page.evaluate(() => document.querySelector('audio')!.pause());
		const audio = server.served.filter((r) => r.url === `/media/${scaleSlug(1)}/audio.mp3`);
		expect(audio.length).toBeGreaterThan(0);
		// By byte ranges: one starts near the end, and the whole is far from the file (the server
		// counts what it wrote, which includes what loopback sockets took before the browser
		// cancelled a request: 13.6 MB of 43 MB was seen on a busy machine).
		const size = statSync(longAudio).size;
		expect(audio.some((r) => Number(r.range?.match(/^bytes=(\d+)-/)?.[1]) > size * 0.75)).toBe(
			true
		);
		expect(audio.reduce((n, r) => n + r.bytes, 0)).toBeLessThan(size / 2);
	} finally {
		server?.stop();
		project.remove();
	}
});

// A recording over 2 GiB (3¼ hours of 48 kHz stereo WAV: silence, written as a sparse file so
// the test costs little disk) once stopped the build (`readFile` cannot read past 2 GiB). It is
// decoded, copied and served a chunk at a time: a byte range near its end comes back as asked.
test('a recording over 2 GiB builds, and is served in byte ranges', async () => {
	test.setTimeout(600_000);
	const project = copyProject('huge-build-');
	const transcripts = join(project.dir, 'transcripts');
	let server: Awaited<ReturnType<typeof serveCopy>> | undefined;
	try {
		cpSync('tests/fixtures/basic', transcripts, { recursive: true });
		const clip = join(transcripts, 'test-clip');
		rmSync(join(clip, 'audio.mp3'));
		const meta = JSON.parse(readFileSync(join(clip, 'clip.json'), 'utf8'));
		writeFileSync(join(clip, 'clip.json'), JSON.stringify({ ...meta, audio: 'audio.wav' }));
		const [rate, channels] = [48_000, 2];
		const data = 2_250_000_000;
		const header = Buffer.alloc(44);
		header.write('RIFF', 0, 'ascii');
		header.writeUInt32LE(36 + data, 4);
		header.write('WAVEfmt ', 8, 'ascii');
		header.writeUInt32LE(16, 16);
		header.writeUInt16LE(1, 20);
		header.writeUInt16LE(channels, 22);
		header.writeUInt32LE(rate, 24);
		header.writeUInt32LE(rate * channels * 2, 28);
		header.writeUInt16LE(channels * 2, 32);
		header.writeUInt16LE(16, 34);
		header.write('data', 36, 'ascii');
		header.writeUInt32LE(data, 40);
		const wav = join(clip, 'audio.wav');
		writeFileSync(wav, header);
		truncateSync(wav, 44 + data);

		const build = await buildIn(project.dir);
		expect(build.code, build.output.slice(-4000)).toBe(0);
		// The kiosk would store it all: the build says how much, at the line to change.
		expect(build.output).toMatch(
			/collection\.json:\d+:\d+: warning: the kiosk's offline store would hold 2145\.\d MB/
		);
		const published = join(project.dir, 'build', 'media', 'test-clip', 'audio.wav');
		expect(statSync(published).size).toBe(44 + data);

		server = await serveCopy(project.dir);
		const response = await fetch(`${server.origin}/media/test-clip/audio.wav`, {
			headers: { range: 'bytes=2200000000-2200000099' }
		});
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe(`bytes 2200000000-2200000099/${44 + data}`);
		expect((await response.arrayBuffer()).byteLength).toBe(100);
	} finally {
		server?.stop();
		project.remove();
	}
});
