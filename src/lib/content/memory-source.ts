import type { AudioAnalysis, ContentSource } from './types.ts';

/**
 * A ContentSource held in memory, for tests: text files by path (as text, or as the bytes of a
 * file on disk), and audio files by path with the duration they would decode to (or an Error if
 * they cannot be decoded), and their size if it matters (else 1,000 bytes).
 */
export function memorySource(
	texts: Record<string, string | Uint8Array>,
	audio: Record<string, number | Error | { duration: number; bytes: number }> = {}
): ContentSource {
	const paths = [...Object.keys(texts), ...Object.keys(audio)];
	return {
		root: 'transcripts',
		async list(folder) {
			const prefix = folder ? `${folder}/` : '';
			const names = new Map<string, boolean>();
			for (const path of paths.filter((p) => p.startsWith(prefix))) {
				const [name, ...rest] = path.slice(prefix.length).split('/');
				names.set(name!, rest.length > 0);
			}
			return [...names].map(([name, isFolder]) => ({ name, isFolder }));
		},
		async readText(path) {
			const text = texts[path];
			// Decoded as a file on disk is (see folderSource): byte-order mark kept, U+FFFD for bad bytes.
			if (text instanceof Uint8Array)
				return new TextDecoder('utf-8', { ignoreBOM: true }).decode(text);
			return text;
		},
		async analyseAudio(path): Promise<AudioAnalysis | undefined> {
			const entry = audio[path];
			if (entry instanceof Error) throw entry;
			if (entry === undefined) return undefined;
			const { duration, bytes } =
				typeof entry === 'number' ? { duration: entry, bytes: 1000 } : entry;
			return { duration, peaks: [0, 100, 0], bytes, sha256: '0'.repeat(64) };
		}
	};
}

/** A minimal valid collection with one clip, whose parts a test can override. */
export function validCollection(
	overrides: { clip?: Record<string, unknown>; files?: Record<string, string> } = {}
): Record<string, string> {
	const clip = {
		title: { en: 'Organising an escape', fr: 'Organiser une évasion' },
		witness: 'orest-yarynich',
		language: 'uk',
		translations: ['en'],
		description: { en: 'What the recording covers.', fr: 'Ce que couvre l’enregistrement.' },
		audio: 'audio.mp3',
		provenance: {
			synthesized: true,
			heldBy: { en: 'its archive', fr: 'ses archives' },
			credit: 'INED Éditions'
		},
		...overrides.clip
	};
	return {
		'collection.json': JSON.stringify(
			{
				title: { en: 'Collection', fr: 'Collection' },
				description: { en: 'About it.', fr: 'À son sujet.' },
				credit: 'INED Éditions',
				witnesses: {
					'orest-yarynich': {
						name: 'Orest Yarynich',
						nativeName: 'Орест Яринич',
						facts: {
							en: ['Ukrainian political prisoner.'],
							fr: ['Prisonnier politique ukrainien.']
						}
					}
				}
			},
			null,
			2
		),
		'escape/clip.json': JSON.stringify(clip, null, 2),
		'escape/uk.vtt': vtt([0, 2, 'Перший рядок.'], [2.5, 5, 'Другий рядок.']),
		'escape/en.vtt': vtt([0, 2, 'First line.'], [2.5, 5, 'Second line.']),
		...overrides.files
	};
}

/** Writes a WebVTT file from [start, end, text] triples. */
export function vtt(...cues: [number, number, string][]): string {
	const stamp = (t: number) => {
		const ms = Math.round(t * 1000);
		const h = Math.floor(ms / 3_600_000);
		const m = Math.floor(ms / 60_000) % 60;
		const s = Math.floor(ms / 1000) % 60;
		const pad = (n: number, w = 2) => String(n).padStart(w, '0');
		return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
	};
	return (
		'WEBVTT\n\n' +
		cues.map(([start, end, text]) => `${stamp(start)} --> ${stamp(end)}\n${text}\n`).join('\n')
	);
}
