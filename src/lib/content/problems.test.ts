import { describe, expect, it } from 'vitest';
import { formatProblem, reportProblems } from './problems.ts';

describe('problem reports', () => {
	it('formats file:line:column: severity: message', () => {
		expect(
			formatProblem({ severity: 'error', file: 'a/en.vtt', line: 3, column: 7, message: 'bad' })
		).toBe('a/en.vtt:3:7: error: bad');
		expect(formatProblem({ severity: 'warning', file: 'a', message: 'odd' })).toBe(
			'a: warning: odd'
		);
	});

	it('sorts by file and line, and fails only on errors', () => {
		const report = reportProblems([
			{ severity: 'warning', file: 'b', line: 1, message: 'w' },
			{ severity: 'error', file: 'a', line: 9, message: 'e2' },
			{ severity: 'error', file: 'a', line: 2, message: 'e1' }
		]);
		expect(report.ok).toBe(false);
		expect(report.text.split('\n')).toEqual([
			'a:2: error: e1',
			'a:9: error: e2',
			'b:1: warning: w',
			'2 errors, 1 warning in the collection'
		]);
		expect(reportProblems([{ severity: 'warning', file: 'b', message: 'w' }]).ok).toBe(true);
	});
});
