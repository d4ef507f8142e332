/**
 * The catalogue's first read of the stored attempts, without Dexie: Dexie's code (about a third
 * of the first page's script) is then fetched and run after the catalogue is on screen, instead of
 * before it (see README.md "Speed"). Read-only: it never creates, upgrades or writes the database;
 * whatever it cannot read plainly is left to the Dexie repository (which sets damaged records aside
 * and says so).
 */
export const DB_NAME = 'koers';

/**
 * The rows of the attempts store as they are; [] when there is no database yet (a first visit);
 * null when they could not be read this way (IndexedDB blocked or silent, no such store).
 */
export function readStoredAttempts(timeoutMs: number): Promise<unknown[] | null> {
	return new Promise((resolve) => {
		let settled = false;
		const done = (rows: unknown[] | null) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(rows);
		};
		const timer = setTimeout(() => done(null), timeoutMs);
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(DB_NAME);
		} catch {
			return done(null);
		}
		// No database yet: nothing is stored. Abort, so that the database is created by Dexie, with
		// its schema, and not here.
		request.onupgradeneeded = () => {
			done([]);
			request.transaction?.abort();
		};
		request.onerror = (event) => {
			event.preventDefault?.();
			done(null);
		};
		request.onsuccess = () => {
			const db = request.result;
			if (settled || !db.objectStoreNames.contains('attempts')) {
				db.close();
				return done(null);
			}
			try {
				const all = db.transaction('attempts').objectStore('attempts').getAll();
				all.onsuccess = () => (db.close(), done(all.result));
				all.onerror = () => (db.close(), done(null));
			} catch {
				db.close();
				done(null);
			}
		};
	});
}

let reading: Promise<unknown[] | null> | undefined;
let taken = false;

/** The first read, started once by src/hooks.client.ts as soon as the app's entry runs. */
export function firstRead(timeoutMs = 4000): Promise<unknown[] | null> {
	return (reading ??= readStoredAttempts(timeoutMs));
}

/**
 * The first read for the one page it is for: the first catalogue of this page load. Null after
 * that, since attempts saved later are not in it (back on the catalogue, ask the repository).
 */
export function takeFirstRead(): Promise<unknown[] | null> | null {
	return takeOnce();
}

/** The first page was not the catalogue: by the time it is shown, the first read may be stale. */
export function discardFirstRead() {
	taken = true;
}

function takeOnce(): Promise<unknown[] | null> | null {
	if (taken) return null;
	taken = true;
	return firstRead();
}
