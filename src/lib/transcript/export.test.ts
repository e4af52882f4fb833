import { describe, expect, it } from 'vitest';
import { lineStepTarget, neighbourCueStart, transcriptToText } from './export.ts';
import type { Cue } from './types.ts';

const cue = (start: number, text: string, speaker?: string): Cue => ({
	id: '',
	start,
	end: start + 2,
	text,
	speaker,
	nodes: [text],
	line: 0
});

describe('transcriptToText', () => {
	it('writes a header and one timestamped line per cue, keeping every character', () => {
		const text = transcriptToText(
			['Організація втечі', 'Орест Яринич'],
			[cue(0, 'Перший рядок.', 'Оповідач'), cue(65, 'В’язні\nтікали.')]
		);
		expect(text).toBe(
			'Організація втечі\nОрест Яринич\n\n[0:00] Оповідач: Перший рядок.\n[1:05] В’язні тікали.\n'
		);
	});
});

describe('neighbourCueStart', () => {
	const cues = [cue(0, 'a'), cue(5, 'b'), cue(10, 'c')];
	it('goes to the next line', () => {
		expect(neighbourCueStart(cues, 1, 6, 1)).toBe(10);
		expect(neighbourCueStart(cues, 2, 11, 1)).toBeUndefined();
		expect(neighbourCueStart(cues, -1, 0, 1)).toBe(0);
	});
	it('goes back to the start of the current line first, then to the previous one', () => {
		expect(neighbourCueStart(cues, 1, 8, -1)).toBe(5);
		expect(neighbourCueStart(cues, 1, 5.5, -1)).toBe(0);
		expect(neighbourCueStart(cues, 0, 0.5, -1)).toBe(0);
	});
});

describe('lineStepTarget', () => {
	const cues = [cue(0, 'a'), cue(5, 'b'), cue(10, 'c')];
	it('goes to the next line from where playback is', () => {
		expect(lineStepTarget(cues, 6, 1)).toBe(10);
		expect(lineStepTarget(cues, 5, 1)).toBe(10);
		expect(lineStepTarget(cues, 11, 1)).toBeUndefined();
	});
	it('goes to the first line from before it', () => {
		expect(lineStepTarget([cue(2, 'a'), cue(5, 'b')], 1, 1)).toBe(2);
	});
	it('restarts the current line after its first moments, else goes to the previous one', () => {
		expect(lineStepTarget(cues, 8, -1)).toBe(5);
		expect(lineStepTarget(cues, 5.5, -1)).toBe(0);
	});
	it('has nowhere to go in an empty transcript', () => {
		expect(lineStepTarget([], 3, 1)).toBeUndefined();
		expect(lineStepTarget([], 3, -1)).toBeUndefined();
	});
});
