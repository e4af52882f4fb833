import { describe, expect, test } from 'vitest';
import { continuesSentence, isHeading, prepareLines } from './prose.ts';
import { cuesFromLines } from './text.ts';

describe('isHeading', () => {
	test.each([
		['APPENDIX', 'SCIENTIST IN A JEEP', true],
		['PART TWO', 'The war years', true],
		['NOTE', 'the tape was changed here', true],
		['PRIEDAS', 'Mokslininkas', true],
		// A title in capitals after any name: three words or more, no punctuation.
		['SECTION B', 'THE CAMP', true],
		['SMITH', 'THE YEARS IN THE NORTH', true],
		// Speakers.
		['SMITH', 'Well, I was born in 1920.', false],
		['INTERVIEWER', 'OK', false],
		['SMITH', 'NO, NO, NO', false],
		['SMITH', 'I SAID NO.', false],
		['Orest Yarynich', 'We met at night.', false]
	])('%s: %s → %s', (name, rest, heading) => {
		expect(isHeading(name, rest)).toBe(heading);
	});

	test('in a transcript typed all in capitals, only the heading words count', () => {
		expect(isHeading('SMITH', 'THE YEARS IN THE NORTH', true)).toBe(false);
		expect(isHeading('APPENDIX', 'SCIENTIST IN A JEEP', true)).toBe(true);
	});
});

describe('continuesSentence', () => {
	test.each([
		['Ph.D.', 'in', true],
		['Ph.D.', 'Then', false],
		['Dr.', 'Jones', true],
		['J.', 'Edgar', true],
		['No.', '5', true],
		['m.', 'birželio', true],
		['1954', 'words', false],
		['“Really?”', 'he', true],
		['home.', 'Then', false],
		['home.', undefined, false],
		['years.', '1951', false]
	])('%s before %s → %s', (word, next, continues) => {
		expect(continuesSentence(word, next)).toBe(continues);
	});
});

describe('prepareLines', () => {
	const lines = [
		'SMITH: I took a Ph.D. in physics at the state university in the north, and then I went to work in the field for many years.',
		'APPENDIX: SCIENTIST IN A JEEP',
		'The jeep was old.'
	].map((text, i) => ({ text, line: i + 1 }));

	test('a heading becomes a paragraph of its own with no speaker; every word keeps its place', () => {
		const prepared = prepareLines(lines);
		const { cues, position } = cuesFromLines(prepared.lines, { sentences: true });
		expect(cues.map((c) => [c.speaker, prepared.restore(c.text)])).toEqual([
			['SMITH', lines[0]!.text.slice('SMITH: '.length)],
			[undefined, 'APPENDIX: SCIENTIST IN A JEEP'],
			[undefined, 'The jeep was old.']
		]);
		expect(prepared.headings).toEqual([{ ...lines[1], name: 'APPENDIX' }]);
		// Line 3, word 2 ("jeep") is the third cue's second word.
		expect(position(prepared.indexOf(2), 1)).toEqual({ cue: 2, word: 1, sameLine: true });
	});

	test('a text that holds one of the marks already is left as it is', () => {
		const marked = [{ text: 'APPENDIX: A \ue001 MARK IN IT', line: 1 }];
		const prepared = prepareLines(marked);
		expect(prepared.lines).toBe(marked);
		expect(prepared.restore('a \ue001')).toBe('a \ue001');
	});
});
