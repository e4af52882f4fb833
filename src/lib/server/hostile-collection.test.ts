import { execFileSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	truncateSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCollection } from '../content/collection.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { folderSource } from './content.ts';

/*
 * The collection-level red-team corpus (issue 21): each case changes a copy of
 * tests/fixtures/basic the way a careless or hostile contributor could (special files, links,
 * prototype names, broken JSON), loads it from disk as the build does, and pins the verdict.
 * The cases are built here rather than committed, because git cannot hold a pipe, and links
 * out of the collection depend on where it lies. The README's red-team table lists them.
 */

const BASE = 'tests/fixtures/basic';
const CLIP = 'transcripts/test-clip';

interface Case {
	/** Changes the collection in `dir`; `outside` is a folder beside it, outside the collection. */
	setup(dir: string, outside: string): void;
	/** Every problem as the build prints it, sorted; `<outside>` stands for that folder. */
	problems: string[];
}

const json = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const writeJson = (dir: string, file: string, value: unknown) =>
	writeFileSync(join(dir, file), JSON.stringify(value, null, '\t'));
/** Enough of clip.json and collection.json for the edits below. */
interface Json {
	translations: string[];
	title: Record<string, string>;
	witnesses: Record<string, unknown>;
	[field: string]: unknown;
}
const editJson = (file: string, edit: (value: Json) => void) => (dir: string) => {
	const value = json(dir, file);
	edit(value);
	writeJson(dir, file, value);
};
const fifo = (path: string) => execFileSync('mkfifo', [path]);
const clipFile = (dir: string, name: string) => join(dir, 'test-clip', name);

const CASES: Record<string, Case> = {
	// Special files, anywhere in the collection.
	'a FIFO beside the transcripts': {
		setup: (dir) => fifo(clipFile(dir, 'notes')),
		problems: [`${CLIP}/notes: warning: not read: a named pipe (FIFO), not a regular file`]
	},
	'a FIFO at the root': {
		setup: (dir) => fifo(join(dir, 'pipe')),
		problems: [`transcripts/pipe: warning: not read: a named pipe (FIFO), not a regular file`]
	},
	'a FIFO as a translation': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'fr.vtt'));
			fifo(clipFile(dir, 'fr.vtt'));
		},
		problems: [`${CLIP}/fr.vtt: error: not read: a named pipe (FIFO), not a regular file`]
	},
	'a FIFO as clip.json': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'clip.json'));
			fifo(clipFile(dir, 'clip.json'));
		},
		problems: [`${CLIP}/clip.json: error: not read: a named pipe (FIFO), not a regular file`]
	},
	'a FIFO as the audio': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'audio.mp3'));
			fifo(clipFile(dir, 'audio.mp3'));
		},
		problems: [`${CLIP}/audio.mp3: error: not read: a named pipe (FIFO), not a regular file`]
	},
	'a dangling symbolic link': {
		setup: (dir) => symlinkSync('gone.vtt', clipFile(dir, 'de.vtt')),
		problems: [
			`${CLIP}/de.vtt: warning: not read: a symbolic link to "gone.vtt", which does not exist`
		]
	},
	'a loop of symbolic links': {
		setup: (dir) => {
			symlinkSync('b', clipFile(dir, 'a'));
			symlinkSync('a', clipFile(dir, 'b'));
		},
		problems: [
			`${CLIP}/a: warning: not read: a loop of symbolic links`,
			`${CLIP}/b: warning: not read: a loop of symbolic links`
		]
	},
	'a transcript that is a folder': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'fr.vtt'));
			mkdirSync(clipFile(dir, 'fr.vtt'));
		},
		problems: [`${CLIP}/fr.vtt: error: not read: a folder, not a regular file`]
	},
	'chapters that are a folder': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'chapters.en.vtt'));
			mkdirSync(clipFile(dir, 'chapters.en.vtt'));
		},
		problems: [`${CLIP}/chapters.en.vtt: error: not read: a folder, not a regular file`]
	},
	'clip.json that is a folder': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'clip.json'));
			mkdirSync(clipFile(dir, 'clip.json'));
		},
		problems: [`${CLIP}/clip.json: error: not read: a folder, not a regular file`]
	},
	'collection.json that is a folder': {
		setup: (dir) => {
			unlinkSync(join(dir, 'collection.json'));
			mkdirSync(join(dir, 'collection.json'));
		},
		problems: ['transcripts/collection.json: error: not read: a folder, not a regular file']
	},
	'a transcript over the size limit': {
		// Sparse: 51 MB that take no room on the disk.
		setup: (dir) => truncateSync(clipFile(dir, 'fr.vtt'), 51 * 1024 * 1024),
		problems: [`${CLIP}/fr.vtt: error: not read: too large (51 MB; the limit is 50 MB per file)`]
	},

	// Links that leave the collection.
	'/dev/zero as a transcript': {
		setup: (dir) => {
			unlinkSync(clipFile(dir, 'fr.vtt'));
			symlinkSync('/dev/zero', clipFile(dir, 'fr.vtt'));
		},
		problems: [
			`${CLIP}/fr.vtt: error: refused: a link to /dev/zero, outside the collection (copy the file into the collection instead)`
		]
	},
	'a transcript linked to a file outside': {
		setup: (dir, outside) => {
			writeFileSync(join(outside, 'secret.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nSecret\n');
			unlinkSync(clipFile(dir, 'en.vtt'));
			symlinkSync(join(outside, 'secret.vtt'), clipFile(dir, 'en.vtt'));
		},
		problems: [
			`${CLIP}/en.vtt: error: refused: a link to <outside>/secret.vtt, outside the collection (copy the file into the collection instead)`
		]
	},
	'audio linked to a file outside': {
		setup: (dir, outside) => {
			cpSync(clipFile(dir, 'audio.mp3'), join(outside, 'audio.mp3'));
			unlinkSync(clipFile(dir, 'audio.mp3'));
			symlinkSync(join(outside, 'audio.mp3'), clipFile(dir, 'audio.mp3'));
		},
		problems: [
			`${CLIP}/audio.mp3: error: refused: a link to <outside>/audio.mp3, outside the collection (copy the file into the collection instead)`
		]
	},
	'a relative link climbing out': {
		setup: (dir, outside) => {
			writeFileSync(join(outside, 'notes.txt'), 'private');
			symlinkSync('../../outside/notes.txt', clipFile(dir, 'notes.txt'));
		},
		problems: [
			`${CLIP}/notes.txt: error: refused: a link to <outside>/notes.txt, outside the collection (copy the file into the collection instead)`
		]
	},
	'a clip folder linked from outside': {
		setup: (dir, outside) => {
			cpSync(join(dir, 'test-clip'), join(outside, 'other-clip'), { recursive: true });
			symlinkSync(join(outside, 'other-clip'), join(dir, 'other-clip'));
		},
		problems: [
			'transcripts/other-clip: error: refused: a link to <outside>/other-clip, outside the collection (copy the file into the collection instead)'
		]
	},
	'a clip folder linked inside the collection': {
		setup: (dir) => symlinkSync('test-clip', join(dir, 'same-clip')),
		problems: [
			'transcripts/same-clip: warning: not read: a symbolic link to a folder (a clip folder must be a real folder)'
		]
	},
	'a link to another file of the collection is read': {
		setup: (dir) => {
			mkdirSync(join(dir, '.shared'));
			cpSync(clipFile(dir, 'fr.vtt'), join(dir, '.shared', 'fr.vtt'));
			unlinkSync(clipFile(dir, 'fr.vtt'));
			symlinkSync('../.shared/fr.vtt', clipFile(dir, 'fr.vtt'));
		},
		problems: []
	},
	'a language code that climbs out': {
		setup: (dir, outside) => {
			writeFileSync(join(outside, 'x.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nRead\n');
			editJson('test-clip/clip.json', (clip) => {
				clip.translations.push('../../outside/x');
			})(dir);
		},
		problems: [`${CLIP}/clip.json:10:3: error: unknown language code "../../outside/x"`]
	},

	// Names of Object.prototype members.
	'a witness keyed "constructor"': {
		setup: (dir) => {
			editJson('collection.json', (c) => {
				Object.assign(c.witnesses, {
					constructor: {
						name: 'C',
						facts: { en: [], fr: [] }
					}
				});
			})(dir);
			editJson('test-clip/clip.json', (clip) => {
				clip.witness = 'constructor';
			})(dir);
		},
		problems: [
			// The clip's witness is not checked against a collection.json that does not load.
			'transcripts/collection.json:23:3: error: "constructor" cannot be used as a key (JavaScript reserves it, and it would be dropped): rename it'
		]
	},
	'a clip naming the witness "constructor"': {
		setup: editJson('test-clip/clip.json', (clip) => {
			clip.witness = 'constructor';
		}),
		problems: [
			`${CLIP}/clip.json:6:2: error: unknown witness "constructor": add it to transcripts/collection.json`
		]
	},
	'a witness keyed "prototype"': {
		setup: editJson('collection.json', (c) => {
			Object.assign(c.witnesses, { prototype: { name: 'P', facts: { en: [], fr: [] } } });
		}),
		problems: [
			'transcripts/collection.json:23:3: error: "prototype" cannot be used as a key (JavaScript reserves it, and it would be dropped): rename it'
		]
	},
	'a title with a "__proto__" key': {
		setup: (dir) => {
			const file = clipFile(dir, 'clip.json');
			const text = readFileSync(file, 'utf8').replace(
				'"en": "Test clip",',
				'"__proto__": "x", "en": "Test clip",'
			);
			writeFileSync(file, text);
		},
		problems: [
			`${CLIP}/clip.json:3:3: error: "__proto__" cannot be used as a key (JavaScript reserves it, and it would be dropped): rename it`
		]
	},
	'prototype names as words, titles and a clip folder': {
		setup: (dir) => {
			editJson('test-clip/clip.json', (clip) => {
				Object.assign(clip.title, { toString: 'toString', hasOwnProperty: 'hasOwnProperty' });
			})(dir);
			writeFileSync(
				clipFile(dir, 'en.vtt'),
				readFileSync(clipFile(dir, 'en.vtt'), 'utf8').replace(
					/\n\n(\d\d:\d\d:\d\d\.\d{3} --> [^\n]+)\n/,
					'\n\n$1\nconstructor prototype __proto__ toString hasOwnProperty '
				)
			);
			cpSync(join(dir, 'test-clip'), join(dir, 'constructor'), { recursive: true });
			cpSync(join(dir, 'test-clip'), join(dir, 'prototype'), { recursive: true });
		},
		problems: []
	},
	'language codes named like prototype members': {
		setup: editJson('test-clip/clip.json', (clip) => {
			clip.translations.push('constructor', 'toString', '__proto__');
		}),
		problems: [
			`${CLIP}/clip.json:10:3: error: unknown language code "constructor"`,
			`${CLIP}/clip.json:11:3: error: unknown language code "toString"`,
			`${CLIP}/clip.json:12:3: error: unknown language code "__proto__"`
		]
	},

	// The loader's other crashes.
	'an original transcript missing, with no translations': {
		setup: (dir) => {
			editJson('test-clip/clip.json', (clip) => {
				clip.translations = [];
			})(dir);
			unlinkSync(clipFile(dir, 'en.vtt'));
			unlinkSync(clipFile(dir, 'fr.vtt'));
		},
		problems: [`${CLIP}/clip.json:7:2: error: missing transcript ${CLIP}/en.vtt`]
	},
	'an audio file name with "#"': {
		setup: (dir) => {
			cpSync(clipFile(dir, 'audio.mp3'), clipFile(dir, 'audio#1.mp3'));
			editJson('test-clip/clip.json', (clip) => {
				clip.audio = 'audio#1.mp3';
			})(dir);
		},
		problems: [
			`${CLIP}/clip.json:15:2: error: field "audio" must not contain #, % or ? (they break the address of the audio): rename the file`
		]
	},
	'an audio file name with "%"': {
		setup: (dir) => {
			cpSync(clipFile(dir, 'audio.mp3'), clipFile(dir, 'audio%20.mp3'));
			editJson('test-clip/clip.json', (clip) => {
				clip.audio = 'audio%20.mp3';
			})(dir);
		},
		problems: [
			`${CLIP}/clip.json:15:2: error: field "audio" must not contain #, % or ? (they break the address of the audio): rename the file`
		]
	},
	'JSON nested 10,000 deep': {
		setup: (dir) => {
			const file = clipFile(dir, 'clip.json');
			const deep = '['.repeat(10_000) + ']'.repeat(10_000);
			writeFileSync(file, readFileSync(file, 'utf8').replace('"audio.mp3"', deep));
		},
		problems: [`${CLIP}/clip.json:13:110: error: invalid JSON: nested more than 100 deep`]
	},

	// Wrong lines and lost verdicts in JSON.
	'a key given twice': {
		setup: (dir) => {
			const file = clipFile(dir, 'clip.json');
			const text = readFileSync(file, 'utf8').replace(
				'"audio": "audio.mp3",',
				'"audio": "missing.mp3",\n\t"audio": "audio.mp3",'
			);
			writeFileSync(file, text);
		},
		problems: [
			`${CLIP}/clip.json:14:2: warning: "audio" is given twice (first on line 13): this later value is the one used`
		]
	},
	'a byte-order mark before clip.json': {
		setup: (dir) => {
			const file = clipFile(dir, 'clip.json');
			writeFileSync(file, '\ufeff' + readFileSync(file, 'utf8'));
		},
		problems: [
			`${CLIP}/clip.json:1:1: error: invalid JSON: a byte-order mark (U+FEFF): save the file as UTF-8 without BOM`
		]
	},
	'a no-break space in collection.json': {
		setup: (dir) => {
			const file = join(dir, 'collection.json');
			writeFileSync(file, readFileSync(file, 'utf8').replace('"title": {', '"title":\u00a0{'));
		},
		problems: [
			'transcripts/collection.json:2:10: error: invalid JSON: a no-break space (U+00A0): use an ordinary space'
		]
	},
	'a NUL byte in a transcript': {
		setup: (dir) => {
			const file = clipFile(dir, 'fr.vtt');
			writeFileSync(
				file,
				readFileSync(file, 'utf8').replace(/(\n[^\n]*-->[^\n]*\n[^\n]{3})/, '$1\0')
			);
		},
		problems: [
			`${CLIP}/fr.vtt:5:4: error: NUL character (a zero byte): the file is damaged, or not UTF-8 text`
		]
	}
};

describe('the hostile collection corpus', () => {
	let work: string | undefined;
	afterEach(() => {
		if (work) rmSync(work, { recursive: true, force: true });
		work = undefined;
	});

	for (const [name, expected] of Object.entries(CASES)) {
		it(name, async () => {
			work = mkdtempSync(join(tmpdir(), 'hostile-'));
			const dir = join(work, 'transcripts');
			const outside = join(work, 'outside');
			cpSync(BASE, dir, { recursive: true });
			mkdirSync(outside);
			expected.setup(dir, outside);
			const { problems } = await loadCollection({ ...folderSource(dir), root: 'transcripts' });
			const printed = sortProblems(problems)
				.map(formatProblem)
				.map((line) => line.replaceAll(outside, '<outside>'));
			expect(printed).toEqual(expected.problems);
		});
	}
});
