/**
 * The result record: what a learner downloads as JSON to hand to a registration body, a manager
 * or a trainer. Plain TypeScript (no DOM, no Svelte), so the player, the trainer view, tests and
 * tools share one definition. README.md ("Result files, for accreditation administrators")
 * describes every field; keep the two in step.
 *
 * Changelog of RESULT_SCHEMA_VERSION (raise it on any change an older reader would misread;
 * adding an optional field is not such a change):
 * - 1: first version.
 */
import type { Accreditation, EvaluationAspect, NodeKind, SavedState, Scenario } from '../engine';
import { EVALUATION_ASPECTS } from '../engine/saved-state';
import { checkAccreditation } from '../engine/accreditation';
// The SCORM tracker's own formats and decision policy, so the file and the LMS say the same.
import { decisionReport, outcomeOf } from '../tracking/report';
import { duration2004, timestamp2004 } from '../tracking/scorm-time';
import { plainText } from './plain-text';
import { parseIsoDuration } from './scorm-format';

export const RESULT_SCHEMA = 'koers-result';
export const RESULT_SCHEMA_VERSION = 1;

/** A module's texts in one language; the player's ModuleTexts fits. */
export interface RecordTexts {
	lang: string;
	text(key: string): string;
	has?(key: string): boolean;
}

export interface Publisher {
	name: string;
	url?: string;
	contact?: string;
}

export type InteractionResult = 'correct' | 'incorrect' | 'neutral';

/** One decision as SCORM's `cmi.interactions.n` (SCORM 2004 vocabulary and formats). */
export interface ScormInteraction {
	id: string;
	type: 'choice';
	description: string;
	/** Chosen ids; several (a multiple-answer quiz) are joined with `[,]`, as SCORM 2004 writes them. */
	learner_response: string;
	/** The best responses, written the same way: a quiz's correct answers, a dilemma's options worth the most points (none when no option scores). */
	correct_responses: string[];
	result: InteractionResult;
	/** The most points this decision could earn. */
	weighting: number;
	timestamp: string;
	latency: string;
}

export interface ScormRecord {
	completion_status: 'completed' | 'incomplete';
	success_status: 'passed' | 'failed' | 'unknown';
	/**
	 * As the LMS trackers report it: a percentage (raw 0–100, scaled 0–1), which is what a SCORM
	 * mastery score is compared with. Null for an unfinished attempt: no score is reported yet.
	 */
	score: { raw: number; min: 0; max: 100; scaled: number } | null;
	scaled_passing_score: number;
	session_time: string;
	interactions: ScormInteraction[];
}

export interface RecordDecision {
	node: string;
	kind: 'choice' | 'quiz';
	title: string;
	/** Every option (or answer) offered, in the order the module shows them. */
	options: string[];
	answers: { id: string; label: string }[];
	points: number;
	maxPoints: number;
	/** Quiz: whether the answer was fully correct. Choice (a dilemma): null. */
	correct: boolean | null;
	at: string;
	latencySeconds: number;
}

export interface ResultRecord {
	schema: typeof RESULT_SCHEMA;
	schemaVersion: number;
	/** When this file was made. */
	createdAt: string;
	module: {
		id: string;
		version: string;
		title: string;
		/** The language of every title, label and question in this file. */
		language: string;
		studyMinutes: number;
		masteryScore: number;
		/** Who issues the certificate: the deployment's or package's publisher setting, else the module's own. */
		publisher: Publisher | null;
		/** The module's accreditation as module.json states it (absent in files made before it existed). */
		accreditation?: Accreditation | null;
		/** Active minutes needed for a certificate, when the module sets a minimum. */
		certificateMinimumMinutes?: number;
	};
	learner?: { name: string };
	attempt: {
		id: string;
		startedAt: string;
		completedAt: string | null;
		completed: boolean;
		timeSpentSeconds: number;
		ending: { node: string; title: string } | null;
	};
	score: { raw: number; min: number; max: number; scaled: number; percent: number; passed: boolean };
	path: { node: string; kind: NodeKind; title: string }[];
	decisions: RecordDecision[];
	reflections: { node: string; question: string; answer: string }[];
	/** `aspects`: 1–5 per aspect answered (goals, relevance, load, clarity); absent in older files. */
	evaluation: { rating: number | null; useful: string; better: string; aspects?: Partial<Record<EvaluationAspect, number>> } | null;
	scorm: ScormRecord;
}

export interface BuildOptions {
	/** The name the learner typed; left out of the record when empty. */
	learnerName?: string;
	/** When the file is made (ms); defaults to now. */
	now?: number;
	/** The deployment's publisher setting (deployment.json), which names the issuer over the module's own. */
	publisher?: Publisher | null;
}

/**
 * Identifies an attempt across downloads: the same attempt always gets the same id. It is the
 * module and the attempt's random id; an attempt without one (saved by an older player, or
 * restored from an LMS's compact copy) keeps the old id, the module and its start time in ms.
 */
export function attemptId(moduleId: string, startedAt: number, attemptUid?: string): string {
	if (attemptUid) return `${moduleId}-${attemptUid}`;
	return `${moduleId}-${Math.max(0, Math.floor(startedAt)).toString(36)}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Builds the record of one attempt. Titles and labels come from `texts` (the learner's language);
 * without texts, node and option ids stand in for them.
 */
export function buildResultRecord(scenario: Scenario, state: SavedState, texts?: RecordTexts, options: BuildOptions = {}): ResultRecord {
	const module = scenario.module;
	const has = (key: string) => (texts ? (texts.has ? texts.has(key) : true) : false);
	const text = (key: string, fallback: string) => (texts && has(key) ? plainText(texts.text(key)) || fallback : fallback);
	const titleOf = (node: string) => text(`nodes.${node}.title`, node);
	const completed = state.completedAt !== undefined;
	const summary = scenario.scoreOf(state);
	const passed = completed && summary.passed;
	const outcome = outcomeOf(scenario, state, 'failed');
	const scaled = summary.maxScore > 0 ? Math.max(-1, Math.min(1, round2(state.score / summary.maxScore))) : completed ? 1 : 0;

	const decisions: RecordDecision[] = state.decisions.map((d) => {
		const meta = scenario.meta(d.node);
		const kind = meta.kind === 'quiz' ? 'quiz' : 'choice';
		const labelKey = (id: string) => (kind === 'choice' ? `nodes.${d.node}.options.${id}.label` : `nodes.${d.node}.answers.${id}.label`);
		return {
			node: d.node,
			kind,
			title: titleOf(d.node),
			options: [...(kind === 'choice' ? (meta.options ?? []) : (meta.answers ?? []))],
			answers: d.answers.map((id) => ({ id, label: text(labelKey(id), id) })),
			points: d.points,
			maxPoints: scenario.bestPoints(d.node),
			correct: kind === 'quiz' ? scenario.isCorrect(meta, d.answers) : null,
			at: iso(d.at),
			latencySeconds: round2(d.latencyMs / 1000)
		};
	});

	const seen = new Set<string>();
	const reflections = state.path
		.filter((node) => scenario.meta(node).kind === 'reflection' && !seen.has(node) && seen.add(node))
		.map((node) => ({ node, question: text(`nodes.${node}.body`, titleOf(node)), answer: state.reflections[node] ?? '' }));

	const name = options.learnerName?.trim();
	const record: ResultRecord = {
		schema: RESULT_SCHEMA,
		schemaVersion: RESULT_SCHEMA_VERSION,
		createdAt: iso(options.now ?? Date.now()),
		module: {
			id: module.id,
			version: module.version,
			title: text(module.title, module.id),
			language: texts?.lang ?? module.defaultLanguage ?? module.languages[0],
			studyMinutes: module.studyMinutes,
			masteryScore: module.masteryScore,
			publisher: options.publisher ? { ...options.publisher } : module.publisher ? { ...module.publisher } : null,
			accreditation: module.accreditation ? { ...module.accreditation, registrations: module.accreditation.registrations.map((r) => ({ ...r })) } : null,
			...(module.certificateMinimumMinutes ? { certificateMinimumMinutes: module.certificateMinimumMinutes } : {})
		},
		...(name ? { learner: { name } } : {}),
		attempt: {
			id: attemptId(module.id, state.startedAt, state.attemptUid),
			startedAt: iso(state.startedAt),
			completedAt: completed ? iso(state.completedAt!) : null,
			completed,
			timeSpentSeconds: Math.round(state.timeMs / 1000),
			ending: completed ? { node: state.node, title: titleOf(state.node) } : null
		},
		score: { raw: state.score, min: 0, max: summary.maxScore, scaled, percent: summary.percent, passed },
		path: state.path.map((node) => ({ node, kind: scenario.meta(node).kind, title: titleOf(node) })),
		decisions,
		reflections,
		evaluation: state.evaluation ? { ...state.evaluation, ...(state.evaluation.aspects ? { aspects: { ...state.evaluation.aspects } } : {}) } : null,
		scorm: {
			// A file states what happened, so a finished attempt below the mastery score is
			// completed and failed (the "failed" policy), never held back as incomplete.
			completion_status: outcome.status.completion === 'completed' ? 'completed' : 'incomplete',
			success_status: outcome.status.success,
			score: outcome.percent === null ? null : { raw: outcome.percent, min: 0, max: 100, scaled: Math.round(outcome.percent * 100) / 10000 },
			scaled_passing_score: round2(module.masteryScore / 100),
			session_time: duration2004(state.timeMs),
			interactions: state.decisions.map((d, i) => {
				const report = decisionReport(scenario, d);
				return {
					id: report.id,
					type: 'choice' as const,
					description: decisions[i].title.slice(0, 250),
					learner_response: report.response.join('[,]'),
					correct_responses: report.correct.map((pattern) => pattern.join('[,]')),
					result: report.result,
					weighting: report.weighting,
					timestamp: timestamp2004(report.at),
					latency: duration2004(report.latencyMs)
				};
			})
		}
	};
	return record;
}

// ---------------------------------------------------------------------------------------------
// Validation

export type ValidationResult =
	| { ok: true; record: ResultRecord }
	/**
	 * `not-result`: not a Koers result file at all; `newer`: made by a newer Koers (schema version
	 * above ours); `invalid`: a result file with wrong or missing fields. `errors` say which field
	 * and what is wrong, one per line, e.g. `score.percent: is 90, but 4 of 5 points is 80`.
	 */
	| { ok: false; kind: 'not-result' | 'newer' | 'invalid'; errors: string[] };

const NODE_KIND_NAMES: readonly string[] = ['content', 'persona', 'choice', 'quiz', 'reflection', 'evaluation', 'end'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const SCORM_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,2})?(?:Z|[+-]\d{2}(?::\d{2})?)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === undefined ? 'missing' : `${JSON.stringify(v)?.slice(0, 60)}`);

/** Collects every problem in a record instead of stopping at the first, so all can be fixed at once. */
class Checker {
	errors: string[] = [];
	fail(path: string, message: string) {
		this.errors.push(`${path}: ${message}`);
	}
	object(v: unknown, path: string): v is Json {
		if (isObject(v)) return true;
		this.fail(path, `must be an object, found ${describe(v)}`);
		return false;
	}
	string(v: unknown, path: string, opts: { nonEmpty?: boolean; pattern?: RegExp; hint?: string } = {}): v is string {
		if (typeof v !== 'string') this.fail(path, `must be a text, found ${describe(v)}`);
		else if (opts.nonEmpty && !v.trim()) this.fail(path, 'must not be empty');
		else if (opts.pattern && !opts.pattern.test(v)) this.fail(path, `${describe(v)} is not ${opts.hint ?? 'in the expected format'}`);
		else return true;
		return false;
	}
	number(v: unknown, path: string, opts: { min?: number; max?: number; integer?: boolean } = {}): v is number {
		if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, `must be a number, found ${describe(v)}`);
		else if (opts.integer && !Number.isInteger(v)) this.fail(path, `must be a whole number, found ${v}`);
		else if (opts.min !== undefined && v < opts.min) this.fail(path, `must be at least ${opts.min}, found ${v}`);
		else if (opts.max !== undefined && v > opts.max) this.fail(path, `must be at most ${opts.max}, found ${v}`);
		else return true;
		return false;
	}
	boolean(v: unknown, path: string): v is boolean {
		if (typeof v === 'boolean') return true;
		this.fail(path, `must be true or false, found ${describe(v)}`);
		return false;
	}
	date(v: unknown, path: string): v is string {
		if (!this.string(v, path, { pattern: ISO_DATE, hint: 'an ISO 8601 date-time like "2026-11-05T14:03:07.000Z"' })) return false;
		if (Number.isNaN(Date.parse(v))) {
			this.fail(path, `${describe(v)} is not a real date`);
			return false;
		}
		return true;
	}
	oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): v is T {
		if (typeof v === 'string' && (values as readonly string[]).includes(v)) return true;
		this.fail(path, `must be one of ${values.map((x) => `"${x}"`).join(', ')}, found ${describe(v)}`);
		return false;
	}
	array(v: unknown, path: string): v is unknown[] {
		if (Array.isArray(v)) return true;
		this.fail(path, `must be a list, found ${describe(v)}`);
		return false;
	}
}

/**
 * Checks that a parsed JSON value is a result record this version of Koers understands, and that
 * its figures agree with each other (score, pass, status, one interaction per decision). Never
 * throws.
 */
export function validateResultRecord(json: unknown): ValidationResult {
	if (!isObject(json) || json.schema !== RESULT_SCHEMA)
		return {
			ok: false,
			kind: 'not-result',
			errors: [`schema: must be "${RESULT_SCHEMA}", found ${describe(isObject(json) ? json.schema : json)}; this is not a Koers result file`]
		};
	const c = new Checker();
	if (!c.number(json.schemaVersion, 'schemaVersion', { integer: true, min: 1 })) return { ok: false, kind: 'invalid', errors: c.errors };
	if (json.schemaVersion > RESULT_SCHEMA_VERSION)
		return {
			ok: false,
			kind: 'newer',
			errors: [`schemaVersion: the file has version ${json.schemaVersion}, this Koers reads up to ${RESULT_SCHEMA_VERSION}; open it with a newer Koers`]
		};
	c.date(json.createdAt, 'createdAt');

	const m = json.module;
	if (c.object(m, 'module')) {
		c.string(m.id, 'module.id', { pattern: /^[a-z0-9][a-z0-9_-]*$/, hint: 'a module id (a-z, 0-9, - and _)' });
		c.string(m.version, 'module.version', { pattern: /^\d+\.\d+\.\d+$/, hint: 'a version like "1.0.0"' });
		c.string(m.title, 'module.title', { nonEmpty: true });
		c.string(m.language, 'module.language', { pattern: /^[a-z]{2}(-[A-Z]{2})?$/, hint: 'a language code like "nl"' });
		c.number(m.studyMinutes, 'module.studyMinutes', { min: 0 });
		c.number(m.masteryScore, 'module.masteryScore', { min: 0, max: 100 });
		if (m.publisher !== null && c.object(m.publisher, 'module.publisher')) {
			c.string(m.publisher.name, 'module.publisher.name', { nonEmpty: true });
			for (const key of ['url', 'contact'] as const) if (m.publisher[key] !== undefined) c.string(m.publisher[key], `module.publisher.${key}`);
		}
		if (m.accreditation !== undefined && m.accreditation !== null) checkAccreditation(m.accreditation, (path, message) => c.errors.push(`module.${path}: ${message}`));
		if (m.certificateMinimumMinutes !== undefined) c.number(m.certificateMinimumMinutes, 'module.certificateMinimumMinutes', { min: 0 });
	}
	if (json.learner !== undefined && c.object(json.learner, 'learner')) c.string(json.learner.name, 'learner.name', { nonEmpty: true });

	const a = json.attempt;
	let completed: boolean | undefined;
	if (c.object(a, 'attempt')) {
		c.string(a.id, 'attempt.id', { nonEmpty: true });
		const started = c.date(a.startedAt, 'attempt.startedAt');
		if (c.boolean(a.completed, 'attempt.completed')) completed = a.completed;
		if (a.completed === true) {
			if (c.date(a.completedAt, 'attempt.completedAt') && started && Date.parse(a.completedAt as string) < Date.parse(a.startedAt as string))
				c.fail('attempt.completedAt', 'is before attempt.startedAt');
			if (c.object(a.ending, 'attempt.ending')) {
				c.string(a.ending.node, 'attempt.ending.node', { nonEmpty: true });
				c.string(a.ending.title, 'attempt.ending.title');
			}
		} else if (a.completed === false) {
			if (a.completedAt !== null) c.fail('attempt.completedAt', 'must be null when attempt.completed is false');
			if (a.ending !== null) c.fail('attempt.ending', 'must be null when attempt.completed is false');
		}
		c.number(a.timeSpentSeconds, 'attempt.timeSpentSeconds', { min: 0 });
	}

	const s = json.score;
	if (c.object(s, 'score')) {
		const ok =
			[c.number(s.raw, 'score.raw'), c.number(s.min, 'score.min'), c.number(s.max, 'score.max', { min: 0 }), c.number(s.scaled, 'score.scaled', { min: -1, max: 1 }), c.number(s.percent, 'score.percent', { min: 0, max: 100 })].every(Boolean) &&
			c.boolean(s.passed, 'score.passed');
		if (ok) {
			const raw = s.raw as number;
			const max = s.max as number;
			const percent = max > 0 ? Math.round((Math.max(0, raw) / max) * 100) : 100;
			if (percent !== s.percent) c.fail('score.percent', `is ${s.percent}, but ${raw} of ${max} points is ${percent}`);
			if (max > 0 && Math.abs((s.scaled as number) - Math.max(-1, Math.min(1, raw / max))) > 0.011)
				c.fail('score.scaled', `is ${s.scaled}, but ${raw} of ${max} points is ${round2(raw / max)}`);
			if (isObject(m) && typeof m.masteryScore === 'number' && completed !== undefined) {
				const shouldPass = completed && percent >= m.masteryScore;
				if (s.passed !== shouldPass)
					c.fail('score.passed', `is ${s.passed}, but ${completed ? `${percent}% against a pass mark of ${m.masteryScore}%` : 'an unfinished attempt'} means ${shouldPass}`);
			}
		}
	}

	if (c.array(json.path, 'path'))
		json.path.forEach((p, i) => {
			if (c.object(p, `path[${i}]`)) {
				c.string(p.node, `path[${i}].node`, { nonEmpty: true });
				c.oneOf(p.kind, `path[${i}].kind`, NODE_KIND_NAMES);
				c.string(p.title, `path[${i}].title`);
			}
		});

	const decisionNodes: string[] = [];
	if (c.array(json.decisions, 'decisions'))
		json.decisions.forEach((d, i) => {
			const at = `decisions[${i}]`;
			if (!c.object(d, at)) return;
			if (c.string(d.node, `${at}.node`, { nonEmpty: true })) decisionNodes.push(d.node);
			c.oneOf(d.kind, `${at}.kind`, ['choice', 'quiz'] as const);
			c.string(d.title, `${at}.title`);
			const options = c.array(d.options, `${at}.options`) && d.options.every((o, j) => c.string(o, `${at}.options[${j}]`, { nonEmpty: true })) ? (d.options as string[]) : null;
			if (c.array(d.answers, `${at}.answers`)) {
				if (d.answers.length === 0) c.fail(`${at}.answers`, 'must name at least one answer');
				d.answers.forEach((x, j) => {
					if (c.object(x, `${at}.answers[${j}]`)) {
						if (c.string(x.id, `${at}.answers[${j}].id`, { nonEmpty: true }) && options && !options.includes(x.id))
							c.fail(`${at}.answers[${j}].id`, `"${x.id}" is not one of ${at}.options`);
						c.string(x.label, `${at}.answers[${j}].label`);
					}
				});
			}
			c.number(d.points, `${at}.points`);
			c.number(d.maxPoints, `${at}.maxPoints`, { min: 0 });
			if (d.correct !== null) c.boolean(d.correct, `${at}.correct`);
			c.date(d.at, `${at}.at`);
			c.number(d.latencySeconds, `${at}.latencySeconds`, { min: 0 });
		});

	if (c.array(json.reflections, 'reflections'))
		json.reflections.forEach((r, i) => {
			if (c.object(r, `reflections[${i}]`)) {
				c.string(r.node, `reflections[${i}].node`, { nonEmpty: true });
				c.string(r.question, `reflections[${i}].question`);
				c.string(r.answer, `reflections[${i}].answer`);
			}
		});

	const e = json.evaluation;
	if (e !== null && c.object(e, 'evaluation')) {
		if (e.rating !== null) c.number(e.rating, 'evaluation.rating', { integer: true, min: 1, max: 10 });
		c.string(e.useful, 'evaluation.useful');
		c.string(e.better, 'evaluation.better');
		if (e.aspects !== undefined && c.object(e.aspects, 'evaluation.aspects'))
			for (const [aspect, value] of Object.entries(e.aspects))
				if (!(EVALUATION_ASPECTS as readonly string[]).includes(aspect)) c.errors.push(`evaluation.aspects.${aspect}: not an aspect Koers asks about (${EVALUATION_ASPECTS.join(', ')})`);
				else c.number(value, `evaluation.aspects.${aspect}`, { integer: true, min: 1, max: 5 });
	}

	const sc = json.scorm;
	if (c.object(sc, 'scorm')) {
		if (c.oneOf(sc.completion_status, 'scorm.completion_status', ['completed', 'incomplete'] as const) && completed !== undefined && (sc.completion_status === 'completed') !== completed)
			c.fail('scorm.completion_status', `is "${sc.completion_status}", but attempt.completed is ${completed}`);
		if (c.oneOf(sc.success_status, 'scorm.success_status', ['passed', 'failed', 'unknown'] as const) && isObject(s) && typeof s.passed === 'boolean' && completed !== undefined) {
			const expected = completed ? (s.passed ? 'passed' : 'failed') : 'unknown';
			if (sc.success_status !== expected) c.fail('scorm.success_status', `is "${sc.success_status}", but the score and attempt say "${expected}"`);
		}
		if (completed === false && sc.score !== null) c.fail('scorm.score', 'must be null for an unfinished attempt');
		else if (completed === true && c.object(sc.score, 'scorm.score')) {
			const percent = isObject(s) && typeof s.percent === 'number' ? s.percent : undefined;
			if (c.number(sc.score.raw, 'scorm.score.raw', { min: 0, max: 100 }) && percent !== undefined && sc.score.raw !== percent)
				c.fail('scorm.score.raw', `is ${sc.score.raw}, but score.percent is ${percent}`);
			if (sc.score.min !== 0) c.fail('scorm.score.min', `must be 0, found ${describe(sc.score.min)}`);
			if (sc.score.max !== 100) c.fail('scorm.score.max', `must be 100 (the score is a percentage), found ${describe(sc.score.max)}`);
			if (c.number(sc.score.scaled, 'scorm.score.scaled', { min: 0, max: 1 }) && typeof sc.score.raw === 'number' && Math.abs(sc.score.scaled - sc.score.raw / 100) > 0.0001)
				c.fail('scorm.score.scaled', `is ${sc.score.scaled}, but raw ${sc.score.raw} of 100 is ${sc.score.raw / 100}`);
		}
		c.number(sc.scaled_passing_score, 'scorm.scaled_passing_score', { min: 0, max: 1 });
		if (c.string(sc.session_time, 'scorm.session_time', { pattern: /^PT/, hint: 'an ISO 8601 duration like "PT12M30S"' }) && parseIsoDuration(sc.session_time) === null)
			c.fail('scorm.session_time', `${describe(sc.session_time)} is not an ISO 8601 duration like "PT12M30S"`);
		if (c.array(sc.interactions, 'scorm.interactions')) {
			if (Array.isArray(json.decisions) && sc.interactions.length !== json.decisions.length)
				c.fail('scorm.interactions', `has ${sc.interactions.length} entries, but there are ${json.decisions.length} decisions (one each)`);
			sc.interactions.forEach((x, i) => {
				const at = `scorm.interactions[${i}]`;
				if (!c.object(x, at)) return;
				if (c.string(x.id, `${at}.id`, { nonEmpty: true }) && decisionNodes[i] !== undefined && x.id !== decisionNodes[i])
					c.fail(`${at}.id`, `is "${x.id}", but decisions[${i}] is "${decisionNodes[i]}"`);
				c.oneOf(x.type, `${at}.type`, ['choice'] as const);
				c.string(x.description, `${at}.description`);
				c.string(x.learner_response, `${at}.learner_response`, { nonEmpty: true });
				if (c.array(x.correct_responses, `${at}.correct_responses`)) x.correct_responses.forEach((r, j) => c.string(r, `${at}.correct_responses[${j}]`, { nonEmpty: true }));
				c.oneOf(x.result, `${at}.result`, ['correct', 'incorrect', 'neutral'] as const);
				c.number(x.weighting, `${at}.weighting`, { min: 0 });
				c.string(x.timestamp, `${at}.timestamp`, { pattern: SCORM_TIME, hint: 'a SCORM time like "2026-11-05T14:03:07.12Z"' });
				if (c.string(x.latency, `${at}.latency`) && parseIsoDuration(x.latency) === null)
					c.fail(`${at}.latency`, `${describe(x.latency)} is not an ISO 8601 duration like "PT8.5S"`);
			});
		}
	}

	if (c.errors.length) return { ok: false, kind: 'invalid', errors: c.errors };
	return { ok: true, record: json as unknown as ResultRecord };
}

/** Parses the text of a result file and validates it; a file that is not JSON says so. */
export function readResultFile(text: string): ValidationResult | { ok: false; kind: 'not-json'; errors: string[] } {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return { ok: false, kind: 'not-json', errors: [`the file is not valid JSON (${(e as Error).message})`] };
	}
	return validateResultRecord(json);
}
