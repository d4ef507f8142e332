/**
 * The guards and actions a module may name in its chart. Authors reference them by `type` with
 * `params`; this file is the single place that defines what each one means, and the authoring
 * guide (modules/README.md) documents the same list.
 */
import type { LibrarySignature } from './module-schema';

/** What the chart's guards and actions can see: nothing the learner typed, only what they chose. */
export interface ScenarioContext {
	score: number;
	/** node id → answer ids chosen there (latest visit). */
	decisions: Record<string, string[]>;
	/** node ids visited, oldest first. */
	visited: string[];
	/** quiz node id → whether the latest answer was fully correct. */
	correct: Record<string, boolean>;
}

export const LIBRARY: LibrarySignature = {
	guards: {
		scoreAtLeast: { points: 'number' },
		scoreBelow: { points: 'number' },
		chose: { node: 'node', option: 'option' },
		notChose: { node: 'node', option: 'option' },
		visited: { node: 'node' },
		answeredCorrectly: { node: 'node' }
	},
	actions: {
		addPoints: { points: 'number' }
	}
};

type Params = Record<string, unknown>;

/** Guard implementations, in the shape XState's `setup({ guards })` takes. */
export const guardImplementations = {
	scoreAtLeast: ({ context }: { context: ScenarioContext }, params: Params) =>
		context.score >= Number(params.points),
	scoreBelow: ({ context }: { context: ScenarioContext }, params: Params) =>
		context.score < Number(params.points),
	chose: ({ context }: { context: ScenarioContext }, params: Params) =>
		context.decisions[String(params.node)]?.includes(String(params.option)) ?? false,
	notChose: ({ context }: { context: ScenarioContext }, params: Params) =>
		!(context.decisions[String(params.node)]?.includes(String(params.option)) ?? false),
	visited: ({ context }: { context: ScenarioContext }, params: Params) =>
		context.visited.includes(String(params.node)),
	answeredCorrectly: ({ context }: { context: ScenarioContext }, params: Params) =>
		context.correct[String(params.node)] === true
};

/** Points an action list adds; used by scoring to know the worth of an edge without running it. */
export function pointsOf(actions: { type: string; params?: Params }[] | undefined): number {
	let total = 0;
	for (const action of actions ?? []) if (action.type === 'addPoints') total += Number(action.params?.points ?? 0);
	return total;
}
