import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DexieProgressRepository, deleteDatabase } from './db';
import { DB_NAME, readStoredAttempts } from './first-read';

describe('readStoredAttempts (the catalogue\'s first read, without Dexie)', () => {
	it('reads nothing on a first visit and does not create the database (Dexie creates it with its schema)', async () => {
		expect(await readStoredAttempts(2000)).toEqual([]);
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
	});

	it('reads the stored rows as they are, and leaves the database usable by Dexie', async () => {
		const repo = await DexieProgressRepository.open(DB_NAME);
		const id = await repo.save({ moduleId: 'demo', moduleVersion: '1.0.0', status: 'active', state: { node: 'a' }, progress: 0.5, percent: 0, passed: false, startedAt: 1, updatedAt: 2 });
		await repo.db.table('attempts').put({ id: 99, hello: 'world' });
		const rows = (await readStoredAttempts(2000)) as { id: number }[];
		expect(rows.map((r) => r.id).sort()).toEqual([id, 99].sort());
		expect(await repo.list()).toHaveLength(1);
		repo.db.close();
		await deleteDatabase(DB_NAME);
	});
});
