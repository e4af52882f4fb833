import { createContext } from 'svelte';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { readSetting, saveSetting } from '../settings/storage.ts';
import { loadCatalogue, loadedCatalogue } from './catalogues.ts';
import { en, type Catalogue, type MessageKey } from './messages.ts';
import { pickLanguage, translate } from './translate.ts';

const STORAGE_KEY = 'testimony-player.ui-language';

/**
 * The interface language of one page. Pages are prerendered in English; in the browser the
 * reader's remembered choice (or their browser's language) takes over.
 */
export class Locale {
	#language = $state<UiLanguage>('en');
	#catalogue = $state.raw<Catalogue>(en);
	#wanted: UiLanguage = 'en';

	get language(): UiLanguage {
		return this.#language;
	}

	/** Reads the remembered choice; call once in the browser. */
	restore(storage: Storage | undefined, preferred: readonly string[]): void {
		const saved = readSetting(storage, STORAGE_KEY);
		this.#show(UI_LANGUAGES.find((l) => l === saved) ?? pickLanguage(preferred, UI_LANGUAGES));
	}

	/** Changes the language and remembers it in this browser. */
	choose(language: UiLanguage, storage: Storage | undefined): void {
		this.#show(language);
		saveSetting(storage, STORAGE_KEY, language);
	}

	/**
	 * The language and its words change together, once the words are here (at once if they
	 * already are), so the page never says one language while its `lang` names another.
	 */
	#show(language: UiLanguage): void {
		this.#wanted = language;
		const apply = (catalogue: Catalogue) => {
			if (this.#wanted !== language) return; // a later choice won
			this.#catalogue = catalogue;
			this.#language = language;
		};
		const ready = loadedCatalogue(language);
		if (ready) apply(ready);
		else loadCatalogue(language).then(apply, () => (this.#wanted = this.#language));
	}

	t = (key: MessageKey, values?: Record<string, string | number>): string =>
		translate(this.#catalogue, key, values);

	/** Picks the text for the current language from a `{ en, fr, … }` record. */
	pick = (texts: Record<UiLanguage, string>): string => texts[this.#language] ?? texts.en;
}

export const [getLocale, setLocale] = createContext<Locale>();
