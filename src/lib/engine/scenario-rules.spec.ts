// The rules of play a learner runs into, beyond the happy path of scenario.spec.ts: what is refused
// and when, how answers are cleaned and scored, what an evaluation keeps, when "back" is offered,
// and how a decision is judged. Written against the mutants StrykerJS left alive in scenario.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import type { ModuleDefinition, StateConfig } from './module-schema';
import type { SavedState } from './saved-state';
import { MAX_REFLECTION_LENGTH, Scenario, ScenarioError, type LearnerAction } from './scenario';

const T0 = 1_700_000_000_000;

// Loaded in each test, not while the file is collected (see scenario.spec.ts).
let demo: Scenario;
beforeEach(() => {
	demo = loadShipped('demo').scenario;
});

/** Plays the demo from the start with these actions, reading each feedback at once. */
function play(...actions: Parameters<Scenario['apply']>[1][]): SavedState {
	let s = demo.start(T0);
	actions.forEach((action, i) => (s = demo.acknowledgeFeedback(demo.apply(s, action, T0 + (i + 1) * 1000), T0 + (i + 1) * 1000)));
	return s;
}
const C = { type: 'continue' } as const;
/** The demo at the first quiz (one answer, b correct, 1 point), after "talk" and "ask" (4 points). */
const atQuiz = () => play(C, C, { type: 'choose', option: 'talk' }, C, C, { type: 'choose', option: 'ask' });
const atReflection = () => play(C, C, { type: 'choose', option: 'talk' }, C, C, { type: 'choose', option: 'ask' }, { type: 'answer', answers: ['b'] }, { type: 'answer', answers: ['a', 'c'] });
const atEvaluation = () => demo.apply(atReflection(), { type: 'reflect', text: 'x' }, T0 + 20_000);

/** A chart of its own, built into a Scenario without the loader's checks. */
function scenarioOf(states: Record<string, StateConfig>, extra: Partial<ModuleDefinition> = {}): Scenario {
	return new Scenario({
		formatVersion: 1,
		id: 'rules',
		version: '1.0.0',
		languages: ['nl'],
		title: 't',
		description: 'd',
		studyMinutes: 5,
		masteryScore: 50,
		sources: [],
		machine: { id: 'rules', initial: Object.keys(states)[0], states },
		...extra
	});
}

describe('what the scenario refuses', () => {
	it('refuses every action after the end', () => {
		const ended = demo.apply(atEvaluation(), { type: 'evaluate', evaluation: { rating: 8, useful: '', better: '' } }, T0 + 30_000);
		expect(ended.completedAt).toBe(T0 + 30_000);
		expect(() => demo.apply(ended, C, T0)).toThrow(new ScenarioError('The scenario has ended.'));
	});

	it('accepts each action only at its kind of page', () => {
		const start = demo.start(T0);
		for (const action of [{ type: 'answer', answers: ['a'] }, { type: 'reflect', text: '' }, { type: 'evaluate', evaluation: { rating: 1, useful: '', better: '' } }, { type: 'respond', answer: {} }] satisfies LearnerAction[])
			expect(() => demo.apply(start, action, T0)).toThrow(`A content node does not accept "${action.type}".`);
		expect(() => demo.apply(atQuiz(), C, T0)).toThrow('A quiz node does not accept "continue".');
		expect(() => demo.apply(atReflection(), { type: 'answer', answers: ['a'] }, T0)).toThrow(ScenarioError);
		// persona pages take "continue" like content pages.
		expect(demo.apply(demo.apply(start, C, T0), C, T0).node).toBe('first-evening');
	});

	it('refuses quiz answers that are empty, unknown, or several where one is asked', () => {
		const quiz = atQuiz();
		expect(quiz.node).toBe('quiz-signals');
		for (const answers of [[], ['x'], ['a', 'x'], ['a', 'b']]) expect(() => demo.apply(quiz, { type: 'answer', answers }, T0), answers.join()).toThrow('That is not a valid answer here.');
		// The same answer twice is one answer.
		expect(demo.apply(quiz, { type: 'answer', answers: ['b', 'b'] }, T0).decisions.at(-1)!.answers).toEqual(['b']);
	});

	it('says which transition is missing when no guard lets the learner on', () => {
		const stuck = scenarioOf({
			a: { meta: { kind: 'content' }, on: { continue: [{ target: 'b', guard: { type: 'scoreAtLeast', params: { points: 5 } } }] } },
			b: { type: 'final', meta: { kind: 'end' } }
		});
		expect(() => stuck.apply(stuck.start(T0), C, T0)).toThrow('No transition for "continue" from "a" applies (check its guards).');
	});

	it('does not go back where it is not allowed, and says so', () => {
		expect(() => demo.goBack(demo.start(T0), T0)).toThrow('Going back is not possible here.');
	});
});

describe('how answers are scored and kept', () => {
	it('gives a quiz its points for the right answer and none for a wrong one, with the time taken', () => {
		const quiz = atQuiz();
		const right = demo.apply(quiz, { type: 'answer', answers: ['b'] }, quiz.nodeEnteredAt + 4500);
		expect(right.score).toBe(quiz.score + 1);
		expect(right.decisions.at(-1)).toEqual({ node: 'quiz-signals', answers: ['b'], points: 1, at: quiz.nodeEnteredAt + 4500, latencyMs: 4500 });
		expect(right.feedbackPending).toBe(true);
		const wrong = demo.apply(quiz, { type: 'answer', answers: ['a'] }, quiz.nodeEnteredAt + 10);
		expect(wrong.score).toBe(quiz.score);
		expect(wrong.decisions.at(-1)!.points).toBe(0);
		// A clock that went back (another device, a corrected clock) gives no negative time.
		expect(demo.apply(quiz, { type: 'answer', answers: ['b'] }, quiz.nodeEnteredAt - 5000).decisions.at(-1)!.latencyMs).toBe(0);
	});

	it('counts 1 point for a quiz that names none, and lets a later transition branch on a quiz answered right', () => {
		const module: Record<string, StateConfig> = {
			q: { meta: { kind: 'quiz', answers: ['yes', 'no'], correct: ['yes'] }, on: { answer: [{ target: 'good', guard: { type: 'answeredCorrectly', params: { node: 'q' } } }, { target: 'bad' }] } },
			good: { type: 'final', meta: { kind: 'end' } },
			bad: { type: 'final', meta: { kind: 'end' } }
		};
		const s = scenarioOf(module);
		const right = s.apply(s.start(T0), { type: 'answer', answers: ['yes'] }, T0);
		expect([right.node, right.score, right.completedAt]).toEqual(['good', 1, T0]);
		expect(s.apply(s.start(T0), { type: 'answer', answers: ['no'] }, T0).node).toBe('bad');
		// A quiz worth no points still counts as answered correctly.
		const free = scenarioOf({ ...module, q: { ...module.q, meta: { ...module.q.meta, points: 0 } } });
		expect(free.apply(free.start(T0), { type: 'answer', answers: ['yes'] }, T0)).toMatchObject({ node: 'good', score: 0 });
		expect(free.bestPoints('q')).toBe(0);
		expect(s.bestPoints('q')).toBe(1);
	});

	it('lets a later page branch on an earlier quiz answered right and on a page visited before', () => {
		const s = scenarioOf({
			q: { meta: { kind: 'quiz', answers: ['yes', 'no'], correct: ['yes'] }, on: { answer: 'mid' } },
			mid: {
				meta: { kind: 'content' },
				on: {
					continue: [
						{ target: 'good', guard: { type: 'answeredCorrectly', params: { node: 'q' } } },
						{ target: 'seen', guard: { type: 'visited', params: { node: 'q' } } },
						{ target: 'bad' }
					]
				}
			},
			good: { type: 'final', meta: { kind: 'end' } },
			seen: { type: 'final', meta: { kind: 'end' } },
			bad: { type: 'final', meta: { kind: 'end' } }
		});
		const after = (answer: string) => s.apply(s.acknowledgeFeedback(s.apply(s.start(T0), { type: 'answer', answers: [answer] }, T0), T0), C, T0).node;
		expect(after('yes')).toBe('good');
		expect(after('no')).toBe('seen');
	});

	it('counts a quiz answer with a wrong answer added as not right', () => {
		const s = play(C, C, { type: 'choose', option: 'talk' }, C, C, { type: 'choose', option: 'ask' }, { type: 'answer', answers: ['b'] });
		expect(s.node).toBe('quiz-approaches');
		const extra = demo.apply(s, { type: 'answer', answers: ['a', 'b', 'c'] }, T0);
		expect(extra.decisions.at(-1)!.points).toBe(0);
		expect(demo.verdictOf(extra.decisions.at(-1)!)).toBe('partly');
		expect(demo.isCorrect(demo.meta('quiz-approaches'), ['a', 'b', 'c'])).toBe(false);
		expect(demo.isCorrect(demo.meta('quiz-approaches'), ['c', 'a'])).toBe(true);
		// Several answers are allowed here, but each must be one of the quiz's.
		expect(() => demo.apply(s, { type: 'answer', answers: ['a', 'x'] }, T0)).toThrow('That is not a valid answer here.');
	});

	it('keeps the latest answer at a node visited again, once, at the end of the list', () => {
		const loop = scenarioOf({
			pick: { meta: { kind: 'choice', options: ['again', 'on'] }, on: { 'choose.again': { target: 'pick', actions: [{ type: 'addPoints', params: { points: 1 } }] }, 'choose.on': 'done' } },
			done: { type: 'final', meta: { kind: 'end' } }
		});
		let s = loop.apply(loop.start(T0), { type: 'choose', option: 'again' }, T0 + 1);
		s = loop.apply(loop.acknowledgeFeedback(s, T0 + 2), { type: 'choose', option: 'on' }, T0 + 3);
		expect(s.decisions.map((d) => [d.node, d.answers, d.points])).toEqual([['pick', ['on'], 0]]);
		expect(s.path).toEqual(['pick', 'pick', 'done']);
	});

	it(`cuts a reflection at ${MAX_REFLECTION_LENGTH} characters`, () => {
		const s = demo.apply(atReflection(), { type: 'reflect', text: 'x'.repeat(MAX_REFLECTION_LENGTH + 50) }, T0);
		expect(s.reflections.reflect).toHaveLength(MAX_REFLECTION_LENGTH);
		expect(s.node).toBe('evaluation');
		expect(s.feedbackPending).toBe(false);
	});

	it('keeps an evaluation mark from 1 to 10, rounded, aspects from 1 to 5, and texts cut to length', () => {
		const evaluate = (evaluation: Parameters<Scenario['apply']>[1] & { type: 'evaluate' }) => demo.apply(atEvaluation(), evaluation, T0).evaluation;
		expect(evaluate({ type: 'evaluate', evaluation: { rating: 7.6, useful: 'u', better: 'b' } })).toEqual({ rating: 8, useful: 'u', better: 'b' });
		expect(evaluate({ type: 'evaluate', evaluation: { rating: 14, useful: '', better: '' } })!.rating).toBe(10);
		expect(evaluate({ type: 'evaluate', evaluation: { rating: -2, useful: '', better: '' } })!.rating).toBe(1);
		expect(evaluate({ type: 'evaluate', evaluation: { rating: null, useful: '', better: '' } })!.rating).toBeNull();
		const long = evaluate({ type: 'evaluate', evaluation: { rating: 5, useful: 'u'.repeat(5000), better: 'b'.repeat(4001) } })!;
		expect([long.useful.length, long.better.length]).toEqual([MAX_REFLECTION_LENGTH, MAX_REFLECTION_LENGTH]);
		const aspects = evaluate({ type: 'evaluate', evaluation: { rating: 5, useful: '', better: '', aspects: { goals: 0, relevance: 9, load: 2.6, clarity: NaN } } })!.aspects;
		expect(aspects).toEqual({ goals: 1, relevance: 5, load: 3 });
		const none = evaluate({ type: 'evaluate', evaluation: { rating: 5, useful: '', better: '', aspects: { clarity: Infinity } } })!;
		expect('aspects' in none).toBe(false);
	});
});

describe('time, feedback and back', () => {
	it('adds active time, and ignores none or negative', () => {
		const s = demo.start(T0);
		expect(demo.addTime(s, 1500).timeMs).toBe(1500);
		expect(demo.addTime(demo.addTime(s, 1500), 500).timeMs).toBe(2000);
		expect(demo.addTime(s, 0)).toBe(s);
		expect(demo.addTime(s, -300)).toBe(s);
	});

	it('marks the feedback read and restarts the clock of the page, once', () => {
		const s = play(C, C);
		const decided = demo.apply(s, { type: 'choose', option: 'talk' }, T0 + 10_000);
		const read = demo.acknowledgeFeedback(decided, T0 + 15_000);
		expect(read).toMatchObject({ feedbackPending: false, updatedAt: T0 + 15_000, nodeEnteredAt: T0 + 15_000 });
		expect(demo.acknowledgeFeedback(read, T0 + 99_000)).toBe(read);
	});

	it('offers back only where the node or module allows it', () => {
		const states: Record<string, StateConfig> = {
			a: { meta: { kind: 'content' }, on: { continue: 'b' } },
			b: { meta: { kind: 'content' }, on: { continue: 'c' } },
			c: { meta: { kind: 'content', allowBack: false }, on: { continue: 'd' } },
			d: { type: 'final', meta: { kind: 'end' } }
		};
		const walk = (s: Scenario) => s.apply(s.start(T0), C, T0);
		const strict = scenarioOf(states);
		expect(strict.canGoBack(walk(strict))).toBe(false);
		expect(strict.backBlockedByDecision(walk(strict))).toBe(false);
		const lenient = scenarioOf(states, { allowBack: true });
		expect(lenient.canGoBack(walk(lenient))).toBe(true);
		expect(lenient.goBack(walk(lenient), T0 + 7)).toMatchObject({ node: 'a', path: ['a'], updatedAt: T0 + 7, nodeEnteredAt: T0 + 7 });
		// A node that says no overrides the module.
		expect(lenient.canGoBack(lenient.apply(walk(lenient), C, T0))).toBe(false);
		const nodeOnly = scenarioOf({ ...states, b: { ...states.b, meta: { kind: 'content', allowBack: true } } });
		expect(nodeOnly.canGoBack(walk(nodeOnly))).toBe(true);
	});

	it('offers no way back after the end, even from an end that follows a page', () => {
		const s = scenarioOf(
			{
				a: { meta: { kind: 'content' }, on: { continue: 'b' } },
				b: { meta: { kind: 'content' }, on: { continue: 'end' } },
				end: { type: 'final', meta: { kind: 'end' } }
			},
			{ allowBack: true }
		);
		const atB = s.apply(s.start(T0), C, T0);
		expect(s.canGoBack(atB)).toBe(true);
		const ended = s.apply(atB, C, T0 + 1);
		expect(ended.completedAt).toBe(T0 + 1);
		expect(s.canGoBack(ended)).toBe(false);
		expect(s.backBlockedByDecision(ended)).toBe(false);
		expect(() => s.goBack(ended, T0 + 2)).toThrow('Going back is not possible here.');
	});

	it('says a decision blocks the way back, also when the module starts with it', () => {
		const s = scenarioOf(
			{
				pick: { meta: { kind: 'choice', options: ['x', 'y'] }, on: { 'choose.x': 'page', 'choose.y': 'page' } },
				page: { meta: { kind: 'content' }, on: { continue: 'more' } },
				more: { meta: { kind: 'content' }, on: { continue: 'end' } },
				end: { type: 'final', meta: { kind: 'end' } }
			},
			{ allowBack: true }
		);
		const decided = s.apply(s.start(T0), { type: 'choose', option: 'x' }, T0 + 1);
		expect(decided.path).toEqual(['pick', 'page']);
		// While its feedback shows, and after it was read: back would undo the decision.
		expect([s.canGoBack(decided), s.backBlockedByDecision(decided)]).toEqual([false, true]);
		const read = s.acknowledgeFeedback(decided, T0 + 2);
		expect([s.canGoBack(read), s.backBlockedByDecision(read)]).toEqual([false, true]);
		// One page further the way back leads to a page again.
		const further = s.apply(read, C, T0 + 3);
		expect([s.canGoBack(further), s.backBlockedByDecision(further)]).toEqual([true, false]);
		expect(s.backBlockedByDecision(s.start(T0))).toBe(false);
	});

	it('shows options in the module\'s order without a seed or with a fixed order, and a copy of it', () => {
		const order = demo.displayOrder({}, 'first-evening');
		expect(order).toEqual(['talk', 'buddy', 'wait']);
		order.reverse();
		expect(demo.displayOrder({}, 'first-evening')).toEqual(['talk', 'buddy', 'wait']);
		expect(demo.displayOrder({ shuffleSeed: 7 }, 'quiz-signals')).toEqual(['c', 'a', 'b']);
		expect(demo.displayOrder({}, 'welcome')).toEqual([]);
	});

	it('reports progress 1 at the end, and the share of the longest way otherwise', () => {
		const s = demo.start(T0);
		expect(demo.progressOf(s)).toBe(0);
		const next = demo.apply(s, C, T0);
		// One step taken, nine left on the longest way.
		expect(demo.progressOf(next)).toBe(1 / 10);
		expect(demo.progressOf({ ...next, completedAt: T0 })).toBe(1);
	});
});

describe('how a decision is judged', () => {
	it('reviews the best answers as strong and the others to revisit, in the order made', () => {
		const s = play(C, C, { type: 'choose', option: 'buddy' }, C, C, { type: 'choose', option: 'ask' }, { type: 'answer', answers: ['a'] }, { type: 'answer', answers: ['a', 'c'] });
		expect(demo.review(s)).toEqual({ strong: ['sam-returns', 'quiz-approaches'], toRevisit: ['first-evening', 'quiz-signals'] });
	});

	it('calls a dilemma without points neutral, and a negative option wrong', () => {
		const s = scenarioOf({
			pick: { meta: { kind: 'choice', options: ['a', 'b'] }, on: { 'choose.a': 'end', 'choose.b': { target: 'end', actions: [{ type: 'addPoints', params: { points: -1 } }] } } },
			end: { type: 'final', meta: { kind: 'end' } }
		});
		expect(s.bestPoints('pick')).toBe(0);
		expect(s.verdictOf({ node: 'pick', answers: ['a'], points: 0 })).toBe('neutral');
		expect(s.verdictOf({ node: 'pick', answers: ['b'], points: -1 })).toBe('neutral');
		expect(s.isDecision('pick')).toBe(true);
		expect(s.isDecision('end')).toBe(false);
		const scored = scenarioOf({
			pick: {
				meta: { kind: 'choice', options: ['a', 'b', 'c'] },
				on: {
					'choose.a': [{ target: 'end', guard: { type: 'scoreAtLeast', params: { points: 9 } }, actions: [{ type: 'addPoints', params: { points: 1 } }, { type: 'addPoints', params: { points: 2 } }] }, { target: 'end' }],
					'choose.b': { target: 'end', actions: [{ type: 'addPoints', params: { points: 2 } }] },
					'choose.c': { target: 'end', actions: [{ type: 'addPoints', params: { points: -2 } }] }
				}
			},
			end: { type: 'final', meta: { kind: 'end' } }
		});
		// The best answer is worth 3: two actions of one guarded alternative add up.
		expect(scored.bestPoints('pick')).toBe(3);
		expect(scored.verdictOf({ node: 'pick', answers: ['b'], points: 2 })).toBe('partly');
		expect(scored.verdictOf({ node: 'pick', answers: ['c'], points: -2 })).toBe('wrong');
		expect(scored.verdictOf({ node: 'pick', answers: ['a'], points: 3 })).toBe('correct');
	});
});

describe('restore', () => {
	it('takes a record of an older minor version of the module as this version, and refuses an answer the module lacks', () => {
		const s = JSON.parse(JSON.stringify(atQuiz()));
		expect(demo.restore({ ...s, moduleVersion: '1.0.9' })).toMatchObject({ ok: true, state: { moduleVersion: demo.module.version } });
		const changed = { ...s, decisions: [{ ...s.decisions[0], answers: ['shout'] }] };
		expect(demo.restore(changed)).toMatchObject({ ok: false, reason: 'corrupt', detail: 'an answer at "first-evening" no longer exists' });
		expect(demo.restore({ ...changed, moduleVersion: '1.1.0' })).toMatchObject({ ok: false, reason: 'incompatible' });
		expect(demo.restore({ ...s, decisions: [{ ...s.decisions[0], node: 'gone' }] })).toMatchObject({ ok: false, detail: 'node "gone" no longer exists' });
		expect(demo.restore({ ...s, decisions: [{ ...s.decisions[0], answers: ['talk', 'shout'] }] })).toMatchObject({ ok: false, detail: 'an answer at "first-evening" no longer exists' });
		expect(demo.restore({ ...s, moduleId: 'other' })).toMatchObject({ ok: false, reason: 'other-module', detail: 'saved for module "other"' });
		expect(demo.restore({ ...s, moduleVersion: '2.0.0' })).toMatchObject({ ok: false, reason: 'incompatible', detail: 'saved with version 2.0.0, this is 1.0.0' });
		// A new attempt without a seed shows the module's order, and says so by having none.
		expect('shuffleSeed' in demo.start(T0)).toBe(false);
		expect(demo.start(T0, 9).shuffleSeed).toBe(9);
	});
});
