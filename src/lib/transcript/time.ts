/**
 * Formats seconds as a clock: `m:ss`, or `h:mm:ss` from one hour.
 * `fractionDigits` adds a decimal part (`2:05.300`), used where precision matters.
 */
export function formatTime(seconds: number, fractionDigits = 0): string {
	const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
	const scale = 10 ** fractionDigits;
	// Truncate, as clocks do (0:00 until a full second has passed); the epsilon absorbs float
	// noise such as 125.3 * 1000 = 125299.99999.
	const total = Math.floor(safe * scale + 1e-6) / scale;
	const whole = Math.floor(total);
	const h = Math.floor(whole / 3600);
	const m = Math.floor((whole % 3600) / 60);
	const s = whole % 60;
	const fraction =
		fractionDigits > 0
			? '.' + String(Math.round((total - whole) * scale)).padStart(fractionDigits, '0')
			: '';
	const ss = String(s).padStart(2, '0') + fraction;
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
