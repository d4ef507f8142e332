import type { Evaluation, InstrumentAnswer, LearnerAction, LoadedModule, ModuleIssue, SavedState, Scenario } from '$lib/engine';
import { newShuffleSeed } from '$lib/engine/shuffle';
import type { ModuleSource } from '$lib/content/module-source';
import type { I18n } from '$lib/i18n/i18n.svelte';
import { AttemptExistsError, StaleWriteError, type AttemptRecord, type ProgressRepository } from '$lib/storage/progress-repository';
import { afterNextPaint } from './step-timing';
import type { TabPresence } from './tab-presence';
import { NoLmsTracker, type Tracker } from '$lib/tracking/tracker';

/** What the player page shows. */
export type PlayerView =
	| { kind: 'loading' }
	| { kind: 'broken'; issues: ModuleIssue[]; notFound: boolean }
	| { kind: 'failed'; detail: string }
	| { kind: 'start' }
	| { kind: 'unreadable'; reason: 'corrupt' | 'incompatible'; detail: string }
	| { kind: 'play' };

export interface PlayerDeps {
	source: ModuleSource;
	repository: ProgressRepository;
	i18n: I18n;
	tracker?: Tracker;
	/** Tells other tabs on the same module that this one took over (optional: none in tests). */
	presence?: TabPresence;
	now?: () => number;
}

/** A learner who leaves the page visible and walks away should not be credited for hours. */
const MAX_COUNTED_INTERVAL_MS = 15 * 60 * 1000;

/**
 * The only place where runes meet the engine: holds the loaded module and the learner's state,
 * turns their actions into engine calls, and saves every step at once. Components read its
 * getters and call its methods; they never touch storage or the engine directly.
 */
export class Player {
	view = $state.raw<PlayerView>({ kind: 'loading' });
	loaded = $state.raw<LoadedModule | null>(null);
	state = $state.raw<SavedState | null>(null);
	/** Earlier attempts of this module, newest first (for the result page). */
	history = $state.raw<AttemptRecord[]>([]);
	/** A problem saving locally, shown to the learner; null when all is well. */
	storageProblem = $state<string | null>(null);
	/** True when this visit restored saved progress (focus is then not moved on first render). */
	resumed = $state(false);
	/** Incremented on every step; components use it to move focus and announce. */
	stepCount = $state(0);
	/** An i18n key of a problem with the LMS (it cannot be reached, or does not save), or null. */
	lmsProblem = $state<string | null>(null);
	/**
	 * The module was opened in another tab after this one, or another tab saved newer progress:
	 * this tab stops saving (it never overwrites newer progress) until the learner takes over.
	 */
	otherTab = $state(false);
	/** The languages whose module texts are loaded (the player fetches the one it shows first). */
	textLanguages = $state.raw<string[]>([]);
	/**
	 * An i18n key of something the learner should know about the step on screen (shown while
	 * stepCount equals `step`), e.g. that another tab had already begun this module.
	 */
	notice = $state.raw<{ key: string; step: number } | null>(null);

	private attemptId: number | undefined;
	/** The LMS's id of the learner (SCORM packages), kept with every local record. */
	private learnerId: string | undefined;
	/** The revision of the attempt as last read or written by this tab (see AttemptRecord.revision). */
	private revision = 0;
	/** updatedAt of the newest own record this tab has read or written: a newer active one is another tab's. */
	private seenUpdatedAt: number | undefined;
	private saving: Promise<unknown> = Promise.resolve();
	private activeSince: number | null = null;
	private readonly tracker: Tracker;
	private readonly now: () => number;
	/** Counts calls of open(): a load that a newer one overtook drops its results (see open). */
	private openCount = 0;

	constructor(private deps: PlayerDeps) {
		this.tracker = deps.tracker ?? new NoLmsTracker();
		this.lmsProblem = this.tracker.problem;
		this.tracker.listen((problem) => (this.lmsProblem = problem));
		this.now = deps.now ?? Date.now;
		if (!deps.repository.persistent) this.storageProblem = deps.repository.unavailable === 'no-answer' ? 'player.storageNoAnswer' : 'player.storageUnavailable';
		deps.presence?.onTakenOver((id) => {
			if (id === this.moduleId) this.otherTab = true;
		});
	}

	get scenario(): Scenario | null {
		return this.loaded?.scenario ?? null;
	}
	/** Whether this attempt is reported to an LMS (a SCORM package that found its LMS). */
	get reportsToLms(): boolean {
		return this.tracker.kind !== 'none';
	}
	get moduleId(): string | null {
		return this.loaded?.module.id ?? null;
	}
	/** Loads a module and the learner's progress in it. Never throws: problems become a view. */
	async open(moduleId: string) {
		const load = ++this.openCount;
		// open() may run again before an earlier call finished (a new route, "take over", "retry"):
		// only the newest call may set what the page shows.
		const stale = () => load !== this.openCount;
		this.view = { kind: 'loading' };
		this.notice = null;
		this.loaded = null;
		this.state = null;
		this.attemptId = undefined;
		this.revision = 0;
		this.otherTab = false;
		let result;
		try {
			result = await this.deps.source.load(moduleId, this.deps.i18n.language);
		} catch (e) {
			if (stale()) return;
			this.view = { kind: 'failed', detail: (e as Error).message };
			return;
		}
		if (stale()) return;
		if (!result.ok) {
			this.view = { kind: 'broken', issues: result.issues, notFound: result.issues.some((i) => i.code === 'not-found') };
			return;
		}
		const loaded = result.loaded;
		for (const [lang, texts] of Object.entries(loaded.locales)) this.deps.i18n.addModuleTexts(loaded.module.id, lang, texts);
		this.textLanguages = Object.keys(loaded.locales);
		this.loaded = loaded;
		const scenario = loaded.scenario;

		const fromLms = await this.tracker.start(scenario);
		if (stale()) return;
		this.learnerId = fromLms.learnerId;
		let record: AttemptRecord | undefined;
		let history = this.history;
		const setAsideBefore = this.deps.repository.setAsideOnRead.length;
		try {
			record = await this.deps.repository.latest(moduleId);
			history = (await this.deps.repository.list(moduleId)).filter(this.ownAttempt);
			// A shared device: progress kept here for another LMS learner is not this learner's to continue.
			if (record && !this.ownAttempt(record)) record = undefined;
			// A new LMS attempt starts at the beginning: the device's earlier attempt stays in the
			// history, set aside so that no later launch (nor the check for another tab's attempt when
			// the learner begins) continues it.
			if (record && fromLms.freshAttempt) {
				if (record.status === 'active') await this.deps.repository.save({ ...record, status: 'abandoned', revision: (record.revision ?? 0) + 1 }).catch(() => {});
				record = undefined;
			}
		} catch {
			this.storageProblem = 'player.storageFailed';
		}
		if (stale()) return;
		this.history = history;
		this.seenUpdatedAt = record?.updatedAt;
		// A record of this module that could not be read was set aside: the learner hears why.
		const setAside = this.deps.repository.setAsideOnRead.slice(setAsideBefore).find((r) => r.moduleId === moduleId);
		if (setAside) this.notice = { key: setAside.kind === 'unknown-status' ? 'player.setAsideOtherVersion' : 'player.setAsideDamaged', step: this.stepCount };
		if (fromLms.resumeState) {
			// The LMS holds the record that counts; local reflections are kept when the local record is
			// the same attempt (the compact form keeps the start time to the second).
			const local = record && scenario.restore(record.state);
			const sameAttempt = local && local.ok && Math.round(local.state.startedAt / 1000) === Math.round(fromLms.resumeState.startedAt / 1000);
			const reflections = sameAttempt ? local.state.reflections : {};
			this.attemptId = record?.status === 'active' ? record.id : undefined;
			this.revision = this.attemptId !== undefined ? (record?.revision ?? 0) : 0;
			// Instrument answers are kept on the device only, like reflections.
			const responses = sameAttempt && local.state.responses ? { responses: local.state.responses } : {};
			this.adopt({ ...fromLms.resumeState, ...responses, reflections: { ...reflections, ...fromLms.resumeState.reflections } }, true);
			await this.persist();
			await this.report();
			return;
		}
		if (fromLms.unreadable) {
			// The LMS's copy cannot be read. When this device holds a readable attempt of this learner
			// that is still going on, carry on from it: nothing the learner did is lost, and the report
			// below replaces the LMS's copy. Otherwise the learner is told and can start again; local
			// records are left untouched.
			const local = record?.status === 'active' ? scenario.restore(record.state) : undefined;
			if (record && local?.ok) {
				this.attemptId = record.id;
				this.revision = record.revision ?? 0;
				this.adopt(local.state, true);
				await this.report();
				return;
			}
			this.view = { kind: 'unreadable', reason: fromLms.unreadable.reason === 'corrupt' ? 'corrupt' : 'incompatible', detail: fromLms.unreadable.detail };
			return;
		}
		if (!record) {
			this.view = { kind: 'start' };
			return;
		}
		const restored = scenario.restore(record.state);
		if (!restored.ok) {
			this.attemptId = record.id;
			this.view = { kind: 'unreadable', reason: restored.reason === 'corrupt' ? 'corrupt' : 'incompatible', detail: restored.detail };
			return;
		}
		this.attemptId = record.id;
		this.revision = record.revision ?? 0;
		this.adopt(restored.state, true);
		await this.report();
	}

	private adopt(state: SavedState, resumed: boolean) {
		this.state = state;
		this.resumed = resumed;
		this.view = { kind: 'play' };
		if (this.moduleId) this.deps.presence?.announce(this.moduleId);
		this.activeSince = this.now();
	}

	/** Starts a new attempt (first time, or "start again": earlier attempts are kept). */
	async begin() {
		const scenario = this.scenario;
		if (!scenario) return;
		const previous = this.attemptId;
		if (this.view.kind === 'start' && (await this.startedElsewhere(scenario.module.id))) return;
		if (this.view.kind === 'unreadable' && previous !== undefined) {
			await this.deps.repository.setAside(previous, `${this.view.reason}: ${this.view.detail}`, (await this.deps.repository.list(scenario.module.id)).find((a) => a.id === previous)).catch(() => {});
		} else if (this.state && !this.state.completedAt && previous !== undefined) {
			await this.writeRecord('abandoned');
		}
		this.attemptId = undefined;
		this.revision = 0;
		// Each attempt shows options and quiz answers in an order of its own (kept in the saved state).
		this.adopt(scenario.start(this.now(), newShuffleSeed()), false);
		this.stepCount++;
		await this.persist();
		if (this.attemptId === undefined && (await this.startedElsewhere(scenario.module.id))) return;
		await this.report();
		this.history = await this.deps.repository.list(scenario.module.id).then((list) => list.filter(this.ownAttempt)).catch(() => this.history);
	}

	/**
	 * Another tab began this module (or carried on with it) after this tab loaded its start page:
	 * rather than a second attempt that would hide the first one's progress, carry on with that
	 * attempt here and say so. Returns whether it did.
	 */
	private async startedElsewhere(moduleId: string): Promise<boolean> {
		const latest = await this.deps.repository.latest(moduleId).catch(() => undefined);
		if (!latest || latest.status !== 'active' || !this.ownAttempt(latest) || latest.updatedAt <= (this.seenUpdatedAt ?? -Infinity)) return false;
		await this.open(moduleId);
		if (this.view.kind !== 'play') return true;
		this.stepCount++;
		this.notice = { key: 'player.startedElsewhere', step: this.stepCount };
		return true;
	}

	/** Applies what the learner did, saves, and tells the tracker. */
	async act(action: LearnerAction) {
		const scenario = this.scenario;
		if (!scenario || !this.state || this.otherTab) return;
		const next = scenario.apply(this.countTime(this.state), action, this.now());
		this.state = next;
		this.stepCount++;
		await this.persist(true);
		await this.report();
		if (next.completedAt) {
			this.history = await this.deps.repository.list(scenario.module.id).then((list) => list.filter(this.ownAttempt)).catch(() => this.history);
		}
	}

	continue = () => this.act({ type: 'continue' });
	choose = (option: string) => this.act({ type: 'choose', option });
	answer = (answers: string[]) => this.act({ type: 'answer', answers });
	reflect = (text: string) => this.act({ type: 'reflect', text });
	evaluate = (evaluation: Evaluation) => this.act({ type: 'evaluate', evaluation });
	respond = (answer: InstrumentAnswer) => this.act({ type: 'respond', answer });

	/** The learner has read the feedback on their decision. */
	async acknowledge() {
		if (!this.scenario || !this.state || this.otherTab) return;
		this.state = this.scenario.acknowledgeFeedback(this.countTime(this.state), this.now());
		this.stepCount++;
		await this.persist(true);
		await this.report();
	}

	canGoBack(): boolean {
		return !!this.scenario && !!this.state && this.scenario.canGoBack(this.state);
	}

	async back() {
		if (!this.scenario || !this.state || !this.canGoBack() || this.otherTab) return;
		this.state = this.scenario.goBack(this.countTime(this.state), this.now());
		this.stepCount++;
		await this.persist(true);
		await this.report();
	}

	/** The page was hidden (tab switch, phone locked, closing): stop the clock and save. */
	async pageHidden() {
		if (!this.state || !this.scenario || this.otherTab) return;
		this.state = this.countTime(this.state);
		this.activeSince = null;
		// The LMS is told at once (its calls are synchronous), in case the page does not live to see
		// the local save finish; the local save is queued first, so it still lands first in order.
		const saved = this.persist();
		await this.tracker.flush(this.scenario, this.state);
		await saved;
	}

	/**
	 * pagehide: the page is going away. One kept in the back/forward cache may come back, so it is
	 * only flushed; otherwise the LMS session ends (Terminate, once).
	 */
	async pageLeft(persisted: boolean) {
		if (persisted) return this.pageHidden();
		if (!this.scenario) return;
		// Left before beginning (or at an unreadable record): the LMS session still ends, once.
		if (!this.state) return this.tracker.finish(this.scenario, null);
		this.state = this.countTime(this.state);
		this.activeSince = null;
		const saved = this.persist();
		await this.tracker.finish(this.scenario, this.state);
		await saved;
	}

	/** Whether a local record may be shown and continued: not when it belongs to another LMS learner. */
	private ownAttempt = (record: AttemptRecord) => !record.learnerId || !this.learnerId || record.learnerId === this.learnerId;

	/** Tells the tracker where the learner is; LMS trouble is shown as lmsProblem, never thrown. */
	private async report() {
		if (!this.scenario || !this.state) return;
		// The module's texts are in the interface language when the module has it (and they are loaded).
		const textLanguage = this.textLanguages.includes(this.deps.i18n.language) ? this.deps.i18n.language : undefined;
		await this.tracker.record(this.scenario, this.state, textLanguage).catch(() => {});
	}

	pageVisible() {
		if (this.state && this.activeSince === null) this.activeSince = this.now();
	}

	private countTime(state: SavedState): SavedState {
		if (this.activeSince === null || !this.scenario || state.completedAt) return state;
		const now = this.now();
		const elapsed = Math.min(now - this.activeSince, MAX_COUNTED_INTERVAL_MS);
		this.activeSince = now;
		return this.scenario.addTime(state, elapsed);
	}

	/**
	 * The learner switched the interface language: fetch the module's texts in it, if the module has
	 * that language and they are not loaded yet. Until they arrive the texts stay as they were.
	 */
	async useLanguage(language: string) {
		const module = this.loaded?.module;
		if (!module || !module.languages.includes(language) || this.textLanguages.includes(language) || !this.deps.source.loadTexts) return;
		const result = await this.deps.source.loadTexts(module, language).catch(() => null);
		if (!result?.ok || this.loaded?.module !== module) return;
		this.deps.i18n.addModuleTexts(module.id, language, result.texts);
		this.textLanguages = [...this.textLanguages, language];
	}

	/** The learner chose to continue in this tab: reload the newest saved progress and take over. */
	async takeOver() {
		const id = this.moduleId;
		if (id) await this.open(id);
	}

	/**
	 * Saves the current state; writes are queued so they land in order. After a step, the write
	 * waits until the new step is painted (afterNextPaint: about a frame, 100 ms at most): the save
	 * then does not delay the step on screen. A hidden page saves at once.
	 */
	private persist(afterPaint = false): Promise<void> {
		const done = (this.saving = this.saving
			.then(() => (afterPaint ? afterNextPaint() : undefined))
			.then(() => this.writeRecord())
			.catch(() => {}));
		return done as Promise<void>;
	}

	private async writeRecord(status?: AttemptRecord['status']) {
		const scenario = this.scenario;
		const state = this.state;
		if (!scenario || !state || this.otherTab) return;
		const score = scenario.scoreOf(state);
		const record: AttemptRecord = {
			...(this.attemptId !== undefined ? { id: this.attemptId } : {}),
			moduleId: scenario.module.id,
			moduleVersion: scenario.module.version,
			status: status ?? (state.completedAt ? 'completed' : 'active'),
			state: $state.snapshot(state),
			progress: scenario.progressOf(state),
			percent: score.percent,
			passed: score.passed,
			startedAt: state.startedAt,
			updatedAt: state.updatedAt,
			...(this.learnerId ? { learnerId: this.learnerId } : {}),
			revision: this.revision + 1,
			...(state.completedAt ? { completedAt: state.completedAt } : {})
		};
		try {
			// A new attempt is checked against the others in the same transaction (see startAttempt).
			this.attemptId = await (this.attemptId === undefined && record.status === 'active' ? this.deps.repository.startAttempt(record, this.seenUpdatedAt) : this.deps.repository.save(record));
			this.revision = record.revision!;
			this.seenUpdatedAt = record.updatedAt;
			if (this.storageProblem === 'player.storageFailed' || this.storageProblem === 'player.storageFull') this.storageProblem = null;
		} catch (e) {
			if (e instanceof StaleWriteError) this.otherTab = true;
			else if (e instanceof AttemptExistsError) return; // begin() carries on with that attempt
			else if (!this.deps.repository.persistent) this.storageProblem = 'player.storageUnavailable';
			else this.storageProblem = (e as Error)?.name === 'QuotaExceededError' ? 'player.storageFull' : 'player.storageFailed';
		}
	}

	/** Waits until every queued save has landed (tests and page hide). */
	settled(): Promise<unknown> {
		return this.saving;
	}
}
