// The guards and actions an author names in a chart (modules/README.md documents the same list):
// each at the boundary an author relies on ("at least 4" includes 4, "below 4" does not).
import { describe, expect, it } from 'vitest';
import { guardImplementations as guards, LIBRARY, pointsOf, type ScenarioContext } from './library';

const context = (over: Partial<ScenarioContext> = {}): { context: ScenarioContext } => ({
	context: { score: 4, decisions: { dilemma: ['talk'], quiz: ['a', 'c'] }, visited: ['welcome', 'dilemma'], correct: { quiz: true, other: false }, ...over }
});

describe('guards', () => {
	it('scoreAtLeast includes the number, scoreBelow excludes it', () => {
		expect(guards.scoreAtLeast(context(), { points: 4 })).toBe(true);
		expect(guards.scoreAtLeast(context(), { points: 5 })).toBe(false);
		expect(guards.scoreAtLeast(context({ score: -1 }), { points: 0 })).toBe(false);
		expect(guards.scoreBelow(context(), { points: 4 })).toBe(false);
		expect(guards.scoreBelow(context(), { points: 5 })).toBe(true);
		// Numbers written as text in a hand-edited chart still compare as numbers.
		expect(guards.scoreAtLeast(context(), { points: '4' })).toBe(true);
		expect(guards.scoreBelow(context(), { points: '10' })).toBe(true);
	});

	it('chose and notChose look at the latest answer at a node, and a node not decided counts as not chosen', () => {
		expect(guards.chose(context(), { node: 'dilemma', option: 'talk' })).toBe(true);
		expect(guards.chose(context(), { node: 'dilemma', option: 'wait' })).toBe(false);
		expect(guards.chose(context(), { node: 'quiz', option: 'c' })).toBe(true);
		expect(guards.chose(context(), { node: 'later', option: 'talk' })).toBe(false);
		expect(guards.notChose(context(), { node: 'dilemma', option: 'talk' })).toBe(false);
		expect(guards.notChose(context(), { node: 'dilemma', option: 'wait' })).toBe(true);
		expect(guards.notChose(context(), { node: 'later', option: 'talk' })).toBe(true);
	});

	it('visited and answeredCorrectly', () => {
		expect(guards.visited(context(), { node: 'dilemma' })).toBe(true);
		expect(guards.visited(context(), { node: 'end' })).toBe(false);
		expect(guards.answeredCorrectly(context(), { node: 'quiz' })).toBe(true);
		expect(guards.answeredCorrectly(context(), { node: 'other' })).toBe(false);
		expect(guards.answeredCorrectly(context(), { node: 'never-answered' })).toBe(false);
	});

	it('are the ones the library names, with the parameters it names', () => {
		expect(Object.keys(guards).sort()).toEqual(Object.keys(LIBRARY.guards).sort());
		expect(LIBRARY.guards.scoreAtLeast).toEqual({ points: 'number' });
		expect(LIBRARY.guards.chose).toEqual({ node: 'node', option: 'option' });
		expect(LIBRARY.guards.visited).toEqual({ node: 'node' });
		expect(LIBRARY.actions).toEqual({ addPoints: { points: 'number' } });
	});
});

describe('pointsOf', () => {
	it('adds the points of every addPoints action and nothing else', () => {
		expect(pointsOf(undefined)).toBe(0);
		expect(pointsOf([])).toBe(0);
		expect(pointsOf([{ type: 'addPoints', params: { points: 2 } }, { type: 'log', params: { points: 5 } }, { type: 'addPoints', params: { points: -1 } }])).toBe(1);
		expect(pointsOf([{ type: 'addPoints' }, { type: 'addPoints', params: {} }])).toBe(0);
		expect(pointsOf([{ type: 'addPoints', params: { points: '3' } }])).toBe(3);
	});
});
