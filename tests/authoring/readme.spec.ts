// The tutorial in modules/README.md must work as written: scaffold, paste the chart and the texts
// from the README, check (no issues), play both branches. The example report lines in the README
// must be what the checker really prints.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModule } from '../../src/lib/authoring/checker';
import { formatHuman } from '../../src/lib/authoring/format';
import { scaffoldModule } from '../../src/lib/authoring/scaffold';
import { loadModule, type LearnerAction } from '../../src/lib/engine';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'modules', 'README.md'), 'utf8');

/** The JSON fragment in the code block after `<!-- marker -->`, without the list indentation. */
function block(marker: string): string {
	const m = new RegExp(`<!-- ${marker} -->\\s*\\n(\\s*)\`\`\`json\\n([\\s\\S]*?)\\n\\s*\`\`\``).exec(README);
	if (!m) throw new Error(`no block ${marker} in modules/README.md`);
	return m[2]
		.split('\n')
		.map((line) => line.slice(m[1].length))
		.join('\n');
}

/** module.json as a trainer ends up with it: the scaffold, with "states" replaced by the README's. */
function tutorialModule(lang: 'en' | 'nl', id: string, edit: (states: string) => string = (s) => s) {
	const files = scaffoldModule(id);
	const states = edit(block(`tutorial-${lang}:states`));
	const initial = Object.keys(JSON.parse(`{${states}}`).states)[0];
	const lines = files['module.json'].split('\n');
	const from = lines.findIndex((l) => l === '\t\t"states": {');
	const to = lines.findIndex((l, i) => i > from && l === '\t\t}');
	const pasted = states.split('\n').map((l) => `\t\t${l}`);
	const moduleJson = [...lines.slice(0, from), ...pasted, ...lines.slice(to + 1)]
		.join('\n')
		.replace('"initial": "welcome"', `"initial": "${initial}"`)
		.replace(/"studyMinutes": \d+/, '"studyMinutes": 2');
	const nodes = JSON.parse(`{${block(`tutorial-${lang}:nodes`)}}`).nodes;
	const locale = (l: 'nl' | 'en') => JSON.stringify({ ...JSON.parse(files[`locales/${l}.json`]), nodes }, null, '\t');
	return { folder: id, moduleJson, locales: { nl: locale('nl'), en: locale('en') }, fileExists: (p: string) => p in files };
}

describe.each(['en', 'nl'] as const)('the %s tutorial in modules/README.md', (lang) => {
	const id = lang === 'en' ? 'my-first-module' : 'mijn-eerste-module';

	it('gives a five-node module that checks without errors or warnings', () => {
		const files = tutorialModule(lang, id);
		const report = checkModule(files);
		expect(report.issues).toEqual([]);
		expect(report.stats?.nodes).toBe(5);
	});

	it('plays both branches to the end; the one who asks passes', () => {
		const result = loadModule(tutorialModule(lang, id));
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		const { scenario, module } = result.loaded;
		const choice = Object.keys(module.machine.states).find((n) => module.machine.states[n].meta.kind === 'choice')!;
		const outcomes = module.machine.states[choice].meta.options!.map((option) => {
			let state = scenario.start(0);
			const actions: LearnerAction[] = [{ type: 'continue' }, { type: 'choose', option }, { type: 'continue' }];
			actions.forEach((action, i) => (state = scenario.acknowledgeFeedback(scenario.apply(state, action, i + 1), i + 1)));
			expect(state.completedAt).toBeDefined();
			return { path: state.path, passed: scenario.scoreOf(state).passed };
		});
		expect(outcomes.map((o) => o.passed)).toEqual([true, false]);
		expect(new Set(outcomes.map((o) => o.path[2])).size).toBe(2);
	});

	it('shows an example report line that the checker really prints', () => {
		const typo = lang === 'en' ? ['"target": "talk"', '"target": "talkk"'] : ['"target": "gesprek"', '"target": "gesprekk"'];
		const files = tutorialModule(lang, id, (s) => s.replace(typo[0], typo[1]));
		const report = checkModule(files, { lang });
		expect(report.issues.map((i) => i.code)).toEqual(['missing-target']);
		const printed = formatHuman([{ id, dir: `modules/${id}`, ...report }], lang, 0).split('\n').slice(0, 3);
		for (const line of printed) expect(README).toContain(line);
	});
});

describe('modules/README.md', () => {
	it('documents every issue code the checker can give, in English and in Dutch', async () => {
		const { MESSAGES } = await import('../../src/lib/authoring/messages');
		const engineCodes = ['schema', 'missing-target', 'unreachable', 'dead-end', 'no-exit-loop', 'no-end', 'unreachable-alternative', 'unknown-guard', 'unknown-action', 'missing-key', 'empty-string', 'unused-key'];
		const [english, dutch] = README.split('# Handleiding in het Nederlands');
		for (const code of [...Object.keys(MESSAGES).filter((c) => c !== 'no-module-json'), ...engineCodes]) {
			expect(english, code).toContain(`\`${code}\``);
			expect(dutch, code).toContain(`\`${code}\``);
		}
	});
});
