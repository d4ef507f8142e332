// Test helper: walks every path through a scenario with the real engine (bounded), trying every
// option and, for quizzes, every single answer plus the correct set.
import type { LearnerAction, SavedState, Scenario } from '../../src/lib/engine';

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
		case 'end':
			return [];
	}
}

/** Calls `visit` with every finished state reachable; stops after `limit` endings. */
export function forEachEnding(scenario: Scenario, visit: (end: SavedState) => void, limit = 50_000): number {
	let count = 0;
	const stack: SavedState[] = [scenario.start(0)];
	while (stack.length && count < limit) {
		const state = stack.pop()!;
		if (state.completedAt !== undefined) {
			visit(state);
			count++;
			continue;
		}
		if (state.path.length > 500) throw new Error(`path too long at ${state.node}: a loop?`);
		for (const action of actionsAt(scenario, state)) {
			try {
				stack.push(scenario.acknowledgeFeedback(scenario.apply(state, action, state.path.length), state.path.length));
			} catch {
				// A guarded action may be unavailable; other actions still cover the node.
			}
		}
	}
	return count;
}
