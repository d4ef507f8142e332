// Validates an unpacked package's imsmanifest.xml against the schema files the package itself
// carries, with xmllint (Debian's libxml2-utils), offline. xmllint takes one schema, so a small
// wrapper schema imports every namespace the manifest uses.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_NAMESPACES, type ManifestEdition } from '../../src/lib/tracking/manifest';

export function xmllintPath(): string {
	const found = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
	if (found.error) throw new Error('xmllint is not installed; the SCORM manifest tests need it. Install it with: sudo apt-get install libxml2-utils');
	return 'xmllint';
}

/** Validates `<dir>/<manifest>`; ok is true only when xmllint says "validates". */
export function validateManifest(dir: string, edition: ManifestEdition, manifest = 'imsmanifest.xml'): { ok: boolean; output: string } {
	const wrapper = join(dir, '.koers-validate.xsd');
	writeFileSync(
		wrapper,
		`<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${SCHEMA_NAMESPACES[edition]
			.map(([ns, file]) => `\t<xs:import namespace="${ns}" schemaLocation="${file}"/>`)
			.join('\n')}\n</xs:schema>\n`
	);
	try {
		const run = spawnSync(xmllintPath(), ['--noout', '--nonet', '--schema', wrapper, manifest], { cwd: dir, encoding: 'utf8' });
		const output = `${run.stdout}${run.stderr}`;
		return { ok: run.status === 0 && output.includes(`${manifest} validates`), output };
	} finally {
		rmSync(wrapper, { force: true });
	}
}
