// Node-only: reads modules/ from disk for the dev server, the build and the tools.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lists the module folders (those holding a module.json).
 * @param {string} modulesDir
 * @returns {string[]}
 */
export function listModuleIds(modulesDir) {
	if (!existsSync(modulesDir)) return [];
	return readdirSync(modulesDir)
		.filter((name) => existsSync(join(modulesDir, name, 'module.json')))
		.sort();
}

/**
 * The catalogue the player fetches first: enough to list modules without loading them.
 * A module whose module.json cannot be read is listed with `broken: true`, so the player can say so.
 * @param {string} modulesDir
 * @param {string[]} [only] module ids to include (default: all)
 */
export function buildCatalogue(modulesDir, only) {
	const modules = [];
	for (const id of only ?? listModuleIds(modulesDir)) {
		const entry = { id, broken: false, example: false, version: '', languages: /** @type {string[]} */ ([]), studyMinutes: 0, masteryScore: 0, titles: /** @type {Record<string,string>} */ ({}), descriptions: /** @type {Record<string,string>} */ ({}) };
		try {
			const module = JSON.parse(readFileSync(join(modulesDir, id, 'module.json'), 'utf8'));
			Object.assign(entry, {
				example: module.example === true,
				// An instrument (an analysis) is finished, never passed: the catalogue says so.
				...(module.instrument === true ? { instrument: true } : {}),
				version: String(module.version ?? ''),
				languages: Array.isArray(module.languages) ? module.languages : [],
				studyMinutes: Number(module.studyMinutes) || 0,
				masteryScore: Number(module.masteryScore) || 0
			});
			for (const lang of entry.languages) {
				try {
					const locale = JSON.parse(readFileSync(join(modulesDir, id, 'locales', `${lang}.json`), 'utf8'));
					entry.titles[lang] = String(lookup(locale, module.title) ?? id);
					entry.descriptions[lang] = String(lookup(locale, module.description) ?? '');
				} catch {
					entry.titles[lang] = id;
				}
			}
		} catch {
			entry.broken = true;
		}
		modules.push(entry);
	}
	return { modules };
}

/** @param {any} tree @param {string} key */
function lookup(tree, key) {
	return String(key ?? '')
		.split('.')
		.reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree);
}

/**
 * Every file of a module folder, relative to it (module.json, locales/*, media/*).
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]}
 */
export function moduleFiles(dir, prefix = '') {
	const files = [];
	for (const name of readdirSync(join(dir, prefix))) {
		const rel = prefix ? `${prefix}/${name}` : name;
		if (name.startsWith('.')) continue;
		if (statSync(join(dir, rel)).isDirectory()) files.push(...moduleFiles(dir, rel));
		else files.push(rel);
	}
	return files.sort();
}
