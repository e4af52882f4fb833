// A copy of the project to build another collection in: a build in place would rewrite
// .svelte-kit/ while other tests or builds use it. Shared by the tests and the benchmarks.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Copies what a build reads (sources, configuration) into a new folder, node_modules linked.
 * @param {string} prefix the new folder's name begins with it
 * @param {string} [parent] where the folder is made (the system's temporary folder)
 * @returns {{ dir: string, remove: () => void }}
 */
export function copyProject(prefix, parent = tmpdir()) {
	const root = resolve('.');
	const dir = mkdtempSync(join(parent, prefix));
	for (const item of [
		'src',
		'static',
		'scripts',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	]) {
		cpSync(join(root, item), join(dir, item), { recursive: true });
	}
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
