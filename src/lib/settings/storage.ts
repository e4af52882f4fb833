/**
 * This browser's storage for the reader's settings. Browsers may refuse it (blocked site data,
 * some private modes): reading `localStorage` itself can throw, and so can writing. A refused
 * setting simply lasts for the page.
 */
export function browserStorage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

export function readSetting(storage: Storage | undefined, key: string): string | null {
	try {
		return storage?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

export function saveSetting(storage: Storage | undefined, key: string, value: string): void {
	try {
		storage?.setItem(key, value);
	} catch {
		// Refused: the choice still holds for this page.
	}
}
