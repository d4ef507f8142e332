// The checker's report as an author reads it: broken files (JSON, keys written twice, texts files
// that are missing or not an object), SVG files, the statistics, the language of the messages and
// the line each issue points at (issue 17, mutation testing of src/lib/authoring/checker.ts).
// Modules are loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleDefinition, StateConfig } from '../../src/lib/engine';

let engine: typeof import('../../src/lib/engine');
let checker: typeof import('../../src/lib/authoring/checker');
beforeEach(async () => {
	engine = await import('../../src/lib/engine');
	checker = await import('../../src/lib/authoring/checker');
});

const content = (next: string): StateConfig => ({ meta: { kind: 'content' }, on: { continue: next } });
const end: StateConfig = { type: 'final', meta: { kind: 'end' } };
const moduleOf = (states: Record<string, StateConfig>, extra: Partial<ModuleDefinition> = {}): ModuleDefinition => ({
	formatVersion: 1,
	id: 'report',
	version: '1.0.0',
	languages: ['en'],
	title: 'meta.title',
	description: 'meta.description',
	studyMinutes: 1,
	masteryScore: 0,
	sources: [],
	machine: { id: 'report', initial: 'start', states },
	...extra
});
const small = () => moduleOf({ start: content('end'), end });

/** Every key the module needs, reading "x" unless given. */
function localeOf(module: ModuleDefinition, texts: Record<string, string> = {}): string {
	const locale: Record<string, unknown> = {};
	for (const key of [...engine.keysOf(module).required, ...Object.keys(texts)]) {
		const parts = key.split('.');
		let at = locale;
		for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
		at[parts[parts.length - 1]] = texts[key] ?? 'x';
	}
	return JSON.stringify(locale, null, '\t');
}
const filesOf = (module: ModuleDefinition, locales?: Record<string, string | null>, files: string[] = []) => ({
	folder: module.id,
	moduleJson: JSON.stringify(module, null, '\t'),
	locales: locales ?? Object.fromEntries(module.languages.map((l) => [l, localeOf(module)])),
	fileExists: (path: string) => files.includes(path)
});
const without = (codes: string[], issues: { code: string }[]) => issues.filter((i) => !codes.includes(i.code));
/** The line of `text` (1-based) that holds `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a file that is not valid JSON', () => {
	it('is one error at the line and column of the mistake, with what is wrong and how to fix it', () => {
		const moduleJson = '{\n\t"id": "report",\n\t"version": "1.0.0",\n}\n';
		const report = checker.checkModule({ moduleJson, locales: {}, fileExists: () => false });
		expect(report.issues).toEqual([
			{
				severity: 'error',
				code: 'invalid-json',
				file: 'module.json',
				path: '',
				line: 3,
				column: 20,
				message: 'The file is not valid JSON (line 3, column 20): a comma after the last item of a list or object.',
				fix: 'Remove that comma.'
			}
		]);
		expect(report).toMatchObject({ errors: 1, warnings: 0 });
		// Nothing to analyse: no statistics.
		expect(report.stats).toBeUndefined();
	});

	// The missing comma belongs after the `}` that closes line 4, where the fix says to add it.
	it('in a texts file, is reported at that file, and the language is not also called missing', () => {
		const module = small();
		const report = checker.checkModule({ ...filesOf(module), locales: { en: '{\n\t"meta": {\n\t\t"title": "x"\n\t}\n\t"nodes": {}\n}' } });
		expect(report.issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([['invalid-json', 'locales/en.json', 4, 3]]);
		expect(report.issues[0].message).toBe('The file is not valid JSON (line 4, column 3): a comma is missing here, before the next item.');
	});

	it('is told in Dutch for a Dutch trainer', () => {
		const [issue] = checker.checkModule({ moduleJson: '{\n\t"id": "x",\n}', locales: {}, fileExists: () => false }, { lang: 'nl' }).issues;
		expect(issue.message).toBe('Het bestand is geen geldige JSON (regel 2, kolom 11): een komma na het laatste onderdeel van een lijst of object.');
		expect(issue.fix).toBe('Haal die komma weg.');
		expect(issue.translated).toBeUndefined();
	});
});

describe('a key written twice', () => {
	it('is an error at the second one, naming the key, in module.json and in the texts', () => {
		const module = small();
		const moduleJson = JSON.stringify(module, null, '\t').replace('\t"version": "1.0.0",', '\t"version": "1.0.0",\n\t"version": "1.0.1",');
		const locale = localeOf(module).replace('"title": "x"', '"title": "x",\n\t\t"title": "y"');
		const report = checker.checkModule({ ...filesOf(module), moduleJson, locales: { en: locale } });
		const dups = report.issues.filter((i) => i.code === 'duplicate-key');
		expect(dups.map((i) => [i.severity, i.file, i.path, i.line])).toEqual([
			['error', 'module.json', 'version', lineOf(moduleJson, '"1.0.1"')],
			['error', 'locales/en.json', 'meta.title', lineOf(locale, '"y"')]
		]);
		expect(dups[0].message).toBe('The key "version" is written twice in the same object; only the last one counts, the first is silently lost.');
	});
});

describe('texts files the module needs', () => {
	it('names a language whose file is missing or could not be read, at that file', () => {
		const module = small();
		const report = checker.checkModule({ ...filesOf(module), locales: { en: null } });
		expect(report.issues.map((i) => [i.severity, i.code, i.file, i.message])).toEqual([
			['error', 'missing-file', 'locales/en.json', 'The texts for language "en" are missing (locales/en.json does not exist).']
		]);
		expect(checker.checkModule({ ...filesOf(module), locales: {} }).issues.map((i) => [i.code, i.file])).toEqual([['missing-file', 'locales/en.json']]);
	});

	it('says a texts file must hold one object when it holds a list', () => {
		const report = checker.checkModule({ ...filesOf(small()), locales: { en: '[]' } });
		expect(report.issues.map((i) => [i.severity, i.code, i.file, i.message, i.fix])).toEqual([
			['error', 'schema', 'locales/en.json', 'A locale file must hold one JSON object.', 'Start the file with { and end it with }.']
		]);
	});

	it('checks the other languages when one is missing, and names each missing key by its file', () => {
		const module = small();
		const nl = JSON.parse(localeOf(module)) as { nodes: { start: Record<string, string> } };
		delete nl.nodes.start.body;
		const report = checker.checkModule({ ...filesOf(moduleOf(module.machine.states, { languages: ['de', 'en', 'nl'] })), locales: { en: localeOf(module), nl: JSON.stringify(nl) } });
		const errors = report.issues.filter((i) => i.severity === 'error');
		expect(errors.map((i) => [i.code, i.file])).toEqual([
			['missing-file', 'locales/de.json'],
			['missing-key', 'locales/nl.json']
		]);
		expect(errors[1].message).toContain('nodes.start.body');
	});
});

describe('SVG files', () => {
	const svg = '<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <script>alert(1)</script>\n  </g>\n</svg>';

	it('refuses a script, at its line and column in that file', () => {
		const report = checker.checkModule({ ...filesOf(small()), svgs: { 'media/a.svg': svg, 'media/b.svg': '<svg/>' } });
		expect(without(['study-time'], report.issues)).toEqual([
			expect.objectContaining({ severity: 'error', code: 'svg-script', file: 'media/a.svg', path: '', line: 3, column: 5, message: expect.stringContaining('"<script"') })
		]);
	});

	it('leaves SVGs to the folder rule when that ran, and reports its findings as given', () => {
		const found = { severity: 'warning' as const, code: 'svg-changed', file: 'media/a.svg', params: { what: 'x' }, line: 2, column: 3 };
		const report = checker.checkModule({ ...filesOf(small()), svgs: { 'media/a.svg': svg }, contents: [found] });
		expect(without(['study-time'], report.issues).map((i) => [i.severity, i.code, i.file, i.path, i.line, i.column])).toEqual([['warning', 'svg-changed', 'media/a.svg', '', 2, 3]]);
	});
});

describe('what the checker says about a valid module', () => {
	it('counts nodes, the maximum and best score and percentage, and the saved-state length', () => {
		const module = moduleOf({
			start: { meta: { kind: 'choice', options: ['a', 'b'] }, on: { 'choose.a': { target: 'end', actions: [{ type: 'addPoints', params: { points: 3 } }] }, 'choose.b': 'end' } } as StateConfig,
			end
		});
		const report = checker.checkModule(filesOf(module));
		expect(report.errors).toBe(0);
		expect(report.stats).toMatchObject({ nodes: 2, maxScore: 3, bestScore: 3, bestPercent: 100, savedStateLength: engine.worstCaseCompactLength(module) });
	});

	it('has no statistics when module.json breaks the format', () => {
		const report = checker.checkModule(filesOf(moduleOf({ start: content('nowhere'), end })));
		expect(report.errors).toBeGreaterThan(0);
		expect(report.stats).toBeUndefined();
	});

	it('places an issue without a line of its own at the line of its key', () => {
		const module = small();
		const files = { ...filesOf(module), folder: 'elsewhere' };
		const [issue] = checker.checkModule(files).issues.filter((i) => i.code === 'id-mismatch');
		expect(issue.line).toBe(lineOf(files.moduleJson, '"id": "report"'));
		expect(issue.column).toBe(2);
	});

	it('tells the engine\u2019s own findings in Dutch, and says so when it cannot', () => {
		const module = small();
		const broken = { ...module, masteryScore: 150 };
		const en = checker.checkModule(filesOf(broken), { lang: 'en' }).issues.filter((i) => i.severity === 'error');
		const nl = checker.checkModule(filesOf(broken), { lang: 'nl' }).issues.filter((i) => i.severity === 'error');
		expect(en.map((i) => [i.code, i.path])).toEqual(nl.map((i) => [i.code, i.path]));
		expect(nl[0].message).not.toBe(en[0].message);
		expect(nl[0].translated).toBeUndefined();
	});
});
