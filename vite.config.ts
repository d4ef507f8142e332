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
		assetsInlineLimit: 100_000,
		rolldownOptions: {
			output: {
				// Svelte's and SvelteKit's runtime in one file instead of a dozen small ones: every page
				// needs all of it, and each extra request costs a phone a round trip and the browser
				// work of a separate module (see README.md "Speed").
				codeSplitting: {
					groups: [
						{ name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]|preload-helper/, priority: 20 },
						// Modules of our own that the first page and the others share: one file rather than one
						// each. Named, because a group also takes in what its modules import. Not Dexie: the
						// catalogue shows from a plain first read, and Dexie loads after it (storage/first-read.ts).
						{ name: 'shared', test: /src[\\/]lib[\\/](app-context|engine[\\/]ids|tracking[\\/]package-launch|content[\\/]module-source|storage[\\/](progress-repository|first-read))\.ts$/, priority: 10 }
					]
				}
			}
		}
	},
	server: {
		fs: { allow: ['modules'] },
		// Several people build in this tree at once, each in their own build-*/.svelte-kit-* folder: a
		// dev server ignores the others' (a rewritten tsconfig.json there would reload its page).
		watch: { ignored: (path: string) => othersFolder(path) }
	},
	test: {
		// The unit suite runs in a zone other than UTC (with summer time), so code that should use the
		// learner's local time but uses UTC (or the reverse) fails here rather than on a Dutch phone.
		env: { TZ: 'Europe/Amsterdam' },
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
