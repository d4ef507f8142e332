import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieProgressRepository, KoersDatabase } from './db';
import type { AttemptRecord } from './progress-repository';

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
const names: string[] = [];
async function fresh() {
	const name = `koers-test-${n++}`;
	names.push(name);
	return { repo: await DexieProgressRepository.open(name), db: new KoersDatabase(name) };
}
afterEach(async () => {
	for (const name of names.splice(0)) await KoersDatabase.delete(name);
});

describe('DexieProgressRepository', () => {
	it('saves and updates an attempt, and finds the latest one that is not abandoned', async () => {
		const { repo } = await fresh();
		const id = await repo.save(attempt());
		await repo.save({ ...attempt({ updatedAt: 5, state: { node: 'b' } }), id });
		await repo.save(attempt({ status: 'abandoned', updatedAt: 9 }));
		expect((await repo.latest('demo'))?.state).toEqual({ node: 'b' });
		expect(await repo.list('demo')).toHaveLength(2);
		expect(await repo.latest('other')).toBeUndefined();
	});

	it('sets aside a foreign record and keeps the rest working', async () => {
		const { repo, db } = await fresh();
		await repo.save(attempt());
		await db.attempts.add({ hello: 'world' } as never);
		const list = await repo.list();
		expect(list).toHaveLength(1);
		expect(await db.setAside.count()).toBe(1);
		expect(await db.attempts.count()).toBe(1);
	});

	it('forgets everything', async () => {
		const { repo, db } = await fresh();
		await repo.save(attempt());
		await repo.setAside(undefined, 'x', {});
		await repo.forgetAll();
		expect(await db.attempts.count()).toBe(0);
		expect(await db.setAside.count()).toBe(0);
	});
});
