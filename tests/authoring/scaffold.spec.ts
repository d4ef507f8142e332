// `npm run new:module <id>` (src/tools/new-module.ts): scaffolds into a temporary folder (never
// into modules/), then the result must pass the checker without any issue and play to an end.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkModule } from '../../src/lib/authoring/checker';
import { scaffoldModule } from '../../src/lib/authoring/scaffold';
import { readModuleForCheck } from '../../src/lib/authoring/read-module';
import { flattenLocale, keysOf, worstCaseCompactLength } from '../../src/lib/engine';
import { loadFromDisk, MODULES_DIR } from '../helpers/load-from-disk';
import { forEachEnding } from '../helpers/paths';

const ROOT = join(import.meta.dirname, '..', '..');
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'koers-scaffold-'));
const newModule = (...args: string[]) => spawnSync(tsx, ['src/tools/new-module.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new:module', { timeout: 60_000 }, () => {
	const created = newModule('first-steps', '--dir', dir);

	it('creates the module folder with module.json, both languages and the portrait', () => {
		expect(created.status, created.stderr).toBe(0);
		expect(created.stdout).toContain('npm run check:modules first-steps');
		const folder = join(dir, 'first-steps');
		expect(readdirSync(folder).sort()).toEqual(['locales', 'media', 'module.json']);
		expect(readdirSync(join(folder, 'locales')).sort()).toEqual(['en.json', 'nl.json']);
		expect(existsSync(join(MODULES_DIR, 'first-steps'))).toBe(false);
	});

	it('passes the checker with no errors and no warnings', () => {
		const report = checkModule(readModuleForCheck(join(dir, 'first-steps'), 'first-steps'));
		expect(report.issues).toEqual([]);
	});

	it('loads in the engine and plays to an end on every path, and can be passed', () => {
		const result = loadFromDisk(join(dir, 'first-steps'));
		expect(result.ok ? result.loaded.warnings : result.issues).toEqual([]);
		if (!result.ok) return;
		const { module, scenario, locales } = result.loaded;
		const kinds = new Set(Object.values(module.machine.states).map((s) => s.meta.kind));
		expect([...kinds].sort()).toEqual(['choice', 'content', 'end', 'evaluation', 'persona', 'quiz', 'reflection']);
		// The same checks tests/modules/modules.spec.ts makes of every module in modules/.
		const seen = new Set<string>();
		let best = 0;
		let longest = 0;
		const endings = forEachEnding(scenario, (end) => {
			end.path.forEach((n) => seen.add(n));
			best = Math.max(best, scenario.scoreOf(end).percent);
			longest = Math.max(longest, scenario.encode(end).length);
		});
		expect(endings).toBeGreaterThan(1);
		expect([...seen].sort()).toEqual(Object.keys(module.machine.states).sort());
		expect(best).toBeGreaterThanOrEqual(module.masteryScore);
		expect(longest).toBeLessThanOrEqual(worstCaseCompactLength(module));
		const keySets = module.languages.map((lang) => [...flattenLocale(locales[lang]).keys()].sort());
		expect(keySets[1]).toEqual(keySets[0]);
		for (const key of keysOf(module).required) expect(keySets[0]).toContain(key);
	});

	it('has a branch: the two options of the choice lead to different pages', () => {
		const { machine } = JSON.parse(scaffoldModule('x')['module.json']);
		const on = machine.states.dilemma.on;
		const targets = Object.values(on).map((t: any) => (typeof t === 'string' ? t : t.target));
		expect(new Set(targets).size).toBe(2);
	});

	it('refuses an id that already exists', () => {
		const again = newModule('first-steps', '--dir', dir);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('already exists');
	});

	it('refuses invalid ids, with a clear message in English or Dutch', () => {
		for (const id of ['Bad_Id', 'with space', '_leading', 'ümlaut', 'x'.repeat(65)]) {
			const result = newModule(id, '--dir', dir);
			expect(result.status, id).toBe(1);
			expect(result.stderr).toContain('a module id may only hold lowercase letters');
		}
		expect(newModule('Bad', '--dir', dir, '--lang', 'nl').stderr).toContain('een module-id mag alleen kleine letters');
		expect(readdirSync(dir)).toEqual(['first-steps']);
	});

	it('asks for exactly one id', () => {
		expect(newModule('--dir', dir).status).toBe(2);
		expect(newModule('a', 'b', '--dir', dir).status).toBe(2);
	});
});
