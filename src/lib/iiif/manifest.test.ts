import { normalize, serialize, serializeConfigPresentation3 } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import type {
	Annotation,
	ContentResource,
	InternationalString,
	Manifest,
	Range
} from '@iiif/presentation-3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAIN_CLIP, OTHER_ARCHIVE, SITE_FIXTURE } from '../../../tests/site-fixture.ts';
import { loadCollection } from '../content/collection.ts';
import type { ClipEntry, Collection } from '../content/types.ts';
import { fr } from '../i18n/fr.ts';
import { en } from '../i18n/messages.ts';
import { folderSource } from '../server/content.ts';
import {
	clipManifest,
	collectionManifest,
	textValue,
	type ClipAddresses,
	type CollectionAddresses
} from './manifest.ts';

const SITE = 'https://archive.example.org/memory';
const catalogues = { en, fr };

const clipAt = (clip: ClipEntry): ClipAddresses => ({
	manifest: `${SITE}/clips/${clip.slug}/manifest.json`,
	page: `${SITE}/clips/${clip.slug}`,
	file: (name) => `${SITE}/media/${clip.slug}/${name}`,
	text: (lang) => `${SITE}/clips/${clip.slug}/transcript-${lang}.txt`,
	collection: `${SITE}/manifest.json`,
	home: `${SITE}/`,
	waveform: { id: `${SITE}/clips/${clip.slug}/waveform.png`, width: 1200, height: 630 }
});
const collectionAt: CollectionAddresses = {
	manifest: `${SITE}/manifest.json`,
	home: `${SITE}/`,
	clip: (slug) => `${SITE}/clips/${slug}/manifest.json`
};

/** What @iiif/parser makes of a manifest: its strict checker's warnings, and a round trip. */
function parse(resource: object) {
	const state = { warnings: [] as string[] };
	if ((resource as { type: string }).type === 'Manifest') {
		presentation3StrictUpgrade(structuredClone(resource) as Manifest, state);
	}
	const normalized = normalize(structuredClone(resource));
	const again = serialize(
		{ mapping: normalized.mapping, entities: normalized.entities, requests: {} },
		normalized.resource,
		serializeConfigPresentation3
	);
	return { warnings: state.warnings, again };
}

const collections = await Promise.all(
	[SITE_FIXTURE, OTHER_ARCHIVE].map(async (folder) => ({
		folder,
		collection: (await loadCollection(folderSource(folder))).collection
	}))
);

describe('every manifest of the test collections', () => {
	// The parser reports some problems on the console rather than throwing: none may appear.
	let console: ReturnType<typeof vi.spyOn>[] = [];
	beforeEach(() => {
		console = [vi.spyOn(globalThis.console, 'warn'), vi.spyOn(globalThis.console, 'error')];
	});
	afterEach(() => {
		for (const spy of console) {
			expect(spy).not.toHaveBeenCalled();
			spy.mockRestore();
		}
	});

	for (const { folder, collection } of collections) {
		for (const clip of collection.clips) {
			it(`${folder}/${clip.slug}: parses with no warnings and round-trips unchanged`, () => {
				const manifest = clipManifest(clip, collection, clipAt(clip), catalogues);
				const { warnings, again } = parse(manifest);
				expect(warnings).toEqual([]);
				expect(again).toEqual(JSON.parse(JSON.stringify(manifest)));
			});
		}
		it(`${folder}: the collection parses with no warnings and round-trips unchanged`, () => {
			const manifest = collectionManifest(collection, collectionAt, catalogues);
			const { warnings, again } = parse(manifest);
			expect(warnings).toEqual([]);
			expect(again).toEqual(JSON.parse(JSON.stringify(manifest)));
		});
	}
});

describe('a clip’s manifest', () => {
	const { collection } = collections[0]!;
	const clip = collection.clips.find((c) => c.slug === MAIN_CLIP)!;
	const manifest = clipManifest(clip, collection, clipAt(clip), catalogues);
	const canvas = manifest.items[0]!;
	const canvasId = `${SITE}/clips/${MAIN_CLIP}/canvas`;

	it('is a Presentation 3 manifest with absolute addresses', () => {
		expect(manifest['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
		expect(manifest.id).toBe(`${SITE}/clips/${MAIN_CLIP}/manifest.json`);
		expect(manifest.label).toEqual({
			en: [clip.title.en],
			fr: [clip.title.fr],
			lt: [clip.title.lt],
			uk: [clip.title.uk]
		});
		expect(manifest.partOf).toEqual([
			expect.objectContaining({ id: `${SITE}/manifest.json`, type: 'Collection' })
		]);
	});

	it('has one Canvas with the recording’s duration, painted by the audio', () => {
		expect(manifest.items).toHaveLength(1);
		expect(canvas).toMatchObject({ id: canvasId, type: 'Canvas', duration: clip.duration });
		const painting = canvas.items![0]!.items![0] as Annotation;
		expect(painting).toMatchObject({
			motivation: 'painting',
			target: canvasId,
			body: {
				id: `${SITE}/media/${MAIN_CLIP}/audio.mp3`,
				type: 'Sound',
				format: 'audio/mpeg',
				duration: clip.duration
			}
		});
	});

	it('supplements the Canvas with each transcript and translation, with language and label', () => {
		// One page per language, labelled as its transcript is.
		const pages = canvas.annotations!;
		expect(pages.map((page) => page.id)).toEqual(
			['lt', 'en', 'fr'].map((lang) => `${canvasId}/transcripts/${lang}`)
		);
		expect(pages.map((page) => page.label!.en)).toEqual([
			['Transcript: Lithuanian (original)'],
			['Translation: English'],
			['Translation: French']
		]);
		const annotations = pages.flatMap((page) => page.items as Annotation[]);
		expect(annotations.map((a) => a.motivation)).toEqual([
			'supplementing',
			'supplementing',
			'supplementing'
		]);
		expect(annotations.map((a) => a.target)).toEqual([canvasId, canvasId, canvasId]);
		const bodies = annotations.map((a) => a.body as ContentResource & Record<string, unknown>);
		expect(bodies.map((b) => [b.id, b.type, b.format, b.language])).toEqual([
			[`${SITE}/media/${MAIN_CLIP}/lt.vtt`, 'Text', 'text/vtt', ['lt']],
			[`${SITE}/media/${MAIN_CLIP}/en.vtt`, 'Text', 'text/vtt', ['en']],
			[`${SITE}/media/${MAIN_CLIP}/fr.vtt`, 'Text', 'text/vtt', ['fr']]
		]);
		// Under `none` too, in English: Ramp reads only that one.
		expect(bodies.map((b) => b.label)).toEqual([
			{
				none: ['Transcript: Lithuanian (original)'],
				en: ['Transcript: Lithuanian (original)'],
				fr: ['Transcription : lituanien (original)']
			},
			{
				none: ['Translation: English'],
				en: ['Translation: English'],
				fr: ['Traduction : anglais']
			},
			{ none: ['Translation: French'], en: ['Translation: French'], fr: ['Traduction : français'] }
		]);
		expect(
			manifest.rendering!.map((r) => (r as unknown as { label: InternationalString }).label.none)
		).toEqual([
			['Transcript: Lithuanian (original)'],
			['Translation: English'],
			['Translation: French']
		]);
	});

	it('names the Canvas, the publisher and the languages of the clip’s page', () => {
		expect(canvas.label).toEqual(manifest.label);
		expect(manifest.thumbnail).toEqual([
			{
				id: `${SITE}/clips/${MAIN_CLIP}/waveform.png`,
				type: 'Image',
				format: 'image/png',
				width: 1200,
				height: 630
			}
		]);
		expect(manifest.provider).toEqual([
			{
				id: `${SITE}/`,
				type: 'Agent',
				label: { none: [collection.credit] },
				homepage: [expect.objectContaining({ id: `${SITE}/`, format: 'text/html' })]
			}
		]);
		expect(manifest.homepage![0]).toMatchObject({
			id: `${SITE}/clips/${MAIN_CLIP}`,
			language: ['en', 'fr']
		});
	});

	it('has the chapters as Ranges over the Canvas, labelled in each language of the chapters', () => {
		const [table, ...others] = manifest.structures!;
		expect(others).toEqual([]);
		const chapters = table!.items as Range[];
		expect(chapters).toHaveLength(clip.chapters.en!.length);
		expect(chapters[0]!.label).toEqual({
			en: [clip.chapters.en![0]!.title],
			fr: [clip.chapters.fr![0]!.title],
			lt: [clip.chapters.lt![0]!.title]
		});
		const { start, end } = clip.chapters.en![1]!;
		expect(chapters[1]!.items).toEqual([{ id: `${canvasId}#t=${start},${end}`, type: 'Canvas' }]);
	});

	it('gives each language its own table when the chapter files’ times differ', () => {
		const [first, ...rest] = clip.chapters.en!;
		const uneven: ClipEntry = {
			...clip,
			chapters: { en: [{ ...first!, end: first!.end - 1 }, ...rest], lt: clip.chapters.lt! }
		};
		const tables = clipManifest(uneven, collection, clipAt(uneven), catalogues).structures!;
		expect(tables.map((t) => Object.keys((t.items![0] as Range).label!))).toEqual([['en'], ['lt']]);
		expect(parse(clipManifest(uneven, collection, clipAt(uneven), catalogues)).warnings).toEqual(
			[]
		);
	});

	it('says in plain words, as a required statement, that the voice is synthesized', () => {
		expect(manifest.requiredStatement!.value.en![0]).toBe(
			'Synthesized narration of a summary written for this edition, not the voice of the witness. ' +
				'The original recording is held by its archive. ' +
				'Source: INED Éditions, Sound Archives: European Memories of the Gulag.'
		);
		expect(manifest.requiredStatement!.value.fr![0]).toMatch(
			/^Narration synthétisée .* ses archives\./
		);
		const recorded = collection.clips.find((c) => !c.provenance.synthesized)!;
		const statement = clipManifest(recorded, collection, clipAt(recorded), catalogues)
			.requiredStatement!.value.en![0];
		expect(statement).toBe(`Source: ${recorded.provenance.credit}.`);
	});

	it('lists the witness, the languages, the holder and the credit as metadata', () => {
		const rows = Object.fromEntries(
			manifest.metadata!.map((row) => [row.label.en![0], row.value.en ?? row.value.none])
		);
		expect(rows).toMatchObject({
			Witness: ['Antanas Petrikonis'],
			'Language of the recording': ['Lithuanian'],
			'Transcript languages': ['Lithuanian, English, French'],
			'Original recording held by': ['its archive'],
			Credit: [clip.provenance.credit],
			Collection: [collection.title.en]
		});
	});
});

describe('texts a viewer could read as HTML', () => {
	it('go out as HTML that shows them, not as markup', () => {
		expect(textValue('<untitled>')).toBe('<span>&lt;untitled&gt;</span>');
		expect(textValue(' <b onclick="x()">bold</b> ')).toBe(
			'<span> &lt;b onclick="x()"&gt;bold&lt;/b&gt; </span>'
		);
		// Text that does not both start with < and end with > is never read as HTML: as it is.
		expect(textValue('a <b> tag')).toBe('a <b> tag');
		expect(textValue('<3 & more')).toBe('<3 & more');
	});

	it('in every place a manifest shows the collection’s words', () => {
		const { collection } = collections[0]!;
		const clip = collection.clips[0]!;
		const hostile: ClipEntry = {
			...clip,
			title: { en: '<img src=x onerror=alert(1)>' },
			description: { en: '<i>summary</i>' },
			witnessName: '<b>name</b>',
			witnessNames: { en: '<b>name</b>' },
			provenance: { ...clip.provenance, credit: '<a href="javascript:x">credit</a>' }
		};
		const manifest = clipManifest(hostile, collection, clipAt(hostile), catalogues);
		// Every text a viewer would read as HTML is one escaped span: nothing else is markup.
		const texts: string[] = [];
		JSON.stringify(manifest, (_, value) => (typeof value === 'string' && texts.push(value), value));
		const html = texts.filter((text) => /^\s*<[^]*>\s*$/.test(text));
		expect(html.length).toBeGreaterThanOrEqual(4);
		for (const text of html) expect(text).toMatch(/^<span>[^<>]*<\/span>$/);
		const json = JSON.stringify(manifest);
		expect(json).toContain('<span>&lt;img src=x onerror=alert(1)&gt;</span>');
	});
});

describe('the collection manifest', () => {
	const { collection } = collections[0]!;
	it('lists every clip’s manifest in the collection’s order', () => {
		const manifest = collectionManifest(collection as Collection, collectionAt, catalogues);
		expect(manifest.id).toBe(`${SITE}/manifest.json`);
		expect(manifest.items.map((item) => item.id)).toEqual(
			collection.clips.map((c) => `${SITE}/clips/${c.slug}/manifest.json`)
		);
		expect(manifest.items.every((item) => item.type === 'Manifest')).toBe(true);
	});
});
