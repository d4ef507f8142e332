// The build's index.html: relative URLs (an LMS serves it from a path of its own), the start
// page's files requested at once, and the catalogue written into the page.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { embedCatalogue, preload, relativeAppPaths, withoutCatalogue } from '../../src/tools/relative-app-paths.js';
import { launchPage } from '../../src/tools/package-scorm';

const KIT_PAGE = '<html><head>\n\t\t<link href="/_app/immutable/entry/start.js" rel="modulepreload">\n\t</head><body></body></html>';
const entry = (id: string, title: string) => ({ id, broken: false, example: false, version: '1.0.0', languages: ['nl'], studyMinutes: 30, masteryScore: 70, titles: { nl: title }, descriptions: { nl: '' } });

/** The catalogue as the player reads it from the page: the data block's text, parsed. */
function catalogueInPage(html: string) {
	const { document } = new JSDOM(html).window;
	const blocks = document.querySelectorAll('script#koers-catalogue');
	expect(blocks).toHaveLength(1);
	return { data: JSON.parse(blocks[0].textContent ?? ''), scripts: document.querySelectorAll('script').length };
}

describe('the start page of a build', () => {
	const html = preload(relativeAppPaths(KIT_PAGE), { js: ['_app/immutable/nodes/2.js'], css: ['_app/immutable/assets/2.css'] });

	it('loads the app by relative URLs and preloads the start page\u2019s code and style', () => {
		expect(html).toContain('href="./_app/immutable/entry/start.js"');
		expect(html).toContain('<link href="./_app/immutable/nodes/2.js" rel="modulepreload">');
		expect(html).toContain('<link href="./_app/immutable/assets/2.css" rel="stylesheet">');
		expect(html).not.toMatch(/["(]\/_app\//);
	});

	it('adds each link once when run again on its own output', () => {
		const again = preload(html, { js: ['_app/immutable/nodes/2.js'], css: ['_app/immutable/assets/2.css'] });
		expect(again.split('nodes/2.js')).toHaveLength(2);
		expect(again.split('assets/2.css')).toHaveLength(2);
	});

	it('carries the catalogue, which the page reads back exactly as written', () => {
		const catalogue = { modules: [entry('demo', 'Demo'), entry('polarisatie', 'Van polarisatie naar verbinding')] };
		expect(catalogueInPage(embedCatalogue(html, catalogue)).data).toEqual(catalogue);
	});

	it('keeps a title that tries to end the block or to run a script as plain data', () => {
		const hostile = '</script><script>alert(1)</script><!-- $& $\' $` \u2028';
		const page = embedCatalogue(html, { modules: [entry('hostile', hostile)] });
		const { data, scripts } = catalogueInPage(page);
		expect(data.modules[0].titles.nl).toBe(hostile);
		// The data block is the page's only script: nothing in a title opened another.
		expect(scripts).toBe(1);
		expect(page).not.toContain('<script>alert');
	});

	it('replaces the catalogue when the modules are copied again, never adding a second', () => {
		const once = embedCatalogue(html, { modules: [entry('demo', 'Oud')] });
		const twice = embedCatalogue(once, { modules: [entry('demo', 'Nieuw')] });
		expect(catalogueInPage(twice).data.modules[0].titles.nl).toBe('Nieuw');
		expect(withoutCatalogue(twice)).toBe(html);
	});

	it('in a SCORM package, which opens its module and never the catalogue, carries no catalogue', () => {
		const page = launchPage(embedCatalogue(html, { modules: [entry('demo', 'Demo'), entry('andere', 'Andere module')] }), 'demo', 'scorm12');
		expect(page).toContain('koers-package');
		expect(page).not.toContain('koers-catalogue');
		expect(page).not.toContain('Andere module');
		expect(page).toContain('nodes/2.js');
	});
});
