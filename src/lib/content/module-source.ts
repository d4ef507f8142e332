import type { LoadResult, LocaleTree, ModuleDefinition, ModuleIssue } from '$lib/engine';

// The engine (and XState with it) is loaded when a module is opened, not with the catalogue: the
// first page stays small (README.md, "Size").
const engine = () => import('$lib/engine');

/** One entry of modules/index.json, written by the build (src/tools/copy-modules.ts). */
export interface CatalogueEntry {
	id: string;
	broken: boolean;
	example: boolean;
	/** An instrument: finished, never scored or passed. */
	instrument?: boolean;
	version: string;
	languages: string[];
	studyMinutes: number;
	masteryScore: number;
	titles: Record<string, string>;
	descriptions: Record<string, string>;
}

/**
 * Where modules come from. URLs are relative to the page, so the same build works at any sub-path
 * and inside a SCORM zip (in hash mode the document is always index.html).
 */
export interface ModuleSource {
	catalogue(): Promise<CatalogueEntry[]>;
	/**
	 * Loads a module. With `language`, only the texts of the language the learner will see are
	 * fetched (that one when the module has it, else its default): a module's texts are most of
	 * its weight. Without it, every language.
	 */
	load(moduleId: string, language?: string): Promise<LoadResult>;
	/** Fetches and checks the texts of one more language of a module loaded with `language`. */
	loadTexts?(module: ModuleDefinition, language: string): Promise<{ ok: true; texts: LocaleTree } | { ok: false; issues: ModuleIssue[] }>;
	/** URL of a file inside a module folder, e.g. an image. */
	fileUrl(moduleId: string, path: string): string;
}

let early: Promise<Response> | undefined;

/** The id of the catalogue the build writes into index.html (src/tools/relative-app-paths.js). */
const EMBEDDED_CATALOGUE_ID = 'koers-catalogue';

/**
 * The catalogue the build wrote into index.html, taken once: the first catalogue of a page load
 * needs no request (README.md, "Speed"); later ones fetch modules/index.json. Undefined where there
 * is none (the dev server, an old build) or it cannot be read: then it is fetched.
 */
function takeEmbeddedCatalogue(): CatalogueEntry[] | undefined {
	if (typeof document === 'undefined') return undefined;
	const element = document.getElementById(EMBEDDED_CATALOGUE_ID);
	if (!element) return undefined;
	element.remove();
	try {
		const modules = (JSON.parse(element.textContent ?? '') as { modules?: unknown }).modules;
		if (Array.isArray(modules)) return modules as CatalogueEntry[];
	} catch {
		// Not JSON: fetched instead, as when it holds no list of modules.
	}
	return undefined;
}

/**
 * Starts fetching the catalogue before the page asks for it (the catalogue page calls this as its
 * code loads, while IndexedDB opens); the next catalogue() call of the player's own modules folder
 * takes this response. Not needed when the build wrote the catalogue into the page.
 */
export function prefetchCatalogue() {
	if (typeof document !== 'undefined' && document.getElementById(EMBEDDED_CATALOGUE_ID)) return;
	early ??= fetch('modules/index.json', { cache: 'no-cache' });
	early.catch(() => {});
}

export class FetchModuleSource implements ModuleSource {
	constructor(private base = 'modules/') {}

	async catalogue(): Promise<CatalogueEntry[]> {
		const embedded = this.base === 'modules/' ? takeEmbeddedCatalogue() : undefined;
		if (embedded) return embedded;
		const prefetched = this.base === 'modules/' ? early : undefined;
		early = undefined;
		const response = await (prefetched ?? fetch(`${this.base}index.json`, { cache: 'no-cache' }));
		if (!response.ok) throw new Error(`modules/index.json: HTTP ${response.status}`);
		const body = (await response.json()) as { modules: CatalogueEntry[] };
		return body.modules;
	}

	fileUrl(moduleId: string, path: string): string {
		return `${this.base}${encodeURIComponent(moduleId)}/${path.split('/').map(encodeURIComponent).join('/')}`;
	}

	async load(moduleId: string, language?: string): Promise<LoadResult> {
		const response = await fetch(this.fileUrl(moduleId, 'module.json'), { cache: 'no-cache' });
		if (response.status === 404) return { ok: false, issues: [notFound(moduleId)] };
		if (!response.ok) throw new Error(`module.json: HTTP ${response.status}`);
		const moduleJson = await response.text();
		const { contentLanguage, loadModule } = await engine();
		// Languages are read from module.json before the full validation, to know which files to fetch.
		let languages: string[] = [];
		let only: string[] | undefined;
		try {
			const parsed = JSON.parse(moduleJson);
			if (Array.isArray(parsed.languages)) languages = parsed.languages.filter((l: unknown) => typeof l === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(l));
			// `languages` holds texts only, so a default that is not a text is never among them.
			const defaultLanguage = languages.includes(parsed.defaultLanguage) ? (parsed.defaultLanguage as string) : undefined;
			if (language !== undefined && languages.length) languages = only = [contentLanguage({ languages, defaultLanguage }, language)];
		} catch {
			// loadModule reports the JSON error with line and column.
		}
		const locales: Record<string, string | null> = {};
		await Promise.all(
			languages.map(async (lang) => {
				const r = await fetch(this.fileUrl(moduleId, `locales/${lang}.json`), { cache: 'no-cache' });
				locales[lang] = r.ok ? await r.text() : null;
			})
		);
		return loadModule({ moduleJson, locales }, { languages: only });
	}

	async loadTexts(module: ModuleDefinition, language: string) {
		const [r, { loadLocale }] = await Promise.all([fetch(this.fileUrl(module.id, `locales/${language}.json`), { cache: 'no-cache' }), engine()]);
		return loadLocale(module, language, r.ok ? await r.text() : null);
	}
}

function notFound(moduleId: string): ModuleIssue {
	return { severity: 'error', code: 'not-found', file: `${moduleId}/module.json`, path: '', message: `There is no module "${moduleId}".`, fix: 'Check the address, or choose a module from the list.' };
}
