import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A copy of the project with other content in transcripts/, for tests that build a different collection. */
export { copyProject } from '../scripts/project-copy.js';

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

/** A response the copy's server sent, as `scripts/serve.js --log` reports it. */
export interface Served {
	url: string;
	range?: string;
	status: number;
	bytes: number;
}

/**
 * Serves a copy's build/ like a static host; resolves once it answers. With `log`, `served`
 * collects every response it sends.
 */
export async function serveCopy(
	dir: string,
	port: number,
	{ log = false } = {}
): Promise<{ stop: () => void; served: Served[]; origin: string }> {
	const served: Served[] = [];
	const server = spawn(
		'node',
		['scripts/serve.js', '--port', String(port), ...(log ? ['--log'] : [])],
		{ cwd: dir, stdio: ['ignore', log ? 'pipe' : 'ignore', 'inherit'] }
	);
	let partial = '';
	server.stdout?.on('data', (chunk: Buffer) => {
		// A chunk may end inside a line: keep that part for the next one.
		const lines = (partial + chunk.toString()).split('\n');
		partial = lines.pop()!;
		for (const line of lines.filter(Boolean)) served.push(JSON.parse(line));
	});
	for (let tries = 0; tries < 100; tries++) {
		const up = await fetch(`http://127.0.0.1:${port}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return { stop: () => server.kill(), served, origin: `http://127.0.0.1:${port}` };
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`the copy's server did not answer on port ${port}`);
}

/** Added to every port the tests open (see playwright.config.ts). */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
