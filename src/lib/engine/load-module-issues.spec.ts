// What a trainer sees when a module's files are wrong: where in the file (line and column), which
// text is missing, empty or unused, and which of those stop the module and which only warn.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES_DIR, readModuleFiles } from '../../../tests/helpers/load-from-disk';
import { flattenLocale, loadModule, parseJson, type LocaleTree } from './load-module';

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
	const issues = (result: ReturnType<typeof loadModule>) => (result.ok ? result.loaded.warnings : result.issues).map((i) => [i.severity, i.code, i.file, i.path]);

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
