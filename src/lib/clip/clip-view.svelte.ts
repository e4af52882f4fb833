import { createContext } from 'svelte';
import { replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import { page } from '$app/state';
import type { Chapter, Clip, Localized, Track } from '../content/types.ts';
import type { Locale } from '../i18n/locale.svelte.ts';
import type { PlayerState } from '../player/player-state.svelte.ts';
import type { CitationSource } from '../transcript/citation.ts';
import { lineStepTarget } from '../transcript/export.ts';
import { findInTracks, stepHit, type FindHit } from '../transcript/find.ts';
import {
	fitFragment,
	formatFragment,
	parseFragment,
	type FragmentProblem
} from '../transcript/fragment.ts';

/** A stretch of the recording, in seconds. */
export interface Span {
	start: number;
	end: number;
}

/** What the transcript list needs to let the reader select a passage. */
export interface PassageSelection {
	readonly passage: Span | undefined;
	select(span: Span | undefined): void;
}

/**
 * The state of one clip page besides playback (which `PlayerState` owns): the track shown, the
 * selected passage (always mirrored in the address, so the address is shareable), the in-clip
 * find, and what a citation of this clip says. Components read it and send it requests.
 */
export class ClipView implements PassageSelection {
	readonly clip: Clip;
	readonly original: Track;
	readonly #player: PlayerState;
	readonly #locale: Locale;
	/** The collection's title, in each interface language. */
	readonly #collectionTitle: Localized;

	#chosenLang = $state<string>();
	#parallelChoice = $state(true);
	#passage = $state<Span>();
	#linkProblem = $state<FragmentProblem>();
	#pageUrl = $state('');
	#findQuery = $state('');
	#findCurrent = $state(-1);
	#findTarget = $state<{ hit: FindHit }>();

	/** The language shown: the reader's choice, else their interface language if we have it. */
	readonly shownLang: string;
	readonly shown: Track;
	/** The original beside the translation, unless the reader turned it off. */
	readonly parallel: boolean;
	/** The chapters in the shown language, else the interface's, else the original's. */
	readonly chapters: Chapter[];
	/** The lines shown (both sides in the parallel view) that hold every word of the find query. */
	readonly findHits: FindHit[];

	constructor(
		clip: Clip,
		context: { player: PlayerState; locale: Locale; collectionTitle: Localized }
	) {
		this.clip = clip;
		this.original = clip.tracks[0]!;
		this.#player = context.player;
		this.#locale = context.locale;
		this.#collectionTitle = context.collectionTitle;
		// Every shown track's cue starts are moments the highlight may change.
		this.#player.setBoundaries(clip.tracks.flatMap((t) => t.cues.map((c) => c.start)));
		// (Derived in the constructor: they read the fields set above.)
		this.shownLang = $derived.by(() => {
			const wanted = this.#chosenLang ?? this.#locale.language;
			return clip.tracks.some((t) => t.lang === wanted) ? wanted : this.original.lang;
		});
		this.shown = $derived(clip.tracks.find((t) => t.lang === this.shownLang) ?? this.original);
		this.parallel = $derived(this.#parallelChoice && this.shown.lang !== this.original.lang);
		this.chapters = $derived(
			clip.chapters[this.shown.lang] ??
				clip.chapters[this.#locale.language] ??
				clip.chapters[this.original.lang] ??
				[]
		);
		this.findHits = $derived(
			findInTracks(this.parallel ? [this.original, this.shown] : [this.shown], this.#findQuery)
		);
	}

	chooseLanguage(lang: string): void {
		this.#chosenLang = lang;
	}
	showParallel(on: boolean): void {
		this.#parallelChoice = on;
	}

	/** Moves to the previous or next line of the original ("previous" first restarts the line). */
	stepLine(direction: -1 | 1): void {
		const start = lineStepTarget(this.original.cues, this.#player.currentTime, direction);
		if (start !== undefined) this.#player.seek(start);
	}

	// —— The passage, and the address that carries it ——

	/** The passage selected for quoting (or opened from a link). */
	get passage() {
		return this.#passage;
	}
	/** Why the address's `#t=` link was ignored, if it was. */
	get linkProblem() {
		return this.#linkProblem;
	}
	/** The page's absolute address without its hash, once the page runs in a browser. */
	get pageUrl() {
		return this.#pageUrl;
	}

	select(span: Span | undefined): void {
		if (!span && !this.#passage && !page.url.hash) return; // nothing to clear: keep clicks cheap
		this.#passage = span;
		const hash = span ? formatFragment({ ...span, lang: this.shownLang }) : '';
		const path = resolve('/(site)/clips/[slug]', { slug: this.clip.slug });
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- `path` is resolve()d above
		replaceState(path + page.url.search + hash, page.state);
	}

	/** Opens a `#t=start[,end][&lang=xx]` address: marks the passage and puts the audio there. */
	openLink(hash: string, pageUrl: string): void {
		this.#pageUrl = pageUrl;
		const parsed = parseFragment(hash);
		const fitted =
			parsed.ok && parsed.fragment ? fitFragment(parsed.fragment, this.clip.duration) : parsed;
		if (!fitted.ok) {
			this.#linkProblem = fitted.reason;
			return;
		}
		this.#linkProblem = undefined;
		const fragment = fitted.fragment;
		if (!fragment) return;
		if (fragment.lang && this.clip.tracks.some((t) => t.lang === fragment.lang)) {
			this.#chosenLang = fragment.lang;
		}
		this.#passage =
			fragment.end === undefined ? undefined : { start: fragment.start, end: fragment.end };
		this.#player.seek(fragment.start);
	}

	dismissLinkProblem(): void {
		this.#linkProblem = undefined;
	}

	/** Who and what a citation of this clip names, in the interface language. */
	citationSource(url = this.#pageUrl): CitationSource {
		const locale = this.#locale;
		return {
			witness: locale.pick(this.clip.witnessNames),
			title: locale.pick(this.clip.title),
			collection: locale.pick(this.#collectionTitle),
			credit: this.clip.provenance.credit,
			url,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, never changed
			accessed: new Date(),
			locale: locale.language,
			synthesized: this.clip.provenance.synthesized
		};
	}

	// —— Find in the transcript ——

	get findQuery() {
		return this.#findQuery;
	}
	/** Index in `findHits` of the match the reader stepped to; -1 before the first step. */
	get findCurrent() {
		return this.#findCurrent;
	}
	/** The match to bring into view: a new object at every step, even onto the same match. */
	get findTarget() {
		return this.#findTarget;
	}

	setFindQuery(query: string): void {
		this.#findQuery = query;
		this.#findCurrent = -1;
	}

	/** Steps to the next (or previous) match, starting from where the listener is. */
	stepFind(delta: 1 | -1): void {
		const index = stepHit(this.findHits, this.#findCurrent, delta, this.#player.currentTime);
		if (index < 0) return;
		this.#findCurrent = index;
		this.#findTarget = { hit: this.findHits[index]! };
	}
}

export const [getClipView, setClipView] = createContext<ClipView>();
