import { describe, expect, test } from 'vitest';
import { DOCX_PARAGRAPHS, makeDocx } from '../../../tests/fixtures/import/docx.ts';
import { fixture } from './fixtures.ts';
import { parseDocx, parseText } from './untimed.ts';

describe('parseText', () => {
	test('turns NAME: prefixes into speakers and cuts long turns at sentence ends', () => {
		const { file, text } = fixture('transcript.txt');
		const { result, problems } = parseText(text, file);
		expect(problems).toEqual([]);
		expect(result.timed).toBe(false);
		expect(result.cues.map((c) => [c.speaker, c.line])).toEqual([
			['INTERVIEWER', 1],
			['INTERVIEWER', 1],
			['READER', 3],
			['READER', 3],
			['INTERVIEWER', 5],
			['READER', 8]
		]);
		expect(result.cues[4]!.text).toBe(
			'Now the second part begins. The line goes on here, in the same turn.'
		);
	});

	test('text without a name in a transcript that names speakers is worth a look', () => {
		const { problems } = parseText('Untitled.\n\nA: One.\n', 'x.txt');
		expect(problems).toEqual([
			{
				severity: 'warning',
				file: 'x.txt',
				line: 1,
				message: 'line without a speaker (NAME:) in a transcript that names speakers (A)'
			}
		]);
	});

	test('an empty file is an error', () => {
		expect(parseText('\n \n', 'e.txt').problems.map((p) => p.message)).toEqual([
			'no text in the file'
		]);
	});
});

describe('parseDocx', () => {
	test('reads a Word document paragraph by paragraph', async () => {
		const { result, problems } = await parseDocx(makeDocx(DOCX_PARAGRAPHS), 'interview.docx');
		expect(problems).toEqual([]);
		expect(result.source).toBe('docx');
		expect(result.cues.map((c) => [c.speaker, c.line, c.text])).toEqual([
			['INTERVIEWER', 1, 'This is a test recording, typed in a word processor.'],
			['READER', 2, 'The first line is read aloud. Then the second line follows it.'],
			['READER', 3, 'The reader goes on in a new paragraph, with no name before it.'],
			['INTERVIEWER', 5, 'And here the recording ends.']
		]);
	});

	test('a file that is not a Word document is an error', async () => {
		const { problems } = await parseDocx(new TextEncoder().encode('not a zip'), 'x.docx');
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				message: expect.stringMatching(/^not a readable \.docx file/)
			})
		]);
	});
});
