import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSTRUMENT_KINDS, Scenario, type LearnerAction, type SavedState } from '$lib/engine';
import { loadShipped, MODULES_DIR } from '../../../tests/helpers/load-from-disk';
import { packageIds } from '../../tools/package-scorm';
import { DEMO_BEST as BEST, DEMO_WORST as WORST, demoActions } from '../../../tests/helpers/demo-paths';
import { interactionsOf, moodleRelaunch, seconds, strictScorm12, strictScorm2004, type StrictLms } from '../../../tests/helpers/strict-scorm';
import { isNewAttempt, KEEP_TRYING_MS, LMS_PROBLEMS, RETRY_DELAYS, ScormTracker, type ScormTrackerOptions } from './scorm-tracker';
import { dialect12, Scorm12Tracker } from './scorm12';
import { Scorm2004Tracker, SHORT_IDENTIFIER, shortIdentifier } from './scorm2004';

// The demo module (BEST and WORST: tests/modules/demo/golden.json walks the same paths): max 6 points, mastery 60 %.
let scenario: Scenario;
let clock: number;
let timers: { run: () => void; ms: number }[];

beforeEach(() => {
	scenario = loadShipped('demo').scenario;
	clock = Date.UTC(2026, 10, 23, 10, 0, 0);
	timers = [];
});

function options(extra: ScormTrackerOptions = {}): ScormTrackerOptions {
	return {
		now: () => clock,
		setTimer: (run, ms) => {
			const timer = { run, ms };
			timers.push(timer);
			return timer;
		},
		clearTimer: (t) => {
			timers = timers.filter((x) => x !== t);
		},
		log: () => {},
		...extra
	};
}

/** Runs the timers that are due, as the browser would after waiting. */
function runTimers() {
	const due = timers;
	timers = [];
	for (const t of due) t.run();
}

/** Plays actions as the Player does: a step, 20 s of reading, feedback acknowledged, each reported. */
async function play(tracker: ScormTracker, actions: LearnerAction[], from?: SavedState, textLanguage?: string): Promise<SavedState> {
	let state = from ?? scenario.start(clock);
	await tracker.record(scenario, state, textLanguage);
	for (const action of actions) {
		clock += 20_000;
		state = scenario.apply(scenario.addTime(state, 20_000), action, clock);
		await tracker.record(scenario, state, textLanguage);
		if (state.feedbackPending) {
			clock += 5_000;
			state = scenario.acknowledgeFeedback(scenario.addTime(state, 5_000), clock);
			await tracker.record(scenario, state, textLanguage);
		}
	}
	return state;
}

const noViolations = (lms: StrictLms) => expect(lms.violations).toEqual([]);

describe('SCORM 1.2 adapter', () => {
	it('reports a passed attempt: status, score, bookmark, suspend_data, session time and one interaction per decision', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		// A first launch (entry ab-initio) is a new LMS attempt.
		expect(await tracker.start(scenario)).toEqual({ learnerId: 'learner-1', freshAttempt: true });
		const end = await play(tracker, BEST);
		await tracker.finish(scenario, end);

		noViolations(lms);
		const stored = lms.committed;
		expect(stored.get('cmi.core.lesson_status')).toBe('passed');
		expect([stored.get('cmi.core.score.raw'), stored.get('cmi.core.score.min'), stored.get('cmi.core.score.max')]).toEqual(['100', '0', '100']);
		expect(stored.get('cmi.core.lesson_location')).toBe('end-strong');
		expect(stored.get('cmi.core.exit')).toBe('');
		// 10 steps × 20 s and 4 feedback pages × 5 s of active time.
		expect(stored.get('cmi.core.session_time')).toBe('00:03:40.00');
		const restored = scenario.decode(stored.get('cmi.suspend_data')!, clock);
		expect(restored.ok && restored.state.node).toBe('end-strong');
		expect(restored.ok && restored.state.score).toBe(6);

		const interactions = interactionsOf(stored);
		expect(interactions.map((i) => i.id)).toEqual(['first-evening', 'sam-returns', 'quiz-signals', 'quiz-approaches']);
		expect(interactions[0]).toMatchObject({ type: 'choice', student_response: 'a', result: 'correct', weighting: '2', latency: '00:00:20.00', 'correct_responses.0.pattern': 'a' });
		expect(interactions[0].time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
		expect(interactions[3]).toMatchObject({ student_response: 'a,c', result: 'correct', 'correct_responses.0.pattern': 'a,c', weighting: '1' });
		expect(lms.counts).toMatchObject({ initialize: 1, terminate: 1 });
	});

	it('commits on every step, with exit=suspend and status incomplete while unfinished', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		await play(tracker, BEST.slice(0, 3));
		noViolations(lms);
		expect(lms.counts.commit).toBe(5); // the new attempt, 3 steps, 1 feedback page
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('incomplete');
		expect(lms.committed.get('cmi.core.exit')).toBe('suspend');
		expect(lms.committed.get('cmi.core.score.raw')).toBe('');
		expect(lms.committed.get('cmi.core.lesson_location')).toBe('talk-outcome'); // the choice leads there; its feedback was read
	});

	it('by default reports a failed attempt as incomplete without a score, so the learner is not locked out', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		await tracker.finish(scenario, await play(tracker, WORST));
		noViolations(lms);
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('incomplete');
		expect(lms.committed.get('cmi.core.score.raw')).toBe('');
		expect(interactionsOf(lms.committed).map((i) => i.result)).toEqual(['wrong', 'wrong', 'wrong', 'wrong']);
	});

	it('reports "failed" with the score when the module says reportFailureAs: failed', async () => {
		const strict = new Scenario({ ...scenario.module, reportFailureAs: 'failed' });
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(strict);
		let state = strict.start(clock);
		for (const action of WORST) {
			state = strict.apply(state, action, clock);
			if (state.feedbackPending) state = strict.acknowledgeFeedback(state, clock);
			await tracker.record(strict, state);
		}
		noViolations(lms);
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('failed');
		expect(lms.committed.get('cmi.core.score.raw')).toBe('0');
	});

	it('resumes from suspend_data on entry=resume and appends only the new decisions', async () => {
		const first = strictScorm12();
		const tracker1 = new Scorm12Tracker(first.api, options());
		await tracker1.start(scenario);
		const midway = await play(tracker1, BEST.slice(0, 6)); // after the choice at sam-returns
		await tracker1.finish(scenario, midway);
		expect(first.lms.committed.get('cmi.core.exit')).toBe('suspend');

		// The LMS relaunches with what it stored, as Moodle does after exit=suspend.
		const relaunch: Record<string, string> = Object.fromEntries(first.lms.committed);
		relaunch['cmi.core.entry'] = 'resume';
		const second = strictScorm12(relaunch);
		const tracker2 = new Scorm12Tracker(second.api, options());
		clock += 3600_000;
		const started = await tracker2.start(scenario);
		expect(started.resumeState?.node).toBe(midway.node);
		expect(started.resumeState?.score).toBe(midway.score);
		expect(started.resumeState?.decisions.map((d) => d.node)).toEqual(['first-evening', 'sam-returns']);
		const end = await play(tracker2, BEST.slice(6), started.resumeState);
		await tracker2.finish(scenario, end);

		noViolations(second.lms);
		expect(interactionsOf(second.lms.committed).map((i) => i.id)).toEqual(['first-evening', 'sam-returns', 'quiz-signals', 'quiz-approaches']);
		expect(second.lms.committed.get('cmi.core.lesson_status')).toBe('passed');
		// This session's time only: 4 steps × 20 s and 2 feedback pages × 5 s.
		expect(second.lms.committed.get('cmi.core.session_time')).toBe('00:01:30.00');
	});

	it('also resumes on Moodle\'s entry "" (a normal exit in an attempt that goes on), but not on ab-initio', async () => {
		const mid = scenario.acknowledgeFeedback(scenario.apply(scenario.start(clock), { type: 'continue' }, clock), clock);
		const data = scenario.encode(mid);
		const resumed = await new Scorm12Tracker(strictScorm12({ 'cmi.core.entry': '', 'cmi.suspend_data': data }).api, options()).start(scenario);
		expect(resumed.resumeState?.node).toBe('meet-sam');
		const fresh = await new Scorm12Tracker(strictScorm12({ 'cmi.core.entry': 'ab-initio', 'cmi.suspend_data': data }).api, options()).start(scenario);
		expect(fresh.resumeState).toBeUndefined();
	});

	it('says so when the LMS holds a state this module version cannot read', async () => {
		const { api } = strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'K1~oldhash~1~0~0~0~0~0~' });
		const started = await new Scorm12Tracker(api, options()).start(scenario);
		expect(started.resumeState).toBeUndefined();
		expect(started.unreadable).toMatchObject({ reason: 'incompatible', detail: expect.stringMatching(/another version/) });
	});

	it('enforces the 4,096-character suspend_data limit itself (scorm-again allows 64,000) and warns', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		const seen: (string | null)[] = [];
		tracker.listen((p) => seen.push(p));
		await tracker.start(scenario);
		const state = scenario.start(clock);
		const big = Object.assign(Object.create(Object.getPrototypeOf(scenario)), scenario, { encode: () => 'x'.repeat(4097) });
		await tracker.record(big, state);
		noViolations(lms); // it did not even try
		expect(lms.values.has('cmi.suspend_data') && lms.values.get('cmi.suspend_data')).toBeFalsy();
		expect(tracker.problem).toBe(LMS_PROBLEMS.tooLarge);
		const fits = Object.assign(Object.create(Object.getPrototypeOf(scenario)), scenario, { encode: () => 'x'.repeat(4096) });
		await tracker.record(fits, state);
		noViolations(lms);
		expect(lms.committed.get('cmi.suspend_data')).toHaveLength(4096);
		expect(seen).toEqual([LMS_PROBLEMS.tooLarge, null]);
	});

	it('retries a failed commit, warns when the retries fail, and loses nothing once the LMS saves again', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		const seen: (string | null)[] = [];
		tracker.listen((p) => seen.push(p));
		await tracker.start(scenario);
		lms.faults.commitFailures = Infinity;
		const state = await play(tracker, BEST.slice(0, 3));
		expect(tracker.problem).toBe(LMS_PROBLEMS.commitFailed); // more failures than retries
		expect(timers).toHaveLength(1); // one retry pending, not one per failure
		runTimers();
		expect(timers).toHaveLength(1);
		expect(lms.committed.get('cmi.interactions.0.id')).toBeUndefined();

		lms.faults.commitFailures = 0; // the LMS is back
		runTimers();
		expect(tracker.problem).toBeNull();
		expect(seen).toEqual([LMS_PROBLEMS.commitFailed, null]);
		expect(timers).toHaveLength(0);
		expect(interactionsOf(lms.committed).map((i) => i.id)).toEqual(['first-evening']);
		expect(lms.committed.get('cmi.suspend_data')).toBe(scenario.encode(state));
		noViolations(lms);
	});

	it('warns only after the configured retries have failed too', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options({ retryDelays: [100, 200] }));
		await tracker.start(scenario);
		lms.faults.commitFailures = 2;
		await tracker.record(scenario, scenario.start(clock));
		expect(tracker.problem).toBeNull();
		expect(timers.map((t) => t.ms)).toEqual([100]);
		runTimers();
		expect(tracker.problem).toBeNull();
		expect(timers.map((t) => t.ms)).toEqual([200]);
		runTimers(); // third try succeeds
		expect(tracker.problem).toBeNull();
		expect(lms.counts).toMatchObject({ commit: 3, failedCommits: 2 });
	});

	it('when LMSInitialize fails: tells the learner, calls nothing else and never terminates', async () => {
		const { api, lms } = strictScorm12();
		lms.faults.initialize = true;
		const tracker = new Scorm12Tracker(api, options());
		expect(await tracker.start(scenario)).toEqual({});
		expect(tracker.problem).toBe(LMS_PROBLEMS.initFailed);
		const end = await play(tracker, BEST.slice(0, 3));
		await tracker.finish(scenario, end);
		expect(lms.calls).toEqual(['Initialize']);
	});

	it('terminates exactly once, and calls nothing after it', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		const state = await play(tracker, BEST.slice(0, 2));
		await tracker.finish(scenario, state);
		await tracker.finish(scenario, state);
		await tracker.record(scenario, state);
		await tracker.flush(scenario, state);
		expect(lms.counts.terminate).toBe(1);
		expect(lms.calls.at(-1)).toBe('Terminate');
		noViolations(lms);
	});

	it('does not commit right before Terminate (Terminate saves; some LMSs fail a Commit during unload)', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		await tracker.finish(scenario, scenario.start(clock));
		const lastCalls = lms.calls.filter((c) => c === 'Commit' || c === 'Terminate');
		expect(lastCalls).toEqual(['Terminate']);
		expect(lms.committed.get('cmi.core.exit')).toBe('suspend');
	});

	it('keeps a passed status and its score when the learner starts again to practise', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		await play(tracker, BEST);
		clock += 1000;
		const again = await play(tracker, WORST);
		noViolations(lms);
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('passed');
		expect(lms.committed.get('cmi.core.score.raw')).toBe('100');
		expect(interactionsOf(lms.committed)).toHaveLength(8);
		expect(scenario.decode(lms.committed.get('cmi.suspend_data')!, clock)).toMatchObject({ ok: true, state: { node: again.node } });
	});

	it('leaves an opened-but-not-begun attempt incomplete, never "not attempted" (Moodle would make that completed)', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		await tracker.finish(scenario, null);
		noViolations(lms);
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('incomplete');
		expect(lms.committed.get('cmi.core.exit')).toBe('suspend');
		expect(lms.counts).toMatchObject({ initialize: 1, terminate: 1, commit: 0 });
		// An LMS that already has a better status keeps it.
		const passed = strictScorm12({ 'cmi.core.lesson_status': 'passed', 'cmi.core.entry': '' });
		await new Scorm12Tracker(passed.api, options()).start(scenario);
		expect(passed.lms.values.get('cmi.core.lesson_status')).toBe('passed');
	});

	it('records nothing when the LMS opens the attempt for review', async () => {
		const { api, lms } = strictScorm12({ 'cmi.core.lesson_mode': 'review' });
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		await tracker.finish(scenario, await play(tracker, BEST.slice(0, 3)));
		expect(lms.calls.filter((c) => c.startsWith('Set') || c === 'Commit')).toEqual([]);
		expect(lms.counts.terminate).toBe(1);
	});
});

describe('SCORM 2004 adapter', () => {
	it('reports completion and success separately, scaled and raw score, ISO times and id responses', async () => {
		const { api, lms } = strictScorm2004();
		const tracker = new Scorm2004Tracker(api, options());
		await tracker.start(scenario);
		const end = await play(tracker, BEST);
		await tracker.finish(scenario, end);

		noViolations(lms);
		const stored = lms.committed;
		expect(stored.get('cmi.completion_status')).toBe('completed');
		expect(stored.get('cmi.success_status')).toBe('passed');
		expect([stored.get('cmi.score.scaled'), stored.get('cmi.score.raw'), stored.get('cmi.score.min'), stored.get('cmi.score.max')]).toEqual(['1', '100', '0', '100']);
		expect(stored.get('cmi.progress_measure')).toBe('1');
		expect(stored.get('cmi.exit')).toBe('normal');
		expect(stored.get('cmi.location')).toBe('end-strong');
		expect(stored.get('cmi.session_time')).toBe('PT3M40S');
		const interactions = interactionsOf(stored);
		expect(interactions[0]).toMatchObject({ id: 'first-evening', type: 'choice', learner_response: 'talk', result: 'correct', latency: 'PT20S', 'correct_responses.0.pattern': 'talk' });
		expect(interactions[0].timestamp).toBe('2026-11-23T10:01:00.00Z'); // the third step, 3 × 20 s in
		expect(interactions[3]).toMatchObject({ id: 'quiz-approaches', learner_response: 'a[,]c', 'correct_responses.0.pattern': 'a[,]c' });
		expect(lms.counts).toMatchObject({ initialize: 1, terminate: 1 });
	});

	it('keeps success unknown and the attempt incomplete while unfinished, with exit=suspend', async () => {
		const { api, lms } = strictScorm2004();
		const tracker = new Scorm2004Tracker(api, options());
		await tracker.start(scenario);
		await play(tracker, BEST.slice(0, 4));
		noViolations(lms);
		expect(lms.committed.get('cmi.completion_status')).toBe('incomplete');
		expect(lms.committed.get('cmi.success_status')).toBe('unknown');
		expect(lms.committed.get('cmi.exit')).toBe('suspend');
		expect(Number(lms.committed.get('cmi.progress_measure'))).toBeGreaterThan(0);
		expect(Number(lms.committed.get('cmi.progress_measure'))).toBeLessThan(1);
	});

	it('by default reports a failed attempt as incomplete, unknown success and no score; "failed" on request', async () => {
		const { api, lms } = strictScorm2004();
		const tracker = new Scorm2004Tracker(api, options());
		await tracker.start(scenario);
		await play(tracker, WORST);
		noViolations(lms);
		expect(lms.committed.get('cmi.completion_status')).toBe('incomplete');
		expect(lms.committed.get('cmi.success_status')).toBe('unknown');
		expect(lms.committed.has('cmi.score.scaled')).toBe(false);
		expect(Number(lms.committed.get('cmi.progress_measure'))).toBeLessThan(1);
		expect(interactionsOf(lms.committed).map((i) => i.result)).toEqual(['incorrect', 'incorrect', 'incorrect', 'incorrect']);

		const strict = new Scenario({ ...scenario.module, reportFailureAs: 'failed' });
		const other = strictScorm2004();
		const tracker2 = new Scorm2004Tracker(other.api, options());
		await tracker2.start(strict);
		let state = strict.start(clock);
		for (const action of WORST) {
			state = strict.apply(state, action, clock);
			if (state.feedbackPending) state = strict.acknowledgeFeedback(state, clock);
			await tracker2.record(strict, state);
		}
		expect(other.lms.committed.get('cmi.completion_status')).toBe('completed');
		expect(other.lms.committed.get('cmi.success_status')).toBe('failed');
		expect(other.lms.committed.get('cmi.score.scaled')).toBe('0');
	});

	it('resumes on entry=resume, and reads no suspend_data on ab-initio', async () => {
		const first = strictScorm2004();
		const tracker1 = new Scorm2004Tracker(first.api, options());
		await tracker1.start(scenario);
		const midway = await play(tracker1, BEST.slice(0, 7));
		await tracker1.finish(scenario, midway);
		const relaunch: Record<string, string> = { ...Object.fromEntries(first.lms.committed), 'cmi.entry': 'resume' };
		const second = strictScorm2004(relaunch);
		const started = await new Scorm2004Tracker(second.api, options()).start(scenario);
		expect(started.resumeState).toMatchObject({ node: midway.node, score: midway.score });

		const fresh = strictScorm2004();
		await new Scorm2004Tracker(fresh.api, options()).start(scenario);
		expect(fresh.lms.calls).not.toContain('Get cmi.suspend_data');
	});

	it('allows suspend_data up to 64,000 characters', async () => {
		const { api, lms } = strictScorm2004();
		const tracker = new Scorm2004Tracker(api, options());
		await tracker.start(scenario);
		const big = Object.assign(Object.create(Object.getPrototypeOf(scenario)), scenario, { encode: () => 'x'.repeat(5000) });
		await tracker.record(big, scenario.start(clock));
		noViolations(lms);
		expect(lms.committed.get('cmi.suspend_data')).toHaveLength(5000);
		expect(tracker.problem).toBeNull();
	});
});

/**
 * A run through a scenario to its end that picks, at every choice and quiz, an option or answer
 * whose id has a `-` where there is one (a correct one first), else the first. Yields each state.
 */
function* hyphenRun(s: Scenario): Generator<SavedState> {
	let state = s.start(clock);
	for (let i = 0; i < 500 && !state.completedAt; i++) {
		if (state.feedbackPending) state = s.acknowledgeFeedback(state, clock);
		else {
			const meta = s.meta(state.node);
			const hyphen = (ids: string[]) => ids.filter((id) => id.includes('-'));
			let action: LearnerAction = { type: 'continue' };
			if (meta.kind === 'choice') action = { type: 'choose', option: hyphen(meta.options!)[0] ?? meta.options![0] };
			else if (meta.kind === 'quiz') {
				const right = hyphen(meta.correct ?? []);
				action = { type: 'answer', answers: right.length ? meta.correct! : [hyphen(meta.answers!)[0] ?? meta.answers![0]] };
			} else if (meta.kind === 'reflection') action = { type: 'reflect', text: 'Ik vroeg door.' };
			else if (meta.kind === 'evaluation') action = { type: 'evaluate', evaluation: { rating: 7, useful: '', better: '' } };
			else if (INSTRUMENT_KINDS.includes(meta.kind)) action = { type: 'respond', answer: {} };
			state = s.apply(state, action, clock);
		}
		yield state;
	}
}

describe('as Moodle 4.5 sees it (issue 13)', () => {
	it('writes 2004 choice responses and patterns as short identifiers, whatever the ids the shipped modules have (Moodle refuses a `-` with 406)', async () => {
		let hyphenated = 0;
		for (const id of packageIds(MODULES_DIR)) {
			const module = loadShipped(id).scenario;
			// An instrument has no choices or quiz answers to report.
			if (module.module.instrument) continue;
			for (const edition of ['2004', '1.2'] as const) {
				const { api, lms } = edition === '2004' ? strictScorm2004() : strictScorm12();
				const tracker = edition === '2004' ? new Scorm2004Tracker(api as never, options()) : new Scorm12Tracker(api as never, options());
				await tracker.start(module);
				let last: SavedState | undefined;
				for (const state of hyphenRun(module)) await tracker.record(module, (last = state));
				noViolations(lms);
				const list = interactionsOf(lms.committed);
				expect(list.map((i) => i.id), id).toEqual(last!.decisions.map((d) => d.node));
				if (edition === '1.2') continue;
				// The interaction id is a long identifier (a `-` is allowed): the node id, unchanged.
				list.forEach((interaction, n) => {
					const answers = last!.decisions[n].answers;
					if (answers.some((a) => a.includes('-'))) hyphenated++;
					expect(interaction.learner_response).toBe(answers.map((a) => a.replaceAll('-', '.')).join('[,]'));
				});
			}
		}
		expect(hyphenated).toBeGreaterThan(0);
	});

	it('maps every id one to one onto a short identifier', () => {
		const ids = ['vier-typen', 'vier_typen', 'a', '9-b-c_d', 'x'.repeat(300), 'x'.repeat(299) + 'y'];
		const mapped = ids.map(shortIdentifier);
		expect(mapped.slice(0, 4)).toEqual(['vier.typen', 'vier_typen', 'a', '9.b.c_d']);
		for (const m of mapped) expect(m).toMatch(SHORT_IDENTIFIER);
		expect(new Set(mapped).size).toBe(ids.length);
	});

	it('the stand-in LMS refuses what Moodle refuses, and relaunches as Moodle does', () => {
		const { api, lms } = strictScorm2004();
		api.Initialize('');
		api.SetValue('cmi.interactions.0.id', 'q-kracht');
		api.SetValue('cmi.interactions.0.type', 'choice');
		expect(api.SetValue('cmi.interactions.0.learner_response', 'vier-typen')).toBe('false');
		expect(api.GetLastError()).toBe('406');
		expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'vier-typen')).toBe('false');
		expect(api.SetValue('cmi.interactions.0.learner_response', 'vier.typen')).toBe('true');
		expect(lms.violations).toHaveLength(2);
		api.SetValue('cmi.completion_status', 'incomplete');
		api.SetValue('cmi.suspend_data', 'K1~x');
		api.SetValue('cmi.exit', 'normal');
		api.SetValue('cmi.session_time', 'PT14.58S');
		api.Terminate('');
		// After exit=normal Moodle hands a 2004 SCO nothing of the attempt, and entry ab-initio.
		expect(moodleRelaunch(lms)).toEqual({ 'cmi.entry': 'ab-initio' });
		const { api: api12, lms: lms12 } = strictScorm12();
		api12.LMSInitialize('');
		api12.LMSSetValue('cmi.suspend_data', 'K1~x');
		api12.LMSSetValue('cmi.core.exit', '');
		api12.LMSFinish('');
		// 1.2 keeps the data; entry '' after an exit that was not suspend.
		expect(moodleRelaunch(lms12)).toMatchObject({ 'cmi.core.entry': '', 'cmi.suspend_data': 'K1~x' });
		expect(moodleRelaunch(lms12, { newAttempt: true })).toEqual({ 'cmi.core.entry': 'ab-initio' });
	});

	for (const edition of ['1.2', '2004'] as const) {
		const make = (initial?: Record<string, string>) => {
			const { api, lms } = edition === '1.2' ? strictScorm12(initial) : strictScorm2004(initial);
			return { lms, tracker: edition === '1.2' ? new Scorm12Tracker(api as never, options()) : new Scorm2004Tracker(api as never, options()) };
		};
		const exitKey = edition === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
		const totalKey = edition === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';

		it(`${edition}: a failed attempt exits with suspend; the next launch resumes it, appends after _count and adds up the time`, async () => {
			const first = make();
			await first.tracker.start(scenario);
			const failed = await play(first.tracker, WORST);
			await first.tracker.finish(scenario, failed);
			noViolations(first.lms);
			expect(first.lms.committed.get(exitKey)).toBe('suspend');

			// Another device: only what Moodle hands the SCO.
			const second = make(moodleRelaunch(first.lms));
			clock += 3600_000;
			const started = await second.tracker.start(scenario);
			expect(started.freshAttempt).toBeUndefined();
			expect(started.resumeState).toMatchObject({ node: failed.node, completedAt: expect.any(Number) });
			await second.tracker.record(scenario, started.resumeState!);
			const retried = await play(second.tracker, BEST);
			await second.tracker.finish(scenario, retried);
			noViolations(second.lms);
			const list = interactionsOf(second.lms.tracks);
			expect(list.map((i) => i.result)).toEqual(edition === '1.2' ? ['wrong', 'wrong', 'wrong', 'wrong', 'correct', 'correct', 'correct', 'correct'] : ['incorrect', 'incorrect', 'incorrect', 'incorrect', 'correct', 'correct', 'correct', 'correct']);
			expect(second.lms.calls.filter((c) => /^Set cmi\.interactions\.[0-3]\./.test(c))).toEqual([]);
			// 10 steps × 20 s + 4 feedback pages × 5 s in each session.
			expect(seconds(second.lms.tracks.get(totalKey))).toBe(440);
			expect(second.lms.committed.get(exitKey)).toBe(edition === '1.2' ? '' : 'normal');
		});

		it(`${edition}: a new LMS attempt is fresh (ab-initio${edition === '1.2' ? ", or '' with no suspend_data" : ''}); a resume without data is not`, async () => {
			const entry = edition === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
			const data = scenario.encode(scenario.start(clock));
			expect(await make({ [entry]: 'ab-initio', 'cmi.suspend_data': data }).tracker.start(scenario)).toMatchObject({ freshAttempt: true });
			expect((await make({ [entry]: '' }).tracker.start(scenario)).freshAttempt).toBe(true);
			expect((await make({ [entry]: 'resume' }).tracker.start(scenario)).freshAttempt).toBeUndefined();
			const resumed = await make({ [entry]: '', 'cmi.suspend_data': data }).tracker.start(scenario);
			expect(resumed.freshAttempt).toBeUndefined();
			expect(resumed.resumeState?.node).toBe('welcome');
		});
	}

	it('isNewAttempt reads entry and suspend_data as the issue says', () => {
		expect(isNewAttempt({ entry: 'ab-initio', suspendData: 'K1~x' })).toBe(true);
		expect(isNewAttempt({ entry: '', suspendData: '' })).toBe(true);
		expect(isNewAttempt({ entry: '', suspendData: 'K1~x' })).toBe(false);
		expect(isNewAttempt({ entry: 'resume', suspendData: '' })).toBe(false);
	});
});

describe('the evaluation reaches the LMS', () => {
	const EVALUATED: LearnerAction[] = [
		...BEST.slice(0, -1),
		{ type: 'evaluate', evaluation: { rating: 8, useful: 'De casus van Sam, heel herkenbaar.', better: 'Meer over ouders,\nen minder tekst.', aspects: { goals: 4, relevance: 5, load: 3, clarity: 2 } } }
	];

	it('1.2: each aspect as a likert interaction, the mark as numeric and the open answers as fill-in, after the decisions, once', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		const end = await play(tracker, EVALUATED);
		await tracker.record(scenario, end);
		await tracker.finish(scenario, end);
		noViolations(lms);
		const all = interactionsOf(lms.committed, 'all');
		expect(all.map((i) => i.id)).toEqual(['first-evening', 'sam-returns', 'quiz-signals', 'quiz-approaches', 'koers_evaluation_goals', 'koers_evaluation_relevance', 'koers_evaluation_load', 'koers_evaluation_clarity', 'koers_evaluation_rating', 'koers_evaluation_useful', 'koers_evaluation_better']);
		expect(all.slice(4).map((i) => [i.type, i.student_response])).toEqual([
			['likert', '4'],
			['likert', '5'],
			['likert', '3'],
			['likert', '2'],
			['numeric', '8'],
			['fill-in', 'De casus van Sam, heel herkenbaar.'],
			['fill-in', 'Meer over ouders, en minder tekst.']
		]);
	});

	it('2004: the same, with open answers as long-fill-in in the module\u2019s language, and nothing again after a resume', async () => {
		const { api, lms } = strictScorm2004();
		const tracker = new Scorm2004Tracker(api, options());
		await tracker.start(scenario);
		const end = await play(tracker, EVALUATED);
		await tracker.finish(scenario, end);
		noViolations(lms);
		const evaluation = interactionsOf(lms.committed, 'evaluation');
		expect(evaluation.map((i) => [i.id, i.type, i.learner_response])).toEqual([
			['koers_evaluation_goals', 'likert', '4'],
			['koers_evaluation_relevance', 'likert', '5'],
			['koers_evaluation_load', 'likert', '3'],
			['koers_evaluation_clarity', 'likert', '2'],
			['koers_evaluation_rating', 'numeric', '8'],
			['koers_evaluation_useful', 'long-fill-in', '{lang=nl}De casus van Sam, heel herkenbaar.'],
			['koers_evaluation_better', 'long-fill-in', '{lang=nl}Meer over ouders,\nen minder tekst.']
		]);
		// Launched again on the finished attempt: the evaluation was reported in its own session.
		const again = strictScorm2004({ ...Object.fromEntries(lms.tracks), 'cmi.entry': 'resume' });
		const second = new Scorm2004Tracker(again.api, options());
		await second.start(scenario);
		await second.record(scenario, end);
		await second.finish(scenario, end);
		expect(interactionsOf(again.lms.committed, 'evaluation')).toHaveLength(7);
		expect([...again.lms.calls].filter((c) => /koers_evaluation/.test(c))).toEqual([]);
	});

	it.each([
		['en', 'en'],
		// A language the module does not have: its texts were shown in the module's default.
		['de', 'nl']
	])('2004: open answers of a learner who reads the module in %s are tagged {lang=%s}', async (shown, tagged) => {
		const { api, lms } = strictScorm2004();
		const tracker = new Scorm2004Tracker(api, options());
		await tracker.start(scenario);
		const end = await play(tracker, EVALUATED, undefined, shown);
		await tracker.finish(scenario, end);
		noViolations(lms);
		const open = interactionsOf(lms.committed, 'evaluation').filter((i) => i.type === 'long-fill-in');
		expect(open.map((i) => i.learner_response)).toEqual([`{lang=${tagged}}De casus van Sam, heel herkenbaar.`, `{lang=${tagged}}Meer over ouders,\nen minder tekst.`]);
	});
});

describe('what an LMS administrator reads in the browser console', () => {
	let logged: string[];
	const logging = (extra: ScormTrackerOptions = {}) => options({ log: (m) => void logged.push(m), ...extra });
	beforeEach(() => {
		logged = [];
	});

	it('a failed Initialize, with the LMS\u2019s error, and that progress stays on the device', async () => {
		const { api, lms } = strictScorm12();
		lms.faults.initialize = true;
		await new Scorm12Tracker(api, logging()).start(scenario);
		expect(logged).toEqual(['Initialize failed (101: General exception); progress is kept on this device only.']);
	});

	it('an Initialize that throws, and a failure without an error code', async () => {
		const { api } = strictScorm12();
		const throwing = { ...api, LMSInitialize: () => { throw new Error('API not ready'); } };
		const tracker = new Scorm12Tracker(throwing, logging());
		expect(await tracker.start(scenario)).toEqual({});
		expect(tracker.problem).toBe(LMS_PROBLEMS.initFailed);
		expect(logged).toEqual(['Initialize threw: API not ready', 'Initialize failed (no error code); progress is kept on this device only.']);
	});

	it('a failed commit, numbered, until the LMS saves again', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, logging());
		await tracker.start(scenario);
		lms.faults.commitFailures = 2;
		await tracker.record(scenario, scenario.start(clock));
		runTimers();
		runTimers();
		expect(logged).toEqual(['Commit failed (101: General exception), attempt 1.', 'Commit failed (101: General exception), attempt 2.']);
		expect(lms.counts).toMatchObject({ commit: 3, failedCommits: 2 });
	});

	it('a commit that throws counts as failed and is retried', async () => {
		const { api } = strictScorm12();
		let throws = true;
		const flaky = { ...api, LMSCommit: (arg: '') => { if (throws) throw new Error('network down'); return api.LMSCommit(arg); } };
		const tracker = new Scorm12Tracker(flaky, logging());
		await tracker.start(scenario);
		await tracker.record(scenario, scenario.start(clock));
		// The LMS has no error code for a call that threw.
		expect(logged.slice(0, 2)).toEqual(['Commit threw: network down', 'Commit failed (no error code), attempt 1.']);
		expect(timers.map((t) => t.ms)).toEqual([500]);
		throws = false;
		runTimers();
		expect(timers).toEqual([]);
		expect(tracker.problem).toBeNull();
	});

	it('a refused or throwing SetValue, naming the element and the start of the value', async () => {
		const { api } = strictScorm12();
		const refusing = {
			...api,
			LMSSetValue: (element: string, value: string) => {
				if (element === 'cmi.suspend_data') return 'false';
				if (element === 'cmi.core.lesson_location') throw new Error('read-only');
				return api.LMSSetValue(element, value);
			}
		};
		const tracker = new Scorm12Tracker(refusing, logging());
		await tracker.start(scenario);
		// A long value is cut to its first 80 characters.
		const data = `${'a'.repeat(80)}${'b'.repeat(100)}`;
		const long = Object.assign(Object.create(Object.getPrototypeOf(scenario)), scenario, { encode: () => data });
		await tracker.record(long, scenario.start(clock));
		expect(logged).toContain(`SetValue(cmi.suspend_data, "${'a'.repeat(80)}") failed (no error code).`);
		expect(logged).toContain('SetValue(cmi.core.lesson_location) threw: read-only');
	});

	it('an interaction whose id SetValue throws on is skipped whole; the next decision takes its place', async () => {
		const { api, lms } = strictScorm12();
		let refuseOnce = true;
		const flaky = {
			...api,
			LMSSetValue: (element: string, value: string) => {
				if (element === 'cmi.interactions.0.id' && refuseOnce) {
					refuseOnce = false;
					throw new Error('list full');
				}
				return api.LMSSetValue(element, value);
			}
		};
		const tracker = new Scorm12Tracker(flaky, logging());
		await tracker.start(scenario);
		await play(tracker, BEST.slice(0, 6));
		expect(logged).toEqual(['SetValue(cmi.interactions.0.id) threw: list full']);
		expect(interactionsOf(lms.committed).map((i) => i.id)).toEqual(['sam-returns']);
		noViolations(lms);
	});

	it('a suspend_data over the edition\u2019s limit, with both lengths', async () => {
		const { api } = strictScorm12();
		const tracker = new Scorm12Tracker(api, logging());
		await tracker.start(scenario);
		const big = Object.assign(Object.create(Object.getPrototypeOf(scenario)), scenario, { encode: () => 'x'.repeat(5000) });
		await tracker.record(big, scenario.start(clock));
		expect(logged).toEqual(['suspend_data is 5000 characters, over the scorm12 limit of 4096; not written.']);
	});

	it('a suspend_data this module cannot read, with why; damaged data is not called another version', async () => {
		const { api } = strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'not ours' });
		const started = await new Scorm12Tracker(api, logging()).start(scenario);
		expect(started.unreadable?.reason).not.toBe('incompatible');
		expect(logged).toEqual([`The LMS's suspend_data cannot be read (${started.unreadable?.detail}); the learner may start again.`]);
		// Our own format for this very chart, damaged after the hash: damaged, not another version.
		const own = scenario.encode(scenario.start(clock));
		const damaged = `${own.split('~').slice(0, 2).join('~')}~zz`;
		const again = await new Scorm12Tracker(strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': damaged }).api, options()).start(scenario);
		expect(again.unreadable).toBeDefined();
		expect(again.unreadable?.reason).not.toBe('incompatible');
	});

	it('a failed or throwing Terminate', async () => {
		const { api } = strictScorm12();
		const failing = { ...api, LMSFinish: () => 'false' as const };
		const tracker = new Scorm12Tracker(failing, logging());
		await tracker.start(scenario);
		await tracker.finish(scenario, null);
		expect(logged).toEqual([expect.stringMatching(/^Terminate failed \((no error code|\d+.*)\)\.$/)]);
		logged = [];
		const throwing = { ...strictScorm12().api, LMSFinish: () => { throw new Error('gone'); } };
		const t2 = new Scorm12Tracker(throwing, logging());
		await t2.start(scenario);
		await t2.finish(scenario, null);
		expect(logged).toEqual(['Terminate threw: gone', expect.stringMatching(/^Terminate failed \(/)]);
	});
});

describe('the session, commit by commit', () => {
	afterEach(() => vi.useRealTimers());

	it('retries a failed commit after 0.5, 1 and 2 s, warns after that, then keeps trying every 10 s', async () => {
		expect(RETRY_DELAYS).toEqual([500, 1000, 2000]);
		expect(KEEP_TRYING_MS).toBe(10_000);
		vi.useFakeTimers();
		const { api, lms } = strictScorm12();
		const warnings: string[] = [];
		vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
		// Only the clock is the test's: timers, retries and the console are the tracker's own.
		const tracker = new Scorm12Tracker(api, { now: () => clock });
		await tracker.start(scenario);
		lms.faults.commitFailures = Infinity;
		await tracker.record(scenario, scenario.start(clock));
		const commitsAfter = async (ms: number) => {
			await vi.advanceTimersByTimeAsync(ms);
			return lms.counts.commit;
		};
		expect(lms.counts.commit).toBe(1);
		expect(await commitsAfter(499)).toBe(1);
		expect(await commitsAfter(1)).toBe(2);
		expect(await commitsAfter(1000)).toBe(3);
		expect(tracker.problem).toBeNull();
		expect(await commitsAfter(2000)).toBe(4);
		expect(tracker.problem).toBe(LMS_PROBLEMS.commitFailed);
		expect(await commitsAfter(9_999)).toBe(4);
		expect(await commitsAfter(1)).toBe(5);
		expect(warnings[0]).toBe('[Koers SCORM] Commit failed (101: General exception), attempt 1.');
		// The LMS is back: the next step commits, and the retry still pending is cancelled.
		lms.faults.commitFailures = 0;
		await tracker.record(scenario, scenario.start(clock));
		expect(tracker.problem).toBeNull();
		expect(await commitsAfter(60_000)).toBe(6);
		lms.faults.commitFailures = Infinity;
		await tracker.record(scenario, scenario.start(clock));
		expect(lms.counts.commit).toBe(7);
		// The page goes: Terminate, and no retry after it.
		await tracker.finish(scenario, null);
		expect(await commitsAfter(60_000)).toBe(7);
		expect(lms.calls.at(-1)).toBe('Terminate');
		vi.restoreAllMocks();
	});

	it('a pending retry is cancelled when the page goes, and a retry that fires anyway calls nothing', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		lms.faults.commitFailures = 1;
		await tracker.record(scenario, scenario.start(clock));
		expect(timers).toHaveLength(1);
		const pending = timers[0];
		await tracker.finish(scenario, null);
		expect(timers).toEqual([]);
		pending.run();
		expect(lms.calls.at(-1)).toBe('Terminate');
		expect(lms.counts.commit).toBe(1);
	});

	it('a commit that succeeds again cancels nothing it need not, and clears the warning', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options({ retryDelays: [] }));
		await tracker.start(scenario);
		lms.faults.commitFailures = 1;
		await tracker.record(scenario, scenario.start(clock));
		// No retries configured: warned at once, and kept trying.
		expect(tracker.problem).toBe(LMS_PROBLEMS.commitFailed);
		expect(timers.map((t) => t.ms)).toEqual([10_000]);
		// The next step commits (the LMS is back) before the timer fires: the timer goes.
		await tracker.record(scenario, scenario.start(clock));
		expect(tracker.problem).toBeNull();
		expect(timers).toEqual([]);
	});

	it('a normal session writes nothing to the console', async () => {
		const logged: string[] = [];
		const { api } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options({ log: (m) => void logged.push(m) }));
		await tracker.start(scenario);
		await tracker.finish(scenario, await play(tracker, BEST));
		expect(logged).toEqual([]);
	});

	it('a second start in the same page gives only the learner, not the launch state again', async () => {
		const mid = scenario.acknowledgeFeedback(scenario.apply(scenario.start(clock), { type: 'continue' }, clock), clock);
		const { api } = strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': scenario.encode(mid) });
		const tracker = new Scorm12Tracker(api, options());
		expect(await tracker.start(scenario)).toMatchObject({ learnerId: 'learner-1', resumeState: { node: 'meet-sam' } });
		expect(await tracker.start(scenario)).toEqual({ learnerId: 'learner-1' });
		const anonymous = strictScorm12({ 'cmi.core.student_id': '' });
		const t2 = new Scorm12Tracker(anonymous.api, options());
		await t2.start(scenario);
		expect(await t2.start(scenario)).toEqual({});
	});

	it('a resume without suspend_data is neither fresh nor unreadable: the learner goes on from local progress', async () => {
		const { api } = strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': '' });
		expect(await new Scorm12Tracker(api, options()).start(scenario)).toEqual({ learnerId: 'learner-1' });
	});

	it('reads another version of this module only from our own format: K and a number, at the start', async () => {
		const other = (data: string) => new Scorm12Tracker(strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': data }).api, options()).start(scenario);
		expect((await other('K12~oldhash~1~0~0~0~0~0~')).unreadable?.reason).toBe('incompatible');
		expect((await other('xK1~oldhash~1~0~0~0~0~0~')).unreadable?.reason).not.toBe('incompatible');
		expect((await other('K~oldhash~1~0~0~0~0~0~')).unreadable?.reason).not.toBe('incompatible');
	});

	it('hiding the page reports the time and progress so far', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		const state = await play(tracker, BEST.slice(0, 1));
		expect(lms.committed.get('cmi.core.session_time')).toBe('00:00:20.00');
		const commits = lms.counts.commit;
		await tracker.flush(scenario, scenario.addTime(state, 40_000));
		expect(lms.counts.commit).toBe(commits + 1);
		expect(lms.committed.get('cmi.core.session_time')).toBe('00:01:00.00');
	});

	it('the last state reaches the LMS with Terminate, without a commit before it', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		const state = await play(tracker, BEST.slice(0, 1));
		const later = scenario.addTime(scenario.apply(state, { type: 'continue' }, clock), 30_000);
		await tracker.finish(scenario, later);
		expect(lms.committed.get('cmi.core.lesson_location')).toBe(later.node);
		expect(lms.committed.get('cmi.core.session_time')).toBe('00:00:50.00');
	});

	it('counts the session\u2019s time over an attempt started again in the same page', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		const first = scenario.start(clock);
		await tracker.record(scenario, first);
		await tracker.record(scenario, scenario.addTime(first, 60_000));
		clock += 60_000;
		// The learner starts again: a new attempt, 20 s into it.
		const again = scenario.addTime(scenario.start(clock), 20_000);
		await tracker.record(scenario, again);
		expect(lms.committed.get('cmi.core.session_time')).toBe('00:01:20.00');
		// Time never runs back: an older copy of the same attempt adds nothing.
		await tracker.record(scenario, scenario.start(clock));
		expect(lms.committed.get('cmi.core.session_time')).toBe('00:01:20.00');
	});

	it('reports each attempt\u2019s evaluation once, also for a second attempt in the same page', async () => {
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(scenario);
		const end = await play(tracker, BEST);
		await tracker.record(scenario, end);
		clock += 1000;
		await play(tracker, WORST);
		expect(interactionsOf(lms.committed, 'evaluation').map((i) => [i.id, i.student_response])).toEqual([
			['koers_evaluation_rating', '8'],
			['koers_evaluation_rating', '3']
		]);
	});

	it('the LMS keeps the best score: a better attempt raises it, a worse one leaves it', async () => {
		const failing = new Scenario({ ...scenario.module, reportFailureAs: 'failed' });
		const { api, lms } = strictScorm12();
		const tracker = new Scorm12Tracker(api, options());
		await tracker.start(failing);
		const playOn = async (actions: LearnerAction[]) => {
			clock += 1000;
			let state = failing.start(clock);
			for (const action of actions) {
				state = failing.apply(state, action, clock);
				if (state.feedbackPending) state = failing.acknowledgeFeedback(state, clock);
				await tracker.record(failing, state);
			}
		};
		await playOn(demoActions({ first: 'buddy', second: 'ask', signals: ['a'], approaches: ['b'] }));
		expect(lms.committed.get('cmi.core.score.raw')).toBe('50');
		await playOn(BEST);
		expect(lms.committed.get('cmi.core.score.raw')).toBe('100');
		await playOn(WORST);
		expect(lms.committed.get('cmi.core.score.raw')).toBe('100');
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('passed');
	});

	it('keeps a bookmark exactly at the edition\u2019s limit, and drops one a character longer', async () => {
		const { api, lms } = strictScorm12();
		const state = scenario.start(clock);
		const atLimit = new ScormTracker({ ...dialect12(api), locationLimit: state.node.length }, options());
		await atLimit.start(scenario);
		await atLimit.record(scenario, state);
		expect(lms.committed.get('cmi.core.lesson_location')).toBe(state.node);
		const second = strictScorm12();
		const overLimit = new ScormTracker({ ...dialect12(second.api), locationLimit: state.node.length - 1 }, options());
		await overLimit.start(scenario);
		await overLimit.record(scenario, state);
		expect(second.lms.committed.get('cmi.core.lesson_location') ?? '').toBe('');
	});
});
