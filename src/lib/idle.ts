/**
 * Runs `work` once the browser is idle (soon after, where it has no idle callbacks: Safari),
 * for work a page's first moments do not need; returns the function that cancels it.
 */
export function whenIdle(work: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(work, { timeout: 2000 });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(work, 200);
	return () => clearTimeout(id);
}
