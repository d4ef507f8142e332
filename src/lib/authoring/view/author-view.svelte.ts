/**
 * The author view's state (dev server only, #/author): checker results per module, the chart of
 * one module, a preview player positioned at any node, a stand-in LMS, and live updates when a
 * module's files change. Components render it and call its methods; everything else is here.
 *
 * Nothing here may be imported by the learner's app: the route loads it with a dynamic import
 * behind `import.meta.env.DEV`, so a production build leaves it out (tests/authoring/
 * production-bundle.e2e.ts checks that).
 */
import * as scorm12 from 'scorm-again/scorm12';
import type { GuardRef, LoadedModule, SavedState } from '$lib/engine';
import type { CatalogueEntry, ModuleSource } from '$lib/content/module-source';
import { I18n, UI_LANGUAGES, type LanguageMemory, type UiLanguage } from '$lib/i18n/i18n.svelte';
import { Player } from '$lib/player/player.svelte';
import { MemoryProgressRepository, type AttemptRecord } from '$lib/storage/progress-repository';
import { Scorm12Tracker } from '$lib/tracking/scorm12';
import { buildDiagram, edgesAlong, type Diagram, type DiagramWords } from '../chart-diagram';
import type { ModuleCheck } from '../dev-check';
import { RecordingLms, type LmsSnapshot } from '../lms-recorder';
import { keepPosition, stateAt } from '../preview';
import en from './locales/en.json';
import nl from './locales/nl.json';

/** The dev server's checker endpoint (src/tools/modules-plugin.js). */
export const CHECK_ENDPOINT = '/__koers/check';
/** The HMR event the plugin sends when a module's files change. */
export const MODULE_CHANGED = 'koers:module-changed';
/** The i18next namespace of the author view's own strings (kept out of the learner's bundle). */
export const AUTHOR_NS = 'author';

// scorm-again's types declare a default export; its ESM build exports the class by name.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof scorm12.default };

/** The preview's language is its own: switching it must not change the author's UI language. */
const previewMemory = (): LanguageMemory => {
	let value: string | null = null;
	return { load: () => value, save: (l) => (value = l), clear: () => (value = null) };
};

export type PreviewNotice = { key: 'keptNode' | 'lostNode' | 'unreachable'; id: string } | null;

export interface AuthorDeps {
	i18n: I18n;
	source: ModuleSource;
	fetch?: typeof fetch;
	now?: () => number;
}

export class AuthorView {
	/** Checker results of every module (the list), or null while loading. */
	modules = $state.raw<ModuleCheck[] | null>(null);
	/** The catalogue, for the modules' titles. */
	catalogue = $state.raw<CatalogueEntry[]>([]);
	listError = $state<string | null>(null);

	moduleId = $state<string | null>(null);
	/** The checker's report on the open module. */
	check = $state.raw<ModuleCheck | null>(null);
	moduleError = $state<string | null>(null);
	notFound = $state(false);
	/** The last version of the module that loaded; kept while the files on disk have errors. */
	loaded = $state.raw<LoadedModule | null>(null);
	/** The files on disk have errors now: the preview gives way to the checker's messages. */
	broken = $state(false);
	player = $state.raw<Player | null>(null);
	notice = $state.raw<PreviewNotice>(null);
	lms = $state.raw<LmsSnapshot | null>(null);
	/** When the open module was last reloaded after a change on disk (ms), or null. */
	updatedAt = $state<number | null>(null);
	/** Bumped on every live update, so tests and people can tell one happened. */
	revision = $state(0);

	readonly previewI18n = new I18n(previewMemory());
	private lmsSession: { recorder: RecordingLms; tracker: Scorm12Tracker } | null = null;
	private sequence = 0;
	/** A module changed while the list was not on screen. */
	listStale = false;
	private listSequence = 0;
	private readonly fetch: typeof fetch;
	private readonly now: () => number;

	constructor(private deps: AuthorDeps) {
		this.fetch = deps.fetch ?? ((...args) => fetch(...args));
		this.now = deps.now ?? Date.now;
		for (const [lang, strings] of [['nl', nl], ['en', en]] as const) deps.i18n.instance.addResourceBundle(lang, AUTHOR_NS, strings, true, true);
	}

	/** An author-view string. */
	t = (key: string, options?: Record<string, unknown>) => this.deps.i18n.t(`${AUTHOR_NS}:${key}`, options);

	get i18n() {
		return this.deps.i18n;
	}
	get source() {
		return this.deps.source;
	}
	get previewLanguage(): UiLanguage {
		return this.previewI18n.language;
	}
	readonly previewLanguages = UI_LANGUAGES;

	/** The chart, in the preview's language (positions do not depend on it). */
	diagram = $derived.by<Diagram | null>(() => {
		const loaded = this.loaded;
		if (!loaded) return null;
		const id = loaded.module.id;
		const lng = this.previewI18n.language;
		const text = (key: string) => (this.previewI18n.hasModuleKey(id, key, lng) ? this.previewI18n.tm(id, key, { lng }) : null);
		return buildDiagram(loaded.module, text, this.words());
	});

	/** The node the learner is at in the preview. */
	current = $derived(this.player?.state?.node ?? null);
	/** The transitions taken in the preview so far. */
	walked = $derived(this.diagram && this.player?.state ? edgesAlong(this.diagram, this.player.state.path) : new Set<string>());

	private words(): DiagramWords {
		return {
			otherwise: this.t('otherwise'),
			guard: (g: GuardRef) => {
				const known = ['scoreAtLeast', 'scoreBelow', 'chose', 'notChose', 'visited', 'answeredCorrectly'];
				return this.t(`guards.${known.includes(g.type) ? g.type : 'other'}`, { ...(g.params ?? {}), type: g.type });
			},
			points: (points: number) => this.t('points', { points: `${points > 0 ? '+' : ''}${points}` })
		};
	}

	private async getChecks(id: string | null): Promise<{ ok: true; modules: ModuleCheck[] } | { ok: false; status: number; error: string }> {
		const query = new URLSearchParams({ lang: this.i18n.language });
		if (id) query.set('id', id);
		try {
			const response = await this.fetch(`${CHECK_ENDPOINT}?${query}`, { cache: 'no-store' });
			const body = (await response.json()) as { modules?: ModuleCheck[]; error?: string };
			if (!response.ok || !body.modules) return { ok: false, status: response.status, error: body.error ?? `HTTP ${response.status}` };
			return { ok: true, modules: body.modules };
		} catch (e) {
			return { ok: false, status: 0, error: (e as Error).message };
		}
	}

	/** A module's title in the author's language (its id while unknown). */
	title(id: string): string {
		const entry = this.catalogue.find((e) => e.id === id);
		return entry?.titles[this.i18n.language] ?? Object.values(entry?.titles ?? {})[0] ?? id;
	}

	/** Loads (or reloads) the checker results of every module. */
	async refreshList() {
		const sequence = ++this.listSequence;
		const [result, catalogue] = await Promise.all([this.getChecks(null), this.source.catalogue().catch(() => this.catalogue)]);
		this.catalogue = catalogue;
		if (sequence !== this.listSequence) return;
		if (result.ok) {
			this.modules = result.modules;
			this.listError = null;
		} else this.listError = result.error;
	}

	/** Opens a module: its check, its chart, and a preview at its first node. */
	async open(id: string | null) {
		if (id === this.moduleId && (this.loaded || this.check)) return;
		this.moduleId = id;
		this.check = null;
		this.loaded = null;
		this.broken = false;
		this.player = null;
		this.notice = null;
		this.notFound = false;
		this.moduleError = null;
		this.updatedAt = null;
		this.lmsSession = null;
		this.lms = null;
		if (!id) return;
		if (!this.catalogue.some((e) => e.id === id)) this.source.catalogue().then((c) => (this.catalogue = c), () => {});
		await this.reload(null);
	}

	/**
	 * Reads the module again (check and files) and puts the preview back where it was: the same
	 * learner state when it still fits, else the same node, else the start.
	 */
	private async reload(keep: SavedState | null) {
		const id = this.moduleId;
		if (!id) return;
		const sequence = ++this.sequence;
		const [checked, load] = await Promise.all([this.getChecks(id), this.source.load(id).catch((e: Error) => ({ ok: false as const, issues: [], error: e.message }))]);
		if (sequence !== this.sequence || id !== this.moduleId) return;
		if (!checked.ok) {
			this.notFound = checked.status === 404;
			this.moduleError = checked.error;
			this.check = null;
			this.broken = true;
			return;
		}
		this.notFound = false;
		this.moduleError = null;
		this.check = checked.modules[0];
		if (!load.ok || this.check.errors > 0) {
			// The checker says more than the loader; only if it found nothing is the loader's word shown.
			if (!load.ok && this.check.errors === 0) this.moduleError = 'error' in load ? load.error : load.issues.map((i) => i.message).join(' ');
			this.broken = true;
			return;
		}
		this.broken = false;
		const loaded = load.loaded;
		for (const [lang, texts] of Object.entries(loaded.locales)) this.previewI18n.addModuleTexts(loaded.module.id, lang, texts);
		this.loaded = loaded;
		const scenario = loaded.scenario;
		if (keep) {
			const position = keepPosition(keep, scenario, this.now());
			this.notice = position.kept === 'none' ? { key: 'lostNode', id: keep.node } : position.kept === 'node' ? { key: 'keptNode', id: keep.node } : null;
			await this.play(loaded, position.state, false);
		} else {
			const position = stateAt(scenario, scenario.module.machine.initial, this.now());
			await this.play(loaded, position.state, true);
		}
	}

	/** The author picked a node in the chart: a fresh play (and LMS session) positioned there. */
	async preview(nodeId: string) {
		const loaded = this.loaded;
		if (!loaded || this.broken) return;
		const position = stateAt(loaded.scenario, nodeId, this.now());
		this.notice = position.reachable ? null : { key: 'unreachable', id: nodeId };
		await this.play(loaded, position.state, true);
	}

	async setPreviewLanguage(language: UiLanguage) {
		await this.previewI18n.setLanguage(language);
	}

	/** The dev server says a module's files changed. */
	async changed(id: string) {
		// The list is only on screen when no module is open; it is read again when it comes back.
		// (Checking every module would also hold up the check of the one being previewed.)
		if (this.moduleId === null) return this.refreshList();
		this.listStale = true;
		if (id !== this.moduleId) return;
		await this.reload(this.player?.state ?? null);
		this.updatedAt = this.now();
		this.revision++;
	}

	/** The author's language changed: the checker's messages come in that language. */
	async languageChanged() {
		await this.refreshList();
		if (this.moduleId) {
			const checked = await this.getChecks(this.moduleId);
			if (checked.ok) this.check = checked.modules[0];
		}
	}

	private async play(loaded: LoadedModule, state: SavedState, freshLms: boolean) {
		if (freshLms || !this.lmsSession) this.lmsSession = this.newLmsSession();
		const scenario = loaded.scenario;
		const repository = new MemoryProgressRepository({ persistent: true });
		const score = scenario.scoreOf(state);
		const record: AttemptRecord = {
			moduleId: loaded.module.id,
			moduleVersion: loaded.module.version,
			status: state.completedAt ? 'completed' : 'active',
			state,
			progress: scenario.progressOf(state),
			percent: score.percent,
			passed: score.passed,
			startedAt: state.startedAt,
			updatedAt: state.updatedAt,
			revision: 1
		};
		await repository.save(record);
		// The player loads exactly this version of the module (the one the chart shows); anything
		// else it asks the source for (files, texts) comes from the real one.
		const source: ModuleSource = Object.assign(Object.create(this.source) as ModuleSource, { load: async () => ({ ok: true as const, loaded }) });
		const player = new Player({ source, repository, i18n: this.previewI18n, tracker: this.lmsSession.tracker, now: this.now });
		await player.open(loaded.module.id);
		this.player = player;
	}

	private newLmsSession() {
		const runtime = new Scorm12API({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
		// The preview continues the position it prepared on the device: a resumed LMS attempt, not a
		// new one (a new one starts at the beginning, src/lib/tracking/scorm-tracker.ts).
		runtime.loadFromFlattenedJSON({ 'cmi.core.entry': 'resume' });
		const recorder = new RecordingLms(runtime as never);
		recorder.listen((snapshot) => (this.lms = snapshot));
		this.lms = recorder.snapshot();
		return { recorder, tracker: new Scorm12Tracker(recorder.api, { now: this.now }) };
	}
}
