/*
 * When an unattended kiosk should ask "Are you still there?" and when it should reset. Pure: the
 * caller passes the clock, so the rules are tested without waiting.
 *
 * Rules: a touch (or any input) makes the kiosk active. While it is held (audio playing, or the
 * attract screen showing, which is where a reset would lead anyway) it never counts as idle;
 * when released, the idle time starts afresh, since a visitor who listened to a whole clip did
 * not touch the screen for that long.
 */

/**
 * A script error reloads an unused kiosk, but not in a page's first milliseconds, so an error
 * at every start cannot reload it in a loop (the idle reset still comes).
 */
export const ERROR_RELOAD_AFTER_MS = 10_000;

export interface IdleSettings {
	idleSeconds: number;
	countdownSeconds: number;
}

export type IdleStatus =
	{ phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'expired' };

export class IdleClock {
	#lastActivity: number;
	#held = false;

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

	/** Holds the clock (playback started) or releases it, which starts the idle time afresh. */
	setHeld(held: boolean, now: number): void {
		if (this.#held && !held) this.#lastActivity = now;
		this.#held = held;
	}

	status(now: number): IdleStatus {
		if (this.#held) return { phase: 'active' };
		const idle = (now - this.#lastActivity) / 1000;
		const { idleSeconds, countdownSeconds } = this.settings;
		if (idle < idleSeconds) return { phase: 'active' };
		if (idle < idleSeconds + countdownSeconds) {
			return { phase: 'countdown', secondsLeft: Math.ceil(idleSeconds + countdownSeconds - idle) };
		}
		return { phase: 'expired' };
	}
}
