// Content tests over every module in modules/: it loads with no error or warning, every key is in
// every language, every node is reachable, every path ends, and saved state stays small.
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { flattenLocale, keysOf, worstCaseCompactLength } from '../../src/lib/engine';
import { loadFromDisk, MODULES_DIR, shippedModuleIds } from '../helpers/load-from-disk';
import { exploreStates } from '../helpers/paths';

const SCORM12_LIMIT = 4096;
// Exploring every situation of a 60-node module takes a second or two; CI machines can be slower.
vi.setConfig({ testTimeout: 60_000 });

describe.each(shippedModuleIds())('module %s', (id) => {
	const result = loadFromDisk(join(MODULES_DIR, id));

	it('loads with no errors and no warnings', () => {
		expect(result.ok ? result.loaded.warnings : result.issues).toEqual([]);
	});
	if (!result.ok) return;
	const { module, locales, scenario } = result.loaded;

	it('has every key, non-empty, in every language, and the same keys everywhere', () => {
		const { required } = keysOf(module);
		const keySets = module.languages.map((lang) => [...flattenLocale(locales[lang]).keys()].sort());
		for (const lang of module.languages) {
			const flat = flattenLocale(locales[lang]);
			for (const key of required) expect(String(flat.get(key) ?? '').trim(), `${lang}: ${key}`).not.toBe('');
		}
		for (const keys of keySets) expect(keys).toEqual(keySets[0]);
	});

	it('reaches an end on every path, and every node lies on some path', () => {
		const seen = new Set<string>();
		let endings = 0;
		// exploreStates applies every action the learner can take; a step the engine refuses (a guard
		// that leaves the learner stuck) throws and fails this test.
		exploreStates(scenario, (state) => {
			seen.add(state.node);
			if (state.completedAt !== undefined) endings++;
		});
		expect(endings).toBeGreaterThan(0);
		expect([...seen].sort()).toEqual(Object.keys(module.machine.states).sort());
	});

	it('keeps the encoded saved state under the SCORM 1.2 limit on every path', () => {
		const bound = worstCaseCompactLength(module);
		expect(bound).toBeLessThan(SCORM12_LIMIT);
		let longest = 0;
		exploreStates(scenario, (state) => {
			longest = Math.max(longest, scenario.encode(state).length);
		});
		expect(longest).toBeLessThanOrEqual(bound);
	});

	it('can be passed', () => {
		let best = 0;
		exploreStates(scenario, (state) => {
			if (state.completedAt !== undefined) best = Math.max(best, scenario.scoreOf(state).percent);
		});
		expect(best).toBeGreaterThanOrEqual(module.masteryScore);
	});
});
