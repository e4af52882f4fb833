import type { PlayerState } from './player-state.svelte.ts';

/**
 * Shows the clip on the lock screen and in system media controls, and routes their buttons to
 * the player's requests. Returns the clean-up function.
 */
export function mediaSession(
	player: PlayerState,
	metadata: { title: string; artist: string; album: string }
): () => void {
	if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return () => {};
	const session = navigator.mediaSession;
	session.metadata = new MediaMetadata(metadata);
	const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
		['play', () => player.play()],
		['pause', () => player.pause()],
		['seekbackward', (d) => player.skip(-(d.seekOffset ?? 10))],
		['seekforward', (d) => player.skip(d.seekOffset ?? 10)],
		['seekto', (d) => d.seekTime !== undefined && player.seek(d.seekTime)]
	];
	for (const [action, handler] of handlers) session.setActionHandler(action, handler);
	return () => {
		for (const [action] of handlers) session.setActionHandler(action, null);
		session.metadata = null;
	};
}
