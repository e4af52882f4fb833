import { describe, expect, it } from 'vitest';
import { eventMessage, iframeCode, oembed, parseCommand, PROTOCOL } from './protocol.ts';

describe('parseCommand', () => {
	it('reads the three commands', () => {
		expect(parseCommand({ protocol: PROTOCOL, command: 'play' })).toEqual({ command: 'play' });
		expect(parseCommand({ protocol: PROTOCOL, command: 'pause' })).toEqual({ command: 'pause' });
		expect(parseCommand({ protocol: PROTOCOL, command: 'seek', time: 12.5 })).toEqual({
			command: 'seek',
			time: 12.5
		});
		expect(parseCommand({ protocol: PROTOCOL, command: 'seek', time: 0 })).toEqual({
			command: 'seek',
			time: 0
		});
	});

	it('keeps nothing but the command: extra fields are dropped', () => {
		expect(
			parseCommand({ protocol: PROTOCOL, command: 'play', src: 'javascript:alert(1)' })
		).toEqual({ command: 'play' });
	});

	it('ignores everything else', () => {
		const ignored: unknown[] = [
			undefined,
			null,
			'play',
			JSON.stringify({ protocol: PROTOCOL, command: 'play' }),
			[PROTOCOL, 'play'],
			{ command: 'play' },
			{ protocol: 'another-player', command: 'play' },
			{ protocol: PROTOCOL, command: 'eval', code: 'alert(1)' },
			{ protocol: PROTOCOL, command: 'navigate', url: 'https://evil.invalid/' },
			{ protocol: PROTOCOL, command: 'seek' },
			{ protocol: PROTOCOL, command: 'seek', time: '12' },
			{ protocol: PROTOCOL, command: 'seek', time: -1 },
			{ protocol: PROTOCOL, command: 'seek', time: Number.NaN },
			{ protocol: PROTOCOL, command: 'seek', time: Number.POSITIVE_INFINITY },
			{ protocol: PROTOCOL, command: { toString: () => 'play' } }
		];
		for (const data of ignored) expect(parseCommand(data), JSON.stringify(data)).toBeUndefined();
	});
});

describe('events', () => {
	it('carry the protocol name', () => {
		expect(eventMessage({ event: 'resize', height: 480 })).toEqual({
			protocol: PROTOCOL,
			event: 'resize',
			height: 480
		});
	});
});

describe('iframeCode', () => {
	it('writes the frame with its address and title', () => {
		expect(iframeCode('https://archive.example.org/embed/clip#t=1,2&lang=en', 'A clip')).toBe(
			'<iframe src="https://archive.example.org/embed/clip#t=1,2&amp;lang=en" title="A clip" ' +
				'width="720" height="560" style="border: 0; width: 100%; max-width: 720px; ' +
				'height: auto; aspect-ratio: 720 / 560; min-height: 500px" ' +
				'allow="autoplay; clipboard-write" loading="lazy"></iframe>'
		);
	});

	it('escapes a title that carries markup, so the host page gets text', () => {
		const code = iframeCode('https://a.example/embed/x', '"><script>alert(1)</script>');
		expect(code).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
		expect(code).not.toContain('<script');
	});
});

describe('oembed', () => {
	const details = {
		title: 'The Kengir uprising put down',
		witness: 'Antanas Petrikonis',
		site: 'Memories of the Gulag',
		siteUrl: 'https://archive.example.org/',
		embedUrl: 'https://archive.example.org/embed/petrikonis',
		frameTitle: 'The Kengir uprising put down, Antanas Petrikonis: player and transcript'
	};

	it('is a rich oEmbed 1.0 response whose html frames the player', () => {
		const response = oembed({ ...details, synthesized: false });
		expect(response).toMatchObject({
			version: '1.0',
			type: 'rich',
			author_name: 'Antanas Petrikonis',
			provider_url: 'https://archive.example.org/',
			width: 720,
			height: 560
		});
		expect(response.html).toMatch(
			/^<iframe src="https:\/\/archive.example.org\/embed\/petrikonis"/
		);
		// The frame's own size is the one announced.
		expect(response.html).toContain(`width="${response.width}" height="${response.height}"`);
	});

	it('names the edition’s narrator, never the witness, as the author of a synthesized narration', () => {
		const response = oembed({ ...details, synthesized: true });
		expect(response.author_name).toBe(
			'Narrator of the edition (synthesized narration; subject: Antanas Petrikonis)'
		);
		expect(response.author_name).not.toBe('Antanas Petrikonis');
	});
});
