import { describe, expect, it } from 'vitest';
import { demo, textsOf } from '../../../tests/results/fixtures';
import { GROUP_FIGURES, groupRecords, tenFiles } from '../../../tests/results/group-files';
import { parseCsv, toCsv } from './csv';
import { analyseGroup, choicesCsv, labelsFromScenario, participantsCsv, readFiles, timeBins } from './group';

const t = (key: string) => key.replace('trainer.csv.', '');

describe('analyseGroup', () => {
	const loaded = demo();
	const labels = labelsFromScenario(loaded.scenario, textsOf(loaded, 'nl'));

	it('counts ten files: eight learners, and reports the other module and the broken file', () => {
		const { overview, problems } = analyseGroup(readFiles(tenFiles()), { labels });
		expect(overview).toMatchObject({
			module: { id: 'demo', title: 'Voorbeeldmodule: een nieuwe bezoeker', version: '1.0.0', studyMinutes: 10, masteryScore: 60 },
			total: GROUP_FIGURES.included,
			finished: GROUP_FIGURES.finished,
			passed: GROUP_FIGURES.passed,
			medianScore: GROUP_FIGURES.medianScore,
			averageRating: GROUP_FIGURES.ratings.average,
			ratingCount: GROUP_FIGURES.ratings.count,
			labelsFromModule: true
		});
		expect(problems).toEqual([
			expect.objectContaining({ file: 'kapot.json', kind: 'not-json' }),
			expect.objectContaining({ file: 'andere-module.json', kind: 'other-module', module: { id: 'polarisatie-naar-verbinding', title: 'Van polarisatie naar verbinding' } })
		]);
		expect(overview!.modules.map((m) => [m.id, m.files])).toEqual([['demo', 8], ['polarisatie-naar-verbinding', 1]]);
	});

	it('shows per dilemma how the group chose, options nobody chose included, with the best option marked', () => {
		const { overview } = analyseGroup(readFiles(tenFiles()), { labels });
		const first = overview!.decisions.find((d) => d.node === 'first-evening')!;
		expect(first.title).toBe('De eerste avond');
		expect(first.reached).toBe(GROUP_FIGURES.firstEvening.reached);
		expect(first.options.map((o) => [o.id, o.count, o.percent, o.points, o.best])).toEqual([
			['talk', 4, 50, 2, true],
			['buddy', 2, 25, 1, false],
			['wait', 2, 25, 0, false]
		]);
		const returns = overview!.decisions.find((d) => d.node === 'sam-returns')!;
		expect([returns.reached, returns.options[0].count, returns.options[1].count]).toEqual([6, 4, 2]);
		// Decisions come in the order a learner meets them (both second dilemmas after the first).
		expect(overview!.decisions.map((d) => d.node)).toEqual(['first-evening', 'sam-stays-away', 'sam-returns', 'quiz-signals', 'quiz-approaches']);
		const quiz = overview!.decisions.find((d) => d.node === 'quiz-approaches')!;
		// Anna, Bram, Daan, Eva and Gijs chose both right answers; Chaima one, the sixth learner a wrong one.
		expect([quiz.reached, quiz.correct]).toEqual([7, 5]);
		expect(quiz.options.filter((o) => o.best).map((o) => o.id)).toEqual(['a', 'c']);
	});

	it('gives score, time and rating distributions', () => {
		const { overview } = analyseGroup(readFiles(tenFiles()), { labels });
		expect(overview!.scoreBins.map((b) => b.count)).toEqual([1, 0, 0, 1, 0, 0, 3, 0, 0, 2]);
		expect(overview!.timeBins.reduce((n, b) => n + b.count, 0)).toBe(7);
		expect(overview!.ratings.find((r) => r.from === 9)!.count).toBe(1);
		expect(overview!.useful).toEqual(['De voorbeelden uit de praktijk.', '=HYPERLINK("x")']);
		expect(overview!.better).toEqual(['Meer tijd voor de reflectie.', 'Korter, graag.']);
	});

	it('counts the same attempt once, keeping the finished copy', () => {
		const [first] = groupRecords();
		const early = structuredClone(first);
		early.attempt = { ...early.attempt, completed: false, completedAt: null, ending: null };
		early.score.passed = false;
		early.scorm.completion_status = 'incomplete';
		early.scorm.success_status = 'unknown';
		early.scorm.score = null;
		const files = [
			{ name: 'early.json', text: JSON.stringify(early) },
			{ name: 'final.json', text: JSON.stringify(first) },
			{ name: 'final-copy.json', text: JSON.stringify(first) }
		];
		const { overview, problems } = analyseGroup(readFiles(files), { labels });
		expect(overview!.total).toBe(1);
		expect(overview!.finished).toBe(1);
		expect(problems.map((p) => [p.file, p.kind, p.duplicateOf])).toEqual([
			['early.json', 'duplicate', 'final.json'],
			['final-copy.json', 'duplicate', 'final.json']
		]);
	});

	it('keeps minor versions together and sets another major version aside', () => {
		const records = groupRecords();
		records[1].module.version = '1.2.0';
		records[2].module.version = '2.0.0';
		const { overview, problems } = analyseGroup(readFiles(records.map((r, i) => ({ name: `f${i}.json`, text: JSON.stringify(r) }))), { labels });
		expect(overview!.versions).toEqual(['1.2.0', '1.0.0']);
		expect(overview!.module.version).toBe('1.2.0');
		expect(overview!.total).toBe(7);
		expect(problems).toEqual([expect.objectContaining({ file: 'f2.json', kind: 'other-version', version: '2.0.0' })]);
	});

	it('works from the files alone when the module is not available', () => {
		const { overview } = analyseGroup(readFiles(tenFiles()));
		expect(overview!.labelsFromModule).toBe(false);
		const first = overview!.decisions.find((d) => d.node === 'first-evening')!;
		expect(first.options.map((o) => [o.id, o.count, o.best])).toEqual([
			['talk', 4, true],
			['buddy', 2, false],
			['wait', 2, false]
		]);
	});

	it('can show another module found among the files', () => {
		const { overview, problems } = analyseGroup(readFiles(tenFiles()), { moduleId: 'polarisatie-naar-verbinding' });
		expect(overview!.module.id).toBe('polarisatie-naar-verbinding');
		expect(overview!.total).toBe(1);
		expect(problems.filter((p) => p.kind === 'other-module')).toHaveLength(8);
	});

	it('has nothing to show when no file is good, and says why per file', () => {
		const { overview, problems } = analyseGroup(readFiles([{ name: 'a.txt', text: 'hallo' }, { name: 'b.json', text: '{"schema":"iets anders"}' }]));
		expect(overview).toBeNull();
		expect(problems.map((p) => p.kind)).toEqual(['not-json', 'not-result']);
	});

	it('picks round time bins that cover the study time', () => {
		expect(timeBins([3, 7, 12], 10).map((b) => [b.from, b.to, b.count])).toEqual([[0, 2, 0], [2, 4, 1], [4, 6, 0], [6, 8, 1], [8, 10, 0], [10, 12, 0], [12, 14, 1]]);
		expect(timeBins([95], 60).map((b) => b.to)).toEqual([15, 30, 45, 60, 75, 90, 105]);
		expect(timeBins([], 60)).toEqual([]);
	});
});

describe('CSV export', () => {
	const loaded = demo();
	const labels = labelsFromScenario(loaded.scenario, textsOf(loaded, 'nl'));
	const { overview } = analyseGroup(readFiles(tenFiles()), { labels });

	it('writes one row per participant with their choice per dilemma, readable back', () => {
		const rows = parseCsv(participantsCsv(overview!, t, ';'), ';');
		expect(rows[0].slice(0, 10)).toEqual(['file', 'name', 'version', 'started', 'completed', 'minutes', 'points', 'maxPoints', 'percent', 'passed']);
		expect(rows[0]).toContain('De eerste avond');
		expect(rows).toHaveLength(1 + GROUP_FIGURES.included);
		const anna = rows.find((r) => r[1] === 'Anna de Vries')!;
		expect(anna.slice(5, 10)).toEqual(['5', '6', '6', '100', 'yes']);
		expect(anna[rows[0].indexOf('De eerste avond')]).toMatch(/^Je loopt naar Sam toe/);
		// Several quiz answers share one cell.
		expect(anna[rows[0].indexOf('Kennisvraag: aanpak')].split(' | ')).toHaveLength(2);
		// A learner's text that a spreadsheet would run as a formula is defused.
		expect(rows.find((r) => r[1] === 'Eva Ünal')!.at(-2)).toBe('\'=HYPERLINK("x")');
	});

	it('writes the choices per dilemma with counts and shares', () => {
		const rows = parseCsv(choicesCsv(overview!, t, ','));
		expect(rows[0]).toEqual(['decision', 'reached', 'option', 'count', 'share', 'optionPoints']);
		const talk = rows.find((r) => r[2].startsWith('Je loopt naar Sam toe'))!;
		expect(talk).toEqual(['De eerste avond', '8', talk[2], '4', '50', '2']);
	});

	it('quotes what needs quoting and starts with a byte-order mark for Excel', () => {
		const csv = toCsv([['a;b', 'say "hi"', 'line\nbreak', 3, null, ' padded']], ';');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe('\uFEFF"a;b";"say ""hi""";"line\nbreak";3;;" padded"\r\n');
		expect(parseCsv(csv, ';')).toEqual([['a;b', 'say "hi"', 'line\nbreak', '3', '', ' padded']]);
	});
});
