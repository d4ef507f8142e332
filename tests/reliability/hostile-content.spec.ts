// The checker flags what the hostile fixture module tries (the player renders it inert, see
// hostile-content.e2e.ts): authors hear of it before a learner ever opens the module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModule } from '../../src/lib/authoring/checker';
import { readModuleForCheck } from '../../src/lib/authoring/read-module';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hostile', 'hostile');

function strings(tree: unknown, prefix = ''): [string, string][] {
	if (typeof tree === 'string') return [[prefix, tree]];
	return Object.entries(tree as object).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

describe('the checker and the hostile module', () => {
	// Checked in the first test that asks, not while the file is collected: a mutation run
	// (tests/mutation) then knows which tests use the checker.
	let checked: ReturnType<typeof checkModule> | undefined;
	const report = () => (checked ??= checkModule(readModuleForCheck(DIR, 'hostile'), { lang: 'en' }));

	it.each(['nl', 'en'])('flags every %s text that holds HTML or a script address', (lang) => {
		const attacked = strings(JSON.parse(readFileSync(join(DIR, 'locales', `${lang}.json`), 'utf8')))
			.filter(([, text]) => /<[a-z]|javascript:|data:text\/html/i.test(text))
			.map(([path]) => path)
			.sort();
		const flagged = [...new Set(report().issues.filter((i) => i.file === `locales/${lang}.json` || i.file.endsWith(`/locales/${lang}.json`)).filter((i) => ['hostile-content', 'html-removed', 'image-outside'].includes(i.code)).map((i) => i.path))].sort();
		expect(attacked.length).toBeGreaterThan(15);
		expect(flagged).toEqual(attacked);
	});

	it('flags the SVG image with a script in it', () => {
		expect(report().issues.filter((i) => i.code === 'svg-script').map((i) => i.file)).toEqual([expect.stringMatching(/media\/evil\.svg$/)]);
	});

	it('calls code that could run an error, so the module cannot be published', () => {
		expect(report().issues.filter((i) => i.code === 'hostile-content').every((i) => i.severity === 'error')).toBe(true);
	});
});
