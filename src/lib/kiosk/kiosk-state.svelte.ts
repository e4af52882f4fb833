import { createContext } from 'svelte';
import type { Kiosk } from '../content/types.ts';

/** Caption sizes a visitor can step through, as multiples of the base size. */
export const CAPTION_SCALES = [1, 1.3, 1.7, 2.2] as const;
/** The index in CAPTION_SCALES a visitor starts from. */
const FIRST_STEP = 0;

/**
 * What a visitor can change in the kiosk, shared by its pages. (The idle reset reloads the page,
 * which puts all of it back.) The kiosk layout's idle clock reads `playing`.
 */
export class KioskState {
	/** The attract loop, or the tiles of witnesses and clips. */
	screen = $state<'attract' | 'tiles'>('attract');
	captions = $state(true);
	#step = $state(FIRST_STEP);
	#playing = $state(false);

	constructor(readonly settings: Kiosk) {}

	get captionScale(): number {
		return CAPTION_SCALES[this.#step]!;
	}
	get canEnlarge(): boolean {
		return this.#step < CAPTION_SCALES.length - 1;
	}
	get canShrink(): boolean {
		return this.#step > 0;
	}
	resizeCaptions(step: -1 | 1): void {
		this.#step = Math.min(CAPTION_SCALES.length - 1, Math.max(0, this.#step + step));
	}

	get playing(): boolean {
		return this.#playing;
	}
	/** The clip view reports its audio playing or stopping (the idle clock waits meanwhile). */
	setPlaying(playing: boolean): void {
		this.#playing = playing;
	}
}

export const [getKiosk, setKiosk] = createContext<KioskState>();
