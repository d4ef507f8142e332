/**
 * What an LMS is told, in edition-neutral terms: the attempt's outcome (status and score) and one
 * report per decision. Pure functions over the engine, so the policy is tested without an LMS; the
 * SCORM dialects (scorm12.ts, scorm2004.ts) only spell these values in their data model.
 */
import { EVALUATION_ASPECTS, normaliseTransitions, pointsOf, type Decision, type Evaluation, type SavedState, type Scenario } from '$lib/engine';

/** What the LMS is told when a learner finishes below the mastery score (module.json `reportFailureAs`). */
export type FailurePolicy = 'incomplete' | 'failed';

/**
 * The LMS status as two dimensions, as SCORM 2004 has them; SCORM 1.2's single lesson_status
 * maps onto the pair and back (scorm12.ts).
 */
export interface LmsStatus {
	completion: 'unknown' | 'incomplete' | 'completed';
	success: 'unknown' | 'failed' | 'passed';
}

export interface Outcome {
	status: LmsStatus;
	/** The score to report (0–100), or null when none should be sent (yet). */
	percent: number | null;
	/** 0–1, how far along the longest remaining way the learner is. */
	progress: number;
	finished: boolean;
}

/**
 * The outcome of the learner's state under the module's failure policy.
 *
 * - Unfinished: incomplete, no score yet (a running score would let an LMS grade half an attempt).
 * - Finished at or above the mastery score: completed and passed, with the score.
 * - Finished below it, policy `failed`: completed and failed, with the score.
 * - Finished below it, policy `incomplete` (the default, as Adapt spoor's `_onAssessmentFailure`):
 *   incomplete and no score, so the learner can simply try again in the same LMS attempt. The score
 *   is held back on purpose: with a mastery score in the manifest, an LMS turns any raw score below
 *   it into "failed" when the session ends (Moodle's SCORM 1.2 LMSFinish does exactly that), which
 *   would close the attempt after all. Every decision is still reported as an interaction.
 */
export function outcomeOf(scenario: Scenario, state: SavedState, policy: FailurePolicy): Outcome {
	const finished = state.completedAt !== undefined;
	const summary = scenario.scoreOf(state);
	const progress = scenario.progressOf(state);
	if (!finished) return { status: { completion: 'incomplete', success: 'unknown' }, percent: null, progress, finished };
	// An instrument (an analysis, a self-scan) is done when it is filled in: no score, no verdict.
	if (scenario.module.instrument) return { status: { completion: 'completed', success: 'unknown' }, percent: null, progress, finished };
	if (summary.passed) return { status: { completion: 'completed', success: 'passed' }, percent: summary.percent, progress, finished };
	if (policy === 'failed') return { status: { completion: 'completed', success: 'failed' }, percent: summary.percent, progress, finished };
	// Not at 1 either: in SCORM 2004 a progress of 1 reads as complete.
	return { status: { completion: 'incomplete', success: 'unknown' }, percent: null, progress: Math.min(progress, 0.99), finished };
}

/** Each dimension's values from worst to best. */
const COMPLETION_ORDER = ['unknown', 'incomplete', 'completed'] as const;
const SUCCESS_ORDER = ['unknown', 'failed', 'passed'] as const;

/** The later of two values in `order`. */
const better = <T>(order: readonly T[], a: T, b: T): T => order[Math.max(order.indexOf(a), order.indexOf(b))];

/**
 * The status to write: the better of what the LMS has and what the learner just reached, per
 * dimension. A learner who passed and then starts again to practise stays passed (Xerte
 * #431/#488: revisiting content must not flip passed to failed).
 */
export function bestStatus(current: LmsStatus, reached: LmsStatus): LmsStatus {
	return { completion: better(COMPLETION_ORDER, current.completion, reached.completion), success: better(SUCCESS_ORDER, current.success, reached.success) };
}

/** One decision as an LMS interaction (SCORM type `choice` for both choices and knowledge checks). */
export interface DecisionReport {
	/** The node id: stable across texts and versions, so an LMS groups answers to the same question. */
	id: string;
	/** The node's option or answer ids, in the module's order (not the attempt's shuffled one), so letters mean the same for every learner. */
	choices: string[];
	/** What the learner chose. */
	response: string[];
	/**
	 * The best responses, one pattern each: a quiz has one (its correct answers together); a choice
	 * has one per option worth the most points, none when no option scores.
	 */
	correct: string[][];
	result: 'correct' | 'incorrect' | 'neutral';
	/** The most points this decision can earn. */
	weighting: number;
	at: number;
	latencyMs: number;
}

/** The points each option of a choice node adds (its best transition, when guards split it). */
function optionPoints(scenario: Scenario, nodeId: string, option: string): number {
	const spec = scenario.node(nodeId).on?.[`choose.${option}`];
	if (spec === undefined) return 0;
	return Math.max(...normaliseTransitions(spec).map((t) => pointsOf(t.actions)));
}

export function decisionReport(scenario: Scenario, decision: Decision): DecisionReport {
	const meta = scenario.meta(decision.node);
	// A decision is made at a choice or a quiz node, and the module schema requires a quiz's answers
	// and correct answers and a choice's options (module-schema.ts), so the lists are there.
	const base = { id: decision.node, response: decision.answers, at: decision.at, latencyMs: decision.latencyMs };
	if (meta.kind === 'quiz') {
		const correct = scenario.isCorrect(meta, decision.answers);
		return { ...base, choices: meta.answers!, correct: [meta.correct!], result: correct ? 'correct' : 'incorrect', weighting: meta.points ?? 1 };
	}
	const choices = meta.options!;
	const best = scenario.bestPoints(decision.node);
	const bestOptions = best > 0 ? choices.filter((o) => optionPoints(scenario, decision.node, o) >= best).map((o) => [o]) : [];
	// A choice that scores nothing anywhere is a pure branch: neither right nor wrong. Between the
	// best option and one worth nothing, a partly good choice is reported as neutral.
	const result = best <= 0 ? 'neutral' : decision.points >= best ? 'correct' : decision.points > 0 ? 'neutral' : 'incorrect';
	return { ...base, choices, correct: bestOptions, result, weighting: best };
}

/** One answer of the evaluation form, as the LMS gets it (after the decisions, once per attempt). */
export interface EvaluationItem {
	/** `koers_evaluation_<question>`: the same for every learner, so an LMS report groups them. */
	id: string;
	/** `likert` (1–5 aspects), `numeric` (the mark 1–10), `fill-in` (an open answer). */
	kind: 'likert' | 'numeric' | 'fill-in';
	response: string;
	at: number;
	/** The question's language, for an open answer (SCORM 2004 localized strings). */
	lang: string;
}

/**
 * The evaluation as LMS interactions: each aspect answered, the mark, and the open answers that
 * are not empty. Reflections are not among them: they stay on the device.
 */
export function evaluationItems(evaluation: Evaluation, at: number, lang: string): EvaluationItem[] {
	const items: EvaluationItem[] = [];
	for (const aspect of EVALUATION_ASPECTS) {
		const value = evaluation.aspects?.[aspect];
		if (value !== undefined) items.push({ id: `koers_evaluation_${aspect}`, kind: 'likert', response: String(value), at, lang });
	}
	if (evaluation.rating !== null) items.push({ id: 'koers_evaluation_rating', kind: 'numeric', response: String(evaluation.rating), at, lang });
	if (evaluation.useful) items.push({ id: 'koers_evaluation_useful', kind: 'fill-in', response: evaluation.useful, at, lang });
	if (evaluation.better) items.push({ id: 'koers_evaluation_better', kind: 'fill-in', response: evaluation.better, at, lang });
	return items;
}
