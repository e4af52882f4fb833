import { describe, expect, it } from 'vitest';
import {
	cueHtml,
	escapeAttribute,
	escapeText,
	LINES_PER_BLOCK,
	lineHtml,
	listHtml,
	parallelHtml
} from './markup.ts';
import type { Cue, CueNode } from './types.ts';

const labels = { linkTo: (time: string) => `Link to the line at ${time}` };
const cue = (start: number, end: number, text: string, extra: Partial<Cue> = {}): Cue => ({
	id: '',
	start,
	end,
	text,
	nodes: [text],
	line: 1,
	...extra
});

/** Parses markup the way a browser would not be needed for: count the tags it opens. */
const tags = (html: string) => [...html.matchAll(/<([a-z]+)[\s>]/g)].map((m) => m[1]);

describe('escaping', () => {
	it('turns markup characters in text into entities', () => {
		expect(escapeText('<script>alert(1)</script> & co')).toBe(
			'&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'
		);
	});
	it('also escapes quotes in attribute values', () => {
		expect(escapeAttribute(`" onclick='x'`)).toBe('&quot; onclick=&#39;x&#39;');
	});
	it('keeps Cyrillic, Lithuanian letters and typographic apostrophes as they are', () => {
		expect(escapeText('Орест Яринич · Valiutė · l’évasion')).toBe(
			'Орест Яринич · Valiutė · l’évasion'
		);
	});
});

describe('cueHtml', () => {
	it('renders the WebVTT whitelist and nothing else', () => {
		const nodes: CueNode[] = [
			{ tag: 'i', children: ['quiet'] },
			' ',
			{ tag: 'c', classes: ['loud', 'bad"class'], children: ['x'] },
			{ tag: 'lang', lang: 'uk', children: ['так'] },
			{ tag: 'lang', lang: 'en" onmouseover="alert(1)', children: ['y'] }
		];
		expect(cueHtml(nodes)).toBe(
			'<i>quiet</i> <span class="cue-loud">x</span><span lang="uk">так</span><span>y</span>'
		);
	});
	it('never lets text become a tag', () => {
		const html = cueHtml([
			'<img src=x onerror=alert(1)>',
			{ tag: 'b', children: ['</b><svg onload=alert(1)>'] }
		]);
		expect(tags(html)).toEqual(['b']);
		expect(html).not.toMatch(/<img|<svg/);
	});
});

describe('lineHtml', () => {
	it('gives the time link, the data the player needs and the language', () => {
		const html = lineHtml(cue(83.2, 107.5, 'Kengir, 1954'), 'lt', true, labels);
		expect(html).toContain('href="#t=83.2,107.5&amp;lang=lt"');
		expect(html).toContain('aria-label="Link to the line at 1:23"');
		// The button's name begins with the time (its ::before says data-time); its text follows.
		expect(html).toContain(
			'data-start="83.2" data-end="107.5" lang="lt" data-time="1:23">Kengir, 1954</button>'
		);
		// Its cue index is its place in the list, unless it is out of order.
		expect(html).not.toContain('data-index');
		expect(lineHtml(cue(83.2, 107.5, 'K'), 'lt', true, labels, 4)).toContain(
			'data-end="107.5" data-index="4" lang="lt"'
		);
	});
	it('is two elements: the time and the button holding the text', () => {
		expect(tags(lineHtml(cue(83.2, 107.5, 'Kengir'), 'lt', false, labels))).toEqual([
			'a',
			'button'
		]);
	});
	it('without a link label (the kiosk), shows the time as plain text, not a link', () => {
		const html = lineHtml(cue(83.2, 107.5, 'Kengir, 1954'), 'lt', true, {});
		expect(html).not.toContain('<a');
		expect(html).not.toContain('href');
		expect(html).toContain('<span class="time" aria-hidden="true">1:23</span>');
		expect(html).toContain('data-start="83.2"');
	});
	it('shows hostile speakers and text as text', () => {
		const html = lineHtml(
			cue(0, 1, '<script>alert(1)</script>', { speaker: '"><img src=x onerror=alert(1)>' }),
			'en',
			true,
			labels
		);
		expect(tags(html)).toEqual(['a', 'button', 'span']);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('<span class="speaker">"&gt;&lt;img src=x onerror=alert(1)&gt;</span>');
	});
});

describe('lists', () => {
	it('groups lines in blocks the browser can skip when out of view', () => {
		const many = Array.from({ length: LINES_PER_BLOCK * 2 + 1 }, (_, i) => cue(i, i + 1, `l${i}`));
		const html = listHtml(many, 'lt', labels);
		expect(
			html.match(/<div class="block" style="contain-intrinsic-size:auto \d+rem">/g)
		).toHaveLength(3);
		expect(html.match(/role="listitem"/g)).toHaveLength(many.length);
	});

	const original = [cue(0, 2, 'a', { speaker: 'N' }), cue(2, 4, 'b', { speaker: 'N' })];
	const translation = [cue(0, 2, 'A', { speaker: 'N' }), cue(2, 3, 'B1'), cue(3, 4, 'B2')];

	it('shows the speaker only where it changes', () => {
		const html = listHtml(original, 'uk', labels);
		expect(html.match(/class="speaker"/g)).toHaveLength(1);
		expect(html.match(/role="listitem"/g)).toHaveLength(2);
	});
	it('puts differently segmented translations beside the original line they overlap', () => {
		const html = parallelHtml(
			{ lang: 'uk', cues: original },
			{ lang: 'fr', cues: translation },
			labels
		);
		// Each line is an item of three elements; an original spans its translation lines' rows.
		expect(html.match(/role="listitem"/g)).toHaveLength(5);
		expect(tags(html).filter((tag) => tag !== 'span')).toHaveLength(1 + 5 * 3);
		const rows = html.split('<div role="listitem" class="entry"').slice(1);
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatch(/^ style="--rows:2">.*data-start="2" data-end="4" lang="uk"/);
		expect(rows[1]).toContain(
			'class="entry translation"><a class="time" href="#t=2,3&amp;lang=fr"'
		);
		expect(html).not.toContain('data-index');
		expect(readBack(html, 'fr')).toEqual([0, 1, 2]);
	});
	it('names the index of a translation line out of its own order', () => {
		// The first translation cue overlaps the second original most, the other two the first:
		// the page shows them in the order 1, 2, 0, and must still read each one's index.
		const originals = [cue(0, 10, 'a'), cue(10, 20, 'b')];
		const overlapping = [cue(5, 19, 'X'), cue(6, 9, 'Y'), cue(9.5, 10.5, 'Z')];
		const html = parallelHtml(
			{ lang: 'uk', cues: originals },
			{ lang: 'fr', cues: overlapping },
			labels
		);
		const starts = [...html.matchAll(/data-start="([\d.]+)"[^>]*lang="fr"/g)].map((m) => m[1]);
		expect(starts).not.toEqual(['5', '6', '9.5']);
		const indices = readBack(html, 'fr');
		expect(indices.map((i) => overlapping[i]!.start)).toEqual(starts.map(Number));
		expect([...indices].sort()).toEqual([0, 1, 2]);
		expect(readBack(html, 'uk')).toEqual([0, 1]);
	});
});

/**
 * Each line's cue index as the page reads it (markup-dom.ts): its `data-index`, else one more
 * than the line of its language before it.
 */
function readBack(html: string, lang: string): number[] {
	let previous = -1;
	return [...html.matchAll(/<button [^>]*?(?: data-index="(\d+)")? lang="([^"]+)"/g)]
		.filter((m) => m[2] === lang)
		.map((m) => (previous = m[1] === undefined ? previous + 1 : Number(m[1])));
}
