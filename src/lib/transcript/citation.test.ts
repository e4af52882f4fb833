import { describe, expect, it } from 'vitest';
import {
	escapeMarkdown,
	formatCitation,
	formatMarkdownQuote,
	formatPlainQuote,
	timeRange,
	type CitationSource,
	type Passage
} from './citation.ts';

const source: CitationSource = {
	witness: 'Antanas Petrikonis',
	title: 'The Kengir uprising put down',
	collection: 'Memories of the Gulag',
	credit: 'INED Éditions, Sound Archives: European Memories of the Gulag',
	url: 'https://example.org/clips/petrikonis-kengir-suppression#t=83.2,107.5&lang=lt',
	accessed: new Date('2026-11-23T10:00:00Z'),
	locale: 'en',
	synthesized: true
};

const lithuanian: Passage = {
	lines: [
		'1954 m. birželio 26-osios rytą į zoną įvažiavo tankai.',
		'Vanda Valiutė matė, kas įvyko.'
	],
	lang: 'lt',
	speaker: 'Pasakotojas',
	start: 83.2,
	end: 107.5
};

describe('citations', () => {
	it('prints a time range as m:ss–m:ss, rounding the end up', () => {
		expect(timeRange(83.2, 107.5)).toBe('1:23–1:48');
		expect(timeRange(3600, 3661)).toBe('1:00:00–1:01:01');
	});

	it('cites witness, title, time range, collection, credit, URL and access date', () => {
		expect(formatCitation(lithuanian, source)).toBe(
			'Antanas Petrikonis, “The Kengir uprising put down” (synthesized narration), 1:23–1:48. Memories of the Gulag. INED Éditions, Sound Archives: European Memories of the Gulag. https://example.org/clips/petrikonis-kengir-suppression#t=83.2,107.5&lang=lt (accessed November 23, 2026).'
		);
		expect(formatCitation(lithuanian, { ...source, locale: 'fr', synthesized: false })).toContain(
			'« The Kengir uprising put down », 1:23–1:48'
		);
		expect(formatCitation(lithuanian, { ...source, locale: 'fr' })).toContain(
			'consulté le 23 novembre 2026'
		);
	});

	it('cites in Ukrainian and Lithuanian with their own quotation marks and dates', () => {
		expect(
			formatCitation(lithuanian, { ...source, locale: 'uk', title: 'Придушення повстання' })
		).toContain('«Придушення повстання» (синтезоване озвучення), 1:23–1:48');
		expect(formatCitation(lithuanian, { ...source, locale: 'uk' })).toContain(
			'(дата звернення: 23 листопада 2026 р.)'
		);
		const lt = formatCitation(lithuanian, {
			...source,
			locale: 'lt',
			title: 'Kengyro sukilimo numalšinimas'
		});
		expect(lt).toContain('„Kengyro sukilimo numalšinimas“ (sintezuotas įgarsinimas), 1:23–1:48');
		expect(lt).toContain('(žiūrėta 2026 m. lapkričio 23 d.)');
	});

	it('keeps every character of Lithuanian and Ukrainian text in plain quotes', () => {
		const ukrainian: Passage = {
			lines: ['Орест Яринич розповідає про в’язнів, які готували втечу.'],
			originalLines: ['Орест Яринич розповідає про в’язнів.'],
			lang: 'en',
			originalLang: 'uk',
			start: 5,
			end: 9
		};
		const plain = formatPlainQuote(ukrainian, source);
		expect(plain).toContain('Орест Яринич розповідає про в’язнів, які готували втечу.');
		expect(plain).toContain('[uk] Орест Яринич розповідає про в’язнів.');
		expect(formatPlainQuote(lithuanian, source).startsWith(lithuanian.lines.join(' '))).toBe(true);
	});

	it('writes Markdown block quotes whose text survives rendering', () => {
		const md = formatMarkdownQuote({ ...lithuanian, lines: ['*Kengyras* [1954]'] }, source);
		expect(md).toMatch(/^> \\\*Kengyras\\\* \\\[1954\\\]/);
		expect(md).toContain(`<${source.url}>`);
		expect(escapeMarkdown('Valiutė’s ąčęėįšųūž')).toBe('Valiutė’s ąčęėįšųūž');
	});
});
