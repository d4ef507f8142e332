/**
 * The SCO side of SCORM, written once for both editions: lifecycle, what is reported when, commit
 * retries and budgets. An edition's Dialect (scorm12.ts, scorm2004.ts) only names the data-model
 * elements and spells the values.
 *
 * Lifecycle (after eXe's ADR-0001 and Adapt spoor; README.md, "SCORM packages"):
 * - Initialize once, on start. If it fails, the learner is told and continues on local progress.
 * - Every step writes the bookmark, suspend_data, status and new interactions, then commits, so
 *   nothing depends on the page's last moments. Hiding the page writes the session time and commits.
 * - Terminate exactly once, when the page goes away for good (pagehide, not persisted), without a
 *   Commit right before it (Terminate commits; some LMSs fail a Commit during unload, spoor PR#180).
 *   No unload/beforeunload handlers anywhere: browsers and Moodle's frame policy block them.
 * - A failed commit is retried (RETRY_DELAYS, then every KEEP_TRYING_MS); when the retries fail
 *   too, the learner sees a warning until a commit succeeds. Local progress is saved regardless.
 */
import type { SavedState, Scenario } from '$lib/engine';
import type { Edition } from './api-discovery';
import { bestStatus, decisionReport, evaluationItems, outcomeOf, type DecisionReport, type EvaluationItem, type FailurePolicy, type LmsStatus, type Outcome } from './report';
import type { ScormCalls } from './scorm-api';
import type { Tracker, TrackerStart } from './tracker';

/** What the LMS has for this learner when the SCO starts. */
export interface LmsLaunch {
	/** `ab-initio`, `resume` or '' (cmi.core.entry / cmi.entry). */
	entry: string;
	suspendData: string;
	learnerId: string;
	/** The LMS opened the attempt for review only: it records nothing. */
	reviewOnly: boolean;
	status: LmsStatus;
	/** The score (0–100) the LMS already has, or null. */
	percent: number | null;
	/** How many interactions the attempt already holds (new ones are appended). */
	interactionCount: number;
}

/** Data-model writes, in the order they must be made. */
export type Writes = [element: string, value: string][];

export interface Dialect {
	readonly edition: Edition;
	readonly calls: ScormCalls;
	/** Longest suspend_data the edition allows: 4,096 characters in 1.2, 64,000 in 2004 3rd/4th. */
	readonly suspendDataLimit: number;
	readonly suspendDataElement: string;
	/** Longest bookmark: 255 characters in 1.2, 1,000 in 2004. */
	readonly locationLimit: number;
	readLaunch(): LmsLaunch;
	status(status: LmsStatus): Writes;
	score(percent: number): Writes;
	progress(values: { location: string | null; outcome: Outcome }): Writes;
	/** `completed`: the LMS records the attempt as completed (else the learner may come back: suspend). */
	exit(completed: boolean): Writes;
	sessionTime(ms: number): Writes;
	interaction(index: number, report: DecisionReport): Writes;
	/** One answer of the evaluation form as an interaction (likert, numeric or fill-in). */
	evaluationItem(index: number, item: EvaluationItem): Writes;
}

export interface ScormTrackerOptions {
	now?: () => number;
	/** Delays (ms) before each retry of a failed commit; when all have failed, the learner is warned. */
	retryDelays?: number[];
	/** After the retries, keep trying this often (ms) until a commit succeeds or the page goes. */
	keepTryingMs?: number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (id: unknown) => void;
	/** Where diagnostics go (an LMS administrator reads them in the browser console). */
	log?: (message: string) => void;
}

export const RETRY_DELAYS = [500, 1000, 2000];
export const KEEP_TRYING_MS = 10_000;

/** Learner-facing problems (i18n keys, UI strings in src/lib/i18n/locales). */
export const LMS_PROBLEMS = {
	initFailed: 'lms.initFailed',
	commitFailed: 'lms.commitFailed',
	tooLarge: 'lms.tooLarge',
	notFound: 'lms.notFound'
} as const;

type Phase = 'new' | 'active' | 'unavailable' | 'terminated';

/**
 * Whether the LMS opened a new attempt: 1.2 `cmi.core.entry` ab-initio, or '' with no suspend_data;
 * 2004 `cmi.entry` ab-initio (Moodle hands a 2004 SCO '' only after an empty exit, with no data).
 */
export function isNewAttempt(launch: Pick<LmsLaunch, 'entry' | 'suspendData'>): boolean {
	return launch.entry === 'ab-initio' || (launch.entry === '' && launch.suspendData === '');
}

export class ScormTracker implements Tracker {
	readonly kind: Edition;
	private phase: Phase = 'new';
	private started: TrackerStart | null = null;
	private launch: LmsLaunch | null = null;
	private policy: FailurePolicy = 'incomplete';
	/** Attempts (by start time) this session has seen; their decisions at first sight were reported before. */
	private readonly knownAttempts = new Set<number>();
	private status: LmsStatus = { completion: 'unknown', success: 'unknown' };
	private percent: number | null = null;
	private nextInteraction = 0;
	private readonly reported = new Set<string>();
	/** The language of the module texts the learner last saw (record), for open answers in 2004. */
	private textLanguage: string | undefined;
	private sessionMs = 0;
	private lastSeen: { attempt: number; timeMs: number } | null = null;
	private failures = 0;
	private retryTimer: unknown = undefined;
	private currentProblem: string | null = null;
	private readonly listeners: ((problem: string | null) => void)[] = [];
	private readonly now: () => number;
	private readonly retryDelays: number[];
	private readonly keepTryingMs: number;
	private readonly setTimer: (run: () => void, ms: number) => unknown;
	private readonly clearTimer: (id: unknown) => void;
	private readonly log: (message: string) => void;

	constructor(
		private readonly dialect: Dialect,
		options: ScormTrackerOptions = {}
	) {
		this.kind = dialect.edition;
		this.now = options.now ?? Date.now;
		this.retryDelays = options.retryDelays ?? RETRY_DELAYS;
		this.keepTryingMs = options.keepTryingMs ?? KEEP_TRYING_MS;
		this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
		this.clearTimer = options.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
		this.log = options.log ?? ((message) => console.warn(`[Koers SCORM] ${message}`));
	}

	get problem() {
		return this.currentProblem;
	}

	listen(onProblem: (problem: string | null) => void) {
		this.listeners.push(onProblem);
	}

	private setProblem(problem: string | null) {
		if (problem === this.currentProblem) return;
		this.currentProblem = problem;
		for (const listener of this.listeners) listener(problem);
	}

	async start(scenario: Scenario): Promise<TrackerStart> {
		// Once per page. When the module is opened again in the same page, the LMS's launch state is
		// older than what the learner did since (and what local storage has), so it is not offered again.
		if (this.started) return this.started.learnerId ? { learnerId: this.started.learnerId } : {};
		this.started = this.connect(scenario);
		return this.started;
	}

	private connect(scenario: Scenario): TrackerStart {
		this.policy = scenario.module.reportFailureAs ?? 'incomplete';
		const calls = this.dialect.calls;
		let initialised = false;
		try {
			initialised = calls.initialize();
		} catch (e) {
			this.log(`Initialize threw: ${(e as Error).message}`);
		}
		if (!initialised) {
			this.log(`Initialize failed (${calls.lastError() || 'no error code'}); progress is kept on this device only.`);
			this.phase = 'unavailable';
			this.setProblem(LMS_PROBLEMS.initFailed);
			return {};
		}
		this.phase = 'active';
		const launch = this.dialect.readLaunch();
		this.launch = launch;
		this.status = launch.status;
		this.percent = launch.percent;
		this.nextInteraction = launch.interactionCount;
		if (!launch.reviewOnly) {
			// Started, not finished, from the first moment: a learner who opens the module and leaves
			// before beginning must not be "completed" (Moodle's 1.2 LMSFinish turns a status still
			// "not attempted" into "completed"). Sent with the next commit or the Terminate.
			this.status = bestStatus(this.status, { completion: 'incomplete', success: 'unknown' });
			for (const write of [...this.dialect.status(this.status), ...this.dialect.exit(false)]) this.set(write);
		}
		const result: TrackerStart = launch.learnerId ? { learnerId: launch.learnerId } : {};
		// A new LMS attempt (Moodle's first launch, or "Start a new attempt"): ab-initio, or '' with
		// nothing saved. It starts at the beginning, whatever this device kept of an earlier attempt.
		// Moodle's 1.2 entry is also '' (not 'resume') when the last exit was not suspend but the
		// attempt goes on; its suspend_data then still holds where the learner was.
		if (isNewAttempt(launch)) result.freshAttempt = true;
		else if (launch.suspendData) {
			const decoded = scenario.decode(launch.suspendData, this.now());
			if (decoded.ok) result.resumeState = decoded.state;
			else {
				this.log(`The LMS's suspend_data cannot be read (${decoded.detail}); the learner may start again.`);
				// Our own format, written against another chart: the package was replaced by a new major
				// version of the module, not damaged (the learner is told which).
				const otherChart = /^K\d+~/.test(launch.suspendData) && launch.suspendData.split('~')[1] !== scenario.nodes.hash;
				result.unreadable = { reason: otherChart ? 'incompatible' : decoded.reason, detail: decoded.detail };
			}
		}
		return result;
	}

	async record(scenario: Scenario, state: SavedState, textLanguage?: string): Promise<void> {
		if (textLanguage && scenario.module.languages.includes(textLanguage)) this.textLanguage = textLanguage;
		if (!this.writable()) return;
		this.observeTime(state);
		this.write(scenario, state);
		this.commit();
	}

	async flush(scenario: Scenario, state: SavedState): Promise<void> {
		// Same as a step: the session time is always part of what is written.
		return this.record(scenario, state);
	}

	async finish(scenario: Scenario, state: SavedState | null): Promise<void> {
		if (this.phase !== 'active') return;
		if (state && !this.launch?.reviewOnly) {
			this.observeTime(state);
			this.write(scenario, state);
		}
		this.phase = 'terminated';
		this.stopRetrying();
		let ended = false;
		try {
			ended = this.dialect.calls.terminate();
		} catch (e) {
			this.log(`Terminate threw: ${(e as Error).message}`);
		}
		if (!ended) this.log(`Terminate failed (${this.dialect.calls.lastError() || 'no error code'}).`);
	}

	private writable() {
		return this.phase === 'active' && !this.launch?.reviewOnly;
	}

	/**
	 * Session time is the active time (as the player counts it) spent in this session: the growth of
	 * the attempt's time since the first state this session saw. A restarted attempt counts from zero.
	 */
	private observeTime(state: SavedState) {
		const seen = this.lastSeen;
		if (seen && seen.attempt === state.startedAt) this.sessionMs += Math.max(0, state.timeMs - seen.timeMs);
		else if (seen) this.sessionMs += state.timeMs;
		this.lastSeen = { attempt: state.startedAt, timeMs: state.timeMs };
	}

	private write(scenario: Scenario, state: SavedState) {
		const d = this.dialect;
		// Interactions first: one per decision made in this session. The decisions a state holds when
		// this session first sees its attempt (a resume) were reported in their own session; 1.2
		// interactions are write-only, so they are never read back to check.
		const key = (decision: { node: string; at: number }) => `${state.startedAt}:${decision.node}:${decision.at}`;
		const evaluationKey = `${state.startedAt}:evaluation`;
		if (!this.knownAttempts.has(state.startedAt)) {
			this.knownAttempts.add(state.startedAt);
			for (const decision of state.decisions) this.reported.add(key(decision));
			if (state.evaluation) this.reported.add(evaluationKey);
		}
		for (const decision of state.decisions) {
			if (this.reported.has(key(decision))) continue;
			this.reported.add(key(decision));
			const [first, ...rest] = d.interaction(this.nextInteraction, decisionReport(scenario, decision));
			// The id opens the record; if the LMS refuses it (e.g. a full interactions list), the rest is skipped.
			if (!this.set(first)) continue;
			this.nextInteraction++;
			for (const write of rest) this.set(write);
		}
		// The evaluation goes to the LMS too, once, so the course owner reads it in the LMS's reports.
		if (state.evaluation && !this.reported.has(evaluationKey)) {
			this.reported.add(evaluationKey);
			const lang = this.textLanguage ?? scenario.module.defaultLanguage ?? scenario.module.languages[0];
			for (const item of evaluationItems(state.evaluation, state.updatedAt, lang)) {
				const [first, ...rest] = d.evaluationItem(this.nextInteraction, item);
				if (!this.set(first)) continue;
				this.nextInteraction++;
				for (const write of rest) this.set(write);
			}
		}

		const outcome = outcomeOf(scenario, state, this.policy);
		const status = bestStatus(this.status, outcome.status);
		for (const write of d.status(status)) this.set(write);
		this.status = status;
		if (outcome.percent !== null && (this.percent === null || outcome.percent >= this.percent)) {
			for (const write of d.score(outcome.percent)) this.set(write);
			this.percent = outcome.percent;
		}

		const suspendData = scenario.encode(state);
		// Our own budget check: scorm-again accepts 64,000 characters in 1.2 on purpose, real LMSs do not.
		if (suspendData.length > d.suspendDataLimit) {
			this.log(`suspend_data is ${suspendData.length} characters, over the ${d.edition} limit of ${d.suspendDataLimit}; not written.`);
			this.setProblem(LMS_PROBLEMS.tooLarge);
		} else {
			this.set([d.suspendDataElement, suspendData]);
			if (this.currentProblem === LMS_PROBLEMS.tooLarge) this.setProblem(null);
		}
		const location = state.node.length <= d.locationLimit ? state.node : null;
		for (const write of d.progress({ location, outcome })) this.set(write);
		// suspend for every state the learner may come back to, so the LMS keeps the attempt's data
		// (Moodle's 2004 relaunch after any other exit hands the SCO nothing, entry ab-initio): also a
		// finished attempt below the pass mark that is reported incomplete, to be retried in the same
		// LMS attempt. A normal exit only once the LMS records the attempt as completed.
		for (const write of d.exit(outcome.finished && outcome.status.completion === 'completed')) this.set(write);
		for (const write of d.sessionTime(this.sessionMs)) this.set(write);
	}

	private set([element, value]: [string, string]): boolean {
		let ok: boolean;
		try {
			ok = this.dialect.calls.set(element, value);
		} catch (e) {
			this.log(`SetValue(${element}) threw: ${(e as Error).message}`);
			return false;
		}
		if (!ok) this.log(`SetValue(${element}, "${value.slice(0, 80)}") failed (${this.dialect.calls.lastError() || 'no error code'}).`);
		return ok;
	}

	private commit() {
		if (!this.writable()) return;
		let ok = false;
		try {
			ok = this.dialect.calls.commit();
		} catch (e) {
			this.log(`Commit threw: ${(e as Error).message}`);
		}
		if (ok) {
			this.failures = 0;
			this.stopRetrying();
			if (this.currentProblem === LMS_PROBLEMS.commitFailed) this.setProblem(null);
			return;
		}
		this.failures++;
		this.log(`Commit failed (${this.dialect.calls.lastError() || 'no error code'}), attempt ${this.failures}.`);
		if (this.failures > this.retryDelays.length) this.setProblem(LMS_PROBLEMS.commitFailed);
		if (this.retryTimer === undefined) {
			const delay = this.retryDelays[this.failures - 1] ?? this.keepTryingMs;
			this.retryTimer = this.setTimer(() => {
				this.retryTimer = undefined;
				this.commit();
			}, delay);
		}
	}

	private stopRetrying() {
		if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
		this.retryTimer = undefined;
	}
}
