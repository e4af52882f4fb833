// Turns what an archive holds (OHMS XML, SRT, WebVTT, .txt, .docx) and its recording into a clip
// folder in transcripts/, then checks the collection as `npm run build` does.
//
//   npm run import -- <source> --audio <file> [--slug s] [--lang xx] [--translation file]
//                     [--translation-lang xx]
//                     [--witness name-or-slug] [--offset auto|seconds] [--transcripts DIR] [--align]
//
// The importer is TypeScript in src/lib (shared with the build's content check). Vite, already
// the project's build tool, loads it (ssrLoadModule on a server that listens nowhere): no compile
// step and no extra dependency such as tsx. (Vite's runnerImport would be shorter, but it closes
// its runner once the module is loaded, and the audio decoders are imported later, on demand.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const usage = `Usage: npm run import -- <source> --audio <file> [options]

  <source>                 OHMS .xml (either kind), .srt, .vtt, .txt or .docx
  --audio <file>           the recording (.mp3, .ogg, .opus, .flac, .wav)
  --slug <slug>            the clip's folder name (default: from the title or the file name)
  --lang <code>            the spoken language, if the source does not say it (e.g. lt)
  --translation <file>     a translation in a file of its own (.srt, .vtt, .txt, .docx)
  --translation-lang <code> the translation's language, if the source does not say it
  --witness <name|slug>    the witness, if the source does not name the interviewee
  --new-witness            the interviewee is someone new, though a witness's name is alike
  --offset auto|<seconds>  subtract a tape offset (default auto: only when obvious)
  --transcripts <dir>      the collection folder (default transcripts)
  --align                  then run npm run align -- <slug>`;

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: {
			audio: { type: 'string' },
			slug: { type: 'string' },
			lang: { type: 'string' },
			translation: { type: 'string' },
			'translation-lang': { type: 'string' },
			witness: { type: 'string' },
			'new-witness': { type: 'boolean', default: false },
			offset: { type: 'string', default: 'auto' },
			transcripts: { type: 'string', default: process.env.TRANSCRIPTS_DIR ?? 'transcripts' },
			align: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
} catch (error) {
	console.error(`${error.message}\n\n${usage}`);
	process.exit(2);
}
const { values, positionals } = args;
if (values.help || positionals.length !== 1 || !values.audio) {
	console.error(usage);
	process.exit(values.help ? 0 : 2);
}
const offset = values.offset === 'auto' ? 'auto' : Number(values.offset);
if (offset !== 'auto' && !(Number.isFinite(offset) && offset >= 0)) {
	console.error(`--offset must be "auto" or a number of seconds, not "${values.offset}"`);
	process.exit(2);
}

// tsconfig.json extends SvelteKit's generated one, which `npm ci` writes (its prepare step); a
// checkout that skipped it would fail to compile the modules below.
if (!existsSync('.svelte-kit/tsconfig.json')) {
	execFileSync('npx', ['svelte-kit', 'sync'], { stdio: 'inherit' });
}

// No config file: the SvelteKit plugin and the content check are not needed to run plain modules.
const vite = await createServer({
	configFile: false,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false }
});
const module = await vite.ssrLoadModule(resolve('src/lib/server/import.ts'));
const outcome = await module.importClip({
	source: positionals[0],
	audio: values.audio,
	transcripts: values.transcripts,
	slug: values.slug,
	lang: values.lang,
	translation: values.translation,
	translationLang: values['translation-lang'],
	witness: values.witness,
	newWitness: values['new-witness'],
	offset,
	onWait: (/** @type {string} */ holder) => console.error(holder)
});
await vite.close();
// What went wrong goes to stderr, what was done to stdout.
(outcome.ok ? console.log : console.error)(outcome.report.join('\n'));
if (!outcome.ok) process.exit(1);

if (values.align) {
	const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
	if (!scripts.align) {
		console.error(
			'--align: there is no "npm run align" in this copy of the project yet (the aligner is installed separately). The clip keeps its provisional times until it is aligned.'
		);
		process.exit(1);
	}
	const run = spawnSync(
		'npm',
		['run', 'align', '--', outcome.slug, '--transcripts', values.transcripts],
		{ stdio: 'inherit' }
	);
	process.exit(run.status ?? 1);
}
