import { describe, expect, it } from 'vitest';
import { IdleClock } from './idle.ts';

const settings = { idleSeconds: 60, countdownSeconds: 10 };
const at = (seconds: number) => seconds * 1000;

describe('IdleClock', () => {
	it('stays active until the idle time has passed', () => {
		const clock = new IdleClock(settings, at(0));
		expect(clock.status(at(59.9))).toEqual({ phase: 'active' });
	});
	it('counts down, then expires', () => {
		const clock = new IdleClock(settings, at(0));
		expect(clock.status(at(60))).toEqual({ phase: 'countdown', secondsLeft: 10 });
		expect(clock.status(at(65.5))).toEqual({ phase: 'countdown', secondsLeft: 5 });
		expect(clock.status(at(69.99))).toEqual({ phase: 'countdown', secondsLeft: 1 });
		expect(clock.status(at(70))).toEqual({ phase: 'expired' });
	});
	it('starts again from a touch, also during the countdown', () => {
		const clock = new IdleClock(settings, at(0));
		clock.touch(at(65));
		expect(clock.status(at(70))).toEqual({ phase: 'active' });
		expect(clock.status(at(125))).toEqual({ phase: 'countdown', secondsLeft: 10 });
	});
	it('never counts while audio plays, however long', () => {
		const clock = new IdleClock(settings, at(0));
		clock.setHeld(true, at(10));
		expect(clock.status(at(3600))).toEqual({ phase: 'active' });
	});
	it('counts from the end of playback, not from the last touch', () => {
		const clock = new IdleClock(settings, at(0));
		clock.setHeld(true, at(10));
		clock.setHeld(false, at(600));
		expect(clock.status(at(659))).toEqual({ phase: 'active' });
		expect(clock.status(at(660))).toEqual({ phase: 'countdown', secondsLeft: 10 });
	});
	it('ignores a repeated "not playing"', () => {
		const clock = new IdleClock(settings, at(0));
		clock.setHeld(false, at(50));
		expect(clock.status(at(60))).toEqual({ phase: 'countdown', secondsLeft: 10 });
	});
});
