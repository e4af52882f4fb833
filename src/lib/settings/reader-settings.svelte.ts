import { onMount } from 'svelte';
import { getLocale } from '../i18n/locale.svelte.ts';
import { getPreferences } from './preferences.svelte.ts';
import { browserStorage } from './storage.ts';

/**
 * The reader's remembered language and preferences, restored once the page is in the browser,
 * and their theme kept on the document. For layouts, during component set-up; `then` runs
 * after the language is restored (the embed's `?lang=` overrides it there).
 */
export function restoreReaderSettings(then?: () => void): void {
	const locale = getLocale();
	const preferences = getPreferences();
	onMount(() => {
		const storage = browserStorage();
		locale.restore(storage, navigator.languages);
		then?.();
		preferences.restore(storage);
	});
	// Declared after the restore above, so the first run already has the remembered theme.
	$effect(() => {
		const theme = preferences.appliedTheme;
		if (document.documentElement.dataset.theme !== theme) {
			document.documentElement.dataset.theme = theme;
		}
	});
}
