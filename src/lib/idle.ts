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

/** Ends the current task: what follows runs in a new one, after the browser's pending work. */
export function yieldToBrowser(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}
