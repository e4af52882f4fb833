import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DOCX_PARAGRAPHS, makeDocx } from '../../../tests/fixtures/import/docx.ts';
import { MAX_TEXT_FILE_BYTES, MAX_XML_DEPTH } from '../content/limits.ts';
import { fixture } from './fixtures.ts';
import { CUE_BYTES } from './text.ts';
import { parseDocx, parseText, xmlShape } from './untimed.ts';

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

// Issue 29: within the build's limits, and in linear time and bounded memory.
describe('big and hostile texts', () => {
	test('a .txt of millions of short turns is refused where its WebVTT would pass the limit', () => {
		// Each line is a cue of its own, with a timing line: 12 MB of text, 70 MB of WebVTT.
		const text = 'A: x.\nB: y.\n'.repeat(1_000_000);
		const { result, problems } = parseText(text, 'turns.txt');
		expect(result.cues).toEqual([]);
		const line = Math.floor((MAX_TEXT_FILE_BYTES - 'WEBVTT\n'.length) / (CUE_BYTES + 1)) + 1;
		expect(problems).toEqual([
			{
				severity: 'error',
				file: 'turns.txt',
				line,
				message:
					"too much text for one clip: its WebVTT would pass the build's limit of 50 MB per file here: split the recording and its transcript into parts, and import each"
			}
		]);
	});

	test('lines are numbered as written, however many blank ones and line ends of any kind', () => {
		const { result } = parseText(`A: x.${'\n'.repeat(5_000_000)}B: y.\r\n\r\nz\rw`, 'x.txt');
		expect(result.cues.map((c) => [c.line, c.text])).toEqual([
			[1, 'x.'],
			[5_000_001, 'y.'],
			[5_000_003, 'z w']
		]);
	});
});

describe('Word documents past the limits', () => {
	/** A .docx of a body's XML (or of any document.xml), and other files. */
	const docx = (body: string | Uint8Array, more: Record<string, Uint8Array> = {}) => {
		const document =
			typeof body === 'string'
				? strToU8(
						'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
							'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
							`<w:body>${body}</w:body></w:document>`
					)
				: body;
		return zipSync({ ...more, 'word/document.xml': document }, { level: 1 });
	};
	const refusal = async (bytes: Uint8Array) => {
		const { result, problems } = await parseDocx(bytes, 'x.docx');
		expect(result.cues).toEqual([]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ severity: 'error', file: 'x.docx' });
		return problems[0]!.message;
	};

	test('one that unzips past the limit is refused while it is unzipped', async () => {
		// 50 KB that unzip to 51 MB (mammoth unzipped a 0.9 MB file to 300 MB, and ran out of memory).
		const bomb = docx(new Uint8Array(51 * 2 ** 20).fill(0x20));
		expect(bomb.length).toBeLessThan(100_000);
		expect(await refusal(bomb)).toBe(
			'not a readable .docx file: its text (word/document.xml and the other XML inside it) unzips to more than 50 MB, the most the import reads: save it as plain text (.txt) and import that, or split it'
		);
	});

	test(`one nesting elements deeper than ${MAX_XML_DEPTH} is refused`, async () => {
		// mammoth reads elements recursively: 10,000 levels overflowed the stack.
		const deep = (depth: number) =>
			'<w:p><w:r>' +
			'<w:ins>'.repeat(depth) +
			'<w:t>x</w:t>' +
			'</w:ins>'.repeat(depth) +
			'</w:r></w:p>';
		expect(await refusal(docx(deep(10_000)))).toBe(
			'not a readable .docx file: word/document.xml nests elements more than 100 deep, which Word never does: the file is damaged or was not made by a word processor (save it again from Word, or as plain text)'
		);
		// Document, body, paragraph, run, then the nested elements and the text's.
		await refusal(docx(deep(MAX_XML_DEPTH - 4)));
		const deepest = await parseDocx(docx(deep(MAX_XML_DEPTH - 5)), 'x.docx');
		expect(deepest.result.cues.map((c) => c.text)).toEqual(['x']);
	});

	test('one of a million paragraphs is refused before mammoth reads it', async () => {
		const million = docx('<w:p><w:r><w:t>A: x.</w:t></w:r></w:p>'.repeat(1_000_000));
		expect(await refusal(million)).toBe(
			'not a readable .docx file: it is too complex to read (more than 1,000,000 XML elements, attributes and texts): save it as plain text (.txt) and import that, or split it'
		);
	});

	test('one with more files inside than any Word document has is refused', async () => {
		const files = Object.fromEntries(
			Array.from({ length: 10_001 }, (_, i) => [`media/${i}.png`, new Uint8Array(1)])
		);
		expect(await refusal(docx('<w:p/>', files))).toBe(
			'not a readable .docx file: more than 10,000 files inside it, which no Word document has: the file is damaged or not a Word document (save it again from Word, or as plain text)'
		);
	});

	test('lists a thousand of mammoth’s messages at most', async () => {
		const unknown = Array.from({ length: 1001 }, (_, i) => `<w:x${i}/>`).join('');
		const { problems } = await parseDocx(
			docx(`<w:p>${unknown}<w:r><w:t>A.</w:t></w:r></w:p>`),
			'x.docx'
		);
		expect(problems).toHaveLength(1001);
		expect(problems[0]!.message).toBe('Word: An unrecognised element was ignored: w:x0');
		expect(problems.at(-1)!.message).toBe(
			'more than 1000 messages from Word: only the first 1000 are listed'
		);
	});
});

describe('xmlShape', () => {
	const shape = (xml: string) => xmlShape(strToU8(xml));

	test('counts depth, and nodes: elements, attributes, texts and the rest', () => {
		expect(shape('<?xml version="1.0"?><a x="1" y=\'2\'><b/><b><c></c></b></a>')).toEqual({
			depth: 3,
			nodes: 7
		});
		expect(shape('<a>x<b>y</b>z</a>')).toEqual({ depth: 2, nodes: 5 });
	});

	test('skips what a parser skips, and never ends a tag inside quotes', () => {
		expect(shape('<a><!-- <b><b> --><![CDATA[<b><b>]]><?pi <b>?><!DOCTYPE a></a>')).toEqual({
			depth: 1,
			nodes: 5
		});
		expect(shape('<a title="/>" alt=\'>\'><b></b></a>')).toEqual({ depth: 2, nodes: 4 });
	});

	test('stops counting past the limits', () => {
		expect(shape('<a>'.repeat(1000)).depth).toBe(MAX_XML_DEPTH + 1);
		expect(xmlShape(strToU8('<a/>'.repeat(1000)), 10).nodes).toBe(11);
	});
});

describe('headings and abbreviations in plain text', () => {
	test('a heading is no speaker, and "Ph.D." ends no cue', () => {
		const { result, problems } = parseText(
			'INTERVIEWER: Where did you study?\nSMITH: I took a Ph.D. in physics, then went north.\n\nAPPENDIX: SCIENTIST IN A JEEP\nSMITH: That was later.\n',
			'notes.txt'
		);
		expect(result.cues.map((c) => [c.speaker, c.text])).toEqual([
			['INTERVIEWER', 'Where did you study?'],
			['SMITH', 'I took a Ph.D. in physics, then went north.'],
			[undefined, 'APPENDIX: SCIENTIST IN A JEEP'],
			['SMITH', 'That was later.']
		]);
		expect(problems).toContainEqual(
			expect.objectContaining({
				line: 4,
				message:
					'"APPENDIX: SCIENTIST IN A JEEP" is read as a heading, not as the words of a speaker named "APPENDIX"'
			})
		);
	});
});
