import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Problem } from './problems.ts';

export interface LocatedJson {
	value: unknown;
	problems: Problem[];
	/** Line and column of the value at `path`, or of its closest existing parent. */
	locate(path: (string | number)[]): { line: number; column: number };
}

/** Parses strict JSON, keeping positions so schema problems can point at a line. */
export function parseLocatedJson(text: string, file: string): LocatedJson {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
	const position = (offset: number) => {
		const before = text.slice(0, offset).split(/\r\n|\r|\n/);
		return { line: before.length, column: before[before.length - 1]!.length + 1 };
	};
	const problems: Problem[] = errors.map((e) => ({
		severity: 'error',
		file,
		...position(e.offset),
		message: `invalid JSON: ${printParseErrorCode(e.error)}`
	}));
	const locate = (path: (string | number)[]) => {
		for (let n = path.length; n >= 0 && root; n--) {
			const node = findNodeAtLocation(root, path.slice(0, n));
			// Point at the property's key rather than its value, where there is one.
			if (node)
				return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
		}
		return { line: 1, column: 1 };
	};
	const value = errors.length === 0 && root ? JSON.parse(text) : undefined;
	return { value, problems, locate };
}
