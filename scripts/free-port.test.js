import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { refuseBusyPort } from './free-port.js';

/** A server on a free loopback port, and that port. */
async function listening() {
	const server = createServer();
	await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
	const address = server.address();
	return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe('the tests never test a site that is already running', () => {
	it('refuses a busy port, with what to do', async () => {
		const { server, port } = await listening();
		try {
			expect(() => refuseBusyPort(port)).toThrow(
				new RegExp(`Port ${port} is already in use\\. .*E2E_PORT_OFFSET=100 npm test`)
			);
		} finally {
			server.close();
		}
		expect(() => refuseBusyPort(port)).not.toThrow();
	});

	it('npm test stops at once when something serves on its port (as npm run serve would)', async () => {
		// The suite's port is 4273 + E2E_PORT_OFFSET: take an offset that lands on a busy port.
		const { server, port } = await listening();
		try {
			const run = spawnSync('npx', ['playwright', 'test', '--list'], {
				encoding: 'utf8',
				env: { ...process.env, E2E_PORT_OFFSET: String(port - 4273), CI: '' }
			});
			expect(run.status).not.toBe(0);
			expect(run.stdout + run.stderr).toContain(`Port ${port} is already in use`);
		} finally {
			server.close();
		}
	}, 60_000);
});
