// The storage port's own rules, without IndexedDB: which stored records are fit to show (a record
// that is not is set aside and the learner told), and the in-memory repository a browser that
// blocks IndexedDB plays on. Modules are loaded in beforeEach, not at collection (README.md,
// "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import type { AttemptRecord } from './progress-repository';

let repo: typeof import('./progress-repository');
beforeEach(async () => {
	repo = await import('./progress-repository');
});

const attempt = (over: Partial<AttemptRecord> = {}): AttemptRecord => ({
	moduleId: 'demo',
	moduleVersion: '1.0.0',
	status: 'active',
	state: { node: 'welcome' },
	progress: 0.5,
	percent: 50,
	passed: false,
	startedAt: 1,
	updatedAt: 2,
	...over
});
const LATEST_DATE = 8.64e15;

describe('which stored records are fit to use', () => {
	it.each([
		['a plain attempt', {}],
		['progress from 0 to 1', { progress: 0 }],
		['a finished attempt', { progress: 1, percent: 100, passed: true, completedAt: 3, status: 'completed' }],
		['dates from 1970 to the last a page can print', { startedAt: 0, updatedAt: LATEST_DATE, completedAt: LATEST_DATE }],
		['revision 0 (never saved again) and the first id', { revision: 0, id: 1 }],
		['a module id of 200 characters', { moduleId: 'a'.repeat(200) }],
		['a module version of 50 characters', { moduleVersion: '1'.repeat(50) }],
		['a learner id of 4,000 characters', { learnerId: 'x'.repeat(4000) }],
		['an abandoned attempt', { status: 'abandoned' }]
	] as [string, Partial<AttemptRecord>][])('keeps %s', (_, over) => {
		expect(repo.checkAttemptRecord(attempt(over))).toBeNull();
	});

	it.each([
		['nothing', null, 'no-module', 'not a record'],
		['a list', [attempt()], 'no-module', 'not a record'],
		['a text', 'demo', 'no-module', 'not a record'],
		['no module id', { moduleId: '' }, 'no-module', 'no module id'],
		['a module id of 201 characters', { moduleId: 'a'.repeat(201) }, 'no-module', 'no module id'],
		['a number for a module id', { moduleId: 7 }, 'no-module', 'no module id'],
		['an unknown status', { status: 'paused' }, 'unknown-status', 'unknown status "paused"'],
		['no status', { status: undefined }, 'unknown-status', 'unknown status undefined'],
		['a long unknown status, cut short', { status: 'x'.repeat(100) }, 'unknown-status', `unknown status "${'x'.repeat(39)}`],
		['id 0', { id: 0 }, 'damaged', 'id is broken'],
		['a fractional id', { id: 1.5 }, 'damaged', 'id is broken'],
		['a text id', { id: '3' }, 'damaged', 'id is broken'],
		['a module version of 51 characters', { moduleVersion: '1'.repeat(51) }, 'damaged', 'module version is broken'],
		['a number for a version', { moduleVersion: 1 }, 'damaged', 'module version is broken'],
		['no state', { state: null }, 'damaged', 'no saved state'],
		['a text for a state', { state: 'welcome' }, 'damaged', 'no saved state'],
		['progress over 1', { progress: 1.01 }, 'damaged', 'progress is out of range'],
		['progress below 0', { progress: -0.01 }, 'damaged', 'progress is out of range'],
		['progress NaN', { progress: NaN }, 'damaged', 'progress is out of range'],
		['progress as text', { progress: '0.5' }, 'damaged', 'progress is out of range'],
		['a percentage over 100', { percent: 100.5 }, 'damaged', 'percent is out of range'],
		['an endless percentage', { percent: Infinity }, 'damaged', 'percent is out of range'],
		['passed as text', { passed: 'true' }, 'damaged', 'passed is not true or false'],
		['a start before 1970', { startedAt: -1 }, 'damaged', 'a date is out of range'],
		['a save after the last printable date', { updatedAt: LATEST_DATE + 1 }, 'damaged', 'a date is out of range'],
		['a finish that is not a number', { completedAt: 'gisteren' }, 'damaged', 'a date is out of range'],
		['an endless finish', { completedAt: Infinity }, 'damaged', 'a date is out of range'],
		['a negative revision', { revision: -1 }, 'damaged', 'revision is broken'],
		['a fractional revision', { revision: 0.5 }, 'damaged', 'revision is broken'],
		['a learner id of 4,001 characters', { learnerId: 'x'.repeat(4001) }, 'damaged', 'learner id is broken'],
		['a number for a learner id', { learnerId: 42 }, 'damaged', 'learner id is broken']
	] as [string, unknown, string, string][])('sets aside %s', (_, over, kind, problem) => {
		const value = over === null || Array.isArray(over) || typeof over !== 'object' ? over : { ...attempt(), ...over };
		expect(repo.checkAttemptRecord(value)).toEqual({ kind, problem });
	});
});

describe('the in-memory repository (a browser that blocks IndexedDB)', () => {
	it('says progress is not kept, and why', () => {
		expect(new repo.MemoryProgressRepository()).toMatchObject({ persistent: false, unavailable: 'blocked' });
		expect(new repo.MemoryProgressRepository({ unavailable: 'no-answer' })).toMatchObject({ persistent: false, unavailable: 'no-answer' });
		const kept = new repo.MemoryProgressRepository({ persistent: true });
		expect(kept.persistent).toBe(true);
		expect(kept.unavailable).toBeUndefined();
	});

	it('lists the newest first (the later id first when saved in the same millisecond), per module', async () => {
		const memory = new repo.MemoryProgressRepository();
		const a = await memory.save(attempt({ updatedAt: 5 }));
		const b = await memory.save(attempt({ updatedAt: 9 }));
		const c = await memory.save(attempt({ updatedAt: 5 }));
		const other = await memory.save(attempt({ moduleId: 'other', updatedAt: 7 }));
		expect([a, b, c, other]).toEqual([1, 2, 3, 4]);
		expect((await memory.list('demo')).map((r) => r.id)).toEqual([b, c, a]);
		expect((await memory.list()).map((r) => r.id)).toEqual([b, other, c, a]);
	});

	it('gives the newest attempt that is not abandoned as the latest', async () => {
		const memory = new repo.MemoryProgressRepository();
		await memory.save(attempt({ updatedAt: 3, state: { node: 'kept' } }));
		await memory.save(attempt({ updatedAt: 4, status: 'abandoned' }));
		expect((await memory.latest('demo'))?.state).toEqual({ node: 'kept' });
		expect(await memory.latest('other')).toBeUndefined();
	});

	it('hands out copies: changing what was saved or read changes nothing stored', async () => {
		const memory = new repo.MemoryProgressRepository();
		const record = attempt({ state: { node: 'a' } });
		const id = await memory.save(record);
		(record.state as { node: string }).node = 'changed after saving';
		const [read] = await memory.list();
		(read.state as { node: string }).node = 'changed after reading';
		expect((await memory.latest('demo'))?.state).toEqual({ node: 'a' });
		expect(read.id).toBe(id);
		expect(record.id).toBeUndefined();
	});

	it('refuses an older copy of an attempt, and says which revisions', async () => {
		const memory = new repo.MemoryProgressRepository();
		const id = await memory.save(attempt());
		// A record saved without a revision (an older build) counts as revision 0.
		await expect(memory.save(attempt({ id, revision: 0 }))).rejects.toMatchObject({ name: 'StaleWriteError', id, stored: 0, attempted: 0 });
		await memory.save(attempt({ id, revision: 2, state: { node: 'second' } }));
		const stale = memory.save(attempt({ id, revision: 2, state: { node: 'other tab' } }));
		await expect(stale).rejects.toBeInstanceOf(repo.StaleWriteError);
		await expect(stale).rejects.toThrow(`Attempt ${id} was saved elsewhere (revision 2); this copy (revision 2) is older and was not written.`);
		expect((await memory.latest('demo'))?.state).toEqual({ node: 'second' });
		await memory.save(attempt({ id, revision: 3, state: { node: 'third' } }));
		// Without a revision, a save is not checked (the same tab, an older build's save path).
		await memory.save(attempt({ id, state: { node: 'unchecked' } }));
		expect((await memory.list()).map((r) => r.state)).toEqual([{ node: 'unchecked' }]);
	});

	it('starts an attempt unless the same learner began or saved one since the caller looked', async () => {
		const memory = new repo.MemoryProgressRepository();
		const first = await memory.startAttempt(attempt({ updatedAt: 10, learnerId: 'ana' }), undefined);
		const refused = memory.startAttempt(attempt({ updatedAt: 11, learnerId: 'ana' }), 9);
		await expect(refused).rejects.toMatchObject({ name: 'AttemptExistsError', id: first });
		await expect(refused).rejects.toThrow(`An attempt of this module (${first}) was begun elsewhere; no second one was started.`);
		// Saved at the very moment the caller saw: not "since".
		expect(await memory.startAttempt(attempt({ updatedAt: 12, learnerId: 'ana' }), 10)).toBe(2);
		// Another learner on a shared device, another module: not in the way.
		expect(await memory.startAttempt(attempt({ updatedAt: 13, learnerId: 'bo' }), 5)).toBe(3);
		expect(await memory.startAttempt(attempt({ moduleId: 'other', updatedAt: 14 }), undefined)).toBe(4);
		// A record without a learner (standalone) may be anyone's.
		await expect(memory.startAttempt(attempt({ updatedAt: 15 }), 12)).rejects.toMatchObject({ name: 'AttemptExistsError' });
		// Abandoned and completed attempts do not count.
		const quiet = new repo.MemoryProgressRepository();
		await quiet.save(attempt({ status: 'abandoned', updatedAt: 20 }));
		await quiet.save(attempt({ status: 'completed', updatedAt: 21 }));
		expect(await quiet.startAttempt(attempt({ updatedAt: 22 }), undefined)).toBe(3);
	});

	it('sets a record aside with its reason, and forgets everything on request', async () => {
		const memory = new repo.MemoryProgressRepository();
		const id = await memory.save(attempt());
		const kept = await memory.save(attempt({ moduleId: 'other' }));
		await memory.setAside(id, 'unreadable', { broken: true });
		await memory.setAside(undefined, 'not stored', 'x');
		expect((await memory.list()).map((r) => r.id)).toEqual([kept]);
		expect(memory.setAsideRecords.map((r) => [r.reason, r.record])).toEqual([
			['unreadable', { broken: true }],
			['not stored', 'x']
		]);
		await memory.forgetAll();
		expect(await memory.list()).toEqual([]);
		expect(memory.setAsideRecords).toEqual([]);
		expect(memory.setAsideOnRead).toEqual([]);
	});
});

describe('whose attempt it is', () => {
	it('matches records of the same learner, and records without one to anyone', () => {
		expect(repo.sameLearner({ learnerId: 'ana' }, { learnerId: 'ana' })).toBe(true);
		expect(repo.sameLearner({ learnerId: 'ana' }, { learnerId: 'bo' })).toBe(false);
		expect(repo.sameLearner({}, { learnerId: 'bo' })).toBe(true);
		expect(repo.sameLearner({ learnerId: 'ana' }, {})).toBe(true);
		expect(repo.sameLearner({ learnerId: '' }, { learnerId: 'bo' })).toBe(true);
	});
});
