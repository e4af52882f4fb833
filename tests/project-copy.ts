import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A copy of the project with other content in transcripts/, for tests that build a different
 * collection. (A build in place would rewrite .svelte-kit while other tests run.)
 */
export function copyProject(prefix: string): { dir: string; remove: () => void } {
	const root = resolve('.');
	const dir = mkdtempSync(join(tmpdir(), prefix));
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

/** Runs `vite build` in a copy; resolves with its exit code and everything it printed. */
export async function buildIn(
	dir: string,
	extraEnv: Record<string, string> = {}
): Promise<{ code: number; output: string }> {
	const env = { ...process.env };
	delete env.TRANSCRIPTS_DIR;
	delete env.BUILD_DIR;
	Object.assign(env, extraEnv);
	return run('npx', ['vite', 'build'], { cwd: dir, env, maxBuffer: 64 << 20 }).then(
		({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({
			code: error.code,
			output: error.stdout + error.stderr
		})
	);
}

/** Serves a copy's build/ like a static host; resolves once it answers. */
export async function serveCopy(dir: string, port: number): Promise<{ stop: () => void }> {
	const server = spawn('node', ['scripts/serve.js', '--port', String(port)], {
		cwd: dir,
		stdio: 'ignore'
	});
	for (let tries = 0; tries < 100; tries++) {
		const up = await fetch(`http://127.0.0.1:${port}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return { stop: () => server.kill() };
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`the copy's server did not answer on port ${port}`);
}

/** Added to every port the tests open (see playwright.config.ts). */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
