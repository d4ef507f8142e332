/**
 * The saved-state format: a small domain record, not XState's persisted snapshot, so it restores
 * without replaying the scenario and fits an LMS's `suspend_data`.
 *
 * Changelog of SAVED_STATE_FORMAT (raise it on any change that old readers cannot understand, and
 * keep MIN_COMPATIBLE_FORMAT at the oldest format this code still reads):
 * - 1: first version. Later additions that old readers may ignore: `shuffleSeed` (the attempt's
 *   order of options; a record without it shows options in the module's order), `responses` (the
 *   answers at instrument nodes; a record without it has none).
 */
import { isShuffleSeed } from './shuffle';
export const SAVED_STATE_FORMAT = 1;
export const MIN_COMPATIBLE_FORMAT = 1;

export interface Decision {
	node: string;
	/** Option id (choice) or answer ids (quiz). */
	answers: string[];
	/** Points this decision added to the score. */
	points: number;
	/** When it was made (ms since epoch). */
	at: number;
	/** How long the learner looked at the node before deciding (ms). */
	latencyMs: number;
}

/**
 * What an accreditation file asks of an evaluation, each on a scale of 1 to 5: were the learning
 * goals met, how relevant is the module to the learner's own practice, how heavy the study load felt
 * (3 = as stated), and how clear it was.
 */
export const EVALUATION_ASPECTS = ['goals', 'relevance', 'load', 'clarity'] as const;
export type EvaluationAspect = (typeof EVALUATION_ASPECTS)[number];

export interface Evaluation {
	/** A mark from 1 to 10, as Dutch learners give them. */
	rating: number | null;
	useful: string;
	better: string;
	/** 1–5 per aspect the learner answered (absent in evaluations saved before they were asked). */
	aspects?: Partial<Record<EvaluationAspect, number>>;
}

/** One action in an action plan: picked from the node's items (`item`) or the learner's own (`item` null, `text`). */
export interface PlannedAction {
	item: string | null;
	text: string;
	who: string;
	when: string;
}

/**
 * The answer at an instrument node (module-schema.ts INSTRUMENT_KINDS); which field is set follows
 * the node's kind: scale → `scale` (null: skipped), checklist → `selected` and `other`, fields →
 * `fields`, actionplan → `plan`.
 */
export interface InstrumentAnswer {
	scale?: number | null;
	selected?: string[];
	other?: string;
	fields?: Record<string, string>;
	plan?: PlannedAction[];
}

export interface SavedState {
	format: number;
	moduleId: string;
	moduleVersion: string;
	/** The node the learner is at. */
	node: string;
	/** Every node visited, oldest first, ending with `node`. */
	path: string[];
	/** One entry per decision node, the latest answer there, in the order they were made. */
	decisions: Decision[];
	score: number;
	/** node id → the learner's free text. Kept on the device only; never in the compact form. */
	reflections: Record<string, string>;
	evaluation?: Evaluation;
	/** node id → the answer at an instrument node. Kept on the device only, like reflections. */
	responses?: Record<string, InstrumentAnswer>;
	/** The learner has just decided and has not yet read the feedback on `decisions.at(-1)`. */
	feedbackPending: boolean;
	/** Active time spent in the module (ms). */
	timeMs: number;
	startedAt: number;
	/**
	 * A random id of the attempt (crypto.randomUUID), for its result files: two learners who start
	 * in the same millisecond must not share one. Missing in attempts saved before it existed and in
	 * one restored from an LMS's compact copy; their id is then made from startedAt, as before.
	 */
	attemptUid?: string;
	updatedAt: number;
	/** When the learner reached the node (ms), for decision latency. */
	nodeEnteredAt: number;
	completedAt?: number;
	/**
	 * The seed of this attempt's order of options and quiz answers (see shuffle.ts), so the order
	 * stays the same after a reload or resume. Absent: the module's own order.
	 */
	shuffleSeed?: number;
}

export type RestoreFailure =
	| { ok: false; reason: 'corrupt'; detail: string }
	| { ok: false; reason: 'other-module'; detail: string }
	| { ok: false; reason: 'incompatible'; detail: string };
export type RestoreResult = { ok: true; state: SavedState } | RestoreFailure;

const isString = (v: unknown): v is string => typeof v === 'string';
// Number.isFinite is false for anything that is not a number (it does not convert, as isFinite does).
const isNumber = (v: unknown): v is number => Number.isFinite(v);

/** Checks that an unknown value has the shape of a SavedState (not that it fits a module). */
export function checkShape(value: unknown): string | null {
	if (typeof value !== 'object' || value === null) return 'not an object';
	const s = value as Record<string, unknown>;
	if (!isNumber(s.format)) return 'no format number';
	if (s.format > SAVED_STATE_FORMAT || s.format < MIN_COMPATIBLE_FORMAT) return `format ${s.format} is not readable by this player`;
	if (!isString(s.moduleId) || !isString(s.moduleVersion) || !isString(s.node)) return 'module or node missing';
	if (!Array.isArray(s.path) || !s.path.every(isString) || s.path.at(-1) !== s.node) return 'path is broken';
	if (!Array.isArray(s.decisions)) return 'decisions missing';
	for (const d of s.decisions as unknown[]) {
		const decision = d as Record<string, unknown>;
		if (typeof d !== 'object' || d === null || !isString(decision.node) || !Array.isArray(decision.answers) || !decision.answers.every(isString) || !isNumber(decision.points))
			return 'a decision is broken';
	}
	if (!isNumber(s.score) || !isNumber(s.timeMs) || s.timeMs < 0 || !isNumber(s.startedAt) || !isNumber(s.updatedAt)) return 'numbers are broken';
	if (typeof s.reflections !== 'object' || s.reflections === null || !Object.values(s.reflections).every(isString)) return 'reflections are broken';
	if (typeof s.feedbackPending !== 'boolean') return 'feedback flag is broken';
	if (s.attemptUid !== undefined && (!isString(s.attemptUid) || !/^[0-9a-f-]{8,64}$/i.test(s.attemptUid))) return 'attempt id is broken';
	if (s.shuffleSeed !== undefined && !isShuffleSeed(s.shuffleSeed)) return 'shuffle seed is broken';
	return checkBounds(s);
}

/** The latest moment a JavaScript Date can hold (ms since epoch); a later one throws when printed. */
const LATEST_DATE_MS = 8.64e15;
/** Generous limits that no real attempt reaches; a record beyond them is damaged, not big. */
export const SAVED_STATE_LIMITS = {
	/** Steps in one attempt (a module has at most a few hundred nodes; going back adds some). */
	pathLength: 10_000,
	/** Counted active time: a year. */
	timeMs: 366 * 24 * 3600 * 1000,
	/** Characters in one reflection or evaluation answer (the fields allow 4,000). */
	textLength: 20_000,
	reflections: 1_000,
	answersPerDecision: 100
} as const;

const isTime = (v: unknown): v is number => isNumber(v) && v >= 0 && v <= LATEST_DATE_MS;
const isShortText = (v: unknown) => isString(v) && v.length <= SAVED_STATE_LIMITS.textLength;

/**
 * The values checkShape's types allow but no real attempt has: dates a Date cannot hold, sizes and
 * times far beyond any learner. Read back, they would break the pages that show them (a result page
 * that cannot print its date), so such a state is as damaged as one with a missing field.
 */
function checkBounds(s: Record<string, unknown>): string | null {
	const limits = SAVED_STATE_LIMITS;
	if (!isTime(s.startedAt) || !isTime(s.updatedAt) || (s.nodeEnteredAt !== undefined && !isTime(s.nodeEnteredAt))) return 'a date is out of range';
	if (s.completedAt !== undefined && !isTime(s.completedAt)) return 'the completion date is broken';
	if ((s.timeMs as number) > limits.timeMs) return 'the time spent is out of range';
	const path = s.path as unknown[];
	const decisions = s.decisions as Record<string, unknown>[];
	if (path.length > limits.pathLength || decisions.length > limits.pathLength) return 'the path is too long';
	for (const d of decisions) {
		if ((d.answers as unknown[]).length > limits.answersPerDecision) return 'a decision is broken';
		if ((d.at !== undefined && !isTime(d.at)) || (d.latencyMs !== undefined && !(isNumber(d.latencyMs) && d.latencyMs >= 0))) return 'a decision is broken';
	}
	const reflections = Object.values(s.reflections as Record<string, string>);
	if (reflections.length > limits.reflections || !reflections.every(isShortText)) return 'reflections are broken';
	if (s.evaluation !== undefined) {
		const e = s.evaluation as Record<string, unknown>;
		// No check of its type: a text or number has no rating, so it fails the rating's check.
		if (e === null || !(e.rating === null || isNumber(e.rating)) || !isShortText(e.useful) || !isShortText(e.better)) return 'the evaluation is broken';
		if (e.aspects !== undefined) {
			const aspects = e.aspects as Record<string, unknown>;
			if (typeof aspects !== 'object' || aspects === null || Object.entries(aspects).some(([k, v]) => !(EVALUATION_ASPECTS as readonly string[]).includes(k) || !Number.isInteger(v) || (v as number) < 1 || (v as number) > 5))
				return 'the evaluation is broken';
		}
	}
	if (s.responses !== undefined && !responsesAreWhole(s.responses)) return 'the instrument answers are broken';
	return null;
}

/** Whether stored instrument answers have the shape of InstrumentAnswer, within the limits. */
function responsesAreWhole(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const answers = Object.values(value);
	if (answers.length > SAVED_STATE_LIMITS.reflections) return false;
	const isIdList = (v: unknown) => Array.isArray(v) && v.length <= SAVED_STATE_LIMITS.answersPerDecision && v.every(isString);
	return answers.every((a) => {
		if (typeof a !== 'object' || a === null) return false;
		const r = a as Record<string, unknown>;
		if (r.scale !== undefined && r.scale !== null && !isNumber(r.scale)) return false;
		if (r.selected !== undefined && !isIdList(r.selected)) return false;
		if (r.other !== undefined && !isShortText(r.other)) return false;
		if (r.fields !== undefined && (typeof r.fields !== 'object' || r.fields === null || !Object.values(r.fields).every(isShortText))) return false;
		if (r.plan !== undefined) {
			if (!Array.isArray(r.plan) || r.plan.length > SAVED_STATE_LIMITS.answersPerDecision) return false;
			for (const p of r.plan as Record<string, unknown>[])
				if (typeof p !== 'object' || p === null || !(p.item === null || isString(p.item)) || !isShortText(p.text) || !isShortText(p.who) || !isShortText(p.when)) return false;
		}
		return true;
	});
}

export function majorOf(version: string): string {
	return version.split('.')[0];
}

/**
 * A new random attempt id: crypto.randomUUID where the page may use it (https, localhost), else a
 * version 4 UUID from crypto.getRandomValues, which plain-http pages have too.
 */
export function newAttemptUid(): string {
	// Web Crypto, in browsers and node alike (the engine's own types have no DOM).
	const c = (globalThis as unknown as { crypto: { randomUUID?: () => string; getRandomValues: (bytes: Uint8Array) => Uint8Array } }).crypto;
	if (typeof c.randomUUID === 'function') return c.randomUUID();
	const bytes = c.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
