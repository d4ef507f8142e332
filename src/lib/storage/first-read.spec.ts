import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DexieProgressRepository, deleteDatabase } from './db';

// first-read.ts keeps whether its one read was taken in module state: a fresh copy per test.
type FirstRead = typeof import('./first-read');
let firstRead: FirstRead;
beforeEach(async () => {
	vi.resetModules();
	firstRead = await import('./first-read');
});
afterEach(() => vi.unstubAllGlobals());

/** An indexedDB whose open() request does what `answer` makes it do (or never answers). */
function fakeIndexedDb(answer: (request: Record<string, unknown>) => void) {
	return {
		open: () => {
			const request: Record<string, unknown> = {};
			queueMicrotask(() => answer(request));
			return request;
		}
	};
}

describe('readStoredAttempts (the catalogue\'s first read, without Dexie)', () => {
	it('reads nothing on a first visit and does not create the database (Dexie creates it with its schema)', async () => {
		expect(await firstRead.readStoredAttempts(2000)).toEqual([]);
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(firstRead.DB_NAME);
	});

	it('reads the stored rows as they are, and leaves the database usable by Dexie', async () => {
		const repo = await DexieProgressRepository.open(firstRead.DB_NAME);
		const id = await repo.save({ moduleId: 'demo', moduleVersion: '1.0.0', status: 'active', state: { node: 'a' }, progress: 0.5, percent: 0, passed: false, startedAt: 1, updatedAt: 2 });
		await repo.db.table('attempts').put({ id: 99, hello: 'world' });
		const rows = (await firstRead.readStoredAttempts(2000)) as { id: number }[];
		expect(rows.map((r) => r.id).sort()).toEqual([id, 99].sort());
		expect(await repo.list()).toHaveLength(1);
		repo.db.close();
		await deleteDatabase(firstRead.DB_NAME);
	});

	it('leaves a database without an attempts store to the repository (null), unchanged', async () => {
		const open = indexedDB.open(firstRead.DB_NAME, 1);
		open.onupgradeneeded = () => open.result.createObjectStore('other');
		await new Promise((resolve) => (open.onsuccess = resolve));
		open.result.close();
		expect(await firstRead.readStoredAttempts(2000)).toBeNull();
		const db = (await indexedDB.databases()).find((d) => d.name === firstRead.DB_NAME);
		expect(db?.version).toBe(1);
		await deleteDatabase(firstRead.DB_NAME);
	});

	it('is null when IndexedDB refuses, fails, or does not answer, so the repository decides', async () => {
		// A give-up time longer than the test's own: these must answer at once, not by giving up.
		vi.stubGlobal('indexedDB', { open: () => { throw new DOMException('blocked', 'SecurityError'); } });
		expect(await firstRead.readStoredAttempts(60_000)).toBeNull();
		vi.stubGlobal('indexedDB', fakeIndexedDb((request) => (request.onerror as (e: object) => void)({ preventDefault: () => {} })));
		expect(await firstRead.readStoredAttempts(60_000)).toBeNull();
		// No answer at all: the read gives up after its time (here 1 ms).
		vi.stubGlobal('indexedDB', fakeIndexedDb(() => {}));
		expect(await firstRead.readStoredAttempts(1)).toBeNull();
	});
});

describe('the first read is for the first catalogue of a page load only', () => {
	it('hands the read out once; later catalogues ask the repository', async () => {
		const first = firstRead.takeFirstRead();
		expect(first).toBeInstanceOf(Promise);
		expect(firstRead.firstRead()).toBe(first);
		expect(firstRead.takeFirstRead()).toBeNull();
		await first;
	});

	it('is not handed out when the first page was not the catalogue', () => {
		firstRead.discardFirstRead();
		expect(firstRead.takeFirstRead()).toBeNull();
	});
});
