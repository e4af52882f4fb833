import type { AudioAnalysis } from '../content/types.ts';

/** peaks.json, as the site publishes it: the waveform the browser draws without decoding. */
export function peaksFile(analysis: AudioAnalysis): string {
	return JSON.stringify({ version: 1, duration: analysis.duration, peaks: analysis.peaks });
}
