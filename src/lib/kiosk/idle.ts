/*
 * When an unattended kiosk should ask "Are you still there?" and when it should reset. Pure: the
 * caller passes the clock, so the rules are tested without waiting.
 *
 * Rules: a touch (or any input) makes the kiosk active; so does the end of playback, since a
 * visitor who listened to a whole clip did not touch the screen for that long; while audio
 * plays the kiosk never counts as idle.
 */

export interface IdleSettings {
	idleSeconds: number;
	countdownSeconds: number;
}

export type IdleStatus =
	{ phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'expired' };

export class IdleClock {
	#lastActivity: number;
	#playing = false;

	constructor(
		private readonly settings: IdleSettings,
		now: number
	) {
		this.#lastActivity = now;
	}

	/** Someone touched the screen (this also answers the countdown). */
	touch(now: number): void {
		this.#lastActivity = now;
	}

	/** Playback started or stopped; stopping starts the idle time afresh. */
	setPlaying(playing: boolean, now: number): void {
		if (this.#playing && !playing) this.#lastActivity = now;
		this.#playing = playing;
	}

	status(now: number): IdleStatus {
		if (this.#playing) return { phase: 'active' };
		const idle = (now - this.#lastActivity) / 1000;
		const { idleSeconds, countdownSeconds } = this.settings;
		if (idle < idleSeconds) return { phase: 'active' };
		if (idle < idleSeconds + countdownSeconds) {
			return { phase: 'countdown', secondsLeft: Math.ceil(idleSeconds + countdownSeconds - idle) };
		}
		return { phase: 'expired' };
	}
}
