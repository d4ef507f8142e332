import type { ModuleSource } from '$lib/content/module-source';
import { moduleTexts } from '$lib/content/texts';
import type { I18n } from '$lib/i18n/i18n.svelte';
import { analyseGroup, choicesCsv, evaluationCsv, labelsFromScenario, MAX_FILE_BYTES, participantsCsv, readFiles, type GroupAnalysis, type ModuleLabels, type ReadFile } from './group';

/** What the trainer page needs of a dropped or picked file (a browser File fits). */
export interface FileLike {
	name: string;
	size: number;
	text(): Promise<string>;
}

export interface CsvFile {
	name: string;
	data: string;
	type: string;
}

/**
 * The trainer's overview: files are read in the browser (never uploaded), kept in memory only,
 * and analysed with the labels of the module itself when this app has it. Components render
 * `analysis` and call the methods.
 */
export class TrainerBoard {
	files = $state.raw<ReadFile[]>([]);
	reading = $state(false);
	moduleId = $state<string | undefined>(undefined);
	/** Module id → its labels in a language; null when the module is not available here. */
	private labels = $state.raw<Record<string, ModuleLabels | null>>({});
	private loading = new Set<string>();

	constructor(private deps: { source: ModuleSource; i18n: I18n }) {}

	/** The overview of the shown module and the files set aside; recomputed when anything changes. */
	analysis: GroupAnalysis = $derived.by(() => {
		const plain = analyseGroup(this.files, { moduleId: this.moduleId });
		const id = plain.overview?.module.id;
		const labels = id ? this.labels[`${id}:${this.deps.i18n.language}`] : undefined;
		return labels ? analyseGroup(this.files, { moduleId: id, labels }) : plain;
	});

	/** Reads files one by one; a file that cannot be read is reported, never fatal. */
	async add(list: Iterable<FileLike>) {
		this.reading = true;
		const next: ReadFile[] = [];
		for (const file of list) {
			if (file.size > MAX_FILE_BYTES) {
				next.push({ name: file.name, problem: { file: file.name, kind: 'too-big', detail: `${file.size} bytes` } });
				continue;
			}
			let text: string;
			try {
				text = await file.text();
			} catch (e) {
				next.push({ name: file.name, problem: { file: file.name, kind: 'not-json', detail: (e as Error).message } });
				continue;
			}
			next.push(...readFiles([{ name: file.name, text }]));
		}
		this.files = [...this.files, ...next];
		this.reading = false;
		await this.loadLabels();
	}

	clear() {
		this.files = [];
		this.moduleId = undefined;
	}

	async show(moduleId: string) {
		this.moduleId = moduleId;
		await this.loadLabels();
	}

	/** Loads the shown module's texts in the UI language, once; the overview works without them. */
	async loadLabels() {
		const overview = this.analysis.overview;
		if (!overview) return;
		const id = overview.module.id;
		const language = this.deps.i18n.language;
		const key = `${id}:${language}`;
		if (key in this.labels || this.loading.has(key)) return;
		this.loading.add(key);
		let labels: ModuleLabels | null = null;
		try {
			const result = await this.deps.source.load(id);
			// Only a module of the same major version names the same options as the files.
			if (result.ok && result.loaded.module.version.split('.')[0] === overview.module.version.split('.')[0]) {
				const { module, locales, scenario } = result.loaded;
				for (const [lang, texts] of Object.entries(locales)) this.deps.i18n.addModuleTexts(module.id, lang, texts);
				const lang = module.languages.includes(language) ? language : (module.defaultLanguage ?? module.languages[0]);
				labels = labelsFromScenario(scenario, moduleTexts(this.deps.i18n, this.deps.source, module.id, lang));
			}
		} catch {
			// Offline or missing: the files carry their own labels.
		}
		this.labels = { ...this.labels, [key]: labels };
		this.loading.delete(key);
	}

	private csvName(kind: string, overview: { module: { id: string } }): string {
		const day = new Date().toISOString().slice(0, 10);
		return `${overview.module.id}-${kind}-${day}.csv`;
	}

	/** Dutch spreadsheets expect `;` between fields, English ones `,`. */
	private get delimiter(): ',' | ';' {
		return this.deps.i18n.language === 'nl' ? ';' : ',';
	}

	peopleCsv(): CsvFile | null {
		const overview = this.analysis.overview;
		if (!overview) return null;
		const t = this.deps.i18n.t;
		return { name: this.csvName(t('trainer.peopleFileName'), overview), data: participantsCsv(overview, (k, v) => t(k, v), this.delimiter), type: 'text/csv;charset=utf-8' };
	}

	choicesCsv(): CsvFile | null {
		const overview = this.analysis.overview;
		if (!overview) return null;
		const t = this.deps.i18n.t;
		return { name: this.csvName(t('trainer.choicesFileName'), overview), data: choicesCsv(overview, (k, v) => t(k, v), this.delimiter), type: 'text/csv;charset=utf-8' };
	}

	evaluationCsv(): CsvFile | null {
		const overview = this.analysis.overview;
		if (!overview) return null;
		const t = this.deps.i18n.t;
		return { name: this.csvName(t('trainer.evaluationFileName'), overview), data: evaluationCsv(overview, (k, v) => t(k, v), this.delimiter), type: 'text/csv;charset=utf-8' };
	}
}
