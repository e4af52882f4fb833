import { describe, expect, it } from 'vitest';
import type { Clip } from '../content/types.ts';
import { transcriptHeader } from './header.ts';

const narrated: Pick<Clip, 'title' | 'witnessNames' | 'witnessGender' | 'provenance'> = {
	title: {
		en: 'The Kengir uprising put down',
		fr: 'L’écrasement',
		lt: 'Kengyro sukilimo numalšinimas'
	},
	witnessNames: { en: 'Antanas Petrikonis', uk: 'Антанас Петриконіс' },
	provenance: {
		synthesized: true,
		heldBy: { en: 'the Sound Archives', fr: 'les Archives sonores' },
		credit: 'INED Éditions, Sound Archives: European Memories of the Gulag'
	}
};
const recorded = { ...narrated, provenance: { ...narrated.provenance, synthesized: false } };

describe('transcriptHeader', () => {
	it('gives a narration’s whole label in the transcript’s language', () => {
		expect(transcriptHeader(narrated, { lang: 'lt', kind: 'captions' })).toEqual([
			'Kengyro sukilimo numalšinimas',
			'Antanas Petrikonis',
			'Lietuvių (originalas)',
			'Sintezuotas šiam leidimui parašytos santraukos įgarsinimas, o ne liudytojo balsas.',
			'Originalų įrašą saugo: the Sound Archives.',
			'INED Éditions, Sound Archives: European Memories of the Gulag'
		]);
		const french = transcriptHeader(narrated, { lang: 'fr', kind: 'subtitles' });
		expect(french).toContain('Français (traduction)');
		expect(french).toContain(
			'Narration synthétisée d’un résumé rédigé pour cette édition, et non la voix du témoin.'
		);
		expect(french).toContain('L’enregistrement original est conservé par les Archives sonores.');
		const ukrainian = transcriptHeader(narrated, { lang: 'uk', kind: 'captions' });
		expect(ukrainian).toContain(
			'Синтезоване озвучення резюме, написаного для цього видання, а не голос свідка.'
		);
		expect(ukrainian[1], 'the name as Ukrainian writes it').toBe('Антанас Петриконіс');
	});

	it('says liudytoja in Lithuanian for a woman, liudytojas otherwise', () => {
		const woman = { ...narrated, witnessGender: 'feminine' as const };
		expect(transcriptHeader(woman, { lang: 'lt', kind: 'captions' })).toContain(
			'Sintezuotas šiam leidimui parašytos santraukos įgarsinimas, o ne liudytojos balsas.'
		);
		const man = { ...narrated, witnessGender: 'masculine' as const };
		expect(transcriptHeader(man, { lang: 'lt', kind: 'captions' })).toContain(
			'Sintezuotas šiam leidimui parašytos santraukos įgarsinimas, o ne liudytojo balsas.'
		);
	});

	it('falls back to English words for a language it has none for', () => {
		const header = transcriptHeader(narrated, { lang: 'pl', kind: 'subtitles' });
		expect(header[0]).toBe('The Kengir uprising put down');
		expect(header).toContain(
			'Synthesized narration of a summary written for this edition, not the voice of the witness.'
		);
		expect(header).toContain('The original recording is held by the Sound Archives.');
	});

	it('labels nothing in the transcript of a real recording', () => {
		const header = transcriptHeader(recorded, { lang: 'en', kind: 'captions' });
		expect(header).toEqual([
			'The Kengir uprising put down',
			'Antanas Petrikonis',
			'English (original)',
			'INED Éditions, Sound Archives: European Memories of the Gulag'
		]);
	});
});
