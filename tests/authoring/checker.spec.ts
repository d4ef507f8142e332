// The module checker (src/lib/authoring/checker.ts) against a corpus of broken modules
// (tests/fixtures/broken/<case>/, one per kind of problem), the shipped modules, generated ones,
// and the CLI (src/tools/check-modules.ts).
import { describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModule, type CheckIssue, type ModuleFilesForCheck } from '../../src/lib/authoring/checker';
import { generatedFiles, generateModule } from '../../src/lib/authoring/generate-module';
import { listModuleFolders, readModuleForCheck } from '../../src/lib/authoring/read-module';
import { MODULES_DIR } from '../helpers/load-from-disk';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'broken');
const reports = new Map<string, ReturnType<typeof checkModule>>();
/** The checker's report on a fixture (each checked once per language: the machine may be slow). */
const check = (name: string, lang: 'en' | 'nl' = 'en') => {
	const key = `${name} ${lang}`;
	if (!reports.has(key)) reports.set(key, checkModule(readModuleForCheck(join(FIXTURES, name), name), { lang }));
	return reports.get(key)!;
};
vi.setConfig({ testTimeout: 60_000 });

interface Expected {
	code: string;
	file: string;
	line?: number;
	/** Text on that line, so a line number cannot be right by accident. */
	text?: string;
	path?: string;
	severity?: 'error' | 'warning';
}

/** Every fixture and what the checker must find in it: nothing more (errors), nothing less. */
const EXPECTED: Record<string, Expected[]> = {
	'invalid-json': [{ code: 'invalid-json', file: 'module.json', line: 25, text: '"end": {' }],
	schema: [{ code: 'schema', file: 'module.json', line: 22, text: '"quiz": {', path: 'machine.states.quiz.meta.correct' }],
	'missing-target': [{ code: 'missing-target', file: 'module.json', line: 19, text: '"wait-outcom"', path: 'machine.states.dilemma.on.choose.wait' }],
	unreachable: [{ code: 'unreachable', file: 'module.json', line: 26, text: '"extra": {', path: 'machine.states.extra' }],
	'dead-end': [{ code: 'dead-end', file: 'module.json', line: 21, text: '"wait-outcome": {' }],
	'no-exit-loop': [
		{ code: 'no-exit-loop', file: 'module.json', line: 21, text: '"wait-outcome": {' },
		{ code: 'no-exit-loop', file: 'module.json', line: 26, text: '"wait-again": {' }
	],
	'no-end': [{ code: 'no-end', file: 'module.json', line: 16, text: '"states": {' }],
	'unknown-guard': [{ code: 'unknown-guard', file: 'module.json', line: 20, text: '"scoreAbove"' }],
	'unknown-action': [{ code: 'unknown-action', file: 'module.json', line: 19, text: '"givePoints"' }],
	'unreachable-alternative': [{ code: 'unreachable-alternative', file: 'module.json', line: 20, text: '"ask-outcome"' }],
	'missing-key': [{ code: 'missing-key', file: 'locales/nl.json', line: 27, text: '"wait": {', path: 'nodes.dilemma.options.wait.feedback' }],
	'empty-string': [{ code: 'empty-string', file: 'locales/en.json', line: 45, text: '"explanation": "  "' }],
	'missing-file': [{ code: 'missing-file', file: 'locales/en.json' }],
	'duplicate-key': [{ code: 'duplicate-key', file: 'locales/en.json', line: 36, text: '"title": "A talk"' }],
	'id-mismatch': [{ code: 'id-mismatch', file: 'module.json', line: 3, text: '"another-name"' }],
	'image-missing': [
		{ code: 'image-missing', file: 'module.json', line: 18, text: '"media/sam.svg"' },
		{ code: 'image-missing', file: 'locales/en.json', line: 9, text: 'media/map.png' },
		{ code: 'image-outside', file: 'locales/nl.json', line: 9, text: '../shared/map.png' }
	],
	'image-no-alt': [
		{ code: 'image-no-alt', file: 'locales/en.json', line: 9, text: '![](media/portrait.svg)' },
		{ code: 'image-no-alt', file: 'locales/nl.json', line: 9, text: '![ ](media/portrait.svg)' }
	],
	'mastery-unreachable': [{ code: 'mastery-unreachable', file: 'module.json', line: 11, text: '"masteryScore": 70' }],
	'saved-state-too-large': [{ code: 'saved-state-too-large', file: 'module.json', line: 12, text: '"machine": {' }],
	'hostile-content': [
		{ code: 'hostile-content', file: 'locales/en.json', line: 9, text: '<script>' },
		{ code: 'hostile-content', file: 'locales/en.json', line: 20, text: 'onerror=' },
		{ code: 'hostile-content', file: 'locales/nl.json', line: 9, text: 'javascript:' },
		{ code: 'hostile-content', file: 'locales/nl.json', line: 44, text: '<svg><script>' }
	],
	'text-too-long': [{ code: 'text-too-long', file: 'locales/en.json', line: 36, text: '"body": "You talk' }],
	'svg-script': [{ code: 'svg-script', file: 'media/portrait.svg', line: 3, text: '<script>' }],
	// A module is data only: module.json, locales/<lang>.json and images in media/ (module-contents.ts).
	'file-not-allowed': [
		{ code: 'file-not-allowed', file: 'media/info.html' },
		{ code: 'file-not-allowed', file: 'media/x.js' },
		{ code: 'file-not-allowed', file: 'style.css' },
		{ code: 'unsafe-link', file: 'locales/nl.json', line: 9, text: '[de folder](media/info.html)', path: 'nodes.welcome.body' }
	],
	'folder-not-allowed': [
		{ code: 'folder-not-allowed', file: 'scripts/' },
		{ code: 'folder-not-allowed', file: 'locales/old/' },
		{ code: 'folder-not-allowed', file: 'media/Oude versie/' }
	],
	'svg-tricks': [
		{ code: 'svg-script', file: 'media/entity.svg', line: 2, text: '<!DOCTYPE svg [<!ENTITY' },
		{ code: 'svg-script', file: 'media/foreign-object.svg', line: 3, text: '<foreignObject' },
		{ code: 'svg-script', file: 'media/javascript-href.svg', line: 3, text: 'xlink:href="javascript:' },
		{ code: 'svg-script', file: 'media/onload.svg', line: 2, text: 'onload=' },
		{ code: 'svg-script', file: 'media/s-prefix.svg', line: 3, text: '<s:script>' },
		{ code: 'svg-script', file: 'media/stylesheet.svg', line: 1, text: '<?xml-stylesheet' },
		{ code: 'svg-script', file: 'media/xhtml-script.svg', line: 3, text: '<h:script>' }
	],
	'media-kind-mismatch': [{ code: 'media-kind-mismatch', file: 'media/photo.png' }],
	'media-name': [{ code: 'media-name', file: 'media/Sam portret.png' }],
	'unsafe-url': [
		{ code: 'unsafe-url', file: 'module.json', line: 12, text: '"url": "javascript:', path: 'publisher.url' },
		{ code: 'hostile-content', file: 'module.json', line: 12, text: '"url": "javascript:', path: 'publisher.url' }
	],
	'invisible-characters': [{ code: 'invisible-characters', file: 'locales/nl.json', line: 20, text: 'Factuur_\u202egnp.exe', path: 'nodes.dilemma.body', severity: 'warning' }],
	warnings: [
		{ code: 'study-time', file: 'module.json', line: 10, text: '"studyMinutes": 120', severity: 'warning' },
		{ code: 'guard-never', file: 'module.json', line: 23, text: '"visited", "params": { "node": "evaluation" }', severity: 'warning' },
		{ code: 'no-fallback', file: 'module.json', line: 24, text: '"evaluation": {', severity: 'warning' },
		{ code: 'scoring-loop', file: 'module.json', line: 26, text: '"practice": {', severity: 'warning' },
		{ code: 'unused-key', file: 'locales/en.json', line: 10, text: '"subtitle"', severity: 'warning' },
		{ code: 'unused-key', file: 'locales/nl.json', line: 10, text: '"subtitle"', severity: 'warning' },
		{ code: 'image-external', file: 'locales/en.json', line: 9, text: 'https://example.org/logo.png', severity: 'warning' },
		{ code: 'html-removed', file: 'locales/nl.json', line: 9, text: '<form>', severity: 'warning' },
		{ code: 'unused-locale-file', file: 'locales/de.json', severity: 'warning' },
		{ code: 'dilemmas-fixed', file: 'module.json', line: 13, text: '"machine": {', severity: 'warning' }
	]
};

const key = (i: { code: string; file: string; line?: number }) => `${i.code} ${i.file}:${i.line ?? '-'}`;

describe('the corpus of broken modules', () => {
	it('has one folder per case, and every folder is a case here', () => {
		const folders = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'module.json')));
		expect(folders.sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
		// Checked in the tests, not while the file is collected: a mutation run (tests/mutation) then
		// knows which tests use the checker (check() keeps each report, so it is still checked once).
		const report = () => check(name);

		it('is caught with the right code, file and line, and nothing else is wrong', () => {
			const severity = expected[0].severity ?? 'error';
			const found = report().issues.filter((i) => i.severity === severity).map(key).sort();
			expect(found).toEqual(expected.map(key).sort());
			if (severity === 'warning') expect(report().errors).toBe(0);
		});

		it('points at a line that holds the problem', () => {
			for (const e of expected) {
				const issue = report().issues.find((i) => i.code === e.code && i.file === e.file && i.line === e.line)!;
				if (e.path) expect(issue.path).toBe(e.path);
				if (e.line === undefined) continue;
				const lines = readFileSync(join(FIXTURES, name, e.file), 'utf8').split('\n');
				expect(lines[e.line - 1], `${e.code} at ${e.file}:${e.line}`).toContain(e.text);
				expect(issue.column).toBeGreaterThan(0);
			}
		});

		it('explains every issue and says how to fix it', () => {
			for (const issue of report().issues) {
				expect(issue.message.length).toBeGreaterThan(10);
				expect(issue.fix.length).toBeGreaterThan(5);
			}
		});
	});

	it('gives line and column of invalid JSON, at the stray comma', () => {
		const issue = check('invalid-json').issues[0];
		const line = readFileSync(join(FIXTURES, 'invalid-json', 'module.json'), 'utf8').split('\n')[issue.line! - 1];
		expect(line[issue.column! - 1]).toBe(',');
		expect(issue.message).toMatch(/line 25, column \d+/);
	});

	it('takes guards into account for the best reachable score', () => {
		const report = check('mastery-unreachable');
		expect(report.stats).toMatchObject({ maxScore: 5, bestScore: 3, bestPercent: 60 });
		expect(report.issues[0].message).toContain('60 %');
	});

	it('reports missing images in any language and the persona portrait', () => {
		const paths = check('image-missing').issues.map((i) => `${i.file} ${i.path}`);
		expect(paths).toContain('module.json machine.states.meet.meta.image');
		expect(paths).toContain('locales/en.json nodes.welcome.body');
	});
});

describe('messages in Dutch', () => {
	const all = () => Object.keys(EXPECTED).flatMap((name) => check(name, 'nl').issues.map((i) => ({ name, ...i })));

	it('translates every message and fix of every fixture, engine messages included', () => {
		const untranslated = all().filter((i) => i.translated === false).map((i) => `${i.name}: ${i.message} / ${i.fix}`);
		expect(untranslated).toEqual([]);
	});

	it('differs from the English', () => {
		const english = Object.keys(EXPECTED).flatMap((name) => check(name, 'en').issues);
		const dutch = all().map((i) => i.message);
		expect(dutch.filter((m, n) => m === english[n].message)).toEqual([]);
		expect(check('missing-target', 'nl').issues[0].message).toBe('Het doel "wait-outcom" is geen knooppunt in deze module.');
		expect(check('invalid-json', 'nl').issues[0].message).toMatch(/^Het bestand is geen geldige JSON \(regel 25, kolom \d+\): een komma na het laatste onderdeel/);
		expect(check('saved-state-too-large', 'nl').issues[0].fix).toMatch(/splits de module/);
	});

	it('translates the engine messages of many other mistakes', () => {
		const base = JSON.parse(readFileSync(join(FIXTURES, 'schema', 'module.json'), 'utf8'));
		base.id = 'x';
		const mutations: ((m: any) => void)[] = [
			(m) => (m.formatVersion = 2),
			(m) => (m.id = 'Bad Id'),
			(m) => (m.version = '1.0'),
			(m) => (m.title = ''),
			(m) => (m.languages = []),
			(m) => (m.defaultLanguage = 'de'),
			(m) => (m.studyMinutes = 0),
			(m) => (m.masteryScore = 150),
			(m) => (m.allowBack = 'yes'),
			(m) => (m.sources = {}),
			(m) => (m.sources = [{ id: 's1' }]),
			(m) => (m.sources = [{ id: 's1', citation: 'KIS (2020). Titel.', url: 'www.kis.nl' }]),
			(m) => (m.chapters = ['Week 1']),
			(m) => (m.chapters = ['week-1', 'week-1']),
			(m) => (m.machine.states.welcome.meta.chapter = 'week-9'),
			(m) => ((m.chapters = ['week-1']), (m.machine.states.welcome.meta.chapter = 'week-2')),
			(m) => (m.machine.states.welcome.meta.fixedOrder = true),
			(m) => (m.machine.states.quiz.meta.fixedOrder = 'yes'),
			(m) => delete m.machine,
			(m) => (m.machine.id = ''),
			(m) => (m.machine.states = {}),
			(m) => (m.machine.initial = 'nowhere'),
			(m) => (m.machine.states['Bad Node'] = { meta: { kind: 'end' }, type: 'final' }),
			(m) => (m.machine.states.welcome = 'text'),
			(m) => (m.machine.states.welcome.meta.kind = 'video'),
			(m) => (m.machine.states.dilemma.meta.options = ['ask']),
			(m) => (m.machine.states.dilemma.meta.options = ['ask', 'ask']),
			(m) => (m.machine.states.quiz.meta.correct = ['a', 'b']),
			(m) => (m.machine.states.quiz.meta.points = 1.5),
			(m) => (m.machine.states.meet.meta.image = '../x.svg'),
			(m) => delete m.machine.states.end.type,
			(m) => (m.machine.states.end.on = { continue: 'welcome' }),
			(m) => (m.machine.states.welcome.type = 'final'),
			(m) => delete m.machine.states.dilemma.on['choose.wait'],
			(m) => (m.machine.states.welcome.on.next = 'meet'),
			(m) => (m.machine.states.dilemma.on['choose.maybe'] = 'end'),
			(m) => (m.machine.states.welcome.on.continue = { goto: 'meet' }),
			(m) => (m.machine.states.welcome.on.continue = { target: 'meet', actions: 'addPoints' }),
			(m) => (m.machine.states.welcome.on.continue = { target: 'meet', guard: 'visited' }),
			(m) => (m.machine.states.welcome.on.continue = { target: 'meet', guard: { type: 'scoreAtLeast' } }),
			(m) => (m.machine.states.welcome.on.continue = { target: 'meet', guard: { type: 'visited', params: { node: 'nowhere' } } }),
			(m) => (m.machine.states.welcome.on.continue = { target: 'meet', guard: { type: 'chose', params: { node: 'dilemma', option: 'maybe' } } }),
			(m) => (m.accreditation = 'SKJ'),
			(m) => (m.accreditation = { registrations: [] }),
			(m) => (m.accreditation = { provider: '', contact: 'javascript:alert(1)', example: 'yes', extra: 1, registrations: ['x'] }),
			(m) => (m.accreditation = { registrations: [{ register: '', points: -1, hours: 'veel', number: 5, validFrom: '2027-02-30', validUntil: '31-12-2027', other: 1 }] }),
			(m) => (m.accreditation = { registrations: [{ register: 'Registerplein', validFrom: '2027-01-01', validUntil: '2026-01-01' }] }),
			(m) => (m.certificateMinimumMinutes = 0)
		];
		const untranslated: string[] = [];
		for (const mutate of mutations) {
			const m = structuredClone(base);
			mutate(m);
			const files: ModuleFilesForCheck = { folder: 'x', moduleJson: JSON.stringify(m, null, '\t'), locales: { nl: '{}', en: '[]' }, fileExists: () => true };
			const report = checkModule(files, { lang: 'nl' });
			expect(report.errors, mutate.toString()).toBeGreaterThan(0);
			for (const issue of report.issues) if (issue.translated === false) untranslated.push(`${issue.message} / ${issue.fix}`);
		}
		expect(untranslated).toEqual([]);
	});
});

describe('shipped and generated modules', () => {
	it.each(listModuleFolders(MODULES_DIR))('modules/%s checks without errors', (id) => {
		const report = checkModule(readModuleForCheck(join(MODULES_DIR, id), id));
		const errors = report.issues.filter((i) => i.severity === 'error').map((i: CheckIssue) => `${i.file}:${i.line ?? '-'} ${i.path} ${i.message}`);
		expect(errors).toEqual([]);
	});

	// How fast: `npm run bench -- --only check` times the checker at 2,000 nodes (no clock in tests).
	it('a generated module of 2,000 nodes gives no errors', () => {
		const generated = generateModule({ nodes: 2000 });
		expect(Object.keys(generated.module.machine.states)).toHaveLength(2000);
		const report = checkModule(generatedFiles(generated));
		expect(report.issues).toEqual([]);
		expect(report.stats?.nodes).toBe(2000);
	});

	it('warns about large saved state (over 1,024 characters) on long generated paths', () => {
		const report = checkModule(generatedFiles(generateModule({ nodes: 500, chains: 1 })));
		// One chain: every learner meets every dilemma, which the checker rightly points out too.
		expect(report.issues.map((i) => i.code)).toEqual(['saved-state-large', 'dilemmas-fixed']);
		expect(report.stats!.savedStateLength).toBeGreaterThan(1024);
		expect(report.stats!.savedStateLength).toBeLessThanOrEqual(4096);
	});
});

describe('warnings about teaching', () => {
	const demoDir = join(MODULES_DIR, 'demo');
	/** The demo with its Dutch texts (the default language) and chart changed; only the new warnings are kept. */
	const teachingIssues = (changeNl: (nl: any) => void, changeChart: (m: any) => void = () => {}) => {
		const files = readModuleForCheck(demoDir, 'demo');
		const nl = JSON.parse(files.locales.nl!);
		changeNl(nl);
		const module = JSON.parse(files.moduleJson!);
		changeChart(module);
		const report = checkModule({ ...files, moduleJson: JSON.stringify(module, null, '\t'), locales: { ...files.locales, nl: JSON.stringify(nl, null, '\t') } }, { lang: 'nl' });
		return report.issues.filter((i) => ['option-length', 'page-long', 'question-twice', 'dilemmas-fixed'].includes(i.code));
	};

	it('the demo gives none of them', () => {
		expect(teachingIssues(() => {})).toEqual([]);
	});

	it('warns when one option is much longer than the others, and names it', () => {
		const issues = teachingIssues((nl) => {
			nl.nodes['first-evening'].options.talk.label += ' Je neemt er echt de tijd voor, luistert zonder oordeel en sluit aan bij wat hij zelf vertelt.';
		});
		expect(issues.map((i) => [i.code, i.file, i.path])).toEqual([['option-length', 'locales/nl.json', 'nodes.first-evening.options.talk.label']]);
		expect(issues[0].message).toMatch(/^Het label van "talk" bij "first-evening" is \d+ tekens, de andere ongeveer \d+/);
		expect(issues[0].line).toBeGreaterThan(0);
	});

	it('warns about a page far longer than two phone screens, not about one of two', () => {
		const paragraph = 'Sam vertelt over zijn oude school, zijn band en de verhuizing. Hij mist zijn vrienden en weet nog niet goed waar hij hier terecht kan. ';
		expect(teachingIssues((nl) => (nl.nodes.welcome.body = Array(6).fill(paragraph).join('\n\n')))).toEqual([]);
		const issues = teachingIssues((nl) => (nl.nodes.welcome.body = Array(14).fill(paragraph).join('\n\n')));
		expect(issues.map((i) => [i.code, i.path])).toEqual([['page-long', 'nodes.welcome.body']]);
		expect(Number(/ongeveer ([\d.]+) schermen lang/.exec(issues[0].message)?.[1])).toBeGreaterThan(2.5);
	});

	it('warns when a dilemma asks its question in the body and in "question"', () => {
		const issues = teachingIssues((nl) => (nl.nodes['first-evening'].body += ' Wat doe je?'));
		expect(issues.map((i) => [i.code, i.path])).toEqual([['question-twice', 'nodes.first-evening.body']]);
		// Without a `question` the player's own heading is generic: a body question is then the only one.
		expect(teachingIssues((nl) => ((nl.nodes['first-evening'].body += ' Wat doe je?'), delete nl.nodes['first-evening'].question))).toEqual([]);
	});

	it('warns when every learner meets every dilemma, whatever they chose before', () => {
		const issues = teachingIssues(
			() => {},
			(m) => {
				// Sam always comes back: the visit-or-leave dilemma only some learners met is gone.
				m.machine.states['second-visit'].on.continue = 'sam-returns';
				delete m.machine.states['sam-stays-away'];
			}
		);
		expect(issues.map((i) => [i.code, i.file, i.path])).toEqual([['dilemmas-fixed', 'module.json', 'machine']]);
		expect(issues[0].message).toContain('Alle 2 dilemma');
	});
});

describe('the command line', { timeout: 60_000 }, () => {
	const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
	const run = (...args: string[]) => spawnSync(tsx, ['src/tools/check-modules.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

	it('exits non-zero on errors, and --json output parses', () => {
		const result = run('--dir', 'tests/fixtures/broken', '--json', 'missing-target', 'warnings');
		expect(result.status).toBe(1);
		const out = JSON.parse(result.stdout);
		expect(out.summary).toMatchObject({ modules: 2, errors: 1 });
		const missing = out.modules.find((m: { id: string }) => m.id === 'missing-target');
		expect(missing.issues[0]).toMatchObject({ code: 'missing-target', file: 'module.json', line: 19, location: 'tests/fixtures/broken/missing-target/module.json:19:191' });
	});

	it('exits 0 when there are only warnings, and prints errors and warnings apart, in Dutch with --lang nl', () => {
		const result = run('--dir', 'tests/fixtures/broken', '--lang', 'nl', 'warnings');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Waarschuwingen:');
		expect(result.stdout).not.toContain('Fouten:');
		expect(result.stdout).toMatch(/tests\/fixtures\/broken\/warnings\/module\.json:10:2 {2}studyMinutes {2}studyMinutes is 120, maar .* → Oplossing: /);
		expect(result.stdout).toMatch(/1 module\(s\) gecontroleerd in \d+ ms: 0 fout\(en\), 10 waarschuwing\(en\)\./);
	});

	it('prints errors grouped per module with file:line:column, path, message and fix', () => {
		const result = run('--dir', 'tests/fixtures/broken', 'dead-end');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('Errors:');
		expect(result.stdout).toContain('tests/fixtures/broken/dead-end/module.json:21:4  machine.states.wait-outcome.on  This node has no way out and is not an end node.  → Fix: ');
	});

	it('refuses unknown modules and options with exit code 2', () => {
		expect(run('no-such-module').status).toBe(2);
		expect(run('--colour').status).toBe(2);
	});
});
