/*
 * What a chapter cue in `chapters.<lang>.vtt` carries, in a form a person can read and edit:
 *
 *   00:01:00.000 --> 00:04:30.000
 *   Arrival at Kengir
 *   Newcomers spent twenty days in quarantine before joining the camp.
 *   Keywords: Kengir; quarantine; Lithuanian prisoners
 *   Subjects: Political prisoners; Steplag
 *   Partial transcript: They asked us where we were from
 *   Link: https://example.org/steplag About Steplag
 *
 * The first line is the title; the lines after it that have no label are the synopsis; keywords
 * and subjects are separated by semicolons; a `Link:` line is a web address, then the words to
 * show for it. Only the title is required, so a plain chapter file (a title per cue) means what
 * it always did.
 */

/** A link of an index point (OHMS `<hyperlink>`): where it goes, and what it says. */
export interface ChapterLink {
	/** An http or https address, and nothing else (see webAddress). */
	url: string;
	text?: string;
}

export interface ChapterText {
	title: string;
	synopsis?: string;
	keywords?: string[];
	/** Headings of a controlled vocabulary (OHMS `<subjects>`), unlike the indexer's keywords. */
	subjects?: string[];
	/** The words with which the chapter begins (OHMS's "partial transcript"). */
	partialTranscript?: string;
	links?: ChapterLink[];
}

const KEYWORDS = 'Keywords:';
const SUBJECTS = 'Subjects:';
const PARTIAL = 'Partial transcript:';
const LINK = 'Link:';
const LABELS = [KEYWORDS, SUBJECTS, PARTIAL, LINK];

/**
 * The address as a link may carry it: http or https only, as the URL parser writes it (so with
 * no space in it); undefined for anything else (`javascript:`, `data:`, a relative path).
 */
export function webAddress(text: string): string | undefined {
	try {
		const url = new URL(text.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

const list = (text: string) => {
	const items = text
		.split(';')
		.map((k) => k.trim())
		.filter(Boolean);
	return items.length > 0 ? items : undefined;
};

/** Reads a chapter cue's text (see above). A `Link:` line that is no web address is synopsis. */
export function parseChapterText(text: string): ChapterText {
	const [title = '', ...rest] = text.split('\n').map((line) => line.trim());
	const chapter: ChapterText = { title };
	const synopsis: string[] = [];
	for (const line of rest) {
		if (line.startsWith(KEYWORDS)) {
			const keywords = list(line.slice(KEYWORDS.length));
			if (keywords) chapter.keywords = keywords;
		} else if (line.startsWith(SUBJECTS)) {
			const subjects = list(line.slice(SUBJECTS.length));
			if (subjects) chapter.subjects = subjects;
		} else if (line.startsWith(PARTIAL)) {
			const partial = line.slice(PARTIAL.length).trim();
			if (partial) chapter.partialTranscript = partial;
		} else if (line.startsWith(LINK) && readLink(line)) {
			(chapter.links ??= []).push(readLink(line)!);
		} else if (line) {
			synopsis.push(line);
		}
	}
	if (synopsis.length > 0) chapter.synopsis = synopsis.join('\n');
	return chapter;
}

function readLink(line: string): ChapterLink | undefined {
	const [address = '', ...words] = line.slice(LINK.length).trim().split(/\s+/);
	const url = webAddress(address);
	if (!url) return undefined;
	const text = words.join(' ');
	return text ? { url, text } : { url };
}

/** Writes a chapter cue's text (plain; escaping for WebVTT is the writer's job). */
export function formatChapterText(chapter: ChapterText): string {
	const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
	const lines = [oneLine(chapter.title)];
	if (chapter.synopsis) {
		// A synopsis line that began with a label would be read back as that label.
		lines.push(
			...chapter.synopsis
				.split('\n')
				.map(oneLine)
				.filter(Boolean)
				.map((l) => (LABELS.some((label) => l.startsWith(label)) ? `– ${l}` : l))
		);
	}
	if (chapter.keywords?.length)
		lines.push(`${KEYWORDS} ${chapter.keywords.map(oneLine).join('; ')}`);
	if (chapter.subjects?.length)
		lines.push(`${SUBJECTS} ${chapter.subjects.map(oneLine).join('; ')}`);
	if (chapter.partialTranscript) lines.push(`${PARTIAL} ${oneLine(chapter.partialTranscript)}`);
	for (const link of chapter.links ?? []) {
		const url = webAddress(link.url);
		if (url) lines.push(oneLine(`${LINK} ${url} ${link.text ?? ''}`));
	}
	return lines.join('\n');
}

/** The words a search should find a chapter by: title, synopsis, keywords and subjects. */
export function chapterSearchText(chapter: ChapterText): string {
	return [chapter.title, chapter.synopsis, ...(chapter.keywords ?? []), ...(chapter.subjects ?? [])]
		.filter(Boolean)
		.join('\n');
}
