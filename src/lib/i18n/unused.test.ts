import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './messages.ts';

/**
 * Every message of the catalogues is used somewhere in src/: a key nothing asks for is a text
 * that translators keep up for no reader. A key is used where the source writes it in quotes
 * ('key', "key" or `key`), or where it is built from a template literal listed in DYNAMIC.
 */
const SRC = fileURLToPath(new URL('../..', import.meta.url));

/** The catalogues themselves, and tests, do not count as uses. */
const CATALOGUES = ['messages.ts', 'fr.ts', 'uk.ts', 'lt.ts'].map((file) => join('lib/i18n', file));

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		const name = relative(SRC, path);
		if (!/\.(ts|js|svelte)$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) return [];
		return CATALOGUES.includes(name) ? [] : [path];
	});
}

const files = sources(SRC).map((path) => ({
	name: relative(SRC, path),
	text: readFileSync(path, 'utf8')
}));
const source = files.map((file) => file.text).join('\n');

/**
 * The keys the code builds at run time, by the start of the template literal that builds them
 * (as it is written in the source) and every key it can give.
 */
const DYNAMIC: Record<string, MessageKey[]> = {
	'`key.problem.${': [
		'key.problem.empty',
		'key.problem.notOneCharacter',
		'key.problem.space',
		'key.problem.taken'
	],
	'`theme.${': ['theme.system', 'theme.light', 'theme.dark', 'theme.contrast'],
	'`link.${': ['link.malformed', 'link.reversed', 'link.past-end'],
	'`captions.size${': [
		'captions.size0',
		'captions.size1',
		'captions.size2',
		'captions.size3',
		'captions.size4'
	],
	'`captions.spacing.${': [
		'captions.spacing.normal',
		'captions.spacing.relaxed',
		'captions.spacing.loose'
	]
};

/** A message looked up by a key built from a template literal: `t(`theme.${…`, `translate(c, l, `…`. */
const BUILT_KEY =
	/\b(?:t|parts|translate|translateParts)\((?:[^(),`]+,[^(),`]+,)?\s*(`[\w.-]+\$\{)/g;

describe('message keys', () => {
	const keys = Object.keys(en) as MessageKey[];
	const built = new Set(Object.values(DYNAMIC).flat());

	it('are each used somewhere in src/', () => {
		const quoted = (key: string) => ["'", '"', '`'].some((q) => source.includes(`${q}${key}${q}`));
		const unused = keys.filter((key) => !built.has(key) && !quoted(key));
		expect(unused).toEqual([]);
	});

	it('built at run time are the ones DYNAMIC lists, and the code still builds them', () => {
		const found = new Set(
			files.flatMap((file) => [...file.text.matchAll(BUILT_KEY)].map((m) => m[1]!))
		);
		expect([...found].sort()).toEqual(Object.keys(DYNAMIC).sort());
		for (const key of built) expect(keys, key).toContain(key);
	});
});
