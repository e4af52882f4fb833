export type ShortcutAction = 'toggle' | 'back' | 'forward' | 'help';

const KEYS: Record<string, ShortcutAction> = {
	k: 'toggle',
	' ': 'toggle',
	j: 'back',
	l: 'forward',
	'?': 'help'
};

/** Elements whose own keys must win: fields being typed in, and controls Space activates. */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const SPACE_ACTIVATES = 'button, a, summary, [role="slider"], [role="button"], label';

/** Whether a key event may be taken as a shortcut at all (never while typing). */
export function isShortcutTarget(event: KeyboardEvent): boolean {
	if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
	const target = event.target as Element | null;
	if (target?.closest?.(TYPING)) return false;
	if (event.key === ' ' && target?.closest?.(SPACE_ACTIVATES)) return false;
	return true;
}

export function shortcutFor(event: Pick<KeyboardEvent, 'key'>): ShortcutAction | undefined {
	return KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? KEYS[event.key];
}
