import type { UiLanguage } from './languages.ts';
import type { AnyPluralForms, PluralForms } from './plural.ts';

/**
 * The interface's words. English is the reference: every other catalogue must have exactly
 * the same keys (TypeScript checks it). `{name}` marks a value filled in at run time. A
 * message that counts something is an object of plural forms, chosen by the number `{count}`
 * (see plural.ts): every language gives the forms its grammar needs.
 */
export const en = {
	'site.skip': 'Skip to main content',
	'site.language': 'Interface language',
	'site.footer': 'Facts and recordings: {credit}.',
	'site.footerFacts': 'Facts: {credit}.',
	'site.footerRecording': 'Original recording held by {heldBy}. Credit: {credit}.',
	'site.footerHeld': 'Original recording held by {heldBy}.',
	'site.footerNarration':
		'Facts: {credit}. Narration written and synthesized for this edition; the original recording is held by {heldBy}.',
	'home.witnesses': 'Witnesses',
	'clip.witness': 'Witness',
	'clip.duration': 'Duration',
	'clip.languages': 'Transcript languages',
	'clip.recorded': 'Recorded',
	'clip.transcript': 'Transcript',
	'clip.original': 'original',
	'clip.synthesized':
		'Synthesized narration of a summary written for this edition, not the voice of the witness. The original recording is held by {heldBy}.',
	'clip.credit': 'Source: {credit}.',
	'clip.heldBy': 'The original recording is held by {heldBy}.',
	'clip.waveformImage': 'The waveform of the recording',
	'clip.synthesizedShort': 'Synthesized narration, not the witness’s voice',
	'clip.provenance': 'Where this recording comes from',
	'clip.noAudioSupport': 'Your browser cannot play this audio.',
	'clip.all': 'All recordings',
	'clip.more': 'Other recordings of {witness}',
	'clip.moreAbout': 'Other recordings about {witness}',
	'clip.about': 'About this recording',
	'clip.details': 'Details',
	'iiif.link': 'IIIF manifest',
	'iiif.original': 'Transcript: {language} (original)',
	'iiif.translation': 'Translation: {language}',
	'iiif.language': 'Language of the recording',
	'iiif.heldBy': 'Original recording held by',
	'iiif.credit': 'Credit',
	'iiif.collection': 'Collection',
	'iiif.statementLabel': 'About this recording',
	'embed.button': 'Embed',
	'embed.clip': 'Code to show this recording in another web page',
	'embed.passage': 'Code to show the passage {start}–{end} in another web page',
	'embed.copy': 'Copy the code',
	'embed.copied': 'Copied',
	'embed.frameTitle': '{title}, {witness}: player and transcript',
	'embed.open': 'Open this recording on {site}',
	'embed.passageOnly': 'Passage {start}–{end}',
	'player.region': 'Player and transcript',
	'player.play': 'Play',
	'player.pause': 'Pause',
	'player.back10': 'Back 10 seconds',
	'player.forward10': 'Forward 10 seconds',
	'player.previousLine': 'Previous line',
	'player.nextLine': 'Next line',
	'player.speed': 'Speed',
	'player.volume': 'Volume',
	'player.mute': 'Mute',
	'player.unmute': 'Unmute',
	'player.position': '{time} of {duration}',
	'player.waveform': 'Position in the recording',
	'player.buffering': 'Loading audio…',
	'player.unreachable':
		'The recording could not be loaded. The transcript below remains readable, and clicking a line still marks it. Press play to try again.',
	'player.interrupted':
		'Playback was interrupted: the audio could not be read. The transcript below remains available.',
	'player.stalled':
		'The audio has stopped arriving: the connection may be down. It will go on by itself when the connection returns; the transcript below remains available.',
	'player.waveformMissing':
		'The waveform could not be loaded; the recording and the transcript work without it, and it will appear when the connection returns.',
	'player.shortcuts': 'Keyboard shortcuts',
	'player.close': 'Close',
	'player.more': 'More controls',
	'player.shortcutsIntro':
		'These keys work anywhere on the page, never while typing in a field or in a dialog such as this one.',
	'player.shortcutsEnabled': 'Single-key shortcuts on',
	'key.toggle': 'Play or pause',
	'key.back': 'Back 10 seconds',
	'key.forward': 'Forward 10 seconds',
	'key.lines': 'Move between transcript lines',
	'key.slider': 'On the waveform: 5 seconds back or forward',
	'key.sliderPage': 'On the waveform: previous or next line',
	'key.sliderEnds': 'On the waveform: start or end',
	'key.help': 'Show this list',
	'key.captions': 'Show or hide the captions view',
	'key.space':
		'Inside the player and transcript, Space also plays or pauses (except on a button or link); elsewhere it scrolls the page.',
	'key.remapIntro': 'To change a key, type the new one in its box.',
	'key.for': 'Key for “{action}”',
	'key.reset': 'Restore the default keys',
	'key.changed': '“{action}” is now the key “{key}”.',
	'key.problem.empty': 'Type one character; until then the key stays “{key}”.',
	'key.problem.notOneCharacter': 'One character only; the key stays “{key}”.',
	'key.problem.space': 'Space always plays or pauses; the key stays “{key}”.',
	'key.problem.taken': '“{typed}” is already used for “{other}”; the key stays “{key}”.',
	'site.skipToPlayer': 'Skip to the player',
	'theme.label': 'Theme',
	'theme.system': 'As on this device',
	'theme.light': 'Light',
	'theme.dark': 'Dark',
	'theme.contrast': 'High contrast',
	'player.captions': 'Captions view',
	'captions.title': 'Captions',
	'captions.settings': 'Caption settings',
	'captions.size': 'Text size',
	'captions.size0': 'Small',
	'captions.size1': 'Medium',
	'captions.size2': 'Large',
	'captions.size3': 'Very large',
	'captions.size4': 'Largest',
	'captions.spacing': 'Line spacing',
	'captions.spacing.normal': 'Normal',
	'captions.spacing.relaxed': 'Wider',
	'captions.spacing.loose': 'Widest',
	'captions.stacked': 'Show the original above the translation',
	'captions.announce': 'Read each new caption aloud with my screen reader',
	'transcript.language': 'Transcript language',
	'transcript.languageShort': 'Language',
	'transcript.parallel': 'Show the original alongside',
	'transcript.follow': 'Back to current line',
	'transcript.download': 'Download transcript',
	'transcript.downloadVtt': '{language} (WebVTT)',
	'transcript.downloadText': '{language} (text)',
	'transcript.index': {
		one: 'Index of the recording ({count} part)',
		other: 'Index of the recording ({count} parts)'
	},
	'transcript.keywords': 'Keywords',
	'transcript.subjects': 'Subjects:',
	'transcript.partialTranscript': 'Partial transcript:',
	'transcript.links': 'Links',
	'transcript.chapters': 'Chapters',
	'transcript.linkTo': 'Link to the line at {time}',
	'transcript.selected': 'selected',
	'quote.title': 'Selected passage',
	'quote.citation': 'Citation',
	'quote.copyText': 'Copy quotation',
	'quote.copyMarkdown': 'Copy as Markdown',
	'quote.copyLink': 'Copy link',
	'quote.copied': 'Copied to the clipboard.',
	'quote.copyFailed': 'Could not copy: select the text above and copy it by hand.',
	'quote.play': 'Play passage',
	'quote.keepListening': 'Keep listening after the passage',
	'quote.print': 'Print passage',
	'quote.clear': 'Clear selection',
	'link.ignored':
		'The time in this link could not be used ({reason}), so the recording starts at the beginning.',
	'link.dismiss': 'Dismiss',
	'link.malformed': 'it is not a valid time',
	'link.reversed': 'the passage ends before it begins',
	'link.past-end': 'it is after the end of the recording',
	'nav.label': 'Site',
	'nav.search': 'Search',
	'nav.about': 'About',
	'nav.accessibility': 'Accessibility',
	'nav.menu': 'Menu',
	'search.title': 'Search the transcripts',
	'search.label': 'Words to find',
	'search.submit': 'Search',
	'search.hint':
		'Every transcript and translation, in every language. Accents, apostrophes and letter case do not matter; word endings may differ (Kengir finds Kengyro).',
	'search.noscript':
		'Search needs JavaScript. Every transcript can also be read, and searched with the browser, on its recording’s page.',
	'search.synthesized': 'Synthesized narration, not the witness’s voice',
	'search.searching': 'Searching…',
	'search.none': 'Nothing found for “{query}”.',
	'search.count': {
		one: '{count} line found for “{query}”.',
		other: '{count} lines found for “{query}”.'
	},
	'search.countLimited': {
		one: '{count} line found for “{query}”; the first {shown} are shown.',
		other: '{count} lines found for “{query}”; the first {shown} are shown.'
	},
	'search.failed': 'The search index could not be loaded. Check the connection and try again.',
	'search.capped': {
		one: 'Only the first word was searched; the rest of the query was left out.',
		other:
			'Only the first {count} different words were searched; the rest of the query was left out.'
	},
	'notFound.title': 'Page not found',
	'notFound.text':
		'There is no page at this address. The link may be mistyped, or the page may have moved.',
	'witness.clips': 'Recordings',
	'witness.facts': 'About the witness',
	'find.label': 'Find in transcript',
	'find.open': 'Find',
	'find.previous': 'Previous match',
	'find.next': 'Next match',
	'find.count': '{current} of {count}',
	'find.none': 'No match',
	'about.title': 'About this collection',
	'accessibility.title': 'Accessibility statement',
	'kiosk.begin': 'Touch the screen to listen',
	'kiosk.synthesized':
		'Synthesized narration of a summary written for this edition, not the witness’s voice',
	'kiosk.choose': 'Choose a recording',
	'kiosk.home': 'All recordings',
	'kiosk.captions': 'Captions',
	'kiosk.captionsOn': 'Captions on',
	'kiosk.captionsOff': 'Captions off',
	'kiosk.smaller': 'Smaller text',
	'kiosk.larger': 'Larger text',
	'kiosk.stillThere': 'Are you still there?',
	'kiosk.resetIn': {
		one: 'The screen will return to the start in {count} second.',
		other: 'The screen will return to the start in {count} seconds.'
	},
	'kiosk.continue': 'Continue',
	'kiosk.audioFailed':
		'This recording cannot be played at the moment. Returning to the recordings…',
	'kiosk.minutes': { one: '{count} min', other: '{count} min' },
	'kiosk.staff': 'For staff',
	'kiosk.offlineStoring': 'Offline copy: saving…',
	'kiosk.offlineStored': 'Offline copy: ready',
	'kiosk.offlineFailed': 'Offline copy failed, so the kiosk needs the network: {reason}',
	'kiosk.offlineRetry': 'Try again'
} as const;

export type MessageKey = keyof typeof en;

/** The messages that count something: their values must include the number `count`. */
export type PluralKey = {
	[K in MessageKey]: (typeof en)[K] extends string ? never : K;
}[MessageKey];

/**
 * The grammatical gender of a witness, for languages whose word for "witness" changes with it
 * (Lithuanian liudytojas, liudytoja). Only grammar uses it.
 */
export type GrammaticalGender = 'feminine' | 'masculine';

/**
 * The messages that speak of one witness. Their values must include the witness's `gender`
 * (undefined where the collection does not record it); a language that needs to may give such a
 * message as `{ feminine, other }`, and `other` serves a man and an unrecorded gender.
 */
export const GENDERED_KEYS = [
	'clip.witness',
	'clip.synthesized',
	'clip.synthesizedShort',
	'search.synthesized',
	'kiosk.synthesized'
] as const satisfies readonly MessageKey[];
export type GenderedKey = (typeof GENDERED_KEYS)[number];

export interface GenderForms {
	readonly feminine: string;
	readonly other: string;
}

/** A message about one witness in the form for their gender (the message itself if it has one form). */
export const forGender = (message: string | GenderForms, gender: GrammaticalGender | undefined) =>
	typeof message === 'string' ? message : gender === 'feminine' ? message.feminine : message.other;

/** What one language's catalogue must define: every key, and each plural in its own forms. */
export type CatalogueOf<L extends UiLanguage> = {
	readonly [K in MessageKey]: K extends PluralKey
		? PluralForms<L>
		: K extends GenderedKey
			? string | GenderForms
			: string;
};

/** Any language's catalogue, as the lookup sees it. */
export type Catalogue = {
	readonly [K in MessageKey]: K extends PluralKey
		? AnyPluralForms
		: K extends GenderedKey
			? string | GenderForms
			: string;
};
