import { describe, expect, it } from 'vitest';
import {
	escapeMarkdown,
	formatCitation,
	formatMarkdownQuote,
	formatPlainQuote,
	quoteAuthor,
	speakerTurns,
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
/** The same clip as if it were the archive's own recording. */
const recorded: CitationSource = { ...source, synthesized: false };

const lithuanian: Passage = {
	lines: [
		{ speaker: 'Pasakotojas', text: '1954 m. birželio 26-osios rytą į zoną įvažiavo tankai.' },
		{ speaker: 'Pasakotojas', text: 'Vanda Valiutė matė, kas įvyko.' }
	],
	lang: 'lt',
	start: 83.2,
	end: 107.5
};

describe('citations', () => {
	it('prints a time range as m:ss–m:ss, rounding the end up', () => {
		expect(timeRange(83.2, 107.5)).toBe('1:23–1:48');
		expect(timeRange(3600, 3661)).toBe('1:00:00–1:01:01');
	});

	it('cites a narrated line as the edition’s narrator’s, with the witness as its subject', () => {
		expect(formatCitation(lithuanian, source)).toBe(
			'Narrator of the edition (synthesized narration; subject: Antanas Petrikonis), “The Kengir uprising put down”, 1:23–1:48. Memories of the Gulag. INED Éditions, Sound Archives: European Memories of the Gulag. https://example.org/clips/petrikonis-kengir-suppression#t=83.2,107.5&lang=lt (accessed November 23, 2026).'
		);
		expect(formatCitation(lithuanian, { ...source, locale: 'fr' })).toMatch(
			/^Narrateur de l’édition \(narration synthétisée ; sujet : Antanas Petrikonis\), « The Kengir uprising put down », 1:23–1:48\..*\(consulté le 23 novembre 2026\)\.$/
		);
		// Whatever the cue's speaker says, the witness is never the author of a narration.
		const asIfTheWitness = {
			...lithuanian,
			lines: [{ speaker: 'Antanas Petrikonis', text: 'Tankai.' }]
		};
		expect(formatCitation(asIfTheWitness, source)).not.toMatch(/^Antanas Petrikonis/);
	});

	it('cites a recorded line as its speaker’s, or else the witness’s', () => {
		const line = (speaker?: string): Passage => ({
			...lithuanian,
			lines: [{ speaker, text: 'Tankai.' }]
		});
		expect(formatCitation(line(undefined), recorded)).toMatch(
			/^Antanas Petrikonis, “The Kengir uprising put down”, 1:23–1:48\. /
		);
		expect(formatCitation(line('Antanas Petrikonis'), recorded)).toMatch(
			/^Antanas Petrikonis, “The Kengir/
		);
		expect(formatCitation(line('Interviewer'), recorded)).toMatch(
			/^Interviewer \(in the recording of Antanas Petrikonis\), “The Kengir/
		);
		expect(formatCitation(line('Intervieweuse'), { ...recorded, locale: 'fr' })).toMatch(
			/^Intervieweuse \(dans l’enregistrement du témoin Antanas Petrikonis\), « The Kengir/
		);
		// Two speakers, each named once; a line without one is the witness's.
		expect(
			quoteAuthor(recorded, ['Interviewer', undefined, 'Interviewer', 'Antanas Petrikonis'])
		).toBe('Interviewer and Antanas Petrikonis (in the recording of Antanas Petrikonis)');
	});

	it('names the media session’s artist by the same rule', () => {
		expect(quoteAuthor(source, [])).toBe(
			'Narrator of the edition (synthesized narration; subject: Antanas Petrikonis)'
		);
		expect(quoteAuthor(recorded, [])).toBe('Antanas Petrikonis');
	});

	it('cites in Ukrainian and Lithuanian with their own quotation marks and dates', () => {
		expect(
			formatCitation(lithuanian, { ...source, locale: 'uk', title: 'Придушення повстання' })
		).toContain(
			'Оповідач видання (синтезоване озвучення про запис, у якому свідчить Antanas Petrikonis), «Придушення повстання», 1:23–1:48'
		);
		expect(formatCitation(lithuanian, { ...source, locale: 'uk' })).toContain(
			'(дата звернення: 23 листопада 2026 р.)'
		);
		const lt = formatCitation(lithuanian, {
			...source,
			locale: 'lt',
			title: 'Kengyro sukilimo numalšinimas'
		});
		expect(lt).toContain(
			'Leidimo pasakotojas (sintezuotas įgarsinimas apie įrašą, kuriame liudija Antanas Petrikonis), „Kengyro sukilimo numalšinimas“, 1:23–1:48'
		);
		expect(lt).toContain('(žiūrėta 2026 m. lapkričio 23 d.)');
	});

	it('keeps every character of Lithuanian and Ukrainian text in plain quotes', () => {
		const ukrainian: Passage = {
			lines: [{ text: 'Орест Яринич розповідає про в’язнів, які готували втечу.' }],
			originalLines: [{ text: 'Орест Яринич розповідає про в’язнів.' }],
			lang: 'en',
			originalLang: 'uk',
			start: 5,
			end: 9
		};
		const plain = formatPlainQuote(ukrainian, source);
		expect(plain).toContain('Орест Яринич розповідає про в’язнів, які готували втечу.');
		expect(plain).toContain('[uk] Орест Яринич розповідає про в’язнів.');
	});

	it('names each speaker once per turn in a plain quote, the narrator included', () => {
		expect(formatPlainQuote(lithuanian, source)).toMatch(
			/^Pasakotojas: 1954 m\. birželio 26-osios rytą į zoną įvažiavo tankai\. Vanda Valiutė matė, kas įvyko\.\n\n— Narrator of the edition/
		);
		const dialogue: Passage = {
			...lithuanian,
			lines: [
				{ speaker: 'Interviewer', text: 'And then?' },
				{ text: 'Then the tanks came.' },
				{ text: 'At speed.' }
			],
			originalLines: [{ speaker: 'Klausėja', text: 'O tada?' }, { text: 'Tada atvažiavo tankai.' }],
			originalLang: 'lt'
		};
		expect(formatPlainQuote(dialogue, recorded)).toMatch(
			/^Interviewer: And then\?\nThen the tanks came\. At speed\.\n\n\[lt\] Klausėja: O tada\?\nTada atvažiavo tankai\.\n\n— Interviewer and Antanas Petrikonis \(in the recording of Antanas Petrikonis\), /
		);
		expect(speakerTurns(dialogue.lines).map((t) => t.texts.length)).toEqual([1, 2]);
	});

	it('writes Markdown block quotes whose text survives rendering', () => {
		const md = formatMarkdownQuote(
			{ ...lithuanian, lines: [{ speaker: 'Pasa*kotojas', text: '*Kengyras* [1954]' }] },
			source
		);
		expect(md).toMatch(/^> \*\*Pasa\\\*kotojas:\*\* \\\*Kengyras\\\* \\\[1954\\\]/);
		expect(md).toContain(`<${source.url}>`);
		expect(md).toContain('— Narrator of the edition (synthesized narration; subject: Antanas');
		expect(escapeMarkdown('Valiutė’s ąčęėįšųūž')).toBe('Valiutė’s ąčęėįšųūž');
	});
});
