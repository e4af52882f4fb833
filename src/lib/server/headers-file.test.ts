import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, isSharedFile } from '../../../scripts/headers.js';
import { pagePaths } from './headers-file.ts';

describe('isSharedFile', () => {
	it('shares what other sites read', () => {
		for (const path of [
			'/manifest.json',
			'/clips/a/manifest.json',
			'/clips/a/oembed.json',
			'/clips/a/peaks.json',
			'/clips/a/transcript-en.txt',
			'/media/a/en.vtt',
			'/media/a/chapters.fr.vtt',
			'/media/a/audio.mp3',
			'/media/a/audio.WAV',
			'/archive/media/a/audio.ogg'
		]) {
			expect(isSharedFile(path), path).toBe(true);
		}
	});

	it('never shares pages, scripts or page data', () => {
		for (const path of [
			'/',
			'/clips/a',
			'/clips/a.html',
			'/embed/a',
			'/kiosk',
			'/_app/immutable/entry/start.js',
			'/_app/version.json',
			'/clips/a/__data.json',
			'/__data.json',
			'/favicon.svg'
		]) {
			expect(isSharedFile(path), path).toBe(false);
		}
	});
});

describe('the _headers file', () => {
	it('lists the built pages by address', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'headers-'));
		mkdirSync(join(dir, 'clips', 'a'), { recursive: true });
		mkdirSync(join(dir, '_app'), { recursive: true });
		for (const file of ['index.html', 'clips/a.html', 'clips/a/peaks.json', '_app/x.html']) {
			writeFileSync(join(dir, file), '');
		}
		mkdirSync(join(dir, 'kiosk', 'clips'), { recursive: true });
		writeFileSync(join(dir, 'kiosk', 'index.html'), '');
		expect(await pagePaths(dir)).toEqual(['/', '/clips/a', '/kiosk/']);
	});

	it('refuses framing on each page but the embeds, and shares the data folders', () => {
		const file = headersFile(['/', '/clips/a', '/embed/a'], '/archive');
		const rules = file.split(/\n(?=\S)/).filter((rule) => !rule.startsWith('#'));
		const rule = (path: string) => rules.find((r) => r.split('\n')[0] === path);
		expect(rule('/archive/*')).toContain('X-Content-Type-Options: nosniff');
		expect(rule('/archive/*')).not.toContain('X-Frame-Options');
		expect(rule('/archive/clips/a')).toContain("Content-Security-Policy: frame-ancestors 'none'");
		expect(rule('/archive/clips/a')).toContain('X-Frame-Options: DENY');
		expect(rule('/archive/')).toContain('X-Frame-Options: DENY');
		expect(rule('/archive/embed/a')).toBeUndefined();
		for (const shared of [
			'/archive/manifest.json',
			'/archive/clips/:slug/:file',
			'/archive/media/*'
		]) {
			expect(rule(shared), shared).toContain('Access-Control-Allow-Origin: *');
		}
	});
});
