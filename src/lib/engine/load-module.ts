import { LIBRARY } from './library';
import { nodeKeys, validateModule, type ModuleDefinition, type ModuleIssue } from './module-schema';
import { Scenario } from './scenario';

/** The raw text of one module's files, as read from disk or fetched. */
export interface ModuleFiles {
	moduleJson: string;
	/** language code → the text of `locales/<lang>.json`; null when the file could not be read. */
	locales: Record<string, string | null>;
}

export type LocaleTree = { [key: string]: string | LocaleTree };

export interface LoadedModule {
	module: ModuleDefinition;
	locales: Record<string, LocaleTree>;
	scenario: Scenario;
	warnings: ModuleIssue[];
}

export type LoadResult = { ok: true; loaded: LoadedModule } | { ok: false; issues: ModuleIssue[] };

/** Module-level keys every locale must have, and ones it may have. */
export const MODULE_KEYS = { required: ['meta.title', 'meta.description'], optional: ['meta.audience', 'meta.goals'] };

/** Parses JSON and, on failure, says where (line and column) in words a trainer can act on. */
export function parseJson(text: string, file: string): { value: unknown } | { issue: ModuleIssue } {
	try {
		return { value: JSON.parse(text) };
	} catch (e) {
		const message = (e as Error).message;
		let line: number | undefined;
		let column: number | undefined;
		const lineCol = /line (\d+) column (\d+)/.exec(message);
		const position = /position (\d+)/.exec(message);
		if (lineCol) {
			line = Number(lineCol[1]);
			column = Number(lineCol[2]);
		} else if (position) {
			const before = text.slice(0, Number(position[1]));
			line = before.split('\n').length;
			column = before.length - before.lastIndexOf('\n');
		} else if (/end of JSON input/.test(message)) {
			line = text.split('\n').length;
		}
		return {
			issue: {
				severity: 'error',
				code: 'invalid-json',
				file,
				path: '',
				line,
				column,
				message: `The file is not valid JSON${line ? ` (line ${line}${column ? `, column ${column}` : ''})` : ''}: ${message.replace(/^JSON\.parse: /, '')}`,
				fix: 'Look for a missing comma, quote or bracket just before that place, or a comma after the last item of a list.'
			}
		};
	}
}

/** Flattens a locale tree into dotted keys. */
export function flattenLocale(tree: LocaleTree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
	for (const [key, value] of Object.entries(tree)) {
		const full = prefix ? `${prefix}.${key}` : key;
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) flattenLocale(value as LocaleTree, full, out);
		else out.set(full, value);
	}
	return out;
}

/** Every key the module uses, required and optional. */
export function keysOf(module: ModuleDefinition): { required: Set<string>; optional: Set<string> } {
	const required = new Set<string>([module.title, module.description, ...MODULE_KEYS.required]);
	const optional = new Set<string>(MODULE_KEYS.optional);
	for (const chapter of module.chapters ?? []) required.add(`chapters.${chapter}`);
	for (const [id, state] of Object.entries(module.machine.states)) {
		const keys = nodeKeys(id, state.meta);
		keys.required.forEach((k) => required.add(k));
		keys.optional.forEach((k) => optional.add(k));
	}
	return { required, optional };
}

export function checkLocales(module: ModuleDefinition, locales: Record<string, LocaleTree>, languages: string[] = module.languages): ModuleIssue[] {
	const issues: ModuleIssue[] = [];
	const { required, optional } = keysOf(module);
	for (const lang of languages) {
		const file = `locales/${lang}.json`;
		const flat = flattenLocale(locales[lang] ?? {});
		for (const key of required) {
			const value = flat.get(key);
			if (value === undefined)
				issues.push({ severity: 'error', code: 'missing-key', file, path: key, message: `The text "${key}" is missing in ${lang}.`, fix: `Add "${key}" to ${file}.` });
		}
		for (const [key, value] of flat) {
			if (typeof value !== 'string')
				issues.push({ severity: 'error', code: 'schema', file, path: key, message: `"${key}" must be a text.`, fix: 'Write the text between double quotes.' });
			else if (value.trim() === '' && (required.has(key) || optional.has(key)))
				issues.push({ severity: 'error', code: 'empty-string', file, path: key, message: `The text "${key}" is empty in ${lang}.`, fix: `Write the ${lang} text for "${key}", or remove the key if it is optional.` });
			if (!required.has(key) && !optional.has(key))
				issues.push({ severity: 'warning', code: 'unused-key', file, path: key, message: `"${key}" is not used by any node.`, fix: 'Remove it, or check the node id in the key for a typing error.' });
		}
	}
	return issues;
}

/** The languages a player loads first: the one asked for when the module has it, else its default. */
export function contentLanguage(module: Pick<ModuleDefinition, 'languages' | 'defaultLanguage'>, wanted?: string): string {
	return wanted && module.languages.includes(wanted) ? wanted : (module.defaultLanguage ?? module.languages[0]);
}

/** Parses and checks the texts of one more language of a loaded module (see loadModule's `languages`). */
export function loadLocale(module: ModuleDefinition, lang: string, text: string | null): { ok: true; texts: LocaleTree } | { ok: false; issues: ModuleIssue[] } {
	const file = `locales/${lang}.json`;
	if (!module.languages.includes(lang)) return { ok: false, issues: [{ severity: 'error', code: 'missing-file', file, path: '', message: `The module has no language "${lang}".`, fix: `Add "${lang}" to "languages" in module.json.` }] };
	if (text === null) return { ok: false, issues: [{ severity: 'error', code: 'missing-file', file, path: '', message: `The texts for language "${lang}" are missing.`, fix: `Create ${file}, or remove "${lang}" from "languages".` }] };
	const locale = parseJson(text, file);
	if ('issue' in locale) return { ok: false, issues: [locale.issue] };
	if (typeof locale.value !== 'object' || locale.value === null || Array.isArray(locale.value))
		return { ok: false, issues: [{ severity: 'error', code: 'schema', file, path: '', message: 'A locale file must hold one JSON object.', fix: 'Start the file with { and end it with }.' }] };
	const texts = locale.value as LocaleTree;
	const issues = checkLocales(module, { [lang]: texts }, [lang]);
	return issues.some((i) => i.severity === 'error') ? { ok: false, issues } : { ok: true, texts };
}

/**
 * Loads one module from its files: parses, validates the chart and the texts, and builds the
 * scenario. Never throws: a broken module yields issues for the player to show. `languages`
 * limits the texts read and checked to those languages (the player fetches only the language it
 * shows, see FetchModuleSource); by default every language of the module is required.
 */
export function loadModule(files: ModuleFiles, options: { languages?: string[] } = {}): LoadResult {
	const parsed = parseJson(files.moduleJson, 'module.json');
	if ('issue' in parsed) return { ok: false, issues: [parsed.issue] };
	const { module, issues } = validateModule(parsed.value, LIBRARY);
	if (!module) return { ok: false, issues };
	const asked = options.languages ? module.languages.filter((l) => options.languages!.includes(l)) : [];
	const languages = asked.length ? asked : module.languages;
	const locales: Record<string, LocaleTree> = {};
	for (const lang of languages) {
		const text = files.locales[lang];
		const file = `locales/${lang}.json`;
		if (text === null || text === undefined) {
			issues.push({ severity: 'error', code: 'missing-file', file, path: '', message: `The texts for language "${lang}" are missing.`, fix: `Create ${file}, or remove "${lang}" from "languages".` });
			continue;
		}
		const locale = parseJson(text, file);
		if ('issue' in locale) issues.push(locale.issue);
		else if (typeof locale.value !== 'object' || locale.value === null || Array.isArray(locale.value))
			issues.push({ severity: 'error', code: 'schema', file, path: '', message: 'A locale file must hold one JSON object.', fix: 'Start the file with { and end it with }.' });
		else locales[lang] = locale.value as LocaleTree;
	}
	if (Object.keys(locales).length === languages.length) issues.push(...checkLocales(module, locales, languages));
	if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
	return { ok: true, loaded: { module, locales, scenario: new Scenario(module), warnings: issues } };
}
