import { nativeLanguageName } from '../content/languages.ts';
import type { Clip, Localized, Track } from '../content/types.ts';
import { forGender, type GenderForms } from '../i18n/messages.ts';

// (Apart from export.ts, which the clip page loads: only the build writes these headers.)

/** A downloaded transcript's words about itself, in the transcript's own language. */
const HEADER_WORDS: Record<
	string,
	{ original: string; translation: string; synthesized: string | GenderForms; heldBy: string }
> = {
	en: {
		original: 'original',
		translation: 'translation',
		synthesized:
			'Synthesized narration of a summary written for this edition, not the voice of the witness.',
		heldBy: 'The original recording is held by {heldBy}.'
	},
	fr: {
		original: 'original',
		translation: 'traduction',
		synthesized:
			'Narration synthétisée d’un résumé rédigé pour cette édition, et non la voix du témoin.',
		heldBy: 'L’enregistrement original est conservé par {heldBy}.'
	},
	// "Held by:" with a colon: the holder's name is given as written, in no grammatical case.
	uk: {
		original: 'оригінал',
		translation: 'переклад',
		synthesized: 'Синтезоване озвучення резюме, написаного для цього видання, а не голос свідка.',
		heldBy: 'Оригінальний запис зберігає: {heldBy}.'
	},
	lt: {
		original: 'originalas',
		translation: 'vertimas',
		// As the interface's label says it; a woman is a liudytoja (see GenderedKey).
		synthesized: {
			feminine:
				'Sintezuotas šiam leidimui parašytos santraukos įgarsinimas, o ne liudytojos balsas.',
			other: 'Sintezuotas šiam leidimui parašytos santraukos įgarsinimas, o ne liudytojo balsas.'
		},
		heldBy: 'Originalų įrašą saugo: {heldBy}.'
	},
	de: {
		original: 'Original',
		translation: 'Übersetzung',
		synthesized:
			'Synthetisch gesprochene Zusammenfassung, für diese Ausgabe geschrieben, nicht die Stimme der Zeugin oder des Zeugen.',
		heldBy: 'Die Originalaufnahme verwahrt: {heldBy}.'
	}
};

/**
 * The header of a downloaded transcript: title, witness, language, then, for a synthesized
 * narration, the whole label (not the witness's voice; who holds the original), and the
 * credit. In the transcript's language where we have its words, else in English.
 */
export function transcriptHeader(
	clip: Pick<Clip, 'title' | 'witnessNames' | 'witnessGender' | 'provenance'>,
	track: Pick<Track, 'lang' | 'kind'>
): string[] {
	const words =
		HEADER_WORDS[track.lang] ?? HEADER_WORDS[track.lang.split('-')[0]!] ?? HEADER_WORDS.en!;
	const inLanguage = (text: Localized) => text[track.lang] ?? text.en;
	const { provenance } = clip;
	return [
		inLanguage(clip.title),
		inLanguage(clip.witnessNames),
		`${nativeLanguageName(track.lang)} (${track.kind === 'captions' ? words.original : words.translation})`,
		...(provenance.synthesized
			? [
					forGender(words.synthesized, clip.witnessGender),
					words.heldBy.replace('{heldBy}', () => inLanguage(provenance.heldBy))
				]
			: []),
		provenance.credit
	];
}
