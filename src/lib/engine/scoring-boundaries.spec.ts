// What a learner sees of scoring at its edges: a chart without points, a negative score, progress at
// the start and the end, the best score through a chart with a loop and with quiz points. Written
// against the mutants StrykerJS left alive in scoring.ts (npm run test:mutation, README.md).
import { describe, expect, it } from 'vitest';
import { LOOP_SEARCH_LIMIT, longestPaths, maxScore, progressOf, summariseScore, type ModuleDefinition } from '$lib/engine';

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

describe('the best score of a chart with loops: the most points on a way that never visits a node twice', () => {
	type Edge = { target: string; actions?: ReturnType<typeof points> };
	/** The chart with its states listed in every rotation, with each state's transitions in both directions. */
	function everyOrder(initial: string, states: Record<string, Edge[]>): ModuleDefinition[] {
		const keys = Object.keys(states);
		const rotations = keys.map((_, i) => [...keys.slice(i), ...keys.slice(0, i)]);
		const build = (ids: string[], reverse: boolean) =>
			chart(initial, Object.fromEntries(ids.map((id) => {
				const list = reverse ? [...states[id]].reverse() : states[id];
				return [id, list.length ? { meta: { kind: 'choice' }, on: { choose: list } } : { meta: { kind: 'end' } }];
			})));
		return rotations.flatMap((ids) => [build(ids, false), build(ids, true)]);
	}

	it('counts a loop entered from either side by its better way round, whatever order the chart lists things in', () => {
		// a → b gives 5, b → a gives 3: the best way is start → a → b → end (5), not start → b → a → end (3).
		// The depth-first search used before found 5 or 3 depending on which of start's transitions came first.
		const charts = everyOrder('start', {
			start: [{ target: 'a' }, { target: 'b' }],
			a: [{ target: 'b', actions: points(5) }, { target: 'end' }],
			b: [{ target: 'a', actions: points(3) }, { target: 'end' }],
			end: []
		});
		expect(charts).toHaveLength(8);
		for (const module of charts) {
			const { points: best, steps } = longestPaths(module);
			expect(Object.fromEntries(best)).toEqual({ start: 5, a: 5, b: 3, end: 0 });
			expect(Object.fromEntries(steps)).toEqual({ start: 3, a: 2, b: 2, end: 0 });
		}
	});

	it('finds the best way into a loop that gives no points itself', () => {
		// start → p (2) → u → t → e (3) → end earns 5; the loop t ⇄ u gives nothing.
		const charts = everyOrder('start', {
			start: [{ target: 'p' }, { target: 't' }],
			p: [{ target: 'u', actions: points(2) }],
			u: [{ target: 't' }],
			t: [{ target: 'e', actions: points(3) }, { target: 'u' }],
			e: [{ target: 'end' }],
			end: []
		});
		for (const module of charts) {
			expect(maxScore(module)).toBe(5);
			expect(longestPaths(module).steps.get('start')).toBe(5);
		}
	});

	it('does not go round again through a way back to the start', () => {
		const module = chart('start', {
			start: { meta: { kind: 'choice' }, on: { choose: [{ target: 'left', actions: points(1) }, { target: 'right', actions: points(2) }] } },
			left: { meta: { kind: 'content' }, on: { continue: 'again' } },
			right: { meta: { kind: 'content' }, on: { continue: 'again' } },
			again: { meta: { kind: 'choice' }, on: { choose: [{ target: 'start' }, { target: 'end' }] } },
			end: { meta: { kind: 'end' } }
		});
		expect(maxScore(module)).toBe(2);
		expect(longestPaths(module).steps.get('start')).toBe(3);
	});

	it(`gives a loop too large to try every way through (over ${LOOP_SEARCH_LIMIT} steps) a finite best score, still independent of the order`, () => {
		// 16 forks in a row (2¹⁶ ways), each worth 1 on its upper branch, and a way back to the start
		// of the forks; a bonus page (5) reached from the intro and from the last fork; the first
		// fork's pages also lead to each other. The quicker rule closes the loop at the way back and
		// between the two pages (no farther from the intro), but not at the bonus page, outside it.
		const build = (reverse: boolean) => {
			const order = <T,>(list: T[]) => (reverse ? [...list].reverse() : list);
			const states: States = { intro: { meta: { kind: 'choice' }, on: { choose: order([{ target: 'fork0' }, { target: 'bonus' }]) } } };
			for (let i = 0; i < 16; i++) {
				states[`fork${i}`] = { meta: { kind: 'choice' }, on: { choose: order([{ target: `up${i}`, actions: points(1) }, { target: `down${i}` }]) } };
				const next = i < 15 ? `fork${i + 1}` : 'last';
				states[`up${i}`] = { meta: { kind: 'content' }, on: { continue: next, ...(i === 0 ? { aside: 'down0' } : {}) } };
				states[`down${i}`] = { meta: { kind: 'content' }, on: { continue: next, ...(i === 0 ? { aside: 'up0' } : {}) } };
			}
			states.last = { meta: { kind: 'choice' }, on: { choose: order([{ target: 'fork0' }, { target: 'end', actions: points(2) }, { target: 'bonus' }]) } };
			states.bonus = { meta: { kind: 'content' }, on: { continue: { target: 'end', actions: points(5) } } };
			states.end = { meta: { kind: 'end' } };
			return chart('intro', states);
		};
		for (const module of [build(false), build(true)]) {
			const { points: best, steps } = longestPaths(module);
			expect(best.get('intro')).toBe(16 + 5);
			expect(steps.get('intro')).toBe(1 + 2 * 16 + 2);
			expect(best.get('fork15')).toBe(1 + 5);
			expect(best.get('last')).toBe(5);
			expect(best.get('up0')).toBe(15 + 5);
		}
	});
});

