import { pointsOf } from './library';
import { normaliseTransitions, type ModuleDefinition } from './module-schema';
import { stronglyConnectedParts } from './strongly-connected';

export interface ScoreSummary {
	score: number;
	maxScore: number;
	/** 0–100, rounded to a whole number. */
	percent: number;
	masteryScore: number;
	passed: boolean;
}

interface Edge {
	target: string;
	points: number;
}

function edges(module: ModuleDefinition, stateId: string): Edge[] {
	const state = module.machine.states[stateId];
	const quizPoints = state.meta.kind === 'quiz' ? (state.meta.points ?? 1) : 0;
	const result: Edge[] = [];
	for (const spec of Object.values(state.on ?? {}))
		for (const t of normaliseTransitions(spec)) result.push({ target: t.target, points: pointsOf(t.actions) + quizPoints });
	return result;
}

/** Each node's strongly connected part, numbered so that a part comes after every part it leads to. */
function partsOf(ids: string[], out: Map<string, Edge[]>): Map<string, number> {
	const part = new Map<string, number>();
	stronglyConnectedParts(ids, (id) => out.get(id)!.map((e) => e.target)).forEach((nodes, p) => nodes.forEach((id) => part.set(id, p)));
	return part;
}

/** Steps of the search through one loop before the quicker rule takes over (see longestPaths). */
export const LOOP_SEARCH_LIMIT = 20_000;

/**
 * Longest path from each node to an end, by points and by steps: the most points a learner can
 * earn from there, and the most pages they can still see (for progress), on a way that never
 * visits a node twice. A transition back to a node already on the way closes a loop: it counts for
 * nothing and the way ends there. The result does not depend on the order in which the chart lists
 * its states or transitions (the depth-first search used before did, in charts whose loops give
 * points).
 *
 * Outside loops this is linear in the size of the chart. Inside a loop (a strongly connected part)
 * every way through is tried; a loop whose search takes more than LOOP_SEARCH_LIMIT steps (about as
 * many ways through it; never seen in a real module) gets a quicker rule instead: there, a transition to a node no farther from the start (in
 * fewest steps) than the node it leaves closes the loop, which may count a little less than the best
 * way. The checker warns about loops that give points: a learner can collect those again and again.
 */
export function longestPaths(module: ModuleDefinition): { points: Map<string, number>; steps: Map<string, number> } {
	const ids = Object.keys(module.machine.states);
	const out = new Map(ids.map((id) => [id, edges(module, id)]));
	const part = partsOf(ids, out);
	const members = new Map<number, string[]>();
	for (const id of ids) {
		const list = members.get(part.get(id)!);
		if (list) list.push(id);
		else members.set(part.get(id)!, [id]);
	}
	const points = new Map<string, number>();
	const steps = new Map<string, number>();
	let distance: Map<string, number> | null = null;
	// A part comes after every part it leads to: the nodes a part leads out to are done before it.
	for (let p = 0; p < members.size; p++) {
		const nodes = members.get(p)!;
		if (searchLoop(nodes, p, part, out, points, steps)) continue;
		distance ??= distancesFromStart(module.machine.initial, out);
		const far = (id: string) => distance!.get(id) ?? Number.MAX_SAFE_INTEGER;
		// A transition that is followed goes farther from the start: the farthest node first.
		for (const id of [...nodes].sort((a, b) => far(b) - far(a))) {
			let bestPoints = 0;
			let bestSteps = 0;
			for (const e of out.get(id)!) {
				if (part.get(e.target) === p && far(e.target) <= far(id)) continue;
				bestPoints = Math.max(bestPoints, e.points + points.get(e.target)!);
				bestSteps = Math.max(bestSteps, 1 + steps.get(e.target)!);
			}
			points.set(id, bestPoints);
			steps.set(id, bestSteps);
		}
	}
	return { points, steps };
}

/**
 * Tries every way through one strongly connected part from each of its nodes, never visiting a node
 * twice; the nodes it leads out to are done. False when that takes more than LOOP_SEARCH_LIMIT steps.
 */
function searchLoop(nodes: string[], p: number, part: Map<string, number>, out: Map<string, Edge[]>, points: Map<string, number>, steps: Map<string, number>): boolean {
	let budget = LOOP_SEARCH_LIMIT;
	const found: [string, number, number][] = [];
	for (const start of nodes) {
		const onWay = new Set([start]);
		const way = [{ id: start, next: 0, via: 0, points: 0, steps: 0 }];
		while (way.length) {
			const top = way[way.length - 1];
			const list = out.get(top.id)!;
			if (top.next < list.length) {
				const e = list[top.next++];
				if (part.get(e.target) !== p) {
					top.points = Math.max(top.points, e.points + points.get(e.target)!);
					top.steps = Math.max(top.steps, 1 + steps.get(e.target)!);
				} else if (!onWay.has(e.target)) {
					if (--budget < 0) return false;
					onWay.add(e.target);
					way.push({ id: e.target, next: 0, via: e.points, points: 0, steps: 0 });
				}
				continue;
			}
			way.pop();
			onWay.delete(top.id);
			const previous = way[way.length - 1];
			if (previous) {
				previous.points = Math.max(previous.points, top.via + top.points);
				previous.steps = Math.max(previous.steps, 1 + top.steps);
			} else found.push([start, top.points, top.steps]);
		}
	}
	for (const [id, p, s] of found) {
		points.set(id, p);
		steps.set(id, s);
	}
	return true;
}

/** Fewest steps from the start to each node it reaches (breadth first). */
function distancesFromStart(initial: string, out: Map<string, Edge[]>): Map<string, number> {
	const distance = new Map<string, number>([[initial, 0]]);
	const queue = [initial];
	for (let i = 0; i < queue.length; i++)
		for (const e of out.get(queue[i])!)
			if (!distance.has(e.target)) {
				distance.set(e.target, distance.get(queue[i])! + 1);
				queue.push(e.target);
			}
	return distance;
}

export function maxScore(module: ModuleDefinition): number {
	return longestPaths(module).points.get(module.machine.initial) ?? 0;
}

export function summariseScore(score: number, max: number, masteryScore: number): ScoreSummary {
	const percent = max > 0 ? Math.round((Math.max(0, score) / max) * 100) : 100;
	return { score, maxScore: max, percent, masteryScore, passed: percent >= masteryScore };
}

/** Progress through the scenario, 0–1: steps taken against steps taken plus the longest way left. */
export function progressOf(stepsTaken: number, stepsLeft: number): number {
	if (stepsLeft <= 0) return 1;
	return stepsTaken / (stepsTaken + stepsLeft);
}
