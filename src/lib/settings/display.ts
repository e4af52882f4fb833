import { themeFor } from './theme-rule.ts';

/**
 * How a reader wants the site shown: theme, and the captions view. Kept per browser, so it is
 * parsed leniently: a damaged or older stored value falls back field by field to the defaults.
 */

export const THEMES = ['system', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
/** What a theme comes to once "system" is resolved from the browser's preferences. */
export type AppliedTheme = Exclude<Theme, 'system'>;

/** Caption text sizes, in rem: from a little over body text to a few words per line. */
export const CAPTION_SIZES = [1.5, 2, 2.75, 3.75, 5] as const;
/** Line heights of the caption text. */
export const LINE_SPACINGS = { normal: 1.3, relaxed: 1.6, loose: 2 } as const;
export type LineSpacing = keyof typeof LINE_SPACINGS;

export interface CaptionSettings {
	/** The captions view is shown on clip pages. */
	shown: boolean;
	/** Index in CAPTION_SIZES. */
	size: number;
	spacing: LineSpacing;
	/** The original above its translation, when a translation is the chosen language. */
	stacked: boolean;
	/** Each new caption is read out by screen readers (a live region); off unless asked for. */
	announce: boolean;
}

export const DEFAULT_CAPTIONS: CaptionSettings = {
	shown: false,
	size: 1,
	spacing: 'relaxed',
	stacked: false,
	announce: false
};

export function parseTheme(stored: string | null | undefined): Theme {
	return THEMES.find((theme) => theme === stored) ?? 'system';
}

/** "system" follows the browser: more contrast wins over dark, dark over light. */
export function applyTheme(
	theme: Theme,
	prefers: { moreContrast: boolean; dark: boolean }
): AppliedTheme {
	return themeFor(theme === 'system' ? undefined : theme, prefers.moreContrast, prefers.dark);
}

export function parseCaptions(stored: string | null | undefined): CaptionSettings {
	let saved: Record<string, unknown> = {};
	try {
		const value: unknown = stored ? JSON.parse(stored) : undefined;
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			saved = value as Record<string, unknown>;
		}
	} catch {
		// Unreadable: defaults.
	}
	const flag = (value: unknown, fallback: boolean) =>
		typeof value === 'boolean' ? value : fallback;
	const size = saved.size;
	const spacing = saved.spacing;
	return {
		shown: flag(saved.shown, DEFAULT_CAPTIONS.shown),
		size:
			Number.isInteger(size) && (size as number) >= 0 && (size as number) < CAPTION_SIZES.length
				? (size as number)
				: DEFAULT_CAPTIONS.size,
		spacing:
			typeof spacing === 'string' && Object.hasOwn(LINE_SPACINGS, spacing)
				? (spacing as LineSpacing)
				: DEFAULT_CAPTIONS.spacing,
		stacked: flag(saved.stacked, DEFAULT_CAPTIONS.stacked),
		announce: flag(saved.announce, DEFAULT_CAPTIONS.announce)
	};
}
