const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True for a well-formed BCP 47 tag whose language Unicode CLDR knows (`lt`, `uk`, `fr-CA`). */
export function isKnownLanguage(code: string): boolean {
	try {
		const [canonical] = Intl.getCanonicalLocales(code);
		return canonical !== undefined && NAMES.of(canonical.split('-')[0]!) !== undefined;
	} catch {
		return false;
	}
}

const nativeNames = new Map<string, string>();

/** The name of a language in that language itself ("lietuvių", "українська"). */
export function nativeLanguageName(code: string): string {
	// Remembered: each language's names are loaded anew by each Intl.DisplayNames, and the clip
	// page asks for them in the task that makes it interactive.
	let name = nativeNames.get(code);
	if (name === undefined) nativeNames.set(code, (name = findNativeName(code)));
	return name;
}

function findNativeName(code: string): string {
	try {
		const name = new Intl.DisplayNames([code], { type: 'language', fallback: 'code' }).of(code);
		return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
	} catch {
		return code;
	}
}
