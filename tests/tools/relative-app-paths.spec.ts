// The build's index.html: relative URLs (an LMS serves it from a path of its own), the start
// page's files requested at once, and the catalogue written into the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { embedCatalogue, inlineStartStyles, preload, relativeAppPaths, withoutCatalogue } from '../../src/tools/relative-app-paths.js';
import { strictPolicy } from '../../src/tools/csp.js';
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

describe('the start page\u2019s style sheets, written into index.html', () => {
	const page = preload(relativeAppPaths(KIT_PAGE), { js: [], css: ['_app/immutable/assets/0.css', '_app/immutable/assets/2.css'] });
	const sheets: Record<string, string> = {
		'_app/immutable/assets/0.css': 'body{margin:0}.a>.b{content:"x"}',
		'_app/immutable/assets/2.css': '.grid{display:grid}'
	};
	const read = (path: string) => sheets[path];

	it('puts each sheet\u2019s rules in the page, word for word, in the order of the links', () => {
		const { document } = new JSDOM(inlineStartStyles(page, read)).window;
		expect([...document.querySelectorAll('style')].map((s) => s.textContent)).toEqual([sheets['_app/immutable/assets/0.css'], sheets['_app/immutable/assets/2.css']]);
	});

	it('keeps each link, disabled: the browser fetches nothing, and the loader sees the sheet as there', () => {
		const { document } = new JSDOM(inlineStartStyles(page, read)).window;
		const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')];
		expect(links.map((l) => [l.getAttribute('href'), l.hasAttribute('disabled')])).toEqual([
			['./_app/immutable/assets/0.css', true],
			['./_app/immutable/assets/2.css', true]
		]);
	});

	it('changes nothing when run again on its own output, and the preload adds no second link', () => {
		const once = inlineStartStyles(page, read);
		expect(inlineStartStyles(once, read)).toBe(once);
		expect(preload(once, { js: [], css: ['_app/immutable/assets/0.css'] })).toBe(once);
	});

	it('refuses a sheet that would end its <style> element early', () => {
		expect(() => inlineStartStyles(page, () => 'a{}</style><script>alert(1)</script>')).toThrow(/0\.css contains "<\/style"/);
	});

	it('the strict Content Security Policy allows these styles by hash, and no other inline style', () => {
		const dir = mkdtempSync(join(tmpdir(), 'koers-csp-'));
		try {
			mkdirSync(join(dir, '_app'));
			writeFileSync(join(dir, 'index.html'), inlineStartStyles(page, read));
			const styleSrc = strictPolicy(dir).split('; ').find((d) => d.startsWith('style-src '))!;
			const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
			expect(styleSrc).toBe(`style-src 'self' ${hash(sheets['_app/immutable/assets/0.css'])} ${hash(sheets['_app/immutable/assets/2.css'])}`);
			expect(styleSrc).not.toContain('unsafe-inline');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
