import { describe, expect, it } from 'vitest';
import type { Track } from '../content/types.ts';
import { isOutlined, outlineTrack, trackFromOutline, type MarkupLine } from './outline.ts';
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

	it('say which file when the markup lacks lines', () => {
		const outlined = outlineTrack(track, true);
		expect(() => trackFromOutline(outlined, lines.slice(0, 3))).toThrow(
			'uk.vtt: the page shows 3 of its 4 lines'
		);
	});
});
