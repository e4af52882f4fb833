import type { Problem } from '../transcript/types.ts';

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
