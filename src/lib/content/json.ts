import {
	findNodeAtLocation,
	parseTree,
	printParseErrorCode,
	type Node,
	type ParseError
} from 'jsonc-parser';
import { MAX_JSON_DEPTH } from './limits.ts';
import { lineLocator, type Problem } from './problems.ts';

export interface LocatedJson {
	value: unknown;
	problems: Problem[];
	/** Line and column of the value at `path`, or of its closest existing parent. */
	locate(path: (string | number)[]): { line: number; column: number };
}

// Keys the schema library drops without a word (they could change an object's prototype), so a
// witness or a field with such a name would silently vanish.
export const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// Characters an editor may put in a file without showing them, named in messages.
const INVISIBLE: Record<string, string> = {
	'\0': 'a NUL character (a zero byte): the file is damaged, or not UTF-8 text',
	'\ufeff': 'a byte-order mark (U+FEFF): save the file as UTF-8 without BOM',
	'\u00a0': 'a no-break space (U+00A0): use an ordinary space',
	'\u200b': 'a zero-width space (U+200B): delete it',
	'\u2028': 'a line separator (U+2028): use an ordinary line break',
	'\u2029': 'a paragraph separator (U+2029): use an ordinary line break',
	'\u3000': 'an ideographic space (U+3000): use an ordinary space'
};

/**
 * Parses strict JSON, keeping positions so schema problems can point at a line. Also reported:
 * a key given twice (a warning at the second, whose value is the one used), a key the schema
 * could not keep, and an invisible character where JSON allows none, by its name.
 */
export function parseLocatedJson(text: string, file: string): LocatedJson {
	const position = lineLocator(text);
	const tooDeep = findDeepNesting(text);
	if (tooDeep !== undefined) {
		// The parser recurses once per level: refuse before it overflows the stack.
		const message = `invalid JSON: nested more than ${MAX_JSON_DEPTH} deep`;
		return {
			value: undefined,
			problems: [{ severity: 'error', file, ...position(tooDeep), message }],
			locate: () => ({ line: 1, column: 1 })
		};
	}
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
	const problems: Problem[] = [];
	let after = -1;
	for (const e of errors) {
		// What follows a character the parser could not read is only its consequence.
		if (e.offset < after) continue;
		const symbol = text[e.offset] ?? '';
		const code = printParseErrorCode(e.error);
		const invisible = code === 'InvalidSymbol' ? INVISIBLE[symbol] : undefined;
		if (invisible) after = e.offset + e.length + 1;
		problems.push({
			severity: 'error',
			file,
			...position(e.offset),
			message: `invalid JSON: ${invisible ?? describeSymbol(code, symbol)}`
		});
	}
	if (root) problems.push(...keyProblems(root, file, position));
	const locate = (path: (string | number)[]) => {
		for (let n = path.length; n >= 0 && root; n--) {
			const node = findNodeAtLocation(root, path.slice(0, n));
			// Point at the property's key rather than its value, where there is one.
			if (node)
				return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
		}
		return { line: 1, column: 1 };
	};
	const valid = errors.length === 0 && !problems.some((p) => p.severity === 'error');
	const value = valid && root ? JSON.parse(text) : undefined;
	return { value, problems, locate };
}

function describeSymbol(code: string, symbol: string): string {
	if (code !== 'InvalidSymbol' || !symbol.trim() || symbol.charCodeAt(0) < 0x80) return code;
	const hex = symbol.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return `unexpected character "${symbol}" (U+${hex})`;
}

/** Duplicate and reserved keys, in every object of the tree. */
function keyProblems(
	root: Node,
	file: string,
	position: ReturnType<typeof lineLocator>
): Problem[] {
	const problems: Problem[] = [];
	const visit = (node: Node) => {
		if (node.type === 'object') {
			const seen = new Map<string, number>();
			for (const property of node.children ?? []) {
				const key = property.children?.[0];
				if (typeof key?.value !== 'string') continue;
				const where = position(key.offset);
				const first = seen.get(key.value);
				if (RESERVED_KEYS.has(key.value)) {
					problems.push({
						severity: 'error',
						file,
						...where,
						message: `"${key.value}" cannot be used as a key (JavaScript reserves it, and it would be dropped): rename it`
					});
				} else if (first !== undefined) {
					problems.push({
						severity: 'warning',
						file,
						...where,
						message: `"${key.value}" is given twice (first on line ${first}): this later value is the one used`
					});
				}
				if (first === undefined) seen.set(key.value, where.line);
			}
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(root);
	return problems;
}

/** Offset of the first bracket nesting deeper than MAX_JSON_DEPTH, outside strings. */
function findDeepNesting(text: string): number | undefined {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '[' || c === '{') {
			if (++depth > MAX_JSON_DEPTH) return i;
		} else if (c === ']' || c === '}') depth--;
	}
	return undefined;
}
