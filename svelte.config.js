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
		// Inline all JS and CSS into index.html so no root-absolute /_app/ URL is emitted
		// (hash-mode fallback pages otherwise import from /_app/, see sveltejs/kit#13813).
		output: { bundleStrategy: 'inline' },
		alias: { $modules: 'modules' }
	}
};

export default config;
