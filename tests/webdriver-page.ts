// A Playwright `page` for an engine Playwright cannot drive (Debian's WebKitGTK, over classic
// WebDriver): the part of the Page and Locator API the @engines scenarios use, so one set of
// scenarios runs in every engine. Locators resolve in the page with Playwright's own injected
// script (the selector engines and `expect` checks its server runs), so `getByRole` and the
// `expect(locator)` matchers behave as they do in Chromium. What classic WebDriver cannot do
// (intercepting requests, cutting the network) throws, naming the method.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import type { Client } from 'webdriver';

/** How long an action waits for its element to be there, visible and not covered. */
const ACTION_TIMEOUT = 15_000;
/** Between two looks at the page while waiting (Playwright backs off to 1 s; the tests are short). */
const POLL_MS = 100;

const require = createRequire(import.meta.url);
/** Where Playwright keeps its server, and the selector escaping its client uses. */
const CORE_BUNDLE = require.resolve('playwright-core/lib/coreBundle');
const { escapeForAttributeSelector, escapeForTextSelector } = (
	require(CORE_BUNDLE) as {
		iso: {
			escapeForAttributeSelector(value: string | RegExp, exact: boolean): string;
			escapeForTextSelector(value: string | RegExp, exact: boolean): string;
		};
	}
).iso;

let injectedSource: string | undefined;

/**
 * Playwright's injected script, as its server puts it into every page. It is not exported, so
 * it is read from the bundle where Playwright keeps it as a string literal; @playwright/test is
 * pinned (see README), and a change of layout fails here with what to look at.
 */
function injectedScript(): string {
	if (injectedSource) return injectedSource;
	const bundle = readFileSync(CORE_BUNDLE, 'utf8');
	const literal = bundle.match(
		/\/\/ packages\/playwright-core\/src\/generated\/injectedScriptSource\.ts\n[^]*?\n\s+source\d* = ('(?:[^'\\\n]|\\.)*');\n/
	)?.[1];
	if (!literal)
		throw new Error(
			`Playwright's injected script was not found in ${CORE_BUNDLE}: ` +
				'tests/webdriver-page.ts must learn where this version of playwright-core keeps it.'
		);
	injectedSource = new Function(`return ${literal}`)() as string;
	return injectedSource;
}

/** Options the InjectedScript is built with (as Playwright's server builds it, for WebKit). */
const INJECTED_OPTIONS = {
	isUnderTest: false,
	sdkLanguage: 'javascript',
	frameSeq: 0,
	testIdAttributeName: 'data-testid',
	stableRafCount: 1,
	browserName: 'webkit',
	isUtilityWorld: false,
	customEngines: []
};

/**
 * Installs the injected script, and a console recorder: classic WebDriver has no console events,
 * so messages are kept in the page and handed over at each call (those logged after a
 * navigation but before the first call after it are not seen).
 */
const installScript = (source: string) => `
	if (!window.__wdPlaywright) {
		const module = {};
		${source}
		window.__wdPlaywright = new (module.exports.InjectedScript())(globalThis, arguments[0]);
		window.__wdConsole = [];
		for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
			const original = console[type].bind(console);
			console[type] = (...args) => {
				window.__wdConsole.push({ type, text: args.map(String).join(' ') });
				original(...args);
			};
		}
	}`;

/**
 * Runs `fn(pw, ...args)` in the page, where `pw` is the injected script; returns its result
 * and the console messages logged since the last call, or marks a page without the script.
 */
const runScript = (fn: string) => `
	const args = [...arguments];
	const pw = window.__wdPlaywright;
	if (!pw) return { missing: true };
	const messages = window.__wdConsole.splice(0);
	return Promise.resolve((${fn})(pw, ...args)).then((value) => ({ value, messages }));`;

/** Finds the locator's element, in the page: the scripts that need it put its source there. */
function resolve(pw: InjectedScript, selector: string, strict: boolean): Element | null {
	const parsed = pw.parseSelector(selector);
	const elements = pw.querySelectorAll(parsed, document);
	if (strict && elements.length > 1) throw pw.strictModeViolationError(parsed, elements);
	return elements[0] ?? null;
}

interface InjectedScript {
	parseSelector(selector: string): unknown;
	querySelectorAll(parsed: unknown, root: Node): Element[];
	strictModeViolationError(parsed: unknown, elements: Element[]): Error;
	elementState(element: Element, state: string, frameVisible?: boolean): { matches: boolean };
	expect(
		element: Element | undefined,
		options: Record<string, unknown>,
		elements: Element[],
		frameVisible: boolean
	): Promise<{ matches: boolean; received?: { value: unknown } }>;
}

type ConsoleMessage = { type: string; text: string };
type ConsoleListener = (message: { type: () => string; text: () => string }) => void;

/** WebDriver's names for the keys Playwright names (https://w3c.github.io/webdriver/#keyboard-actions). */
const KEYS: Record<string, string> = {
	Enter: '\uE007',
	Escape: '\uE00C',
	Tab: '\uE004',
	Backspace: '\uE003',
	Space: ' ',
	PageUp: '\uE00E',
	PageDown: '\uE00F',
	End: '\uE010',
	Home: '\uE011',
	ArrowLeft: '\uE012',
	ArrowUp: '\uE013',
	ArrowRight: '\uE014',
	ArrowDown: '\uE015',
	Shift: '\uE008',
	Control: '\uE009',
	Alt: '\uE00A',
	Meta: '\uE03D'
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** What an unimplemented member says: the adapter is a subset, on purpose. */
function unsupported(what: string, name: string | symbol): never {
	throw new Error(
		`${what}.${String(name)} is not available in the WebDriver page (tests/webdriver-page.ts): ` +
			'classic WebDriver cannot do it, or no @engines scenario has needed it yet.'
	);
}

/** Names that libraries look up on any object (promises, JSON, expect's matchers). */
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'inspect']);

/** Wraps an adapter so a member it lacks fails with a message instead of "not a function". */
function strictProxy<T extends object>(target: T, what: string): T {
	return new Proxy(target, {
		get(object, name, receiver) {
			if (name in object || typeof name === 'symbol' || PROBED.has(name))
				return Reflect.get(object, name, receiver);
			return unsupported(what, name);
		}
	});
}

export class WebDriverPage {
	readonly _apiName = 'Page';
	readonly keyboard = { press: (key: string) => this.press(key) };
	readonly mouse = {
		click: (x: number, y: number) => this.clickAt(x, y),
		move: (x: number, y: number) => this.moveTo(x, y),
		down: () => this.pressButton(true),
		up: () => this.pressButton(false),
		wheel: (deltaX: number, deltaY: number) => this.wheel(deltaX, deltaY)
	};
	private listeners: ConsoleListener[] = [];
	private pointer = { x: 0, y: 0 };
	/** The button is held (between `mouse.down` and `mouse.up`): moves are a drag. */
	private pressed = false;
	private viewport = { width: 0, height: 0 };

	constructor(
		readonly client: Client,
		private readonly baseURL: string
	) {}

	/** The page as Playwright's type, for the tests (which use only what is implemented). */
	static async open(client: Client, baseURL: string, viewport = { width: 1280, height: 720 }) {
		const page = new WebDriverPage(client, baseURL);
		await page.setViewportSize(viewport);
		return strictProxy(page, 'page') as unknown as Page;
	}

	/** Sizes the window so the page gets `size` (the window's frame and toolbar are added). */
	async setViewportSize(size: { width: number; height: number }) {
		await this.client.setWindowRect(0, 0, size.width, size.height);
		const inner = (await this.client.executeScript('return [innerWidth, innerHeight]', [])) as [
			number,
			number
		];
		const width = 2 * size.width - inner[0];
		const height = 2 * size.height - inner[1];
		if (width !== size.width || height !== size.height)
			await this.client.setWindowRect(0, 0, width, height);
		const [innerWidth, innerHeight] = (await this.client.executeScript(
			'return [innerWidth, innerHeight]',
			[]
		)) as [number, number];
		this.viewport = { width: innerWidth, height: innerHeight };
	}

	viewportSize() {
		return this.viewport;
	}

	context() {
		return strictProxy({}, 'context');
	}

	on(event: string, listener: ConsoleListener) {
		if (event !== 'console') unsupported('page', `on('${event}')`);
		this.listeners.push(listener);
		return this;
	}

	async goto(url: string) {
		await this.client.navigateTo(new URL(url, this.baseURL).href);
		await this.install();
		return null;
	}

	async reload() {
		await this.client.refresh();
		await this.install();
		return null;
	}

	async close() {
		await this.client.deleteSession();
	}

	/** Puts the injected script into the page (again after each navigation). */
	private async install() {
		await this.client.executeScript(installScript(injectedScript()), [INJECTED_OPTIONS]);
	}

	/** Runs `fn(pw, ...args)` in the page (see runScript), installing the injected script if needed. */
	async run<T>(fn: string, ...args: unknown[]): Promise<T> {
		const script = runScript(fn);
		const call = () =>
			this.client.executeScript(script, args as object[]) as Promise<{
				missing?: true;
				value: T;
				messages: ConsoleMessage[];
			}>;
		let result = await call();
		if (result.missing) {
			await this.install();
			result = await call();
		}
		for (const message of result.messages ?? [])
			for (const listener of this.listeners)
				listener({ type: () => message.type, text: () => message.text });
		return result.value;
	}

	async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
		const value = await this.run<R | null>(`(pw, arg) => (${fn})(arg)`, arg ?? null);
		// WebDriver returns null for undefined.
		return (value ?? undefined) as R;
	}

	locator(selector: string): Locator {
		return WebDriverLocator.create(this, selector);
	}

	getByRole(role: string, options: RoleOptions = {}): Locator {
		return this.locator(roleSelector(role, options));
	}

	getByTestId(testId: string): Locator {
		return this.locator(testIdSelector(testId));
	}

	getByText(text: string | RegExp, options: { exact?: boolean } = {}): Locator {
		return this.locator(textSelector(text, options));
	}

	async press(key: string) {
		const parts = key === '+' ? ['+'] : key.split('+');
		const values = parts.map((part) => KEYS[part] ?? part);
		await this.client.performActions([
			{
				type: 'key',
				id: 'keyboard',
				actions: [
					...values.map((value) => ({ type: 'keyDown', value })),
					...values.reverse().map((value) => ({ type: 'keyUp', value }))
				]
			}
		]);
	}

	async moveTo(x: number, y: number) {
		this.pointer = { x: Math.round(x), y: Math.round(y) };
		await this.pointerActions([{ type: 'pointerMove', origin: 'viewport', ...this.pointer }]);
	}

	/** As Playwright's `mouse.down` and `mouse.up`: the moves between them drag. */
	async pressButton(down: boolean) {
		this.pressed = down;
		// Where the mouse is: WebKitWebDriver would press at the viewport's corner otherwise.
		await this.pointerActions([
			{ type: 'pointerMove', origin: 'viewport', ...this.pointer },
			{ type: down ? 'pointerDown' : 'pointerUp', button: 0 }
		]);
	}

	async clickAt(x: number, y: number) {
		this.pointer = { x: Math.round(x), y: Math.round(y) };
		await this.pointerActions([
			{ type: 'pointerMove', origin: 'viewport', ...this.pointer },
			{ type: 'pointerDown', button: 0 },
			{ type: 'pointerUp', button: 0 }
		]);
	}

	/** As Playwright's: a wheel turned where the mouse is. */
	async wheel(deltaX: number, deltaY: number) {
		await this.client.performActions([
			{
				type: 'wheel',
				id: 'wheel',
				actions: [{ type: 'scroll', origin: 'viewport', ...this.pointer, deltaX, deltaY }]
			}
		]);
	}

	private async pointerActions(actions: object[]) {
		await this.client.performActions([
			{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }
		]);
		// Releasing lets go of the button: while it is held, WebDriver keeps the input state.
		if (!this.pressed) await this.client.releaseActions();
	}
}

type RoleOptions = { name?: string | RegExp; exact?: boolean; level?: number };

/** Playwright's own selector syntax (as `getByRole` builds it in its client). */
function roleSelector(role: string, { name, exact, level }: RoleOptions): string {
	let selector = `internal:role=${role}`;
	if (level !== undefined) selector += `[level=${level}]`;
	if (name !== undefined) selector += `[name=${escapeForAttributeSelector(name, !!exact)}]`;
	return selector;
}

function testIdSelector(testId: string): string {
	return `internal:testid=[data-testid=${escapeForAttributeSelector(testId, true)}]`;
}

function textSelector(text: string | RegExp, { exact }: { exact?: boolean }): string {
	return `internal:text=${escapeForTextSelector(text, !!exact)}`;
}

type ExpectOptions = {
	isNot?: boolean;
	timeout?: number;
	expressionArg?: string;
	expectedText?: unknown;
	expectedNumber?: number;
	expectedValue?: unknown;
	useInnerText?: boolean;
};

export class WebDriverLocator {
	readonly _apiName = 'Locator';

	private constructor(
		private readonly owner: WebDriverPage,
		readonly selector: string
	) {}

	static create(owner: WebDriverPage, selector: string): Locator {
		return strictProxy(new WebDriverLocator(owner, selector), 'locator') as unknown as Locator;
	}

	toString() {
		return `locator('${this.selector}') (WebDriver)`;
	}

	page() {
		return strictProxy(this.owner, 'page') as unknown as Page;
	}

	locator(selector: string) {
		return WebDriverLocator.create(this.owner, `${this.selector} >> ${selector}`);
	}

	getByRole(role: string, options: RoleOptions = {}) {
		return this.locator(roleSelector(role, options));
	}

	getByTestId(testId: string) {
		return this.locator(testIdSelector(testId));
	}

	getByText(text: string | RegExp, options: { exact?: boolean } = {}) {
		return this.locator(textSelector(text, options));
	}

	nth(index: number) {
		return this.locator(`nth=${index}`);
	}

	first() {
		return this.nth(0);
	}

	async count(): Promise<number> {
		return this.owner.run<number>(
			`(pw, selector) => pw.querySelectorAll(pw.parseSelector(selector), document).length`,
			this.selector
		);
	}

	async isVisible(): Promise<boolean> {
		return this.owner.run<boolean>(
			`(pw, selector) => { ${resolve}; const element = resolve(pw, selector, true);
				return !!element && pw.elementState(element, 'visible', true).matches; }`,
			this.selector
		);
	}

	async getAttribute(name: string, options?: { timeout?: number }): Promise<string | null> {
		return this.withElement(
			`(pw, element, name) => element.getAttribute(name)`,
			options?.timeout,
			name
		);
	}

	async evaluate<R, A>(fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
		const value = await this.withElement<R | null>(
			`(pw, element, arg) => (${fn})(element, arg)`,
			undefined,
			arg ?? null
		);
		return (value ?? undefined) as R;
	}

	async evaluateAll<R, A>(
		fn: (elements: Element[], arg: A) => R | Promise<R>,
		arg?: A
	): Promise<R> {
		return this.owner.run<R>(
			`(pw, selector, arg) => (${fn})(pw.querySelectorAll(pw.parseSelector(selector), document), arg)`,
			this.selector,
			arg ?? null
		);
	}

	async boundingBox() {
		return this.withElement<{ x: number; y: number; width: number; height: number }>(
			`(pw, element) => { const { x, y, width, height } = element.getBoundingClientRect();
				return { x, y, width, height }; }`
		);
	}

	async focus() {
		await this.withElement(`(pw, element) => element.focus()`);
	}

	async waitFor(options?: { state?: 'visible' | 'attached'; timeout?: number }) {
		const visible = (options?.state ?? 'visible') === 'visible';
		await this.withElement(`() => true`, options?.timeout, null, visible);
	}

	/** Moves the mouse to the middle of the element (scrolled into view, as Playwright does). */
	async hover(options?: { timeout?: number }) {
		const { x, y } = await this.actionPoint(options?.timeout);
		await this.owner.moveTo(x, y);
	}

	/**
	 * A mouse click in the middle of the element once it is there, visible and not covered by
	 * another, as Playwright's click. (Not WebDriver's Element Click: WebKitWebDriver's lands on
	 * whatever is at its own idea of the point, a container for a line in the transcript's
	 * scrolled list, without the "intercepted" error the specification asks for.)
	 */
	async click(options?: { timeout?: number }) {
		const { x, y } = await this.actionPoint(options?.timeout);
		await this.owner.clickAt(x, y);
	}

	async check() {
		await this.setChecked(true);
	}

	async uncheck() {
		await this.setChecked(false);
	}

	private async setChecked(checked: boolean) {
		const state = () =>
			this.withElement<boolean>(
				`(pw, element) => pw.elementState(element, 'checked').matches`,
				undefined,
				null,
				false
			);
		if ((await state()) === checked) return;
		await this.click();
		if ((await state()) !== checked)
			throw new Error(`${this} did not become ${checked ? 'checked' : 'unchecked'} on a click`);
	}

	/** Playwright's locator assertions call this (see expect(locator).toHaveAttribute and the rest). */
	async _expect(expression: string, options: ExpectOptions) {
		const isNot = !!options.isNot;
		const deadline = Date.now() + (options.timeout ?? 5000);
		const { timeout: _timeout, ...rest } = options;
		const params = { ...rest, expression, isNot };
		let last: { matches: boolean; received?: { value: unknown }; missing?: boolean };
		for (;;) {
			last = await this.owner.run(
				`async (pw, selector, options) => {
					const parsed = pw.parseSelector(selector);
					const elements = pw.querySelectorAll(parsed, document);
					const isArray = options.expression === 'to.have.count' || options.expression.endsWith('.array');
					if (!isArray && elements.length > 1) throw pw.strictModeViolationError(parsed, elements);
					if (!isArray && elements.length === 0) {
						// As Playwright's server decides for a locator that matches nothing.
						if (options.expression === 'to.be.hidden') return { matches: true };
						if (options.expression === 'to.be.visible') return { matches: false };
						return { matches: options.isNot, missing: true };
					}
					return await pw.expect(elements[0], options, elements, true);
				}`,
				this.selector,
				params
			);
			if (last.matches !== isNot) return { matches: !isNot };
			if (Date.now() > deadline) break;
			await sleep(POLL_MS);
		}
		return {
			matches: isNot,
			received: last.received,
			timedOut: true,
			errorMessage: last.missing ? 'element(s) not found' : undefined,
			log: [`  waiting for ${this}`]
		};
	}

	/** Waits for the one element (visible, unless not asked) and runs `fn(pw, element, arg)`. */
	private async withElement<T>(
		fn: string,
		timeout = ACTION_TIMEOUT,
		arg: unknown = null,
		visible = false
	): Promise<T> {
		const deadline = Date.now() + timeout;
		for (;;) {
			const result = await this.owner.run<{ found: boolean; value: T }>(
				`async (pw, selector, visible, arg) => { ${resolve};
					const element = resolve(pw, selector, true);
					if (!element || (visible && !pw.elementState(element, 'visible', true).matches))
						return { found: false };
					return { found: true, value: await (${fn})(pw, element, arg) };
				}`,
				this.selector,
				visible,
				arg
			);
			if (result.found) return result.value;
			if (Date.now() > deadline)
				throw new Error(`${this}: no ${visible ? 'visible ' : ''}element in ${timeout} ms`);
			await sleep(POLL_MS);
		}
	}

	/**
	 * Scrolls the element into view if it is not, and returns the middle of it, once it is
	 * visible and what is there is it (or inside it).
	 */
	private async actionPoint(timeout = ACTION_TIMEOUT) {
		const deadline = Date.now() + timeout;
		let why = 'not found';
		for (;;) {
			const result = await this.owner.run<{ x: number; y: number } | { why: string }>(
				`async (pw, selector) => { ${resolve};
					const element = resolve(pw, selector, true);
					if (!element) return { why: 'not found' };
					if (!pw.elementState(element, 'visible', true).matches) return { why: 'not visible' };
					// Only when out of view, as Playwright: a scroll the test did not ask for may
					// be what the page reacts to (the transcript's follow mode).
					element.scrollIntoViewIfNeeded(true);
					// Stable, as Playwright waits for: the same place in two frames (a smooth
					// scroll, after Space for one, moves it under the mouse).
					const frame = () => new Promise((done) => requestAnimationFrame(done));
					await frame();
					const before = element.getBoundingClientRect();
					await frame();
					const box = element.getBoundingClientRect();
					if (box.x !== before.x || box.y !== before.y || box.width !== before.width || box.height !== before.height)
						return { why: 'not stable' };
					const x = box.left + box.width / 2, y = box.top + box.height / 2;
					const hit = document.elementFromPoint(x, y);
					// The element, something inside it, or the label of the control it is.
					const target = hit && (hit.closest('label')?.control === element ? element : hit);
					if (!target || !element.contains(target))
						return { why: 'covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing') };
					return { x, y };
				}`,
				this.selector
			);
			if ('x' in result) return result;
			why = result.why;
			if (Date.now() > deadline) throw new Error(`${this}: ${why} after ${timeout} ms`);
			await sleep(POLL_MS);
		}
	}
}
