import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { earlyClickScript } from './early-clicks.ts';

/** What the script sees as an Element. */
class SomeElement {}

class FakeElement extends SomeElement {
	constructor(readonly start?: string) {
		super();
	}
	closest(selector: string) {
		return selector === 'button[data-start]' && this.start !== undefined ? this : null;
	}
	getAttribute(name: string) {
		return name === 'data-start' ? this.start : null;
	}
}

/** A button of the interface-language switch, in a switch that is `ready` or not yet. */
class FakeLanguageButton extends SomeElement {
	constructor(
		readonly language: string,
		readonly ready = false
	) {
		super();
	}
	closest(selector: string) {
		if (selector === '[data-ui-language]') return this;
		return selector === '[data-ready]' && this.ready ? this : null;
	}
	getAttribute(name: string) {
		return name === 'data-ui-language' ? this.language : null;
	}
}

/** A kiosk control marked `data-kiosk-tap` (the attract screen), ready or not yet. */
class FakeKioskControl extends SomeElement {
	constructor(
		readonly tap: string,
		readonly ready = false
	) {
		super();
	}
	closest(selector: string) {
		if (selector === '[data-kiosk-tap]') return this;
		return selector === '[data-ready]' && this.ready ? this : null;
	}
	getAttribute(name: string) {
		return name === 'data-kiosk-tap' ? this.tap : null;
	}
}

/** Runs the script against a page with one audio element; returns a click and the audio. */
function page({ interactive = false } = {}) {
	const audio = { currentTime: 0, plays: 0, play: () => (audio.plays++, Promise.resolve()) };
	const attributes = new Map<string, string>();
	let listener: ((event: { target: unknown }) => void) | undefined;
	runInNewContext(earlyClickScript(), {
		Element: SomeElement,
		Number,
		performance: { getEntriesByName: () => (interactive ? [{}] : []) },
		document: {
			addEventListener: (type: string, handler: typeof listener, capture: boolean) => {
				if (type === 'click' && capture) listener = handler;
			},
			querySelector: (selector: string) => (selector === 'audio' ? audio : null),
			documentElement: {
				setAttribute: (name: string, value: string) => attributes.set(name, value)
			}
		}
	});
	return { click: (target: unknown) => listener!({ target }), audio, attributes };
}

describe('clicks before the page is interactive', () => {
	it('say on the page that scripts run, before it is painted', () => {
		expect(page().attributes.get('data-scripted')).toBe('');
	});
	it('play a line from its start', () => {
		const { click, audio } = page();
		click(new FakeElement('83.2'));
		expect(audio).toMatchObject({ currentTime: 83.2, plays: 1 });
	});
	it('leave anything but a line alone', () => {
		const { click, audio } = page();
		click(new FakeElement());
		click({});
		expect(audio).toMatchObject({ currentTime: 0, plays: 0 });
	});
	it('stand aside once the transcript answers clicks itself', () => {
		const { click, audio } = page({ interactive: true });
		click(new FakeElement('83.2'));
		expect(audio).toMatchObject({ currentTime: 0, plays: 0 });
	});
	it('keep an interface language chosen before its switch is ready, for the switch', () => {
		const { click, attributes, audio } = page({ interactive: true });
		click(new FakeLanguageButton('uk', true));
		expect([...attributes.keys()]).toEqual(['data-scripted']);
		click(new FakeLanguageButton('lt'));
		expect(attributes.get('data-early-language')).toBe('lt');
		expect(audio.plays).toBe(0);
	});
	it('keep a tap on a kiosk control made before it is ready, for the kiosk’s page', () => {
		const { click, attributes, audio } = page();
		click(new FakeKioskControl('tiles', true));
		expect([...attributes.keys()]).toEqual(['data-scripted']);
		click(new FakeKioskControl('tiles'));
		expect(attributes.get('data-early-kiosk-tap')).toBe('tiles');
		expect(audio.plays).toBe(0);
	});
});
