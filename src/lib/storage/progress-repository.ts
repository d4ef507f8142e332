/**
 * The storage port: where attempts are kept. The player depends on this interface only; the Dexie
 * adapter is the real one, the in-memory one serves tests and browsers that block IndexedDB.
 */
export type AttemptStatus = 'active' | 'completed' | 'abandoned';

export interface AttemptRecord {
	id?: number;
	moduleId: string;
	moduleVersion: string;
	status: AttemptStatus;
	/** The engine's SavedState. Typed loosely: what comes back from disk is checked by the engine. */
	state: unknown;
	/** Summary for the catalogue, so it need not load every module. */
	progress: number;
	percent: number;
	passed: boolean;
	startedAt: number;
	updatedAt: number;
	completedAt?: number;
	/**
	 * How many times this attempt has been saved. A save must carry a higher number than the stored
	 * copy, so a second tab holding an older copy cannot overwrite newer progress. Records saved
	 * before this field existed count as 0.
	 */
	revision?: number;
	/** The LMS's id of the learner whose attempt this is (SCORM packages); absent when standalone. */
	learnerId?: string;
}

/**
 * A save was refused because the stored attempt is newer than the copy being saved: the same
 * module is (or was) open in another tab that saved since this one read it.
 */
export class StaleWriteError extends Error {
	readonly name = 'StaleWriteError';
	constructor(
		readonly id: number,
		readonly stored: number,
		readonly attempted: number
	) {
		super(`Attempt ${id} was saved elsewhere (revision ${stored}); this copy (revision ${attempted}) is older and was not written.`);
	}
}

/**
 * A new attempt was refused because another tab began (or carried on with) an attempt of the same
 * module after this tab last looked: two active attempts would hide one learner's progress.
 */
export class AttemptExistsError extends Error {
	readonly name = 'AttemptExistsError';
	constructor(readonly id: number) {
		super(`An attempt of this module (${id}) was begun elsewhere; no second one was started.`);
	}
}

/** Whether two records may belong to the same learner (records without a learner match anyone). */
export function sameLearner(a: { learnerId?: string }, b: { learnerId?: string }) {
	return !a.learnerId || !b.learnerId || a.learnerId === b.learnerId;
}

/** The active attempt of the learner of `record` that was saved after `seenUpdatedAt`, if any. */
export function activeAttemptSince(rows: AttemptRecord[], record: AttemptRecord, seenUpdatedAt: number | undefined) {
	return rows.find((a) => a.moduleId === record.moduleId && a.status === 'active' && sameLearner(a, record) && a.updatedAt > (seenUpdatedAt ?? -Infinity));
}

export interface SetAsideRecord {
	id?: number;
	reason: string;
	record: unknown;
	at: number;
}

export interface ProgressRepository {
	/** Whether progress survives a reload (false when the browser blocks IndexedDB). */
	readonly persistent: boolean;
	/** The newest attempt of a module that is active or completed (not abandoned). */
	latest(moduleId: string): Promise<AttemptRecord | undefined>;
	/** All attempts, newest first, optionally of one module. */
	list(moduleId?: string): Promise<AttemptRecord[]>;
	/** Inserts or updates; returns the id. Rejects with StaleWriteError rather than overwrite a newer revision. */
	save(record: AttemptRecord): Promise<number>;
	/**
	 * Inserts a new active attempt, unless an active attempt of the same module and learner was
	 * saved after `seenUpdatedAt` (the newest record the caller knew of): then rejects with
	 * AttemptExistsError. The check and the write are one transaction, so two tabs that begin at
	 * the same moment still make one attempt.
	 */
	startAttempt(record: AttemptRecord, seenUpdatedAt: number | undefined): Promise<number>;
	/** Moves a record that cannot be read out of the way, keeping a copy for support. */
	setAside(id: number | undefined, reason: string, record: unknown): Promise<void>;
	/** Wipes everything this app stored on the device. */
	forgetAll(): Promise<void>;
}

function newestFirst(a: AttemptRecord, b: AttemptRecord) {
	return b.updatedAt - a.updatedAt || (b.id ?? 0) - (a.id ?? 0);
}

/** Keeps attempts in memory only: for tests, and when IndexedDB is unavailable. */
export class MemoryProgressRepository implements ProgressRepository {
	readonly persistent: boolean;
	private attempts = new Map<number, AttemptRecord>();
	readonly setAsideRecords: SetAsideRecord[] = [];
	private nextId = 1;

	constructor(options: { persistent?: boolean } = {}) {
		this.persistent = options.persistent ?? false;
	}

	async latest(moduleId: string) {
		return (await this.list(moduleId)).find((a) => a.status !== 'abandoned');
	}
	async list(moduleId?: string) {
		return [...this.attempts.values()].filter((a) => !moduleId || a.moduleId === moduleId).map((a) => structuredClone(a)).sort(newestFirst);
	}
	async save(record: AttemptRecord) {
		const stored = record.id !== undefined ? this.attempts.get(record.id) : undefined;
		if (stored && record.revision !== undefined && (stored.revision ?? 0) >= record.revision) throw new StaleWriteError(record.id!, stored.revision ?? 0, record.revision);
		const id = record.id ?? this.nextId++;
		this.attempts.set(id, structuredClone({ ...record, id }));
		return id;
	}
	async startAttempt(record: AttemptRecord, seenUpdatedAt: number | undefined) {
		const existing = activeAttemptSince([...this.attempts.values()], record, seenUpdatedAt);
		if (existing) throw new AttemptExistsError(existing.id!);
		return this.save(record);
	}
	async setAside(id: number | undefined, reason: string, record: unknown) {
		if (id !== undefined) this.attempts.delete(id);
		this.setAsideRecords.push({ reason, record, at: Date.now() });
	}
	async forgetAll() {
		this.attempts.clear();
		this.setAsideRecords.length = 0;
	}
}
