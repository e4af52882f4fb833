// Writes a content folder for the benchmark: the demo collection plus one 3-hour clip with
// about 5,000 cues in English and French, and one 2-hour clip of 3,600 cues of 2 s in English
// only (the shape of a long interview transcribed line by line, without translation). The audio is synthesized tones and silences (no
// speech, no testimony), written as 8 kHz 8-bit WAV so no encoder or system binary is needed.
// Generated at run time and never committed.
import {
	cpSync,
	createWriteStream,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';

export const LONG_SLUG = 'bench-three-hours';
export const SHORT_CUES_SLUG = 'bench-two-hours';
const SAMPLE_RATE = 8000;
const HOURS = 3;

/**
 * A small deterministic random generator, so every run produces the same fixture.
 * @param {number} seed
 */
export function mulberry32(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Cue times: spans of 1.2–2.8 s separated by 0–0.4 s pauses, filling three hours.
 * @param {number} duration
 * @returns {{ start: number, end: number }[]}
 */
function cueTimes(duration) {
	const random = mulberry32(1954);
	const cues = [];
	let t = 0.5;
	for (;;) {
		const start = t;
		const end = start + 1.2 + random() * 1.6;
		if (end > duration - 0.5) break;
		cues.push({ start, end });
		t = end + random() * 0.4;
	}
	return cues;
}

/**
 * A WebVTT timestamp.
 * @param {number} s seconds
 */
export const stamp = (s) => {
	const ms = Math.round(s * 1000);
	const h = Math.floor(ms / 3600000);
	const m = Math.floor(ms / 60000) % 60;
	const sec = Math.floor(ms / 1000) % 60;
	const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');
	return `${pad(h)}:${pad(m)}:${pad(sec)}.${pad(ms % 1000, 3)}`;
};

/**
 * @param {{ start: number, end: number }[]} cues
 * @param {{ speaker: string, line: (n: number) => string, words?: boolean }} text
 */
function vtt(cues, text) {
	const blocks = cues.map(
		(c, i) =>
			`c${i + 1}\n${stamp(c.start)} --> ${stamp(c.end)}\n<v ${text.speaker}>${
				text.words ? timedWords(text.line(i + 1), c) : text.line(i + 1)
			}`
	);
	return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/**
 * A line with word timings, as `npm run align` writes them (a timestamp tag before every word
 * after the first), spread evenly over the cue: the word mark's cost is then measured too.
 * @param {string} line
 * @param {{ start: number, end: number }} cue
 */
function timedWords(line, cue) {
	const words = line.split(' ');
	const step = (cue.end - cue.start) / words.length;
	return words
		.map((word, i) => (i === 0 ? word : `<${stamp(cue.start + i * step)}>${word}`))
		.join(' ');
}

/**
 * Writes the WAV: a quiet tone during each cue, silence between. Streams, so memory stays flat.
 * @param {string} file
 * @param {{ start: number, end: number }[]} cues
 * @param {number} duration
 */
async function writeAudio(file, cues, duration) {
	const total = Math.round(duration * SAMPLE_RATE);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0);
	header.writeUInt32LE(36 + total, 4);
	header.write('WAVEfmt ', 8);
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(SAMPLE_RATE, 24);
	header.writeUInt32LE(SAMPLE_RATE, 28);
	header.writeUInt16LE(1, 32);
	header.writeUInt16LE(8, 34);
	header.write('data', 36);
	header.writeUInt32LE(total, 40);
	const out = createWriteStream(file);
	const write = (/** @type {Buffer} */ buffer) =>
		out.write(buffer)
			? Promise.resolve()
			: new Promise((r) => out.once('drain', () => r(undefined)));
	await write(header);
	const chunk = Buffer.alloc(SAMPLE_RATE * 10);
	let cue = 0;
	for (let offset = 0; offset < total; offset += chunk.length) {
		const length = Math.min(chunk.length, total - offset);
		for (let i = 0; i < length; i++) {
			const t = (offset + i) / SAMPLE_RATE;
			while (cues[cue] && /** @type {{ end: number }} */ (cues[cue]).end < t) cue++;
			const inCue = (cues[cue]?.start ?? Infinity) <= t;
			// 8-bit WAV is unsigned: 128 is silence. Loudness varies by cue so the waveform has shape.
			const level = inCue ? 20 + (cue % 7) * 12 : 0;
			chunk[i] = 128 + Math.round(level * Math.sin(2 * Math.PI * (220 + (cue % 5) * 40) * t));
		}
		await write(length === chunk.length ? chunk : chunk.subarray(0, length));
	}
	await new Promise((resolve) => out.end(resolve));
}

/**
 * Creates `dir` holding a copy of transcripts/ plus the 3-hour clip, and the 2-hour clip of
 * short lines if asked; returns the 3-hour clip's cue count.
 * @param {string} dir
 * @param {{ shortCues?: boolean }} [also]
 */
export async function writeLongFixture(dir, also = {}) {
	rmSync(dir, { recursive: true, force: true });
	cpSync('transcripts', dir, { recursive: true });
	const collection = JSON.parse(readFileSync(join(dir, 'collection.json'), 'utf8'));
	collection.witnesses['bench-fixture'] = {
		name: 'Benchmark fixture',
		facts: {
			en: ['Not a person: generated tones used to measure the player.'],
			fr: ['Pas une personne : des sons générés pour mesurer le lecteur.']
		}
	};
	// The kiosk shows the demo clips only, and resets after a few seconds, for the benchmark's
	// soak of many short visits.
	const demoClips = readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	collection.kiosk = { ...collection.kiosk, idleSeconds: 3, countdownSeconds: 2, clips: demoClips };
	writeFileSync(join(dir, 'collection.json'), JSON.stringify(collection, null, '\t'));

	const duration = HOURS * 3600;
	const cues = cueTimes(duration);
	const folder = join(dir, LONG_SLUG);
	mkdirSync(folder);
	writeClipJson(folder, {
		title: { en: 'Benchmark: three hours of tones', fr: 'Banc d’essai : trois heures de sons' },
		translations: ['fr'],
		description: {
			en: 'Generated tones and silences with numbered cues, to measure the player at the length of a real interview.',
			fr: 'Des sons et des silences générés, avec des répliques numérotées, pour mesurer le lecteur à la durée d’un véritable entretien.'
		}
	});
	writeFileSync(
		join(folder, 'en.vtt'),
		vtt(cues, {
			speaker: 'Tone',
			line: (n) => `Benchmark line ${n}: a tone, then silence.`,
			words: true
		})
	);
	writeFileSync(
		join(folder, 'fr.vtt'),
		vtt(cues, { speaker: 'Son', line: (n) => `Ligne d’essai ${n} : un son, puis le silence.` })
	);
	/** @type {{ start: number, end: number }[]} */
	const chapters = [];
	for (let h = 0; h < duration; h += 900)
		chapters.push({ start: h, end: Math.min(h + 900, duration) });
	for (const lang of ['en', 'fr']) {
		writeFileSync(
			join(folder, `chapters.${lang}.vtt`),
			`WEBVTT\n\n${chapters
				.map(
					(c, i) =>
						`${stamp(c.start)} --> ${stamp(c.end)}\n${lang === 'en' ? 'Part' : 'Partie'} ${i + 1}`
				)
				.join('\n\n')}\n`
		);
	}
	await writeAudio(join(folder, 'audio.wav'), cues, duration);
	if (also.shortCues) await writeShortCuesClip(join(dir, SHORT_CUES_SLUG));
	return { cues: cues.length, duration };
}

/**
 * The 2-hour clip: 3,600 cues of 2 s, end to end, one language, no word timings, no chapters.
 * Its WAV (8 kHz, 8-bit) is 57.6 MB, the size of a 2-hour MP3 at 64 kbit/s.
 * @param {string} folder
 */
async function writeShortCuesClip(folder) {
	const duration = 2 * 3600;
	const cues = Array.from({ length: duration / 2 }, (_, i) => ({ start: 2 * i, end: 2 * i + 2 }));
	mkdirSync(folder);
	writeClipJson(folder, {
		title: {
			en: 'Benchmark: two hours, short lines',
			fr: 'Banc d’essai : deux heures, lignes courtes'
		},
		translations: [],
		description: {
			en: 'Generated tones with a numbered line every two seconds, in one language.',
			fr: 'Des sons générés, avec une ligne numérotée toutes les deux secondes, dans une seule langue.'
		}
	});
	writeFileSync(
		join(folder, 'en.vtt'),
		vtt(cues, { speaker: 'Tone', line: (n) => `Two-hour line ${n}: a tone.` })
	);
	await writeAudio(join(folder, 'audio.wav'), cues, duration);
}

/**
 * A fixture clip's clip.json: English, by the benchmark's witness, its WAV, marked synthesized.
 * @param {string} folder
 * @param {{ title: object, translations: string[], description: object }} text
 */
function writeClipJson(folder, { title, translations, description }) {
	const clip = {
		title,
		witness: 'bench-fixture',
		language: 'en',
		translations,
		description,
		audio: 'audio.wav',
		provenance: {
			synthesized: true,
			heldBy: { en: 'nobody: it is a test fixture', fr: 'personne : c’est un jeu d’essai' },
			credit: 'Generated by scripts/bench/long-fixture.js'
		}
	};
	writeFileSync(join(folder, 'clip.json'), JSON.stringify(clip, null, '\t'));
}
