// Golden play-throughs: each tests/modules/<id>/golden.json lists paths (actions in order) with
// the node sequence, score and pass/fail they must produce. They catch authoring regressions.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario, type LearnerAction } from '../../src/lib/engine';
import { loadShipped } from '../helpers/load-from-disk';

interface Golden {
	name: string;
	actions: LearnerAction[];
	path: string[];
	score: number;
	percent: number;
	passed: boolean;
	/**
	 * Plays against the module with this mastery score instead of its own: for a boundary no shipped
	 * module reaches, e.g. a path that ends exactly at the mastery score (no score out of 17 or 25 is
	 * exactly 70 %).
	 */
	masteryScore?: number;
}

const dir = import.meta.dirname;
const ids = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'golden.json')));

describe.each(ids)('golden play-throughs of %s', (id) => {
	const goldens: Golden[] = JSON.parse(readFileSync(join(dir, id, 'golden.json'), 'utf8'));
	it.each(goldens.map((g) => [g.name, g] as const))('%s', (_name, golden) => {
		// Loaded in the test, not while the file is collected: a mutation run (tests/mutation) then
		// knows which tests use the loading code.
		const shipped = loadShipped(id).scenario;
		const scenario = golden.masteryScore === undefined ? shipped : new Scenario({ ...shipped.module, masteryScore: golden.masteryScore });
		let state = scenario.start(0);
		golden.actions.forEach((action, i) => {
			state = scenario.acknowledgeFeedback(scenario.apply(state, action, i + 1), i + 1);
		});
		expect(state.path).toEqual(golden.path);
		expect(state.completedAt).toBeDefined();
		const score = scenario.scoreOf(state);
		expect({ score: score.score, percent: score.percent, passed: score.passed }).toEqual({ score: golden.score, percent: golden.percent, passed: golden.passed });
	});
});
