import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Where `npm run build` writes the static app (default build/).
const OUT = process.env.KOERS_OUT || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves (as the sv template does).
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// One HTML entry (index.html); an LMS serves it from a sub-path we do not know in advance.
		adapter: adapter({ pages: OUT, assets: OUT, fallback: 'index.html', strict: false }),
		// Separate work folders let parallel builds (tests, packaging) run without clobbering each other.
		outDir: process.env.KOERS_KIT_DIR || '.svelte-kit',
		// Route from location.hash: no server needed, works inside a SCORM zip. Links start with '#/'.
		router: { type: 'hash' },
		// Split: each page's code is its own file in _app/, so the catalogue does not load the
		// player's code (the first page's size budget, see README.md "Size"). The fallback page that
		// Kit writes imports from root-absolute /_app/ URLs (sveltejs/kit#13813); the build script
		// rewrites them to ./_app/ (src/tools/relative-app-paths.js), so the build still works at
		// any sub-path and inside a SCORM zip (tests/e2e/nested-path.e2e.ts proves it).
		output: { bundleStrategy: 'split' },
		alias: { $modules: 'modules' }
	}
};

export default config;
