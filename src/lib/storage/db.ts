import Dexie, { type EntityTable } from 'dexie';
import { activeAttemptSince, AttemptExistsError, checkAttemptRecord, StaleWriteError, type AttemptRecord, type ProgressRepository, type SetAsideOnRead, type SetAsideRecord } from './progress-repository';

import { DB_NAME } from './first-read';

export { DB_NAME };
/**
 * How long the app waits for IndexedDB to open before it plays without saving. It opens in tens
 * of milliseconds; one that has not answered after seconds (an upgrade blocked by an old tab, a
 * broken browser profile) may never answer, and the learner must not face a blank page.
 */
export const OPEN_TIMEOUT_MS = 4000;

/**
 * The one Dexie database of the app. Never edit a shipped version(n): add version(n+1) with an
 * upgrade (dexie.org/docs/Tutorial/Design#database-versioning).
 */
export class KoersDatabase extends Dexie {
	attempts!: EntityTable<AttemptRecord, 'id'>;
	setAside!: EntityTable<SetAsideRecord, 'id'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores({
			attempts: '++id, moduleId, [moduleId+updatedAt], status',
			setAside: '++id, at'
		});
		// A newer build in another tab wants to upgrade the schema: let it; this tab reopens on next load.
		this.on('versionchange', () => {
			this.close();
			return false;
		});
	}
}

/** True for a record fit to use; anything else in the table is set aside when read. */
function looksLikeAttempt(value: unknown): value is AttemptRecord {
	return checkAttemptRecord(value) === null;
}

/** The storage port on IndexedDB, through Dexie. */
export class DexieProgressRepository implements ProgressRepository {
	readonly persistent = true;
	readonly setAsideOnRead: SetAsideOnRead[] = [];
	constructor(readonly db: KoersDatabase) {}

	/** Opens the database; rejects when the browser blocks IndexedDB (e.g. some private windows). */
	static async open(name = DB_NAME): Promise<DexieProgressRepository> {
		const db = new KoersDatabase(name);
		await db.open();
		return new DexieProgressRepository(db);
	}

	async latest(moduleId: string) {
		return (await this.list(moduleId)).find((a) => a.status !== 'abandoned');
	}

	async list(moduleId?: string) {
		const rows: unknown[] = moduleId ? await this.db.attempts.where('moduleId').equals(moduleId).toArray() : await this.db.attempts.toArray();
		const good: AttemptRecord[] = [];
		for (const row of rows) {
			const wrong = checkAttemptRecord(row);
			if (!wrong) {
				good.push(row as AttemptRecord);
				continue;
			}
			const moduleId = (row as { moduleId?: unknown }).moduleId;
			await this.setAside((row as { id?: number }).id, `unreadable attempt record: ${wrong.problem}`, row);
			this.setAsideOnRead.push({ moduleId: wrong.kind === 'no-module' || typeof moduleId !== 'string' ? null : moduleId, ...wrong });
		}
		return good.sort((a, b) => b.updatedAt - a.updatedAt || (b.id ?? 0) - (a.id ?? 0));
	}

	/**
	 * Reads the stored copy and writes in one transaction, so a tab holding an older copy of the
	 * attempt can never overwrite a newer one (see StaleWriteError).
	 */
	async save(record: AttemptRecord) {
		return this.db.transaction('rw', this.db.attempts, async () => {
			if (record.id !== undefined && record.revision !== undefined) {
				const stored = await this.db.attempts.get(record.id);
				if (stored && (stored.revision ?? 0) >= record.revision) throw new StaleWriteError(record.id, stored.revision ?? 0, record.revision);
			}
			return (await this.db.attempts.put(record)) as number;
		});
	}

	async startAttempt(record: AttemptRecord, seenUpdatedAt: number | undefined) {
		return this.db.transaction('rw', this.db.attempts, async () => {
			const rows = await this.db.attempts.where('moduleId').equals(record.moduleId).toArray();
			const existing = activeAttemptSince(rows.filter(looksLikeAttempt), record, seenUpdatedAt);
			if (existing) throw new AttemptExistsError(existing.id!);
			return (await this.db.attempts.add(record)) as number;
		});
	}

	async setAside(id: number | undefined, reason: string, record: unknown) {
		await this.db.transaction('rw', this.db.attempts, this.db.setAside, async () => {
			await this.db.setAside.add({ reason, record, at: Date.now() });
			if (id !== undefined) await this.db.attempts.delete(id);
		});
	}

	/** Records set aside, oldest first (for support and tests). */
	async setAsideRecords(): Promise<SetAsideRecord[]> {
		return this.db.setAside.orderBy('at').toArray();
	}

	async forgetAll() {
		await this.db.transaction('rw', this.db.attempts, this.db.setAside, async () => {
			await this.db.attempts.clear();
			await this.db.setAside.clear();
		});
	}
}

/** Deletes a whole database (tests). */
export function deleteDatabase(name: string): Promise<void> {
	return Dexie.delete(name);
}

/**
 * The repository to use in the browser: Dexie when IndexedDB works, else memory, so the player
 * still runs and can tell the learner their progress will not be kept.
 */
async function openProgressRepository(): Promise<ProgressRepository> {
	const db = new KoersDatabase();
	const opened = db.open();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const noAnswer = new Promise<'no-answer'>((resolve) => (timer = setTimeout(() => resolve('no-answer'), OPEN_TIMEOUT_MS)));
	let unavailable: 'blocked' | 'no-answer';
	try {
		if ((await Promise.race([opened, noAnswer])) !== 'no-answer') return new DexieProgressRepository(db);
		unavailable = 'no-answer';
		// Should it open after all, close it: this visit keeps progress in memory, and an open
		// connection would block a newer build's upgrade in another tab.
		opened.then(() => db.close(), () => {});
	} catch {
		unavailable = 'blocked';
	} finally {
		clearTimeout(timer);
	}
	const { MemoryProgressRepository } = await import('./progress-repository');
	return new MemoryProgressRepository({ persistent: false, unavailable });
}

let opening: Promise<ProgressRepository> | undefined;

/**
 * The browser's repository, opened once: started by src/hooks.client.ts as soon as the app's
 * entry runs, so IndexedDB opens while SvelteKit is still starting up.
 */
export function openingProgressRepository(): Promise<ProgressRepository> {
	return (opening ??= openProgressRepository());
}
