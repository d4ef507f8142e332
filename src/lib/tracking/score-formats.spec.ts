// What the LMS stores for an attempt that does not end on a round score (issue 17, bug: SCORM 2004
// score.scaled rounded to 0 decimals, so 67 % was reported as 1), and the 1.2 interaction time
// in the learner's local time (bug: UTC; the unit suite runs in Europe/Amsterdam, vite.config.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import type { SavedState, Scenario } from '$lib/engine';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { demoActions } from '../../../tests/helpers/demo-paths';
import { interactionsOf, strictScorm12, strictScorm2004 } from '../../../tests/helpers/strict-scorm';
import type { ScormTracker, ScormTrackerOptions } from './scorm-tracker';
import { Scorm12Tracker } from './scorm12';
import { Scorm2004Tracker } from './scorm2004';
import { timeOfDay12 } from './scorm-time';

/** The demo (max 6 points, mastery 60 %): the two best choices, both quizzes wrong: 4 of 6, 67 %. */
const TWO_THIRDS = demoActions({ first: 'talk', second: 'ask', signals: ['a'], approaches: ['b'], reflection: 'Half goed.', rating: 7 });

let scenario: Scenario;
let clock: number;

beforeEach(() => {
	scenario = loadShipped('demo').scenario;
	// 23 November 2026, 10:00 UTC: 11:00 in Amsterdam (winter time).
	clock = Date.UTC(2026, 10, 23, 10, 0, 0);
});

const options = (): ScormTrackerOptions => ({ now: () => clock, setTimer: () => ({}), clearTimer: () => {}, log: () => {} });

async function play(tracker: ScormTracker): Promise<SavedState> {
	await tracker.start(scenario);
	let state = scenario.start(clock);
	for (const action of TWO_THIRDS) {
		clock += 20_000;
		state = scenario.apply(scenario.addTime(state, 20_000), action, clock);
		if (state.feedbackPending) state = scenario.acknowledgeFeedback(state, clock);
		await tracker.record(scenario, state);
	}
	await tracker.finish(scenario, state);
	return state;
}

describe('a score of 4 out of 6 (67 %)', () => {
	it('is 67 % and passes the demo', async () => {
		const { api } = strictScorm12();
		const end = await play(new Scorm12Tracker(api, options()));
		expect(scenario.scoreOf(end)).toMatchObject({ score: 4, maxScore: 6, percent: 67, passed: true });
	});

	it('SCORM 1.2 stores raw 67 and passed', async () => {
		const { api, lms } = strictScorm12();
		await play(new Scorm12Tracker(api, options()));
		expect(lms.violations).toEqual([]);
		expect(lms.committed.get('cmi.core.lesson_status')).toBe('passed');
		expect([lms.committed.get('cmi.core.score.raw'), lms.committed.get('cmi.core.score.min'), lms.committed.get('cmi.core.score.max')]).toEqual(['67', '0', '100']);
	});

	it('SCORM 2004 stores scaled 0.67 and raw 67', async () => {
		const { api, lms } = strictScorm2004();
		await play(new Scorm2004Tracker(api, options()));
		expect(lms.violations).toEqual([]);
		expect(lms.committed.get('cmi.success_status')).toBe('passed');
		expect([lms.committed.get('cmi.score.scaled'), lms.committed.get('cmi.score.raw')]).toEqual(['0.67', '67']);
	});
});

describe('SCORM 1.2 interaction times are the learner’s local time of day', () => {
	it('the unit suite runs in a zone that is not UTC, so a UTC time cannot pass for a local one', () => {
		expect(process.env.TZ).toBe('Europe/Amsterdam');
		expect(new Date(Date.UTC(2026, 10, 23)).getTimezoneOffset()).toBe(-60);
	});

	it('10:00 UTC in November is 11:00 in Amsterdam', () => {
		expect(timeOfDay12(Date.UTC(2026, 10, 23, 10, 0, 5))).toBe('11:00:05');
		// Summer time: two hours ahead, and past midnight the day turns.
		expect(timeOfDay12(Date.UTC(2026, 6, 1, 22, 30, 0))).toBe('00:30:00');
	});

	it('the first decision of the attempt is stored at 11:01:00 local time (a minute in)', async () => {
		const { api, lms } = strictScorm12();
		await play(new Scorm12Tracker(api, options()));
		const first = interactionsOf(lms.committed)[0];
		expect(first.id).toBe('first-evening');
		expect(first.time).toBe('11:01:00');
	});
});
