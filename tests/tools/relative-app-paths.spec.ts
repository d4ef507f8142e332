// The build's index.html: relative URLs (an LMS serves it from a path of its own) and the start
// page's files requested at once, the catalogue among them.
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PRELOAD, preload, relativeAppPaths } from '../../src/tools/relative-app-paths.js';
import { launchPage } from '../../src/tools/package-scorm';

const KIT_PAGE = '<html><head>\n\t\t<link href="/_app/immutable/entry/start.js" rel="modulepreload">\n\t</head><body></body></html>';

describe('the start page of a build', () => {
	const html = preload(relativeAppPaths(KIT_PAGE), { js: ['_app/immutable/nodes/2.js'], css: ['_app/immutable/assets/2.css'] });

	it('loads the app by relative URLs and preloads the start page\u2019s code, style and catalogue', () => {
		expect(html).toContain('href="./_app/immutable/entry/start.js"');
		expect(html).toContain('<link href="./_app/immutable/nodes/2.js" rel="modulepreload">');
		expect(html).toContain('<link href="./_app/immutable/assets/2.css" rel="stylesheet">');
		// The catalogue page fetches modules/index.json with the same mode, so it gets this response.
		expect(html).toContain('<link href="./modules/index.json" rel="preload" as="fetch" crossorigin="anonymous">');
		expect(html).not.toMatch(/["(]\/_app\//);
	});

	it('adds each link once when run again on its own output', () => {
		const again = preload(html, { js: ['_app/immutable/nodes/2.js'], css: ['_app/immutable/assets/2.css'] });
		expect(again.split(CATALOGUE_PRELOAD)).toHaveLength(2);
		expect(again.split('nodes/2.js')).toHaveLength(2);
	});

	it('preloads no catalogue for an app that has none (the bench\u2019s reference app)', () => {
		expect(preload(relativeAppPaths(KIT_PAGE), { js: [], css: [] }, { catalogue: false })).not.toContain('index.json');
	});

	it('in a SCORM package, which opens its module and never the catalogue, preloads no catalogue', () => {
		const page = launchPage(html, 'demo', 'scorm12');
		expect(page).toContain('koers-package');
		expect(page).not.toContain('index.json');
		expect(page).toContain('nodes/2.js');
	});
});
