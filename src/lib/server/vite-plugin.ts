import type { Plugin, ViteDevServer } from 'vite';
import { reportProblems } from '../content/problems.ts';
import { forgetContent, getContent, transcriptsDir } from './content.ts';

/**
 * Checks the whole collection before Vite builds or serves anything. Errors stop `vite build`
 * and the start of `vite dev` with every problem listed; while the dev server runs, an edit
 * that breaks the content shows the same report in the browser's error overlay.
 */
export function contentPlugin(): Plugin {
	let checked: Promise<void> | undefined;

	const check = async (): Promise<string | undefined> => {
		const { problems } = await getContent();
		if (problems.length === 0) return undefined;
		const report = reportProblems(problems);
		if (report.ok) console.warn(report.text);
		return report.ok ? undefined : report.text;
	};

	const failBuild = async () => {
		const report = await check();
		if (report) {
			const error = new Error(`The collection has errors:\n${report}`);
			error.stack = ''; // the report is the useful part, not a stack trace
			throw error;
		}
	};

	return {
		name: 'testimony-content',
		async buildStart() {
			// SvelteKit builds twice (server, then client); check the content once.
			checked ??= failBuild();
			await checked;
		},
		async configureServer(server: ViteDevServer) {
			await failBuild();
			const dir = transcriptsDir();
			server.watcher.add(dir);
			const onChange = async (file: string) => {
				if (!file.startsWith(dir)) return;
				forgetContent();
				const report = await check().catch((error: Error) => error.message);
				if (report) {
					console.error(report);
					server.ws.send({
						type: 'error',
						err: { message: `The collection has errors:\n${report}`, stack: '' }
					});
				} else {
					server.ws.send({ type: 'full-reload' });
				}
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
			server.watcher.on('unlink', onChange);
		}
	};
}
