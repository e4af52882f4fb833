import type { UiLanguage } from './languages.ts';

/**
 * A text of the collection (a title, a description, a witness's facts) in several languages,
 * `{ en, fr, uk, … }`. English is always there; any other language may be missing, and then
 * English is shown in its place.
 */
export type Localized<T = string> = { readonly en: T } & {
	readonly [language: string]: T | undefined;
};

/** The text in `language`, else the English, with the language it is actually in. */
export function localize<T>(texts: Localized<T>, language: UiLanguage): { value: T; lang: string } {
	const own = Object.hasOwn(texts, language) ? texts[language] : undefined;
	return own === undefined ? { value: texts.en, lang: 'en' } : { value: own, lang: language };
}

/**
 * The `lang` attribute for a text shown in an interface in `language`: English where it stands
 * in for a missing translation, so screen readers read it as English; nothing otherwise (the
 * page's own `lang` holds).
 */
export function fallbackLang(texts: Localized<unknown>, language: UiLanguage): string | undefined {
	const { lang } = localize(texts, language);
	return lang === language ? undefined : lang;
}
