// What a learner sees of scoring at its edges: a chart without points, a negative score, progress at
// the start and the end, the best score through a chart with a loop and with quiz points. Written
// against the mutants StrykerJS left alive in scoring.ts (npm run test:mutation, README.md).
import { describe, expect, it } from 'vitest';
import { longestPaths, maxScore, progressOf, summariseScore, type ModuleDefinition } from '$lib/engine';

type States = Record<string, { meta: Record<string, unknown>; on?: Record<string, unknown> }>;
/** Just the chart of a module: what scoring reads. */
const chart = (initial: string, states: States) => ({ machine: { initial, states } }) as unknown as ModuleDefinition;
const points = (n: number) => [{ type: 'addPoints', params: { points: n } }];

describe('summariseScore', () => {
	it('passes everyone on a module without points (100 %), whatever the mastery score', () => {
		expect(summariseScore(0, 0, 80)).toEqual({ score: 0, maxScore: 0, percent: 100, masteryScore: 80, passed: true });
	});

	it('shows a negative score as 0 %, never below', () => {
		expect(summariseScore(-3, 6, 60)).toMatchObject({ score: -3, percent: 0, passed: false });
	});

	it('rounds to a whole percentage: 1 of 3 is 33 %, 5 of 6 is 83 %', () => {
		expect(summariseScore(1, 3, 0).percent).toBe(33);
		expect(summariseScore(5, 6, 0).percent).toBe(83);
		expect(summariseScore(6, 6, 100)).toMatchObject({ percent: 100, passed: true });
	});
});

describe('progressOf', () => {
	it('is 0 at the start, 1 at an end, and the share of steps taken in between', () => {
		expect(progressOf(0, 4)).toBe(0);
		expect(progressOf(3, 1)).toBe(0.75);
		expect(progressOf(5, 0)).toBe(1);
		// A module whose first page is its end is done at once.
		expect(progressOf(0, 0)).toBe(1);
	});
});

describe('the best score and the longest way through a chart', () => {
	it('takes the best branch, counting addPoints on transitions and a quiz’s points (1 unless it says)', () => {
		const module = chart('start', {
			start: { meta: { kind: 'choice' }, on: { choose: [{ target: 'quiz', actions: points(2) }, { target: 'end', actions: points(5) }] } },
			quiz: { meta: { kind: 'quiz' }, on: { answer: 'quiz2' } },
			quiz2: { meta: { kind: 'quiz', points: 3 }, on: { answer: 'end' } },
			end: { meta: { kind: 'end' } }
		});
		// start →(2) quiz →(1) quiz2 →(3) end = 6 beats start →(5) end.
		expect(maxScore(module)).toBe(6);
		const { points: best, steps } = longestPaths(module);
		expect(Object.fromEntries(best)).toEqual({ start: 6, quiz: 4, quiz2: 3, end: 0 });
		expect(Object.fromEntries(steps)).toEqual({ start: 3, quiz: 2, quiz2: 1, end: 0 });
	});

	it('counts a loop once: its way back adds nothing, so the maximum stays finite', () => {
		const module = chart('a', {
			a: { meta: { kind: 'choice' }, on: { choose: [{ target: 'b', actions: points(1) }] } },
			b: { meta: { kind: 'choice' }, on: { choose: [{ target: 'a', actions: points(10) }, { target: 'end', actions: points(2) }] } },
			end: { meta: { kind: 'end' } }
		});
		expect(maxScore(module)).toBe(3);
		expect(longestPaths(module).steps.get('a')).toBe(2);
	});

	it('covers nodes no way from the start reaches', () => {
		const module = chart('a', {
			a: { meta: { kind: 'content' }, on: { continue: 'end' } },
			island: { meta: { kind: 'choice' }, on: { choose: [{ target: 'end', actions: points(4) }] } },
			end: { meta: { kind: 'end' } }
		});
		expect(maxScore(module)).toBe(0);
		expect(longestPaths(module).points.get('island')).toBe(4);
	});
});
