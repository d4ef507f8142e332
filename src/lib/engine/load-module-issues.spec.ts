// What a trainer sees when a module's files are wrong: where in the file (line and column), which
// text is missing, empty or unused, and which of those stop the module and which only warn.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MODULES_DIR, readModuleFiles } from '../../../tests/helpers/load-from-disk';
import { flattenLocale, loadLocale, loadModule, parseJson, type LocaleTree } from './load-module';

describe('parseJson', () => {
	it('says on which line and column the JSON breaks', () => {
		const result = parseJson('{\n  "a": 1\n  "b": 2\n}', 'locales/nl.json');
		expect('issue' in result && result.issue).toMatchObject({ severity: 'error', code: 'invalid-json', file: 'locales/nl.json', path: '', line: 3, column: 3 });
		expect('issue' in result && result.issue.message).toMatch(/^The file is not valid JSON \(line 3, column 3\): Expected ',' or '}'/);
		const first = parseJson('{"a": 1 "b": 2}', 'module.json');
		expect('issue' in first && [first.issue.line, first.issue.column]).toEqual([1, 9]);
	});

	it('puts an unfinished file\'s problem on its last line', () => {
		const result = parseJson('{\n\n"a": ', 'module.json');
		expect('issue' in result && [result.issue.line, result.issue.column]).toEqual([3, undefined]);
		expect('issue' in result && result.issue.message).toBe('The file is not valid JSON (line 3): Unexpected end of JSON input');
		// An empty file ends on its first line.
		const empty = parseJson('', 'module.json');
		expect('issue' in empty && empty.issue.line).toBe(1);
	});

	it('reads valid JSON as it is', () => {
		expect(parseJson('{"a": [1, "x"]}', 'module.json')).toEqual({ value: { a: [1, 'x'] } });
	});
});

describe('flattenLocale', () => {
	it('joins nested keys with dots and keeps lists and other values whole', () => {
		const tree = { meta: { title: 'T', tags: ['a'] }, n: null, count: 3 } as unknown as LocaleTree;
		expect(Object.fromEntries(flattenLocale(tree))).toEqual({ 'meta.title': 'T', 'meta.tags': ['a'], n: null, count: 3 });
	});
});

describe('checking the texts of a module', () => {
	const demo = readModuleFiles(join(MODULES_DIR, 'demo'));
	/** The demo with its Dutch texts changed. */
	const withNl = (change: (nl: Record<string, any>) => void, languages = ['nl']) => {
		const nl = JSON.parse(demo.locales.nl!);
		change(nl);
		return loadModule({ moduleJson: demo.moduleJson, locales: { ...demo.locales, nl: JSON.stringify(nl) } }, { languages });
	};
	/** Severity, code, file and path of each issue; each must also say what is wrong and how to fix it. */
	const issues = (result: ReturnType<typeof loadModule>) =>
		(result.ok ? result.loaded.warnings : result.issues).map((i) => {
			expect(i.message.length, i.path).toBeGreaterThan(20);
			expect(i.fix.length, i.path).toBeGreaterThan(15);
			return [i.severity, i.code, i.file, i.path];
		});

	it('loads with a warning for a text no node uses', () => {
		const result = withNl((nl) => (nl.nodes.welcome.subtitle = 'Extra'));
		expect(result.ok).toBe(true);
		expect(issues(result)).toEqual([['warning', 'unused-key', 'locales/nl.json', 'nodes.welcome.subtitle']]);
	});

	it('stops on a missing, empty or non-text text, each named', () => {
		expect(issues(withNl((nl) => delete nl.nodes.welcome.body))).toEqual([['error', 'missing-key', 'locales/nl.json', 'nodes.welcome.body']]);
		expect(issues(withNl((nl) => (nl.nodes.welcome.body = '  \n')))).toEqual([['error', 'empty-string', 'locales/nl.json', 'nodes.welcome.body']]);
		// An optional text, when present, must not be empty either.
		expect(issues(withNl((nl) => (nl.meta.audience = '')))).toEqual([['error', 'empty-string', 'locales/nl.json', 'meta.audience']]);
		expect(issues(withNl((nl) => (nl.nodes.welcome.body = 3)))).toEqual([['error', 'schema', 'locales/nl.json', 'nodes.welcome.body']]);
		// An empty text no node uses is only unused.
		expect(issues(withNl((nl) => (nl.nodes.welcome.note = '')))).toEqual([['warning', 'unused-key', 'locales/nl.json', 'nodes.welcome.note']]);
	});

	it('needs a chapter title for every chapter', () => {
		expect(issues(withNl((nl) => delete nl.chapters['week-2']))).toEqual([['error', 'missing-key', 'locales/nl.json', 'chapters.week-2']]);
	});

	it('stops on a locale file that is missing or not one JSON object', () => {
		const load = (nl: string | null) => loadModule({ moduleJson: demo.moduleJson, locales: { ...demo.locales, nl } });
		expect(issues(load(null))).toEqual([['error', 'missing-file', 'locales/nl.json', '']]);
		expect(issues(load('["x"]'))).toEqual([['error', 'schema', 'locales/nl.json', '']]);
		expect(issues(load('null'))).toEqual([['error', 'schema', 'locales/nl.json', '']]);
		expect(issues(load('3'))).toEqual([['error', 'schema', 'locales/nl.json', '']]);
		expect(issues(load('"tekst"'))).toEqual([['error', 'schema', 'locales/nl.json', '']]);
		expect(issues(load('{"meta": '))).toEqual([['error', 'invalid-json', 'locales/nl.json', '']]);
		expect(issues(loadModule({ moduleJson: demo.moduleJson, locales: { nl: demo.locales.nl } }))).toEqual([['error', 'missing-file', 'locales/en.json', '']]);
	});

	it('reads every language when the asked ones are not the module\'s', () => {
		const result = loadModule({ moduleJson: demo.moduleJson, locales: demo.locales }, { languages: ['de'] });
		expect(result.ok && Object.keys(result.loaded.locales).sort()).toEqual(['en', 'nl']);
	});

	it('stops on a broken module.json before reading any text', () => {
		expect(issues(loadModule({ moduleJson: '{', locales: {} }))).toEqual([['error', 'invalid-json', 'module.json', '']]);
		const result = loadModule({ moduleJson: '{"formatVersion": 1}', locales: demo.locales });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.issues.every((i) => i.file === 'module.json')).toBe(true);
	});
});

describe('where the JSON breaks, as each browser words it', () => {
	// The player runs in browsers whose JSON.parse words an error differently; Node (this suite)
	// says "at position N". These stand in for the other wordings, which parseJson turns into the
	// same line and column.
	const parseWith = (message: string, text: string) => {
		const spy = vi.spyOn(JSON, 'parse').mockImplementation(() => {
			throw new SyntaxError(message);
		});
		try {
			return parseJson(text, 'module.json');
		} finally {
			spy.mockRestore();
		}
	};

	it('reads Firefox\'s line and column, without its "JSON.parse: " prefix', () => {
		const result = parseWith('JSON.parse: expected \',\' or \'}\' after property value in object at line 2 column 10 of the JSON data', '{\n "a": 1 "b": 2}');
		expect('issue' in result && result.issue).toMatchObject({ line: 2, column: 10, message: 'The file is not valid JSON (line 2, column 10): expected \',\' or \'}\' after property value in object at line 2 column 10 of the JSON data' });
		expect(parseWith('JSON.parse: unexpected character at line 12 column 3 of the JSON data', '{}')).toMatchObject({ issue: { line: 12, column: 3 } });
	});

	it('prefers the line and column of a newer Chrome over its position', () => {
		const result = parseWith('Expected \',\' or \'}\' after property value in JSON at position 12 (line 2 column 10)', '{\n "a": 1 "b": 2}');
		expect('issue' in result && [result.issue.line, result.issue.column]).toEqual([2, 10]);
	});

	it('counts lines and columns from a position, on the first line and after a line break', () => {
		expect(parseWith('Unexpected token in JSON at position 3', 'abcdef')).toMatchObject({ issue: { line: 1, column: 4 } });
		expect(parseWith('Unexpected token in JSON at position 6', 'ab\ncdef')).toMatchObject({ issue: { line: 2, column: 4 } });
		expect(parseWith('Unexpected token in JSON at position 0', 'x')).toMatchObject({ issue: { line: 1, column: 1 } });
	});

	it('names no place when the browser names none', () => {
		const result = parseJson('[1,]', 'locales/en.json');
		expect('issue' in result && result.issue).toMatchObject({ file: 'locales/en.json', line: undefined, column: undefined });
		expect('issue' in result && result.issue.message).toBe('The file is not valid JSON: Unexpected token \']\', "[1,]" is not valid JSON');
		expect('issue' in result && result.issue.fix).toMatch(/missing comma/);
	});
});

describe('the texts a module needs', () => {
	const demo = readModuleFiles(join(MODULES_DIR, 'demo'));
	const issues = (result: ReturnType<typeof loadModule>) => (result.ok ? result.loaded.warnings : result.issues).map((i) => [i.severity, i.code, i.file, i.path]);

	it('needs the texts that module.json names as its title and description', () => {
		const json = JSON.parse(demo.moduleJson);
		json.title = 'meta.heading';
		json.description = 'meta.summary';
		const result = loadModule({ moduleJson: JSON.stringify(json), locales: demo.locales }, { languages: ['nl'] });
		expect(issues(result)).toEqual([
			['error', 'missing-key', 'locales/nl.json', 'meta.heading'],
			['error', 'missing-key', 'locales/nl.json', 'meta.summary']
		]);
		expect(!result.ok && result.issues[0].message).toBe('The text "meta.heading" is missing in nl.');
		expect(!result.ok && result.issues[0].fix).toBe('Add "meta.heading" to locales/nl.json.');
	});

	it('takes audience and goals as optional texts: absent is fine, present must not be empty', () => {
		for (const key of ['audience', 'goals']) {
			const nl = JSON.parse(demo.locales.nl!);
			delete nl.meta[key];
			expect(loadModule({ moduleJson: demo.moduleJson, locales: { nl: JSON.stringify(nl) } }, { languages: ['nl'] }).ok, key).toBe(true);
			nl.meta[key] = ' ';
			expect(issues(loadModule({ moduleJson: demo.moduleJson, locales: { nl: JSON.stringify(nl) } }, { languages: ['nl'] })), key).toEqual([['error', 'empty-string', 'locales/nl.json', `meta.${key}`]]);
		}
	});

	it('says what is wrong with a language added later, in the same words as at loading', () => {
		const first = loadModule({ moduleJson: demo.moduleJson, locales: { nl: demo.locales.nl } }, { languages: ['nl'] });
		if (!first.ok) throw new Error('demo does not load');
		const module = first.loaded.module;
		const codes = (result: ReturnType<typeof loadLocale>) => (result.ok ? [] : result.issues.map((i) => [i.code, i.file, i.path, i.message]));
		expect(codes(loadLocale(module, 'de', '{}'))).toEqual([['missing-file', 'locales/de.json', '', 'The module has no language "de".']]);
		expect(codes(loadLocale(module, 'en', null))).toEqual([['missing-file', 'locales/en.json', '', 'The texts for language "en" are missing.']]);
		expect(codes(loadLocale(module, 'en', '[]'))).toEqual([['schema', 'locales/en.json', '', 'A locale file must hold one JSON object.']]);
		expect(codes(loadLocale(module, 'en', 'null'))).toEqual([['schema', 'locales/en.json', '', 'A locale file must hold one JSON object.']]);
		expect(codes(loadLocale(module, 'en', '3'))).toEqual([['schema', 'locales/en.json', '', 'A locale file must hold one JSON object.']]);
		// Each says how to fix it, too.
		const fixes = (result: ReturnType<typeof loadLocale>) => (result.ok ? [] : result.issues.map((i) => i.fix));
		const all = [...fixes(loadLocale(module, 'de', '{}')), ...fixes(loadLocale(module, 'en', null)), ...fixes(loadLocale(module, 'en', '[]'))];
		expect(all).toHaveLength(3);
		for (const fix of all) expect(fix.length).toBeGreaterThan(15);
		expect(codes(loadLocale(module, 'en', '{')).map(([code, file]) => [code, file])).toEqual([['invalid-json', 'locales/en.json']]);
		const en = JSON.parse(demo.locales.en!);
		en.nodes.welcome.extra = 'x';
		// A text no node uses is only a warning: the language loads.
		expect(loadLocale(module, 'en', JSON.stringify(en)).ok).toBe(true);
		delete en.nodes.welcome.body;
		expect(codes(loadLocale(module, 'en', JSON.stringify(en))).map(([code, , path]) => [code, path])).toEqual([
			['missing-key', 'nodes.welcome.body'],
			['unused-key', 'nodes.welcome.extra']
		]);
	});

	it('loads the module with its chart, texts and warnings, ready to play', () => {
		const result = loadModule(demo);
		if (!result.ok) throw new Error('demo does not load');
		expect(result.loaded.module.id).toBe('demo');
		expect(Object.keys(result.loaded.locales).sort()).toEqual(['en', 'nl']);
		expect((result.loaded.locales.nl.meta as LocaleTree).title).toBe(JSON.parse(demo.locales.nl!).meta.title);
		expect(result.loaded.warnings).toEqual([]);
		expect(result.loaded.scenario.start(0).node).toBe(result.loaded.module.machine.initial);
	});
});
