/**
 * Node-only, for the dev server's author view: checks module folders on disk and returns the
 * reports as JSON-ready objects. The Vite plugin (src/tools/modules-plugin.js) loads this file
 * with `ssrLoadModule`, so the checker runs in node, fresh after every edit, and none of it is
 * shipped to learners.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkModule, type CheckReport } from './checker';
import { LANGS, type Lang } from './messages';
import { listModuleFolders, readModuleForCheck } from './read-module';

export interface ModuleCheck extends CheckReport {
	id: string;
	/** The folder, as the author finds it: `modules/<id>`. */
	dir: string;
	/** How long the check took (ms). */
	ms: number;
}

/** Checks the named modules (or every module) in `modulesDir`; an unknown id gives no report. */
export function checkFolders(modulesDir: string, ids: string[] | null, lang: string): ModuleCheck[] {
	const language: Lang = LANGS.includes(lang as Lang) ? (lang as Lang) : 'en';
	const chosen = ids ?? listModuleFolders(modulesDir);
	return chosen
		.filter((id) => /^[a-z0-9][a-z0-9_-]*$/.test(id) && existsSync(join(modulesDir, id, 'module.json')))
		.map((id) => {
			const started = performance.now();
			const report = checkModule(readModuleForCheck(join(modulesDir, id), id), { lang: language });
			return { id, dir: `modules/${id}`, ms: Math.round(performance.now() - started), ...report };
		});
}
