import { describe, expect, it } from 'vitest';
import * as scorm2004 from 'scorm-again/scorm2004';
import { demo, demoActions, demoRecord, play, textsOf, T0 } from '../../../tests/results/fixtures';
import { DEMO_BEST_CHOICES, DEMO_WORST_CHOICES } from '../../../tests/helpers/demo-paths';
import { Scenario } from '$lib/engine';
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

describe('buildResultRecord, field by field', () => {
	const finished = () => {
		const loaded = demo();
		return { loaded, state: play(loaded, demoActions(best)) };
	};

	it('names the deployment\u2019s publisher over the module\u2019s own, and a copy of either', () => {
		const { loaded, state } = finished();
		const own = { name: 'Stichting Module', url: 'https://module.example' };
		const withOwn = new Scenario({ ...loaded.scenario.module, publisher: own, certificateMinimumMinutes: 4 });
		const site = { name: 'Leerhuis Zuid', contact: 'info@leerhuis.example' };
		const record = buildResultRecord(withOwn, state, undefined, { now: T0, publisher: site });
		expect(record.module.publisher).toEqual(site);
		expect(record.module.publisher).not.toBe(site);
		expect(record.module.certificateMinimumMinutes).toBe(4);
		const moduleOnly = buildResultRecord(withOwn, state, undefined, { now: T0, publisher: null });
		expect(moduleOnly.module.publisher).toEqual(own);
		expect(moduleOnly.module.publisher).not.toBe(own);
		// The file cannot change the module it was made from.
		moduleOnly.module.accreditation!.registrations[0].points = 99;
		expect(withOwn.module.accreditation!.registrations[0].points).toBe(1);
		expect(buildResultRecord(loaded.scenario, state, undefined, { now: T0 }).module).not.toHaveProperty('certificateMinimumMinutes');
	});

	it('leaves out a learner name of only spaces, and dates the file when it is made', () => {
		const { loaded, state } = finished();
		const record = buildResultRecord(loaded.scenario, state, undefined, { now: Date.UTC(2026, 11, 7, 12, 30), learnerName: '   ' });
		expect(record).not.toHaveProperty('learner');
		expect(record.createdAt).toBe('2026-12-07T12:30:00.000Z');
	});

	it('is in the texts\u2019 language, else the module\u2019s default; a text that is only markup falls back to the id', () => {
		const { loaded, state } = finished();
		expect(buildResultRecord(loaded.scenario, state, undefined, { now: T0 }).module.language).toBe('nl');
		const noDefault = new Scenario({ ...loaded.scenario.module, defaultLanguage: undefined, languages: ['en', 'nl'] });
		expect(buildResultRecord(noDefault, state, undefined, { now: T0 }).module.language).toBe('en');
		// Texts without has(): every key counts as present.
		const bare = { lang: 'fr', text: (key: string) => (key === 'nodes.welcome.title' ? '<br>' : `«${key}»`) };
		const record = buildResultRecord(loaded.scenario, state, bare, { now: T0 });
		expect(record.module.language).toBe('fr');
		expect(record.path[0].title).toBe('welcome');
		expect(record.path[1].title).toBe('«nodes.meet-sam.title»');
	});

	it('counts time in whole seconds and latency to the hundredth', () => {
		const loaded = demo();
		const state = play(loaded, demoActions(best), T0, 12.345);
		const record = buildResultRecord(loaded.scenario, state, undefined, { now: T0 });
		expect(record.attempt.timeSpentSeconds).toBe(Math.round(state.timeMs / 1000));
		expect(record.decisions[0].latencySeconds).toBe(12.35);
		expect(record.scorm.interactions[0].latency).toBe('PT12.35S');
	});

	it('lists a reflection once, however often the path passes it', () => {
		const { loaded, state } = finished();
		const twice = { ...state, path: [...state.path.slice(0, -1), 'reflect', state.path.at(-1)!] };
		expect(buildResultRecord(loaded.scenario, twice, undefined, { now: T0 }).reflections.map((r) => r.node)).toEqual(['reflect']);
	});

	it('cuts an interaction\u2019s description at 250 characters (SCORM\u2019s limit), the record\u2019s title stays whole', () => {
		const { loaded, state } = finished();
		const long = 'Lang '.repeat(80);
		const texts = { lang: 'nl', text: (key: string) => (key === 'nodes.first-evening.title' ? long : key), has: () => true };
		const record = buildResultRecord(loaded.scenario, state, texts, { now: T0 });
		expect(record.decisions[0].title).toBe(long.trim());
		expect(record.scorm.interactions[0].description).toBe(long.trim().slice(0, 250));
	});

	it('scales a score to 4 decimals for the LMS, and to 2 in the score itself', () => {
		const record = demoRecord({ ...best, first: 'buddy' });
		expect(record.score).toMatchObject({ raw: 5, max: 6, percent: 83, scaled: 0.83 });
		expect(record.scorm.score).toEqual({ raw: 83, min: 0, max: 100, scaled: 0.83 });
		const scenario = new Scenario({ ...demo().scenario.module, masteryScore: 67.5 });
		const r = buildResultRecord(scenario, play(demo(), demoActions(best)), undefined, { now: T0 });
		expect(r.scorm.scaled_passing_score).toBe(0.68);
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

	// One wrong field at a time, with the exact line the person checking the file reads: which
	// field, what is wrong with it, and what was found.
	it.each([
		['the version is not a whole number', (r) => (r.schemaVersion = 1.5), ['schemaVersion: must be a whole number, found 1.5']],
		['the version is below 1', (r) => (r.schemaVersion = 0), ['schemaVersion: must be at least 1, found 0']],
		['the date is not a real date', (r) => (r.createdAt = '2026-13-45T10:00:00Z'), ['createdAt: "2026-13-45T10:00:00Z" is not a real date']],
		['the module is a text', (r) => (r.module = 'demo'), ['module: must be an object, found "demo"']],
		['the module id has capitals', (r) => (r.module.id = 'Demo'), ['module.id: "Demo" is not a module id (a-z, 0-9, - and _)']],
		['the version has two parts', (r) => (r.module.version = '1.0'), ['module.version: "1.0" is not a version like "1.0.0"']],
		['the title is blank', (r) => (r.module.title = '  '), ['module.title: must not be empty']],
		['the language is a name', (r) => (r.module.language = 'Dutch'), ['module.language: "Dutch" is not a language code like "nl"']],
		['a regional language', (r) => (r.module.language = 'nl-BE'), []],
		['the study time is a text', (r) => (r.module.studyMinutes = '10'), ['module.studyMinutes: must be a number, found "10"']],
		['the study time is negative', (r) => (r.module.studyMinutes = -1), ['module.studyMinutes: must be at least 0, found -1']],
		['the pass mark is over 100', (r) => (r.module.masteryScore = 101), ['module.masteryScore: must be at most 100, found 101', 'score.passed: is true, but 100% against a pass mark of 101% means false']],
		['a publisher without a name', (r) => (r.module.publisher = { name: '', url: 7 }), ['module.publisher.name: must not be empty', 'module.publisher.url: must be a text, found 7']],
		['a publisher with name, url and contact', (r) => (r.module.publisher = { name: 'Stichting X', url: 'https://x.example', contact: 'info@x.example' }), []],
		['a certificate minimum below 0', (r) => (r.module.certificateMinimumMinutes = -5), ['module.certificateMinimumMinutes: must be at least 0, found -5']],
		['an accreditation without registrations', (r) => (r.module.accreditation = { provider: 'X' }), [expect.stringMatching(/^module\.accreditation\.registrations: /)]],
		['a learner without a name', (r) => (r.learner = { name: ' ' }), ['learner.name: must not be empty']],
		['a learner that is a list', (r) => (r.learner = ['Sam']), ['learner: must be an object, found ["Sam"]']],
		['no attempt id', (r) => (r.attempt.id = ''), ['attempt.id: must not be empty']],
		['completed is a text', (r) => (r.attempt.completed = 'yes'), ['attempt.completed: must be true or false, found "yes"']],
		['finished before it started', (r) => (r.attempt.completedAt = '2026-11-02T08:59:59.000Z'), ['attempt.completedAt: is before attempt.startedAt']],
		['finished the moment it started', (r) => (r.attempt.completedAt = r.attempt.startedAt), []],
		['a finished attempt without an ending', (r) => (r.attempt.ending = null), ['attempt.ending: must be an object, found null']],
		['an ending without a node', (r) => (r.attempt.ending.node = ''), ['attempt.ending.node: must not be empty']],
		['an ending title that is a number', (r) => (r.attempt.ending.title = 3), ['attempt.ending.title: must be a text, found 3']],
		['negative time', (r) => (r.attempt.timeSpentSeconds = -1), ['attempt.timeSpentSeconds: must be at least 0, found -1']],
		['a scaled score over 1', (r) => (r.score.scaled = 1.5), ['score.scaled: must be at most 1, found 1.5']],
		['a percentage below 0', (r) => (r.score.percent = -1), ['score.percent: must be at least 0, found -1', 'scorm.score.raw: is 100, but score.percent is -1']],
		['a scaled score rounded to 2 decimals', (r) => ((r.score.raw = 4), (r.score.percent = 67), (r.score.scaled = 0.67), (r.score.passed = true), (r.scorm.score.raw = 67), (r.scorm.score.scaled = 0.67)), []],
		['a scaled score off by more than rounding', (r) => ((r.score.raw = 4), (r.score.percent = 67), (r.score.scaled = 0.65), (r.scorm.score.raw = 67), (r.scorm.score.scaled = 0.67)), ['score.scaled: is 0.65, but 4 of 6 points is 0.67']],
		['no points to earn: 100 %', (r) => ((r.score.raw = 0), (r.score.max = 0), (r.score.scaled = 0)), []],
		['exactly at the pass mark, passed', (r) => (r.module.masteryScore = 100), []],
		['just below the pass mark, passed', (r) => ((r.score.raw = 5), (r.score.percent = 83), (r.score.scaled = 0.83), (r.scorm.score.raw = 83), (r.scorm.score.scaled = 0.83), (r.module.masteryScore = 84)), ['score.passed: is true, but 83% against a pass mark of 84% means false']],
		['passed is a text', (r) => (r.score.passed = 'true'), ['score.passed: must be true or false, found "true"']],
		['a path entry of an unknown kind', (r) => (r.path[1].kind = 'video'), ['path[1].kind: must be one of "content", "persona", "choice", "quiz", "reflection", "evaluation", "end", found "video"']],
		['a path entry without a node', (r) => (r.path[0] = { kind: 'content', title: '' }), ['path[0].node: must be a text, found missing']],
		['a path that is an object', (r) => (r.path = {}), ['path: must be a list, found {}']],
		['a decision of another kind', (r) => (r.decisions[0].kind = 'slider'), ['decisions[0].kind: must be one of "choice", "quiz", found "slider"']],
		['a decision with an empty option', (r) => (r.decisions[0].options = ['talk', '']), ['decisions[0].options[1]: must not be empty']],
		['a decision with a wrong "correct"', (r) => (r.decisions[2].correct = 'yes'), ['decisions[2].correct: must be true or false, found "yes"']],
		['a decision with negative latency and max points', (r) => ((r.decisions[1].latencySeconds = -2), (r.decisions[1].maxPoints = -1)), ['decisions[1].maxPoints: must be at least 0, found -1', 'decisions[1].latencySeconds: must be at least 0, found -2']],
		['a reflection without a question', (r) => (r.reflections[0].question = null), ['reflections[0].question: must be a text, found null']],
		['no evaluation', (r) => (r.evaluation = null), []],
		['a mark of 1, and none', (r) => (r.evaluation.rating = 1), []],
		['a mark of 0', (r) => (r.evaluation.rating = 0), ['evaluation.rating: must be at least 1, found 0']],
		['a mark of 7.5', (r) => (r.evaluation.rating = 7.5), ['evaluation.rating: must be a whole number, found 7.5']],
		['aspects at 1 and 5', (r) => (r.evaluation.aspects = { goals: 1, clarity: 5 }), []],
		['an aspect Koers does not ask about', (r) => (r.evaluation.aspects = { fun: 3 }), ['evaluation.aspects.fun: not an aspect Koers asks about (goals, relevance, load, clarity)']],
		['an aspect at 6', (r) => (r.evaluation.aspects = { load: 6 }), ['evaluation.aspects.load: must be at most 5, found 6']],
		['an LMS status that says passed for a failed score', (r) => (r.scorm.success_status = 'failed'), ['scorm.success_status: is "failed", but the score and attempt say "passed"']],
		['an LMS status that says incomplete', (r) => (r.scorm.completion_status = 'incomplete'), ['scorm.completion_status: is "incomplete", but attempt.completed is true']],
		['an LMS score out of 10', (r) => ((r.scorm.score.min = 1), (r.scorm.score.max = 10)), ['scorm.score.min: must be 0, found 1', 'scorm.score.max: must be 100 (the score is a percentage), found 10']],
		['an LMS scaled score that is not raw / 100', (r) => (r.scorm.score.scaled = 0.99), ['scorm.score.scaled: is 0.99, but raw 100 of 100 is 1']],
		['no LMS score for a finished attempt', (r) => (r.scorm.score = null), ['scorm.score: must be an object, found null']],
		['an LMS pass mark as a percentage', (r) => (r.scorm.scaled_passing_score = 60), ['scorm.scaled_passing_score: must be at most 1, found 60']],
		['a session time of nothing', (r) => (r.scorm.session_time = 'PT'), ['scorm.session_time: "PT" is not an ISO 8601 duration like "PT12M30S"']],
		['a session time in another form', (r) => (r.scorm.session_time = '00:05:00'), ['scorm.session_time: "00:05:00" is not an ISO 8601 duration like "PT12M30S"']],
		['an interaction for another decision', (r) => (r.scorm.interactions[1].id = 'first-evening'), ['scorm.interactions[1].id: is "first-evening", but decisions[1] is "sam-returns"']],
		['an interaction of another type', (r) => (r.scorm.interactions[0].type = 'likert'), ['scorm.interactions[0].type: must be one of "choice", found "likert"']],
		['an interaction without a response', (r) => (r.scorm.interactions[0].learner_response = ''), ['scorm.interactions[0].learner_response: must not be empty']],
		['an empty correct pattern', (r) => (r.scorm.interactions[0].correct_responses = ['']), ['scorm.interactions[0].correct_responses[0]: must not be empty']],
		['an interaction result outside SCORM', (r) => (r.scorm.interactions[0].result = 'wrong'), ['scorm.interactions[0].result: must be one of "correct", "incorrect", "neutral", found "wrong"']],
		['a negative weighting', (r) => (r.scorm.interactions[0].weighting = -1), ['scorm.interactions[0].weighting: must be at least 0, found -1']],
		['a timestamp with 3 decimals', (r) => (r.scorm.interactions[0].timestamp = '2026-11-02T09:01:30.000Z'), ['scorm.interactions[0].timestamp: "2026-11-02T09:01:30.000Z" is not a SCORM time like "2026-11-05T14:03:07.12Z"']],
		['a timestamp with an hour offset', (r) => (r.scorm.interactions[0].timestamp = '2026-11-02T10:01:30+01'), []],
		['a latency in seconds', (r) => (r.scorm.interactions[0].latency = '30'), ['scorm.interactions[0].latency: "30" is not an ISO 8601 duration like "PT8.5S"']]
	] as [string, (r: any) => unknown, unknown[]][])('%s', (_, spoil, errors) => {
		const r = good();
		spoil(r);
		const result = validateResultRecord(r);
		expect(result.ok ? [] : result.errors).toEqual(errors);
	});

	it('reports an unfinished attempt that claims a finish, a score or an ending', () => {
		const r = good();
		r.attempt.completed = false;
		r.score.passed = false;
		r.scorm.completion_status = 'incomplete';
		r.scorm.success_status = 'unknown';
		const result = validateResultRecord(r);
		expect(!result.ok && result.errors).toEqual([
			'attempt.completedAt: must be null when attempt.completed is false',
			'attempt.ending: must be null when attempt.completed is false',
			'scorm.score: must be null for an unfinished attempt'
		]);
	});

	it('refuses what is not a result file, whatever its shape', () => {
		expect(validateResultRecord(null)).toEqual({ ok: false, kind: 'not-result', errors: ['schema: must be "koers-result", found null; this is not a Koers result file'] });
		expect(validateResultRecord({ schema: 'koers-progress' })).toEqual({ ok: false, kind: 'not-result', errors: ['schema: must be "koers-result", found "koers-progress"; this is not a Koers result file'] });
		expect(validateResultRecord({ schema: 'koers-result', schemaVersion: 'one' })).toEqual({ ok: false, kind: 'invalid', errors: ['schemaVersion: must be a number, found "one"'] });
		const newer = validateResultRecord({ schema: 'koers-result', schemaVersion: RESULT_SCHEMA_VERSION + 1 });
		expect(newer).toEqual({ ok: false, kind: 'newer', errors: [`schemaVersion: the file has version ${RESULT_SCHEMA_VERSION + 1}, this Koers reads up to ${RESULT_SCHEMA_VERSION}; open it with a newer Koers`] });
		expect(validateResultRecord({ schema: 'koers-result', schemaVersion: RESULT_SCHEMA_VERSION }).ok).toBe(false);
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
