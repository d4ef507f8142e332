import { describe, expect, it } from 'vitest';
import * as scorm2004 from 'scorm-again/scorm2004';
import { demo, demoActions, demoRecord, play, textsOf, T0 } from '../../../tests/results/fixtures';
import { DEMO_BEST_CHOICES, DEMO_WORST_CHOICES } from '../../../tests/helpers/demo-paths';
import { buildResultRecord, readResultFile, validateResultRecord, RESULT_SCHEMA_VERSION, type ResultRecord } from './result-record';
import { parseIsoDuration } from './scorm-format';

const best = { ...DEMO_BEST_CHOICES, reflection: 'Ik vroeg **door**.', rating: 9, useful: 'De voorbeelden.', better: '' };
const poor = { ...DEMO_WORST_CHOICES, reflection: '', rating: 4, better: 'Korter.' };
const clone = (r: ResultRecord) => JSON.parse(JSON.stringify(r));
// scorm-again's types declare a default export; its ESM build exports the class by name.
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof scorm2004.default };

describe('buildResultRecord', () => {
	it('describes a passed attempt with module facts, dates, time, score and the path in the learner\u2019s language', () => {
		const record = demoRecord(best, { name: '  Fatima El Amrani ', lang: 'nl' });
		expect(record).toMatchObject({
			schema: 'koers-result',
			schemaVersion: RESULT_SCHEMA_VERSION,
			module: { id: 'demo', version: '1.0.0', title: 'Voorbeeldmodule: een nieuwe bezoeker', language: 'nl', studyMinutes: 10, masteryScore: 60, publisher: null, accreditation: { example: true, registrations: [{ register: 'Voorbeeldregister A', points: 1 }, { register: 'Voorbeeldregister B', hours: 0.5 }] } },
			learner: { name: 'Fatima El Amrani' },
			attempt: { id: expect.stringMatching(/^demo-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), startedAt: '2026-11-02T09:00:00.000Z', completedAt: '2026-11-02T09:05:00.000Z', completed: true, timeSpentSeconds: 300, ending: { node: 'end-strong' } },
			score: { raw: 6, min: 0, max: 6, scaled: 1, percent: 100, passed: true }
		});
		expect(record.path.map((p) => p.node)).toEqual(['welcome', 'meet-sam', 'first-evening', 'talk-outcome', 'second-visit', 'sam-returns', 'quiz-signals', 'quiz-approaches', 'reflect', 'evaluation', 'end-strong']);
		expect(record.path[0]).toEqual({ node: 'welcome', kind: 'content', title: 'Welkom bij deze voorbeeldmodule' });
		expect(record.decisions[0]).toMatchObject({ node: 'first-evening', kind: 'choice', title: 'De eerste avond', points: 2, maxPoints: 2, correct: null, latencySeconds: 30 });
		expect(record.decisions[0].answers[0].id).toBe('talk');
		expect(record.decisions[0].answers[0].label).toMatch(/^Je loopt naar Sam toe/);
		expect(record.decisions[3]).toMatchObject({ node: 'quiz-approaches', kind: 'quiz', correct: true, points: 1, maxPoints: 1 });
		expect(record.decisions[3].answers.map((a) => a.id)).toEqual(['a', 'c']);
		// Markdown in the learner's text is kept as typed; markdown in module texts is made plain.
		expect(record.reflections).toEqual([{ node: 'reflect', question: expect.not.stringMatching(/\*\*/), answer: 'Ik vroeg **door**.' }]);
		expect(record.evaluation).toEqual({ rating: 9, useful: 'De voorbeelden.', better: '' });
		expect(validateResultRecord(record)).toEqual({ ok: true, record });
	});

	it('writes labels in English when the learner played in English', () => {
		const record = demoRecord(best, { lang: 'en' });
		expect(record.module).toMatchObject({ title: 'Example module: a new visitor', language: 'en' });
		expect(record.decisions[0].title).toBe('The first evening');
		expect(record.decisions[0].answers[0].label).toMatch(/^You walk up to Sam/);
	});

	it('records a failed attempt honestly, with SCORM results per decision', () => {
		const record = demoRecord(poor);
		expect(record.score).toEqual({ raw: 0, min: 0, max: 6, scaled: 0, percent: 0, passed: false });
		expect(record.learner).toBeUndefined();
		expect(record.scorm).toMatchObject({ completion_status: 'completed', success_status: 'failed', score: { raw: 0, min: 0, max: 100, scaled: 0 }, scaled_passing_score: 0.6, session_time: 'PT5M' });
		expect(record.scorm.interactions.map((i) => [i.id, i.learner_response, i.result, i.weighting])).toEqual([
			['first-evening', 'wait', 'incorrect', 2],
			['sam-stays-away', 'leave', 'incorrect', 2],
			['quiz-signals', 'a', 'incorrect', 1],
			['quiz-approaches', 'b', 'incorrect', 1]
		]);
		expect(validateResultRecord(record).ok).toBe(true);
	});

	it('marks a second-best choice neutral and joins several quiz answers the SCORM 2004 way', () => {
		const record = demoRecord({ ...best, first: 'buddy', approaches: ['a', 'c'] });
		expect(record.scorm.interactions[0]).toMatchObject({ id: 'first-evening', learner_response: 'buddy', correct_responses: ['talk'], result: 'neutral', weighting: 2 });
		expect(record.scorm.interactions[3]).toMatchObject({ learner_response: 'a[,]c', correct_responses: ['a[,]c'], result: 'correct', latency: 'PT30S', timestamp: '2026-11-02T09:04:00.00Z' });
		expect(record.decisions[0].options).toEqual(['talk', 'buddy', 'wait']);
	});

	it('describes an unfinished attempt as incomplete with no pass', () => {
		const loaded = demo();
		const state = play(loaded, demoActions(best).slice(0, 4));
		const record = buildResultRecord(loaded.scenario, state, textsOf(loaded, 'nl'), { now: T0 });
		expect(record.attempt).toMatchObject({ completed: false, completedAt: null, ending: null });
		expect(record.score.passed).toBe(false);
		// As an LMS would be told: no score for an attempt that is not finished.
		expect(record.scorm).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown', score: null });
		expect(record.evaluation).toBeNull();
		expect(validateResultRecord(record).ok).toBe(true);
	});

	it('falls back to ids when no texts are given', () => {
		const loaded = demo();
		const record = buildResultRecord(loaded.scenario, play(loaded, demoActions(best)), undefined, { now: T0 });
		expect(record.module.title).toBe('demo');
		expect(record.decisions[0]).toMatchObject({ title: 'first-evening', answers: [{ id: 'talk', label: 'talk' }] });
		expect(validateResultRecord(record).ok).toBe(true);
	});

	it('gives a SCORM section that a SCORM 2004 runtime (scorm-again) accepts element by element', () => {
		const record = demoRecord({ ...best, first: 'buddy' });
		expect(record.scorm.score).toEqual({ raw: 83, min: 0, max: 100, scaled: 0.83 });
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		const rejected: string[] = [];
		const set = (key: string, value: string | number) => {
			if (api.SetValue(key, String(value)) !== 'true') rejected.push(`${key}=${value} (${api.GetLastError()})`);
		};
		const s = record.scorm;
		set('cmi.completion_status', s.completion_status);
		set('cmi.success_status', s.success_status);
		for (const key of ['raw', 'min', 'max', 'scaled'] as const) set(`cmi.score.${key}`, s.score![key]);
		set('cmi.session_time', s.session_time);
		s.interactions.forEach((x, n) => {
			for (const key of ['id', 'type', 'description', 'learner_response', 'result', 'weighting', 'timestamp', 'latency'] as const) set(`cmi.interactions.${n}.${key}`, x[key]);
			x.correct_responses.forEach((pattern, j) => set(`cmi.interactions.${n}.correct_responses.${j}.pattern`, pattern));
		});
		expect(rejected).toEqual([]);
		// The runtime does reject what SCORM 2004 forbids, so the check above has teeth.
		set('cmi.interactions.0.result', 'wrong');
		set('cmi.session_time', '5 minutes');
		set('cmi.interactions.0.timestamp', '2 november');
		expect(rejected).toHaveLength(3);
	});
});

describe('validateResultRecord', () => {
	const good = () => clone(demoRecord(best));

	it('says when a file is not a Koers result at all', () => {
		expect(validateResultRecord({ hello: 1 })).toMatchObject({ ok: false, kind: 'not-result', errors: [expect.stringContaining('not a Koers result file')] });
		expect(validateResultRecord([1, 2])).toMatchObject({ ok: false, kind: 'not-result' });
		expect(readResultFile('{"schema": "koers-result",')).toMatchObject({ ok: false, kind: 'not-json', errors: [expect.stringContaining('not valid JSON')] });
	});

	it('asks for a newer Koers for a newer schema version', () => {
		const r = good();
		r.schemaVersion = RESULT_SCHEMA_VERSION + 1;
		expect(validateResultRecord(r)).toEqual({ ok: false, kind: 'newer', errors: [expect.stringContaining('open it with a newer Koers')] });
	});

	it('names every wrong field with what is wrong', () => {
		const r = good();
		delete r.module.version;
		r.attempt.startedAt = '2 november';
		r.decisions[1].answers = [];
		r.decisions[2].answers[0].id = 'z';
		r.evaluation.rating = 11;
		r.scorm.session_time = '5 minutes';
		const result = validateResultRecord(r);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual([
			'module.version: must be a text, found missing',
			'attempt.startedAt: "2 november" is not an ISO 8601 date-time like "2026-11-05T14:03:07.000Z"',
			'decisions[1].answers: must name at least one answer',
			'decisions[2].answers[0].id: "z" is not one of decisions[2].options',
			'evaluation.rating: must be at most 10, found 11',
			'scorm.session_time: "5 minutes" is not an ISO 8601 duration like "PT12M30S"'
		]);
	});

	it('catches figures that disagree with each other', () => {
		const r = good();
		r.score.percent = 90;
		r.score.raw = 4;
		r.scorm.interactions.pop();
		const result = validateResultRecord(r);
		expect(!result.ok && result.errors).toEqual([
			'score.percent: is 90, but 4 of 6 points is 67',
			'score.scaled: is 1, but 4 of 6 points is 0.67',
			'scorm.score.raw: is 100, but score.percent is 90',
			'scorm.interactions: has 3 entries, but there are 4 decisions (one each)'
		]);
		const passedWrongly = good();
		passedWrongly.attempt.completed = false;
		passedWrongly.attempt.completedAt = null;
		passedWrongly.attempt.ending = null;
		const errors = (validateResultRecord(passedWrongly) as { errors: string[] }).errors;
		expect(errors).toContain('score.passed: is true, but an unfinished attempt means false');
		expect(errors).toContain('scorm.completion_status: is "completed", but attempt.completed is false');
	});

	it('reads a file with a byte-order mark', () => {
		expect(readResultFile('\uFEFF' + JSON.stringify(good())).ok).toBe(true);
	});
});

describe('reading SCORM durations back', () => {
	it('reads what the tracker writes and refuses what SCORM 2004 forbids', () => {
		expect(parseIsoDuration('PT1H2M3.46S')).toBe(3_723_460);
		expect(parseIsoDuration('PT0S')).toBe(0);
		expect(parseIsoDuration('PT5M')).toBe(300_000);
		expect(parseIsoDuration('PT')).toBeNull();
		expect(parseIsoDuration('P0S')).toBeNull();
		expect(parseIsoDuration('PT50S.21S')).toBeNull();
	});
});
