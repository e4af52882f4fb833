/*
 * What a chapter cue in `chapters.<lang>.vtt` carries, in a form a person can read and edit:
 *
 *   00:01:00.000 --> 00:04:30.000
 *   Arrival at Kengir
 *   Newcomers spent twenty days in quarantine before joining the camp.
 *   Keywords: Kengir; quarantine; Lithuanian prisoners
 *   Partial transcript: They asked us where we were from
 *
 * The first line is the title; the lines after it, up to a `Keywords:` or `Partial transcript:`
 * line, are the synopsis; keywords are separated by semicolons. Only the title is required, so a
 * plain chapter file (a title per cue) means what it always did.
 */

export interface ChapterText {
	title: string;
	synopsis?: string;
	keywords?: string[];
	/** The words with which the chapter begins (OHMS's "partial transcript"). */
	partialTranscript?: string;
}

const KEYWORDS = 'Keywords:';
const PARTIAL = 'Partial transcript:';

/** Reads a chapter cue's text (see above). */
export function parseChapterText(text: string): ChapterText {
	const [title = '', ...rest] = text.split('\n').map((line) => line.trim());
	const chapter: ChapterText = { title };
	const synopsis: string[] = [];
	for (const line of rest) {
		if (line.startsWith(KEYWORDS)) {
			const keywords = line
				.slice(KEYWORDS.length)
				.split(';')
				.map((k) => k.trim())
				.filter(Boolean);
			if (keywords.length > 0) chapter.keywords = keywords;
		} else if (line.startsWith(PARTIAL)) {
			const partial = line.slice(PARTIAL.length).trim();
			if (partial) chapter.partialTranscript = partial;
		} else if (line) {
			synopsis.push(line);
		}
	}
	if (synopsis.length > 0) chapter.synopsis = synopsis.join('\n');
	return chapter;
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
				.map((l) => (l.startsWith(KEYWORDS) || l.startsWith(PARTIAL) ? `– ${l}` : l))
		);
	}
	if (chapter.keywords?.length)
		lines.push(`${KEYWORDS} ${chapter.keywords.map(oneLine).join('; ')}`);
	if (chapter.partialTranscript) lines.push(`${PARTIAL} ${oneLine(chapter.partialTranscript)}`);
	return lines.join('\n');
}

/** The words a search should find a chapter by: title, synopsis and keywords. */
export function chapterSearchText(chapter: ChapterText): string {
	return [chapter.title, chapter.synopsis, ...(chapter.keywords ?? [])].filter(Boolean).join('\n');
}
