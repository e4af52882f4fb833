import type { UiLanguage } from './languages.ts';
import { en, type Catalogue } from './messages.ts';

/**
 * English is in every page, since pages are prerendered in it. Other catalogues load when
 * chosen, so a page carries the words of the languages it shows, not of every language.
 */
const loaders: Record<UiLanguage, () => Promise<Catalogue>> = {
	en: async () => en,
	fr: async () => (await import('./fr.ts')).fr,
	uk: async () => (await import('./uk.ts')).uk,
	lt: async () => (await import('./lt.ts')).lt
};

const loaded = new Map<UiLanguage, Catalogue>([['en', en]]);

/** The catalogue if it is already here (English always is). */
export function loadedCatalogue(language: UiLanguage): Catalogue | undefined {
	return loaded.get(language);
}

export async function loadCatalogue(language: UiLanguage): Promise<Catalogue> {
	const catalogue = loaded.get(language) ?? (await loaders[language]());
	loaded.set(language, catalogue);
	return catalogue;
}
