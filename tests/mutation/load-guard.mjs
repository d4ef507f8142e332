// A Vitest reporter for the mutation run: a spec file that fails to load (an import that cannot be
// resolved, a module that throws while it is imported) becomes an error Stryker sees.
//
// Why: Stryker's Vitest runner only counts test cases. A spec file that fails to load has none, so
// its failure went unnoticed: the dry run "succeeded" with fewer tests, and every mutant that spec
// should have caught "survived" (this hid a broken sandbox, see stryker.config.mjs). Reported as an
// error outside the tests, it stops the dry run with the load error in the message. In a mutant run
// (a mutant that breaks loading, e.g. an invalid regular expression at the top of a file) Stryker
// reports the mutant as a runtime error instead of a false survivor.
//
// Plain JavaScript: Vitest loads reporters before the SvelteKit plugin has written
// .svelte-kit/tsconfig.json, which a TypeScript file here would need (a fresh clone has none).

/** @implements {import('vitest/node').Reporter} */
export default class LoadGuard {
	/** @type {import('vitest/node').Vitest | undefined} */
	vitest;

	/** @param {import('vitest/node').Vitest} vitest */
	onInit(vitest) {
		this.vitest = vitest;
	}

	/** @param {import('vitest/node').TestModule} testModule */
	onTestModuleEnd(testModule) {
		const loadErrors = testModule.errors();
		if (loadErrors.length === 0) return;
		const why = loadErrors.map((error) => error.message).join('; ');
		this.vitest?.state.catchError(new Error(`${testModule.relativeModuleId} did not load: ${why}`), 'Unhandled Error');
	}
}
