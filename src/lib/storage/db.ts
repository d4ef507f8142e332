import { StaleWriteError, type AttemptRecord, type ProgressRepository, type SetAsideRecord } from './progress-repository';

/**
 * The IndexedDB adapter of the storage port, on the plain IndexedDB API. It replaced Dexie (about
 * 30 KB gzip, a fifth of the first page) because the port needs six operations; see README.md,
 * "Size". The schema is the one Dexie created (Dexie's version(1) is IndexedDB version 10, with
 * the same stores and index names), so progress saved by earlier builds opens unchanged.
 *
 * Schema changes: never edit a shipped version; raise DB_VERSION and add an upgrade step in
 * `upgrade` that runs for `oldVersion < DB_VERSION`.
 */
export const DB_NAME = 'koers';
const DB_VERSION = 10;
const ATTEMPTS = 'attempts';
const SET_ASIDE = 'setAside';

function upgrade(db: IDBDatabase, oldVersion: number) {
	if (oldVersion < 10) {
		if (!db.objectStoreNames.contains(ATTEMPTS)) {
			const attempts = db.createObjectStore(ATTEMPTS, { keyPath: 'id', autoIncrement: true });
			attempts.createIndex('moduleId', 'moduleId');
			attempts.createIndex('[moduleId+updatedAt]', ['moduleId', 'updatedAt']);
			attempts.createIndex('status', 'status');
		}
		if (!db.objectStoreNames.contains(SET_ASIDE)) db.createObjectStore(SET_ASIDE, { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
	}
}

/** Opens (and creates or upgrades) the database; rejects when the browser blocks IndexedDB. */
export function openDatabase(name = DB_NAME): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(name, DB_VERSION);
		} catch (e) {
			reject(e);
			return;
		}
		request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
		request.onsuccess = () => {
			const db = request.result;
			// Another tab (a newer build) wants to upgrade: let it, this tab reopens on next load.
			db.onversionchange = () => db.close();
			resolve(db);
		};
		request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
		request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab with an older version open'));
	});
}

function done<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/**
 * Runs `work` in one transaction and resolves with its result once the transaction has committed.
 * `work` must issue all its requests without awaiting anything else, or the transaction commits
 * early (an IndexedDB rule); it gets a `fail` to abort with an error of its own.
 */
function inTransaction<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction, fail: (e: Error) => void) => Promise<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		let tx: IDBTransaction;
		try {
			tx = db.transaction(stores, mode);
		} catch (e) {
			reject(e);
			return;
		}
		let result: T;
		let failure: unknown;
		const fail = (e: Error) => {
			failure = e;
			try {
				tx.abort();
			} catch {
				/* already finished */
			}
		};
		work(tx, fail).then(
			(value) => (result = value),
			(e) => fail(e)
		);
		tx.oncomplete = () => resolve(result);
		// A failed request (a quota error, say) aborts the whole transaction: nothing half-written.
		tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

/** True for a record that looks like one of ours; anything else in the table is set aside. */
function looksLikeAttempt(value: unknown): value is AttemptRecord {
	const r = value as AttemptRecord;
	return typeof r === 'object' && r !== null && typeof r.moduleId === 'string' && typeof r.updatedAt === 'number' && ['active', 'completed', 'abandoned'].includes(r.status);
}

export class IdbProgressRepository implements ProgressRepository {
	readonly persistent = true;
	constructor(readonly db: IDBDatabase) {}

	/** Opens the database; rejects when the browser blocks IndexedDB (e.g. some private windows). */
	static async open(name = DB_NAME): Promise<IdbProgressRepository> {
		return new IdbProgressRepository(await openDatabase(name));
	}

	async latest(moduleId: string) {
		return (await this.list(moduleId)).find((a) => a.status !== 'abandoned');
	}

	async list(moduleId?: string) {
		const rows = await inTransaction(this.db, [ATTEMPTS], 'readonly', (tx) => {
			const store = tx.objectStore(ATTEMPTS);
			return done(moduleId ? store.index('moduleId').getAll(moduleId) : store.getAll());
		});
		const good: AttemptRecord[] = [];
		for (const row of rows) {
			if (looksLikeAttempt(row)) good.push(row);
			else await this.setAside((row as { id?: number }).id, 'unreadable attempt record', row);
		}
		return good.sort((a, b) => b.updatedAt - a.updatedAt || (b.id ?? 0) - (a.id ?? 0));
	}

	/**
	 * Reads the stored copy and writes in one transaction, so a tab holding an older copy of the
	 * attempt can never overwrite a newer one (see StaleWriteError).
	 */
	async save(record: AttemptRecord) {
		return inTransaction(this.db, [ATTEMPTS], 'readwrite', async (tx, fail) => {
			const store = tx.objectStore(ATTEMPTS);
			if (record.id !== undefined && record.revision !== undefined) {
				const stored = (await done(store.get(record.id))) as AttemptRecord | undefined;
				if (stored && (stored.revision ?? 0) >= record.revision) {
					fail(new StaleWriteError(record.id, stored.revision ?? 0, record.revision));
					return record.id;
				}
			}
			return (await done(store.put(record))) as number;
		});
	}

	async setAside(id: number | undefined, reason: string, record: unknown) {
		await inTransaction(this.db, [ATTEMPTS, SET_ASIDE], 'readwrite', async (tx) => {
			const entry: SetAsideRecord = { reason, record, at: Date.now() };
			const added = done(tx.objectStore(SET_ASIDE).add(entry));
			if (id !== undefined) await done(tx.objectStore(ATTEMPTS).delete(id));
			await added;
		});
	}

	/** Records set aside, oldest first (for support and tests). */
	async setAsideRecords(): Promise<SetAsideRecord[]> {
		return inTransaction(this.db, [SET_ASIDE], 'readonly', (tx) => done(tx.objectStore(SET_ASIDE).getAll()));
	}

	async forgetAll() {
		await inTransaction(this.db, [ATTEMPTS, SET_ASIDE], 'readwrite', async (tx) => {
			const a = done(tx.objectStore(ATTEMPTS).clear());
			await done(tx.objectStore(SET_ASIDE).clear());
			await a;
		});
	}
}

/** Deletes a whole database (tests). */
export function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
	});
}

/**
 * The repository to use in the browser: IndexedDB when it works, else memory, so the player
 * still runs and can tell the learner their progress will not be kept.
 */
export async function openProgressRepository(): Promise<ProgressRepository> {
	try {
		return await IdbProgressRepository.open();
	} catch {
		const { MemoryProgressRepository } = await import('./progress-repository');
		return new MemoryProgressRepository({ persistent: false });
	}
}
