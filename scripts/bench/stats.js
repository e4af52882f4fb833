// Small statistics and formatting helpers for the benchmark.

/** @param {number[]} xs @param {number} q */
export function quantile(xs, q) {
	if (xs.length === 0) return NaN;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** @param {number[]} xs */
export function summary(xs) {
	return {
		n: xs.length,
		median: quantile(xs, 0.5),
		p95: quantile(xs, 0.95),
		min: xs.length ? Math.min(...xs) : NaN,
		max: xs.length ? Math.max(...xs) : NaN
	};
}

/** @param {number} x @param {number} [digits] */
export const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Prints rows of [label, value, budget?, verdict?] as an aligned table.
 * @param {string} title
 * @param {Array<[string, string, string?, boolean?]>} rows
 */
export function table(title, rows) {
	console.log(`\n${title}`);
	const width = Math.max(...rows.map((r) => r[0].length));
	const valueWidth = Math.max(...rows.map((r) => r[1].length));
	for (const [label, value, budget, ok] of rows) {
		const verdict = budget ? `  budget ${budget}: ${ok ? 'met' : 'NOT MET'}` : '';
		console.log(`  ${label.padEnd(width)}  ${value.padStart(valueWidth)}${verdict}`);
	}
}
