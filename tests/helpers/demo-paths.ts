// Test helper: the demo module's named paths (modules/demo/module.json), in one place for the unit
// specs (as engine actions) and the SCORM end-to-end tests (as picks per node), and its scoring
// written out by hand, so a test can check the engine's score without asking the engine.
import type { LearnerAction } from '../../src/lib/engine';

/** The choices of one whole demo attempt. */
export interface DemoChoices {
	first: 'talk' | 'buddy' | 'wait';
	/** sam-returns (ask|assign) after talk/buddy, sam-stays-away (visit|leave) after wait. */
	second: 'ask' | 'assign' | 'visit' | 'leave';
	signals: readonly string[];
	approaches: readonly string[];
	reflection?: string;
	rating?: number | null;
	useful?: string;
	better?: string;
}

const C = { type: 'continue' } as const;

/** The actions of one whole demo attempt, from the start page to the end page. */
export function demoActions(c: DemoChoices): LearnerAction[] {
	return [
		C,
		C,
		{ type: 'choose', option: c.first },
		C,
		C,
		{ type: 'choose', option: c.second },
		{ type: 'answer', answers: [...c.signals] },
		{ type: 'answer', answers: [...c.approaches] },
		{ type: 'reflect', text: c.reflection ?? '' },
		{ type: 'evaluate', evaluation: { rating: c.rating ?? null, useful: c.useful ?? '', better: c.better ?? '' } }
	];
}

/** What to pick at each decision node, for a scripted learner that clicks (tests/scorm/support.ts playUntil). */
export type Picks = Record<string, string | string[]>;

export function demoPicks(c: DemoChoices): Picks {
	const second = c.second === 'ask' || c.second === 'assign' ? 'sam-returns' : 'sam-stays-away';
	return { 'first-evening': c.first, [second]: c.second, 'quiz-signals': [...c.signals], 'quiz-approaches': [...c.approaches] };
}

/** The best path: 6 of 6 points, 100 %, ends at end-strong (tests/modules/demo/golden.json "best path"). */
export const DEMO_BEST_CHOICES: DemoChoices = { first: 'talk', second: 'ask', signals: ['b'], approaches: ['a', 'c'], reflection: 'Ik vroeg door.', rating: 8 };
/** The worst path: 0 points, 0 %, ends at end-practice (golden.json "poor path"). */
export const DEMO_WORST_CHOICES: DemoChoices = { first: 'wait', second: 'leave', signals: ['a'], approaches: ['b'], reflection: '…', rating: 3 };
/** A mixed path: 3 of 6 points, 50 %, ends at end-practice (golden.json "mixed path"). */
export const DEMO_MIXED_CHOICES: DemoChoices = { first: 'buddy', second: 'assign', signals: ['b'], approaches: ['a', 'c'], reflection: 'Meer vragen.', rating: 6 };

export const DEMO_BEST: LearnerAction[] = demoActions(DEMO_BEST_CHOICES);
export const DEMO_WORST: LearnerAction[] = demoActions(DEMO_WORST_CHOICES);
export const DEMO_MIXED: LearnerAction[] = demoActions(DEMO_MIXED_CHOICES);
export const DEMO_BEST_PICKS: Picks = demoPicks(DEMO_BEST_CHOICES);
export const DEMO_WORST_PICKS: Picks = demoPicks(DEMO_WORST_CHOICES);

/**
 * The points of each answer in modules/demo/module.json, copied by hand (answers sorted, joined
 * with `+`; an answer not listed earns nothing). A quiz scores only when exactly right.
 */
const DEMO_POINTS: Record<string, Record<string, number>> = {
	'first-evening': { talk: 2, buddy: 1, wait: 0 },
	'sam-returns': { ask: 2, assign: 0 },
	'sam-stays-away': { visit: 2, leave: 0 },
	'quiz-signals': { b: 1 },
	'quiz-approaches': { 'a+c': 1 }
};

/** The percentage the learner and the LMS see for 0–6 points of 6, rounded by hand (4 of 6 is 66.7 → 67). */
export const DEMO_PERCENT = [0, 17, 33, 50, 67, 83, 100] as const;

/** The demo's mastery score is 60 %, and its evaluation leads to end-strong from 4 points on. */
export const demoPassed = (points: number) => points >= 4;
export const demoEnd = (points: number) => (points >= 4 ? 'end-strong' : 'end-practice');

/** The score of an attempt's decisions, added up from the table above instead of by the engine. */
export function demoPointsByHand(decisions: readonly { node: string; answers: readonly string[] }[]): number {
	return decisions.reduce((sum, d) => sum + (DEMO_POINTS[d.node]?.[[...d.answers].sort().join('+')] ?? 0), 0);
}
