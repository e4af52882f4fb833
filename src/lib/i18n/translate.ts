import type { UiLanguage } from './languages.ts';
import { en, type Catalogue, type MessageKey } from './messages.ts';

/** Looks up a message and fills in its `{placeholders}`; an unknown placeholder stays visible. */
export function translate(
	catalogue: Catalogue,
	key: MessageKey,
	values: Record<string, string | number> = {}
): string {
	const template: string = catalogue[key] ?? en[key];
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole
	);
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
