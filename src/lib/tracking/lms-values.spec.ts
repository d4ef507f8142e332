// What each SCORM edition reads back from an LMS at launch, and the exact values it writes for
// statuses, open answers, answer ids and times: the boundaries an LMS report shows. Written against
// the survivors of a mutation run (README.md "Mutation testing").
import { describe, expect, it } from 'vitest';
import type { EvaluationItem, LmsStatus } from './report';
import type { Scorm12Api, Scorm2004Api } from './scorm-api';
import { dialect12, letters, lessonStatus12 } from './scorm12';
import { dialect2004, SHORT_IDENTIFIER, shortIdentifier } from './scorm2004';
import { duration2004, timespan12 } from './scorm-time';

/** An LMS that holds `values` and answers '' for anything else. */
function lms12(values: Record<string, string>): Scorm12Api {
	const answer = () => 'true';
	return { LMSInitialize: answer, LMSFinish: answer, LMSCommit: answer, LMSSetValue: answer, LMSGetValue: (e) => values[e] ?? '', LMSGetLastError: () => '0', LMSGetErrorString: () => '', LMSGetDiagnostic: () => '' };
}
function lms2004(values: Record<string, string>): Scorm2004Api {
	const answer = () => 'true';
	return { Initialize: answer, Terminate: answer, Commit: answer, SetValue: answer, GetValue: (e) => values[e] ?? '', GetLastError: () => '0', GetErrorString: () => '', GetDiagnostic: () => '' };
}

const item = (kind: EvaluationItem['kind'], response: string): EvaluationItem => ({ id: 'koers_evaluation_better', kind, response, at: Date.UTC(2026, 10, 23, 10), lang: 'nl' });
const value = (writes: [string, string][], suffix: string) => writes.find(([element]) => element.endsWith(suffix))?.[1];

describe('what a launch reads back from the LMS', () => {
	it.each([
		['passed', { completion: 'completed', success: 'passed' }],
		['failed', { completion: 'completed', success: 'failed' }],
		['completed', { completion: 'completed', success: 'unknown' }],
		['incomplete', { completion: 'incomplete', success: 'unknown' }],
		['not attempted', { completion: 'unknown', success: 'unknown' }],
		['browsed', { completion: 'unknown', success: 'unknown' }]
	])('1.2 lesson_status %s', (lessonStatus, status) => {
		expect(dialect12(lms12({ 'cmi.core.lesson_status': lessonStatus })).readLaunch().status).toEqual(status);
	});

	it.each([
		['completed', 'passed'],
		['incomplete', 'failed'],
		['unknown', 'unknown'],
		['not attempted', 'nonsense']
	])('2004 completion_status %s and success_status %s', (completion, success) => {
		const read = dialect2004(lms2004({ 'cmi.completion_status': completion, 'cmi.success_status': success })).readLaunch().status;
		expect(read).toEqual({ completion: completion === 'not attempted' ? 'unknown' : completion, success: success === 'nonsense' ? 'unknown' : success });
	});

	it.each([
		['', null],
		['67', 67],
		['0', 0],
		['not a number', null]
	])('a stored score.raw of "%s" is the percentage %s', (raw, percent) => {
		expect(dialect12(lms12({ 'cmi.core.score.raw': raw })).readLaunch().percent).toBe(percent);
		expect(dialect2004(lms2004({ 'cmi.score.raw': raw })).readLaunch().percent).toBe(percent);
	});

	it.each([
		['', 0],
		['0', 0],
		['3', 3],
		['-2', 0],
		['x', 0]
	])('an interactions._count of "%s" means the next interaction is number %i', (count, next) => {
		expect(dialect12(lms12({ 'cmi.interactions._count': count })).readLaunch().interactionCount).toBe(next);
		expect(dialect2004(lms2004({ 'cmi.interactions._count': count })).readLaunch().interactionCount).toBe(next);
	});

	it('2004: review mode records nothing; suspend_data is read only for an attempt to go back to', () => {
		expect(dialect2004(lms2004({ 'cmi.mode': 'review' })).readLaunch().reviewOnly).toBe(true);
		expect(dialect2004(lms2004({ 'cmi.mode': 'normal' })).readLaunch().reviewOnly).toBe(false);
		expect(dialect2004(lms2004({ 'cmi.entry': 'resume', 'cmi.suspend_data': 'K1~x' })).readLaunch().suspendData).toBe('K1~x');
		expect(dialect2004(lms2004({ 'cmi.entry': 'ab-initio', 'cmi.suspend_data': 'K1~x' })).readLaunch().suspendData).toBe('');
	});
});

describe('the statuses written', () => {
	const status = (completion: LmsStatus['completion'], success: LmsStatus['success']): LmsStatus => ({ completion, success });

	it('1.2 lesson_status: passed and failed first, then completed, and incomplete for the rest', () => {
		expect(lessonStatus12(status('completed', 'passed'))).toBe('passed');
		expect(lessonStatus12(status('completed', 'failed'))).toBe('failed');
		expect(lessonStatus12(status('completed', 'unknown'))).toBe('completed');
		expect(lessonStatus12(status('incomplete', 'unknown'))).toBe('incomplete');
		expect(lessonStatus12(status('unknown', 'unknown'))).toBe('incomplete');
	});

	it('2004: an unknown completion is written as incomplete, an unknown success not at all', () => {
		const dialect = dialect2004(lms2004({}));
		expect(dialect.status(status('unknown', 'unknown'))).toEqual([['cmi.completion_status', 'incomplete']]);
		expect(dialect.status(status('completed', 'passed'))).toEqual([
			['cmi.completion_status', 'completed'],
			['cmi.success_status', 'passed']
		]);
	});

	it('2004: no location is no cmi.location write; a location is written as it is', () => {
		const dialect = dialect2004(lms2004({}));
		const outcome = { progress: 0.5 } as Parameters<typeof dialect.progress>[0]['outcome'];
		expect(dialect.progress({ location: null, outcome }).map(([element]) => element)).toEqual(['cmi.progress_measure']);
		expect(dialect.progress({ location: 'K1~abc', outcome })).toContainEqual(['cmi.location', 'K1~abc']);
	});
});

describe('answers as the LMS stores them', () => {
	it('1.2 choice letters follow the module\'s option order and leave out ids that are not options', () => {
		expect(letters(['c', 'x', 'a'], ['a', 'b', 'c'])).toBe('a,c');
		expect(letters(['b'], ['a', 'b', 'c'])).toBe('b');
		expect(letters(['k', 'a'], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'])).toBe('a,k');
	});

	it('1.2: an open answer is one line of at most 255 characters, its result neutral; other answers as given', () => {
		const dialect = dialect12(lms12({}));
		const long = dialect.evaluationItem(0, item('fill-in', `Eerste regel\n\n  tweede\tregel ${'x'.repeat(300)}`));
		expect(value(long, '.student_response')).toBe(`Eerste regel tweede regel ${'x'.repeat(300)}`.slice(0, 255));
		expect(value(long, '.result')).toBe('neutral');
		expect(value(dialect.evaluationItem(1, item('numeric', '8')), '.student_response')).toBe('8');
	});

	it('2004: an open answer is a long-fill-in with its language first and at most 3980 characters of text', () => {
		const dialect = dialect2004(lms2004({}));
		const writes = dialect.evaluationItem(0, item('fill-in', 'y'.repeat(5000)));
		expect(value(writes, '.learner_response')).toBe(`{lang=nl}${'y'.repeat(3980)}`);
		expect(value(writes, '.type')).toBe('long-fill-in');
		expect(value(dialect.evaluationItem(1, item('likert', '4')), '.learner_response')).toBe('4');
	});

	it('2004 short identifiers: up to 250 characters kept, longer ones shortened to 250 with a hash, the whole id checked', () => {
		const exact = 'a'.repeat(250);
		expect(shortIdentifier(exact)).toBe(exact);
		const longer = shortIdentifier('a'.repeat(251));
		expect(longer).toHaveLength(250);
		expect(longer).toMatch(/^a{241}\.[0-9a-f]{8}$/);
		expect(longer).not.toBe(shortIdentifier(`${'a'.repeat(250)}b`));
		expect(SHORT_IDENTIFIER.test('vier.typen')).toBe(true);
		expect(SHORT_IDENTIFIER.test('-vier')).toBe(false);
		expect(SHORT_IDENTIFIER.test('vier-')).toBe(false);
	});
});

describe('times at their edges', () => {
	it('a negative time is no time, in both editions', () => {
		expect(timespan12(-5000)).toBe('00:00:00.00');
		expect(duration2004(-5000)).toBe('PT0S');
	});

	it('2004 keeps a leading zero in the fraction of a second: 50.05 s is PT50.05S, not PT50.5S', () => {
		expect(duration2004(50_050)).toBe('PT50.05S');
		expect(duration2004(50_200)).toBe('PT50.2S');
	});
});
