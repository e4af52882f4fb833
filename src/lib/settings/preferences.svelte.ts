import { createContext } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import {
	checkKey,
	DEFAULT_KEYMAP,
	parseKeymap,
	type KeyCheck,
	type Keymap,
	type ShortcutAction
} from '../player/shortcuts.ts';
import { THEME_STORAGE_KEY } from './theme-rule.ts';
import {
	applyTheme,
	parseCaptions,
	parseTheme,
	type AppliedTheme,
	type CaptionSettings,
	type Theme
} from './display.ts';
import { readSetting, saveSetting } from './storage.ts';

/** Also read by the start-up script in src/app.html, which applies the theme before paint. */
const CAPTIONS_KEY = 'testimony-player.captions';
const SHORTCUTS_KEY = 'testimony-player.shortcuts';
const KEYMAP_KEY = 'testimony-player.keys';

/**
 * A reader's settings for the whole site (theme, captions view, keyboard shortcuts), kept in
 * this browser. One per page, from the root layout; pages are prerendered with the defaults.
 */
export class Preferences {
	#theme = $state<Theme>('system');
	// Replaced whole on each change, never mutated: no deep proxy needed.
	#captions = $state.raw<CaptionSettings>(parseCaptions(null));
	/** Single-key shortcuts can be turned off (WCAG 2.1.4). */
	#shortcutsOn = $state(true);
	#keymap = $state.raw<Keymap>({ ...DEFAULT_KEYMAP });
	#storage: Storage | undefined;
	#dark = new MediaQuery('(prefers-color-scheme: dark)', false);
	#moreContrast = new MediaQuery('(prefers-contrast: more)', false);

	/** Reads what this browser remembers; call once, in the browser. */
	restore(storage: Storage | undefined): void {
		this.#storage = storage;
		const read = (key: string) => readSetting(storage, key);
		this.#theme = parseTheme(read(THEME_STORAGE_KEY));
		this.#captions = parseCaptions(read(CAPTIONS_KEY));
		this.#shortcutsOn = read(SHORTCUTS_KEY) !== 'off';
		this.#keymap = parseKeymap(read(KEYMAP_KEY));
	}

	#save(key: string, value: string) {
		saveSetting(this.#storage, key, value);
	}

	get theme(): Theme {
		return this.#theme;
	}
	/** The theme in effect, "system" resolved from the browser's preferences (and its changes). */
	get appliedTheme(): AppliedTheme {
		return applyTheme(this.#theme, {
			moreContrast: this.#moreContrast.current,
			dark: this.#dark.current
		});
	}
	setTheme(theme: Theme): void {
		this.#theme = theme;
		this.#save(THEME_STORAGE_KEY, theme);
	}

	get captions(): Readonly<CaptionSettings> {
		return this.#captions;
	}
	setCaptions(change: Partial<CaptionSettings>): void {
		this.#captions = { ...this.#captions, ...change };
		this.#save(CAPTIONS_KEY, JSON.stringify(this.#captions));
	}

	get shortcutsOn(): boolean {
		return this.#shortcutsOn;
	}
	setShortcutsOn(on: boolean): void {
		this.#shortcutsOn = on;
		this.#save(SHORTCUTS_KEY, on ? 'on' : 'off');
	}

	get keymap(): Readonly<Keymap> {
		return this.#keymap;
	}
	/** Gives `action` a new key if it can have it; says why not otherwise. */
	setKey(action: ShortcutAction, key: string): KeyCheck {
		const check = checkKey(this.#keymap, action, key);
		if (check.ok) {
			this.#keymap = { ...this.#keymap, [action]: check.key };
			this.#save(KEYMAP_KEY, JSON.stringify(this.#keymap));
		}
		return check;
	}
	resetKeys(): void {
		this.#keymap = { ...DEFAULT_KEYMAP };
		this.#save(KEYMAP_KEY, JSON.stringify(this.#keymap));
	}
}

export const [getPreferences, setPreferences] = createContext<Preferences>();
