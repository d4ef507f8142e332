// Boundaries of the checker's rules an author notices (issue 17): each test was written against a
// planted one-line bug the older specs let through; the bug is named in the test.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModule } from '../../src/lib/authoring/checker';
import { readModuleForCheck } from '../../src/lib/authoring/read-module';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'broken');

/** module.json of the mastery-unreachable fixture (best reachable: 3 of 5 points, 60 %) with another mastery score. */
function fixtureWith(masteryScore: number) {
	const files = readModuleForCheck(join(FIXTURES, 'mastery-unreachable'), 'mastery-unreachable');
	const json = JSON.parse(files.moduleJson!);
	json.masteryScore = masteryScore;
	return { ...files, moduleJson: JSON.stringify(json, null, '\t') };
}
const withMastery = (masteryScore: number) => checkModule(fixtureWith(masteryScore), { lang: 'en' });
const unreachable = (report: ReturnType<typeof checkModule>) => report.issues.filter((i) => i.code === 'mastery-unreachable');

describe('the checker and a mastery score at the best reachable score (bug: `<` → `<=`)', () => {
	it('accepts a mastery score equal to the best reachable percentage', () => {
		const report = withMastery(60);
		expect(report.stats).toMatchObject({ maxScore: 5, bestScore: 3, bestPercent: 60 });
		expect(unreachable(report)).toEqual([]);
	});

	it('flags one point above it, with the best percentage in the message', () => {
		const flagged = unreachable(withMastery(61));
		expect(flagged).toHaveLength(1);
		expect(flagged[0].severity).toBe('error');
		expect(flagged[0].message).toContain('60 %');
		// At the line of masteryScore in module.json, where the author changes it.
		const lines = fixtureWith(61).moduleJson.split('\n');
		expect(flagged[0]).toMatchObject({ file: 'module.json', path: 'masteryScore', line: lines.findIndex((l) => l.includes('"masteryScore"')) + 1 });
	});
});
