/**
 * Positions the author view's preview at any node of a module: the learner's actions that lead
 * there (respecting the chart's guards, so the node shows with the earlier decisions its text
 * assumes), played through the real engine, so the player gets a genuine SavedState.
 *
 * Pure TypeScript over the engine; the player and the view use it, tests check it on every node
 * of every shipped module.
 */
import { guardImplementations, pointsOf, type ScenarioContext } from '../engine/library';
import { normaliseTransitions, type GuardRef, type ModuleDefinition } from '../engine/module-schema';
import type { LearnerAction, Scenario } from '../engine/scenario';
import type { SavedState } from '../engine/saved-state';

/** Above this many explored situations the search gives up and takes the shortest way regardless of guards. */
const SEARCH_LIMIT = 50_000;

export interface PreviewPosition {
	state: SavedState;
	/**
	 * True when a learner can really get there this way. False for a node that no play reaches
	 * (the checker warns about those): the preview then shows it out of context.
	 */
	reachable: boolean;
}

interface Situation {
	node: string;
	context: ScenarioContext;
	actions: LearnerAction[];
}

/** What the guards of a chart look at, so situations that differ in nothing else count as one. */
function relevantFacts(module: ModuleDefinition) {
	const decisions = new Set<string>();
	const visited = new Set<string>();
	let score = false;
	for (const state of Object.values(module.machine.states))
		for (const spec of Object.values(state.on ?? {}))
			for (const t of normaliseTransitions(spec)) {
				const g = t.guard;
				if (!g) continue;
				if (g.type === 'scoreAtLeast' || g.type === 'scoreBelow') score = true;
				else if (g.type === 'visited') visited.add(String(g.params?.node));
				else decisions.add(String(g.params?.node));
			}
	return { decisions: [...decisions].sort(), visited: [...visited].sort(), score };
}

function guardHolds(guard: GuardRef | undefined, context: ScenarioContext): boolean {
	if (!guard) return true;
	const implementation = guardImplementations[guard.type as keyof typeof guardImplementations];
	return implementation ? implementation({ context }, guard.params ?? {}) : false;
}

/** The actions a learner can take at a node, one of each kind that can make a difference. */
function actionsAt(scenario: Scenario, node: string): { action: LearnerAction; event: string; answers?: string[]; correct?: boolean }[] {
	const meta = scenario.meta(node);
	switch (meta.kind) {
		case 'content':
		case 'persona':
			return [{ action: { type: 'continue' }, event: 'continue' }];
		case 'choice':
			return (meta.options ?? []).map((option) => ({ action: { type: 'choose', option }, event: `choose.${option}`, answers: [option] }));
		case 'quiz': {
			const correct = meta.correct ?? [];
			const wrong = (meta.answers ?? []).find((a) => !correct.includes(a));
			const result: { action: LearnerAction; event: string; answers: string[]; correct: boolean }[] = [];
			if (correct.length && (meta.multiple || correct.length === 1)) result.push({ action: { type: 'answer', answers: correct }, event: 'answer', answers: correct, correct: true });
			if (wrong) result.push({ action: { type: 'answer', answers: [wrong] }, event: 'answer', answers: [wrong], correct: false });
			return result;
		}
		case 'reflection':
			return [{ action: { type: 'reflect', text: '' }, event: 'submit' }];
		case 'evaluation':
			return [{ action: { type: 'evaluate', evaluation: { rating: null, useful: '', better: '' } }, event: 'submit' }];
		case 'scale':
		case 'checklist':
		case 'fields':
		case 'actionplan':
			return [{ action: { type: 'respond', answer: {} }, event: 'submit' }];
		case 'end':
			return [];
	}
}

/**
 * The shortest series of learner actions from the start to `target` that the chart's guards allow,
 * or null if none does.
 */
export function routeTo(scenario: Scenario, target: string): LearnerAction[] | null {
	let routes = ROUTES.get(scenario);
	if (!routes) ROUTES.set(scenario, (routes = searchRoutes(scenario)));
	return routes.get(target) ?? null;
}

const ROUTES = new WeakMap<Scenario, Map<string, LearnerAction[]>>();

/**
 * Breadth-first over situations (a node plus whatever the guards look at), once per module: the
 * first time a node is reached is by the shortest way.
 */
function searchRoutes(scenario: Scenario): Map<string, LearnerAction[]> {
	const module = scenario.module;
	const facts = relevantFacts(module);
	const keyOf = (s: Situation) =>
		[
			s.node,
			facts.score ? s.context.score : '',
			...facts.decisions.map((n) => `${s.context.decisions[n]?.join('+') ?? ''}${s.context.correct[n] ? '✓' : ''}`),
			...facts.visited.map((n) => (s.context.visited.includes(n) ? 1 : 0))
		].join('|');
	const initial = module.machine.initial;
	const start: Situation = { node: initial, context: { score: 0, decisions: {}, visited: [initial], correct: {} }, actions: [] };
	const routes = new Map<string, LearnerAction[]>([[initial, []]]);
	const seen = new Set([keyOf(start)]);
	const queue = [start];
	const total = Object.keys(module.machine.states).length;
	for (let i = 0; i < queue.length && seen.size < SEARCH_LIMIT && routes.size < total; i++) {
		const here = queue[i];
		const spec = scenario.node(here.node).on ?? {};
		for (const { action, event, answers, correct } of actionsAt(scenario, here.node)) {
			const transitions = spec[event];
			if (transitions === undefined) continue;
			let context = here.context;
			if (answers) {
				const meta = scenario.meta(here.node);
				const quizPoints = meta.kind === 'quiz' && correct ? (meta.points ?? 1) : 0;
				context = {
					...context,
					score: context.score + quizPoints,
					decisions: { ...context.decisions, [here.node]: answers },
					correct: meta.kind === 'quiz' ? { ...context.correct, [here.node]: !!correct } : context.correct
				};
			}
			// As XState does: the first alternative whose guard holds is taken; its actions run after.
			const taken = normaliseTransitions(transitions).find((t) => guardHolds(t.guard, context));
			if (!taken) continue;
			const next: Situation = {
				node: taken.target,
				context: { ...context, score: context.score + pointsOf(taken.actions), visited: [...context.visited, taken.target] },
				actions: [...here.actions, action]
			};
			if (!routes.has(next.node)) routes.set(next.node, next.actions);
			const key = keyOf(next);
			if (seen.has(key) || scenario.meta(next.node).kind === 'end') continue;
			seen.add(key);
			queue.push(next);
		}
	}
	return routes;
}

/** Plays the actions through the engine, reading every feedback page on the way. */
export function play(scenario: Scenario, actions: LearnerAction[], now: number): SavedState {
	let state = scenario.start(now);
	for (const action of actions) {
		state = scenario.acknowledgeFeedback(scenario.apply(state, action, now), now);
	}
	return state;
}

/** The shortest way to a node ignoring guards (for nodes no play reaches). */
function shortestPath(module: ModuleDefinition, target: string): string[] {
	const initial = module.machine.initial;
	const previous = new Map<string, string | null>([[initial, null]]);
	const queue = [initial];
	for (let i = 0; i < queue.length && !previous.has(target); i++)
		for (const spec of Object.values(module.machine.states[queue[i]].on ?? {}))
			for (const t of normaliseTransitions(spec))
				if (!previous.has(t.target)) {
					previous.set(t.target, queue[i]);
					queue.push(t.target);
				}
	if (!previous.has(target)) return [target];
	const path: string[] = [];
	for (let n: string | null = target; n !== null; n = previous.get(n) ?? null) path.unshift(n);
	return path;
}

/** A learner's state at `nodeId`, as if they had just arrived there by the shortest allowed way. */
export function stateAt(scenario: Scenario, nodeId: string, now: number): PreviewPosition {
	if (!(nodeId in scenario.module.machine.states)) throw new Error(`There is no node "${nodeId}" in module "${scenario.module.id}".`);
	const actions = routeTo(scenario, nodeId);
	if (actions) {
		try {
			const state = play(scenario, actions, now);
			if (state.node === nodeId) return { state, reachable: true };
		} catch {
			// The engine disagrees with the search (it should not): show the node out of context.
		}
	}
	const start = scenario.start(now);
	const path = shortestPath(scenario.module, nodeId);
	const state: SavedState = { ...start, node: nodeId, path, ...(scenario.meta(nodeId).kind === 'end' ? { completedAt: now } : {}) };
	return { state, reachable: false };
}

/**
 * After the module changed on disk: the same learner state if it still fits the new chart (the
 * author keeps playing where they were), else the same node reached afresh, else the start.
 */
export function keepPosition(state: SavedState, scenario: Scenario, now: number): PreviewPosition & { kept: 'state' | 'node' | 'none' } {
	const restored = scenario.restore(state);
	if (restored.ok) return { state: restored.state, reachable: true, kept: 'state' };
	if (state.node in scenario.module.machine.states) return { ...stateAt(scenario, state.node, now), kept: 'node' };
	return { ...stateAt(scenario, scenario.module.machine.initial, now), kept: 'none' };
}
