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
 * Serves a copy's build/ like a static host, on a port the system picks free (a fixed one could
 * already hold someone else's site, which the test would then check); resolves once it answers.
 * With `log`, `served` collects every response it sends. `port` serves again where an earlier
 * server was (the same origin, for a page that must find its site again).
 */
export async function serveCopy(
	dir: string,
	{ log = false, port = 0 } = {}
): Promise<{ stop: () => void; served: Served[]; origin: string }> {
	const served: Served[] = [];
	const server = spawn(
		'node',
		['scripts/serve.js', '--port', String(port), ...(log ? ['--log'] : [])],
		{ cwd: dir, stdio: ['ignore', log ? 'pipe' : 'ignore', 'pipe'] }
	);
	const stop = () => server.kill();
	// serve.js says where it listens on standard error.
	const listening = new Promise<string>((resolve, reject) => {
		let said: string | undefined = '';
		server.stderr!.on('data', (chunk: Buffer) => {
			// Once it listens, what it says is the test's to see.
			if (said === undefined) return void process.stderr.write(chunk);
			said += chunk.toString();
			const address = said.match(/Serving .* at (http:\/\/[^/\s]+)\//);
			if (address) {
				said = undefined;
				resolve(address[1]!);
			}
		});
		server.once('exit', (code) => reject(new Error(`the copy's server exited (${code}): ${said}`)));
	});
	let partial = '';
	server.stdout?.on('data', (chunk: Buffer) => {
		// A chunk may end inside a line: keep that part for the next one.
		const lines = (partial + chunk.toString()).split('\n');
		partial = lines.pop()!;
		for (const line of lines.filter(Boolean)) served.push(JSON.parse(line));
	});
	try {
		const origin = await listening;
		for (let tries = 0; tries < 100; tries++) {
			const up = await fetch(`${origin}/`).then(
				(r) => r.ok,
				() => false
			);
			if (up) return { stop, served, origin };
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`the copy's server did not answer at ${origin}`);
	} catch (error) {
		stop();
		throw error;
	}
}

/** Added to every port the tests open (see playwright.config.ts). */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
