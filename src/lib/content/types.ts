import type { Cue } from '../transcript/types.ts';
import type { ChapterText } from './chapters.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import type { Localized } from '../i18n/localized.ts';
import type { GrammaticalGender } from '../i18n/messages.ts';

export type { Localized };

export interface Witness {
	slug: string;
	/** As catalogued. */
	name: string;
	/** The name in each language that writes it differently; English is the catalogued name. */
	names: Localized;
	/** In their own script, if it differs. */
	nativeName?: string;
	grammaticalGender?: GrammaticalGender;
	/** In English, and in other interface languages where given. */
	facts: Localized<string[]>;
}

export interface Track {
	/** BCP 47 language code. */
	lang: string;
	/** The original-language transcript is `captions`; translations are `subtitles`. */
	kind: 'captions' | 'subtitles';
	/** File name within the clip folder, e.g. `uk.vtt`. */
	file: string;
	cues: Cue[];
}

/** A chapter: its span, then what its cue says (title, synopsis, keywords…: see content/chapters.ts). */
export interface Chapter extends ChapterText {
	start: number;
	end: number;
}

export interface Provenance {
	synthesized: boolean;
	/** Who holds the original recording, in English and other interface languages. */
	heldBy: Localized;
	credit: string;
}

export interface Clip {
	slug: string;
	title: Localized;
	/** The witness's key in collection.json. */
	witness: string;
	/** The witness's name as catalogued, and in their own script if it differs. */
	witnessName: string;
	witnessNativeName?: string;
	/** The witness's name in each language that writes it differently (see Witness). */
	witnessNames: Localized;
	witnessGender?: GrammaticalGender;
	/** Language spoken in the recording. */
	language: string;
	translations: string[];
	description: Localized;
	recorded?: { date?: string; place?: string };
	/** Seconds, measured from the audio file. */
	duration: number;
	/** Audio file name within the clip folder. */
	audio: string;
	provenance: Provenance;
	/** The original first, then the translations in the order the metadata lists them. */
	tracks: Track[];
	/** Chapter lists by language. */
	chapters: Record<string, Chapter[]>;
	/** The files the site publishes under /media/<slug>/ (audio, transcripts, chapters), and their size in bytes. */
	files: { name: string; bytes: number }[];
}

/** A track as the collection lists it: everything but its cues, which are read when needed. */
export type TrackEntry = Omit<Track, 'cues'> & { cueCount: number };

/**
 * A clip as the collection lists it: the cues are left out, so that what the build holds for a
 * whole archive stays small (a 2-hour interview's cues are tens of megabytes in memory). The
 * routes that show a clip read its cues again (getClip in $lib/server/content).
 */
export type ClipEntry = Omit<Clip, 'tracks'> & { tracks: TrackEntry[] };

/** A line the kiosk's attract screen shows, in every language of its clip. */
export interface KioskExcerpt {
	clip: string;
	witness: string;
	start: number;
	end: number;
	/** The original first, then the translations. */
	lines: { lang: string; text: string }[];
}

/** The kiosk's settings with the collection's clips checked and its excerpts looked up. */
export interface Kiosk {
	idleSeconds: number;
	countdownSeconds: number;
	languages: UiLanguage[];
	defaultLanguage: UiLanguage;
	/** Slugs, in the order shown. */
	clips: string[];
	excerpts: KioskExcerpt[];
	/** What the offline store holds: the kiosk clips' files, and whether kiosk.clips chose them. */
	offline: { files: number; bytes: number; chosen: 'listed' | 'default'; of: number };
}

export interface Collection {
	title: Localized;
	description: Localized;
	credit: string;
	witnesses: Witness[];
	clips: ClipEntry[];
	kiosk: Kiosk;
}

/** What the build learns by reading an audio file. */
export interface AudioAnalysis {
	duration: number;
	/** Peak levels 0–100, evenly spaced over the duration. */
	peaks: number[];
	/** Frames the decoder reported damaged and skipped, and its first message about them. */
	damaged?: number;
	damage?: string;
	/** The file's size in bytes and SHA-256 (hex), for the kiosk's offline list. */
	bytes: number;
	sha256: string;
}

/** An entry of a folder, as a ContentSource lists it. */
export interface SourceEntry {
	name: string;
	isFolder: boolean;
	/** Set when the entry will not be read (a special file, a link that leaves the collection…). */
	refused?: { severity: 'error' | 'warning'; reason: string };
}

/**
 * Thrown by a ContentSource for a file it will not read, with the reason in words: not a
 * regular file (a folder, a pipe, a device), a link that is broken or leaves the collection, or
 * a file over the size limit.
 */
export class RefusedFile extends Error {}

/** Everything the content loader needs from the outside world, so it can be tested in memory. */
export interface ContentSource {
	/** Shown before every path in messages, e.g. `transcripts`. */
	root: string;
	/** Entries of a folder relative to the root (`''` is the root), or [] if it does not exist. */
	list(folder: string): Promise<SourceEntry[]>;
	/**
	 * A text file relative to the root, or undefined if it does not exist. Decoded as UTF-8, with
	 * U+FFFD for bytes that are not (as Node's and the browser's decoders do). Throws RefusedFile
	 * for a file it will not read.
	 */
	readText(path: string): Promise<string | undefined>;
	/**
	 * Reads an audio file: undefined if it does not exist; throws RefusedFile for a file it will
	 * not read, and another error if it cannot be decoded.
	 */
	analyseAudio(path: string): Promise<AudioAnalysis | undefined>;
}
