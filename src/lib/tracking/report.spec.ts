// What an LMS is told about an attempt, in edition-neutral terms (report.ts): the status and score
// for each way an attempt can end, the status that never goes back, one report per decision and
// the evaluation's answers. Modules are loaded in beforeEach, not at collection (README.md,
// "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import { Scenario, type ModuleDefinition, type SavedState } from '$lib/engine';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { DEMO_BEST, DEMO_WORST, demoActions } from '../../../tests/helpers/demo-paths';
import type { LmsStatus } from './report';

type Report = typeof import('./report');
let report: Report;
let scenario: Scenario;
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

beforeEach(async () => {
	report = await import('./report');
	scenario = loadShipped('demo').scenario;
});

function play(actions: typeof DEMO_BEST): SavedState {
	let state = scenario.start(T0);
	let now = T0;
	for (const action of actions) {
		now += 10_000;
		state = scenario.apply(state, action, now);
		if (state.feedbackPending) state = scenario.acknowledgeFeedback(state, now);
	}
	return state;
}

describe('the outcome an LMS is told', () => {
	it('an unfinished attempt: incomplete, no score yet, progress so far', () => {
		const halfway = play(DEMO_BEST.slice(0, 4));
		const outcome = report.outcomeOf(scenario, halfway, 'failed');
		expect(outcome).toEqual({ status: { completion: 'incomplete', success: 'unknown' }, percent: null, progress: scenario.progressOf(halfway), finished: false });
		expect(outcome.progress).toBeGreaterThan(0);
		expect(outcome.progress).toBeLessThan(1);
	});

	it('a pass: completed and passed, with the score, progress 1', () => {
		expect(report.outcomeOf(scenario, play(DEMO_BEST), 'incomplete')).toEqual({ status: { completion: 'completed', success: 'passed' }, percent: 100, progress: 1, finished: true });
	});

	it('below the pass mark, policy "failed": completed and failed, with the score', () => {
		expect(report.outcomeOf(scenario, play(DEMO_WORST), 'failed')).toEqual({ status: { completion: 'completed', success: 'failed' }, percent: 0, progress: 1, finished: true });
	});

	it('below the pass mark, policy "incomplete": incomplete, no score, and progress short of 1 (1 reads as complete in 2004)', () => {
		const worst = play(DEMO_WORST);
		expect(report.outcomeOf(scenario, worst, 'incomplete')).toEqual({ status: { completion: 'incomplete', success: 'unknown' }, percent: null, progress: 0.99, finished: true });
	});

	it('4 of 6 points (67 %) passes the demo\u2019s 60 %; 3 of 6 (50 %) fails it', () => {
		const half = play(demoActions({ first: 'talk', second: 'ask', signals: ['a'], approaches: ['b'], reflection: '', rating: null }));
		expect(report.outcomeOf(scenario, half, 'failed')).toMatchObject({ status: { success: 'passed' }, percent: 67 });
		const lower = play(demoActions({ first: 'buddy', second: 'ask', signals: ['a'], approaches: ['b'], reflection: '', rating: null }));
		expect(report.outcomeOf(scenario, lower, 'failed')).toMatchObject({ status: { success: 'failed' }, percent: 50 });
	});
});

describe('the status never goes back', () => {
	const s = (completion: LmsStatus['completion'], success: LmsStatus['success']): LmsStatus => ({ completion, success });

	it.each([
		[s('unknown', 'unknown'), s('incomplete', 'unknown'), s('incomplete', 'unknown')],
		[s('incomplete', 'unknown'), s('completed', 'failed'), s('completed', 'failed')],
		[s('completed', 'failed'), s('completed', 'passed'), s('completed', 'passed')],
		// Practising again after a pass: the LMS keeps completed and passed.
		[s('completed', 'passed'), s('incomplete', 'unknown'), s('completed', 'passed')],
		[s('completed', 'passed'), s('completed', 'failed'), s('completed', 'passed')],
		[s('incomplete', 'failed'), s('incomplete', 'unknown'), s('incomplete', 'failed')],
		// Each dimension on its own.
		[s('completed', 'unknown'), s('incomplete', 'passed'), s('completed', 'passed')],
		[s('incomplete', 'passed'), s('completed', 'unknown'), s('completed', 'passed')]
	])('%o then %o: %o', (current, reached, best) => {
		expect(report.bestStatus(current, reached)).toEqual(best);
	});
});

describe('one report per decision', () => {
	const decisionAt = (state: SavedState, node: string) => state.decisions.find((d) => d.node === node)!;

	it('a best choice is correct, with every option in the module\u2019s order and the best as the pattern', () => {
		const best = play(DEMO_BEST);
		const first = decisionAt(best, 'first-evening');
		expect(report.decisionReport(scenario, first)).toEqual({ id: 'first-evening', choices: ['talk', 'buddy', 'wait'], response: ['talk'], correct: [['talk']], result: 'correct', weighting: 2, at: first.at, latencyMs: first.latencyMs });
	});

	it('a partly good choice is neutral, one worth nothing incorrect', () => {
		const mixed = play(demoActions({ first: 'buddy', second: 'ask', signals: ['b'], approaches: ['a', 'c'], reflection: '', rating: null }));
		expect(report.decisionReport(scenario, decisionAt(mixed, 'first-evening'))).toMatchObject({ response: ['buddy'], correct: [['talk']], result: 'neutral', weighting: 2 });
		const worst = play(DEMO_WORST);
		expect(report.decisionReport(scenario, decisionAt(worst, 'first-evening'))).toMatchObject({ response: ['wait'], result: 'incorrect' });
	});

	it('a quiz: all its answers as choices, its correct answers together as one pattern, its points as weight', () => {
		const best = play(DEMO_BEST);
		expect(report.decisionReport(scenario, decisionAt(best, 'quiz-approaches'))).toMatchObject({ choices: ['a', 'b', 'c', 'd'], response: ['a', 'c'], correct: [['a', 'c']], result: 'correct', weighting: 1 });
		const worst = play(DEMO_WORST);
		expect(report.decisionReport(scenario, decisionAt(worst, 'quiz-approaches'))).toMatchObject({ response: ['b'], correct: [['a', 'c']], result: 'incorrect', weighting: 1 });
	});
});

describe('decisions that are not simply right or wrong', () => {
	/** The module with one node's transitions changed, as an author might write them. */
	const variant = (id: string, node: string, edit: (on: Record<string, unknown>) => void) => {
		const module = structuredClone(loadShipped(id).scenario.module) as ModuleDefinition;
		edit(module.machine.states[node].on as Record<string, unknown>);
		return new Scenario(module);
	};

	it('a choice that scores nothing anywhere is a pure branch: neutral, weight 0, no best answer', () => {
		const branch = variant('demo', 'first-evening', (on) => {
			for (const spec of Object.values(on)) for (const t of [spec].flat() as { actions?: unknown[] }[]) if (typeof t === 'object') delete t.actions;
		});
		const decision = { node: 'first-evening', answers: ['wait'], points: 0, at: T0, latencyMs: 1000 };
		expect(branch.bestPoints('first-evening')).toBe(0);
		expect(report.decisionReport(branch, decision)).toMatchObject({ correct: [], result: 'neutral', weighting: 0 });
	});

	it('an option whose ways (split by guards) score differently counts at its best', () => {
		// d4-huisbezoek "gesprek" gives 2 points either way in the shipped module (as "advies" does); here 2 or 1.
		const split = variant('intercultureel-vakmanschap', 'd4-huisbezoek', (on) => {
			((on['choose.gesprek'] as { actions: { params: { points: number } }[] }[])[1].actions[0].params.points = 1);
		});
		const decision = { node: 'd4-huisbezoek', answers: ['gesprek'], points: 1, at: T0, latencyMs: 1000 };
		expect(report.decisionReport(split, decision)).toMatchObject({ correct: [['gesprek'], ['advies']], result: 'neutral', weighting: 2 });
	});
});

describe('the evaluation as LMS answers', () => {
	it('each aspect answered in a fixed order, then the mark and the open answers that are not empty', () => {
		const items = report.evaluationItems({ rating: 8, useful: 'De casus.', better: '', aspects: { clarity: 4, goals: 5 } }, 1234, 'nl');
		expect(items).toEqual([
			{ id: 'koers_evaluation_goals', kind: 'likert', response: '5', at: 1234, lang: 'nl' },
			{ id: 'koers_evaluation_clarity', kind: 'likert', response: '4', at: 1234, lang: 'nl' },
			{ id: 'koers_evaluation_rating', kind: 'numeric', response: '8', at: 1234, lang: 'nl' },
			{ id: 'koers_evaluation_useful', kind: 'fill-in', response: 'De casus.', at: 1234, lang: 'nl' }
		]);
	});

	it('nothing for a form left empty; an older evaluation without aspects still gives its mark and answers', () => {
		expect(report.evaluationItems({ rating: null, useful: '', better: '' }, 1, 'en')).toEqual([]);
		expect(report.evaluationItems({ rating: 1, useful: '', better: 'Korter.' }, 1, 'en').map((i) => [i.id, i.response])).toEqual([
			['koers_evaluation_rating', '1'],
			['koers_evaluation_better', 'Korter.']
		]);
	});
});
