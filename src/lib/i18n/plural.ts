import type { UiLanguage } from './languages.ts';

/**
 * The plural categories (Unicode CLDR) each interface language tells apart, as `Intl.PluralRules`
 * reports them; plural.test.ts checks the list against it. Ukrainian has a form for 1 and 21,
 * one for 2–4 and 22–24, one for 5–20 and 25–30, and one for fractions; Lithuanian one for 1
 * and 21, one for 2–9 and 22–29, one for 10–20 and 30, and one for fractions.
 */
export const PLURAL_CATEGORIES = {
	en: ['one', 'other'],
	fr: ['one', 'many', 'other'],
	uk: ['one', 'few', 'many', 'other'],
	lt: ['one', 'few', 'many', 'other']
} as const satisfies Record<UiLanguage, readonly Intl.LDMLPluralRule[]>;

/**
 * A message that changes with a number, `{count}`: one text per plural category of the
 * language, so a catalogue cannot leave out a form its language needs.
 */
export type PluralForms<L extends UiLanguage> = {
	readonly [C in (typeof PLURAL_CATEGORIES)[L][number]]: string;
};

/** Plural forms of any language, as a lookup sees them (every language has `other`). */
export type AnyPluralForms = { readonly [C in Intl.LDMLPluralRule]?: string } & {
	readonly other: string;
};

const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` for `count` in `language`; `other` if the language's form is missing. */
export function selectPlural(forms: AnyPluralForms, count: number, language: UiLanguage): string {
	let rule = rules.get(language);
	if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
	return forms[rule.select(count)] ?? forms.other;
}
