import { describe, expect, it } from 'vitest';
import { checkKey, DEFAULT_KEYMAP, parseKeymap, shortcutFor } from './shortcuts.ts';

describe('shortcutFor', () => {
	it('maps the default keys, whatever the case, and Space to play or pause', () => {
		expect(shortcutFor({ key: 'k' })).toBe('toggle');
		expect(shortcutFor({ key: 'K' })).toBe('toggle');
		expect(shortcutFor({ key: ' ' })).toBe('toggle');
		expect(shortcutFor({ key: 'j' })).toBe('back');
		expect(shortcutFor({ key: 'l' })).toBe('forward');
		expect(shortcutFor({ key: 'c' })).toBe('captions');
		expect(shortcutFor({ key: '?' })).toBe('help');
		expect(shortcutFor({ key: 'x' })).toBeUndefined();
		expect(shortcutFor({ key: 'ArrowLeft' })).toBeUndefined();
	});

	it('Space only where asked (inside the player), since elsewhere it scrolls the page', () => {
		expect(shortcutFor({ key: ' ' }, DEFAULT_KEYMAP, false)).toBeUndefined();
		expect(shortcutFor({ key: 'k' }, DEFAULT_KEYMAP, false)).toBe('toggle');
	});

	it('follows a remapped keymap, and the old key no longer acts', () => {
		const keymap = { ...DEFAULT_KEYMAP, toggle: 'p', captions: 'é' };
		expect(shortcutFor({ key: 'p' }, keymap)).toBe('toggle');
		expect(shortcutFor({ key: 'k' }, keymap)).toBeUndefined();
		expect(shortcutFor({ key: 'É' }, keymap)).toBe('captions');
	});
});

describe('checkKey', () => {
	it('accepts one character, lower-cased', () => {
		expect(checkKey(DEFAULT_KEYMAP, 'toggle', 'P')).toEqual({ ok: true, key: 'p' });
		expect(checkKey(DEFAULT_KEYMAP, 'toggle', 'k')).toEqual({ ok: true, key: 'k' });
		expect(checkKey(DEFAULT_KEYMAP, 'help', 'ж')).toEqual({ ok: true, key: 'ж' });
	});

	it('refuses nothing, a space, several characters and a key another action has', () => {
		expect(checkKey(DEFAULT_KEYMAP, 'toggle', '')).toEqual({ ok: false, problem: 'empty' });
		expect(checkKey(DEFAULT_KEYMAP, 'toggle', ' ')).toEqual({ ok: false, problem: 'space' });
		expect(checkKey(DEFAULT_KEYMAP, 'toggle', 'pp')).toEqual({
			ok: false,
			problem: 'notOneCharacter'
		});
		expect(checkKey(DEFAULT_KEYMAP, 'toggle', 'J')).toEqual({
			ok: false,
			problem: 'taken',
			takenBy: 'back'
		});
	});
});

describe('parseKeymap', () => {
	it('keeps valid saved keys and fills the rest from the defaults', () => {
		expect(parseKeymap('{"toggle":"p"}')).toEqual({ ...DEFAULT_KEYMAP, toggle: 'p' });
		// Swapped keys are fine.
		expect(parseKeymap('{"toggle":"j","back":"k"}')).toEqual({
			...DEFAULT_KEYMAP,
			toggle: 'j',
			back: 'k'
		});
	});

	it('falls back to the defaults for anything damaged', () => {
		expect(parseKeymap(null)).toEqual(DEFAULT_KEYMAP);
		expect(parseKeymap('not json')).toEqual(DEFAULT_KEYMAP);
		expect(parseKeymap('[1,2]')).toEqual(DEFAULT_KEYMAP);
		expect(parseKeymap('{"toggle":"pp","back":7}')).toEqual(DEFAULT_KEYMAP);
		// Two actions on one key would make one of them unreachable.
		expect(parseKeymap('{"toggle":"j"}')).toEqual(DEFAULT_KEYMAP);
		expect(parseKeymap('{"toggle":"x","back":"x"}')).toEqual(DEFAULT_KEYMAP);
	});
});
