import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves (as the sv template does).
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// One HTML entry (index.html); an LMS serves it from a sub-path we do not know in advance.
		adapter: adapter({ fallback: 'index.html', strict: false }),
		// Route from location.hash: no server needed, works inside a SCORM zip. Links start with '#/'.
		router: { type: 'hash' },
		// Inline all JS and CSS into index.html so no root-absolute /_app/ URL is emitted
		// (hash-mode fallback pages otherwise import from /_app/, see sveltejs/kit#13813).
		output: { bundleStrategy: 'inline' },
		alias: { $modules: 'modules' }
	}
};

export default config;
