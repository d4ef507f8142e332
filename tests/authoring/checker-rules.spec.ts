// The checker's rules at their exact limits, as an author meets them: which file and place a
// message names, what it says, and where a warning starts (issue 17, mutation testing). Modules are
// built here with a text for every key they need, so only the rule under test speaks. Modules are
// loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleDefinition, StateConfig } from '../../src/lib/engine';
import { contentNode, endNode, localeJson, moduleOf as buildModule } from './chart-builders';

let engine: typeof import('../../src/lib/engine');
let checker: typeof import('../../src/lib/authoring/checker');
beforeEach(async () => {
	engine = await import('../../src/lib/engine');
	checker = await import('../../src/lib/authoring/checker');
});

const content = contentNode;
const choice = (options: string[], next = 'end'): StateConfig => ({ meta: { kind: 'choice', options }, on: Object.fromEntries(options.map((o) => [`choose.${o}`, next])) });
const end = endNode;
const moduleOf = (states: Record<string, StateConfig>, extra: Partial<ModuleDefinition> = {}) => buildModule('rules', states, extra);

interface Setup {
	/** Texts by dotted key; every other key the module needs reads "x" (one word). */
	texts?: Record<string, string>;
	files?: string[];
	folder?: string;
	extraLocales?: Record<string, string>;
}
function filesOf(module: ModuleDefinition, setup: Setup = {}) {
	const present = new Set(setup.files ?? []);
	return {
		folder: setup.folder ?? module.id,
		moduleJson: JSON.stringify(module, null, '\t'),
		locales: { en: localeJson(engine.keysOf(module).required, () => 'x', setup.texts), ...setup.extraLocales },
		fileExists: (path: string) => present.has(path)
	};
}
const checkAll = (module: ModuleDefinition, setup?: Setup) => checker.checkModule(filesOf(module, setup), { lang: 'en' });
/** The report without the study-time warning, which a module this small always gets. */
const check = (module: ModuleDefinition, setup?: Setup) => {
	const report = checkAll(module, setup);
	return { ...report, issues: report.issues.filter((i) => i.code !== 'study-time') };
};
const codes = (module: ModuleDefinition, setup?: Setup) => check(module, setup).issues.map((i) => i.code);
const words = (n: number) => Array(n).fill('woord').join(' ');

describe('the study-time warning', () => {
	/** A module of one page whose texts hold `total` words in all: an estimate of total / 150 minutes. */
	const reading = (total: number, studyMinutes: number) => {
		const module = moduleOf({ start: content('end'), end }, { studyMinutes });
		const others = engine.keysOf(module).required.size - 1;
		return checkAll(module, { texts: { 'nodes.start.body': words(total - others) } });
	};
	const studyTime = (report: ReturnType<typeof checkAll>) => report.issues.filter((i) => i.code === 'study-time');

	it('allows up to twice the estimate, and warns from just above it, with the figures behind the estimate', () => {
		expect(studyTime(reading(300, 4))).toEqual([]); // estimate 2 minutes
		const [issue] = studyTime(reading(300, 5));
		expect(issue).toMatchObject({ severity: 'warning', file: 'module.json', path: 'studyMinutes' });
		expect(issue.message).toBe('studyMinutes is 5, but the module suggests about 2 minutes (300 words at 150 a minute, 0 decisions at 1 minute, 0 reflections at 2 minutes).');
		expect(issue.line).toBe(10);
	});

	it('allows down to half the estimate, and warns below it', () => {
		expect(studyTime(reading(600, 2))).toEqual([]); // estimate 4 minutes
		expect(studyTime(reading(600, 1))[0].message).toContain('studyMinutes is 1, but the module suggests about 4 minutes (600 words');
	});

	it('reports the estimate in the statistics to a tenth of a minute, and never less than 1 minute in the message', () => {
		expect(reading(620, 4).stats).toMatchObject({ words: 620, estimatedMinutes: 4.1 });
		const module = moduleOf({ start: content('end'), end }, { studyMinutes: 3 });
		expect(studyTime(checkAll(module))[0].message).toMatch(/suggests about 1 minutes \(\d words/);
	});

	it('counts decisions and reflections of the chart', () => {
		const module = moduleOf({ start: choice(['a', 'b'], 'think'), think: { meta: { kind: 'reflection' }, on: { submit: 'end' } }, end }, { studyMinutes: 30 });
		expect(studyTime(checkAll(module))[0].message).toMatch(/, 1 decisions at 1 minute, 1 reflections at 2 minutes\)\.$/);
	});
});

describe('the option-length warning', () => {
	const labels = (...lengths: number[]) => {
		const options = lengths.map((_, i) => `o${i}`);
		const module = moduleOf({ start: choice(options), end });
		const texts = Object.fromEntries(options.map((o, i) => [`nodes.start.options.${o}.label`, 'l'.repeat(lengths[i])]));
		return check(module, { texts }).issues.filter((i) => i.code === 'option-length');
	};

	it('warns from half as long again as the others and 30 characters more, both', () => {
		expect(labels(60, 60, 90)).toHaveLength(1);
		expect(labels(60, 60, 89)).toEqual([]);
		expect(labels(20, 20, 50)).toHaveLength(1);
		expect(labels(20, 20, 49)).toEqual([]); // 2.45 times as long, but 29 characters more
		expect(labels(100, 100, 140)).toEqual([]); // 40 more, but only 1.4 times as long
	});

	it('names the longest option, its length and the others\u2019 average, at its label in the texts', () => {
		const [issue] = labels(31, 90, 30);
		expect(issue).toMatchObject({ severity: 'warning', file: 'locales/en.json', path: 'nodes.start.options.o1.label' });
		expect(issue.message).toBe('The label of "o1" at "start" is 90 characters, the others about 31: learners soon learn that the longest, most careful label is the best one.');
		expect(issue.line).toBeGreaterThan(0);
	});

	it('also judges the answers of a quiz, and not one label alone', () => {
		const quiz: StateConfig = { meta: { kind: 'quiz', answers: ['a', 'b'], correct: ['a'] }, on: { answer: 'end' } };
		const module = moduleOf({ start: quiz, end });
		const issues = check(module, { texts: { 'nodes.start.answers.a.label': 'a'.repeat(80), 'nodes.start.answers.b.label': 'b' } }).issues.filter((i) => i.code === 'option-length');
		expect(issues.map((i) => i.path)).toEqual(['nodes.start.answers.a.label']);
	});
});

describe('the long-page warning (a phone at 360 px)', () => {
	it('estimates a page from its lines of 38 characters, paragraphs and images', () => {
		expect(checker.phoneHeight('')).toBe(170 + 16);
		expect(checker.phoneHeight('a'.repeat(38))).toBe(170 + 26 + 16);
		expect(checker.phoneHeight('a'.repeat(39))).toBe(170 + 2 * 26 + 16);
		expect(checker.phoneHeight('één\ntwee\n\n- drie')).toBe(170 + 2 * 26 + 16 + 26 + 16);
		// An image is 300 px; link addresses and markdown marks take no room.
		expect(checker.phoneHeight(`![kaart](media/kaart.png) [${'a'.repeat(38)}](https://example.org/${'x'.repeat(80)})`)).toBe(170 + 26 + 16 + 300);
		expect(checker.phoneHeight(`**${'a'.repeat(37)}**`)).toBe(170 + 26 + 16);
	});

	it('counts no room for the spaces that begin or end a line, and ends a paragraph at a blank line of spaces', () => {
		// A hard line break (two spaces at the end) and up to three spaces before a paragraph are not shown.
		expect(checker.phoneHeight(`${'a'.repeat(38)}  \nb`)).toBe(170 + 2 * 26 + 16);
		expect(checker.phoneHeight(`   ${'a'.repeat(38)}`)).toBe(170 + 26 + 16);
		expect(checker.phoneHeight('een\n  \ntwee')).toBe(170 + 2 * (26 + 16));
	});

	it('warns from two and a half screens (1,600 px), at the page\u2019s body', () => {
		const page = (paragraphs: number) => {
			const module = moduleOf({ start: content('end'), end }, { studyMinutes: 30 });
			return check(module, { texts: { 'nodes.start.body': Array(paragraphs).fill('a'.repeat(38)).join('\n\n') } }).issues.filter((i) => i.code === 'page-long');
		};
		expect(page(34)).toEqual([]); // 170 + 34 × 42 = 1,598 px
		const [issue] = page(35); // 1,640 px
		expect(issue).toMatchObject({ file: 'locales/en.json', path: 'nodes.start.body' });
		expect(issue.message).toBe(`The page "start" is about 2.6 phone screens long at 360 px (${35 * 38 + 34 * 2} characters); more than two screens is hard to read on a phone.`);
	});

	it('warns at exactly two and a half screens', () => {
		// 13 paragraphs of 47 lines in all: 170 + 47 × 26 + 13 × 16 = 1,600 px.
		const body = [...Array(8).fill(4), ...Array(5).fill(3)].map((lines: number) => 'a'.repeat(38 * lines)).join('\n\n');
		expect(checker.phoneHeight(body)).toBe(1600);
		const module = moduleOf({ start: content('end'), end }, { studyMinutes: 30 });
		const issues = check(module, { texts: { 'nodes.start.body': body } }).issues.filter((i) => i.code === 'page-long');
		expect(issues.map((i) => i.message)).toEqual([`The page "start" is about 2.5 phone screens long at 360 px (${body.length} characters); more than two screens is hard to read on a phone.`]);
	});

	it('judges content and persona pages, not the body of a dilemma', () => {
		const long = Array(40).fill('a'.repeat(38)).join('\n\n');
		const persona: StateConfig = { meta: { kind: 'persona' }, on: { continue: 'pick' } };
		const module = moduleOf({ start: persona, pick: choice(['a', 'b']), end }, { studyMinutes: 30 });
		const issues = check(module, { texts: { 'nodes.start.body': long, 'nodes.pick.body': long } }).issues.filter((i) => i.code === 'page-long');
		expect(issues.map((i) => i.path)).toEqual(['nodes.start.body']);
	});
});

describe('the question asked twice', () => {
	const asked = (body: string, question?: string) => {
		const module = moduleOf({ start: choice(['a', 'b']), end });
		return check(module, { texts: { 'nodes.start.body': body, ...(question ? { 'nodes.start.question': question } : {}) } }).issues.filter((i) => i.code === 'question-twice');
	};

	it('warns when the body ends with a question (also in bold, or followed by spaces) and the node has a question', () => {
		const [issue] = asked('Sam kijkt je aan. Wat doe je?', 'Wat doe je?');
		expect(issue).toMatchObject({ severity: 'warning', file: 'locales/en.json', path: 'nodes.start.body' });
		expect(issue.message).toContain('The body of "start" ends with a question, and the player also shows its question "Wat doe je?"');
		expect(asked('**Wat doe je?** \n', 'Wat doe je?')).toHaveLength(1);
		expect(asked('_Wat doe je?_', 'Wat doe je?')).toHaveLength(1);
	});

	it('says nothing when the body does not end with one, or the node has no question of its own', () => {
		expect(asked('Wat doe je? Sam wacht.', 'Wat doe je?')).toEqual([]);
		expect(asked('Wat doe je?')).toEqual([]);
	});

	it('leaves pages alone that end with a question: only a dilemma or a quiz shows one of its own', () => {
		// A texts file copied from a dilemma may keep its "question" key; a page does not show it.
		const module = moduleOf({ start: content('think'), think: { meta: { kind: 'reflection' }, on: { submit: 'end' } }, end });
		const texts = { 'nodes.start.body': 'Wat doe je?', 'nodes.start.question': 'Wat doe je?', 'nodes.think.body': 'Wat had jij gedaan?', 'nodes.think.question': 'Wat had jij gedaan?' };
		// The trainer hears of the stray keys, not of a question asked twice.
		expect(check(module, { texts }).issues.map((i) => [i.code, i.path])).toEqual([
			['unused-key', 'nodes.start.question'],
			['unused-key', 'nodes.think.question']
		]);
	});
});

describe('dilemmas every learner meets', () => {
	it('warns when two or more dilemmas are on every way to an end, not when one is', () => {
		expect(codes(moduleOf({ start: choice(['a', 'b'], 'next'), next: choice(['c', 'd']), end }))).toContain('dilemmas-fixed');
		expect(check(moduleOf({ start: choice(['a', 'b'], 'next'), next: choice(['c', 'd']), end })).issues.find((i) => i.code === 'dilemmas-fixed')).toMatchObject({
			file: 'module.json',
			path: 'machine',
			message: expect.stringMatching(/^All 2 dilemmas are met by every learner/)
		});
		expect(codes(moduleOf({ start: choice(['a', 'b'], 'end'), end }))).not.toContain('dilemmas-fixed');
	});

	it('says nothing when some way to an end passes a dilemma by', () => {
		const module = moduleOf({
			start: { meta: { kind: 'choice', options: ['a', 'b'] }, on: { 'choose.a': 'next', 'choose.b': 'end' } },
			next: choice(['c', 'd']),
			end
		});
		expect(codes(module)).not.toContain('dilemmas-fixed');
	});

	it('finds the dilemmas every learner meets after the first page, also where a learner can go round in a loop', () => {
		// "intro" and "more" form a loop: a learner may go round it, but leaves it only to "pick".
		const chart = (moreTo: string) =>
			moduleOf({
				start: content('intro'),
				intro: { meta: { kind: 'choice', options: ['on', 'again'] }, on: { 'choose.on': 'pick', 'choose.again': 'more' } },
				more: content(moreTo),
				pick: choice(['a', 'b'], 'next'),
				next: choice(['c', 'd']),
				end
			});
		const fixed = (module: ModuleDefinition) => check(module).issues.filter((i) => i.code === 'dilemmas-fixed');
		expect(fixed(chart('intro')).map((i) => i.message)).toEqual([expect.stringMatching(/^All 3 dilemmas are met by every learner/)]);
		// The same chart where "more" skips "pick": that dilemma depends on the first choice.
		expect(fixed(chart('next'))).toEqual([]);
	});
});

describe('images in texts and in the chart', () => {
	const page = (body: string, files: string[] = []) => {
		const module = moduleOf({ start: content('end'), end });
		return check(module, { texts: { 'nodes.start.body': body }, files }).issues.map((i) => [i.code, i.severity, i.path]);
	};

	it('accepts an image in media/ that exists and has an alt text', () => {
		expect(page('![Sam aan tafel](media/sam.png)', ['media/sam.png'])).toEqual([]);
		expect(page('![Sam](media/sam.png "Sam aan tafel")', ['media/sam.png'])).toEqual([]);
	});

	it('names what is wrong: missing, outside the folder, from the web, without alt text, not an image', () => {
		expect(page('![Sam](media/sam.png)')).toEqual([['image-missing', 'error', 'nodes.start.body']]);
		expect(page('![Sam](../sam.png)')).toEqual([['image-outside', 'error', 'nodes.start.body']]);
		expect(page('![Sam](https://example.org/sam.png)')).toEqual([['image-external', 'warning', 'nodes.start.body']]);
		expect(page('![ ](media/sam.png)', ['media/sam.png'])).toEqual([['image-no-alt', 'error', 'nodes.start.body']]);
		expect(page('![Sam](media/sam.txt)', ['media/sam.txt'])).toEqual([['unsafe-link', 'error', 'nodes.start.body']]);
	});

	it('says which image, as written in the text, and what to do about it', () => {
		const issue = (body: string, files: string[] = []) => check(moduleOf({ start: content('end'), end }), { texts: { 'nodes.start.body': body }, files }).issues[0];
		expect(issue('![Sam](../sam.png)')).toMatchObject({
			message: 'The image "../sam.png" is not a file in the module folder (it points outside the folder, or is an address the player does not load), so learners would not see it.',
			fix: 'Copy the image into the module\'s media/ folder and write "media/<file name>".'
		});
		expect(issue('![Sam](https://example.org/sam.png)').message).toBe(
			'The image "https://example.org/sam.png" is loaded from the internet: it fails offline and in many LMSs, and tells another website who is learning.'
		);
		expect(issue('![Sam](media/sam.txt)', ['media/sam.txt']).message).toMatch(/^This text points to "media\/sam\.txt", which the player neither opens nor shows/);
		expect(issue('![Sam](./media/sam.png)')).toMatchObject({
			message: 'The image "media/sam.png" does not exist in the module folder.',
			fix: 'Put the image at media/sam.png inside the module folder, or correct the path (capitals count).'
		});
	});

	it('checks a persona\u2019s portrait in module.json, also written with ./, and names it by its path in the folder', () => {
		const persona = (image: string): StateConfig => ({ meta: { kind: 'persona', image }, on: { continue: 'end' } });
		expect(check(moduleOf({ start: persona('./media/sam.svg'), end }), { files: ['media/sam.svg'] }).issues).toEqual([]);
		expect(check(moduleOf({ start: persona('media/people/sam.v2.svg'), end }), { files: ['media/people/sam.v2.svg'] }).issues).toEqual([]);
		for (const written of ['media/sam.svg', './media/sam.svg']) {
			const [issue] = check(moduleOf({ start: persona(written), end })).issues;
			expect(issue, written).toMatchObject({ code: 'image-missing', severity: 'error', file: 'module.json', path: 'machine.states.start.meta.image' });
			expect(issue.message, written).toBe('The image "media/sam.svg" does not exist in the module folder.');
		}
	});
});

describe('texts: length, links, invisible characters', () => {
	const body = (text: string) => check(moduleOf({ start: content('end'), end }, { studyMinutes: 200 }), { texts: { 'nodes.start.body': text } }).issues;

	it('refuses a text over 20,000 characters, not one of exactly 20,000', () => {
		const long = 'Lang verhaal. '.repeat(2000);
		expect(body(long.slice(0, 20_000)).filter((i) => i.code === 'text-too-long')).toEqual([]);
		const [issue] = body(long.slice(0, 20_001)).filter((i) => i.code === 'text-too-long');
		expect(issue).toMatchObject({ severity: 'error', file: 'locales/en.json', path: 'nodes.start.body', message: 'This text is 20001 characters long; the limit is 20,000.' });
	});

	it('refuses a link the player would not open, once, and not again when the text already holds code', () => {
		expect(body('Zie [dit](ftp://example.org/x).').map((i) => [i.code, i.severity, i.message])).toEqual([
			['unsafe-link', 'error', expect.stringContaining('"ftp://example.org/x"')]
		]);
		expect(body('[x](javascript:alert(1))').map((i) => i.code)).toEqual(['hostile-content']);
		expect(body('[x](https://example.org) en <mailto:info@example.org>')).toEqual([]);
	});

	it('warns about invisible characters, saying which and where', () => {
		const [issue] = body('Factuur_\u202egnp.exe');
		expect(issue).toMatchObject({ code: 'invisible-characters', severity: 'warning', file: 'locales/en.json', path: 'nodes.start.body' });
		expect(issue.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
	});

	it('checks texts in module.json for code, but its links and images only in the texts a learner reads', () => {
		const cited = (citation: string) => check(moduleOf({ start: content('end'), end }, { sources: [{ id: 's1', citation }] } as Partial<ModuleDefinition>)).issues.map((i) => [i.code, i.file]);
		expect(cited('Zie ![kaart](media/none.png) en [de gids](ftp://example.org/gids).')).toEqual([]);
		expect(cited('Zie <script>')).toEqual([['hostile-content', 'module.json']]);
	});
});

describe('the module folder', () => {
	it('wants the module id to be the folder\u2019s name, and says which', () => {
		const [issue] = check(moduleOf({ start: content('end'), end }), { folder: 'other' }).issues;
		expect(issue).toMatchObject({ code: 'id-mismatch', severity: 'error', file: 'module.json', path: 'id' });
		expect(issue.message).toContain('rules');
		expect(issue.message).toContain('other');
	});

	it('warns about a texts file for a language the module does not list, by its file', () => {
		const issues = check(moduleOf({ start: content('end'), end }), { extraLocales: { de: '{\n\t"meta": {}\n}' } }).issues;
		expect(issues.map((i) => [i.code, i.severity, i.file])).toEqual([['unused-locale-file', 'warning', 'locales/de.json']]);
		// The file as a whole, not a line in it.
		expect(issues[0]).toMatchObject({
			path: '',
			message: 'locales/de.json is not used: "de" is not in "languages".',
			fix: 'Add "de" to "languages" in module.json, or delete the file.'
		});
		expect(issues[0]).not.toHaveProperty('line');
	});
});

describe('the order of the report', () => {
	it('lists errors before warnings; module.json, then texts, then other files; then by line', () => {
		const module = moduleOf({ start: content('end'), end }, { studyMinutes: 90 });
		const report = checker.checkModule(
			{
				...filesOf(module, { texts: { 'nodes.start.title': 'Titel\u200b', 'nodes.start.body': '![Sam](media/sam.png) <b>x</b>' }, folder: 'other' }),
				contents: [{ severity: 'error', code: 'file-not-allowed', file: 'notes.txt', params: { file: 'notes.txt' } }]
			},
			{ lang: 'en' }
		);
		expect(report.issues.map((i) => `${i.severity} ${i.file} ${i.code}`)).toEqual([
			'error module.json id-mismatch',
			'error locales/en.json image-missing',
			'error notes.txt file-not-allowed',
			'warning module.json study-time',
			'warning locales/en.json invisible-characters',
			'warning locales/en.json html-removed'
		]);
		expect(report).toMatchObject({ errors: 3, warnings: 3 });
	});
});
