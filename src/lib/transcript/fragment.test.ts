import { describe, expect, it } from 'vitest';
import { fitFragment, formatFragment, parseClock, parseFragment } from './fragment.ts';

describe('parseClock', () => {
	it('reads seconds and clock times', () => {
		expect(parseClock('83.2')).toBe(83.2);
		expect(parseClock('1:23.5')).toBe(83.5);
		expect(parseClock('01:02:03')).toBe(3723);
	});
	it('rejects malformed times', () => {
		for (const bad of ['', 'abc', '1:75', '-3', '1e3', '1:2:3:4'])
			expect(parseClock(bad), bad).toBeUndefined();
	});
});

describe('parseFragment', () => {
	it('reads a moment, a passage and the transcript language', () => {
		expect(parseFragment('#t=83.2')).toEqual({
			ok: true,
			fragment: { start: 83.2, end: undefined, lang: undefined }
		});
		expect(parseFragment('#t=83.2,107.5&lang=fr')).toEqual({
			ok: true,
			fragment: { start: 83.2, end: 107.5, lang: 'fr' }
		});
		expect(parseFragment('t=npt:1:00,1:30')).toEqual({
			ok: true,
			fragment: { start: 60, end: 90, lang: undefined }
		});
		expect(parseFragment('#t=,20')).toEqual({
			ok: true,
			fragment: { start: 0, end: 20, lang: undefined }
		});
	});
	it('treats a hash without a time as no link', () => {
		expect(parseFragment('')).toEqual({ ok: true, fragment: undefined });
		expect(parseFragment('#main')).toEqual({ ok: true, fragment: undefined });
	});
	it('reports malformed fragments', () => {
		expect(parseFragment('#t=abc')).toMatchObject({ ok: false });
		expect(parseFragment('#t=10,5')).toMatchObject({ ok: false, reason: 'reversed' });
		expect(parseFragment('#t=1,2,3')).toMatchObject({ ok: false });
	});
});

describe('fitFragment', () => {
	it('clamps the end of a passage to the recording and rejects a start past it', () => {
		expect(fitFragment({ start: 10, end: 500 }, 120)).toEqual({
			ok: true,
			fragment: { start: 10, end: 120 }
		});
		expect(fitFragment({ start: 130 }, 120)).toEqual({ ok: false, reason: 'past-end' });
	});
});

describe('formatFragment', () => {
	it('writes what parseFragment reads', () => {
		const hash = formatFragment({ start: 83.24, end: 107.42, lang: 'lt' });
		expect(hash).toBe('#t=83.2,107.5&lang=lt');
		expect(formatFragment({ start: 4.36, end: 83.2 })).toBe('#t=4.3,83.2');
		expect(parseFragment(hash)).toEqual({
			ok: true,
			fragment: { start: 83.2, end: 107.5, lang: 'lt' }
		});
		expect(formatFragment({ start: 5 })).toBe('#t=5');
	});
});
