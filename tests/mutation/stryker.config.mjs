// @ts-check
// `npm run test:mutation`: StrykerJS plants small bugs (mutants) in the code where a bug hurts
// learners or LMSs and runs the specs in tests/mutation/vitest.config.ts against each; a mutant no
// spec notices "survives". Not part of `npm test` (too slow for every run). On 2 cores, run it on
// one folder at a time: `npm run test:mutation -- --mutate 'src/lib/engine/**/*.ts,!**/*.spec.ts'`.
// Incremental: results are kept in tests/mutation/stryker-incremental.json, so a re-run only tests
// mutants in code or specs that changed. See README.md "Mutation testing".
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The unit suite runs in Europe/Amsterdam (vite.config.ts `test.env`). Stryker runs Vitest in
// worker threads of its own processes, where that setting does not change the time zone (a thread
// shares its process's zone), so the zone is set here, before Stryker starts those processes.
process.env.TZ = 'Europe/Amsterdam';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'tests/mutation/vitest.config.ts', related: true },
	checkers: ['typescript'],
	tsconfigFile: 'tests/mutation/tsconfig.json',
	// Grouped checking (the default here) type-checks many mutants in one compile and only splits a
	// group that fails. KOERS_MUTATION_TS_ACCURATE=1 checks every mutant on its own (slower), to rule
	// grouping out when the checker misbehaves; Stryker's command line takes no nested option, hence
	// the variable. (The crash on checker.ts:321-396 was not grouping but TypeScript itself on one
	// mutant: README.md, "Mutation testing".)
	typescriptChecker: { prioritizePerformanceOverAccuracy: process.env.KOERS_MUTATION_TS_ACCURATE !== '1' },
	mutate: [
		'src/lib/engine/**/*.ts',
		'src/lib/tracking/**/*.ts',
		'src/lib/storage/**/*.ts',
		'src/lib/content/**/*.ts',
		'src/lib/authoring/checker.ts',
		'src/lib/authoring/content.ts',
		'src/lib/results/result-record.ts',
		'!**/*.spec.ts'
	],
	coverageAnalysis: 'perTest',
	incremental: true,
	incrementalFile: 'tests/mutation/stryker-incremental.json',
	// The sandbox (a copy of the project with the mutants in it) goes outside the project, or Vitest
	// and Playwright in this folder would find its copies of the specs.
	tempDirName: join(tmpdir(), `koers-stryker-${process.pid}`),
	// Anchored with a leading `/` (gitignore syntax): a bare `build*` also matched
	// src/lib/engine/build-machine.ts, so every spec that imports the engine failed to load in the
	// sandbox and no mutant could be killed by it.
	ignorePatterns: ['/build*', '/dist', '/.svelte-kit*', '/test-results', '/playwright-report', '/tests/.tmp', '/tests/mutation/reports'],
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'tests/mutation/reports/mutation.html' },
	jsonReporter: { fileName: 'tests/mutation/reports/mutation.json' },
	thresholds: { high: 85, low: 75, break: null },
	concurrency: 2,
	timeoutMS: 10000,
	timeoutFactor: 1.5,
	cleanTempDir: 'always'
};
