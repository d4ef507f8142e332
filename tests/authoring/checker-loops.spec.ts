// The checker's best reachable score in charts with loops (issue 17): it follows the engine's rule
// for the maximum (the best way that never visits a node twice, scoring.ts `longestPaths`), so it
// never calls a mastery score unreachable that a learner reaches in the player. Each chart here is
// played through with the engine to show the score the checker must allow. Modules are loaded in
// beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleDefinition, StateConfig } from '../../src/lib/engine';
import { endNode, localeJson, moduleOf as buildModule } from './chart-builders';

let engine: typeof import('../../src/lib/engine');
let checker: typeof import('../../src/lib/authoring/checker');
let graph: typeof import('../../src/lib/authoring/graph');
beforeEach(async () => {
	engine = await import('../../src/lib/engine');
	checker = await import('../../src/lib/authoring/checker');
	graph = await import('../../src/lib/authoring/graph');
});

const choice = (options: Record<string, string | { target: string; points: number }>): StateConfig => ({
	meta: { kind: 'choice', options: Object.keys(options) },
	on: Object.fromEntries(
		Object.entries(options).map(([o, t]) => [`choose.${o}`, typeof t === 'string' ? t : { target: t.target, actions: [{ type: 'addPoints', params: { points: t.points } }] }])
	)
});
const end = endNode;
const moduleOf = (states: Record<string, StateConfig>, masteryScore: number) => buildModule('loops', states, { studyMinutes: 3, masteryScore });

/** The module's files with a text for every key it needs, so only the chart is judged. */
function filesOf(module: ModuleDefinition) {
	return { folder: module.id, moduleJson: JSON.stringify(module, null, '\t'), locales: { en: localeJson(engine.keysOf(module).required, (key) => `Text for ${key}.`) }, fileExists: () => true };
}

/** Plays the choices in order from the start and returns the learner's result at the end. */
function play(module: ModuleDefinition, options: string[]) {
	const scenario = new engine.Scenario(module);
	let state = scenario.start(0);
	for (const option of options) state = scenario.acknowledgeFeedback(scenario.apply(state, { type: 'choose', option }, 1), 1);
	expect(state.completedAt).toBeDefined();
	return { path: state.path, ...engine.summariseScore(state.score, scenario.maxScore, module.masteryScore) };
}

const masteryIssues = (module: ModuleDefinition) => checker.checkModule(filesOf(module), { lang: 'en' }).issues.filter((i) => i.code === 'mastery-unreachable');

describe('a loop that gives points, entered at the node a depth-first search reaches last', () => {
	// start → A or B; A → B or end; B → A (+10) or end (A, B: page-a, page-b). Listed this way, a depth-first search from
	// the start goes start → A → B and drops B → A as "closing a loop", but a learner who goes to
	// B first takes B → A once, never visiting a node twice: 10 of 10 points.
	const states = (): Record<string, StateConfig> => ({
		start: choice({ a: 'page-a', b: 'page-b' }),
		'page-a': choice({ x: 'page-b', y: 'end' }),
		'page-b': choice({ x: { target: 'page-a', points: 10 }, y: 'end' }),
		end
	});

	it('is passed by a learner at 80 %, and the checker agrees', () => {
		const module = moduleOf(states(), 80);
		expect(play(module, ['b', 'x', 'y'])).toMatchObject({ path: ['start', 'page-b', 'page-a', 'end'], score: 10, maxScore: 10, percent: 100, passed: true });
		const report = checker.checkModule(filesOf(module), { lang: 'en' });
		expect(report.stats).toMatchObject({ maxScore: 10, bestScore: 10, bestPercent: 100 });
		expect(masteryIssues(module)).toEqual([]);
		// The loop itself is still worth a warning: a learner can go round it again and again.
		expect(report.issues.map((i) => i.code)).toContain('scoring-loop');
	});

	it('gets the same verdict whatever order the chart lists its states and options in', () => {
		const s = states();
		const reordered = moduleOf({ end: s.end, 'page-b': choice({ y: 'end', x: { target: 'page-a', points: 10 } }), 'page-a': choice({ y: 'end', x: 'page-b' }), start: choice({ b: 'page-b', a: 'page-a' }) }, 80);
		expect(graph.analyseScores(reordered).bestScore).toBe(10);
		expect(graph.analyseScores(moduleOf(s, 80)).bestScore).toBe(engine.maxScore(moduleOf(s, 80)));
	});
});

describe('a loop without points, entered at two places, before a score gate', () => {
	// start → A (+5) or B (page-a, page-b); A ↔ B; B → gate, where 5 points open a bonus (+5). A depth-first search
	// that reaches B from the start first and drops A → B sees at most 0 points at the gate; the
	// learner who goes start → A → B → gate has 5 and takes the bonus: 10 of 10.
	const module = () =>
		moduleOf(
			{
				start: choice({ b: 'page-b', a: { target: 'page-a', points: 5 } }),
				'page-b': choice({ x: 'page-a', y: 'gate' }),
				'page-a': choice({ x: 'page-b', y: 'end' }),
				gate: {
					meta: { kind: 'content' },
					on: { continue: [{ target: 'bonus', guard: { type: 'scoreAtLeast', params: { points: 5 } } }, { target: 'end' }] }
				},
				bonus: choice({ take: { target: 'end', points: 5 }, skip: 'end' }),
				end
			},
			90
		);

	it('lets the learner through the gate to the bonus, and the checker neither calls the gate dead nor the mastery score unreachable', () => {
		const m = module();
		const scenario = new engine.Scenario(m);
		let state = scenario.start(0);
		for (const option of ['a', 'x']) state = scenario.acknowledgeFeedback(scenario.apply(state, { type: 'choose', option }, 1), 1);
		state = scenario.acknowledgeFeedback(scenario.apply(state, { type: 'choose', option: 'y' }, 1), 1);
		state = scenario.apply(state, { type: 'continue' }, 1);
		expect(state.node).toBe('bonus');
		state = scenario.apply(state, { type: 'choose', option: 'take' }, 1);
		expect(engine.summariseScore(state.score, scenario.maxScore, m.masteryScore)).toMatchObject({ score: 10, maxScore: 10, passed: true });

		const report = checker.checkModule(filesOf(m), { lang: 'en' });
		expect(report.stats).toMatchObject({ maxScore: 10, bestScore: 10, bestPercent: 100 });
		expect(report.issues.filter((i) => i.code === 'guard-never' || i.code === 'mastery-unreachable')).toEqual([]);
	});

	it('still finds a gate no way reaches with enough points', () => {
		const m = module();
		const gate = m.machine.states.gate.on!.continue as { target: string; guard?: { type: string; params: { points: number } } }[];
		gate[0].guard!.params.points = 6;
		const report = checker.checkModule(filesOf(m), { lang: 'en' });
		expect(report.issues.filter((i) => i.code === 'guard-never').map((i) => i.path)).toEqual(['machine.states.gate.on.continue[0]']);
		expect(report.stats).toMatchObject({ maxScore: 10, bestScore: 5, bestPercent: 50 });
		expect(masteryIssues(m)).toHaveLength(1);
	});
});
