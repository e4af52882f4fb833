import { createContext } from 'svelte';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { readSetting, saveSetting } from '../settings/storage.ts';
import type { MessageKey } from './messages.ts';
import { pickLanguage, translate } from './translate.ts';

const STORAGE_KEY = 'testimony-player.ui-language';

/**
 * The interface language of one page. Pages are prerendered in English; in the browser the
 * reader's remembered choice (or their browser's language) takes over.
 */
export class Locale {
	#language = $state<UiLanguage>('en');

	get language(): UiLanguage {
		return this.#language;
	}

	/** Reads the remembered choice; call once in the browser. */
	restore(storage: Storage | undefined, preferred: readonly string[]): void {
		const saved = readSetting(storage, STORAGE_KEY);
		this.#language = UI_LANGUAGES.find((l) => l === saved) ?? pickLanguage(preferred, UI_LANGUAGES);
	}

	/** Changes the language and remembers it in this browser. */
	choose(language: UiLanguage, storage: Storage | undefined): void {
		this.#language = language;
		saveSetting(storage, STORAGE_KEY, language);
	}

	t = (key: MessageKey, values?: Record<string, string | number>): string =>
		translate(this.#language, key, values);

	/** Picks the text for the current language from a `{ en, fr, … }` record. */
	pick = (texts: Record<UiLanguage, string>): string => texts[this.#language] ?? texts.en;
}

export const [getLocale, setLocale] = createContext<Locale>();
