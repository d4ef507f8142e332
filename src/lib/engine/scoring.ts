import { pointsOf } from './library';
import { normaliseTransitions, type ModuleDefinition } from './module-schema';

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

/**
 * Longest path from each node to an end, by points and by steps, in one pass over the graph
 * (memoised depth-first search). Edges that close a loop count for nothing, so loops never make
 * the maximum infinite; the checker warns about loops that award points.
 */
export function longestPaths(module: ModuleDefinition): { points: Map<string, number>; steps: Map<string, number> } {
	const points = new Map<string, number>();
	const steps = new Map<string, number>();
	const onStack = new Set<string>();
	// Iterative DFS: modules with thousands of nodes would overflow a recursive one.
	const visit = (start: string) => {
		const work: { id: string; expanded: boolean }[] = [{ id: start, expanded: false }];
		while (work.length) {
			const top = work[work.length - 1];
			if (points.has(top.id)) {
				work.pop();
				continue;
			}
			const out = edges(module, top.id);
			if (!top.expanded) {
				top.expanded = true;
				onStack.add(top.id);
				for (const e of out) if (!points.has(e.target) && !onStack.has(e.target)) work.push({ id: e.target, expanded: false });
				continue;
			}
			let bestPoints = 0;
			let bestSteps = 0;
			for (const e of out) {
				if (onStack.has(e.target) && !points.has(e.target)) continue;
				bestPoints = Math.max(bestPoints, e.points + (points.get(e.target) ?? 0));
				bestSteps = Math.max(bestSteps, 1 + (steps.get(e.target) ?? 0));
			}
			points.set(top.id, bestPoints);
			steps.set(top.id, bestSteps);
			onStack.delete(top.id);
			work.pop();
		}
	};
	visit(module.machine.initial);
	for (const id of Object.keys(module.machine.states)) visit(id);
	return { points, steps };
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
