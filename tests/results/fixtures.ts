// Test helper: plays attempts through the real engine and turns them into result records, so the
// record, trainer and end-to-end tests work on files exactly like the ones learners download.
import { flattenLocale, type LearnerAction, type LoadedModule, type SavedState } from '../../src/lib/engine';
import { demoActions, type DemoChoices } from '../helpers/demo-paths';
import { buildResultRecord, type RecordTexts, type ResultRecord } from '../../src/lib/results/result-record';
import { loadShipped } from '../helpers/load-from-disk';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

/** A module's texts in one language, as the player's ModuleTexts would give them. */
export function textsOf(loaded: LoadedModule, lang: string): RecordTexts {
	const flat = flattenLocale(loaded.locales[lang]);
	return { lang, text: (key) => String(flat.get(key) ?? key), has: (key) => flat.has(key) };
}

/**
 * Plays actions from the start, `stepSeconds` apart (time spent counts the same), reading the
 * feedback after each decision. Stops early if the actions run out.
 */
export function play(loaded: LoadedModule, actions: LearnerAction[], start = T0, stepSeconds = 30): SavedState {
	const { scenario } = loaded;
	let state = scenario.start(start);
	let now = start;
	for (const action of actions) {
		now += stepSeconds * 1000;
		state = scenario.addTime(state, stepSeconds * 1000);
		state = scenario.acknowledgeFeedback(scenario.apply(state, action, now), now);
	}
	return state;
}

export { demoActions, type DemoChoices } from '../helpers/demo-paths';

export const demo = () => loadShipped('demo');

/** A finished demo attempt as the JSON record a learner would download. */
export function demoRecord(c: DemoChoices, options: { start?: number; stepSeconds?: number; name?: string; lang?: string } = {}): ResultRecord {
	const loaded = demo();
	const state = play(loaded, demoActions(c), options.start ?? T0, options.stepSeconds ?? 30);
	return buildResultRecord(loaded.scenario, state, textsOf(loaded, options.lang ?? 'nl'), { learnerName: options.name, now: state.updatedAt + 60_000 });
}
