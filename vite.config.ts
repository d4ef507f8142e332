import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { koersModules } from './src/tools/modules-plugin.js';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
/** Whether a path is in a top-level build... or .svelte-kit... folder other than this process's own. */
const othersFolder = (path: string) => {
	const top = relative(ROOT, path).split(/[/\\]/)[0];
	return /^(build|\.svelte-kit)/.test(top) && top !== (process.env.KOERS_KIT_DIR || '.svelte-kit');
};

export default defineConfig({
	plugins: [sveltekit(), koersModules()],
	build: {
		// Small imported assets stay inline in the code: fewer requests, and no extra URL to resolve.
		assetsInlineLimit: 100_000
	},
	server: {
		fs: { allow: ['modules'] },
		// Several people build in this tree at once, each in their own build-*/.svelte-kit-* folder: a
		// dev server ignores the others' (a rewritten tsconfig.json there would reload its page).
		watch: { ignored: (path: string) => othersFolder(path) }
	},
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'dom',
					environment: 'jsdom',
					include: ['src/**/*.svelte.spec.ts']
				}
			}
		]
	}
});
