// The tools enforce the checker: `npm run check:modules`, the build's module step
// (src/tools/copy-modules.ts, as `npm run build` runs it) and `npm run package`, run as commands on
// one temporary modules folder holding a good learner module and the whole broken-and-hostile
// corpus (tests/fixtures/broken, tests/fixtures/hostile, and a text of 200,000 characters). Every
// module the checker finds an error in is refused by all three, by name, and the good one still ships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { MODULES_DIR } from '../helpers/load-from-disk';

const ROOT = join(import.meta.dirname, '..', '..');
const BROKEN = join(ROOT, 'tests', 'fixtures', 'broken');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** Fixtures with warnings only: the tools ship them. */
const CLEAN_FIXTURES = ['warnings', 'invisible-characters'];
const GOOD = 'polarisatie-naar-verbinding';

let tmp: string;
let modules: string;
let refusedIds: string[];

function run(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(TSX, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KOERS_MODULES: modules, ...env }, timeout: 300_000 });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'koers-ship-'));
	modules = join(tmp, 'modules');
	cpSync(join(MODULES_DIR, GOOD), join(modules, GOOD), { recursive: true });
	for (const name of readdirSync(BROKEN)) if (existsSync(join(BROKEN, name, 'module.json'))) cpSync(join(BROKEN, name), join(modules, name), { recursive: true });
	cpSync(join(ROOT, 'tests', 'fixtures', 'hostile', 'hostile'), join(modules, 'hostile'), { recursive: true });
	// A learner module (not an example) with one text of 200,000 characters.
	cpSync(join(MODULES_DIR, GOOD), join(modules, 'huge-text'), { recursive: true });
	const json = JSON.parse(readFileSync(join(modules, 'huge-text', 'module.json'), 'utf8'));
	writeFileSync(join(modules, 'huge-text', 'module.json'), JSON.stringify({ ...json, id: 'huge-text' }));
	const nl = JSON.parse(readFileSync(join(modules, 'huge-text', 'locales', 'nl.json'), 'utf8'));
	nl.meta.description = 'Een lange zin. '.repeat(13_334).slice(0, 200_000);
	writeFileSync(join(modules, 'huge-text', 'locales', 'nl.json'), JSON.stringify(nl));
	refusedIds = readdirSync(modules).filter((id) => id !== GOOD && !CLEAN_FIXTURES.includes(id)).sort();
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('check, build and package refuse every module with checker errors', { timeout: 300_000 }, () => {
	it('the checker finds errors in every module of the corpus, and none in the good one', () => {
		const { code, stdout } = run(['src/tools/check-modules.ts', '--dir', modules, '--json']);
		expect(code).toBe(1);
		const reports: { id: string; errors: number }[] = JSON.parse(stdout).modules;
		expect(reports.filter((r) => r.errors > 0).map((r) => r.id).sort()).toEqual(refusedIds);
		expect(refusedIds).toEqual(expect.arrayContaining(['file-not-allowed', 'svg-tricks', 'unsafe-url', 'invalid-json', 'image-no-alt', 'mastery-unreachable', 'hostile', 'huge-text', 'text-too-long']));
	});

	it('the build leaves each of them out and says so, and ships the good module with only its allowed files', () => {
		const out = join(tmp, 'build');
		mkdirSync(out);
		const { code, stdout, stderr } = run(['src/tools/copy-modules.ts', out]);
		expect(code).toBe(0);
		for (const id of refusedIds) expect(stderr).toContain(`Module "${id}" is left out of the build (learners will not see it)`);
		expect(stderr).toContain('media/info.html');
		expect(stdout).toContain(`left out ${refusedIds.length} with errors`);
		const catalogue: { modules: { id: string }[] } = JSON.parse(readFileSync(join(out, 'modules', 'index.json'), 'utf8'));
		expect(catalogue.modules.map((m) => m.id).sort()).toEqual([...CLEAN_FIXTURES, GOOD].sort());
		expect(readdirSync(join(out, 'modules')).sort()).toEqual([...CLEAN_FIXTURES, GOOD, 'index.json'].sort());
	});

	it('the build fails, saying why, when no learner module is left', () => {
		const out = join(tmp, 'build-none');
		mkdirSync(out);
		const { code, stderr } = run(['src/tools/copy-modules.ts', out, 'file-not-allowed', 'huge-text']);
		expect(code).toBe(1);
		expect(stderr).toContain('no learner module is left to play');
	});

	it('package refuses each of them by name, goes on with the good one, and keeps earlier packages', () => {
		const player = join(tmp, 'player');
		mkdirSync(join(player, '_app'), { recursive: true });
		writeFileSync(join(player, 'index.html'), '<!doctype html><html><head><title>Koers</title></head><body></body></html>');
		writeFileSync(join(player, '_app', 'version.json'), '{"version":"1"}');
		const out = join(tmp, 'dist');
		mkdirSync(join(out, 'scorm'), { recursive: true });
		writeFileSync(join(out, 'scorm', 'another-module-scorm12.zip'), 'an earlier package of another module');
		writeFileSync(join(out, 'scorm', 'hostile-scorm12.zip'), 'an earlier package of a module that is refused now');

		const { code, stdout, stderr } = run(['src/tools/package-scorm.ts', '--player', player, '--out', out, '--modules', modules, '--include-examples']);
		expect(code).toBe(1);
		for (const id of refusedIds) expect(stderr).toContain(`Module "${id}" is left out of the SCORM packages`);
		expect(stderr).not.toMatch(/SyntaxError|\n\s+at /);
		expect(stderr).toMatch(/invalid-json\/module\.json:25:\d+/);
		expect(stderr).toContain(`${refusedIds.length} module(s) not packaged`);
		expect(stdout).toContain(`${GOOD}-scorm12.zip`);

		const zips = readdirSync(join(out, 'scorm')).sort();
		expect(zips).toEqual(['another-module-scorm12.zip', ...[...CLEAN_FIXTURES, GOOD].flatMap((id) => [`${id}-scorm12.zip`, `${id}-scorm2004.zip`])].sort());
		expect(stderr).toContain('Removed the old');
		const files = Object.keys(unzipSync(readFileSync(join(out, 'scorm', `${GOOD}-scorm12.zip`))));
		expect(files.filter((f) => f.startsWith('modules/'))).toEqual(expect.arrayContaining([`modules/${GOOD}/module.json`, `modules/${GOOD}/locales/nl.json`]));
	});
});
