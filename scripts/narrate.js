// Generates the demonstration collection's audio and transcripts from the narration texts in
// scripts/narration/<slug>.json: each cue is spoken by espeak-ng in the clip's language, the
// cues are joined with fixed pauses, and the WebVTT timings are written from the real sample
// counts, so the text and the audio line up exactly. Same text in, same timings out. Each
// language of `speaker` gets a transcript (the clip's own language first), every cue the same
// timings; `chapters` may be empty. A cue's `spoken`, when given, is what the synthesizer
// reads instead of the transcript's words: dates and ordinals written out in words in the
// right grammatical case (espeak-ng reads digits as bare cardinals), a foreign title left to
// the transcript.
//
//   node scripts/narrate.js [slug …]        (all clips when none is named)
//   node scripts/narrate.js --source tests/fixtures/narration --out tests/fixtures/site --bitrate 24k
//
// The second form writes the test fixtures (smaller audio). clip.json is written by hand.
// Needs espeak-ng and ffmpeg (Debian: apt-get install -y espeak-ng ffmpeg). The site and the
// tests do not: the generated files are committed. scripts/narrate.test.js checks the output.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readWav } from '../src/lib/audio/wav.js';

const SPEED = 145; // words per minute: unhurried, as befits the subject
const LEAD_IN = 0.6; // seconds of silence before the first cue
const PAUSE = 0.7; // between cues
const CHAPTER_PAUSE = 1.4; // before a new chapter
export const TAIL = 1.0; // after the last cue

/**
 * @typedef {{ [lang: string]: string }} Texts
 * @typedef {Texts & { spoken?: string }} NarrationCue
 * @typedef {{ language: string, speaker: Texts, cues: NarrationCue[], chapters: (Texts & { firstCue: number })[] }} Narration
 */

function need(command, versionFlag) {
	try {
		execFileSync(command, [versionFlag], { stdio: 'ignore' });
	} catch {
		console.error(`${command} is missing. Install with: apt-get install -y espeak-ng ffmpeg`);
		process.exit(1);
	}
}

/** @param {number} seconds */
export const stamp = (seconds) => {
	const ms = Math.round(seconds * 1000);
	const pad = (n, w = 2) => String(n).padStart(w, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};
/** @param {string} text */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The languages a narration is written in: the spoken one first, then its translations.
 * @param {Narration} narration
 */
export function narrationLanguages(narration) {
	const lang = narration.language;
	return [lang, ...Object.keys(narration.speaker).filter((l) => l !== lang)];
}

/**
 * What the synthesizer reads for a cue: its spoken form, else its words in the narration's
 * language.
 * @param {Narration} narration
 * @param {NarrationCue} cue
 */
export const spokenText = (narration, cue) => cue.spoken ?? cue[narration.language];

/**
 * The WebVTT transcript of one language: the same timings whatever the language.
 * @param {Narration} narration
 * @param {string} language
 * @param {{ start: number, end: number }[]} timings one per cue
 */
export function transcriptVtt(narration, language, timings) {
	const speaker = narration.speaker[language];
	const cues = narration.cues.map(
		(cue, i) =>
			`c${i + 1}\n${stamp(timings[i].start)} --> ${stamp(timings[i].end)}\n<v ${speaker}>${escape(cue[language])}\n`
	);
	return `WEBVTT\n\n${cues.join('\n')}`;
}

/**
 * The chapter titles of one language: each chapter runs to the next one's first cue.
 * @param {Narration} narration
 * @param {string} language
 * @param {{ start: number, end: number }[]} timings one per cue
 */
export function chaptersVtt(narration, language, timings) {
	const chapters = narration.chapters.map((chapter, i) => {
		const next = narration.chapters[i + 1];
		const end = next ? timings[next.firstCue].start : timings[timings.length - 1].end;
		return `${stamp(timings[chapter.firstCue].start)} --> ${stamp(end)}\n${escape(chapter[language])}\n`;
	});
	return `WEBVTT\n\n${chapters.join('\n')}`;
}

/**
 * @param {string} slug
 * @param {{ source: string, out: string, bitrate: string }} options
 */
function narrate(slug, { source, out, bitrate }) {
	/** @type {Narration} */
	const narration = JSON.parse(readFileSync(join(source, `${slug}.json`), 'utf8'));
	const lang = narration.language;
	const languages = narrationLanguages(narration);
	const work = mkdtempSync(join(tmpdir(), `narrate-${slug}-`));
	const chapterStarts = new Set(narration.chapters.map((c) => c.firstCue));

	let rate = 0;
	/** @type {Buffer[]} */
	const parts = [];
	let samples = 0;
	const silence = (seconds) => {
		const n = Math.round(seconds * rate);
		parts.push(Buffer.alloc(n * 2));
		samples += n;
	};
	/** @type {{ start: number, end: number }[]} */
	const timings = [];
	narration.cues.forEach((cue, i) => {
		const wav = join(work, `${i}.wav`);
		execFileSync('espeak-ng', [
			'-v',
			lang,
			'-s',
			String(SPEED),
			'-w',
			wav,
			spokenText(narration, cue)
		]);
		const { rate: cueRate, pcm } = readWav(readFileSync(wav), wav);
		if (rate === 0) rate = cueRate;
		if (cueRate !== rate) throw new Error(`${slug}: sample rate changed at cue ${i + 1}`);
		silence(i === 0 ? LEAD_IN : chapterStarts.has(i) ? CHAPTER_PAUSE : PAUSE);
		const start = samples / rate;
		parts.push(pcm);
		samples += pcm.length / 2;
		timings.push({ start, end: samples / rate });
	});
	silence(TAIL);

	const dir = join(out, slug);
	mkdirSync(dir, { recursive: true });
	const raw = join(work, 'all.pcm');
	writeFileSync(raw, Buffer.concat(parts));
	// Mono MP3 (48 kbit/s for the demo) plays in every browser; bitexact keeps the bytes
	// reproducible.
	execFileSync('ffmpeg', [
		'-y',
		'-v',
		'error',
		'-f',
		's16le',
		'-ar',
		String(rate),
		'-ac',
		'1',
		'-i',
		raw,
		'-ac',
		'1',
		'-ar',
		'24000',
		'-c:a',
		'libmp3lame',
		'-b:a',
		bitrate,
		'-map_metadata',
		'-1',
		'-fflags',
		'+bitexact',
		'-flags:a',
		'+bitexact',
		join(dir, 'audio.mp3')
	]);

	for (const language of languages) {
		writeFileSync(join(dir, `${language}.vtt`), transcriptVtt(narration, language, timings));
		if (narration.chapters.length === 0) continue;
		writeFileSync(join(dir, `chapters.${language}.vtt`), chaptersVtt(narration, language, timings));
	}
	rmSync(work, { recursive: true, force: true });
	const duration = samples / rate;
	console.log(`${slug}: ${narration.cues.length} cues, ${duration.toFixed(1)} s`);
}

// Run as a script (the test imports the functions above without generating anything).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			source: { type: 'string', default: 'scripts/narration' },
			out: { type: 'string', default: 'transcripts' },
			bitrate: { type: 'string', default: '48k' }
		}
	});
	need('espeak-ng', '--version');
	need('ffmpeg', '-version');
	const all = readdirSync(values.source)
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -5));
	for (const slug of positionals.length ? positionals : all) narrate(slug, values);
}
