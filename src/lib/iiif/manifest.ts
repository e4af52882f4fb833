import type {
	AnnotationPage,
	Collection as IiifCollection,
	ContentResource,
	InternationalString,
	Manifest,
	MetadataItem,
	Range
} from '@iiif/presentation-3';
import type { Chapter, ClipEntry, Collection, Localized, TrackEntry } from '../content/types.ts';
import { mediaType } from '../content/media-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import type { Catalogue, MessageKey, PluralKey } from '../i18n/messages.ts';
import { translate, type MessageValues } from '../i18n/translate.ts';

/*
 * IIIF Presentation 3 manifests of the collection, so that IIIF viewers (Universal Viewer,
 * Avalon's Ramp, Aviary, Clover) can play a clip with its transcripts. Modelled on the IIIF
 * Cookbook's audio recipe (0002) and its caption-file recipe (0219): the audio paints a Canvas
 * that has the recording's duration, and each WebVTT is a `supplementing` annotation on it.
 */

const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** The interface catalogues: labels are given in every interface language. */
export type Catalogues = Partial<Record<UiLanguage, Catalogue>> & { en: Catalogue };

/** Absolute addresses of what a clip's manifest points at (the route resolves them). */
export interface ClipAddresses {
	manifest: string;
	/** The clip's page on the site. */
	page: string;
	/** A file of the clip's folder as published (`audio.mp3`, `lt.vtt`). */
	file: (name: string) => string;
	/** The plain-text transcript in one language. */
	text: (lang: string) => string;
	/** The collection's manifest. */
	collection: string;
	/** The site's home page. */
	home: string;
	/** The waveform as a PNG (see waveform-image.ts), and its size. */
	waveform: { id: string; width: number; height: number };
}

export interface CollectionAddresses {
	manifest: string;
	/** The site's home page. */
	home: string;
	/** Each clip's manifest. */
	clip: (slug: string) => string;
}

/*
 * The community types describe resources given in full; where the specification has a
 * reference with a label (homepage, partOf, a Collection's items), these say so.
 */
type Labelled<T> = T & { label: InternationalString };
/** A Manifest as a Collection lists it: id, type and label. */
export type ManifestReference = Pick<Manifest, 'id' | 'type' | 'label'>;
/** A Collection whose items are references to its Manifests. */
export type CollectionOfReferences = Omit<IiifCollection, 'items'> & { items: ManifestReference[] };

/** A web page about the resource, for `homepage`, in the languages its interface offers. */
const webPage = (
	id: string,
	label: InternationalString,
	catalogues: Catalogues
): Labelled<ContentResource> => ({
	id,
	type: 'Text',
	label,
	format: 'text/html',
	language: Object.keys(catalogues)
});

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * A text as a IIIF value that no viewer reads as HTML. Presentation 3 (§4.4) has a value that
 * starts with `<` and ends with `>` read as HTML: a title such as "<untitled>" would vanish,
 * and a hostile one could carry markup. Such a text goes out as HTML that shows it, escaped in
 * a `span`; any other text is left as it is.
 */
export function textValue(text: string): string {
	const trimmed = text.trim();
	if (!(trimmed.startsWith('<') && trimmed.endsWith('>'))) return text;
	return `<span>${text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!)}</span>`;
}

/** A language map of one text in no particular language (a name, a credit). */
const plain = (text: string): InternationalString => ({ none: [textValue(text)] });

/** A language map from texts given per language (titles, descriptions). */
function languageMap(texts: Localized | Record<string, string>): InternationalString {
	const map: InternationalString = {};
	for (const [lang, text] of Object.entries(texts)) if (text) map[lang] = [textValue(text)];
	return map;
}

/** A text written in every interface language, from that language's catalogue. */
function inEveryLanguage(
	catalogues: Catalogues,
	write: (catalogue: Catalogue, language: UiLanguage) => string
): InternationalString {
	const map: InternationalString = {};
	for (const [language, catalogue] of Object.entries(catalogues) as [UiLanguage, Catalogue][]) {
		map[language] = [textValue(write(catalogue, language))];
	}
	return map;
}

/** One message in every interface language. */
const message = (
	catalogues: Catalogues,
	key: Exclude<MessageKey, PluralKey>,
	values: (language: string) => MessageValues = () => ({})
) =>
	inEveryLanguage(catalogues, (catalogue, language) =>
		translate(catalogue, language, key, values(language))
	);

/**
 * The witness as catalogued (and in their own script) for any reader, and as a language writes
 * the name where it differs (Lithuanian "Orestas Jarynyčius"), for a viewer in that language.
 */
function witnessName(clip: ClipEntry): InternationalString {
	const catalogued = clip.witnessNativeName
		? `${clip.witnessName} (${clip.witnessNativeName})`
		: clip.witnessName;
	const map: InternationalString = { none: [textValue(catalogued)] };
	for (const [lang, name] of Object.entries(clip.witnessNames)) {
		if (name && name !== clip.witnessName && name !== clip.witnessNativeName) {
			map[lang] = [textValue(name)];
		}
	}
	return map;
}

/** The name of a language, in the language `inLanguage` ("Lithuanian", "lituanien"). */
function languageName(code: string, inLanguage: string): string {
	try {
		return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' }).of(code)!;
	} catch {
		return code;
	}
}

/**
 * A transcript's label in every interface language, and also under `none` (in English): some
 * viewers read only `none` (Ramp 3 takes `label.none[0]` of a rendering, and fails without it).
 */
function trackLabel(catalogues: Catalogues, track: TrackEntry): InternationalString {
	const label = message(
		catalogues,
		track.kind === 'captions' ? 'iiif.original' : 'iiif.translation',
		(language) => ({ language: languageName(track.lang, language) })
	);
	return { none: label.en!, ...label };
}

/**
 * The clip's chapters as Ranges over the Canvas. Chapter files in several languages that share
 * their times make one table of contents with a label in each language; otherwise each
 * language gets a table of its own.
 */
function structures(
	clip: ClipEntry,
	canvas: string,
	base: string,
	catalogues: Catalogues
): Range[] | undefined {
	const lists = Object.entries(clip.chapters).filter(([, chapters]) => chapters.length > 0);
	if (lists.length === 0) return undefined;
	const times = (chapters: Chapter[]) => chapters.map((c) => `${c.start},${c.end}`).join(' ');
	const shared = lists.every(([, chapters]) => times(chapters) === times(lists[0]![1]));
	const tables = shared ? [lists] : lists.map((list) => [list]);
	let next = 0;
	const id = () => `${base}/range/${++next}`;
	return tables.map((languages) => {
		const [, first] = languages[0]!;
		const table: Range = {
			id: id(),
			type: 'Range',
			label: message(catalogues, 'transcript.chapters'),
			items: first.map((chapter, index) => {
				const label: InternationalString = {};
				const summary: InternationalString = {};
				for (const [lang, chapters] of languages) {
					label[lang] = [textValue(chapters[index]!.title)];
					const synopsis = chapters[index]!.synopsis;
					if (synopsis) summary[lang] = [textValue(synopsis)];
				}
				return {
					id: id(),
					type: 'Range' as const,
					label,
					...(Object.keys(summary).length > 0 ? { summary } : {}),
					items: [{ id: `${canvas}#t=${chapter.start},${chapter.end}`, type: 'Canvas' as const }]
				};
			})
		};
		return table;
	});
}

/** The clip's metadata: witness, languages, date and place, holder, credit, collection. */
function clipMetadata(
	clip: ClipEntry,
	collection: Pick<Collection, 'title' | 'credit'>,
	catalogues: Catalogues
): MetadataItem[] {
	const metadata: MetadataItem[] = [
		{
			label: message(catalogues, 'clip.witness', () => ({ gender: clip.witnessGender })),
			value: witnessName(clip)
		},
		{
			label: message(catalogues, 'iiif.language'),
			value: inEveryLanguage(catalogues, (_, language) => languageName(clip.language, language))
		},
		{
			label: message(catalogues, 'clip.languages'),
			value: inEveryLanguage(catalogues, (_, language) =>
				clip.tracks.map((t) => languageName(t.lang, language)).join(', ')
			)
		}
	];
	const recorded = [clip.recorded?.date, clip.recorded?.place].filter(Boolean).join(', ');
	if (recorded)
		metadata.push({ label: message(catalogues, 'clip.recorded'), value: plain(recorded) });
	metadata.push(
		{
			label: message(catalogues, 'iiif.heldBy'),
			value: languageMap(clip.provenance.heldBy)
		},
		{ label: message(catalogues, 'iiif.credit'), value: plain(clip.provenance.credit) },
		{
			label: message(catalogues, 'iiif.collection'),
			value: languageMap(collection.title)
		}
	);
	return metadata;
}

/**
 * One labelled page per language, each with its WebVTT: a viewer lists the transcripts by name
 * (Clover merged them into one unlabelled list when they shared a page).
 */
function transcriptPages(
	clip: ClipEntry,
	canvas: string,
	at: ClipAddresses,
	catalogues: Catalogues
): AnnotationPage[] {
	return clip.tracks.map((track) => {
		const label = trackLabel(catalogues, track);
		return {
			id: `${canvas}/transcripts/${track.lang}`,
			type: 'AnnotationPage',
			label,
			items: [
				{
					id: `${canvas}/transcripts/${track.lang}/vtt`,
					type: 'Annotation',
					motivation: 'supplementing',
					body: {
						id: at.file(track.file),
						type: 'Text',
						format: 'text/vtt',
						language: [track.lang],
						label
					},
					target: canvas
				}
			]
		};
	});
}

/** The clip's IIIF Presentation 3 manifest. */
export function clipManifest(
	clip: ClipEntry,
	collection: Pick<Collection, 'title' | 'credit'>,
	at: ClipAddresses,
	catalogues: Catalogues
): Manifest {
	const base = at.page;
	const canvas = `${base}/canvas`;
	const pick = (texts: Localized, language: string) => texts[language] ?? texts.en;

	const metadata = clipMetadata(clip, collection, catalogues);

	// What a listener must be told wherever the clip is shown: the label the site's player
	// carries, word for word (whether the voice is synthesized, who holds the original, credit).
	const statement = inEveryLanguage(catalogues, (catalogue, language) => {
		const credit = translate(catalogue, language, 'clip.credit', {
			credit: clip.provenance.credit
		});
		if (!clip.provenance.synthesized) return credit;
		const heldBy = pick(clip.provenance.heldBy, language);
		const label = translate(catalogue, language, 'clip.synthesized', {
			heldBy,
			gender: clip.witnessGender
		});
		return `${label} ${credit}`;
	});

	const transcripts = transcriptPages(clip, canvas, at, catalogues);
	const ranges = structures(clip, canvas, base, catalogues);
	const collectionReference: Labelled<{ id: string; type: 'Collection' }> = {
		id: at.collection,
		type: 'Collection',
		label: languageMap(collection.title)
	};
	return {
		'@context': CONTEXT,
		id: at.manifest,
		type: 'Manifest',
		label: languageMap(clip.title),
		summary: languageMap(clip.description),
		metadata,
		requiredStatement: { label: message(catalogues, 'iiif.statementLabel'), value: statement },
		homepage: [webPage(at.page, languageMap(clip.title), catalogues)],
		// The waveform as its picture: viewers show one for the clip (the Universal Viewer asks).
		thumbnail: [{ ...at.waveform, type: 'Image', format: 'image/png' }],
		// Who publishes it: the archive, by its credit line, and its site.
		provider: [
			{
				id: at.home,
				type: 'Agent',
				label: plain(collection.credit),
				homepage: [webPage(at.home, languageMap(collection.title), catalogues)]
			}
		],
		// The plain-text transcripts, to read or download (the Cookbook's recipe 0017).
		rendering: clip.tracks.map((track) => ({
			id: at.text(track.lang),
			type: 'Text',
			label: trackLabel(catalogues, track),
			format: 'text/plain',
			language: [track.lang]
		})),
		partOf: [collectionReference],
		items: [
			{
				id: canvas,
				type: 'Canvas',
				label: languageMap(clip.title),
				duration: clip.duration,
				items: [
					{
						id: `${canvas}/page`,
						type: 'AnnotationPage',
						items: [
							{
								id: `${canvas}/page/audio`,
								type: 'Annotation',
								motivation: 'painting',
								body: {
									id: at.file(clip.audio),
									type: 'Sound',
									format: mediaType(clip.audio),
									duration: clip.duration
								},
								target: canvas
							}
						]
					}
				],
				annotations: transcripts
			}
		],
		...(ranges ? { structures: ranges } : {})
	};
}

/** The manifest of the whole collection: every clip's manifest, in the collection's order. */
export function collectionManifest(
	collection: Collection,
	at: CollectionAddresses,
	catalogues: Catalogues
): CollectionOfReferences {
	return {
		'@context': CONTEXT,
		id: at.manifest,
		type: 'Collection',
		label: languageMap(collection.title),
		summary: languageMap(collection.description),
		requiredStatement: {
			label: message(catalogues, 'iiif.credit'),
			value: message(catalogues, 'clip.credit', () => ({ credit: collection.credit }))
		},
		homepage: [webPage(at.home, languageMap(collection.title), catalogues)],
		items: collection.clips.map((clip) => ({
			id: at.clip(clip.slug),
			type: 'Manifest',
			label: languageMap(clip.title)
		}))
	};
}
