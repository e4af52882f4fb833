// Plain JavaScript (typed with JSDoc) so that the decoding worker threads, which Node runs
// without a TypeScript step, can use it as well as the build's TypeScript code.

/** Fine bins measured while decoding; the final peaks are drawn from these. */
export const FINE_BINS_PER_SECOND = 100;
/** Peaks per second of audio in the published file, for short recordings… */
export const PEAKS_PER_SECOND = 20;
/** …and never more than this many in all, so a 3-hour interview's peaks stay a few tens of KB. */
export const MAX_PEAKS = 8000;
/** Published peaks are integers 0..PEAK_SCALE, which keeps the JSON compact. */
export const PEAK_SCALE = 100;

/**
 * Collects the loudest sample of each fine bin while audio is decoded chunk by chunk, so a
 * recording of any length is analysed in constant memory per second of audio.
 */
export class PeakAccumulator {
	#samplesPerBin;
	/** @type {number[]} */
	#bins = [];
	#current = 0;
	#inBin = 0;
	#samples = 0;
	#sampleRate;

	/** @param {number} sampleRate */
	constructor(sampleRate) {
		this.#sampleRate = sampleRate;
		this.#samplesPerBin = Math.max(1, Math.round(sampleRate / FINE_BINS_PER_SECOND));
	}

	/**
	 * Adds one decoded chunk (one array per channel, all the same length).
	 * @param {Float32Array[]} channels
	 */
	add(channels) {
		const length = channels[0]?.length ?? 0;
		for (let i = 0; i < length; i++) {
			let level = 0;
			for (const channel of channels) {
				const value = Math.abs(/** @type {number} */ (channel[i]));
				if (value > level) level = value;
			}
			if (level > this.#current) this.#current = level;
			if (++this.#inBin === this.#samplesPerBin) this.#closeBin();
		}
		this.#samples += length;
	}

	#closeBin() {
		this.#bins.push(this.#current);
		this.#current = 0;
		this.#inBin = 0;
	}

	/**
	 * The duration in seconds and the fine bins.
	 * @returns {{ duration: number, bins: number[] }}
	 */
	finish() {
		if (this.#inBin > 0) this.#closeBin();
		return { duration: this.#samples / this.#sampleRate, bins: this.#bins };
	}
}

/**
 * How many peaks to publish for a recording of this length.
 * @param {number} duration seconds
 */
export function peakCount(duration) {
	return Math.max(1, Math.min(MAX_PEAKS, Math.ceil(duration * PEAKS_PER_SECOND)));
}

/**
 * Reduces fine bins to `count` peaks (the maximum of each group), normalised so the loudest is
 * PEAK_SCALE: a quiet recording still draws a readable waveform.
 * @param {number[]} bins
 * @param {number} count
 * @returns {number[]}
 */
export function reducePeaks(bins, count) {
	if (bins.length === 0) return [];
	/** @type {number[]} */
	const out = [];
	for (let i = 0; i < count; i++) {
		const from = Math.floor((i * bins.length) / count);
		const to = Math.max(from + 1, Math.floor(((i + 1) * bins.length) / count));
		let level = 0;
		for (let j = from; j < to && j < bins.length; j++)
			level = Math.max(level, /** @type {number} */ (bins[j]));
		out.push(level);
	}
	const loudest = Math.max(...out);
	return out.map((level) => (loudest > 0 ? Math.round((level / loudest) * PEAK_SCALE) : 0));
}
