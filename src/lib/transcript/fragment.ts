/**
 * Deep links to a moment or a passage, after W3C Media Fragments: `#t=83.2` or
 * `#t=83.2,107.5` (seconds, or `[h:]mm:ss[.fff]`, optionally prefixed `npt:`), plus our
 * `lang=fr` for the transcript language: `#t=83.2,107.5&lang=fr`.
 */
export interface Fragment {
	start: number;
	end?: number;
	lang?: string;
}

/** Why a link's time was not used: a malformed time, an end before the start, or past the end. */
export type FragmentProblem = 'malformed' | 'reversed' | 'past-end';

export type FragmentResult =
	{ ok: true; fragment: Fragment | undefined } | { ok: false; reason: FragmentProblem };

const CLOCK = /^(?:(\d+):)?([0-5]?\d):([0-5]\d(?:\.\d+)?)$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/** Parses a Media Fragments time: `83.2`, `1:23.2`, `0:01:23.2`; undefined if malformed. */
export function parseClock(text: string): number | undefined {
	const value = text.trim();
	if (SECONDS.test(value)) return Number(value);
	const match = CLOCK.exec(value);
	if (!match) return undefined;
	const [, h = '0', m = '0', s = '0'] = match;
	return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** Reads a URL hash (with or without `#`). No `t=` at all is not an error: there is no link. */
export function parseFragment(hash: string): FragmentResult {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const lang = params.get('lang') ?? undefined;
	const t = params.get('t');
	if (t === null) return { ok: true, fragment: lang ? { start: 0, lang } : undefined };
	const [rawStart = '', rawEnd, extra] = t.replace(/^npt:/, '').split(',');
	if (extra !== undefined) return { ok: false, reason: 'malformed' };
	const start = rawStart === '' ? 0 : parseClock(rawStart);
	const end = rawEnd === undefined ? undefined : parseClock(rawEnd);
	if (start === undefined || (rawEnd !== undefined && end === undefined)) {
		return { ok: false, reason: 'malformed' };
	}
	if (end !== undefined && end <= start) return { ok: false, reason: 'reversed' };
	return { ok: true, fragment: { start, end, lang } };
}

/** Checks a fragment against a recording: a passage must begin within it; its end is clamped. */
export function fitFragment(fragment: Fragment, duration: number): FragmentResult {
	if (fragment.start >= duration) return { ok: false, reason: 'past-end' };
	const end = fragment.end === undefined ? undefined : Math.min(fragment.end, duration);
	return { ok: true, fragment: { ...fragment, end } };
}

/**
 * Writes a hash for a moment or a passage, to the tenth of a second: the start rounded down and
 * the end up, so the link never cuts off the passage's first or last words.
 */
export function formatFragment(fragment: Fragment): string {
	// The epsilons absorb float noise (83.2 * 10 = 831.9999…).
	const start = String(Math.floor(fragment.start * 10 + 1e-6) / 10);
	const end =
		fragment.end === undefined ? undefined : String(Math.ceil(fragment.end * 10 - 1e-6) / 10);
	const time = end === undefined ? start : `${start},${end}`;
	return `#t=${time}${fragment.lang ? `&lang=${encodeURIComponent(fragment.lang)}` : ''}`;
}
