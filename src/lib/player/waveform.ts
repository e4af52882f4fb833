// wavesurfer.js's drawing engine alone: its WaveSurfer class adds a player, a decoder, a fetcher
// and a Web Audio backend, none of which a page with build-time peaks and its own <audio> uses,
// and which were 6.7 KB of the clip page's 14 KB of wavesurfer (gzip). The renderer is what
// WaveSurfer itself draws with; the package exports it, and `getRenderer()` hands it to plugins.
import Renderer from 'wavesurfer.js/dist/renderer.js';
import type { WaveSurferOptions } from 'wavesurfer.js';

/** The published peaks file (see routes/clips/[slug]/peaks.json). */
export interface PeaksFile {
	version: 1;
	duration: number;
	/** Levels 0..100. */
	peaks: number[];
}

export interface WaveformOptions {
	container: HTMLElement;
	peaks: PeaksFile;
	height: number;
	colors: { wave: string; progress: string; cursor: string };
	/** Called with the time the listener clicked or dragged to. */
	onSeek: (time: number) => void;
	/** Called once, when the waveform is first on screen. */
	onDrawn?: () => void;
}

/**
 * The one place that knows wavesurfer.js. It draws build-time peaks (wavesurfer never fetches
 * or decodes the file), shows the time it is given and reports clicks and drags as seek requests.
 */
export interface Waveform {
	/** Draws the played part up to `time` (the page's PlayerState clock gives it each frame). */
	showTime: (time: number, playing: boolean) => void;
	/** New colours (the reader changed the theme). */
	setColors: (colors: WaveformOptions['colors']) => void;
	destroy: () => void;
}

/** A drag sets the time once the pointer rests this long (WaveSurfer's own `dragToSeek`). */
const DRAG_SEEK_DELAY_MS = 200;

export function createWaveform(options: WaveformOptions): Waveform {
	const { peaks } = options;
	const channel = Float32Array.from(peaks.peaks, (level) => level / 100);
	const settings: WaveSurferOptions = {
		container: options.container,
		height: options.height,
		waveColor: options.colors.wave,
		progressColor: options.colors.progress,
		cursorColor: options.colors.cursor,
		cursorWidth: 2,
		barWidth: 2,
		barGap: 1,
		barRadius: 1,
		barMinHeight: 1,
		// WaveSurfer's defaults for what the renderer reads: the whole recording fits the width.
		minPxPerSec: 0,
		fillParent: true,
		interact: true,
		dragToSeek: true,
		hideScrollbar: true,
		autoScroll: false,
		autoCenter: false
	};
	const renderer = new Renderer(settings);
	// What the renderer reads of an AudioBuffer (WaveSurfer builds the same from peaks).
	void renderer.render({
		duration: peaks.duration,
		numberOfChannels: 1,
		length: channel.length,
		sampleRate: channel.length / peaks.duration,
		getChannelData: () => channel
	} as unknown as AudioBuffer);

	let shown = { time: 0, playing: false };
	const showTime = (time: number, playing: boolean) => {
		shown = { time, playing };
		renderer.renderProgress(time / peaks.duration, playing);
	};

	let dragSeek: ReturnType<typeof setTimeout> | undefined;
	const unsubscribers = [
		renderer.clickSignal.subscribe((hit) => {
			if (!hit) return;
			renderer.renderProgress(hit.relativeX);
			options.onSeek(hit.relativeX * peaks.duration);
		}),
		renderer.dragEventsSignal.subscribe((drag) => {
			if (drag?.type !== 'move') return;
			renderer.renderProgress(drag.relativeX);
			clearTimeout(dragSeek);
			dragSeek = setTimeout(
				() => options.onSeek(drag.relativeX * peaks.duration),
				shown.playing ? 0 : DRAG_SEEK_DELAY_MS
			);
		}),
		renderer.renderedEpoch.subscribe(() => {
			showTime(shown.time, shown.playing);
			options.onDrawn?.();
			options.onDrawn = undefined;
		})
	];

	return {
		showTime,
		setColors(colors) {
			Object.assign(settings, {
				waveColor: colors.wave,
				progressColor: colors.progress,
				cursorColor: colors.cursor
			});
			renderer.setOptions(settings);
		},
		destroy() {
			clearTimeout(dragSeek);
			for (const unsubscribe of unsubscribers) unsubscribe();
			renderer.destroy();
		}
	};
}
