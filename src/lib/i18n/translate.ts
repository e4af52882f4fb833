import { formatNumber } from './format.ts';
import type { UiLanguage } from './languages.ts';
import {
	en,
	forGender,
	type Catalogue,
	type GenderForms,
	type GenderedKey,
	type GrammaticalGender,
	type MessageKey,
	type PluralKey
} from './messages.ts';
import { selectPlural, type AnyPluralForms } from './plural.ts';

/** The values filled into a message's `{placeholders}`; an undefined value is not given. */
export type MessageValues = Record<string, string | number | undefined>;

/**
 * The values a message takes: a counting message needs its `count`, a message about a witness
 * their grammatical `gender`.
 */
export type ValuesFor<K extends MessageKey> = K extends PluralKey
	? [values: MessageValues & { count: number }]
	: K extends GenderedKey
		? [values: MessageValues & { gender: GrammaticalGender | undefined }]
		: [values?: MessageValues];

/**
 * Looks up a message, picks its plural form for `count`, and fills in its `{placeholders}`;
 * numbers are written as the language writes them. An unknown placeholder stays visible.
 */
export function translate<K extends MessageKey>(
	catalogue: Catalogue,
	language: UiLanguage,
	key: K,
	...values: ValuesFor<K>
): string {
	return translateParts(catalogue, language, key, ...values)
		.map((part) => part.text)
		.join('');
}

/** A piece of a message: its own words, or the value of the placeholder `name`. */
export interface MessagePart {
	text: string;
	name?: string;
}

/**
 * The message as `translate` writes it, cut at each filled-in value, so a page can mark a
 * value apart from the words around it (its `lang`, when it is English in another language).
 */
export function translateParts<K extends MessageKey>(
	catalogue: Catalogue,
	language: UiLanguage,
	key: K,
	...[values = {}]: ValuesFor<K>
): MessagePart[] {
	const message = (catalogue[key] ?? en[key]) as string | AnyPluralForms | GenderForms;
	const count = values.count;
	const template =
		typeof message === 'string'
			? message
			: 'feminine' in message
				? forGender(message, values.gender as GrammaticalGender | undefined) // ValuesFor asks for it
				: typeof count === 'number'
					? selectPlural(message, count, language)
					: message.other;
	const parts: MessagePart[] = [];
	let last = 0;
	for (const match of template.matchAll(/\{(\w+)\}/g)) {
		const name = match[1]!;
		const value = Object.hasOwn(values, name) ? values[name] : undefined;
		if (value === undefined) continue;
		if (match.index > last) parts.push({ text: template.slice(last, match.index) });
		parts.push({ text: typeof value === 'number' ? formatNumber(value, language) : value, name });
		last = match.index + match[0].length;
	}
	if (last < template.length) parts.push({ text: template.slice(last) });
	return parts;
}

/** The first of the reader's preferred languages the interface speaks, else English. */
export function pickLanguage(
	preferred: readonly string[],
	supported: readonly UiLanguage[]
): UiLanguage {
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0];
		const match = supported.find((lang) => lang === base);
		if (match) return match;
	}
	return 'en';
}
