// Test helper: the result files of a made-up group of eight learners who took the demo, plus
// files a trainer might drop by mistake. Shared by the unit tests and the trainer view e2e test,
// so both check the same figures (listed in GROUP_FIGURES).
import { buildResultRecord, type ResultRecord } from '../../src/lib/results/result-record';
import { demo, demoActions, demoRecord, play, textsOf, T0, type DemoChoices } from './fixtures';

const HOUR = 3_600_000;

const learners: { name?: string; choices: DemoChoices; stepSeconds: number }[] = [
	{ name: 'Anna de Vries', stepSeconds: 30, choices: { first: 'talk', second: 'ask', signals: ['b'], approaches: ['a', 'c'], rating: 9, useful: 'De voorbeelden uit de praktijk.' } },
	{ name: 'Bram Jansen', stepSeconds: 60, choices: { first: 'talk', second: 'assign', signals: ['b'], approaches: ['a', 'c'], rating: 8 } },
	{ name: 'Chaima Amrani', stepSeconds: 45, choices: { first: 'buddy', second: 'ask', signals: ['b'], approaches: ['a'], rating: 7, better: 'Meer tijd voor de reflectie.' } },
	{ name: 'Daan Bakker', stepSeconds: 90, choices: { first: 'buddy', second: 'assign', signals: ['a'], approaches: ['a', 'c'] } },
	{ name: 'Eva Ünal', stepSeconds: 120, choices: { first: 'wait', second: 'visit', signals: ['b'], approaches: ['a', 'c'], rating: 6, useful: '=HYPERLINK("x")' } },
	{ stepSeconds: 20, choices: { first: 'wait', second: 'leave', signals: ['a'], approaches: ['b'], rating: 4, better: 'Korter, graag.' } },
	{ name: 'Gijs Smit', stepSeconds: 40, choices: { first: 'talk', second: 'ask', signals: ['b'], approaches: ['a', 'c'], rating: 10 } }
];

/** Eight learners' files: seven finished, one stopped after the second dilemma. */
export function groupRecords(): ResultRecord[] {
	const records = learners.map((l, i) => demoRecord(l.choices, { start: T0 + i * HOUR, stepSeconds: l.stepSeconds, name: l.name }));
	const loaded = demo();
	const unfinished = play(loaded, demoActions({ first: 'talk', second: 'ask', signals: ['b'], approaches: ['a'] }).slice(0, 6), T0 + 9 * HOUR, 30);
	records.push(buildResultRecord(loaded.scenario, unfinished, textsOf(loaded, 'nl'), { learnerName: 'Hana Yilmaz', now: T0 + 10 * HOUR }));
	return records;
}

export interface GroupFile {
	name: string;
	text: string;
}

/** Ten files: eight learners, one of another module, one broken. */
export function tenFiles(): GroupFile[] {
	const records = groupRecords();
	const other = structuredClone(records[0]);
	other.module = { ...other.module, id: 'polarisatie-naar-verbinding', title: 'Van polarisatie naar verbinding' };
	other.attempt.id = `polarisatie-naar-verbinding-${T0.toString(36)}`;
	return [
		...records.map((r, i) => ({ name: `resultaat-${i + 1}.json`, text: JSON.stringify(r, null, 2) })),
		{ name: 'andere-module.json', text: JSON.stringify(other) },
		{ name: 'kapot.json', text: JSON.stringify(records[1]).slice(0, 400) }
	];
}

/** What the overview of tenFiles() must show. */
export const GROUP_FIGURES = {
	included: 8,
	finished: 7,
	passed: 5,
	// Scores of the finished: 100, 67, 67, 33, 67, 0, 100 → median 67.
	medianScore: 67,
	firstEvening: { reached: 8, talk: 4, buddy: 2, wait: 2 },
	samReturns: { reached: 6, ask: 4, assign: 2 },
	ratings: { count: 6, average: 7.3 }
} as const;
