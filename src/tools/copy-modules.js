// After `vite build`: copies the modules into build/modules/ with a catalogue (index.json), so the
// static build is complete. Usage: node src/tools/copy-modules.js [outDir] [moduleId ...]
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCatalogue, listModuleIds } from './modules-files.js';

/**
 * @param {string} outDir the build folder holding index.html
 * @param {string[]} [ids] modules to include (default: all)
 * @param {string} [modulesDir]
 */
export function copyModules(outDir, ids, modulesDir = resolve('modules')) {
	const target = join(outDir, 'modules');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const chosen = ids?.length ? ids : listModuleIds(modulesDir);
	for (const id of chosen) cpSync(join(modulesDir, id), join(target, id), { recursive: true, filter: (src) => !src.endsWith('README.md') });
	writeFileSync(join(target, 'index.json'), JSON.stringify(buildCatalogue(modulesDir, chosen)));
	return chosen;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [outDir = 'build', ...ids] = process.argv.slice(2);
	const copied = copyModules(resolve(outDir), ids);
	console.log(`Copied ${copied.length} module(s) to ${outDir}/modules: ${copied.join(', ')}`);
}
