import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishMedia } from './publish-media.ts';

const work = mkdtempSync(join(tmpdir(), 'publish-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('publishing the recordings', () => {
	it('copies once, keeps what did not change across builds, and follows every change', async () => {
		const [collection, out, state] = [
			join(work, 'collection'),
			join(work, 'build'),
			join(work, 'state')
		];
		mkdirSync(join(collection, 'a'), { recursive: true });
		const write = (name: string, text: string) => writeFileSync(join(collection, name), text);
		write('a/audio.mp3', 'sound one');
		write('a/en.vtt', 'WEBVTT\n');
		write('a/fr.vtt', 'WEBVTT\n');
		const files = (...names: string[]) => names.map((n) => ({ from: join(collection, n), to: n }));
		const published = (name: string) => readFileSync(join(out, 'media', name), 'utf8');
		/** A build: the folder emptied (as the adapter does), then the media published. */
		const build = async (list: ReturnType<typeof files>) => {
			rmSync(out, { recursive: true, force: true });
			mkdirSync(out);
			return publishMedia(out, list, state);
		};

		expect(await build(files('a/audio.mp3', 'a/en.vtt', 'a/fr.vtt'))).toEqual({
			copied: 3,
			bytes: 23
		});
		expect(await build(files('a/audio.mp3', 'a/en.vtt', 'a/fr.vtt'))).toEqual({
			copied: 0,
			bytes: 23
		});
		expect(published('a/audio.mp3')).toBe('sound one');

		// The same size, other bytes (a recording replaced): copied again.
		write('a/audio.mp3', 'sound two');
		// A file no longer published (a translation dropped): gone from the site.
		const next = await build(files('a/audio.mp3', 'a/en.vtt'));
		expect(next).toEqual({ copied: 1, bytes: 16 });
		expect(published('a/audio.mp3')).toBe('sound two');
		expect(existsSync(join(out, 'media', 'a', 'fr.vtt'))).toBe(false);
		// The build's copy is its own file: changing it leaves the collection as it was…
		writeFileSync(join(out, 'media', 'a', 'en.vtt'), 'changed in build/');
		expect(readFileSync(join(collection, 'a/en.vtt'), 'utf8')).toBe('WEBVTT\n');
		// …and the next build puts the collection's file back (its size differs).
		await build(files('a/audio.mp3', 'a/en.vtt'));
		expect(published('a/en.vtt')).toBe('WEBVTT\n');
		// A failed build never reaches this step: build/ keeps what the last one published.
		expect(published('a/audio.mp3')).toBe('sound two');
	});

	it('publishes a WebVTT file without its cue identifiers, and the archive’s file keeps them', async () => {
		const [collection, out] = [join(work, 'collection'), join(work, 'build')];
		mkdirSync(join(collection, 'b'), { recursive: true });
		const source = 'WEBVTT\n\nc1\n00:00:00.000 --> 00:00:01.000\nA line.\n';
		writeFileSync(join(collection, 'b', 'en.vtt'), source);
		mkdirSync(out, { recursive: true });
		await publishMedia(
			out,
			[{ from: join(collection, 'b', 'en.vtt'), to: 'b/en.vtt' }],
			join(work, 'state')
		);
		expect(readFileSync(join(out, 'media', 'b', 'en.vtt'), 'utf8')).toBe(
			'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA line.\n'
		);
		expect(readFileSync(join(collection, 'b', 'en.vtt'), 'utf8')).toBe(source);
	});
});
