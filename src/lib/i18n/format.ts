import type { UiLanguage } from './languages.ts';

const numberFormats = new Map<UiLanguage, Intl.NumberFormat>();

/** A number as the language writes it: `1,234` in English, `1 234` in Ukrainian and French. */
export function formatNumber(value: number, language: UiLanguage): string {
	let format = numberFormats.get(language);
	if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
	return format.format(value);
}

/** A short span of seconds as the language abbreviates it: `10 sec`, `10 с`, `10 sek.`. */
export function formatSeconds(seconds: number, language: UiLanguage): string {
	return new Intl.NumberFormat(language, {
		style: 'unit',
		unit: 'second',
		unitDisplay: 'short'
	}).format(seconds);
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A recording date of `clip.json` (free text, usually `1990`, `1990-06` or `1990-06-12`) as the
 * language writes it: "12 червня 1990 р.", "1990 m. birželis". Any other text is shown as it
 * is, since an archivist may write "summer 1954" or "c. 1990".
 */
export function formatDate(text: string, language: UiLanguage): string {
	const match = ISO_DATE.exec(text.trim());
	if (!match) return text;
	const [, year, month, day] = match;
	const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
	// Date.UTC rolls 1990-13 over into 1991: such a date is not one, so it stays as written.
	if (
		date.getUTCFullYear() !== Number(year) ||
		(month && date.getUTCMonth() + 1 !== Number(month)) ||
		(day && date.getUTCDate() !== Number(day))
	) {
		return text;
	}
	if (!month) return year!;
	return new Intl.DateTimeFormat(language, {
		year: 'numeric',
		month: 'long',
		day: day ? 'numeric' : undefined,
		timeZone: 'UTC'
	}).format(date);
}
