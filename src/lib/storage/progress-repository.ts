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

/** Why a stored record could not be used: each is told to the learner in its own words. */
export type UnreadableKind = 'no-module' | 'unknown-status' | 'damaged';

/** A record set aside when it was read, for the page that read it to tell the learner. */
export interface SetAsideOnRead {
	moduleId: string | null;
	kind: UnreadableKind;
	problem: string;
}

/** The latest moment a JavaScript Date can hold; a later one throws when a page prints it. */
const LATEST_DATE_MS = 8.64e15;
const STATUSES: readonly string[] = ['active', 'completed', 'abandoned'] satisfies AttemptStatus[];
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LATEST_DATE_MS;
const isFraction = (v: unknown, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;

/**
 * Checks every field of a record read from storage (the engine checks `state`). A record from an
 * old build, another app or a damaged disk must not reach a page that would print "NaN%" or throw
 * on its date. Returns null when the record is fit to use, else what is wrong with it.
 */
export function checkAttemptRecord(value: unknown): { kind: UnreadableKind; problem: string } | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'no-module', problem: 'not a record' };
	const r = value as Record<string, unknown>;
	if (typeof r.moduleId !== 'string' || r.moduleId === '' || r.moduleId.length > 200) return { kind: 'no-module', problem: 'no module id' };
	if (!STATUSES.includes(r.status as string)) return { kind: 'unknown-status', problem: `unknown status ${JSON.stringify(r.status)?.slice(0, 40)}` };
	const damaged = (problem: string) => ({ kind: 'damaged' as const, problem });
	if (r.id !== undefined && !(Number.isSafeInteger(r.id) && (r.id as number) > 0)) return damaged('id is broken');
	if (typeof r.moduleVersion !== 'string' || r.moduleVersion.length > 50) return damaged('module version is broken');
	if (typeof r.state !== 'object' || r.state === null) return damaged('no saved state');
	if (!isFraction(r.progress, 1)) return damaged('progress is out of range');
	if (!isFraction(r.percent, 100)) return damaged('percent is out of range');
	if (typeof r.passed !== 'boolean') return damaged('passed is not true or false');
	if (!isTime(r.startedAt) || !isTime(r.updatedAt) || (r.completedAt !== undefined && !isTime(r.completedAt))) return damaged('a date is out of range');
	if (r.revision !== undefined && !(Number.isSafeInteger(r.revision) && (r.revision as number) >= 0)) return damaged('revision is broken');
	if (r.learnerId !== undefined && !(typeof r.learnerId === 'string' && r.learnerId.length <= 4000)) return damaged('learner id is broken');
	return null;
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
	/** Why progress is not kept: IndexedDB refused, or it did not answer in time (see db.ts). */
	readonly unavailable?: 'blocked' | 'no-answer';
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
	/** Records set aside by list() and latest() during this visit, oldest first (see checkAttemptRecord). */
	readonly setAsideOnRead: readonly SetAsideOnRead[];
}

function newestFirst(a: AttemptRecord, b: AttemptRecord) {
	return b.updatedAt - a.updatedAt || (b.id ?? 0) - (a.id ?? 0);
}

/** Keeps attempts in memory only: for tests, and when IndexedDB is unavailable. */
export class MemoryProgressRepository implements ProgressRepository {
	readonly persistent: boolean;
	readonly unavailable?: 'blocked' | 'no-answer';
	private attempts = new Map<number, AttemptRecord>();
	readonly setAsideRecords: SetAsideRecord[] = [];
	/** Memory holds only what this visit saved, so nothing unreadable is ever read back. */
	readonly setAsideOnRead: readonly SetAsideOnRead[] = [];
	private nextId = 1;

	constructor(options: { persistent?: boolean; unavailable?: 'blocked' | 'no-answer' } = {}) {
		this.persistent = options.persistent ?? false;
		this.unavailable = this.persistent ? undefined : (options.unavailable ?? 'blocked');
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
