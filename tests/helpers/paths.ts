// Test helper: explores every situation a learner can reach in a scenario with the real engine.
// Paths are not enumerated one by one (that grows exponentially with the dilemmas): two states
// are the same situation when they sit at the same node with the same score and the same answers
// at the nodes that guards look at, because then their futures are identical.
import type { LearnerAction, SavedState, Scenario } from '../../src/lib/engine';
import { normaliseTransitions, SEED_LIMIT } from '../../src/lib/engine';

export function actionsAt(scenario: Scenario, state: SavedState): LearnerAction[] {
	const meta = scenario.meta(state.node);
	switch (meta.kind) {
		case 'content':
		case 'persona':
			return [{ type: 'continue' }];
		case 'choice':
			return (meta.options ?? []).map((option) => ({ type: 'choose', option }));
		case 'quiz': {
			const singles = (meta.answers ?? []).map((a) => ({ type: 'answer' as const, answers: [a] }));
			return meta.multiple ? [...singles, { type: 'answer', answers: meta.correct ?? [] }] : singles;
		}
		case 'reflection':
			return [{ type: 'reflect', text: 'x'.repeat(50) }];
		case 'evaluation':
			return [{ type: 'evaluate', evaluation: { rating: 7, useful: 'u', better: 'b' } }];
		case 'scale':
		case 'checklist':
		case 'fields':
		case 'actionplan':
			return [{ type: 'respond', answer: {} }];
		case 'end':
			return [];
	}
}

/** Nodes whose answers or visits some guard reads. */
function guardedNodes(scenario: Scenario): Set<string> {
	const nodes = new Set<string>();
	for (const state of Object.values(scenario.module.machine.states))
		for (const spec of Object.values(state.on ?? {}))
			for (const t of normaliseTransitions(spec)) if (typeof t.guard?.params?.node === 'string') nodes.add(t.guard.params.node);
	return nodes;
}

/**
 * Visits every distinct situation reachable from the start (after feedback is read), calling
 * `visit` with one representative state of each; ended states have `completedAt`. Returns how
 * many situations there were.
 */
export function exploreStates(scenario: Scenario, visit: (state: SavedState) => void, limit = 200_000): number {
	const watched = guardedNodes(scenario);
	const key = (s: SavedState) =>
		`${s.node}|${s.score}|${s.decisions.filter((d) => watched.has(d.node)).map((d) => `${d.node}=${d.answers.join('+')}`).sort().join(',')}|${[...watched].filter((n) => s.path.includes(n)).join(',')}`;
	const seen = new Set<string>();
	// The widest shuffle seed, so a saved state's length is measured with the seed it carries for a learner.
	const stack: SavedState[] = [scenario.start(0, SEED_LIMIT - 1)];
	while (stack.length) {
		const state = stack.pop()!;
		const k = key(state);
		if (seen.has(k)) continue;
		seen.add(k);
		if (seen.size > limit) throw new Error(`more than ${limit} situations: is there a loop that changes the score?`);
		visit(state);
		if (state.completedAt !== undefined) continue;
		for (const action of actionsAt(scenario, state)) {
			const at = state.path.length;
			stack.push(scenario.acknowledgeFeedback(scenario.apply(state, action, at), at));
		}
	}
	return seen.size;
}

/** Calls `visit` with one ended state per distinct way of ending; returns how many there were. */
export function forEachEnding(scenario: Scenario, visit: (end: SavedState) => void, limit = 200_000): number {
	let endings = 0;
	exploreStates(
		scenario,
		(state) => {
			if (state.completedAt === undefined) return;
			endings++;
			visit(state);
		},
		limit
	);
	return endings;
}
