import type { Problem } from './problems.ts';

/**
 * Starts every value `npm run import` cannot know (a French title, a description): the clip
 * builds at once, and the build warns at each placeholder's line until it is written.
 */
export const PLACEHOLDER = 'TO FILL IN';

/** A warning at every placeholder string in parsed metadata. */
export function placeholderWarnings(
	value: unknown,
	file: string,
	locate: (path: (string | number)[]) => { line: number; column: number }
): Problem[] {
	const found: Problem[] = [];
	const walk = (node: unknown, path: (string | number)[]) => {
		if (typeof node === 'string' && node.startsWith(PLACEHOLDER)) {
			found.push({
				severity: 'warning',
				file,
				...locate(path),
				message: `left for the archivist by the import: ${node}`
			});
		} else if (node && typeof node === 'object') {
			for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
		}
	};
	walk(value, []);
	return found;
}
