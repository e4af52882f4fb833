// Forced alignment of a clip's transcript to its recording, then the collection check.
//
//   npm run align -- <slug> [--transcripts DIR] [--max-chars 84]
//
// The work is in src/lib/server/align-clip.ts (loaded through Vite, as the build loads it); the
// aligner itself, aligner/ (GPL-3.0: it loads eSpeak-NG), is installed on first use and run as a
// subprocess, never imported.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

/**
 * Runs `use` with the site's TypeScript modules loaded by Vite (no build step), then closes
 * Vite. The server stays open while `use` runs: modules import more modules lazily.
 * @template T
 * @param {(load: (path: string) => Promise<Record<string, any>>) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withSiteModules(use) {
	const server = await createServer({
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	try {
		return await use((path) => server.ssrLoadModule(path));
	} finally {
		await server.close();
	}
}

async function main() {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			transcripts: { type: 'string', default: process.env.TRANSCRIPTS_DIR ?? 'transcripts' },
			'max-chars': { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	const [slug] = positionals;
	if (!slug || values.help) {
		console.log('usage: npm run align -- <slug> [--transcripts DIR] [--max-chars 84]');
		process.exit(slug ? 0 : 2);
	}
	const ok = await withSiteModules(async (load) => {
		const { alignClip } = await load('/src/lib/server/align-clip.ts');
		const maxChars = values['max-chars'] ? Number(values['max-chars']) : undefined;
		const summary = await alignClip(slug, {
			transcripts: values.transcripts,
			maxChars,
			onLog: (/** @type {string} */ text) => process.stderr.write(text),
			onWait: (/** @type {string} */ holder) => console.error(holder)
		});
		const also = summary.translations.length
			? `; ${summary.translations.map((/** @type {string} */ t) => `${t}.vtt`).join(', ')} retimed cue for cue`
			: '';
		const { quality } = summary;
		const clock = (/** @type {number} */ s) =>
			`${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
		console.log(
			`${summary.file}: ${summary.cues} cues, ${summary.words} words aligned to ${summary.duration.toFixed(1)} s of audio` +
				` in ${summary.seconds.toFixed(1)} s (${summary.anchors} anchors kept)${also}`
		);
		console.log(
			quality.match === undefined
				? 'Match: too short to score'
				: `Match: ${quality.match.toFixed(2)} (the text's words, in their order, against the same words shuffled: under 0.95 is a good fit, about 1 is no fit)`
		);
		if (quality.doubtful.length) {
			console.error(
				`To check by ear: ${quality.doubtful.map((/** @type {{ start: number, end: number, ratio: number }} */ d) => `${clock(d.start)}–${clock(d.end)} (${d.ratio.toFixed(2)})`).join(', ')}`
			);
		}
		if (quality.spread || quality.squeezed) {
			console.error(
				`Words: ${quality.spread} spread evenly, ${quality.squeezed} squeezed into under 20 ms: listen to those passages`
			);
		}
		console.log(`The previous version is kept as ${summary.backups.join(', ')}`);
		(summary.check.ok ? console.log : console.error)(summary.check.text);
		return summary.check.ok;
	});
	process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
	main().catch((error) => {
		// An archivist's error (a file and a reason) as it stands; anything else with its stack.
		console.error(error?.constructor?.name === 'AlignError' ? error.message : error);
		process.exit(1);
	});
}
