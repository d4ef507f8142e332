// Test helper: loads a module folder from disk through the engine, as the player would.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule, type LoadResult } from '../../src/lib/engine';

export const MODULES_DIR = join(import.meta.dirname, '..', '..', 'modules');

export function readModuleFiles(dir: string) {
	const moduleJson = readFileSync(join(dir, 'module.json'), 'utf8');
	const locales: Record<string, string | null> = {};
	const localeDir = join(dir, 'locales');
	if (existsSync(localeDir))
		for (const name of readdirSync(localeDir)) if (name.endsWith('.json')) locales[name.slice(0, -5)] = readFileSync(join(localeDir, name), 'utf8');
	return { moduleJson, locales };
}

export function loadFromDisk(dir: string): LoadResult {
	return loadModule(readModuleFiles(dir));
}

export function loadShipped(id: string) {
	const result = loadFromDisk(join(MODULES_DIR, id));
	if (!result.ok) throw new Error(`${id} does not load: ${JSON.stringify(result.issues, null, 1)}`);
	return result.loaded;
}

export function shippedModuleIds(): string[] {
	return readdirSync(MODULES_DIR).filter((name) => existsSync(join(MODULES_DIR, name, 'module.json'))).sort();
}
