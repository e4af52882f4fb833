import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { earlyClickScript } from './early-clicks.ts';

class FakeElement {
	constructor(readonly start?: string) {}
	closest(selector: string) {
		return selector === 'button[data-start]' && this.start !== undefined ? this : null;
	}
	getAttribute(name: string) {
		return name === 'data-start' ? this.start : null;
	}
}

/** Runs the script against a page with one audio element; returns a click and the audio. */
function page({ interactive = false } = {}) {
	const audio = { currentTime: 0, plays: 0, play: () => (audio.plays++, Promise.resolve()) };
	let listener: ((event: { target: unknown }) => void) | undefined;
	runInNewContext(earlyClickScript(), {
		Element: FakeElement,
		Number,
		performance: { getEntriesByName: () => (interactive ? [{}] : []) },
		document: {
			addEventListener: (type: string, handler: typeof listener, capture: boolean) => {
				if (type === 'click' && capture) listener = handler;
			},
			querySelector: (selector: string) => (selector === 'audio' ? audio : null)
		}
	});
	return { click: (target: unknown) => listener!({ target }), audio };
}

describe('clicks before the page is interactive', () => {
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
});
