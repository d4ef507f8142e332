import type { RestoreFailure, SavedState, Scenario } from '$lib/engine';

/** What a tracker found when it connected. */
export interface TrackerStart {
	/** The LMS's saved state (its `suspend_data`): it wins over local progress, the LMS holds the record that counts. */
	resumeState?: SavedState;
	/** The LMS had a saved state this module cannot read (another major version, or damaged). */
	unreadable?: Omit<RestoreFailure, 'ok'>;
	/**
	 * The LMS opened a new attempt (entry ab-initio, or '' with nothing saved): it starts at the
	 * beginning; what this device kept of an earlier attempt stays in its history, not continued.
	 */
	freshAttempt?: boolean;
	/**
	 * The LMS's id of the learner. Local progress saved for another learner is not resumed (a shared
	 * device in a youth-work team must not hand one person's attempt to the next).
	 */
	learnerId?: string;
}

/**
 * The tracking port: what an LMS (or nothing) is told about an attempt. The player calls it after
 * local storage has the step, so the device always has the learner's progress first. Adapters:
 * NoLmsTracker (standalone) here, SCORM 1.2 and 2004 in scorm12.ts and scorm2004.ts; launch.ts
 * picks one.
 */
export interface Tracker {
	readonly kind: 'none' | 'scorm12' | 'scorm2004';
	/** Connects (once; later calls return the first answer). */
	start(scenario: Scenario): Promise<TrackerStart>;
	/**
	 * Called with the learner's state whenever it changes: after every step, and when a state is
	 * adopted (opened, resumed or started again). Decisions made since the session started are
	 * reported once each. `textLanguage` is the language of the module texts the learner sees (an
	 * open answer in the evaluation is reported as written in it); the module's default when absent.
	 */
	record(scenario: Scenario, state: SavedState, textLanguage?: string): Promise<void>;
	/** The page was hidden: report time and progress now (the learner may not come back). */
	flush(scenario: Scenario, state: SavedState): Promise<void>;
	/**
	 * The page is going away for good: ends the session, exactly once. `state` is null when the
	 * learner leaves before beginning (the start page, or a record that could not be read).
	 */
	finish(scenario: Scenario, state: SavedState | null): Promise<void>;
	/** An i18n key of a learner-facing problem with the LMS, or null. */
	readonly problem: string | null;
	/** Called whenever `problem` changes, also between calls (e.g. after a delayed retry). */
	listen(onProblem: (problem: string | null) => void): void;
}

/** Standalone: nothing to tell anyone; progress is in local storage only. */
export class NoLmsTracker implements Tracker {
	readonly kind = 'none';
	/** @param problem shown to the learner, e.g. when a SCORM package finds no LMS. */
	constructor(readonly problem: string | null = null) {}
	async start() {
		return {};
	}
	async record() {}
	async flush() {}
	async finish() {}
	listen() {}
}
