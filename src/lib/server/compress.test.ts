import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_FILE, precompress } from './compress.ts';

const work = mkdtempSync(join(tmpdir(), 'compress-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Text that compresses as transcripts do: words repeating, never quite the same line. */
const text = (bytes: number) => {
	const words = ['camp', 'winter', 'letter', 'mother', 'train', 'forest', 'bread', 'snow'];
	// New for each run: the build's cache (shared with earlier runs) must not know it yet.
	let out = `${Math.random()}\n`;
	for (let i = 0; out.length < bytes; i++) out += `${i} ${words[i % 8]} ${words[(i * 7) % 8]}\n`;
	return out.slice(0, bytes);
};

describe('precompress', () => {
	it('writes .gz and .br beside each text file, cached by content for the next build', async () => {
		const site = join(work, 'site');
		mkdirSync(join(site, 'clips', 'a'), { recursive: true });
		mkdirSync(join(site, 'media', 'a'), { recursive: true });
		const files = {
			'index.html': text(5_000),
			'clips/a.html': text(SMALL_FILE + 1000),
			'clips/a/cues.json': text(SMALL_FILE + 1000),
			'media/a/en.vtt': text(20_000)
		};
		for (const [name, content] of Object.entries(files)) writeFileSync(join(site, name), content);
		writeFileSync(join(site, 'media', 'a', 'audio.mp3'), Buffer.alloc(10_000, 1));

		const first = await precompress(site);
		expect(first).toMatchObject({ files: 4, compressed: 4 });
		for (const [name, content] of Object.entries(files)) {
			expect(gunzipSync(readFileSync(join(site, `${name}.gz`))).toString()).toBe(content);
			expect(brotliDecompressSync(readFileSync(join(site, `${name}.br`))).toString()).toBe(content);
		}
		// Audio is not text: nothing beside it.
		expect(readdirSync(join(site, 'media', 'a')).filter((f) => f.startsWith('audio'))).toEqual([
			'audio.mp3'
		]);
		// Small files get the highest quality; a clip's page, which visitors load first, one step
		// below when large; other large data a quicker one.
		const brotli = (name: keyof typeof files, quality: number) =>
			brotliCompressSync(files[name], {
				params: {
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
					[constants.BROTLI_PARAM_QUALITY]: quality,
					[constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(files[name])
				}
			});
		expect(readFileSync(join(site, 'clips/a.html.br'))).toEqual(brotli('clips/a.html', 10));
		expect(readFileSync(join(site, 'index.html.br'))).toEqual(brotli('index.html', 11));
		expect(readFileSync(join(site, 'clips/a/cues.json.br'))).toEqual(
			brotli('clips/a/cues.json', 7)
		);

		// The same content again: nothing is compressed anew, and the bytes are the same.
		const before = readFileSync(join(site, 'clips/a.html.br'));
		rmSync(join(site, 'clips/a.html.br'));
		writeFileSync(join(site, 'media/a/en.vtt'), text(20_000));
		const second = await precompress(site);
		expect(second).toMatchObject({ files: 4, compressed: 1 });
		expect(readFileSync(join(site, 'clips/a.html.br'))).toEqual(before);
	});
});
