/*
 * The one rule for the theme a page is drawn in. It runs twice: in every page's head, before
 * the first paint, as an inline script (`themeStartupScript`, put there by hooks.server.ts),
 * and in the Preferences when the reader changes a setting (`applyTheme` in display.ts).
 */

export const THEME_STORAGE_KEY = 'testimony-player.theme';

/**
 * A stored choice if it is one; otherwise the browser's preferences: more contrast wins over
 * dark, dark over light. Self-contained on purpose (no imports, no helpers): its source text
 * becomes the inline script.
 */
export function themeFor(
	stored: string | null | undefined,
	moreContrast: boolean,
	dark: boolean
): 'light' | 'dark' | 'contrast' {
	if (stored === 'light' || stored === 'dark' || stored === 'contrast') return stored;
	return moreContrast ? 'contrast' : dark ? 'dark' : 'light';
}

/**
 * The inline script that applies the reader's theme before the first paint. The kiosk, shared
 * by strangers, keeps no reader's settings. Reading storage can throw where site data is blocked.
 */
export function themeStartupScript(): string {
	return (
		`(function(){if(/\\/kiosk(\\/|$)/.test(location.pathname))return;var stored;` +
		`try{stored=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}` +
		`document.documentElement.dataset.theme=(${themeFor.toString()})(stored,` +
		`matchMedia('(prefers-contrast: more)').matches,matchMedia('(prefers-color-scheme: dark)').matches)})();`
	);
}
