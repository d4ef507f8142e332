import { transition } from 'xstate';
import { buildMachine, type ScenarioEvent, type ScenarioMachine } from './build-machine';
import { buildNodeIndex, decodeCompact, encodeCompact, type NodeIndex } from './compact';
import type { ScenarioContext } from './library';
import { DECISION_KINDS, type ModuleDefinition, type NodeMeta, type StateConfig } from './module-schema';
import { longestPaths, progressOf, summariseScore, type ScoreSummary } from './scoring';
import { shuffledOrder } from './shuffle';
import { checkShape, EVALUATION_ASPECTS, majorOf, newAttemptUid, SAVED_STATE_FORMAT, type Evaluation, type InstrumentAnswer, type RestoreResult, type SavedState } from './saved-state';
import { cleanInstrumentAnswer } from './instrument';

/** What the learner did at a node, as the player reports it. */
export type LearnerAction =
	| { type: 'continue' }
	| { type: 'choose'; option: string }
	| { type: 'answer'; answers: string[] }
	| { type: 'reflect'; text: string }
	| { type: 'evaluate'; evaluation: Evaluation }
	| { type: 'respond'; answer: InstrumentAnswer };

export class ScenarioError extends Error {}

/** How right a decision was (see Scenario.verdictOf). */
export type Verdict = 'correct' | 'partly' | 'wrong' | 'neutral';

/** Where the learner is, in words a learner understands: a chapter of the module, or a step. */
export interface ProgressPlace {
	/** The step the learner is at (1 for the first page). */
	step: number;
	/** About how many steps the attempt has: the steps taken plus the longest way left. */
	total: number;
	/** The chapter the learner is in, when the module names chapters and one has begun. */
	chapter?: { id: string; number: number; count: number };
}

/** The kinds of page a learner may go back to (where nothing that counts was decided). */
const BACK_TO_KINDS: readonly NodeMeta['kind'][] = ['content', 'persona', 'reflection', 'scale', 'checklist', 'fields', 'actionplan'];

/** Longest reflection kept; longer text is cut so one answer cannot fill the learner's storage. */
export const MAX_REFLECTION_LENGTH = 4000;

/**
 * A module ready to play: the built machine plus what is derived once from the graph. All methods
 * are pure: they take a SavedState and return a new one, so the player, tests and tools share one
 * implementation and nothing is replayed on restore.
 */
export class Scenario {
	readonly machine: ScenarioMachine;
	readonly maxScore: number;
	readonly nodes: NodeIndex;
	private readonly stepsLeft: Map<string, number>;

	constructor(readonly module: ModuleDefinition) {
		this.machine = buildMachine(module);
		const longest = longestPaths(module);
		this.maxScore = longest.points.get(module.machine.initial) ?? 0;
		this.stepsLeft = longest.steps;
		this.nodes = buildNodeIndex(module);
	}

	node(id: string): StateConfig {
		return this.module.machine.states[id];
	}

	meta(id: string): NodeMeta {
		return this.node(id).meta;
	}

	/**
	 * A new attempt. With a `shuffleSeed` (see shuffle.ts) options and quiz answers are shown in an
	 * order of their own for this attempt; without one, in the module's order.
	 */
	start(now: number, shuffleSeed?: number): SavedState {
		const initial = this.module.machine.initial;
		return {
			...(shuffleSeed !== undefined ? { shuffleSeed } : {}),
			format: SAVED_STATE_FORMAT,
			moduleId: this.module.id,
			moduleVersion: this.module.version,
			node: initial,
			path: [initial],
			decisions: [],
			score: 0,
			reflections: {},
			feedbackPending: false,
			timeMs: 0,
			startedAt: now,
			attemptUid: newAttemptUid(),
			updatedAt: now,
			nodeEnteredAt: now
		};
	}

	private context(state: SavedState): ScenarioContext {
		const decisions: Record<string, string[]> = {};
		const correct: Record<string, boolean> = {};
		for (const d of state.decisions) {
			decisions[d.node] = d.answers;
			const meta = this.meta(d.node);
			if (meta.kind === 'quiz') correct[d.node] = this.isCorrect(meta, d.answers);
		}
		return { score: state.score, decisions, visited: [...state.path], correct };
	}

	isCorrect(meta: NodeMeta, answers: string[]): boolean {
		const correct = meta.correct ?? [];
		return answers.length === correct.length && correct.every((c) => answers.includes(c));
	}

	/** Applies what the learner did and returns the next state. Throws ScenarioError if not allowed. */
	apply(state: SavedState, action: LearnerAction, now: number): SavedState {
		if (state.completedAt) throw new ScenarioError('The scenario has ended.');
		const meta = this.meta(state.node);
		const expected: Record<LearnerAction['type'], string[]> = {
			continue: ['content', 'persona'],
			choose: ['choice'],
			answer: ['quiz'],
			reflect: ['reflection'],
			evaluate: ['evaluation'],
			respond: ['scale', 'checklist', 'fields', 'actionplan']
		};
		if (!expected[action.type].includes(meta.kind))
			throw new ScenarioError(`A ${meta.kind} node does not accept "${action.type}".`);

		let context = this.context(state);
		let event: ScenarioEvent;
		let answers: string[] | null = null;
		let quizPoints = 0;
		const next: SavedState = { ...state, reflections: { ...state.reflections } };
		switch (action.type) {
			case 'continue':
				event = { type: 'continue' };
				break;
			case 'choose':
				if (!meta.options?.includes(action.option)) throw new ScenarioError(`No option "${action.option}" here.`);
				answers = [action.option];
				event = { type: `choose.${action.option}` };
				break;
			case 'answer': {
				const valid = meta.answers ?? [];
				const unique = [...new Set(action.answers)];
				if (unique.length === 0 || !unique.every((a) => valid.includes(a)) || (!meta.multiple && unique.length > 1))
					throw new ScenarioError('That is not a valid answer here.');
				answers = valid.filter((a) => unique.includes(a));
				const correct = this.isCorrect(meta, answers);
				quizPoints = correct ? (meta.points ?? 1) : 0;
				event = { type: 'answer', answers };
				break;
			}
			case 'reflect':
				next.reflections[state.node] = action.text.slice(0, MAX_REFLECTION_LENGTH);
				event = { type: 'submit' };
				break;
			case 'respond': {
				const answer = cleanInstrumentAnswer(meta, action.answer);
				if (!answer) throw new ScenarioError('That is not a valid answer here.');
				next.responses = { ...state.responses, [state.node]: answer };
				event = { type: 'submit' };
				break;
			}
			case 'evaluate': {
				const rating = action.evaluation.rating;
				next.evaluation = {
					rating: rating === null ? null : Math.min(10, Math.max(1, Math.round(rating))),
					useful: action.evaluation.useful.slice(0, MAX_REFLECTION_LENGTH),
					better: action.evaluation.better.slice(0, MAX_REFLECTION_LENGTH),
				};
				// Only the aspects answered; none answered (or an older form): no `aspects` at all.
				const aspects = EVALUATION_ASPECTS.flatMap((aspect) => {
					const value = action.evaluation.aspects?.[aspect];
					return typeof value === 'number' && Number.isFinite(value) ? [[aspect, Math.min(5, Math.max(1, Math.round(value)))] as const] : [];
				});
				if (aspects.length) next.evaluation.aspects = Object.fromEntries(aspects);
				event = { type: 'submit' };
				break;
			}
		}
		// The decision is part of the context before guards run, so a transition can branch on the
		// answer just given ("answeredCorrectly", "chose").
		if (answers) {
			context = {
				...context,
				score: context.score + quizPoints,
				decisions: { ...context.decisions, [state.node]: answers },
				correct: meta.kind === 'quiz' ? { ...context.correct, [state.node]: quizPoints > 0 || this.isCorrect(meta, answers) } : context.correct
			};
		}
		const snapshot = this.machine.resolveState({ value: state.node, context } as never);
		const [after] = transition(this.machine, snapshot, event as never);
		const target = String(after.value);
		// XState hands back the very same snapshot when no transition was enabled (all guards false).
		if (after === snapshot)
			throw new ScenarioError(`No transition for "${event.type}" from "${state.node}" applies (check its guards).`);
		const score = (after.context as ScenarioContext).score;
		if (answers) {
			const decision = { node: state.node, answers, points: score - state.score, at: now, latencyMs: Math.max(0, now - state.nodeEnteredAt) };
			next.decisions = [...state.decisions.filter((d) => d.node !== state.node), decision];
			next.feedbackPending = true;
		}
		next.score = score;
		next.node = target;
		next.path = [...state.path, target];
		next.updatedAt = now;
		next.nodeEnteredAt = now;
		// The schema makes "final" and "end" the same nodes (an end node must be final, and only
		// end nodes may be), so the kind alone says the attempt is over.
		if (this.meta(target).kind === 'end') next.completedAt = now;
		return next;
	}

	/** The learner has read the feedback on their last decision. */
	acknowledgeFeedback(state: SavedState, now: number): SavedState {
		return state.feedbackPending ? { ...state, feedbackPending: false, updatedAt: now, nodeEnteredAt: now } : state;
	}

	/**
	 * Back is allowed to a page where the learner decided nothing that counts: content, persona and
	 * reflection pages (a reflection keeps its text and can be sent again). So no decision is ever undone.
	 */
	canGoBack(state: SavedState): boolean {
		if (state.feedbackPending || state.completedAt || state.path.length < 2) return false;
		const previous = this.meta(state.path[state.path.length - 2]);
		return this.backAllowedAt(state.node) && BACK_TO_KINDS.includes(previous.kind);
	}

	/**
	 * Why there is no way back where the module otherwise allows it: the learner has just made a
	 * decision (its feedback shows, or it is the page before this one), and a decision is never
	 * undone. The player says so instead of leaving the learner to guess why "back" is gone.
	 */
	backBlockedByDecision(state: SavedState): boolean {
		if (state.completedAt || state.path.length < 2 || !this.backAllowedAt(state.node)) return false;
		if (state.feedbackPending) return true;
		return this.isDecision(state.path[state.path.length - 2]);
	}

	private backAllowedAt(nodeId: string): boolean {
		return this.meta(nodeId).allowBack ?? this.module.allowBack ?? false;
	}

	goBack(state: SavedState, now: number): SavedState {
		if (!this.canGoBack(state)) throw new ScenarioError('Going back is not possible here.');
		const path = state.path.slice(0, -1);
		return { ...state, node: path[path.length - 1], path, updatedAt: now, nodeEnteredAt: now };
	}

	/**
	 * The options (choice) or answers (quiz) of a node in the order this attempt shows them: shuffled
	 * by the attempt's seed, unless the node pins its order (`fixedOrder`) or the attempt has no seed.
	 */
	displayOrder(state: Pick<SavedState, 'shuffleSeed'>, nodeId: string): string[] {
		const meta = this.meta(nodeId);
		const ids = meta.options ?? meta.answers ?? [];
		if (meta.fixedOrder || state.shuffleSeed === undefined) return [...ids];
		return shuffledOrder(ids, state.shuffleSeed, nodeId);
	}

	/**
	 * Where the learner is. While the feedback on a decision shows, the learner is still at that
	 * decision (the state has already moved on to the next node). The chapter is the last one begun
	 * on the learner's own path, so branches and "back" keep it right.
	 */
	placeOf(state: SavedState): ProgressPlace {
		const path = state.feedbackPending && state.path.length > 1 ? state.path.slice(0, -1) : state.path;
		const here = path[path.length - 1];
		const step = path.length;
		const total = state.completedAt ? step : step + (this.stepsLeft.get(here) ?? 0);
		const place: ProgressPlace = { step, total };
		const chapters = this.module.chapters ?? [];
		if (chapters.length) {
			for (let i = path.length - 1; i >= 0; i--) {
				const chapter = this.meta(path[i]).chapter;
				if (chapter && chapters.includes(chapter)) {
					place.chapter = { id: chapter, number: chapters.indexOf(chapter) + 1, count: chapters.length };
					break;
				}
			}
		}
		return place;
	}

	/** Adds active time (the player only counts time while the page is visible). */
	addTime(state: SavedState, ms: number): SavedState {
		return ms > 0 ? { ...state, timeMs: state.timeMs + ms } : state;
	}

	scoreOf(state: SavedState): ScoreSummary {
		return summariseScore(state.score, this.maxScore, this.module.masteryScore);
	}

	progressOf(state: SavedState): number {
		if (state.completedAt) return 1;
		return progressOf(state.path.length - 1, this.stepsLeft.get(state.node) ?? 0);
	}

	/** The decisions that got the most points available at their node, and the ones that did not. */
	review(state: SavedState): { strong: string[]; toRevisit: string[] } {
		const strong: string[] = [];
		const toRevisit: string[] = [];
		for (const d of state.decisions) {
			const best = this.bestPoints(d.node);
			(d.points >= best ? strong : toRevisit).push(d.node);
		}
		return { strong, toRevisit };
	}

	/**
	 * How right a decision was, for the heading of its feedback: `correct` (a fully correct answer,
	 * or an option worth the most points), `partly` (some correct answers of a multiple-answer quiz,
	 * or an option worth some points but not the most), `wrong` (nothing right), or `neutral` (a
	 * dilemma where no option scores: a pure branch). The same rule as the LMS's `result`.
	 */
	verdictOf(decision: Pick<SavedState['decisions'][number], 'node' | 'answers' | 'points'>): Verdict {
		const meta = this.meta(decision.node);
		if (meta.kind === 'quiz') {
			if (this.isCorrect(meta, decision.answers)) return 'correct';
			return decision.answers.some((a) => meta.correct?.includes(a)) ? 'partly' : 'wrong';
		}
		const best = this.bestPoints(decision.node);
		if (best <= 0) return 'neutral';
		return decision.points >= best ? 'correct' : decision.points > 0 ? 'partly' : 'wrong';
	}

	/** Most points any answer at a decision node can give. */
	bestPoints(nodeId: string): number {
		const state = this.node(nodeId);
		if (state.meta.kind === 'quiz') return state.meta.points ?? 1;
		let best = 0;
		for (const spec of Object.values(state.on ?? {}))
			for (const t of Array.isArray(spec) ? spec : [typeof spec === 'string' ? { target: spec } : spec])
				best = Math.max(best, (t.actions ?? []).reduce((sum, a) => sum + (a.type === 'addPoints' ? Number(a.params?.points ?? 0) : 0), 0));
		return best;
	}

	isDecision(nodeId: string): boolean {
		return DECISION_KINDS.includes(this.meta(nodeId).kind);
	}

	/**
	 * Checks a stored record against this module. A record of another major version, or one that
	 * names nodes this chart no longer has, is incompatible: the learner is told and may restart.
	 */
	restore(value: unknown): RestoreResult {
		const problem = checkShape(value);
		if (problem) return { ok: false, reason: 'corrupt', detail: problem };
		const state = value as SavedState;
		if (state.moduleId !== this.module.id) return { ok: false, reason: 'other-module', detail: `saved for module "${state.moduleId}"` };
		if (majorOf(state.moduleVersion) !== majorOf(this.module.version))
			return { ok: false, reason: 'incompatible', detail: `saved with version ${state.moduleVersion}, this is ${this.module.version}` };
		const states = this.module.machine.states;
		// Saved with this very version, a node or answer the module lacks cannot come from an update:
		// the record is damaged, and the learner is told so rather than that the module changed.
		const changed = state.moduleVersion === this.module.version ? 'corrupt' : 'incompatible';
		const missing = [...state.path, ...state.decisions.map((d) => d.node)].find((id) => !Object.hasOwn(states, id));
		if (missing) return { ok: false, reason: changed, detail: `node "${missing}" no longer exists` };
		for (const d of state.decisions) {
			const ids = this.meta(d.node).options ?? this.meta(d.node).answers ?? [];
			if (!d.answers.every((a) => ids.includes(a))) return { ok: false, reason: changed, detail: `an answer at "${d.node}" no longer exists` };
		}
		return { ok: true, state: { ...state, moduleVersion: this.module.version } };
	}

	encode(state: SavedState): string {
		return encodeCompact(state, this.nodes);
	}

	decode(text: string, now: number): RestoreResult {
		const result = decodeCompact(text, this.module, this.nodes, now);
		if ('error' in result) return { ok: false, reason: 'corrupt', detail: result.error };
		return this.restore(result.state);
	}
}
