import { loadModule, type LoadResult, type ModuleIssue } from '$lib/engine';

/** One entry of modules/index.json, written by the build (src/tools/copy-modules.js). */
export interface CatalogueEntry {
	id: string;
	broken: boolean;
	example: boolean;
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
	load(moduleId: string): Promise<LoadResult>;
	/** URL of a file inside a module folder, e.g. an image. */
	fileUrl(moduleId: string, path: string): string;
}

export class FetchModuleSource implements ModuleSource {
	constructor(private base = 'modules/') {}

	async catalogue(): Promise<CatalogueEntry[]> {
		const response = await fetch(`${this.base}index.json`, { cache: 'no-cache' });
		if (!response.ok) throw new Error(`modules/index.json: HTTP ${response.status}`);
		const body = (await response.json()) as { modules: CatalogueEntry[] };
		return body.modules;
	}

	fileUrl(moduleId: string, path: string): string {
		return `${this.base}${encodeURIComponent(moduleId)}/${path.split('/').map(encodeURIComponent).join('/')}`;
	}

	async load(moduleId: string): Promise<LoadResult> {
		const response = await fetch(this.fileUrl(moduleId, 'module.json'), { cache: 'no-cache' });
		if (response.status === 404) return { ok: false, issues: [notFound(moduleId)] };
		if (!response.ok) throw new Error(`module.json: HTTP ${response.status}`);
		const moduleJson = await response.text();
		// Languages are read from module.json before the full validation, to know which files to fetch.
		let languages: string[] = [];
		try {
			const parsed = JSON.parse(moduleJson);
			if (Array.isArray(parsed.languages)) languages = parsed.languages.filter((l: unknown) => typeof l === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(l));
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
		return loadModule({ moduleJson, locales });
	}
}

function notFound(moduleId: string): ModuleIssue {
	return { severity: 'error', code: 'not-found', file: `${moduleId}/module.json`, path: '', message: `There is no module "${moduleId}".`, fix: 'Check the address, or choose a module from the list.' };
}
