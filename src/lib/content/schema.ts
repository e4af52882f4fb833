import * as v from 'valibot';
import { UI_LANGUAGES } from '../i18n/languages.ts';
import { isKnownLanguage } from './languages.ts';

// Components still import the interface languages from here; their home is $lib/i18n/languages.

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const AUDIO_EXTENSIONS = ['mp3', 'ogg', 'oga', 'opus', 'flac', 'wav'] as const;
/** A recording's file name: in the clip's own folder, with an audio extension. */
export const AUDIO_NAME = new RegExp(`^[^/\\\\]+\\.(${AUDIO_EXTENSIONS.join('|')})$`, 'i');

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

/**
 * A text in English and French, and optionally in other languages: Ukrainian and Lithuanian
 * (interface languages, which show English where theirs is missing) or the original's.
 */
const Localized = v.objectWithRest({ en: Text, fr: Text }, Text);

const Provenance = v.strictObject({
	synthesized: v.boolean(),
	heldBy: Localized,
	credit: Text
});

export const ClipSchema = v.strictObject({
	title: Localized,
	witness: v.pipe(v.string(), v.regex(SLUG, 'must be a witness slug (a-z, 0-9, hyphens)')),
	language: Text,
	translations: v.array(Text),
	description: Localized,
	recorded: v.optional(v.strictObject({ date: v.optional(Text), place: v.optional(Text) })),
	duration: v.optional(v.pipe(v.number(), v.minValue(0.001, 'must be positive'))),
	audio: v.pipe(
		v.string(),
		v.regex(
			AUDIO_NAME,
			`must be a file name in the clip's folder ending in .${AUDIO_EXTENSIONS.join(', .')}`
		),
		// The name becomes part of the audio's address, where these would cut or garble it.
		v.regex(
			/^[^#%?]*$/,
			'must not contain #, % or ? (they break the address of the audio): rename the file'
		)
	),
	provenance: Provenance
});
export type ClipMetadata = v.InferOutput<typeof ClipSchema>;

const Witness = v.strictObject({
	name: Text,
	nativeName: v.optional(Text),
	/** The name as another language writes it (Lithuanian "Orestas Jarynyčius"), by language code. */
	names: v.optional(
		v.record(
			v.pipe(
				v.string(),
				v.check(isKnownLanguage, 'is not under a language code (such as uk or lt)')
			),
			Text
		)
	),
	/** For languages whose word for "witness" changes with it (Lithuanian liudytoja). */
	grammaticalGender: v.optional(v.picklist(['feminine', 'masculine'])),
	facts: v.strictObject({
		en: v.array(Text),
		fr: v.array(Text),
		// Interface languages that may fall back to English (see Localized above).
		uk: v.optional(v.array(Text)),
		lt: v.optional(v.array(Text))
	})
});

const Seconds = v.pipe(v.number(), v.minValue(1, 'must be at least 1 (seconds)'));
const ClipSlug = v.pipe(v.string(), v.regex(SLUG, 'must be a clip folder name'));
const UiLanguage = v.picklist(UI_LANGUAGES, `must be one of ${UI_LANGUAGES.join(', ')}`);

/** How the museum kiosk (/kiosk) behaves; every field has a default. */
export const KioskSchema = v.strictObject({
	/** Seconds without a touch, and with nothing playing, before "Are you still there?". */
	idleSeconds: v.optional(Seconds, 120),
	/** Seconds that question stays before the kiosk resets itself. */
	countdownSeconds: v.optional(Seconds, 20),
	/** Interface languages offered, in the order shown. */
	languages: v.optional(
		v.pipe(v.array(UiLanguage), v.minLength(1, 'must list at least one language')),
		[...UI_LANGUAGES]
	),
	defaultLanguage: v.optional(UiLanguage, 'en'),
	/** The clips shown, in this order; all of them when left out. */
	clips: v.optional(v.array(ClipSlug)),
	/** Lines the attract screen shows: a clip and a time inside one of its cues. */
	excerpts: v.optional(
		v.array(
			v.strictObject({
				clip: ClipSlug,
				at: v.pipe(v.number(), v.minValue(0, 'must not be negative'))
			})
		)
	)
});
export type KioskMetadata = v.InferOutput<typeof KioskSchema>;

export const CollectionSchema = v.strictObject({
	title: Localized,
	description: Localized,
	credit: Text,
	witnesses: v.record(v.pipe(v.string(), v.regex(SLUG, 'witness keys must be slugs')), Witness),
	kiosk: v.optional(KioskSchema, {})
});
export type CollectionMetadata = v.InferOutput<typeof CollectionSchema>;

/** Describes a schema issue in words an archivist can act on. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
	const path = v.getDotPath(issue);
	const field = path ? `"${path}"` : 'the file';
	if (issue.kind === 'schema' && issue.received === 'undefined') return `missing field ${field}`;
	if (issue.type === 'strict_object' && issue.input !== undefined && path) {
		return `unknown field ${field}`;
	}
	if (issue.kind === 'schema') {
		return `field ${field} should be ${issue.expected}, not ${issue.received}`;
	}
	return `field ${field} ${issue.message}`;
}
