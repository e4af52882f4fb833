/** A problem found in the content, located at a file and line so an archivist can fix it. */
export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root, e.g. `transcripts/clip/en.vtt`. */
	file: string;
	/** 1-based line, when the problem has one. */
	line?: number;
	/** 1-based column, when known. */
	column?: number;
	message: string;
}

/**
 * Turns offsets in a text into 1-based lines and columns. The line starts are found once, so
 * locating many problems in a big file stays linear (a slice-and-split per problem was not).
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
	const starts = [0];
	for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
	return (offset) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - starts[lo]! + 1 };
	};
}

/** `file:line:column: error: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
	const where = [problem.file, problem.line, problem.line ? problem.column : undefined]
		.filter((part) => part !== undefined)
		.join(':');
	return `${where}: ${problem.severity}: ${problem.message}`;
}

/** Sorts problems by file and line so a report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0)
	);
}

/** A report of every problem, and a summary line; `ok` is false if any is an error. */
export function reportProblems(problems: Problem[]): { ok: boolean; text: string } {
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	const lines = sortProblems(problems).map(formatProblem);
	lines.push(
		`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in the collection`
	);
	return { ok: errors === 0, text: lines.join('\n') };
}
