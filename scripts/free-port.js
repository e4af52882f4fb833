// Whether a loopback port is free, asked synchronously (Playwright's configuration is not async):
// a child process tries to listen on it.
import { spawnSync } from 'node:child_process';

const probe = `
const server = require('node:net').createServer();
server.once('error', (error) => { process.stdout.write(error.code); process.exit(0); });
server.listen(Number(process.argv[1]), '127.0.0.1', () => server.close(() => process.stdout.write('free')));
`;

/**
 * Throws with what to do when something already listens on `port` at 127.0.0.1.
 * @param {number} port
 */
export function refuseBusyPort(port) {
	const answer = spawnSync(process.execPath, ['-e', probe, String(port)], { encoding: 'utf8' });
	if (answer.stdout === 'free') return;
	throw new Error(
		`Port ${port} is already in use${answer.stdout === 'EADDRINUSE' ? '' : ` (${answer.stdout || answer.stderr.trim()})`}. ` +
			'The tests build and serve their own test collection there, and never test a site that is already running. ' +
			`Stop what listens on ${port}, or run the tests on other ports: E2E_PORT_OFFSET=100 npm test`
	);
}
