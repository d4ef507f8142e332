// Starts a new module: npm run new:module <id> [--dir <modulesDir>] [--lang nl|en]
// Writes modules/<id>/ with a small valid module (see src/lib/authoring/scaffold.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkNewId, scaffoldModule } from '../lib/authoring/scaffold';

const DEFAULT_DIR = join(import.meta.dirname, '..', '..', 'modules');

const WORDS = {
	en: {
		usage: 'Usage: npm run new:module <id> [--dir <modulesDir>] [--lang nl|en]\nThe id is the folder name: lowercase letters, digits, - and _, starting with a letter or digit (e.g. "first-aid-basics").',
		invalid: 'Cannot create "{id}": a module id may only hold lowercase letters a-z, digits, - and _, must start with a letter or digit, and be at most 64 characters (e.g. "first-aid-basics").',
		exists: 'Cannot create "{id}": {path} already exists. Choose another id, or edit the existing module.',
		done: 'Created {path} with a small example scenario in Dutch and English.\nNext steps:\n  1. Edit {path}/locales/nl.json and en.json (the texts) and {path}/module.json (the chart).\n  2. Check it:  npm run check:modules {id}\n  3. Play it:   npm run dev  (then open the address it prints and choose the module)\nThe guide is modules/README.md.'
	},
	nl: {
		usage: 'Gebruik: npm run new:module <id> [--dir <modulemap>] [--lang nl|en]\nDe id is de mapnaam: kleine letters, cijfers, - en _, beginnend met een letter of cijfer (bijv. "eerste-hulp-basis").',
		invalid: 'Kan "{id}" niet maken: een module-id mag alleen kleine letters a-z, cijfers, - en _ bevatten, moet met een letter of cijfer beginnen en mag hoogstens 64 tekens lang zijn (bijv. "eerste-hulp-basis").',
		exists: 'Kan "{id}" niet maken: {path} bestaat al. Kies een andere id, of bewerk de bestaande module.',
		done: '{path} is gemaakt, met een klein voorbeeldscenario in het Nederlands en Engels.\nVolgende stappen:\n  1. Bewerk {path}/locales/nl.json en en.json (de teksten) en {path}/module.json (het schema).\n  2. Controleer:  npm run check:modules {id}\n  3. Speel:       npm run dev  (open dan het adres dat verschijnt en kies de module)\nDe handleiding staat in modules/README.md.'
	}
};
const fill = (t: string, p: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

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
