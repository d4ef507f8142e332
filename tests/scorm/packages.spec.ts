// The package builder (src/tools/package-scorm.ts) over every module in modules/, against a small
// stand-in player build so it runs without `npm run build`. The end-to-end tests repeat the
// package checks on zips of the real build (tests/scorm/packages.e2e.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { assemblePackage, EDITIONS, launchPage, packageIds, PackageError, writePackages, zipPackage } from '../../src/tools/package-scorm';
import { SCHEMA_FILES } from '../../src/lib/tracking/manifest';
import { parseLaunch } from '../../src/lib/tracking/launch';
import { MODULES_DIR, shippedModuleIds } from '../helpers/load-from-disk';
import { validateManifest } from '../helpers/xsd';
import { checkForShipping } from '../../src/lib/authoring/module-gate';

let tmp: string;
let player: string;

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'koers-package-'));
	player = join(tmp, 'player');
	mkdirSync(join(player, '_app'), { recursive: true });
	writeFileSync(join(player, 'index.html'), '<!doctype html><html><head><title>Koers</title></head><body></body></html>');
	writeFileSync(join(player, '_app', 'version.json'), '{"version":"1"}');
	// A full build also holds every module; a package must not.
	cpSync(MODULES_DIR, join(player, 'modules'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function unpack(files: Map<string, Uint8Array>, dir: string) {
	for (const [path, data] of files) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), data);
	}
}

describe.each(shippedModuleIds())('packages of module %s', (id) => {
	it.each(EDITIONS)('%s: valid manifest, every file listed, only this module, relative hrefs', (edition) => {
		const files = assemblePackage({ modulesDir: MODULES_DIR, playerDir: player, id, edition });
		const dir = join(tmp, `${id}-${edition}`);
		unpack(files, dir);
		const manifest = new TextDecoder().decode(files.get('imsmanifest.xml'));

		const validation = validateManifest(dir, edition);
		expect(validation.output).toContain('imsmanifest.xml validates');
		expect(validation.ok).toBe(true);

		const listed = [...manifest.matchAll(/<file href="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
		const content = [...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !SCHEMA_FILES[edition].includes(f));
		expect(listed.sort()).toEqual(content.sort());
		expect([...manifest.matchAll(/href="([^"]*)"/g)].filter((m) => m[1].startsWith('/') || /^[a-z]+:/i.test(m[1]))).toEqual([]);
		expect(content.filter((f) => f.startsWith('modules/') && f !== 'modules/index.json' && !f.startsWith(`modules/${id}/`))).toEqual([]);
		expect(JSON.parse(new TextDecoder().decode(files.get('modules/index.json'))).modules.map((m: { id: string }) => m.id)).toEqual([id]);
		for (const schema of SCHEMA_FILES[edition]) expect(files.has(schema)).toBe(true);

		const html = new TextDecoder().decode(files.get('index.html'));
		const meta = /<meta name="koers-package" content="([^"]*)"/.exec(html)?.[1].replace(/&quot;/g, '"');
		expect(parseLaunch(meta)).toEqual({ moduleId: id, edition });
	});
});

describe('the schema check itself', () => {
	it('rejects a manifest that breaks the schema (so a pass means something)', () => {
		const files = assemblePackage({ modulesDir: MODULES_DIR, playerDir: player, id: 'demo', edition: 'scorm12' });
		const dir = join(tmp, 'broken-12');
		unpack(files, dir);
		const good = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
		writeFileSync(join(dir, 'imsmanifest.xml'), good.replace('<organizations default="koers-org">', '<organizations default="koers-org"><bogus/>'));
		expect(validateManifest(dir, 'scorm12').ok).toBe(false);
		writeFileSync(join(dir, 'imsmanifest.xml'), good.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'));
		expect(validateManifest(dir, 'scorm12').ok).toBe(false);

		const files04 = assemblePackage({ modulesDir: MODULES_DIR, playerDir: player, id: 'demo', edition: 'scorm2004' });
		const dir04 = join(tmp, 'broken-2004');
		unpack(files04, dir04);
		const good04 = readFileSync(join(dir04, 'imsmanifest.xml'), 'utf8');
		writeFileSync(join(dir04, 'imsmanifest.xml'), good04.replace('<imsss:minNormalizedMeasure>0.60', '<imsss:minNormalizedMeasure>1.60'));
		expect(validateManifest(dir04, 'scorm2004').ok).toBe(false);
	});
});

describe('the package tool', () => {
	it('packages learner modules only unless asked for examples', () => {
		expect(packageIds(MODULES_DIR)).not.toContain('demo');
		expect(packageIds(MODULES_DIR, { includeExamples: true })).toContain('demo');
		expect(() => packageIds(MODULES_DIR, { ids: ['no-such-module'] })).toThrow(/No module "no-such-module".*Modules there:/);
	});

	it('writes reproducible zips with the manifest at the root', () => {
		const out = join(tmp, 'out');
		const [first] = writePackages({ modulesDir: MODULES_DIR, playerDir: player, outDir: out, ids: ['demo'] });
		expect(first.zip).toBe(join(out, 'scorm', 'demo-scorm12.zip'));
		const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(first.zip))));
		expect(entries[0]).toBe('imsmanifest.xml');
		const again = zipPackage(assemblePackage({ modulesDir: MODULES_DIR, playerDir: player, id: 'demo', edition: 'scorm12' }));
		expect(Buffer.from(again).equals(readFileSync(first.zip))).toBe(true);
	});

	it('refuses a module with errors, saying what to run', () => {
		const modules = join(tmp, 'bad-modules');
		cpSync(join(MODULES_DIR, 'demo'), join(modules, 'broken'), { recursive: true });
		const json = JSON.parse(readFileSync(join(modules, 'broken', 'module.json'), 'utf8'));
		writeFileSync(join(modules, 'broken', 'module.json'), JSON.stringify({ ...json, id: 'broken', masteryScore: 'high' }));
		expect(() => assemblePackage({ modulesDir: modules, playerDir: player, id: 'broken', edition: 'scorm12' })).toThrow(PackageError);
		expect(() => assemblePackage({ modulesDir: modules, playerDir: player, id: 'broken', edition: 'scorm12' })).toThrow(/masteryScore[\s\S]*npm run check:modules .*broken/);
	});

	it('refuses a module whose longest path could overflow 4,096 characters of suspend_data, as the checker does', { timeout: 60_000 }, () => {
		const modules = join(tmp, 'long-modules');
		const count = 700;
		const states: Record<string, unknown> = {};
		const nodes: Record<string, unknown> = {};
		for (let i = 0; i < count; i++) {
			const next = i + 1 < count ? `d${i + 1}` : 'end';
			states[`d${i}`] = { meta: { kind: 'choice', options: ['a', 'b'] }, on: { 'choose.a': next, 'choose.b': next } };
			nodes[`d${i}`] = { title: 'T', body: 'B', options: { a: { label: 'A', consequence: 'C', feedback: 'F' }, b: { label: 'B', consequence: 'C', feedback: 'F' } } };
		}
		states.end = { type: 'final', meta: { kind: 'end' } };
		nodes.end = { title: 'T', body: 'B' };
		const module = { formatVersion: 1, id: 'long', version: '1.0.0', example: true, languages: ['nl'], title: 'meta.title', description: 'meta.description', studyMinutes: 5, masteryScore: 50, sources: [], machine: { id: 'long', initial: 'd0', states } };
		mkdirSync(join(modules, 'long', 'locales'), { recursive: true });
		writeFileSync(join(modules, 'long', 'module.json'), JSON.stringify(module));
		writeFileSync(join(modules, 'long', 'locales', 'nl.json'), JSON.stringify({ meta: { title: 'Lang', description: 'Lang' }, nodes }));
		// The checker calls it an error (an LMS could lose the learner's progress), so no edition is made.
		const report = checkForShipping(modules, 'long');
		expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['saved-state-too-large']);
		for (const edition of EDITIONS) expect(() => assemblePackage({ modulesDir: modules, playerDir: player, id: 'long', edition, report })).toThrow(/Saved progress can grow to \d+ characters/);
	});

	it('tells the player which module and edition it is, in a meta tag the player reads', () => {
		const html = launchPage('<html><head><title>x</title></head></html>', 'demo', 'scorm2004');
		const content = /content="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"');
		expect(parseLaunch(content)).toEqual({ moduleId: 'demo', edition: 'scorm2004' });
		expect(parseLaunch('{"moduleId":"../x","edition":"scorm12"}')).toBeNull();
		expect(() => launchPage('<html><head><script type="module" src="/_app/start.js"></script></head></html>', 'demo', 'scorm12')).toThrow(/\/_app\/start.js, which is outside the package/);
		expect(() => launchPage('<html><head><link href="https://fonts.example/x.css" rel="stylesheet"></head></html>', 'demo', 'scorm12')).toThrow(/outside the package/);
		expect(() => launchPage('<html><head><script>import("/_app/x.js")</script></head></html>', 'demo', 'scorm12')).toThrow(PackageError);
		expect(launchPage('<html><head><link rel="icon" href="data:,"><script type="module" src="./_app/start.js"></script></head></html>', 'demo', 'scorm12')).toContain('koers-package');
		expect(parseLaunch('{"moduleId":"demo","edition":"aicc"}')).toBeNull();
		expect(parseLaunch('nonsense')).toBeNull();
	});
});

describe('accreditation and publisher in a package', () => {
	it.each(EDITIONS)('%s: the manifest\u2019s description names the registers, points, number and validity, marked as an example when made up', (edition) => {
		const files = assemblePackage({ modulesDir: MODULES_DIR, playerDir: player, id: 'demo', edition });
		const manifest = new TextDecoder().decode(files.get('imsmanifest.xml'));
		expect(manifest).toContain('Accreditatie: Voorbeeldregister A: 1 punt, nummer VB-0000, geldig van 1 januari 2026 tot en met 31 december 2027; Voorbeeldregister B: 0,5 uur.');
		expect(manifest).toContain('Accreditation: Voorbeeldregister A: 1 point, number VB-0000, valid from 1 January 2026 until 31 December 2027');
		expect(manifest).toContain('Voorbeeld: deze accreditatie is verzonnen en geldt niet.');
		const dir = join(tmp, `accredited-${edition}`);
		unpack(files, dir);
		expect(validateManifest(dir, edition).ok).toBe(true);
	});

	it('carries the deployment\u2019s publisher setting (deployment.json) from the player build, and no publisher when none was set', () => {
		const withPublisher = join(tmp, 'player-publisher');
		cpSync(player, withPublisher, { recursive: true });
		writeFileSync(join(withPublisher, 'deployment.json'), JSON.stringify({ publisher: { name: 'Leerhuis Gemeente Voorbeeld' } }));
		const files = assemblePackage({ modulesDir: MODULES_DIR, playerDir: withPublisher, id: 'demo', edition: 'scorm12' });
		expect(JSON.parse(new TextDecoder().decode(files.get('deployment.json')))).toEqual({ publisher: { name: 'Leerhuis Gemeente Voorbeeld' } });
		expect(assemblePackage({ modulesDir: MODULES_DIR, playerDir: player, id: 'demo', edition: 'scorm12' }).has('deployment.json')).toBe(false);
	});
});
