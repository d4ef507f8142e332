/**
 * The catalogue's first read of the stored attempts, without Dexie: Dexie's code (about a third
 * of the first page's script) is then fetched and run after the catalogue is on screen, instead of
 * before it (see README.md "Speed"). Read-only: it never creates, upgrades or writes the database;
 * whatever it cannot read plainly is left to the Dexie repository (which sets damaged records aside
 * and says so).
 */
export const DB_NAME = 'koers';

/**
 * The opening of the database that index.html starts in its head (src/app.html), while the page
 * still waits for its scripts: the browser's storage work then runs while the page is idle, not
 * beside the app's start-up on the same two cores (README.md, "Speed"). It marks a database that
 * did not exist (its creation is aborted: Dexie creates it, with its schema) and closes its
 * connection when another asks to upgrade. Taken once; absent in tests, in the dev server and where
 * the head script could not run.
 */
type EarlyOpen = IDBOpenDBRequest & { koersNoDatabase?: boolean };
function takeEarlyOpen(): EarlyOpen | undefined {
	const holder = globalThis as { koersFirstOpen?: EarlyOpen };
	const early = holder.koersFirstOpen;
	delete holder.koersFirstOpen;
	return early;
}

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
		const read = (db: IDBDatabase) => {
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
		const early = takeEarlyOpen();
		if (early) {
			// Its own handlers (the head script's) already abort a creation and mark it. Whatever goes
			// wrong with it (a browser whose opening never answers), the timer answers.
			try {
				const outcome = () => {
					try {
						if (early.koersNoDatabase) done([]);
						else if (early.error) done(null);
						else read(early.result);
					} catch {
						done(null);
					}
				};
				if (early.readyState === 'done') return outcome();
				early.addEventListener('success', outcome);
				early.addEventListener('error', outcome);
			} catch {
				/* not a request: the timer answers */
			}
			return;
		}
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
		request.onsuccess = () => read(request.result);
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
