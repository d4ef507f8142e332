import { describe, expect, it } from 'vitest';
import { loadModule, Scenario, type ModuleDefinition } from '../engine';
import { loadShipped, shippedModuleIds } from '../../../tests/helpers/load-from-disk';
import { keepPosition, routeTo, stateAt } from './preview';

const NOW = Date.UTC(2026, 10, 2, 9);

describe('stateAt', () => {
	it.each(shippedModuleIds().filter((m) => !m.startsWith('tmp-')))('positions the preview at every node of %s, by a way a learner can really take', (id) => {
		const { scenario } = loadShipped(id);
		for (const node of Object.keys(scenario.module.machine.states)) {
			const { state, reachable } = stateAt(scenario, node, NOW);
			expect(state.node, node).toBe(node);
			expect(reachable, node).toBe(true);
			expect(state.path[0]).toBe(scenario.module.machine.initial);
			// A genuine engine state: it survives the same check a saved attempt gets.
			expect(scenario.restore(state).ok, node).toBe(true);
			expect(state.feedbackPending).toBe(false);
		}
	}, 30_000);

	it('makes the earlier decisions a node depends on: after "wait", Sam stays away', () => {
		const { scenario } = loadShipped('demo');
		const { state } = stateAt(scenario, 'sam-stays-away', NOW);
		expect(state.decisions.map((d) => [d.node, d.answers])).toEqual([['first-evening', ['wait']]]);
		expect(stateAt(scenario, 'sam-returns', NOW).state.decisions[0].answers).not.toEqual(['wait']);
	});

	it('reaches an ending that needs a high score with a score that earns it', () => {
		const { scenario } = loadShipped('demo');
		const strong = stateAt(scenario, 'end-strong', NOW).state;
		expect(strong.score).toBeGreaterThanOrEqual(4);
		expect(strong.completedAt).toBe(NOW);
		expect(stateAt(scenario, 'end-practice', NOW).state.score).toBeLessThan(4);
	});

	it('takes the shortest way: the start is the start, the next node one step on', () => {
		const { scenario } = loadShipped('demo');
		expect(stateAt(scenario, 'welcome', NOW).state.path).toEqual(['welcome']);
		expect(routeTo(scenario, 'meet-sam')).toEqual([{ type: 'continue' }]);
	});

	it('still shows a node no play reaches, out of context, and says so', () => {
		const base = loadShipped('demo').module;
		const module: ModuleDefinition = structuredClone(base);
		module.machine.states['lonely'] = { meta: { kind: 'content' }, on: { continue: 'reflect' } };
		const scenario = new Scenario(module);
		const { state, reachable } = stateAt(scenario, 'lonely', NOW);
		expect(reachable).toBe(false);
		expect(state.node).toBe('lonely');
		expect(state.path).toEqual(['lonely']);
	});

	it('refuses a node that does not exist, naming it', () => {
		const { scenario } = loadShipped('demo');
		expect(() => stateAt(scenario, 'ghost', NOW)).toThrow(/no node "ghost"/);
	});
});

describe('keepPosition', () => {
	const demo = () => structuredClone(loadShipped('demo').module);
	const scenarioOf = (module: ModuleDefinition) => {
		const result = loadModule({ moduleJson: JSON.stringify(module), locales: Object.fromEntries(module.languages.map((l) => [l, JSON.stringify(loadShipped('demo').locales[l])])) });
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		return result.loaded.scenario;
	};

	it('keeps the learner state, reflections and all, when the chart still fits it', () => {
		const before = new Scenario(demo());
		let { state } = stateAt(before, 'reflect', NOW);
		state = before.apply(state, { type: 'reflect', text: 'Mijn antwoord' }, NOW);
		const changed = demo();
		changed.studyMinutes = 12;
		const kept = keepPosition(state, scenarioOf(changed), NOW + 1);
		expect(kept.kept).toBe('state');
		expect(kept.state.node).toBe('evaluation');
		expect(kept.state.reflections).toEqual({ reflect: 'Mijn antwoord' });
	});

	it('keeps the node when the way there changed', () => {
		const before = new Scenario(demo());
		const { state } = stateAt(before, 'quiz-signals', NOW);
		const changed = demo();
		// The node the learner passed is gone; the node they are at is still there.
		delete changed.machine.states['talk-outcome'];
		changed.machine.states['first-evening'].on!['choose.talk'] = { target: 'second-visit', actions: [{ type: 'addPoints', params: { points: 2 } }] };
		const kept = keepPosition({ ...state, path: ['welcome', 'meet-sam', 'first-evening', 'talk-outcome', 'second-visit', 'sam-returns', 'quiz-signals'] }, new Scenario(changed), NOW);
		expect(kept.kept).toBe('node');
		expect(kept.state.node).toBe('quiz-signals');
	});

	it('goes back to the start when the node itself was removed', () => {
		const before = new Scenario(demo());
		const { state } = stateAt(before, 'wait-outcome', NOW);
		const changed = demo();
		delete changed.machine.states['wait-outcome'];
		changed.machine.states['first-evening'].on!['choose.wait'] = 'second-visit';
		const kept = keepPosition(state, new Scenario(changed), NOW);
		expect(kept.kept).toBe('none');
		expect(kept.state.node).toBe('welcome');
	});
});
