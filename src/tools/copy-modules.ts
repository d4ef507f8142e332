// After `vite build`: copies the modules into build/modules/ with a catalogue (index.json), so the
// static build is complete. Usage: tsx src/tools/copy-modules.ts [outDir] [moduleId ...]
// (modules from $KOERS_MODULES, default modules/).
//
// A learner never meets a module with checker errors: such a module is left out, and the build says
// which and why (every error, with its place and fix). The build fails only when no learner module
// is left to play. Of the modules it ships, only the files a module may hold leave the folder
// (module.json, locales/, images in media/; SVGs sanitised): src/lib/authoring/module-contents.ts.
//
// KOERS_PLAYER_ONLY=1 (npm run package's own player build) copies no module: packages carry their own.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { blockingErrors, checkForShipping, refusalMessage } from '../lib/authoring/module-gate';
import { shippedFiles } from '../lib/authoring/module-contents';
import { buildCatalogue, listModuleIds } from './modules-files.js';
import { embedCatalogue } from './relative-app-paths.js';

export interface CopyResult {
	copied: string[];
	refused: { id: string; message: string }[];
	/** Learner (not example) modules among those asked for, and among those copied. */
	learnerModules: { asked: number; copied: number };
}

const isExample = (modulesDir: string, id: string) => {
	try {
		return JSON.parse(readFileSync(join(modulesDir, id, 'module.json'), 'utf8')).example === true;
	} catch {
		return false;
	}
};

export function copyModules(outDir: string, ids?: string[], modulesDir = resolve(process.env.KOERS_MODULES || 'modules')): CopyResult {
	const target = join(outDir, 'modules');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const chosen = process.env.KOERS_PLAYER_ONLY === '1' ? [] : ids?.length ? ids : listModuleIds(modulesDir);
	const result: CopyResult = { copied: [], refused: [], learnerModules: { asked: 0, copied: 0 } };
	for (const id of chosen) {
		const learner = !isExample(modulesDir, id);
		if (learner) result.learnerModules.asked++;
		const errors = blockingErrors(checkForShipping(modulesDir, id));
		if (errors.length) {
			result.refused.push({ id, message: refusalMessage(id, modulesDir, errors, 'the build (learners will not see it)') });
			continue;
		}
		for (const [file, bytes] of shippedFiles(join(modulesDir, id))) {
			mkdirSync(dirname(join(target, id, file)), { recursive: true });
			writeFileSync(join(target, id, file), bytes);
		}
		result.copied.push(id);
		if (learner) result.learnerModules.copied++;
	}
	const catalogue = buildCatalogue(modulesDir, result.copied);
	writeFileSync(join(target, 'index.json'), JSON.stringify(catalogue));
	// The start page reads the same catalogue from index.html (embedCatalogue says why); index.json
	// stays for the pages that ask for it later and for tools. A player-only build (for packages)
	// shows no catalogue.
	const page = join(outDir, 'index.html');
	if (existsSync(page) && process.env.KOERS_PLAYER_ONLY !== '1') writeFileSync(page, embedCatalogue(readFileSync(page, 'utf8'), catalogue));
	return result;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const [outDir = 'build', ...ids] = process.argv.slice(2);
	const { copied, refused, learnerModules } = copyModules(resolve(outDir), ids);
	for (const r of refused) console.error(`✖ ${r.message}\n`);
	console.log(`Copied ${copied.length} module(s) to ${outDir}/modules: ${copied.join(', ') || 'none'}${refused.length ? `; left out ${refused.length} with errors: ${refused.map((r) => r.id).join(', ')}` : ''}.`);
	if (refused.length && learnerModules.copied === 0 && process.env.KOERS_PLAYER_ONLY !== '1') {
		console.error(`✖ The build failed: no learner module is left to play. Fix the errors above (npm run check:modules), then build again.`);
		process.exitCode = 1;
	}
}
