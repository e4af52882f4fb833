import WaveSurfer from 'wavesurfer.js';

/** The published peaks file (see routes/clips/[slug]/peaks.json). */
export interface PeaksFile {
	version: 1;
	duration: number;
	/** Levels 0..100. */
	peaks: number[];
}

export interface WaveformOptions {
	container: HTMLElement;
	media: HTMLMediaElement;
	peaks: PeaksFile;
	height: number;
	colors: { wave: string; progress: string; cursor: string };
	/** Called with the time the listener clicked or dragged to. */
	onSeek: (time: number) => void;
	/** Called once, when the waveform is first on screen. */
	onDrawn?: () => void;
}

/**
 * The one place that knows wavesurfer.js. It draws build-time peaks over our own `<audio>`
 * (wavesurfer never fetches or decodes the file) and reports clicks and drags as seek requests.
 */
export interface Waveform {
	/** New colours (the reader changed the theme). */
	setColors: (colors: WaveformOptions['colors']) => void;
	destroy: () => void;
}

export function createWaveform(options: WaveformOptions): Waveform {
	const channel = Float32Array.from(options.peaks.peaks, (level) => level / 100);
	const wavesurfer = WaveSurfer.create({
		container: options.container,
		media: options.media,
		peaks: [channel],
		duration: options.peaks.duration,
		height: options.height,
		waveColor: options.colors.wave,
		progressColor: options.colors.progress,
		cursorColor: options.colors.cursor,
		cursorWidth: 2,
		barWidth: 2,
		barGap: 1,
		barRadius: 1,
		barMinHeight: 1,
		dragToSeek: true,
		interact: true,
		hideScrollbar: true,
		autoScroll: false
	});
	const unsubscribe = wavesurfer.on('interaction', (time) => options.onSeek(time));
	const unsubscribeDrawn = wavesurfer.once('redrawcomplete', () => options.onDrawn?.());
	return {
		setColors(colors) {
			wavesurfer.setOptions({
				waveColor: colors.wave,
				progressColor: colors.progress,
				cursorColor: colors.cursor
			});
		},
		destroy() {
			unsubscribe();
			unsubscribeDrawn();
			wavesurfer.destroy();
		}
	};
}
