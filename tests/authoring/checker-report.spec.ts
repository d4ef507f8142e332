// The checker's report as an author reads it: broken files (JSON, keys written twice, texts files
// that are missing or not an object), SVG files, the statistics, the language of the messages and
// the line each issue points at (issue 17, mutation testing of src/lib/authoring/checker.ts).
// Modules are loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleDefinition, StateConfig } from '../../src/lib/engine';
import { contentNode, endNode, localeJson, moduleOf as buildModule } from './chart-builders';

let engine: typeof import('../../src/lib/engine');
let checker: typeof import('../../src/lib/authoring/checker');
beforeEach(async () => {
	engine = await import('../../src/lib/engine');
	checker = await import('../../src/lib/authoring/checker');
});

const content = contentNode;
const end = endNode;
const moduleOf = (states: Record<string, StateConfig>, extra: Partial<ModuleDefinition> = {}) => buildModule('report', states, extra);
const small = () => moduleOf({ start: content('end'), end });

/** Every key the module needs, reading "x" unless given. */
const localeOf = (module: ModuleDefinition, texts: Record<string, string> = {}) => localeJson(engine.keysOf(module).required, () => 'x', texts);
const filesOf = (module: ModuleDefinition, locales?: Record<string, string | null>, files: string[] = []) => ({
	folder: module.id,
	moduleJson: JSON.stringify(module, null, '\t'),
	locales: locales ?? Object.fromEntries(module.languages.map((l) => [l, localeOf(module)])),
	fileExists: (path: string) => files.includes(path)
});
const without = <T extends { code: string }>(codes: string[], issues: T[]) => issues.filter((i) => !codes.includes(i.code));
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

describe('rules of the chart, in the words an author reads', () => {
	const choice = (options: Record<string, string | { target: string; points: number }>): StateConfig => ({
		meta: { kind: 'choice', options: Object.keys(options) },
		on: Object.fromEntries(Object.entries(options).map(([o, t]) => [`choose.${o}`, typeof t === 'string' ? t : { target: t.target, actions: [{ type: 'addPoints', params: { points: t.points } }] }]))
	});
	/** A ring of `size` choice nodes r0 → r1 → … → r0, each with a way out; the way back to r0 gives `points`. */
	const ring = (size: number, points: number) => {
		const states: Record<string, StateConfig> = { start: content('r0'), end };
		for (let i = 0; i < size; i++) states[`r${i}`] = choice({ on: i + 1 < size ? `r${i + 1}` : { target: 'r0', points }, out: 'end' });
		return checker.checkModule(filesOf(moduleOf(states))).issues.filter((i) => i.code === 'scoring-loop');
	};

	it('names up to six nodes of a loop that gives points, then "…", with the points and their sign', () => {
		const [six] = ring(6, 2);
		expect(six).toMatchObject({ severity: 'warning', file: 'module.json' });
		expect(six.message).toMatch(/^The loop through "r\d", "r\d", "r\d", "r\d", "r\d", "r\d" awards points \(\+2\) each time round/);
		const [seven] = ring(7, 2);
		expect(seven.message).toMatch(/^The loop through ("r\d", ){5}"r\d", … awards points \(\+2\)/);
		expect(ring(2, -1)[0].message).toMatch(/^The loop through "r\d", "r\d" awards points \(-1\)/);
	});

	/** A chain of `decisions` dilemmas and then `pages` pages: 55 + 2 × nodes + 6 × decisions characters (node codes of 2 characters). */
	const chain = (decisions: number, pages: number) => {
		const ids = [...Array(decisions + pages).keys()].map((i) => (i === 0 ? 'start' : `n${i}`));
		const states: Record<string, StateConfig> = { end };
		ids.forEach((id, i) => (states[id] = i < decisions ? choice({ a: ids[i + 1] ?? 'end', b: ids[i + 1] ?? 'end' }) : content(ids[i + 1] ?? 'end')));
		const report = checker.checkModule(filesOf(moduleOf(states, { studyMinutes: 900 })));
		return { length: report.stats!.savedStateLength, issues: report.issues.filter((i) => i.code.startsWith('saved-state')).map((i) => [i.severity, i.code, i.path, i.message]) };
	};

	it('advises from just over 1,024 characters of saved progress', () => {
		expect(chain(120, 3)).toEqual({ length: 1023, issues: [] });
		expect(chain(120, 4)).toEqual({
			length: 1025,
			issues: [['warning', 'saved-state-large', 'machine', 'Saved progress can grow to 1025 characters on the longest path, more than 1,024; it fits SCORM 1.2 (4,096), but leaves little room.']]
		});
	});

	// Charts of 575 nodes: seconds on a loaded machine.
	it('refuses from just over 4,096 characters', { timeout: 60_000 }, () => {
		// Over 300 nodes the path is cut to its last 300; every decision still counts.
		expect(chain(573, 0)).toMatchObject({ length: 4093, issues: [['warning', 'saved-state-large', 'machine', expect.any(String)]] });
		expect(chain(574, 0)).toMatchObject({ length: 4099, issues: [['error', 'saved-state-too-large', 'machine', expect.stringContaining('grow to 4099 characters')]] });
	});

	it('shows a best path that loses points as 0 points and 0 %, not as a negative score', () => {
		// The bonus is behind a gate no learner passes: the maximum counts it, the best path does not.
		const module = moduleOf(
			{
				start: choice({ a: { target: 'gate', points: -2 }, b: { target: 'gate', points: -3 } }),
				gate: { meta: { kind: 'content' }, on: { continue: [{ target: 'bonus', guard: { type: 'scoreAtLeast', params: { points: 1 } } }, { target: 'end' }] } } as StateConfig,
				bonus: choice({ a: { target: 'end', points: 6 }, b: 'end' }),
				end
			},
			{ masteryScore: 10 }
		);
		const report = checker.checkModule(filesOf(module));
		const [issue] = report.issues.filter((i) => i.code === 'mastery-unreachable');
		expect(issue.message).toBe('masteryScore is 10 %, but the best possible path scores 0 % (0 of 4 points): nobody can pass.');
		expect(report.stats).toMatchObject({ maxScore: 4, bestScore: -2, bestPercent: 0 });
	});

	it('judges study time and pages in the default language, not the first one listed', () => {
		const module = moduleOf({ start: content('end'), end }, { languages: ['en', 'nl'], defaultLanguage: 'nl', studyMinutes: 1 });
		const long = Array(40).fill('woord '.repeat(6) + 'x'.repeat(2)).join('\n\n');
		const report = checker.checkModule({ ...filesOf(module), locales: { en: localeOf(module), nl: localeOf(module, { 'nodes.start.body': long }) } });
		expect(report.issues.filter((i) => i.code === 'page-long').map((i) => i.file)).toEqual(['locales/nl.json']);
		expect(report.stats!.words).toBeGreaterThan(240);
	});
});

describe('images, guards and the words of the report', () => {
	const page = (body: string, files: string[] = [], folder?: string) => {
		const module = small();
		const files_ = { ...filesOf(module, { en: localeOf(module, { 'nodes.start.body': body }) }, files) };
		if (folder === undefined) delete (files_ as { folder?: string }).folder;
		return without(['study-time'], checker.checkModule(files_).issues);
	};

	it('names a missing image by its path in the folder, and also says when its alt text is empty', () => {
		const issues = page('![ ](./media/sam.png)');
		expect(issues.map((i) => [i.code, i.severity])).toEqual([
			['image-missing', 'error'],
			['image-no-alt', 'error']
		]);
		expect(issues[0].message).toContain('"media/sam.png"');
		expect(issues[1].message).toContain('"./media/sam.png"');
	});

	it('does not compare the id with a folder when it is not told the folder', () => {
		expect(page('x')).toEqual([]);
	});

	it('names the guard that never holds and the node, and the node where a learner is stuck', () => {
		const gate = (guards: number) =>
			moduleOf({
				start: { meta: { kind: 'content' }, on: { continue: [{ target: 'end', guard: { type: 'scoreAtLeast', params: { points: 5 } } }, ...(guards === 1 ? [{ target: 'end' }] : [])] } } as StateConfig,
				end
			});
		const [never] = checker.checkModule(filesOf(gate(1))).issues.filter((i) => i.code === 'guard-never');
		expect(never).toMatchObject({ severity: 'warning', file: 'module.json', path: 'machine.states.start.on.continue[0]' });
		expect(never.message).toBe('The guard "scoreAtLeast" never holds when the learner is at "start", so this alternative is never taken.');
		const stuck = checker.checkModule(filesOf(gate(0))).issues.filter((i) => i.code === 'no-fallback');
		expect(stuck.map((i) => [i.severity, i.path, i.message])).toEqual([
			['warning', 'machine.states.start.on.continue', 'Every alternative for "continue" at "start" has a guard; when none holds, the learner is stuck.']
		]);
	});

	it('shows a finding it has no words for by its code, and marks it untranslated in Dutch', () => {
		const finding = { severity: 'error' as const, code: 'new-rule', file: 'notes.txt', params: {} };
		const en = checker.checkModule({ ...filesOf(small()), contents: [finding] }).issues.find((i) => i.code === 'new-rule');
		expect(en).toMatchObject({ message: 'new-rule', fix: '' });
		expect(en!.translated).toBeUndefined();
		const nl = checker.checkModule({ ...filesOf(small()), contents: [finding] }, { lang: 'nl' }).issues.find((i) => i.code === 'new-rule');
		expect(nl).toMatchObject({ message: 'new-rule', fix: '', translated: false });
		expect(nl).not.toHaveProperty('line');
	});
});

describe('broken files, where the report points', () => {
	it('says there is no module.json, for the folder as a whole', () => {
		const [issue] = checker.checkModule({ moduleJson: null, locales: {}, fileExists: () => false }).issues;
		expect(issue).toEqual({ severity: 'error', code: 'no-module-json', file: 'module.json', path: '', message: 'The module has no module.json.', fix: expect.stringContaining('npm run new:module') });
	});

	it('refuses module.json that holds a list or lists its languages wrongly, without stopping', () => {
		for (const moduleJson of ['[]', JSON.stringify({ ...small(), languages: 'en' })]) {
			const report = checker.checkModule({ moduleJson, locales: { en: localeOf(small()) }, fileExists: () => false });
			expect(report.errors, moduleJson).toBeGreaterThan(0);
			expect(report.issues.every((i) => i.file === 'module.json' || i.code === 'unused-locale-file'), moduleJson).toBe(true);
		}
	});

	it('says a texts file must hold one object when it holds a text, a number or null', () => {
		for (const text of ['"tekst"', '42', 'null'])
			expect(checker.checkModule({ ...filesOf(small()), locales: { en: text } }).issues.map((i) => [i.code, i.file, i.path]), text).toEqual([['schema', 'locales/en.json', '']]);
	});

	it('points a missing texts file at the file, not at a key', () => {
		const [issue] = checker.checkModule({ ...filesOf(small()), locales: {} }).issues;
		expect(issue).toMatchObject({ code: 'missing-file', path: '' });
		expect(issue).not.toHaveProperty('line');
	});

	it('calls code in a text an error, in module.json too, and says which code', () => {
		const module = { ...small(), sources: [{ id: 's1', citation: 'Zie <script>' }] } as ModuleDefinition;
		const [issue] = checker.checkModule(filesOf(module)).issues.filter((i) => i.code === 'hostile-content');
		expect(issue).toMatchObject({ severity: 'error', file: 'module.json', path: 'sources[0].citation', message: 'This text holds "<script", code that could run in the learner\'s browser.' });
	});

	it('still checks the links of a text that holds HTML (only code silences them)', () => {
		const module = small();
		const report = checker.checkModule({ ...filesOf(module), locales: { en: localeOf(module, { 'nodes.start.body': '<b>Zie</b> [dit](ftp://example.org/x)' }) } });
		expect(without(['study-time'], report.issues).map((i) => i.code)).toEqual(['unsafe-link', 'html-removed']);
	});

	it('lists the texts files before other files, whatever their names, and issues on one line by column', () => {
		const module = small();
		const locale = JSON.stringify(JSON.parse(localeOf(module))).replace('{', '{"a":"x","a":"y","b":"x","b":"y",');
		const report = checker.checkModule({ ...filesOf(module), locales: { en: locale }, contents: [{ severity: 'error', code: 'file-not-allowed', file: 'extra.txt', params: { file: 'extra.txt' } }] });
		expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.code, i.path])).toEqual([
			['locales/en.json', 'duplicate-key', 'a'],
			['locales/en.json', 'duplicate-key', 'b'],
			['extra.txt', 'file-not-allowed', '']
		]);
		const [a, b] = report.issues;
		expect([a.line, b.line]).toEqual([1, 1]);
		expect(a.column!).toBeLessThan(b.column!);
	});
});

describe('issues on one line', () => {
	it('come by column, whatever rule found them first', () => {
		// The key written twice is found while reading the file, the code in the text after it.
		const module = small();
		const locale = JSON.stringify(JSON.parse(localeOf(module, { 'nodes.start.body': 'Zie <script>' }))).replace(/}$/, ',"z":"x","z":"y"}');
		const errors = checker.checkModule({ ...filesOf(module), locales: { en: locale } }).issues.filter((i) => i.severity === 'error');
		expect(errors.map((i) => [i.code, i.line])).toEqual([
			['hostile-content', 1],
			['duplicate-key', 1]
		]);
		expect(errors[0].column!).toBeLessThan(errors[1].column!);
	});
});
