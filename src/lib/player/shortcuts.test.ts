import { describe, expect, it } from 'vitest';
import {
	checkKey,
	DEFAULT_KEYMAP,
	parseKeymap,
	shortcutFor,
	shortcutListener,
	type Keymap
} from './shortcuts.ts';

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

/** A key event whose target sits inside elements matching `inside` (simple selectors). */
function keyEvent(key: string, inside: string[] = []) {
	const event = {
		key,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		defaultPrevented: false,
		target: {
			closest: (selectors: string) =>
				selectors.split(',').some((s) => inside.includes(s.trim())) ? {} : null
		},
		preventDefault: () => (event.defaultPrevented = true)
	};
	return event as unknown as KeyboardEvent;
}

/** A listener over a recording player and page, with settings the test may change. */
function listen(spaceWithin?: string) {
	const settings: { shortcutsOn: boolean; keymap: Keymap } = {
		shortcutsOn: true,
		keymap: DEFAULT_KEYMAP
	};
	const done: string[] = [];
	const onkeydown = shortcutListener(
		settings,
		{ toggle: () => done.push('toggle'), skip: (s) => done.push(`skip ${s}`) },
		{ toggleCaptions: () => done.push('captions'), showHelp: () => done.push('help') },
		spaceWithin
	);
	/** What a key did, if anything, and whether the key's own action was prevented. */
	const press = (key: string, inside: string[] = []) => {
		const event = keyEvent(key, inside);
		done.length = 0;
		onkeydown(event);
		return { done: [...done], prevented: event.defaultPrevented };
	};
	return { settings, press };
}

describe('shortcutListener', () => {
	it('acts on the player and the page, and keeps the key from doing anything else', () => {
		const { press } = listen();
		expect(press('k')).toEqual({ done: ['toggle'], prevented: true });
		expect(press('j')).toEqual({ done: ['skip -10'], prevented: true });
		expect(press('l')).toEqual({ done: ['skip 10'], prevented: true });
		expect(press('c')).toEqual({ done: ['captions'], prevented: true });
		expect(press('?')).toEqual({ done: ['help'], prevented: true });
		expect(press('x')).toEqual({ done: [], prevented: false });
	});

	it('reads the settings at each key: shortcuts turned off, a key remapped', () => {
		const { settings, press } = listen();
		settings.shortcutsOn = false;
		expect(press('k')).toEqual({ done: [], prevented: false });
		settings.shortcutsOn = true;
		settings.keymap = { ...DEFAULT_KEYMAP, toggle: 'p' };
		expect(press('p')).toEqual({ done: ['toggle'], prevented: true });
		expect(press('k')).toEqual({ done: [], prevented: false });
	});

	it('takes Space only inside `spaceWithin`, when given', () => {
		expect(listen().press(' ').done).toEqual(['toggle']);
		const { press } = listen('#player');
		expect(press(' ')).toEqual({ done: [], prevented: false });
		expect(press(' ', ['#player'])).toEqual({ done: ['toggle'], prevented: true });
		expect(press('k')).toEqual({ done: ['toggle'], prevented: true });
	});

	it('leaves keys typed in a field or pressed in a dialog alone', () => {
		const { press } = listen();
		expect(press('k', ['input'])).toEqual({ done: [], prevented: false });
		expect(press('k', ['dialog'])).toEqual({ done: [], prevented: false });
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
