// `npm run package`: SCORM packages an LMS can import, one per learner module and edition.
//
//   npm run package                          build the player once, then package every learner module
//   npm run package -- <id> ...              only these modules
//   npm run package -- --player build        reuse a player build instead of building (tests do this)
//   npm run package -- --include-examples    also package example modules (e.g. the demo, for tests)
//   npm run package -- --unpacked            also write each package unzipped, next to its zip
//   npm run package -- --out <dir>           output folder (default $KOERS_PACKAGE_OUT or dist)
//   npm run package -- --modules <dir>       where the modules are (default $KOERS_MODULES or modules)
//
// A module is packaged only when the checker (npm run check:modules) finds no error in it; the
// others are left out one by one, each with its errors, and the command ends with exit code 1.
// Packages made before stay in <out>/scorm/, except a refused module's own, which are removed so an
// old zip is not uploaded by mistake. Only the files a module may hold go in (module.json,
// locales/, images in media/, SVGs sanitised: src/lib/authoring/module-contents.ts).
//
// Writes <out>/scorm/<id>-scorm12.zip (SCORM 1.2) and <out>/scorm/<id>-scorm2004.zip (SCORM 2004
// 4th edition). Each holds imsmanifest.xml at its root, the official schema files, the player's
// index.html (told by a meta tag which module and edition it is) and only that module's folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { loadModule, worstCaseCompactLength } from '../lib/engine';
import type { CheckReport } from '../lib/authoring/checker';
import { shippedFiles } from '../lib/authoring/module-contents';
import { blockingErrors, checkForShipping, refusalMessage } from '../lib/authoring/module-gate';
import { buildManifest, SCHEMA_FILES, type ManifestEdition } from '../lib/tracking/manifest';
import { buildCatalogue, listModuleIds, moduleFiles } from './modules-files.js';
import { withoutCatalogue } from './relative-app-paths.js';
import { STANDALONE_ONLY } from './build-sw.js';
import { manifestDescriptions } from './manifest-texts';

export const EDITIONS: ManifestEdition[] = ['scorm12', 'scorm2004'];
const ROOT = resolve(import.meta.dirname, '..', '..');
/** The official SCORM schema files, kept in the repository (src/tools/scorm-schemas/README.md says whence). */
export const SCHEMAS_DIR = join(ROOT, 'src', 'tools', 'scorm-schemas');
const SCHEMA_FOLDER: Record<ManifestEdition, string> = { scorm12: 'scorm12edition', scorm2004: 'scorm20044thedition' };
/** SCORM 1.2's cmi.suspend_data limit; a module whose longest path could exceed it is not packaged for 1.2. */
const SUSPEND_DATA_LIMIT_12 = 4096;
/** Fixed timestamps make the zips reproducible: the same sources give the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

export class PackageError extends Error {}

/** The modules to package: every folder with a module.json, examples only when asked. */
export function packageIds(modulesDir: string, options: { ids?: string[]; includeExamples?: boolean } = {}): string[] {
	const all = listModuleIds(modulesDir);
	if (options.ids?.length) {
		const unknown = options.ids.filter((id) => !all.includes(id));
		if (unknown.length) throw new PackageError(`No module ${unknown.map((id) => `"${id}"`).join(', ')} in ${modulesDir}. Modules there: ${all.join(', ') || 'none'}.`);
		return options.ids;
	}
	return all.filter((id) => options.includeExamples || !isExample(join(modulesDir, id)));
}

/** Whether a module says it is an example; a module.json that cannot be read is not (the checker will say what is wrong). */
function isExample(moduleDir: string): boolean {
	try {
		return JSON.parse(readFileSync(join(moduleDir, 'module.json'), 'utf8')).example === true;
	} catch {
		return false;
	}
}

/**
 * Every file of the player build except its modules/ folder (a package carries one module of its
 * own) and the standalone player's offline files (service worker, web app manifest, icons): inside
 * an LMS there is no service worker.
 */
function playerFiles(playerDir: string): string[] {
	if (!existsSync(join(playerDir, 'index.html'))) throw new PackageError(`There is no player build in ${playerDir} (index.html is missing). Run the command without --player to build it.`);
	return moduleFiles(playerDir).filter((f) => !f.startsWith('modules/') && !STANDALONE_ONLY.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p)));
}

/** The player's index.html, told which module it opens and which LMS API it reports to. */
export function launchPage(html: string, moduleId: string, edition: ManifestEdition): string {
	// An LMS serves the package from a path of its own: a root-absolute or remote URL leaves the package.
	const outside = html.match(/(?:href|src)=["'](?:\/|https?:)[^"']*|import\(["'](?:\/|https?:)[^"']*/);
	if (outside) throw new PackageError(`The player build's index.html loads ${outside[0].replace(/^[^"']*["']/, '')}, which is outside the package once an LMS serves it. Build the player with npm run build (it makes the app's URLs relative) and keep remote files out of it.`);
	const content = JSON.stringify({ moduleId, edition }).replace(/"/g, '&quot;');
	if (!/<head>/.test(html)) throw new PackageError('The player build\'s index.html has no <head>.');
	// A package opens its module directly and never shows the catalogue (nor carries the build's).
	return withoutCatalogue(html).replace('<head>', `<head>\n\t\t<meta name="koers-package" content="${content}" />`);
}

/** All files of one package, in zip order, by path. */
export function assemblePackage(options: { modulesDir: string; playerDir: string; id: string; edition: ManifestEdition; schemasDir?: string; report?: CheckReport }): Map<string, Uint8Array> {
	const { modulesDir, playerDir, id, edition } = options;
	const schemasDir = options.schemasDir ?? SCHEMAS_DIR;
	const moduleDir = join(modulesDir, id);
	// Every checker error stops the package, not only what the player would refuse.
	const blocking = blockingErrors(options.report ?? checkForShipping(modulesDir, id));
	if (blocking.length) throw new PackageError(refusalMessage(id, modulesDir, blocking, 'the SCORM packages'));
	const loaded = loadModule(readModuleSources(moduleDir));
	if (!loaded.ok) {
		const errors = loaded.issues.filter((i) => i.severity === 'error');
		throw new PackageError(`Module "${id}" has errors and is not packaged:\n${errors.map((i) => `  ${i.file} ${i.path}: ${i.message} ${i.fix}`).join('\n')}\nRun: npm run check:modules ${id}`);
	}
	const module = loaded.loaded.module;
	if (edition === 'scorm12') {
		const worst = worstCaseCompactLength(module);
		if (worst > SUSPEND_DATA_LIMIT_12)
			throw new PackageError(`Module "${id}": its longest path could need ${worst} characters of suspend_data; SCORM 1.2 allows ${SUSPEND_DATA_LIMIT_12}. Shorten the longest path or package it for SCORM 2004 only.`);
	}

	const text = new TextEncoder();
	const content = new Map<string, Uint8Array>();
	for (const file of playerFiles(playerDir)) {
		const data = readFileSync(join(playerDir, file));
		content.set(file, file === 'index.html' ? text.encode(launchPage(data.toString('utf8'), id, edition)) : new Uint8Array(data));
	}
	content.set('modules/index.json', text.encode(JSON.stringify(buildCatalogue(modulesDir, [id]))));
	for (const [file, bytes] of shippedFiles(moduleDir)) content.set(`modules/${id}/${file}`, bytes);

	const catalogue = buildCatalogue(modulesDir, [id]).modules[0];
	const sco = ['index.html', ...[...content.keys()].filter((f) => f !== 'index.html').sort()];
	const manifest = buildManifest({
		edition,
		id,
		version: module.version,
		language: module.defaultLanguage ?? module.languages[0],
		titles: catalogue.titles,
		descriptions: manifestDescriptions(catalogue.descriptions, module.accreditation),
		masteryScore: module.masteryScore,
		files: sco
	});

	const files = new Map<string, Uint8Array>([['imsmanifest.xml', text.encode(manifest)]]);
	for (const schema of SCHEMA_FILES[edition]) {
		const path = join(schemasDir, SCHEMA_FOLDER[edition], schema);
		if (!existsSync(path)) throw new PackageError(`The schema file ${schema} is missing from ${dirname(path)}. The official SCORM schemas belong in src/tools/scorm-schemas/ (see its README.md): restore them from git.`);
		files.set(schema, new Uint8Array(readFileSync(path)));
	}
	for (const file of sco) files.set(file, content.get(file)!);
	return files;
}

function readModuleSources(dir: string) {
	const locales: Record<string, string | null> = {};
	const localeDir = join(dir, 'locales');
	if (existsSync(localeDir)) for (const name of readdirSync(localeDir)) if (name.endsWith('.json')) locales[name.slice(0, -5)] = readFileSync(join(localeDir, name), 'utf8');
	return { moduleJson: readFileSync(join(dir, 'module.json'), 'utf8'), locales };
}

export function zipPackage(files: Map<string, Uint8Array>): Uint8Array {
	const zippable: Zippable = {};
	for (const [path, data] of files) zippable[path] = [data, { mtime: ZIP_TIME }];
	return zipSync(zippable, { level: 9 });
}

export interface BuiltPackage {
	id: string;
	edition: ManifestEdition;
	zip: string;
	bytes: number;
	files: string[];
	unpacked?: string;
}

export interface RefusedPackage {
	id: string;
	edition: ManifestEdition;
	message: string;
	/** Packages of this module and edition from an earlier run, removed so they are not uploaded by mistake. */
	removed: string[];
}

type PackageOptions = { modulesDir: string; playerDir: string; outDir: string; ids: string[]; unpacked?: boolean; schemasDir?: string; reports?: Map<string, CheckReport> };

/** Packages the given modules from an existing player build; throws at the first module it refuses. */
export function writePackages(options: PackageOptions): BuiltPackage[] {
	const { built, refused } = packageModules(options);
	if (refused.length) throw new PackageError(refused[0].message);
	return built;
}

/**
 * Packages the given modules from an existing player build, module by module: a module the checker
 * (or SCORM 1.2's size limit) refuses is left out and the others are still packaged.
 */
export function packageModules(options: PackageOptions): { built: BuiltPackage[]; refused: RefusedPackage[] } {
	const scormDir = join(options.outDir, 'scorm');
	mkdirSync(scormDir, { recursive: true });
	const built: BuiltPackage[] = [];
	const refused: RefusedPackage[] = [];
	for (const id of options.ids) {
		const report = options.reports?.get(id) ?? checkForShipping(options.modulesDir, id);
		for (const edition of EDITIONS) {
			const zip = join(scormDir, `${id}-${edition}.zip`);
			let files: Map<string, Uint8Array>;
			try {
				files = assemblePackage({ ...options, id, edition, report });
			} catch (e) {
				if (!(e instanceof PackageError)) throw e;
				const removed = [zip, join(scormDir, `${id}-${edition}`)].filter((old) => existsSync(old));
				for (const old of removed) rmSync(old, { recursive: true, force: true });
				refused.push({ id, edition, message: e.message, removed });
				continue;
			}
			const bytes = zipPackage(files);
			writeFileSync(zip, bytes);
			const result: BuiltPackage = { id, edition, zip, bytes: bytes.length, files: [...files.keys()] };
			if (options.unpacked) {
				const dir = join(scormDir, `${id}-${edition}`);
				rmSync(dir, { recursive: true, force: true });
				for (const [path, data] of files) {
					mkdirSync(dirname(join(dir, path)), { recursive: true });
					writeFileSync(join(dir, path), data);
				}
				result.unpacked = dir;
			}
			built.push(result);
		}
	}
	return { built, refused };
}

/**
 * Builds the player once, into its own folder, with its own SvelteKit work folder. Through
 * `npm run build`, so every step of the project's build (e.g. making URLs relative) applies; the
 * modules it copies in are left out of the packages.
 */
export function buildPlayer(playerDir: string) {
	rmSync(playerDir, { recursive: true, force: true });
	const result = spawnSync('npm', ['run', 'build'], {
		cwd: ROOT,
		stdio: 'inherit',
		// The player alone: packages carry their own module, so the build copies none (and checks none).
		env: { ...process.env, KOERS_OUT: playerDir, KOERS_KIT_DIR: process.env.KOERS_KIT_DIR || '.svelte-kit-package', KOERS_PLAYER_ONLY: '1' }
	});
	if (result.status !== 0) throw new PackageError(`Building the player failed (exit ${result.status}); see the output above.`);
}

function main(argv: string[]): number {
	let out = process.env.KOERS_PACKAGE_OUT || 'dist';
	let player: string | undefined;
	let includeExamples = false;
	let unpacked = false;
	let modulesArg = process.env.KOERS_MODULES || join(ROOT, 'modules');
	const ids: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--out' || arg === '--player' || arg === '--modules') {
			const value = argv[++i];
			if (!value) {
				console.error(`${arg} needs a folder, e.g. ${arg} ${arg === '--out' ? 'dist' : arg === '--player' ? 'build' : 'modules'}`);
				return 2;
			}
			if (arg === '--out') out = value;
			else if (arg === '--modules') modulesArg = value;
			else player = value;
		} else if (arg === '--include-examples') includeExamples = true;
		else if (arg === '--unpacked') unpacked = true;
		else if (arg === '--help' || arg === '-h') {
			console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
			return 0;
		} else if (arg.startsWith('-')) {
			console.error(`Unknown option ${arg}. Run npm run package -- --help to see the options.`);
			return 2;
		} else ids.push(arg);
	}
	const modulesDir = resolve(modulesArg);
	const outDir = resolve(out);
	try {
		const chosen = packageIds(modulesDir, { ids, includeExamples });
		if (chosen.length === 0) {
			console.error('There is no learner module to package (example modules are left out; add --include-examples to package them).');
			return 1;
		}
		// Check first: when no module can be packaged, say so without a 40-second player build.
		const reports = new Map(chosen.map((id) => [id, checkForShipping(modulesDir, id)]));
		const playerDir = player ? resolve(player) : join(outDir, 'player');
		if (!player && [...reports.values()].some((r) => !blockingErrors(r).length)) buildPlayer(playerDir);
		const { built, refused } = packageModules({ modulesDir, playerDir, outDir, ids: chosen, unpacked, reports });
		for (const p of built) console.log(`✔ ${relative(process.cwd(), p.zip)}  ${(p.bytes / 1024).toFixed(0)} KB, ${p.files.length} files`);
		// The same message for both editions is said once.
		const said = new Set<string>();
		for (const r of refused) {
			if (!said.has(r.message)) console.error(`✖ ${r.message}\n`);
			said.add(r.message);
			for (const old of r.removed) console.error(`  Removed the old ${relative(process.cwd(), old)}, so it is not uploaded by mistake.`);
		}
		if (refused.length) {
			const ids = [...new Set(refused.map((r) => r.id))];
			console.error(`✖ ${ids.length} module(s) not packaged: ${ids.join(', ')}. ${built.length ? `${new Set(built.map((b) => b.id)).size} module(s) packaged.` : 'Nothing was packaged.'}`);
			return 1;
		}
		return 0;
	} catch (e) {
		if (e instanceof PackageError) {
			console.error(`✖ ${e.message}`);
			return 1;
		}
		throw e;
	}
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exit(main(process.argv.slice(2)));

