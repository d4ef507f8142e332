import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { koersModules } from './src/tools/modules-plugin.js';

export default defineConfig({
	plugins: [sveltekit(), koersModules()],
	build: {
		// Small imported assets stay inline in the code: fewer requests, and no extra URL to resolve.
		assetsInlineLimit: 100_000
	},
	server: { fs: { allow: ['modules'] } },
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
