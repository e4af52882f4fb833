import { createContext } from 'svelte';
import { UI_LANGUAGES, type UiLanguage } from './languages.ts';
import { readSetting, saveSetting } from '../settings/storage.ts';
import { loadCatalogue, loadedCatalogue } from './catalogues.ts';
import { en, type Catalogue, type MessageKey } from './messages.ts';
import { fallbackLang, localize, type Localized } from './localized.ts';
import { pickLanguage, translate, translateParts, type ValuesFor } from './translate.ts';

const STORAGE_KEY = 'testimony-player.ui-language';

/**
 * The interface language of one page. Pages are prerendered in English; in the browser the
 * reader's remembered choice (or their browser's language) takes over.
 */
export class Locale {
	#language = $state<UiLanguage>('en');
	#catalogue = $state.raw<Catalogue>(en);
	#wanted: UiLanguage = 'en';
	#chosen = false;

	get language(): UiLanguage {
		return this.#language;
	}

	/**
	 * Reads the remembered choice; call once in the browser. A choice made already (a language
	 * clicked while the page was loading) stands.
	 */
	restore(storage: Storage | undefined, preferred: readonly string[]): void {
		if (this.#chosen) return;
		const saved = readSetting(storage, STORAGE_KEY);
		this.#show(UI_LANGUAGES.find((l) => l === saved) ?? pickLanguage(preferred, UI_LANGUAGES));
	}

	/** Starts in `language` (a kiosk's default), unless one was chosen already. */
	startIn(language: UiLanguage): void {
		if (!this.#chosen) this.#show(language);
	}

	/** Changes the language and remembers it in this browser. */
	choose(language: UiLanguage, storage: Storage | undefined): void {
		this.#chosen = true;
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

	/** The message in the interface language; a counting message takes its `count`. */
	t = <K extends MessageKey>(key: K, ...values: ValuesFor<K>): string =>
		translate(this.#catalogue, this.#language, key, ...values);

	/** The message cut at its filled-in values (see translateParts). */
	parts = <K extends MessageKey>(key: K, ...values: ValuesFor<K>) =>
		translateParts(this.#catalogue, this.#language, key, ...values);

	/** Picks the text for the current language from a `{ en, fr, … }` record, else the English. */
	pick = <T>(texts: Localized<T>): T => localize(texts, this.#language).value;

	/** The `lang` to mark on what `pick` shows: `en` where English stands in, else none. */
	langOf = (texts: Localized<unknown>): string | undefined => fallbackLang(texts, this.#language);
}

export const [getLocale, setLocale] = createContext<Locale>();
