import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieProgressRepository, deleteDatabase } from './db';
import { StaleWriteError, type AttemptRecord } from './progress-repository';

const attempt = (over: Partial<AttemptRecord> = {}): AttemptRecord => ({
	moduleId: 'demo',
	moduleVersion: '1.0.0',
	status: 'active',
	state: { node: 'welcome' },
	progress: 0,
	percent: 0,
	passed: false,
	startedAt: 1,
	updatedAt: 1,
	...over
});

let n = 0;
const opened: DexieProgressRepository[] = [];
async function fresh() {
	const repo = await DexieProgressRepository.open(`koers-test-${n++}`);
	opened.push(repo);
	return repo;
}
afterEach(async () => {
	for (const repo of opened.splice(0)) {
		repo.db.close();
		await deleteDatabase(repo.db.name);
	}
});

/** Writes straight into the store, as a foreign app or a damaged disk would. */
function putRaw(repo: DexieProgressRepository, value: unknown) {
	return repo.db.table('attempts').put(value);
}

describe('DexieProgressRepository', () => {
	it('saves and updates an attempt, and finds the latest one that is not abandoned', async () => {
		const repo = await fresh();
		const id = await repo.save(attempt());
		await repo.save({ ...attempt({ updatedAt: 5, state: { node: 'b' } }), id });
		await repo.save(attempt({ status: 'abandoned', updatedAt: 9 }));
		expect((await repo.latest('demo'))?.state).toEqual({ node: 'b' });
		expect(await repo.list('demo')).toHaveLength(2);
		expect(await repo.latest('other')).toBeUndefined();
	});

	it('sets aside a foreign record and keeps the rest working', async () => {
		const repo = await fresh();
		await repo.save(attempt());
		await putRaw(repo, { id: 99, hello: 'world' });
		expect(await repo.list()).toHaveLength(1);
		expect((await repo.setAsideRecords()).map((r) => r.record)).toEqual([{ id: 99, hello: 'world' }]);
		expect(await repo.list()).toHaveLength(1);
		await repo.save(attempt({ moduleId: 'other' }));
		expect(await repo.list()).toHaveLength(2);
	});

	it('refuses to overwrite an attempt with an older copy, and keeps the newer one', async () => {
		const repo = await fresh();
		const id = await repo.save(attempt({ revision: 1 }));
		// Two tabs read revision 1; the first saves revision 2, the second then tries its own 2.
		await repo.save(attempt({ id, revision: 2, state: { node: 'first-tab' } }));
		await expect(repo.save(attempt({ id, revision: 2, state: { node: 'second-tab' } }))).rejects.toBeInstanceOf(StaleWriteError);
		await expect(repo.save(attempt({ id, revision: 1, state: { node: 'older' } }))).rejects.toBeInstanceOf(StaleWriteError);
		expect((await repo.latest('demo'))?.state).toEqual({ node: 'first-tab' });
		await repo.save(attempt({ id, revision: 3, state: { node: 'next' } }));
		expect((await repo.latest('demo'))?.state).toEqual({ node: 'next' });
	});

	it('a write that fails leaves the stored copy whole', async () => {
		const repo = await fresh();
		const id = await repo.save(attempt({ revision: 1, state: { node: 'kept' } }));
		// A value IndexedDB cannot store makes the put fail inside the transaction, as a full disk would.
		await expect(repo.save(attempt({ id, revision: 2, state: { node: 'lost', bad: () => 1 } }))).rejects.toThrow();
		expect((await repo.latest('demo'))?.state).toEqual({ node: 'kept' });
		expect(await repo.save(attempt({ id, revision: 2, state: { node: 'later' } }))).toBe(id);
	});

	it('starts a new attempt only when no other active one of the module was saved since the caller looked', async () => {
		const repo = await fresh();
		const id = await repo.startAttempt(attempt({ updatedAt: 10 }), undefined);
		await expect(repo.startAttempt(attempt({ updatedAt: 11 }), undefined)).rejects.toMatchObject({ name: 'AttemptExistsError', id });
		await expect(repo.startAttempt(attempt({ updatedAt: 12 }), 10)).resolves.not.toBe(id);
		await expect(repo.startAttempt(attempt({ moduleId: 'other', updatedAt: 13 }), undefined)).resolves.toBeTypeOf('number');
	});

	it('sets aside records whose fields no real attempt has, and says of which kind and module', async () => {
		const repo = await fresh();
		const good = await repo.save(attempt());
		await putRaw(repo, { ...attempt({ completedAt: 'gisteren' as unknown as number }), id: 50 });
		await putRaw(repo, { ...attempt({ startedAt: 9e15 }), id: 51 });
		await putRaw(repo, { ...attempt({ progress: 'abc' as unknown as number }), id: 52 });
		await putRaw(repo, { ...attempt({ status: 'paused' as AttemptRecord['status'] }), id: 53 });
		await putRaw(repo, { ...attempt(), moduleId: undefined, id: 54 });
		expect((await repo.list()).map((r) => r.id)).toEqual([good]);
		expect(repo.setAsideOnRead.map((r) => [r.moduleId, r.kind])).toEqual([
			['demo', 'damaged'],
			['demo', 'damaged'],
			['demo', 'damaged'],
			['demo', 'unknown-status'],
			[null, 'no-module']
		]);
		expect(await repo.setAsideRecords()).toHaveLength(5);
	});

	it('lists the newest first, the later id first when saved in the same millisecond, per module', async () => {
		const repo = await fresh();
		const a = await repo.save(attempt({ updatedAt: 5 }));
		const b = await repo.save(attempt({ updatedAt: 9 }));
		const c = await repo.save(attempt({ updatedAt: 5 }));
		const other = await repo.save(attempt({ moduleId: 'other', updatedAt: 7 }));
		expect((await repo.list('demo')).map((r) => r.id)).toEqual([b, c, a]);
		expect((await repo.list()).map((r) => r.id)).toEqual([b, other, c, a]);
	});

	it('keeps why a record was set aside, and an unreadable record does not block a new attempt', async () => {
		const repo = await fresh();
		await putRaw(repo, { ...attempt({ updatedAt: 50, percent: 250 }), id: 60 });
		expect(await repo.startAttempt(attempt({ updatedAt: 51 }), undefined)).toBeTypeOf('number');
		expect(await repo.list()).toHaveLength(1);
		expect(repo.setAsideOnRead).toEqual([{ moduleId: 'demo', kind: 'damaged', problem: 'percent is out of range' }]);
		const [aside] = await repo.setAsideRecords();
		expect(aside).toMatchObject({ reason: 'unreadable attempt record: percent is out of range', record: { id: 60, percent: 250 } });
		expect(aside.at).toBeTypeOf('number');
	});

	it('a save without a revision (an older build) is not checked against the stored one', async () => {
		const repo = await fresh();
		const id = await repo.save(attempt({ revision: 4 }));
		expect(await repo.save(attempt({ id, state: { node: 'old build' } }))).toBe(id);
		expect((await repo.latest('demo'))?.state).toEqual({ node: 'old build' });
		// A stored record without a revision counts as 0: revision 0 is not newer, 1 is.
		await expect(repo.save(attempt({ id, revision: 0 }))).rejects.toMatchObject({ stored: 0, attempted: 0 });
		expect(await repo.save(attempt({ id, revision: 1 }))).toBe(id);
	});

	it('forgets everything', async () => {
		const repo = await fresh();
		await repo.save(attempt());
		await repo.setAside(undefined, 'x', {});
		await repo.forgetAll();
		expect(await repo.list()).toHaveLength(0);
		expect(await repo.setAsideRecords()).toHaveLength(0);
	});
});
