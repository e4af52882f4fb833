/**
 * Languages the interface is translated into. English is the reference: every text of the
 * collection exists in it, and a text missing in another language falls back to it.
 */
export const UI_LANGUAGES = ['en', 'fr', 'uk', 'lt'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
