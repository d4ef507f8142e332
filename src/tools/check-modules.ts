// Checks modules and explains every problem: npm run check:modules [ids...] [--json] [--lang nl|en] [--dir <modulesDir>]
// The checking itself is in src/lib/authoring/checker.ts; this file only reads folders and prints.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkModule } from '../lib/authoring/checker';
import { formatHuman, formatJson, type ModuleReport } from '../lib/authoring/format';
import { fill, LANGS, UI, type Lang } from '../lib/authoring/messages';
import { listModuleFolders, readModuleForCheck } from '../lib/authoring/read-module';

const DEFAULT_DIR = join(import.meta.dirname, '..', '..', 'modules');

function main(argv: string[]): number {
	let lang: Lang = 'en';
	let json = false;
	let dir = DEFAULT_DIR;
	const ids: string[] = [];
	const langArg = argv.indexOf('--lang');
	if (langArg !== -1 && LANGS.includes(argv[langArg + 1] as Lang)) lang = argv[langArg + 1] as Lang;
	const ui = UI[lang];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--json') json = true;
		else if (arg === '--help' || arg === '-h') {
			console.log(ui.usage);
			return 0;
		} else if (arg === '--lang' || arg === '--dir') {
			const value = argv[++i];
			if (value === undefined || (arg === '--lang' && !LANGS.includes(value as Lang))) {
				console.error(`${fill(ui.badOption, { option: `${arg} ${value ?? ''}`.trim() })}\n\n${ui.usage}`);
				return 2;
			}
			if (arg === '--dir') dir = resolve(value);
		} else if (arg.startsWith('-')) {
			console.error(`${fill(ui.badOption, { option: arg })}\n\n${ui.usage}`);
			return 2;
		} else ids.push(arg.replace(/\/+$/, '').split('/').pop()!);
	}
	const shownDir = relative(process.cwd(), dir) || '.';
	const chosen = ids.length ? ids : listModuleFolders(dir);
	for (const id of chosen)
		if (!existsSync(join(dir, id, 'module.json'))) {
			console.error(fill(ui.unknownModule, { id, dir: shownDir }));
			return 2;
		}
	if (!chosen.length) {
		console.error(fill(ui.noModules, { dir: shownDir }));
		return 2;
	}
	const started = performance.now();
	const reports: ModuleReport[] = chosen.map((id) => ({
		id,
		dir: `${shownDir}/${id}`,
		...checkModule(readModuleForCheck(join(dir, id), id), { lang })
	}));
	const ms = performance.now() - started;
	console.log(json ? formatJson(reports, lang, ms) : formatHuman(reports, lang, ms));
	return reports.some((r) => r.errors > 0) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
