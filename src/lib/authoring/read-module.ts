/**
 * Node-only: reads a module folder from disk into the shape the checker takes. Kept apart from
 * checker.ts so the checker itself runs anywhere (CLI, tests, a browser).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleFilesForCheck } from './checker';
import { inspectModuleFolder } from './module-contents';

export function listModuleFolders(modulesDir: string): string[] {
	if (!existsSync(modulesDir)) return [];
	return readdirSync(modulesDir)
		.filter((name) => !name.startsWith('.') && existsSync(join(modulesDir, name, 'module.json')))
		.sort();
}

function walk(dir: string, prefix: string, out: string[]) {
	for (const name of readdirSync(join(dir, prefix))) {
		if (name.startsWith('.')) continue;
		const rel = prefix ? `${prefix}/${name}` : name;
		if (statSync(join(dir, rel)).isDirectory()) walk(dir, rel, out);
		else out.push(rel);
	}
}

export function readModuleForCheck(dir: string, folder: string): ModuleFilesForCheck {
	const read = (rel: string): string | null => {
		try {
			return readFileSync(join(dir, rel), 'utf8');
		} catch {
			return null;
		}
	};
	const all: string[] = [];
	if (existsSync(dir)) walk(dir, '', all);
	const present = new Set(all);
	const locales: Record<string, string | null> = {};
	for (const rel of all) {
		const m = /^locales\/([^/]+)\.json$/.exec(rel);
		if (m) locales[m[1]] = read(rel);
	}
	// The one rule for a module's files (module-contents.ts): what build and package would ship.
	const contents = existsSync(dir) ? inspectModuleFolder(dir) : { shipped: [], issues: [] };
	return {
		folder,
		moduleJson: read('module.json'),
		locales,
		// Exact, case-sensitive match against the folder's listing, as a web server would find it.
		fileExists: (path) => present.has(path),
		contents: contents.issues
	};
}
