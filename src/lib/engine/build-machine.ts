import { assign, setup } from 'xstate';
import { guardImplementations, type ScenarioContext } from './library';
import type { ModuleDefinition } from './module-schema';

export type ScenarioEvent =
	| { type: 'continue' }
	| { type: `choose.${string}` }
	| { type: 'answer'; answers: string[] }
	| { type: 'submit' };

/**
 * Builds the XState machine for a validated module. The chart is used as written; the library's
 * guards and actions are attached by name with `setup`, so the JSON stays editable in Stately's
 * visual editor.
 */
export function buildMachine(module: ModuleDefinition) {
	return setup({
		types: {
			context: {} as ScenarioContext,
			events: {} as ScenarioEvent
		},
		guards: guardImplementations,
		actions: {
			addPoints: assign({
				score: ({ context }, params: Record<string, unknown>) => context.score + Number(params.points ?? 0)
			})
		}
	}).createMachine({
		...(module.machine as object),
		context: { score: 0, decisions: {}, visited: [], correct: {} }
	} as never);
}

export type ScenarioMachine = ReturnType<typeof buildMachine>;
