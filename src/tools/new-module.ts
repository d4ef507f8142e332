// Starts a new module: npm run new:module <id> [--dir <modulesDir>] [--lang nl|en]
// Writes modules/<id>/ with a small valid module (see src/lib/authoring/scaffold.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fill, NEW_MODULE_UI as WORDS } from '../lib/authoring/messages';
import { checkNewId, scaffoldModule } from '../lib/authoring/scaffold';

const DEFAULT_DIR = join(import.meta.dirname, '..', '..', 'modules');

function main(argv: string[]): number {
	let dir = DEFAULT_DIR;
	let lang: 'en' | 'nl' = 'en';
	const ids: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--dir' && argv[i + 1]) dir = resolve(argv[++i]);
		else if (arg === '--lang' && (argv[i + 1] === 'nl' || argv[i + 1] === 'en')) lang = argv[++i] as 'nl' | 'en';
		else if (arg === '--help' || arg === '-h') {
			console.log(WORDS[lang].usage);
			return 0;
		} else if (arg.startsWith('-')) {
			console.error(WORDS[lang].usage);
			return 2;
		} else ids.push(arg);
	}
	const words = WORDS[lang];
	if (ids.length !== 1) {
		console.error(words.usage);
		return 2;
	}
	const id = ids[0];
	if (checkNewId(id) !== 'ok') {
		console.error(fill(words.invalid, { id }));
		return 1;
	}
	const target = join(dir, id);
	const shown = relative(process.cwd(), target) || target;
	if (existsSync(target)) {
		console.error(fill(words.exists, { id, path: shown }));
		return 1;
	}
	for (const [rel, text] of Object.entries(scaffoldModule(id))) {
		const file = join(target, rel);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text, { flag: 'wx' });
	}
	const dirOption = resolve(dir) === resolve(DEFAULT_DIR) ? '' : ` --dir ${relative(process.cwd(), dir) || '.'}`;
	console.log(fill(words.done, { id: id + dirOption, path: shown }));
	return 0;
}

process.exitCode = main(process.argv.slice(2));
