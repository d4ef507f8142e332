// @vitest-environment jsdom
// The catalogue the build writes into index.html (README.md, "Speed"): the first catalogue of a
// page load needs no request, later ones and a broken one are fetched. Needs a document: jsdom.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let source: typeof import('./module-source');
let requests: string[];
const FETCHED = [{ id: 'fetched' }];
const EMBEDDED = [{ id: 'embedded' }];

const embed = (text: string) => {
	const script = document.createElement('script');
	script.type = 'application/json';
	script.id = 'koers-catalogue';
	script.textContent = text;
	document.body.append(script);
};

beforeEach(async () => {
	vi.resetModules();
	source = await import('./module-source');
	requests = [];
	document.body.replaceChildren();
	vi.stubGlobal('fetch', async (url: string) => {
		requests.push(url);
		return Response.json({ modules: FETCHED });
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('the catalogue written into the page', () => {
	it('is used once, without a request, and taken out of the page; the next catalogue is fetched', async () => {
		embed(JSON.stringify({ modules: EMBEDDED }));
		// Nothing to fetch early either.
		source.prefetchCatalogue();
		expect(requests).toEqual([]);
		const s = new source.FetchModuleSource();
		expect(await s.catalogue()).toEqual(EMBEDDED);
		expect(requests).toEqual([]);
		expect(document.getElementById('koers-catalogue')).toBeNull();
		expect(await s.catalogue()).toEqual(FETCHED);
		expect(requests).toEqual(['modules/index.json']);
	});

	it('is fetched instead when what the page holds cannot be read', async () => {
		for (const text of ['{ broken', '{"modules": "demo"}', '']) {
			embed(text);
			expect(await new source.FetchModuleSource().catalogue(), text).toEqual(FETCHED);
			expect(document.getElementById('koers-catalogue')).toBeNull();
		}
		expect(requests).toHaveLength(3);
	});

	it('is not the catalogue of another modules folder', async () => {
		embed(JSON.stringify({ modules: EMBEDDED }));
		expect(await new source.FetchModuleSource('other/').catalogue()).toEqual(FETCHED);
		expect(requests).toEqual(['other/index.json']);
		expect(await new source.FetchModuleSource().catalogue()).toEqual(EMBEDDED);
	});
});
