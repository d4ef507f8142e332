import type { LoadedModule, SavedState } from '$lib/engine';
import type { ModuleSource } from '$lib/content/module-source';
import { moduleTexts } from '$lib/content/texts';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { ProgressRepository } from '$lib/storage/progress-repository';
import { certificateContent, certificateWithheld, downloadName, type CertificateContent } from './certificate';
import { loadDeployment, type Deployment } from '$lib/content/deployment';
import { buildResultRecord, type ResultRecord } from './result-record';

export type ResultsView =
	| { kind: 'loading' }
	/** The module did not load (missing, broken or offline). */
	| { kind: 'module-problem' }
	/** An instrument: no score, pass or certificate; the analysis is at its end. */
	| { kind: 'instrument' }
	/** No finished attempt on this device; `inProgress` when one is under way. */
	| { kind: 'none'; inProgress: boolean }
	| { kind: 'not-found' }
	| { kind: 'ready' };

export interface FinishedAttempt {
	id: number;
	state: SavedState;
	percent: number;
	completedAt: number;
}

export interface DownloadFile {
	name: string;
	data: Uint8Array<ArrayBuffer> | string;
	type: string;
}

/**
 * The results page of one module: the learner's finished attempts on this device, the record of
 * the chosen one (in the learner's language), and the files they can download. Components read
 * its fields and call its methods; they never touch storage or the engine.
 */
export class AttemptResults {
	view = $state.raw<ResultsView>({ kind: 'loading' });
	loaded = $state.raw<LoadedModule | null>(null);
	/** Finished attempts that this version of the module can read, newest first. */
	attempts = $state.raw<FinishedAttempt[]>([]);
	selected = $state.raw<FinishedAttempt | null>(null);

	/** The deployment's settings (its publisher issues the certificate). */
	private deployment: Deployment = { publisher: null };

	constructor(private deps: { source: ModuleSource; repository: ProgressRepository; i18n: I18n; now?: () => number; deployment?: () => Promise<Deployment> }) {}

	/** Why the selected attempt gets no certificate yet (e.g. too little active time), or null. */
	get withheld(): string | null {
		const record = this.record;
		return record ? certificateWithheld(record, this.deps.i18n.t) : null;
	}

	/** Module texts follow the UI language when the module has it, as in the player. */
	get lang(): string {
		const module = this.loaded?.module;
		const ui = this.deps.i18n.language;
		if (!module) return ui;
		return module.languages.includes(ui) ? ui : (module.defaultLanguage ?? module.languages[0]);
	}

	/** BCP 47 locale for dates and numbers in the UI language. */
	get locale(): string {
		return this.deps.i18n.language === 'nl' ? 'nl-NL' : 'en-GB';
	}

	/** The record of the selected attempt, without a name: what the page shows. */
	get record(): ResultRecord | null {
		return this.recordWith('');
	}

	async open(moduleId: string, attemptId?: string) {
		this.view = { kind: 'loading' };
		this.loaded = null;
		this.attempts = [];
		this.selected = null;
		let result;
		const deployment = (this.deps.deployment ?? loadDeployment)();
		try {
			result = await this.deps.source.load(moduleId);
		} catch {
			result = null;
		}
		this.deployment = await deployment;
		if (!result?.ok) {
			this.view = { kind: 'module-problem' };
			return;
		}
		const loaded = result.loaded;
		if (loaded.module.instrument) {
			this.loaded = loaded;
			this.view = { kind: 'instrument' };
			return;
		}
		for (const [lang, texts] of Object.entries(loaded.locales)) this.deps.i18n.addModuleTexts(loaded.module.id, lang, texts);
		const rows = await this.deps.repository.list(moduleId).catch(() => []);
		const finished: FinishedAttempt[] = [];
		for (const row of rows) {
			if (row.status !== 'completed' || row.id === undefined) continue;
			const restored = loaded.scenario.restore(row.state);
			// An attempt of another major version cannot be described with this module's texts.
			if (restored.ok && restored.state.completedAt)
				finished.push({ id: row.id, state: restored.state, percent: row.percent, completedAt: restored.state.completedAt });
		}
		finished.sort((a, b) => b.completedAt - a.completedAt);
		this.loaded = loaded;
		this.attempts = finished;
		if (attemptId !== undefined && attemptId !== '') {
			this.selected = finished.find((a) => String(a.id) === attemptId) ?? null;
			this.view = this.selected ? { kind: 'ready' } : { kind: 'not-found' };
			return;
		}
		this.selected = finished[0] ?? null;
		this.view = this.selected ? { kind: 'ready' } : { kind: 'none', inProgress: rows.some((r) => r.status === 'active') };
	}

	private recordWith(name: string): ResultRecord | null {
		const loaded = this.loaded;
		const attempt = this.selected;
		if (!loaded || !attempt) return null;
		const texts = moduleTexts(this.deps.i18n, this.deps.source, loaded.module.id, this.lang);
		return buildResultRecord(loaded.scenario, attempt.state, texts, { learnerName: name, now: (this.deps.now ?? Date.now)(), publisher: this.deployment.publisher });
	}

	/** The result file (JSON), with the learner's name if they typed one. */
	recordFile(name: string): DownloadFile {
		const record = this.recordWith(name);
		if (!record) throw new Error('No attempt selected.');
		const t = this.deps.i18n.t;
		return { name: downloadName(t('certificate.recordFileName'), record, 'json'), data: JSON.stringify(record, null, 2) + '\n', type: 'application/json' };
	}

	/** What the certificate says, for the print page; throws CertificateError without a name. */
	certificate(name: string): CertificateContent {
		const record = this.recordWith(name);
		if (!record) throw new Error('No attempt selected.');
		const t = this.deps.i18n.t;
		return certificateContent(record, { t: (key, vars) => t(key, vars), locale: this.locale });
	}
}
