import type { Scenario, SavedState, ScoreSummary } from '$lib/engine';

/**
 * The tracking port: what an LMS (or nothing) is told about an attempt. The player calls it after
 * local storage has the step, so the device always has the learner's progress first. Adapters:
 * no-lms (standalone), and SCORM 1.2 / 2004 in src/lib/tracking/scorm*.ts.
 */
export interface Tracker {
	readonly kind: 'none' | 'scorm12' | 'scorm2004';
	/**
	 * Starts the session. May return a saved state from the LMS (its `suspend_data`), which then
	 * wins over local progress: the LMS holds the record that counts.
	 */
	start(scenario: Scenario): Promise<{ resumeState?: SavedState; problem?: string }>;
	/** Called after every step the learner takes, with the decision just made if any. */
	record(scenario: Scenario, state: SavedState, score: ScoreSummary): Promise<void>;
	/** Called when the page is hidden: flush what is pending. */
	flush(scenario: Scenario, state: SavedState): Promise<void>;
	/** Ends the session exactly once. */
	finish(scenario: Scenario, state: SavedState): Promise<void>;
	/** A learner-facing problem with the LMS (e.g. it does not save), or null. */
	readonly problem: string | null;
}

/** Standalone: nothing to tell anyone; progress is in local storage only. */
export class NoLmsTracker implements Tracker {
	readonly kind = 'none';
	readonly problem = null;
	async start() {
		return {};
	}
	async record() {}
	async flush() {}
	async finish() {}
}
