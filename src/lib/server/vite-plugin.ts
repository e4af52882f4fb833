import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { megabytes } from '../content/limits.ts';
import { reportProblems } from '../content/problems.ts';
import { publishedFiles } from '../content/summary.ts';
import type { Kiosk } from '../content/types.ts';
import { precompress } from './compress.ts';
import { writeHeadersFile } from './headers-file.ts';
import { publishMedia } from './publish-media.ts';
import { clipFile, forgetContent, getContent, snapshotContent, transcriptsDir } from './content.ts';

/** Where the build's check leaves the collection for the prerender; removed when it is done. */
const SNAPSHOT_DIR = join('.svelte-kit', 'testimony-content');

/**
 * Checks the whole collection before Vite builds or serves anything. Errors stop `vite build`
 * and the start of `vite dev` with every problem listed; while the dev server runs, an edit
 * that breaks the content shows the same report in the browser's error overlay.
 */
export function contentPlugin(): Plugin {
	const check = async (): Promise<string | undefined> => {
		const { problems } = await getContent();
		if (problems.length === 0) return undefined;
		const report = reportProblems(problems);
		if (report.ok) console.warn(report.text);
		return report.ok ? undefined : report.text;
	};

	const failBuild = async (snapshot = false) => {
		// The build's check leaves a snapshot for the prerender (see snapshotContent).
		if (snapshot) await snapshotContent(SNAPSHOT_DIR);
		const report = await check();
		if (!report) {
			console.log(describeKiosk((await getContent()).collection.kiosk));
			return;
		}
		await rm(SNAPSHOT_DIR, { recursive: true, force: true });
		const error = new Error(`The collection has errors:\n${report}`);
		error.stack = ''; // the report is the useful part, not a stack trace
		throw error;
	};

	let building = false;
	return {
		name: 'testimony-content',
		configResolved(config) {
			building = config.command === 'build';
		},
		async buildStart() {
			// The dev server checks in configureServer, and reads every edit afresh: no snapshot.
			if (!building) return;
			// SvelteKit builds twice (server, then client), with this plugin made anew for the
			// second: check the content once a process.
			const shared = globalThis as { __testimonyChecked?: Promise<void> };
			shared.__testimonyChecked ??= failBuild(true);
			await shared.__testimonyChecked;
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

/** What the build tells the deployer of the kiosk: which clips, and what its offline store holds. */
function describeKiosk({ clips, offline }: Kiosk): string {
	const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	const which =
		offline.chosen === 'listed'
			? `the ${count(clips.length, 'clip', 'clips')} kiosk.clips lists`
			: clips.length < offline.of
				? `the first ${clips.length} of ${offline.of} clips (kiosk.clips in collection.json chooses others)`
				: clips.length === 1
					? 'the only clip'
					: `all ${clips.length} clips`;
	return `Kiosk: ${which}; its offline store holds ${count(offline.files, 'file', 'files')}, ${megabytes(offline.bytes)}, besides pages and peaks`;
}

/**
 * Publishes every clip's files (audio, transcripts, chapters) into the built site after
 * SvelteKit's adapter has written it (see publish-media.ts: they never pass through the
 * prerender, see the media route), then compresses the site's pages and data (compress.ts).
 * Goes after sveltekit() in the plugin list.
 */
export function publishPlugin(outDir: string): Plugin {
	let serverBuild = false;
	return {
		name: 'testimony-publish',
		apply: 'build',
		configResolved(config) {
			serverBuild = Boolean(config.build.ssr);
		},
		closeBundle: {
			sequential: true,
			async handler() {
				// SvelteKit runs its adapter at the end of the server build; so do we, after it.
				if (!serverBuild) return;
				const { collection } = await getContent();
				const files = collection.clips.flatMap((clip) =>
					publishedFiles(clip).map((file) => ({
						from: clipFile(clip.slug, file),
						to: join(clip.slug, file)
					}))
				);
				const { copied, bytes } = await publishMedia(outDir, files);
				console.log(
					`Published ${files.length} recordings and transcripts of ${collection.clips.length} clips (${megabytes(bytes)}) to ${join(outDir, 'media')}: ${copied} copied, the others unchanged since the last build`
				);
				await rm(SNAPSHOT_DIR, { recursive: true, force: true });
				await writeHeadersFile(outDir, process.env.BASE_PATH ?? '');
				if (!process.env.SITE_ORIGIN) {
					console.warn(
						'SITE_ORIGIN is not set: the IIIF manifests and oEmbed files name http://127.0.0.1:4173, the address of npm run serve. Build with SITE_ORIGIN=https://your.site to publish them.'
					);
				}
				const started = performance.now();
				const done = await precompress(outDir);
				console.log(
					`Compressed ${done.files} pages and data files (${megabytes(done.bytes)}) as .gz and .br: ${done.compressed} anew, the others from the cache, in ${((performance.now() - started) / 1000).toFixed(1)} s`
				);
			}
		}
	};
}
