#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Forced alignment of text to speech, offline: echogarden's `dtw` engine against eSpeak-NG's
// rendering of the text. GPL-3.0-or-later because it loads eSpeak-NG. The site (MIT) never
// imports this file; scripts/align.js runs it as a subprocess.
//
//   node aligner/align.mjs job.json > result.json
//
// job.json:
//   {
//     "audio": "speech.wav",         16-bit PCM or 32-bit float WAV, mono; 16 kHz is best
//     "language": "uk",              eSpeak-NG voice: uk, lt, en, fr, ru, pl, de, …
//     "segments": ["text", …],       e.g. the cues; words are their whitespace-split words
//     "anchors": [{ "time": 60, "segment": 12, "word": 3 }]   optional
//   }
// result (stdout):
//   { "segments": [{ "words": [{ "text": "…", "start": 1.23, "end": 1.5 }, …] }, …],
//     "spread": { "words": 0, "reasons": [] },   words not aligned but spread evenly, and why
//     "match": [{ "start": 0, "end": 45.2, "ratio": 0.91 }, …] }   see matchScore
//
//   node aligner/align.mjs job.json --stop-with-stdin   exits when its stdin ends (its parent died)
//
// Anchors cut both the audio and the text: the words before an anchor are aligned within the
// audio before its time, the words from it on within the audio after. So an anchor is never
// moved, and a long recording is aligned in independent pieces (bounded memory).
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Pieces shorter than this get their words spread evenly: too little audio to align. */
const MIN_PIECE_SECONDS = 0.3;
/**
 * A piece longer than this without anchors is aligned coarsely first, then cut at sentence
 * boundaries found there and realigned finely in pieces of about this length.
 */
const FINE_PIECE_SECONDS = 240;

/**
 * echogarden 3 loads eSpeak-NG from its data folder (~/.local/share/echogarden/packages) and
 * downloads it there when missing. Point it at a folder of our own holding the npm package
 * `@echogarden/espeak-ng-emscripten`, and at an unreachable download address, so that nothing
 * is ever fetched: a missing file fails at once instead of reaching the network.
 */
async function offlineEchogarden() {
	// Inside node_modules, so that no linter, formatter or git ever looks there.
	const home = join(HERE, 'node_modules', '.home');
	process.env.HOME = home;
	const { resolveToVersionedPackageNameIfNeeded } =
		await import('echogarden/dist/utilities/PackageManager.js');
	const packages = join(home, '.local', 'share', 'echogarden', 'packages');
	const espeak = join(packages, resolveToVersionedPackageNameIfNeeded('espeak-ng-emscripten'));
	if (!existsSync(espeak)) {
		// A link left dangling by a moved folder is replaced.
		rmSync(espeak, { force: true });
		mkdirSync(packages, { recursive: true });
		symlinkSync(join(HERE, 'node_modules', '@echogarden', 'espeak-ng-emscripten'), espeak, 'dir');
	}
	const echogarden = await import('echogarden');
	echogarden.setGlobalOption('packageBaseURL', 'http://127.0.0.1:9/offline/');
	echogarden.setGlobalOption('logLevel', 'error');
	return echogarden;
}

/** Mono samples of a PCM (16-bit) or float (32-bit) WAV file. */
function readWav(file) {
	const bytes = readFileSync(file);
	if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
		throw new Error(`${file}: not a WAV file`);
	}
	let offset = 12;
	let format = 0;
	let channels = 0;
	let sampleRate = 0;
	let bits = 0;
	while (offset + 8 <= bytes.length) {
		const id = bytes.toString('ascii', offset, offset + 4);
		let size = bytes.readUInt32LE(offset + 4);
		if (id === 'fmt ') {
			format = bytes.readUInt16LE(offset + 8);
			channels = bytes.readUInt16LE(offset + 10);
			sampleRate = bytes.readUInt32LE(offset + 12);
			bits = bytes.readUInt16LE(offset + 22);
		}
		if (id === 'data') {
			// Some writers leave the size unset (0 or 0xFFFFFFFF): the data runs to the end.
			if (size === 0 || offset + 8 + size > bytes.length) size = bytes.length - offset - 8;
			const data = bytes.subarray(offset + 8, offset + 8 + size);
			if (channels !== 1) throw new Error(`${file}: ${channels} channels, expected mono`);
			let samples;
			if (format === 1 && bits === 16) {
				const ints = new Int16Array(
					data.buffer.slice(data.byteOffset, data.byteOffset + (data.length & ~1))
				);
				samples = new Float32Array(ints.length);
				for (let i = 0; i < ints.length; i++) samples[i] = ints[i] / 32768;
			} else if (format === 3 && bits === 32) {
				samples = new Float32Array(
					data.buffer.slice(data.byteOffset, data.byteOffset + (data.length & ~3))
				);
			} else {
				throw new Error(
					`${file}: WAV format ${format}/${bits} bits, expected 16-bit PCM or 32-bit float`
				);
			}
			return { sampleRate, samples };
		}
		offset += 8 + size + (size & 1);
	}
	throw new Error(`${file}: no data chunk`);
}

/** Whitespace-split words of each segment, with where each one sits in the joined text. */
function layOut(segments) {
	const words = [];
	segments.forEach((text, segment) => {
		for (const match of text.matchAll(/\S+/g)) {
			words.push({ segment, text: match[0], start: NaN, end: NaN });
		}
	});
	return words;
}

/** Index (in `words`) of the first word of each anchor, with its time; sorted, deduplicated. */
function cutPoints(words, anchors, duration) {
	const firstWordOf = new Map();
	words.forEach((word, i) => {
		const key = `${word.segment}`;
		if (!firstWordOf.has(key)) firstWordOf.set(key, i);
	});
	const cuts = [];
	for (const anchor of anchors ?? []) {
		const first = firstWordOf.get(`${anchor.segment}`);
		if (first === undefined) continue; // an empty segment: nothing to pin
		const index = Math.min(first + (anchor.word ?? 0), words.length);
		const time = Math.max(0, Math.min(anchor.time, duration));
		cuts.push({ index, time });
	}
	cuts.sort((a, b) => a.time - b.time || a.index - b.index);
	// Anchors must go forward in both text and time; one that goes back in the text is dropped.
	const kept = [];
	for (const cut of cuts) {
		const last = kept.at(-1);
		if (last && cut.index < last.index) {
			console.error(`anchor at ${cut.time}s goes back in the text: ignored`);
			continue;
		}
		kept.push(cut);
	}
	return kept;
}

/** Words spread evenly, and why: reported with the result, so that a failure is never silent. */
const spreadWords = { words: 0, reasons: [] };

/** Words spread evenly over [start, end], by their length: when there is no audio to align. */
function spread(words, start, end, reason) {
	if (reason) {
		spreadWords.words += words.length;
		if (!spreadWords.reasons.includes(reason)) spreadWords.reasons.push(reason);
	}
	const total = words.reduce((n, w) => n + w.text.length + 1, 0);
	let at = start;
	for (const word of words) {
		const length = ((word.text.length + 1) / total) * (end - start);
		word.start = at;
		word.end = at + length;
		at += length;
	}
}

/**
 * The stretch of samples[from, to) between the first and the last sound louder than 30 dB
 * below the loudest, in 10 ms frames, with 50 ms to spare on each side.
 */
function speechBounds(audio, from, to) {
	const frame = Math.round(audio.sampleRate / 100);
	const levels = [];
	for (let at = from; at < to; at += frame) {
		let sum = 0;
		const end = Math.min(at + frame, to);
		for (let i = at; i < end; i++) sum += audio.samples[i] * audio.samples[i];
		levels.push(Math.sqrt(sum / Math.max(1, end - at)));
	}
	// A loop, not Math.max(...levels): hours of frames would overflow the stack.
	const threshold = levels.reduce((max, level) => Math.max(max, level), 0) * 0.03;
	const first = levels.findIndex((level) => level > threshold);
	const last = levels.findLastIndex((level) => level > threshold);
	if (first < 0 || threshold === 0) return { from, to };
	const spare = 5 * frame;
	return {
		from: Math.max(from, from + first * frame - spare),
		to: Math.min(to, from + (last + 1) * frame + spare)
	};
}

/**
 * Aligns `words` (consecutive, possibly across segments) to samples[from, to) and sets each
 * word's start and end in seconds. The words of one segment form one paragraph of the text.
 */
async function alignPiece(echogarden, audio, words, from, to, options) {
	const start = from / audio.sampleRate;
	const end = to / audio.sampleRate;
	if (words.length === 0) return;
	if (end - start < MIN_PIECE_SECONDS) return spread(words, start, end);

	// The text as paragraphs (one per segment), remembering where each word sits in it.
	let text = '';
	let previousSegment = words[0].segment;
	const offsets = [];
	for (const word of words) {
		if (text) text += word.segment === previousSegment ? ' ' : '\n\n';
		previousSegment = word.segment;
		offsets.push(text.length);
		text += word.text;
	}
	// DTW pins the first word to the first sample and the last word to the last: leading or
	// trailing silence would stretch them. Align only from the first sound to the last.
	const speech = speechBounds(audio, from, to);
	const offset = speech.from / audio.sampleRate;
	const rawAudio = {
		sampleRate: audio.sampleRate,
		audioChannels: [audio.samples.slice(speech.from, speech.to)]
	};
	let timeline;
	try {
		({ wordTimeline: timeline } = await echogarden.align(rawAudio, text, {
			engine: 'dtw',
			language: options.language,
			// Keep every sample: times must stay relative to the piece's start, and the end
			// of a piece may hold the last word.
			crop: false,
			dtw: options.dtw
		}));
	} catch (error) {
		// A piece eSpeak cannot render (only punctuation, say) must not sink the whole file.
		console.error(
			`piece ${start.toFixed(2)}–${end.toFixed(2)} s not aligned (${error.message}): words spread evenly`
		);
		return spread(words, start, end, error.message);
	}

	// echogarden's words are its own tokens ("don't", "—", "1944,"): give each of our words the
	// times of the tokens that fall inside it.
	let t = 0;
	for (let i = 0; i < words.length; i++) {
		const wordStart = offsets[i];
		const wordEnd = wordStart + words[i].text.length;
		while (t < timeline.length && timeline[t].endOffsetUtf16 <= wordStart) t++;
		let first;
		let last;
		for (let k = t; k < timeline.length && timeline[k].startOffsetUtf16 < wordEnd; k++) {
			first ??= timeline[k];
			last = timeline[k];
		}
		if (first) {
			words[i].start = offset + first.startTime;
			words[i].end = offset + last.endTime;
		}
	}
	// Words with no token of their own (a lone dash) sit between their neighbours.
	for (let i = 0; i < words.length; i++) {
		if (Number.isFinite(words[i].start)) continue;
		const before = words[i - 1]?.end ?? start;
		words[i].start = before;
		words[i].end = before;
	}
	for (const word of words) {
		word.start = Math.min(Math.max(word.start, start), end);
		word.end = Math.min(Math.max(word.end, word.start), end);
	}
}

/**
 * A long stretch with no anchors: a coarse pass over all of it, then cuts at segment starts
 * about every FINE_PIECE_SECONDS (taken from the coarse pass) and a fine pass per piece.
 */
async function alignLong(echogarden, audio, words, from, to, options) {
	const seconds = (to - from) / audio.sampleRate;
	if (seconds <= FINE_PIECE_SECONDS * 1.5 || options.noRefine) {
		return alignPiece(echogarden, audio, words, from, to, options);
	}
	await alignPiece(echogarden, audio, words, from, to, options);
	const pieces = [];
	let pieceFrom = from;
	let pieceFirst = 0;
	for (let i = 1; i < words.length; i++) {
		const startsSegment = words[i].segment !== words[i - 1].segment;
		const at = Math.round(words[i].start * audio.sampleRate);
		if (startsSegment && at - pieceFrom >= FINE_PIECE_SECONDS * audio.sampleRate) {
			// Cut in the middle of the pause before the segment, where no word can straddle.
			const cut = Math.round(((words[i - 1].end + words[i].start) / 2) * audio.sampleRate);
			pieces.push({ first: pieceFirst, last: i, from: pieceFrom, to: cut });
			pieceFirst = i;
			pieceFrom = cut;
		}
	}
	pieces.push({ first: pieceFirst, last: words.length, from: pieceFrom, to });
	for (const piece of pieces) {
		await alignPiece(
			echogarden,
			audio,
			words.slice(piece.first, piece.last),
			piece.from,
			piece.to,
			options
		);
	}
}

/** Stretches of about this length are scored (see matchScore). */
const SCORE_PIECE_SECONDS = 45;
/** At most this many stretches, spread over the recording: a few seconds in all. */
const SCORE_PIECES = 6;

/** A seeded shuffle (the same every run), so that a score can be reproduced. */
function shuffled(list, seed = 29) {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		seed = (seed * 16807) % 2147483647;
		const j = seed % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * How much the text's own word order explains the audio: eSpeak-NG's rendering of a stretch's
 * words is compared with the recording by DTW over MFCC frames (as the alignment itself does),
 * and the mean cost along the path is divided by the cost for the same words shuffled. Speech
 * that says these words, in this order, gives well under 1 (0.91 on a man reading a sonnet,
 * 0.48 on synthesized speech); a text that has nothing to do with the audio gives about 1,
 * whatever the voice (0.97 to 1.00 measured): its order explains nothing.
 * Returns the ratio of each scored stretch, from SCORE_PIECES stretches spread over the clip.
 */
async function matchScore(audio, words, language) {
	const { createAlignmentReferenceUsingEspeak, getMfccOptionsForGranularity } =
		await import('echogarden/dist/alignment/SpeechAlignment.js');
	const { computeMFCCs, extendDefaultMfccOptions } = await import('echogarden/dist/dsp/MFCC.js');
	const { alignMFCC_DTW } = await import('echogarden/dist/alignment/DTWMfccSequenceAlignment.js');
	const mfccOptions = extendDefaultMfccOptions({
		...getMfccOptionsForGranularity('low'),
		zeroFirstCoefficient: true
	});
	const silent = { logLevel: 'error' };
	const cost = async (source, text) => {
		const { referenceRawAudio } = await createAlignmentReferenceUsingEspeak(
			text,
			language,
			{},
			[],
			true,
			false,
			silent
		);
		const reference = await computeMFCCs(referenceRawAudio, mfccOptions, silent);
		const path = await alignMFCC_DTW(reference, source, Math.max(reference.length, source.length));
		let sum = 0;
		for (const { source: r, dest: s } of path) {
			let d = 0;
			for (let k = 0; k < reference[r].length; k++) d += (reference[r][k] - source[s][k]) ** 2;
			sum += Math.sqrt(d);
		}
		return sum / path.length;
	};

	// Consecutive words in stretches of about SCORE_PIECE_SECONDS, by their aligned times.
	const stretches = [];
	let first = 0;
	for (let i = 1; i <= words.length; i++) {
		if (i === words.length || words[i].end - words[first].start >= SCORE_PIECE_SECONDS) {
			if (i - first >= 8) stretches.push(words.slice(first, i));
			first = i;
		}
	}
	const step = Math.max(1, stretches.length / SCORE_PIECES);
	const chosen = [];
	for (let k = 0; k < stretches.length && chosen.length < SCORE_PIECES; k += step) {
		chosen.push(stretches[Math.floor(k)]);
	}
	const ratios = [];
	for (const stretch of chosen) {
		const from = Math.round(stretch[0].start * audio.sampleRate);
		const to = Math.round(stretch.at(-1).end * audio.sampleRate);
		if (to - from < audio.sampleRate * 2) continue;
		const source = await computeMFCCs(
			{ sampleRate: audio.sampleRate, audioChannels: [normalised(audio.samples.slice(from, to))] },
			mfccOptions,
			silent
		);
		const texts = stretch.map((w) => w.text);
		try {
			const ordered = await cost(source, texts.join(' '));
			const random = await cost(source, shuffled(texts).join(' '));
			ratios.push({
				start: round(stretch[0].start),
				end: round(stretch.at(-1).end),
				ratio: Math.round((ordered / random) * 1000) / 1000
			});
		} catch (error) {
			console.error(`score of ${stretch[0].start.toFixed(1)} s not computed: ${error.message}`);
		}
	}
	return ratios;
}

/** Samples scaled to a peak of 1, as eSpeak's reference is (the MFCCs' first coefficient is zeroed, but not their scale). */
function normalised(samples) {
	const peak = samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
	if (peak === 0) return samples;
	const out = new Float32Array(samples.length);
	for (let i = 0; i < samples.length; i++) out[i] = (samples[i] / peak) * 0.7;
	return out;
}

const round = (s) => Math.round(s * 1000) / 1000;

export async function alignJob(job) {
	const echogarden = await offlineEchogarden();
	const audio = readWav(job.audio);
	const duration = audio.samples.length / audio.sampleRate;
	const words = layOut(job.segments);
	const cuts = cutPoints(words, job.anchors, duration);
	const bounds = [{ index: 0, time: 0 }, ...cuts, { index: words.length, time: duration }];
	const options = { language: job.language, dtw: job.dtw, noRefine: job.noRefine };
	for (let i = 0; i + 1 < bounds.length; i++) {
		const from = Math.round(bounds[i].time * audio.sampleRate);
		const to = Math.round(bounds[i + 1].time * audio.sampleRate);
		const piece = words.slice(bounds[i].index, bounds[i + 1].index);
		await alignLong(echogarden, audio, piece, from, to, options);
	}
	const segments = job.segments.map(() => ({ words: [] }));
	for (const word of words) {
		segments[word.segment].words.push({
			text: word.text,
			start: round(word.start),
			end: round(word.end)
		});
	}
	const match = job.score === false ? [] : await matchScore(audio, words, job.language);
	return { segments, spread: spreadWords, match };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
	const [jobFile, ...flags] = process.argv.slice(2);
	// The site holds our stdin open while it waits for us: its end means the site has gone.
	if (flags.includes('--stop-with-stdin')) {
		process.stdin.on('end', () => process.exit(1)).on('error', () => process.exit(1));
		process.stdin.resume();
	}
	if (!jobFile) {
		console.error('usage: node aligner/align.mjs job.json > result.json');
		process.exit(2);
	}
	// echogarden writes progress with console.log: keep stdout for the result alone.
	const write = process.stdout.write.bind(process.stdout);
	console.log = console.error;
	console.info = console.error;
	try {
		const result = await alignJob(JSON.parse(readFileSync(jobFile, 'utf8')));
		// Exit once written: a watched stdin would keep us running.
		write(JSON.stringify(result) + '\n', () => process.exit(0));
	} catch (error) {
		console.error(`align: ${error.message}`);
		process.exit(1);
	}
}
