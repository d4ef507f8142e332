// The specs StrykerJS runs against each mutant (tests/mutation/stryker.config.mjs): only those that
// exercise the mutated folders, so a run on 2 cores stays within reach. Same settings as the unit
// suite in vite.config.ts (Europe/Amsterdam, node and jsdom).
import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ALL_SPECS = [
	'src/lib/engine/**/*.spec.ts',
	'src/lib/tracking/**/*.spec.ts',
	'src/lib/storage/**/*.spec.ts',
	'src/lib/content/**/*.spec.ts',
	'src/lib/results/result-record.spec.ts',
	'tests/authoring/checker*.spec.ts',
	// The checker's parts (text scans, graph, JSON locator) and its rules for instruments.
	'tests/authoring/units.spec.ts',
	'tests/authoring/instrument-checker.spec.ts',
	'tests/modules/golden.spec.ts',
	'tests/reliability/hostile-content.spec.ts'
];
// KOERS_MUTATION_SPECS (comma-separated globs) narrows the set to a folder's own specs, e.g.
// `src/lib/engine/**/*.spec.ts`. A mutant in a module-level constant (a regular expression, a
// list) is "static": Stryker tests it against every spec of the set, over a minute each on 2
// shared cores with the whole set, about ten seconds with the engine's own. A score measured
// with fewer specs can only be lower (README.md, "Mutation testing").
const only = process.env.KOERS_MUTATION_SPECS?.split(',').filter(Boolean);

export default defineConfig({
	root: ROOT,
	plugins: [sveltekit()],
	test: {
		env: { TZ: 'Europe/Amsterdam' },
		// A spec file that fails to load must stop the run, not silently drop its tests (load-guard.mjs).
		reporters: ['default', fileURLToPath(new URL('./load-guard.mjs', import.meta.url))],
		// One project: Stryker's Vitest runner activates each mutant through its own setup file,
		// which `projects` would not pass on to their workers (every mutant "survived"). The one
		// spec that needs a DOM says so itself (@vitest-environment jsdom).
		environment: 'node',
		include: only?.length ? only : ALL_SPECS,
		// markdown-shipped.spec.ts compares the renderer with marked on every shipped text: it depends
		// on the modules' texts, and fails while one of them and marked differ, whatever the mutant;
		// Stryker needs a green suite to start from. markdown.spec.ts (the same comparison on texts
		// written for it, and the renderer's limits) counts.
		exclude: ['src/lib/content/markdown-shipped.spec.ts']
	}
});
