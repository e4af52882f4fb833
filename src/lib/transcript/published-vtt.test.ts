import { describe, expect, it } from 'vitest';
import { parseVtt } from './vtt.ts';
import { withoutCueIdentifiers } from './published-vtt.ts';

const SOURCE = [
	'WEBVTT',
	'Kind: captions',
	'',
	'NOTE a note --- not a cue',
	'',
	'c1',
	'00:00:00.600 --> 00:00:05.937',
	'<v Narrator>The first line.',
	'',
	'00:00:06.000 --> 00:00:07.000 align:start',
	'No identifier here.',
	'',
	'intro 2',
	'00:00:07.500 --> 00:00:09.000',
	'c3',
	''
].join('\n');

describe('withoutCueIdentifiers', () => {
	it('drops each cue’s identifier and nothing else', () => {
		// The two identifiers, and only them: the note, the settings and a cue whose text looks
		// like an identifier stay.
		expect(withoutCueIdentifiers(SOURCE)).toBe(SOURCE.replace('c1\n', '').replace('intro 2\n', ''));
	});

	it('keeps the cues, their times and text, and Windows line ends', () => {
		const crlf = SOURCE.replace(/\n/g, '\r\n');
		const published = withoutCueIdentifiers(crlf);
		expect(published).not.toContain('c1\r\n');
		expect(published).toContain('\r\n');
		const before = parseVtt(SOURCE, 'en.vtt').cues.map(({ start, end, text }) => ({
			start,
			end,
			text
		}));
		const after = parseVtt(withoutCueIdentifiers(SOURCE), 'en.vtt').cues;
		expect(after.map(({ start, end, text }) => ({ start, end, text }))).toEqual(before);
		expect(after.every((cue) => cue.id === '')).toBe(true);
	});
});
