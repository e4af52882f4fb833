import { describe, expect, it } from 'vitest';
import type { Track } from '../content/types.ts';
import {
	DETAILS_APART_ABOVE,
	isLongPage,
	isOutlined,
	outlineTrack,
	setDetailsApart,
	trackFromOutline,
	withDetails,
	type MarkupLine
} from './outline.ts';
import type { Cue } from './types.ts';

const cue = (start: number, end: number, text: string, extra: Partial<Cue> = {}): Cue => ({
	id: '',
	start,
	end,
	text,
	nodes: [text],
	line: 0,
	...extra
});

const track: Track = {
	lang: 'uk',
	kind: 'captions',
	file: 'uk.vtt',
	cues: [
		cue(0.5, 2.25, 'Це було взимку.', {
			speaker: 'Оповідач',
			words: [
				{ offset: 0, time: 0.5 },
				{ offset: 3, time: 0.9 },
				{ offset: 8, time: 1.304 }
			]
		}),
		cue(2.4, 4, 'Unspoken.'),
		cue(4.1, 7.5, 'Знову.', {
			speaker: 'Оповідач',
			nodes: [{ tag: 'i', children: ['Знову'] }, '.']
		}),
		cue(3723.206, 3725, 'Late words', {
			speaker: 'Оповідач',
			words: [
				{ offset: 0, time: 3723.206 },
				{ offset: 5, time: 3723.456 }
			]
		})
	]
};
/** The lines as the page's markup shows them. */
const lines: MarkupLine[] = track.cues.map(({ start, end, nodes }) => ({ start, end, nodes }));

describe('outlined tracks', () => {
	it('carry no cue text, only what the markup does not say', () => {
		const outlined = outlineTrack(track, true);
		expect(isOutlined(outlined)).toBe(true);
		expect(JSON.stringify(outlined)).not.toMatch(/взимку|Unspoken|Знову|Late/);
		expect(outlined).toMatchObject({
			lang: 'uk',
			kind: 'captions',
			file: 'uk.vtt',
			outline: {
				count: 4,
				speakers: [
					[0, 'Оповідач'],
					[1, ''],
					[2, 'Оповідач']
				],
				words: [0, 2, 3, 400, 8, 804, 3, 1, 5, 250]
			}
		});
	});

	it('are whole again with their lines from the markup', () => {
		const outlined = outlineTrack(track, true);
		const whole = trackFromOutline(outlined, lines);
		expect(whole.cues.map(({ words: _, ...rest }) => rest)).toEqual(
			track.cues.map(({ words: _, ...rest }) => rest)
		);
		whole.cues.forEach((c, i) => {
			const expected = track.cues[i]!.words;
			if (!expected) return expect(c.words).toBeUndefined();
			expect(c.words!.map((w) => w.offset)).toEqual(expected.map((w) => w.offset));
			expected.forEach((w, j) => expect(c.words![j]!.time).toBeCloseTo(w.time, 6));
		});
	});

	it('carry their lines, text once, when the page does not show them', () => {
		const outlined = outlineTrack(track, false);
		expect(outlined.lines?.times).toEqual([0.5, 2.25, 2.4, 4, 4.1, 7.5, 3723.206, 3725]);
		expect(JSON.stringify(outlined).match(/взимку/g)).toHaveLength(1);
		const whole = trackFromOutline(outlined);
		expect(whole.cues.map((c) => c.text)).toEqual(track.cues.map((c) => c.text));
		expect(whole.cues.map((c) => c.speaker)).toEqual(track.cues.map((c) => c.speaker));
	});

	it("read a line's text only when it is asked for", () => {
		let reads = 0;
		const counted = lines.map(({ start, end, nodes }) => ({
			start,
			end,
			get nodes() {
				reads++;
				return nodes;
			}
		}));
		const whole = trackFromOutline(outlineTrack(track, true), counted);
		expect(whole.cues.map((c) => c.start)).toEqual(track.cues.map((c) => c.start));
		expect(reads).toBe(0);
		expect(whole.cues[1]!.text).toBe(track.cues[1]!.text);
		expect(whole.cues[1]!.text).toBe(track.cues[1]!.text);
		expect(reads).toBe(1);
	});

	it('say which file when the markup lacks lines', () => {
		const outlined = outlineTrack(track, true);
		expect(() => trackFromOutline(outlined, lines.slice(0, 3))).toThrow(
			'uk.vtt: the page shows 3 of its 4 lines'
		);
	});
});

describe('details apart', () => {
	/** The track again and again, until its details are large enough to be set apart. */
	const long = (times: number) => ({
		...track,
		cues: Array.from({ length: times }, (_, i) =>
			track.cues.map((cue) => ({
				...cue,
				start: cue.start + i * 4000,
				end: cue.end + i * 4000,
				words: cue.words?.map((w) => ({ ...w, time: w.time + i * 4000 }))
			}))
		).flat()
	});

	it('stay in the page data when small', () => {
		const outlined = [outlineTrack(track, true), outlineTrack(track, false)];
		const { tracks } = setDetailsApart(outlined);
		expect(tracks).toEqual(outlined);
	});

	it('leave the page data of a long interview, and make its tracks whole again', () => {
		const big = long(600);
		const outlined = [outlineTrack(big, true), outlineTrack(big, false)];
		const { tracks, details } = setDetailsApart(outlined);
		expect(JSON.stringify(details).length).toBeGreaterThan(DETAILS_APART_ABOVE);
		// The page data keeps the count and the speakers, and no word, time or text of a line.
		expect(tracks.every((t) => t.detailsApart && t.outline.words.length === 0)).toBe(true);
		expect(tracks[1]!.lines).toBeUndefined();
		expect(JSON.stringify(tracks)).not.toMatch(/взимку|Unspoken|Знову|Late/);
		expect(JSON.stringify(tracks).length * 4).toBeLessThan(JSON.stringify(details).length);
		expect(tracks[0]!.outline.count).toBe(big.cues.length);
		// A track still without its details cannot be made whole: its word timings would be lost.
		expect(() => trackFromOutline(tracks[1]!)).toThrow('uk.vtt: its details (outline.json)');
		// With them (as outline.json gives them), each track is whole, words and all.
		const shown = trackFromOutline(
			withDetails(tracks[0]!, details[0]),
			big.cues.map(({ start, end, nodes }) => ({ start, end, nodes }))
		);
		const apart = trackFromOutline(withDetails(tracks[1]!, details[1]));
		for (const whole of [shown, apart]) {
			expect(whole.cues.map((c) => c.text)).toEqual(big.cues.map((c) => c.text));
			expect(whole.cues.map((c) => c.words?.length)).toEqual(big.cues.map((c) => c.words?.length));
			expect(whole.cues.at(-1)!.words!.at(-1)!.time).toBeCloseTo(
				big.cues.at(-1)!.words!.at(-1)!.time,
				6
			);
		}
		expect(() => withDetails(tracks[0]!, undefined)).toThrow('uk.vtt: outline.json has no details');
	});
});

describe('a long page', () => {
	const lines = (lang: string, count: number) => ({
		lang,
		cues: Array.from({ length: count }, (_, i) => cue(i, i + 1, `line ${i}`))
	});
	it('counts the lines the prerendered page shows: the original and an English translation', () => {
		expect(isLongPage([lines('uk', 1000)])).toBe(false);
		expect(isLongPage([lines('uk', 1001)])).toBe(true);
		expect(isLongPage([lines('uk', 600), lines('en', 600)])).toBe(true);
		// A French translation is data, not markup, in the English page.
		expect(isLongPage([lines('uk', 600), lines('fr', 600)])).toBe(false);
	});
});
