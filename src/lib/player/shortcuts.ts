export const SHORTCUT_ACTIONS = ['toggle', 'back', 'forward', 'captions', 'help'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** Which single character does what. A reader can remap each (WCAG 2.1.4). */
export type Keymap = Record<ShortcutAction, string>;

export const DEFAULT_KEYMAP: Keymap = {
	toggle: 'k',
	back: 'j',
	forward: 'l',
	captions: 'c',
	help: '?'
};

/** Space plays or pauses too (as in every player) inside the player, unless shortcuts are off. */
const SPACE = ' ';

/** Elements whose own keys must win: fields being typed in, and controls Space activates. */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const SPACE_ACTIVATES = 'button, a, summary, [role="slider"], [role="button"], label';

/**
 * Whether a key event may be taken as a shortcut at all: never while typing, nor in a dialog
 * (its own controls come first, and what it covers should not change behind it).
 */
export function isShortcutTarget(event: KeyboardEvent): boolean {
	if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
	const target = event.target as Element | null;
	if (target?.closest?.(TYPING) || target?.closest?.('dialog')) return false;
	if (event.key === SPACE && target?.closest?.(SPACE_ACTIVATES)) return false;
	return true;
}

/** Caps Lock or Shift on a letter should not change what it does. */
const normalize = (key: string) => key.toLowerCase();

/**
 * The action of a key, if any. Letters act page-wide; Space only where `spaceToo` (inside the
 * player and transcript), since elsewhere on the page it scrolls.
 */
export function shortcutFor(
	event: Pick<KeyboardEvent, 'key'>,
	keymap: Keymap = DEFAULT_KEYMAP,
	spaceToo = true
): ShortcutAction | undefined {
	if (event.key === SPACE) return spaceToo ? 'toggle' : undefined;
	if ([...event.key].length !== 1) return undefined;
	const key = normalize(event.key);
	return SHORTCUT_ACTIONS.find((action) => keymap[action] === key);
}

/**
 * A keydown listener for the single-key shortcuts, reading the reader's settings at each key:
 * they act on the player and on the page's captions and help. Space counts only inside
 * `spaceWithin` (a selector) when one is given, since elsewhere it scrolls the page.
 */
export function shortcutListener(
	settings: { readonly shortcutsOn: boolean; readonly keymap: Readonly<Keymap> },
	player: { toggle(): void; skip(seconds: number): void },
	page: { toggleCaptions(): void; showHelp(): void },
	spaceWithin?: string
): (event: KeyboardEvent) => void {
	return (event) => {
		if (!settings.shortcutsOn || !isShortcutTarget(event)) return;
		const spaceToo =
			spaceWithin === undefined || !!(event.target as Element | null)?.closest?.(spaceWithin);
		const action = shortcutFor(event, settings.keymap, spaceToo);
		if (!action) return;
		event.preventDefault();
		if (action === 'toggle') player.toggle();
		else if (action === 'back') player.skip(-10);
		else if (action === 'forward') player.skip(10);
		else if (action === 'captions') page.toggleCaptions();
		else if (action === 'help') page.showHelp();
	};
}

export type KeyProblem = 'empty' | 'notOneCharacter' | 'space' | 'taken';
export type KeyCheck =
	{ ok: true; key: string } | { ok: false; problem: KeyProblem; takenBy?: ShortcutAction };

/** Whether `key` can be given to `action`: one visible character, not used by another action. */
export function checkKey(keymap: Keymap, action: ShortcutAction, input: string): KeyCheck {
	if (input === '') return { ok: false, problem: 'empty' };
	if (input.trim() === '') return { ok: false, problem: 'space' };
	const key = normalize(input.trim());
	if ([...key].length !== 1) return { ok: false, problem: 'notOneCharacter' };
	const takenBy = SHORTCUT_ACTIONS.find((other) => other !== action && keymap[other] === key);
	if (takenBy) return { ok: false, problem: 'taken', takenBy };
	return { ok: true, key };
}

const NO_KEYS = Object.fromEntries(SHORTCUT_ACTIONS.map((a) => [a, ''])) as Keymap;

/**
 * A keymap from what was stored: anything missing, malformed or clashing falls back to the
 * default for that action, so a damaged setting can never leave an action without a key.
 */
export function parseKeymap(stored: string | null | undefined): Keymap {
	let saved: unknown;
	try {
		saved = stored ? JSON.parse(stored) : undefined;
	} catch {
		saved = undefined;
	}
	const keymap: Keymap = { ...DEFAULT_KEYMAP };
	if (!saved || typeof saved !== 'object') return keymap;
	for (const action of SHORTCUT_ACTIONS) {
		const value = (saved as Record<string, unknown>)[action];
		if (typeof value !== 'string') continue;
		// Checked alone first (keys may have been swapped), then all together below.
		const check = checkKey(NO_KEYS, action, value);
		if (check.ok) keymap[action] = check.key;
	}
	// Two actions on one key would leave one unreachable: then the defaults, all of them.
	const keys = new Set(Object.values(keymap));
	return keys.size === SHORTCUT_ACTIONS.length ? keymap : { ...DEFAULT_KEYMAP };
}
