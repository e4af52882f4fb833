import { expect, test } from '@playwright/test';
import { CLIP } from './helpers';

// The built site's IIIF manifests: linked from each clip page, absolute, and pointing at files
// the site really serves. (Their shape is checked, with @iiif/parser, in src/lib/iiif/.)

const PROFILE = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';

test('each clip page links its IIIF manifest, visibly and for machines', async ({
	page,
	request,
	baseURL
}) => {
	await page.goto(`/clips/${CLIP}`);
	const visible = page.getByRole('link', { name: 'IIIF manifest' });
	await expect(visible).toBeVisible();
	await expect(visible).toHaveAttribute('href', `/clips/${CLIP}/manifest.json`);
	const alternate = page.locator(`link[rel="alternate"][type='${PROFILE}']`);
	const href = await alternate.getAttribute('href');
	expect(href).toBe(`${baseURL}/clips/${CLIP}/manifest.json`);

	// The media type Presentation 3 gives manifests to a client that asks for JSON-LD; plain
	// JSON to any other (Ramp reads no transcript otherwise).
	const asked = await request.get(href!, { headers: { accept: PROFILE } });
	expect(asked.headers()['content-type']).toBe(PROFILE);
	const response = await request.get(href!, { headers: { accept: '*/*' } });
	expect(response.headers()['content-type']).toBe('application/json');
	const manifest = await response.json();
	expect(manifest.id).toBe(href);
	const canvas = manifest.items[0];
	// Every address in it is served: the audio, each WebVTT, the page.
	const addresses = [
		canvas.items[0].items[0].body.id,
		...canvas.annotations.flatMap((page: { items: { body: { id: string } }[] }) =>
			page.items.map((a) => a.body.id)
		),
		manifest.homepage[0].id,
		manifest.thumbnail[0].id,
		manifest.partOf[0].id
	];
	for (const address of addresses) {
		expect(address.startsWith(`${baseURL}/`), address).toBe(true);
		expect((await request.head(address)).status(), address).toBe(200);
	}
});

test('the collection manifest lists every clip’s manifest', async ({ request, baseURL }) => {
	const collection = await (await request.get('/manifest.json')).json();
	expect(collection).toMatchObject({ type: 'Collection', id: `${baseURL}/manifest.json` });
	expect(collection.items.length).toBeGreaterThanOrEqual(5);
	for (const item of collection.items) {
		expect((await request.get(item.id)).status(), item.id).toBe(200);
	}
});
