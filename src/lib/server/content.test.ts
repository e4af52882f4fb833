import { afterAll, describe, expect, it } from 'vitest';
import { MAIN_CLIP, SITE_FIXTURE } from '../../../tests/site-fixture.ts';
import { clipOr404, forgetContent } from './content.ts';

// getContent() reads the folder TRANSCRIPTS_DIR names, once: point it at the tests' collection.
const before = process.env.TRANSCRIPTS_DIR;
process.env.TRANSCRIPTS_DIR = SITE_FIXTURE;
forgetContent();
afterAll(() => {
	if (before === undefined) delete process.env.TRANSCRIPTS_DIR;
	else process.env.TRANSCRIPTS_DIR = before;
	forgetContent();
});

describe('clipOr404', () => {
	it('gives the clip a slug names, with its cues, and its collection (which keeps no cues)', async () => {
		const { clip, collection } = await clipOr404(MAIN_CLIP);
		expect(clip.slug).toBe(MAIN_CLIP);
		const entry = collection.clips.find((c) => c.slug === MAIN_CLIP)!;
		expect(clip.tracks.map((t) => t.cues.length)).toEqual(entry.tracks.map((t) => t.cueCount));
		expect(entry.tracks[0]!.cueCount).toBeGreaterThan(10);
		expect(entry.tracks[0]).not.toHaveProperty('cues');
		// The routes of one clip share one read of its files.
		expect((await clipOr404(MAIN_CLIP)).clip).toBe(clip);
	});

	it('answers an unknown slug with a 404 and its message', async () => {
		await expect(clipOr404('no-such-clip')).rejects.toMatchObject({
			status: 404,
			body: { message: 'No such recording' }
		});
		await expect(clipOr404('no-such-clip', 'No such transcript')).rejects.toMatchObject({
			status: 404,
			body: { message: 'No such transcript' }
		});
	});

	it('answers a clip outside the slugs a route serves with a 404', async () => {
		const kiosk = (collection: { kiosk: { clips: string[] } }) => collection.kiosk.clips;
		await expect(clipOr404('test-interview', 'Not here', kiosk)).rejects.toMatchObject({
			status: 404,
			body: { message: 'Not here' }
		});
		expect((await clipOr404(MAIN_CLIP, 'Not here', kiosk)).clip.slug).toBe(MAIN_CLIP);
	});
});
