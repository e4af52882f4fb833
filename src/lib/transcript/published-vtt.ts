/**
 * A WebVTT file as the site publishes it: the same cues, without their identifiers. Nothing of
 * the site reads them (a cue is found by its time), and Ramp 3, a IIIF viewer, refuses a whole
 * file whose identifiers are not numbers (`c1`, `intro`). The archive's own file keeps them.
 *
 * An identifier is the line just before a timing line (one with `-->`) at the start of a
 * block; the header block, notes, styles and regions are left as they are.
 */
export function withoutCueIdentifiers(vtt: string): string {
	const lines = vtt.split(/(?<=\n)/);
	const kept: string[] = [];
	let blockStart = false;
	let header = true;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const blank = line.trim() === '';
		if (blank) {
			blockStart = true;
			header = false;
			kept.push(line);
			continue;
		}
		const isIdentifier =
			blockStart && !header && !line.includes('-->') && (lines[i + 1] ?? '').includes('-->');
		blockStart = false;
		if (!isIdentifier) kept.push(line);
	}
	return kept.join('');
}
