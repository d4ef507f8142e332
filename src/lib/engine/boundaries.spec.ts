// Boundaries a learner notices: exactly at the mastery score, a saved state from a newer player,
// a path longer than the compact form keeps. Each test here was written against a planted one-line
// bug that the older specs let through (issue 17); the bug is named in the test.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadModule, MAX_COMPACT_PATH, SAVED_STATE_FORMAT, summariseScore, type SavedState, type Scenario } from '$lib/engine';
import { join } from 'node:path';
import { loadShipped, MODULES_DIR, readModuleFiles } from '../../../tests/helpers/load-from-disk';
/** MIXED: the demo's "mixed path" (tests/modules/demo/golden.json), 3 of 6 points, 50 %. */
import { DEMO_MIXED as MIXED } from '../../../tests/helpers/demo-paths';

const T0 = 1_700_000_000_000;

/** The demo module with another mastery score. */
function demoWithMastery(masteryScore: number) {
	const files = readModuleFiles(join(MODULES_DIR, 'demo'));
	const json = JSON.parse(files.moduleJson);
	json.masteryScore = masteryScore;
	const result = loadModule({ moduleJson: JSON.stringify(json), locales: files.locales });
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.loaded.scenario;
}

describe('the mastery score is a minimum, not a bar to clear (bug: `>=` → `>`)', () => {
	it('passes a score exactly at the mastery score, and fails one point below', () => {
		expect(summariseScore(7, 10, 70)).toEqual({ score: 7, maxScore: 10, percent: 70, masteryScore: 70, passed: true });
		expect(summariseScore(69, 100, 70).passed).toBe(false);
		expect(summariseScore(70, 100, 70).passed).toBe(true);
	});

	it('passes a learner whose play-through ends exactly at the mastery score', () => {
		const scenario = demoWithMastery(50);
		let state = scenario.start(T0);
		MIXED.forEach((action, i) => (state = scenario.acknowledgeFeedback(scenario.apply(state, action, T0 + i + 1), T0 + i + 1)));
		expect(state.node).toBe('end-practice');
		expect(scenario.scoreOf(state)).toMatchObject({ score: 3, maxScore: 6, percent: 50, passed: true });
		expect(demoWithMastery(51).scoreOf(state).passed).toBe(false);
	});

	it('rounds the percentage before comparing: 2 of 3 is 67 %, enough for a mastery score of 67', () => {
		expect(summariseScore(2, 3, 67)).toMatchObject({ percent: 67, passed: true });
		expect(summariseScore(2, 3, 68).passed).toBe(false);
	});
});

describe('a saved state from a newer player is refused, not misread (bug: the format upper bound removed)', () => {
	// In each test, not while the file is collected (see scenario.spec.ts).
	let scenario: Scenario;
	beforeEach(() => {
		scenario = loadShipped('demo').scenario;
	});
	const played = () => {
		let s = scenario.start(T0);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0 + 1000), { type: 'continue' }, T0 + 2000);
		return scenario.apply(s, { type: 'choose', option: 'talk' }, T0 + 3000);
	};

	it('restore refuses a record of a newer format, and reads the current one', () => {
		const state = played();
		expect(scenario.restore(state).ok).toBe(true);
		const newer = scenario.restore({ ...state, format: SAVED_STATE_FORMAT + 1 });
		expect(newer).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(!newer.ok && newer.detail).toMatch(/format 2 is not readable/);
		expect(scenario.restore({ ...state, format: 0 })).toMatchObject({ ok: false, reason: 'corrupt' });
	});

	it('the compact decoder refuses a compact form of a newer format', () => {
		const text = scenario.encode(played());
		expect(text.startsWith(`K${SAVED_STATE_FORMAT}~`)).toBe(true);
		expect(scenario.decode(text, T0).ok).toBe(true);
		const newer = scenario.decode(text.replace(/^K\d+~/, `K${SAVED_STATE_FORMAT + 1}~`), T0);
		expect(newer).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(!newer.ok && newer.detail).toMatch(/format 2 is not readable/);
		expect(scenario.decode(text.replace(/^K\d+~/, 'K0~'), T0).ok).toBe(false);
	});
});

describe('a path longer than the compact form holds (bug: keeping the first entries instead of the last)', () => {
	// In each test, not while the file is collected (see scenario.spec.ts).
	let scenario: Scenario;
	beforeEach(() => {
		scenario = loadShipped('demo').scenario;
	});

	it(`keeps the last ${MAX_COMPACT_PATH} entries, so the learner resumes on the page they were on`, () => {
		// Back and forth over the opening pages, then on to the second visit: 380 entries.
		const path = [...Array.from({ length: 370 }, (_, i) => (i % 2 ? 'meet-sam' : 'welcome')), 'meet-sam', 'first-evening', 'talk-outcome', 'second-visit'];
		while (path.length < 380) path.unshift('welcome');
		const state: SavedState = {
			...scenario.start(T0),
			node: 'second-visit',
			path,
			decisions: [{ node: 'first-evening', answers: ['talk'], points: 2, at: T0, latencyMs: 0 }],
			score: 2
		};
		const decoded = scenario.decode(scenario.encode(state), T0 + 5000);
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		expect(decoded.state.node).toBe('second-visit');
		expect(decoded.state.path).toHaveLength(MAX_COMPACT_PATH);
		expect(decoded.state.path).toEqual(path.slice(-MAX_COMPACT_PATH));
		expect(decoded.state.path.slice(-4)).toEqual(['meet-sam', 'first-evening', 'talk-outcome', 'second-visit']);
		expect(decoded.state.score).toBe(2);
	});

	it('keeps a path of exactly the limit whole', () => {
		const path = [...Array.from({ length: MAX_COMPACT_PATH - 1 }, (_, i) => (i % 2 ? 'meet-sam' : 'welcome')), 'first-evening'];
		const state: SavedState = { ...scenario.start(T0), node: 'first-evening', path };
		const decoded = scenario.decode(scenario.encode(state), T0);
		expect(decoded.ok && decoded.state.path).toEqual(path);
	});
});
