import { beforeEach, describe, expect, it } from 'vitest';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { DEMO_BEST_CHOICES, demoActions } from '../../../tests/helpers/demo-paths';
import { Scenario, ScenarioError } from './scenario';

// Loaded in each test, not while the file is collected: then a mutation run (tests/mutation) knows
// which tests use the loading code and runs only those against its mutants.
let scenario: Scenario;
beforeEach(() => {
	scenario = loadShipped('demo').scenario;
});
const T0 = 1_700_000_000_000;

describe('Scenario on the demo module', () => {
	it('starts at the initial node with no score', () => {
		const state = scenario.start(T0);
		expect(state.node).toBe('welcome');
		expect(state.score).toBe(0);
		expect(scenario.progressOf(state)).toBe(0);
	});

	it('plays the best path to the strong ending and passes', () => {
		let s = scenario.start(T0);
		s = scenario.apply(s, { type: 'continue' }, T0 + 1000);
		s = scenario.apply(s, { type: 'continue' }, T0 + 2000);
		expect(s.node).toBe('first-evening');
		s = scenario.apply(s, { type: 'choose', option: 'talk' }, T0 + 5000);
		expect(s.node).toBe('talk-outcome');
		expect(s.feedbackPending).toBe(true);
		expect(s.decisions).toEqual([{ node: 'first-evening', answers: ['talk'], points: 2, at: T0 + 5000, latencyMs: 3000 }]);
		s = scenario.acknowledgeFeedback(s, T0 + 6000);
		s = scenario.apply(s, { type: 'continue' }, T0 + 7000);
		s = scenario.apply(s, { type: 'continue' }, T0 + 8000);
		expect(s.node).toBe('sam-returns');
		s = scenario.apply(s, { type: 'choose', option: 'ask' }, T0 + 9000);
		s = scenario.apply(s, { type: 'answer', answers: ['b'] }, T0 + 10000);
		s = scenario.apply(s, { type: 'answer', answers: ['c', 'a'] }, T0 + 11000);
		expect(s.decisions.at(-1)!.answers).toEqual(['a', 'c']);
		s = scenario.apply(s, { type: 'reflect', text: 'Ik vroeg door.' }, T0 + 12000);
		s = scenario.apply(s, { type: 'evaluate', evaluation: { rating: 9, useful: 'ja', better: '' } }, T0 + 13000);
		expect(s.node).toBe('end-strong');
		expect(s.completedAt).toBe(T0 + 13000);
		expect(scenario.scoreOf(s)).toMatchObject({ score: 6, maxScore: 6, percent: 100, passed: true });
		expect(s.reflections).toEqual({ reflect: 'Ik vroeg door.' });
		expect(scenario.progressOf(s)).toBe(1);
	});

	it('lets an earlier choice change a later situation', () => {
		let s = scenario.start(T0);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		s = scenario.apply(s, { type: 'choose', option: 'wait' }, T0);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		expect(s.node).toBe('sam-stays-away');
		expect(s.score).toBe(0);
	});

	it('rejects actions that do not fit the node', () => {
		const s = scenario.start(T0);
		expect(() => scenario.apply(s, { type: 'choose', option: 'talk' }, T0)).toThrow(ScenarioError);
		const atChoice = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		expect(() => scenario.apply(atChoice, { type: 'choose', option: 'nope' }, T0)).toThrow(/No option/);
	});

	it('goes back over content pages only', () => {
		let s = scenario.start(T0);
		expect(scenario.canGoBack(s)).toBe(false);
		s = scenario.apply(s, { type: 'continue' }, T0);
		expect(scenario.canGoBack(s)).toBe(true);
		s = scenario.goBack(s, T0);
		expect(s.node).toBe('welcome');
		expect(s.path).toEqual(['welcome']);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		s = scenario.acknowledgeFeedback(scenario.apply(s, { type: 'choose', option: 'talk' }, T0), T0);
		// The previous node is the choice: going back would undo a decision.
		expect(scenario.canGoBack(s)).toBe(false);
	});

	it('says why there is no way back after a decision, on its feedback and on the page after it, and not elsewhere', () => {
		let s = scenario.start(T0);
		expect(scenario.backBlockedByDecision(s)).toBe(false);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		expect(scenario.backBlockedByDecision(s)).toBe(false);
		s = scenario.apply(s, { type: 'choose', option: 'talk' }, T0);
		expect(scenario.backBlockedByDecision(s)).toBe(true);
		s = scenario.acknowledgeFeedback(s, T0);
		expect(scenario.backBlockedByDecision(s)).toBe(true);
		s = scenario.apply(s, { type: 'continue' }, T0);
		expect(scenario.canGoBack(s)).toBe(true);
		expect(scenario.backBlockedByDecision(s)).toBe(false);
	});

	it('judges a decision as correct, partly right, wrong or neutral, for the heading of its feedback', () => {
		const d = (node: string, answers: string[], points = 0) => ({ node, answers, points });
		expect(scenario.verdictOf(d('quiz-approaches', ['a', 'c']))).toBe('correct');
		expect(scenario.verdictOf(d('quiz-approaches', ['a']))).toBe('partly');
		expect(scenario.verdictOf(d('quiz-approaches', ['a', 'b']))).toBe('partly');
		// Nothing right is wrong, not "not quite".
		expect(scenario.verdictOf(d('quiz-approaches', ['b', 'd']))).toBe('wrong');
		expect(scenario.verdictOf(d('quiz-signals', ['a']))).toBe('wrong');
		expect(scenario.verdictOf(d('first-evening', ['talk'], 2))).toBe('correct');
		expect(scenario.verdictOf(d('first-evening', ['buddy'], 1))).toBe('partly');
		expect(scenario.verdictOf(d('first-evening', ['wait'], 0))).toBe('wrong');
	});

	it('goes back to a reflection too (its text is kept), but never from the end', () => {
		let s = scenario.start(T0);
		// The best path up to and with the reflection, not the evaluation.
		for (const action of demoActions({ ...DEMO_BEST_CHOICES, reflection: 'Eerst luisteren.' }).slice(0, -1))
			s = scenario.acknowledgeFeedback(scenario.apply(s, action, T0), T0);
		expect(s.node).toBe('evaluation');
		expect(scenario.canGoBack(s)).toBe(true);
		const back = scenario.goBack(s, T0);
		expect(back.node).toBe('reflect');
		expect(back.reflections.reflect).toBe('Eerst luisteren.');
		s = scenario.apply(s, { type: 'evaluate', evaluation: { rating: 7, useful: '', better: '' } }, T0);
		expect(scenario.canGoBack(s)).toBe(false);
		expect(scenario.backBlockedByDecision(s)).toBe(false);
	});

	it('restores a stored record without replaying, and refuses foreign or damaged ones', () => {
		let s = scenario.start(T0);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		s = scenario.apply(s, { type: 'choose', option: 'buddy' }, T0);
		const copy = JSON.parse(JSON.stringify(s));
		expect(scenario.restore(copy)).toEqual({ ok: true, state: s });
		// A node the module lacks: damage when saved with this very version, a change of module otherwise.
		expect(scenario.restore({ ...copy, node: 'gone', path: [...copy.path.slice(0, -1), 'gone'] })).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(scenario.restore({ ...copy, moduleVersion: '1.1.0', node: 'gone', path: [...copy.path.slice(0, -1), 'gone'] })).toMatchObject({ ok: false, reason: 'incompatible' });
		expect(scenario.restore({ ...copy, node: 'constructor', path: [...copy.path.slice(0, -1), 'constructor'] })).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(scenario.restore({ ...copy, moduleVersion: '2.0.0' })).toMatchObject({ ok: false, reason: 'incompatible' });
		expect(scenario.restore({ ...copy, moduleId: 'other' })).toMatchObject({ ok: false, reason: 'other-module' });
		expect(scenario.restore({ ...copy, score: 'lots' })).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(scenario.restore('{')).toMatchObject({ ok: false, reason: 'corrupt' });
	});

	it('refuses values no real attempt has: dates a Date cannot hold, absurd times and sizes', () => {
		const s = JSON.parse(JSON.stringify(scenario.apply(scenario.start(T0), { type: 'continue' }, T0 + 1000)));
		const corrupt = { ok: false, reason: 'corrupt' };
		expect(scenario.restore({ ...s, completedAt: 'gisteren' })).toMatchObject(corrupt);
		expect(scenario.restore({ ...s, startedAt: 9e15 })).toMatchObject(corrupt);
		expect(scenario.restore({ ...s, updatedAt: -1 })).toMatchObject(corrupt);
		expect(scenario.restore({ ...s, timeMs: 1e15 })).toMatchObject(corrupt);
		const long = Array.from({ length: 100_000 }, () => 'welcome');
		expect(scenario.restore({ ...s, path: [...long, s.node] })).toMatchObject(corrupt);
		expect(scenario.restore({ ...s, reflections: { reflect: 'x'.repeat(50_000) } })).toMatchObject(corrupt);
		expect(scenario.restore({ ...s, evaluation: { rating: 'tien', useful: '', better: '' } })).toMatchObject(corrupt);
		// Whatever a learner can really produce still reads.
		expect(scenario.restore({ ...s, completedAt: T0 + 2000, timeMs: 3 * 3600_000, reflections: { reflect: 'x'.repeat(4000) } })).toMatchObject({ ok: true });
	});

	it('round-trips the compact form with node, score, choices and pending feedback', () => {
		let s = scenario.start(T0);
		s = scenario.apply(scenario.apply(s, { type: 'continue' }, T0), { type: 'continue' }, T0);
		s = scenario.apply(s, { type: 'choose', option: 'talk' }, T0 + 4000);
		s = scenario.addTime(s, 61_000);
		const text = scenario.encode(s);
		expect(text.length).toBeLessThan(100);
		const back = scenario.decode(text, T0 + 9000);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.state).toMatchObject({ node: 'talk-outcome', score: 2, feedbackPending: true, timeMs: 61_000, path: s.path });
		expect(back.state.decisions.map((d) => [d.node, d.answers, d.points])).toEqual([['first-evening', ['talk'], 2]]);
		expect(scenario.decode(text.replace(/^K1~\w+/, 'K1~zzzz'), T0)).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(scenario.decode('garbage', T0)).toMatchObject({ ok: false });
	});
});
