import { expect, test } from '@playwright/test';
import { CLIP } from './helpers';

/*
 * What a chat, a post or another site reads of a clip's address, from the page as served
 * (crawlers run no script): a description, Open Graph and Twitter card tags, and the oEmbed
 * discovery link, on the clip's page and on its embed page.
 */

/** The head's `<meta>` and `<link>` attributes, as a crawler reads them. */
async function head(request: import('@playwright/test').APIRequestContext, path: string) {
	const html = await (await request.get(path)).text();
	const headHtml = html.slice(0, html.indexOf('</head>'));
	const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
	const decode = (text = '') =>
		text
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
	const meta = new Map<string, string>();
	for (const [tag] of headHtml.matchAll(/<meta [^>]*>/g)) {
		const key = attr(tag, 'property') ?? attr(tag, 'name');
		if (key) meta.set(key, decode(attr(tag, 'content')));
	}
	const oembed = [...headHtml.matchAll(/<link [^>]*>/g)]
		.map(([tag]) => tag)
		.find((tag) => attr(tag, 'type') === 'application/json+oembed');
	return { meta, oembed: oembed && attr(oembed, 'href') };
}

test('a clip’s address previews with its title, description and recording', async ({
	request,
	baseURL
}) => {
	const manifest = await (await request.get(`/clips/${CLIP}/manifest.json`)).json();
	const { meta, oembed } = await head(request, `/clips/${CLIP}`);
	const title = manifest.label.en[0];
	expect(meta.get('og:title')).toContain(title);
	expect(meta.get('twitter:title')).toBe(meta.get('og:title'));
	// The description says first, as the player's label does, that the voice is synthesized.
	const description = meta.get('description')!;
	expect(description).toMatch(/^Synthesized narration, not the witness’s voice\. /);
	expect(description).toContain(manifest.summary.en[0]);
	expect(meta.get('og:description')).toBe(description);
	expect(meta.get('twitter:description')).toBe(description);
	expect(meta.get('og:url')).toBe(`${baseURL}/clips/${CLIP}`);
	expect(meta.get('og:audio')).toBe(manifest.items[0].items[0].items[0].body.id);
	expect(meta.get('og:audio:type')).toBe('audio/mpeg');
	expect(meta.get('og:site_name')).toBeTruthy();
	expect(oembed).toBe(`${baseURL}/clips/${CLIP}/oembed.json`);
	expect((await request.get(oembed!)).status()).toBe(200);
	// The image: the clip's waveform, a real PNG of the size the tags say.
	const image = meta.get('og:image')!;
	expect(image).toBe(manifest.thumbnail[0].id);
	expect(meta.get('twitter:image')).toBe(image);
	expect(meta.get('twitter:card')).toBe('summary_large_image');
	expect(meta.get('og:image:alt')).toBe('The waveform of the recording');
	const png = await request.get(image);
	expect(png.headers()['content-type']).toBe('image/png');
	const bytes = await png.body();
	expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
		Number(meta.get('og:image:width')),
		Number(meta.get('og:image:height'))
	]);
});

test('an embed page carries the discovery link and the same preview', async ({
	request,
	baseURL
}) => {
	const page = await head(request, `/clips/${CLIP}`);
	const embed = await head(request, `/embed/${CLIP}`);
	expect(embed.oembed).toBe(`${baseURL}/clips/${CLIP}/oembed.json`);
	expect(embed.meta.get('og:title')).toBe(page.meta.get('og:title'));
	expect(embed.meta.get('description')).toBe(page.meta.get('description'));
	expect(embed.meta.get('robots')).toBe('noindex');
});
