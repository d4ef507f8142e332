import { describe, expect, it } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import { Scorm12Tracker } from '../tracking/scorm12';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { DEMO_BEST as BEST } from '../../../tests/helpers/demo-paths';
import { RecordingLms, type LmsSnapshot } from './lms-recorder';

// scorm-again's types declare a default export; its ESM build exports the class by name.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof scorm12.default };
const T0 = Date.UTC(2026, 10, 2, 9);

function setUp() {
	const runtime = new Scorm12API({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
	const lms = new RecordingLms(runtime as never);
	let clock = T0;
	const tracker = new Scorm12Tracker(lms.api, { now: () => clock, log: () => {} });
	const seen: LmsSnapshot[] = [];
	lms.listen((s) => seen.push(s));
	return { lms, tracker, seen, tick: (ms: number) => (clock += ms), now: () => clock };
}

describe('RecordingLms', () => {
	it('shows what the LMS holds after each step the tracker reports: incomplete, no score, the suspend_data', async () => {
		const { scenario } = loadShipped('demo');
		const { lms, tracker, seen, now } = setUp();
		await tracker.start(scenario);
		const state = scenario.start(now());
		await tracker.record(scenario, state);
		const s = lms.snapshot();
		expect(s).toMatchObject({ initialized: true, finished: false, status: 'incomplete', score: '', location: 'welcome', exit: 'suspend', commits: 1, refused: [] });
		expect(s.suspendData).toBe(scenario.encode(state));
		expect(s.suspendDataLength).toBe(scenario.encode(state).length);
		expect(s.suspendDataLimit).toBe(4096);
		// Listeners heard the Initialize and the Commit, with the values in place at the commit.
		expect(seen.map((x) => x.commits)).toEqual([0, 1]);
		expect(seen[1].status).toBe('incomplete');
	});

	it('records a passed play-through: status, score and one interaction per decision', async () => {
		const { scenario } = loadShipped('demo');
		const { lms, tracker, tick, now } = setUp();
		await tracker.start(scenario);
		let state = scenario.start(now());
		for (const action of BEST) {
			tick(20_000);
			state = scenario.acknowledgeFeedback(scenario.apply(state, action, now()), now());
			await tracker.record(scenario, state);
		}
		await tracker.finish(scenario, state);
		const s = lms.snapshot();
		expect(s).toMatchObject({ finished: true, status: 'passed', score: '100', location: 'end-strong', exit: '', refused: [] });
		// 1.2 letters follow the module's order (quiz-signals lists c, a, b), then the evaluation's mark.
		expect(s.interactions.map((i) => [i.id, i.response, i.result])).toEqual([
			['first-evening', 'a', 'correct'],
			['sam-returns', 'a', 'correct'],
			['quiz-signals', 'c', 'correct'],
			['quiz-approaches', 'a,c', 'correct'],
			['koers_evaluation_rating', '8', 'neutral']
		]);
		expect(s.interactions[0]).toMatchObject({ type: 'choice', weighting: '2', latency: '00:00:20.00', correct: ['a'] });
		expect(s.commits).toBe(BEST.length);
	});

	it('lists what the SCORM runtime refused, with its error', () => {
		const { lms } = setUp();
		lms.api.LMSInitialize('');
		expect(String(lms.api.LMSSetValue('cmi.core.lesson_status', 'brilliant'))).toBe('false');
		expect(lms.snapshot().refused).toEqual([expect.stringMatching(/^LMSSetValue\(cmi\.core\.lesson_status, "brilliant"\): 405 /)]);
		expect(lms.snapshot().status).toBe('not attempted');
	});
});
