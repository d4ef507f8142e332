// What the player refuses or accepts in a module.json (the rules of module-schema.ts), each rule
// pinned to the place an author is sent to fix it: one change to a small valid module, and exactly
// the problem it causes, no more. Limits are tested on both sides (a module at the limit plays).
import { describe, expect, it } from 'vitest';
import { LIBRARY } from './library';
import { checkGraph, DECISION_KINDS, eventsForKind, INSTRUMENT_KINDS, nodeKeys, normaliseTransitions, successors, validateModule, type ModuleDefinition, type NodeMeta } from './module-schema';

/** A small module that passes: a page, a dilemma, a quiz, an end. */
function valid(): Record<string, any> {
	return {
		formatVersion: 1,
		id: 'mini',
		version: '1.0.0',
		title: 'meta.title',
		description: 'meta.description',
		languages: ['nl', 'en'],
		studyMinutes: 30,
		masteryScore: 50,
		sources: [],
		machine: {
			id: 'mini',
			initial: 'welcome',
			states: {
				welcome: { meta: { kind: 'content' }, on: { continue: 'dilemma' } },
				dilemma: { meta: { kind: 'choice', options: ['talk', 'wait'] }, on: { 'choose.talk': { target: 'quiz', actions: [{ type: 'addPoints', params: { points: 2 } }] }, 'choose.wait': 'quiz' } },
				quiz: { meta: { kind: 'quiz', answers: ['a', 'b'], correct: ['a'], points: 1 }, on: { answer: 'end' } },
				end: { type: 'final', meta: { kind: 'end' } }
			}
		}
	};
}

/**
 * The errors of the valid module after one change, as `code@path`. Every problem must also come
 * with a message and a fix a trainer can act on (the checker and the player's error page show both).
 */
function errors(change: (m: Record<string, any>) => void): string[] {
	const m = valid();
	change(m);
	const { issues } = validateModule(m, LIBRARY);
	for (const issue of issues) {
		expect(issue.message.length, `${issue.path}: ${issue.message}`).toBeGreaterThan(20);
		expect(issue.fix.length, `${issue.path}: ${issue.fix}`).toBeGreaterThan(12);
		expect(issue.file).toBe('module.json');
	}
	return issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.path}`);
}
const accepted = (change: (m: Record<string, any>) => void) => errors(change);
const states = (m: Record<string, any>) => m.machine.states;

describe('a valid module', () => {
	it('loads with no issue, and is the object the author wrote', () => {
		const m = valid();
		const result = validateModule(m, LIBRARY);
		expect(result.issues).toEqual([]);
		expect(result.module).toBe(m);
	});

	it('names every problem with the file, a message and a fix (the checker shows all three)', () => {
		const result = validateModule({ ...valid(), id: 'Bad Id', version: '1' }, LIBRARY, 'modules/x/module.json');
		expect(result.module).toBeUndefined();
		expect(result.issues).toEqual([
			{ severity: 'error', code: 'schema', file: 'modules/x/module.json', path: 'id', message: expect.stringContaining('module id'), fix: expect.stringContaining('"my-module"') },
			{ severity: 'error', code: 'schema', file: 'modules/x/module.json', path: 'version', message: expect.stringContaining('1.0.0'), fix: expect.stringContaining('"version"') }
		]);
		expect(validateModule(valid(), LIBRARY).issues).toEqual([]);
	});
});

describe('the top of module.json', () => {
	it('refuses what is not one JSON object, and stops there', () => {
		for (const json of [null, [], 'module', 3]) {
			const { module, issues } = validateModule(json, LIBRARY);
			expect(module).toBeUndefined();
			expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['schema@']);
			expect(issues[0]).toMatchObject({ message: 'The file does not hold a JSON object.', fix: 'Start the file with { and end it with }.' });
		}
	});

	it('reads format 1 only, and says which format it found', () => {
		expect(errors((m) => (m.formatVersion = 2))).toEqual(['schema@formatVersion']);
		expect(errors((m) => (m.formatVersion = '1'))).toEqual(['schema@formatVersion']);
		expect(errors((m) => delete m.formatVersion)).toEqual(['schema@formatVersion']);
		const m = { ...valid(), formatVersion: 2 };
		expect(validateModule(m, LIBRARY).issues[0]).toMatchObject({ message: 'formatVersion is 2; this player reads format 1.', fix: 'Set "formatVersion": 1.' });
	});

	it('needs an id of lower-case letters, digits, - and _, and a version like 1.0.0', () => {
		for (const id of ['Mini', 'mini module', '-mini', '', 7]) expect(errors((m) => (m.id = id)), String(id)).toEqual(['schema@id']);
		expect(accepted((m) => (m.id = 'mini_2-b'))).toEqual([]);
		for (const version of ['1.0', '1.0.0.0', 'v1.0.0', '1.0.0-beta', ' 1.0.0', 100]) expect(errors((m) => (m.version = version)), String(version)).toEqual(['schema@version']);
		for (const version of ['12.0.31', '1.10.0']) expect(accepted((m) => (m.version = version)), version).toEqual([]);
	});

	it('needs title and description keys', () => {
		expect(errors((m) => (m.title = ''))).toEqual(['schema@title']);
		expect(errors((m) => delete m.description)).toEqual(['schema@description']);
		expect(errors((m) => (m.description = 3))).toEqual(['schema@description']);
	});

	it('needs a list of language codes, and a default that is one of them', () => {
		for (const languages of [[], 'nl', ['NL'], ['nl', 'dutch'], ['nl-nl'], ['nl', 3], ['nl', ['en']]]) expect(errors((m) => (m.languages = languages)), JSON.stringify(languages)).toEqual(['schema@languages']);
		expect(accepted((m) => (m.languages = ['nl-BE', 'en']))).toEqual([]);
		expect(accepted((m) => (m.defaultLanguage = 'en'))).toEqual([]);
		expect(errors((m) => (m.defaultLanguage = 'de'))).toEqual(['schema@defaultLanguage']);
		expect(errors((m) => ((m.languages = 'nl'), (m.defaultLanguage = 'nl')))).toEqual(['schema@languages', 'schema@defaultLanguage']);
	});

	it('needs a study time above 0 and a mastery score from 0 to 100, both ends included', () => {
		for (const studyMinutes of [0, -5, '30', NaN]) expect(errors((m) => (m.studyMinutes = studyMinutes)), String(studyMinutes)).toEqual(['schema@studyMinutes']);
		expect(accepted((m) => (m.studyMinutes = 0.5))).toEqual([]);
		for (const masteryScore of [-1, 100.5, '70', undefined]) expect(errors((m) => (m.masteryScore = masteryScore)), String(masteryScore)).toEqual(['schema@masteryScore']);
		expect(accepted((m) => (m.masteryScore = 0))).toEqual([]);
		expect(accepted((m) => (m.masteryScore = 100))).toEqual([]);
	});

	it('takes instrument, allowBack and reportFailureAs only in their forms', () => {
		expect(errors((m) => (m.instrument = 'yes'))).toEqual(['schema@instrument']);
		expect(errors((m) => (m.allowBack = 1))).toEqual(['schema@allowBack']);
		expect(errors((m) => (m.reportFailureAs = 'passed'))).toEqual(['schema@reportFailureAs']);
		expect(accepted((m) => ((m.instrument = false), (m.allowBack = true), (m.reportFailureAs = 'failed')))).toEqual([]);
		expect(accepted((m) => (m.reportFailureAs = 'incomplete'))).toEqual([]);
	});

	it('needs a list of sources, each with an id and a citation, and safe addresses', () => {
		expect(errors((m) => (m.sources = {}))).toEqual(['schema@sources']);
		expect(errors((m) => delete m.sources)).toEqual(['schema@sources']);
		expect(errors((m) => (m.sources = [{ id: 's1', citation: 'A (2020).' }, 'B (2021).', { citation: 'C' }, { id: 's4', citation: '' }]))).toEqual(['schema@sources[1]', 'schema@sources[2]', 'schema@sources[3]']);
		expect(errors((m) => (m.sources = [{ id: 's1', citation: 'A', location: 'javascript:alert(1)' }]))).toEqual(['unsafe-url@sources[0].location']);
		expect(errors((m) => (m.sources = [{ id: 's1', citation: 'A', url: 'www.kis.nl' }]))).toEqual(['unsafe-url@sources[0].url']);
		expect(errors((m) => (m.sources = [{ id: 's1', citation: 'A', url: 'mailto:a@b.nl' }]))).toEqual(['unsafe-url@sources[0].url']);
		expect(accepted((m) => (m.sources = [{ id: 's1', citation: 'A', url: 'https://www.kis.nl/x', location: 'rapport.pdf:12' }]))).toEqual([]);
	});

	it('needs a publisher with a name, a safe address and a text contact', () => {
		expect(errors((m) => (m.publisher = 'Movisie'))).toEqual(['schema@publisher']);
		expect(errors((m) => (m.publisher = { name: '' }))).toEqual(['schema@publisher']);
		expect(errors((m) => (m.publisher = { name: 'M', url: 'javascript:x' }))).toEqual(['unsafe-url@publisher.url']);
		expect(errors((m) => (m.publisher = { name: 'M', contact: 31 }))).toEqual(['schema@publisher.contact']);
		expect(accepted((m) => (m.publisher = { name: 'M', url: 'mailto:info@m.nl', contact: 'Postbus 1' }))).toEqual([]);
	});

	it('checks the accreditation block with the module', () => {
		expect(errors((m) => (m.accreditation = { registrations: [] }))).toEqual(['schema@accreditation.registrations']);
		expect(accepted((m) => (m.accreditation = { registrations: [{ register: 'R', points: 2 }] }))).toEqual([]);
	});

	it('needs a certificate minimum above 0 and not above the study time', () => {
		expect(accepted((m) => (m.certificateMinimumMinutes = 30))).toEqual([]);
		for (const minutes of [0, 31, '10']) expect(errors((m) => (m.certificateMinimumMinutes = minutes)), String(minutes)).toEqual(['schema@certificateMinimumMinutes']);
		// Without a valid study time only the study time is wrong, not the minimum as well.
		expect(errors((m) => ((m.studyMinutes = '30'), (m.certificateMinimumMinutes = 45)))).toEqual(['schema@studyMinutes']);
	});

	it('needs chapters as a list of distinct ids, and node chapters from that list', () => {
		expect(accepted((m) => ((m.chapters = ['week-1', 'week-2']), (states(m).dilemma.meta.chapter = 'week-2')))).toEqual([]);
		for (const chapters of [[], 'week-1', ['Week 1'], ['week-1', 'Week 2'], ['week-1', 'week-1']]) expect(errors((m) => (m.chapters = chapters)), JSON.stringify(chapters)).toEqual(['schema@chapters']);
		expect(errors((m) => ((m.chapters = ['week-1']), (states(m).dilemma.meta.chapter = 'week-2')))).toEqual(['schema@machine.states.dilemma.meta.chapter']);
		// A broken list names no chapter: every node chapter is then refused too.
		expect(errors((m) => ((m.chapters = ['week-1', 'week-1']), (states(m).dilemma.meta.chapter = 'week-1')))).toEqual(['schema@chapters', 'schema@machine.states.dilemma.meta.chapter']);
		expect(errors((m) => (states(m).dilemma.meta.chapter = 'week-1'))).toEqual(['schema@machine.states.dilemma.meta.chapter']);
		const fixes = (chapters: unknown) => validateModule({ ...valid(), chapters, machine: { ...valid().machine, states: { ...valid().machine.states, welcome: { meta: { kind: 'content', chapter: 'week-3' }, on: { continue: 'dilemma' } } } } }, LIBRARY).issues.map((i) => i.fix);
		expect(fixes(['week-1', 'week-2'])).toEqual(['Use one of: week-1, week-2.']);
		expect(fixes(undefined)[0]).toMatch(/^Add "chapters"/);
	});

	it('refuses an id or a version written as a list, not only a wrong text', () => {
		expect(errors((m) => (m.id = ['mini']))).toEqual(['schema@id']);
		expect(errors((m) => (m.version = ['1.0.0']))).toEqual(['schema@version']);
	});

	it('needs the citation of a source and the name of a publisher as texts', () => {
		expect(errors((m) => (m.sources = [{ id: 's1', citation: 2020 }]))).toEqual(['schema@sources[0]']);
		expect(errors((m) => (m.publisher = { name: 5 }))).toEqual(['schema@publisher']);
	});
});

describe('the chart', () => {
	it('needs a machine with an id, states and a start node among them', () => {
		expect(errors((m) => delete m.machine)).toEqual(['schema@machine']);
		expect(errors((m) => (m.machine = []))).toEqual(['schema@machine']);
		expect(errors((m) => (m.machine.id = ''))).toEqual(['schema@machine.id']);
		expect(errors((m) => (m.machine.states = {}))).toEqual(['schema@machine.states']);
		expect(errors((m) => (m.machine.states = []))).toEqual(['schema@machine.states']);
		expect(errors((m) => (m.machine.initial = 'start'))).toEqual(['missing-target@machine.initial']);
		expect(errors((m) => (m.machine.initial = 3))).toEqual(['missing-target@machine.initial']);
		const fix = validateModule({ ...valid(), machine: { ...valid().machine, id: '' } }, LIBRARY).issues[0].fix;
		expect(fix).toBe('Use the module id: "id": "mini".');
	});

	it('needs the chart id as a text, and names the node ids to start from', () => {
		expect(errors((m) => (m.machine.id = 5))).toEqual(['schema@machine.id']);
		const fixes = (change: (m: Record<string, any>) => void) => {
			const m = valid();
			change(m);
			return validateModule(m, LIBRARY).issues.map((i) => `${i.path}: ${i.fix}`);
		};
		expect(fixes((m) => ((m.id = undefined), (m.machine.id = '')))).toEqual(['id: Use the folder name, e.g. "my-module".', 'machine.id: Use the module id: "id": "my-module".']);
		// Up to five, in the order of the chart: enough to pick from without a wall of ids.
		expect(fixes((m) => {
			m.machine.initial = 'start';
			for (const id of ['e1', 'e2']) states(m)[id] = { type: 'final', meta: { kind: 'end' } };
		})).toEqual(['machine.initial: Set "initial" to one of: welcome, dilemma, quiz, end, e1.']);
	});

	it('needs node ids of lower-case letters, digits, - and _, and nodes that are objects of a known kind', () => {
		expect(errors((m) => (states(m)['Extra Node'] = { meta: { kind: 'end' }, type: 'final' }))).toEqual(['schema@machine.states.Extra Node']);
		expect(errors((m) => (states(m).welcome = 'text'))).toEqual(['schema@machine.states.welcome']);
		expect(errors((m) => (states(m).welcome.meta.kind = 'video'))).toEqual(['schema@machine.states.welcome.meta.kind']);
		expect(errors((m) => delete states(m).welcome.meta)).toEqual(['schema@machine.states.welcome.meta.kind']);
		const issue = (meta: unknown) => {
			const m = valid();
			states(m).welcome.meta = meta;
			return validateModule(m, LIBRARY).issues.map((i) => [i.message, i.fix]);
		};
		const fix = 'Set "meta": { "kind": … } to one of: content, persona, choice, quiz, reflection, evaluation, end, scale, checklist, fields, actionplan.';
		expect(issue({ kind: 'video' })).toEqual([['The node has no valid kind ("video").', fix]]);
		expect(issue('content')).toEqual([['The node has no valid kind (undefined).', fix]]);
		expect(issue({ kind: 'Content' })).toEqual([['The node has no valid kind ("Content").', fix]]);
	});

	it('needs 2 to 4 distinct options at a dilemma', () => {
		expect(accepted((m) => {
			states(m).dilemma.meta.options = ['a', 'b', 'c', 'd'];
			states(m).dilemma.on = { 'choose.a': 'quiz', 'choose.b': 'quiz', 'choose.c': 'quiz', 'choose.d': 'quiz' };
		})).toEqual([]);
		// Only the list is named: the dilemma's events are its options, so they wait until the list is right.
		for (const options of [['talk'], ['a', 'b', 'c', 'd', 'e'], ['talk', 'Wait'], ['talk', 7], 'talk', { talk: 1, wait: 2 }, ['talk', 'talk']])
			expect(errors((m) => (states(m).dilemma.meta.options = options)), JSON.stringify(options)).toEqual(['schema@machine.states.dilemma.meta.options']);
		expect(validateModule({ ...valid(), machine: { ...valid().machine, states: { ...valid().machine.states, dilemma: { meta: { kind: 'choice', options: ['talk', 'talk'] }, on: {} } } } }, LIBRARY).issues.map((i) => i.message)).toEqual(['The options list names the same id twice.']);
	});

	it('needs 2 to 8 distinct answers at a quiz, correct ones among them, one unless multiple', () => {
		const answers = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		expect(accepted((m) => (states(m).quiz.meta.answers = answers))).toEqual([]);
		for (const list of [['a'], [...answers, 'i'], ['a', 'a'], ['a', 'B'], ['a', 2]]) expect(errors((m) => (states(m).quiz.meta.answers = list)), JSON.stringify(list)).toContain('schema@machine.states.quiz.meta.answers');
		for (const correct of [[], ['c'], 'a', undefined]) expect(errors((m) => (states(m).quiz.meta.correct = correct)), JSON.stringify(correct)).toEqual(['schema@machine.states.quiz.meta.correct']);
		expect(errors((m) => (states(m).quiz.meta.correct = ['a', 'b']))).toEqual(['schema@machine.states.quiz.meta.correct']);
		expect(accepted((m) => ((states(m).quiz.meta.correct = ['a', 'b']), (states(m).quiz.meta.multiple = true)))).toEqual([]);
		expect(errors((m) => ((states(m).quiz.meta.correct = ['a', 'c']), (states(m).quiz.meta.multiple = true)))).toEqual(['schema@machine.states.quiz.meta.correct']);
		expect(errors((m) => (states(m).quiz.meta.answers = 'a'))).toEqual(['schema@machine.states.quiz.meta.answers', 'schema@machine.states.quiz.meta.correct']);
	});

	it('takes quiz points as a whole number from 0 to 100, or none (1 point)', () => {
		expect(accepted((m) => delete states(m).quiz.meta.points)).toEqual([]);
		for (const points of [0, 100]) expect(accepted((m) => (states(m).quiz.meta.points = points)), String(points)).toEqual([]);
		for (const points of [-1, 101, 1.5, '1']) expect(errors((m) => (states(m).quiz.meta.points = points)), String(points)).toEqual(['schema@machine.states.quiz.meta.points']);
	});

	it('takes fixedOrder as true or false on a dilemma or quiz only', () => {
		expect(accepted((m) => ((states(m).dilemma.meta.fixedOrder = true), (states(m).quiz.meta.fixedOrder = false)))).toEqual([]);
		expect(errors((m) => (states(m).quiz.meta.fixedOrder = 'yes'))).toEqual(['schema@machine.states.quiz.meta.fixedOrder']);
		expect(errors((m) => (states(m).welcome.meta.fixedOrder = true))).toEqual(['schema@machine.states.welcome.meta.fixedOrder']);
	});

	it('takes a portrait only as an image in media/', () => {
		expect(accepted((m) => (states(m).welcome.meta.image = 'media/sam.svg'))).toEqual([]);
		for (const image of ['/media/sam.svg', 'media/../sam.svg', 3]) expect(errors((m) => (states(m).welcome.meta.image = image)), String(image)).toEqual(['schema@machine.states.welcome.meta.image']);
		for (const image of ['media/info.html', 'https://example.org/sam.png']) expect(errors((m) => (states(m).welcome.meta.image = image)), image).toEqual(['unsafe-url@machine.states.welcome.meta.image']);
	});

	it('needs an end node to be final and to lead nowhere, and only end nodes to be final', () => {
		expect(errors((m) => delete states(m).end.type)).toEqual(['schema@machine.states.end.type']);
		expect(errors((m) => (states(m).end.on = { continue: 'welcome' }))).toEqual(['schema@machine.states.end.on']);
		expect(accepted((m) => (states(m).end.on = {}))).toEqual([]);
		expect(errors((m) => (states(m).welcome.type = 'final'))).toEqual(['dead-end@machine.states.welcome.type']);
	});

	it('needs a way out of every other node, for each event its kind sends, and no other event', () => {
		expect(errors((m) => delete states(m).welcome.on)).toEqual(['dead-end@machine.states.welcome.on']);
		expect(errors((m) => (states(m).welcome.on = {}))).toEqual(['dead-end@machine.states.welcome.on']);
		expect(errors((m) => (states(m).welcome.on = 'dilemma'))).toEqual(['dead-end@machine.states.welcome.on']);
		expect(errors((m) => delete states(m).dilemma.on['choose.wait'])).toEqual(['dead-end@machine.states.dilemma.on']);
		expect(errors((m) => (states(m).welcome.on.next = 'dilemma'))).toEqual(['schema@machine.states.welcome.on.next']);
		expect(errors((m) => (states(m).dilemma.on['choose.maybe'] = 'end'))).toEqual(['schema@machine.states.dilemma.on.choose.maybe']);
		const issue = (change: (m: Record<string, any>) => void) => {
			const m = valid();
			change(m);
			return validateModule(m, LIBRARY).issues[0];
		};
		expect(issue((m) => delete states(m).welcome.on)?.fix).toBe('Add "on": { "continue": "<next node>" }, or make it an end node.');
		expect(issue((m) => delete states(m).dilemma.on)?.fix).toBe('Add "on": { "choose.talk": "<next node>" }, or make it an end node.');
		// No events at all is one problem, said once, not one missing event after another.
		for (const node of ['welcome', 'dilemma'])
			expect(validateModule({ ...valid(), machine: { ...valid().machine, states: { ...valid().machine.states, [node]: { ...valid().machine.states[node], on: {} } } } }, LIBRARY).issues.map((i) => i.message), node).toEqual(['This node has no way out and is not an end node.']);
		expect(issue((m) => delete states(m).dilemma.on['choose.wait'])?.message).toBe('The event "choose.wait" is missing, so the learner would be stuck after it.');
		expect(issue((m) => (states(m).welcome.on.next = 'dilemma'))).toMatchObject({ message: 'A content node does not send "next"; it sends "continue".', fix: 'Rename the event to "continue".' });
		expect(issue((m) => (states(m).dilemma.on['choose.maybe'] = 'end'))).toMatchObject({ message: 'A choice node does not send "choose.maybe"; it sends "choose.talk", "choose.wait".', fix: 'Use "choose.<option id>" with an id listed in meta.options.' });
	});

	it('needs every transition to name a node of the module', () => {
		expect(errors((m) => (states(m).welcome.on.continue = 'dilema'))).toEqual(['missing-target@machine.states.welcome.on.continue']);
		expect(errors((m) => (states(m).welcome.on.continue = { target: 'dilema' }))).toEqual(['missing-target@machine.states.welcome.on.continue.target']);
		expect(errors((m) => (states(m).welcome.on.continue = [{ target: 'dilemma', guard: { type: 'visited', params: { node: 'quiz' } } }, { target: 'dilema' }]))).toEqual(['missing-target@machine.states.welcome.on.continue[1].target']);
		expect(errors((m) => (states(m).welcome.on.continue = { goto: 'dilemma' }))).toEqual(['schema@machine.states.welcome.on.continue']);
		expect(errors((m) => (states(m).welcome.on.continue = ['dilemma']))).toEqual(['schema@machine.states.welcome.on.continue[0]']);
		expect(errors((m) => (states(m).welcome.on.continue = 7))).toEqual(['schema@machine.states.welcome.on.continue']);
	});

	it('needs a guard on every alternative but the last', () => {
		const guard = { type: 'scoreAtLeast', params: { points: 1 } };
		expect(accepted((m) => (states(m).welcome.on.continue = [{ target: 'dilemma', guard }, { target: 'quiz', guard }, { target: 'dilemma' }]))).toEqual([]);
		expect(errors((m) => (states(m).welcome.on.continue = [{ target: 'dilemma' }, { target: 'quiz', guard }, { target: 'dilemma' }]))).toEqual(['unreachable-alternative@machine.states.welcome.on.continue[0]']);
		// One alternative without a guard, alone in its list, is simply the way.
		expect(accepted((m) => (states(m).welcome.on.continue = [{ target: 'dilemma' }]))).toEqual([]);
	});

	it('needs guards and actions from the library, with the parameters they take', () => {
		const on = (transition: Record<string, unknown>) => (m: Record<string, any>) => (states(m).welcome.on.continue = { target: 'dilemma', ...transition });
		expect(errors(on({ guard: 'visited' }))).toEqual(['schema@machine.states.welcome.on.continue.guard']);
		expect(errors(on({ guard: { params: {} } }))).toEqual(['schema@machine.states.welcome.on.continue.guard']);
		expect(errors(on({ guard: { type: 'scoreAbove', params: { points: 1 } } }))).toEqual(['unknown-guard@machine.states.welcome.on.continue.guard']);
		expect(errors(on({ actions: [{ type: 'givePoints', params: { points: 1 } }] }))).toEqual(['unknown-action@machine.states.welcome.on.continue.actions[0]']);
		expect(errors(on({ actions: { type: 'addPoints', params: { points: 1 } } }))).toEqual(['schema@machine.states.welcome.on.continue.actions']);
		expect(errors(on({ actions: [{ type: 'addPoints', params: { points: 1 } }, { type: 'addPoints', params: { points: '1' } }] }))).toEqual(['schema@machine.states.welcome.on.continue.actions[1].params.points']);
		expect(errors(on({ actions: [{ type: 'addPoints', params: { points: Infinity } }] }))).toEqual(['schema@machine.states.welcome.on.continue.actions[0].params.points']);
		expect(errors(on({ guard: { type: 'scoreAtLeast' } }))).toEqual(['schema@machine.states.welcome.on.continue.guard.params.points']);
		expect(errors(on({ guard: { type: 'visited', params: { node: '' } } }))).toEqual(['schema@machine.states.welcome.on.continue.guard.params.node']);
		expect(errors(on({ guard: { type: 'visited', params: { node: 'nowhere' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.node']);
		expect(accepted(on({ guard: { type: 'visited', params: { node: 'quiz' } } }))).toEqual([]);
		expect(accepted(on({ guard: { type: 'chose', params: { node: 'dilemma', option: 'wait' } } }))).toEqual([]);
		expect(accepted(on({ guard: { type: 'notChose', params: { node: 'quiz', option: 'b' } } }))).toEqual([]);
		// Every guard checks its own parameters: a node that exists, an option of that node.
		expect(errors(on({ guard: { type: 'notChose', params: { node: 'dilemma' } } }))).toEqual(['schema@machine.states.welcome.on.continue.guard.params.option']);
		expect(errors(on({ guard: { type: 'notChose', params: { node: 'dilemma', option: 'maybe' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.option']);
		expect(errors(on({ guard: { type: 'answeredCorrectly', params: { node: 'quizz' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.node']);
		expect(errors(on({ guard: { type: 'answeredCorrectly', params: {} } }))).toEqual(['schema@machine.states.welcome.on.continue.guard.params.node']);
		expect(errors(on({ guard: { type: 'scoreBelow', params: { points: 'ten' } } }))).toEqual(['schema@machine.states.welcome.on.continue.guard.params.points']);
		expect(errors(on({ guard: { type: 'chose', params: { node: 'dilemma', option: 'maybe' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.option']);
		expect(errors(on({ guard: { type: 'chose', params: { node: 'quiz', option: 'talk' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.option']);
		// A node without options or answers has no option to name.
		expect(errors(on({ guard: { type: 'chose', params: { node: 'welcome', option: 'talk' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.option']);
		expect(errors(on({ guard: { type: 'chose', params: { node: 'nowhere', option: 'talk' } } }))).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.node']);
		const messages = (transition: Record<string, unknown>) => {
			const m = valid();
			on(transition)(m);
			return validateModule(m, LIBRARY).issues.map((i) => [i.message, i.fix]);
		};
		expect(messages({ guard: { type: 'scoreAbove' } })).toEqual([['"scoreAbove" is not a guard in the library.', 'Use one of: scoreAtLeast, scoreBelow, chose, notChose, visited, answeredCorrectly.']]);
		expect(messages({ actions: [{ type: 'givePoints' }] })).toEqual([['"givePoints" is not an action in the library.', 'Use one of: addPoints.']]);
		expect(messages({ actions: ['addPoints'] })).toEqual([['A action must be written as { "type": "…", "params": { … } }.', 'Write e.g. { "type": "addPoints", "params": { … } }.']]);
		expect(messages({ guard: { type: 'visited' } })).toEqual([['The guard "visited" needs "node" (a text).', 'Add "params": { "node": … }.']]);
		expect(messages({ guard: { type: 'scoreBelow', params: { points: '3' } } })).toEqual([['The guard "scoreBelow" needs "points" (a number).', 'Add "params": { "points": … }.']]);
		expect(messages({ guard: { type: 'chose', params: { node: 'dilemma', option: 'x' } } })).toEqual([['The node "dilemma" has no option "x".', 'Use one of: talk, wait.']]);
		expect(messages({ guard: { type: 'chose', params: { node: 'welcome', option: 'x' } } })).toEqual([['The node "welcome" has no option "x".', 'Name a choice or quiz node: "welcome" has no options.']]);
		// A parameter the guard does not take is left alone.
		expect(accepted(on({ guard: { type: 'visited', params: { node: 'dilemma', option: 'maybe' } } }))).toEqual([]);
		// A guard that names a broken node (here without meta) is reported with it, and the check does not stop.
		expect(errors((m) => {
			states(m).broken = { on: { continue: 'end' } };
			on({ guard: { type: 'chose', params: { node: 'broken', option: 'a' } } })(m);
		})).toEqual(['missing-target@machine.states.welcome.on.continue.guard.params.option', 'schema@machine.states.broken.meta.kind']);
	});

	it('reports every problem at once, not only the first', () => {
		expect(errors((m) => {
			m.version = 'one';
			states(m).welcome.on.continue = 'nowhere';
			states(m).quiz.meta.points = -2;
		})).toEqual(['schema@version', 'missing-target@machine.states.welcome.on.continue', 'schema@machine.states.quiz.meta.points']);
	});
});

describe('the shape of the graph', () => {
	it('refuses a node no path reaches, a loop with no way to an end, and a chart without an end', () => {
		// The player never starts such a chart: no module comes back, only the problems.
		const m = valid();
		states(m).extra = { meta: { kind: 'content' }, on: { continue: 'end' } };
		expect(validateModule(m, LIBRARY).module).toBeUndefined();
		expect(errors((m) => (states(m).extra = { meta: { kind: 'content' }, on: { continue: 'end' } }))).toEqual(['unreachable@machine.states.extra']);
		expect(errors((m) => {
			states(m).dilemma.on['choose.wait'] = 'loop';
			states(m).loop = { meta: { kind: 'content' }, on: { continue: 'again' } };
			states(m).again = { meta: { kind: 'content' }, on: { continue: 'loop' } };
		})).toEqual(['no-exit-loop@machine.states.loop', 'no-exit-loop@machine.states.again']);
		expect(errors((m) => {
			states(m).quiz.on.answer = 'welcome';
			delete states(m).end;
		})).toEqual(['no-end@machine.states']);
		// An unreachable loop is unreachable, not also stuck.
		expect(errors((m) => {
			states(m).loop = { meta: { kind: 'content' }, on: { continue: 'again' } };
			states(m).again = { meta: { kind: 'content' }, on: { continue: 'loop' } };
		})).toEqual(['unreachable@machine.states.loop', 'unreachable@machine.states.again']);
	});

	it('follows every transition, guarded alternatives and far branches included', () => {
		const guard = { type: 'visited', params: { node: 'dilemma' } };
		// The end is reached only through the second alternative of the last node of a long branch.
		expect(accepted((m) => {
			states(m).quiz.on.answer = 'b1';
			for (let i = 1; i < 5; i++) states(m)[`b${i}`] = { meta: { kind: 'content' }, on: { continue: `b${i + 1}` } };
			states(m).b5 = { meta: { kind: 'content' }, on: { continue: [{ target: 'b1', guard }, { target: 'end' }] } };
		})).toEqual([]);
		const module = valid() as unknown as ModuleDefinition;
		expect(Object.fromEntries(successors(module.machine))).toEqual({ welcome: ['dilemma'], dilemma: ['quiz'], quiz: ['end'], end: [] });
		expect(checkGraph(module)).toEqual([]);
		const broken = valid();
		delete broken.machine.states.quiz.on;
		broken.machine.states.quiz.type = undefined;
		expect(checkGraph(broken as unknown as ModuleDefinition).map((i) => i.file)).toEqual(['module.json', 'module.json', 'module.json', 'module.json']);
		const stuck = valid();
		stuck.machine.states.quiz.on.answer = 'dilemma';
		expect(checkGraph(stuck as unknown as ModuleDefinition, 'x/module.json').map((i) => `${i.code}@${i.path}@${i.file}`)).toEqual([
			'unreachable@machine.states.end@x/module.json',
			'no-exit-loop@machine.states.welcome@x/module.json',
			'no-exit-loop@machine.states.dilemma@x/module.json',
			'no-exit-loop@machine.states.quiz@x/module.json'
		]);
	});
});

describe('what each kind of node sends and which texts it needs', () => {
	it('names the events of each kind', () => {
		const kinds: [NodeMeta, string[]][] = [
			[{ kind: 'content' }, ['continue']],
			[{ kind: 'persona' }, ['continue']],
			[{ kind: 'choice', options: ['a', 'b'] }, ['choose.a', 'choose.b']],
			[{ kind: 'choice' }, []],
			[{ kind: 'quiz' }, ['answer']],
			[{ kind: 'reflection' }, ['submit']],
			[{ kind: 'evaluation' }, ['submit']],
			[{ kind: 'scale' }, ['submit']],
			[{ kind: 'checklist' }, ['submit']],
			[{ kind: 'fields' }, ['submit']],
			[{ kind: 'actionplan' }, ['submit']],
			[{ kind: 'end' }, []]
		];
		for (const [meta, events] of kinds) expect(eventsForKind(meta), meta.kind).toEqual(events);
	});

	it('names the texts a translator writes for each kind', () => {
		expect(nodeKeys('p', { kind: 'content' })).toEqual({ required: ['nodes.p.title', 'nodes.p.body'], optional: [] });
		expect(nodeKeys('p', { kind: 'persona' })).toEqual({ required: ['nodes.p.title', 'nodes.p.name', 'nodes.p.role', 'nodes.p.body'], optional: [] });
		expect(nodeKeys('p', { kind: 'persona', image: 'media/p.svg' }).required).toContain('nodes.p.imageAlt');
		expect(nodeKeys('d', { kind: 'choice', options: ['a'] })).toEqual({
			required: ['nodes.d.title', 'nodes.d.body', 'nodes.d.options.a.label', 'nodes.d.options.a.consequence', 'nodes.d.options.a.feedback'],
			optional: ['nodes.d.lesson', 'nodes.d.question']
		});
		expect(nodeKeys('q', { kind: 'quiz', answers: ['x', 'y'] })).toEqual({
			required: ['nodes.q.title', 'nodes.q.body', 'nodes.q.explanation', 'nodes.q.answers.x.label', 'nodes.q.answers.y.label'],
			optional: ['nodes.q.lesson', 'nodes.q.question']
		});
		expect(nodeKeys('r', { kind: 'reflection' })).toEqual({ required: ['nodes.r.title', 'nodes.r.body'], optional: ['nodes.r.placeholder'] });
		expect(nodeKeys('e', { kind: 'evaluation' })).toEqual({ required: ['nodes.e.title'], optional: ['nodes.e.body'] });
		expect(nodeKeys('e', { kind: 'end' })).toEqual({ required: ['nodes.e.title', 'nodes.e.body'], optional: [] });
		expect(nodeKeys('s', { kind: 'scale' }).required).toEqual(['nodes.s.title', 'nodes.s.body', 'nodes.s.anchors.1', 'nodes.s.anchors.2', 'nodes.s.anchors.3', 'nodes.s.anchors.4', 'nodes.s.anchors.5']);
		expect(nodeKeys('s', { kind: 'scale' }).optional).toEqual(['nodes.s.learnMore']);
		expect(nodeKeys('c', { kind: 'checklist', items: ['a'] })).toEqual({ required: ['nodes.c.title', 'nodes.c.body', 'nodes.c.items.a'], optional: ['nodes.c.learnMore'] });
		expect(nodeKeys('f', { kind: 'fields', fields: ['x', 'y'] })).toEqual({
			required: ['nodes.f.title', 'nodes.f.body', 'nodes.f.fields.x.label', 'nodes.f.fields.y.label'],
			optional: ['nodes.f.learnMore', 'nodes.f.fields.x.hint', 'nodes.f.fields.y.hint']
		});
		expect(nodeKeys('a', { kind: 'actionplan', items: ['z'] })).toEqual({ required: ['nodes.a.title', 'nodes.a.body', 'nodes.a.items.z'], optional: ['nodes.a.learnMore'] });
	});

	it('asks no texts for the options, answers, items or fields of a node that lists none', () => {
		for (const kind of ['choice', 'quiz', 'checklist', 'actionplan', 'fields'] as const)
			expect(nodeKeys('n', { kind }).required.filter((key) => !['nodes.n.title', 'nodes.n.body', 'nodes.n.explanation'].includes(key)), kind).toEqual([]);
		expect(nodeKeys('n', { kind: 'fields' }).optional).toEqual(['nodes.n.learnMore']);
	});

	it('names the kinds an instrument asks with: each sends "submit", none is scored', () => {
		expect([...INSTRUMENT_KINDS].sort()).toEqual(['actionplan', 'checklist', 'fields', 'scale']);
		for (const kind of INSTRUMENT_KINDS) {
			expect(eventsForKind({ kind }), kind).toEqual(['submit']);
			expect(DECISION_KINDS, kind).not.toContain(kind);
		}
	});

	it('reads a transition written as a target, one transition or alternatives', () => {
		expect(normaliseTransitions('end')).toEqual([{ target: 'end' }]);
		expect(normaliseTransitions({ target: 'end' })).toEqual([{ target: 'end' }]);
		const list = [{ target: 'a', guard: { type: 'visited' } }, { target: 'b' }];
		expect(normaliseTransitions(list)).toBe(list);
	});
});

describe('the nodes of an instrument', () => {
	/** The welcome page replaced by a node of an instrument kind that leads on to the dilemma. */
	const asks = (meta: Record<string, unknown>) => (m: Record<string, any>) => (states(m).welcome = { meta, on: { submit: 'dilemma' } });
	const at = (field: string) => `schema@machine.states.welcome.meta.${field}`;
	const ids = (n: number) => Array.from({ length: n }, (_, i) => `i${i + 1}`);

	it('takes a scale of 2 to 7 whole points, 5 when not said', () => {
		for (const steps of [undefined, 2, 7]) expect(accepted(asks({ kind: 'scale', steps })), String(steps)).toEqual([]);
		for (const steps of [1, 8, 4.5, '5', null]) expect(errors(asks({ kind: 'scale', steps })), String(steps)).toEqual([at('steps')]);
	});

	it('takes a checklist of 1 to 20 distinct item ids, with an own answer only if "other" is true or false', () => {
		expect(accepted(asks({ kind: 'checklist', items: ids(1), other: false }))).toEqual([]);
		expect(accepted(asks({ kind: 'checklist', items: ids(20), other: true }))).toEqual([]);
		for (const items of [[], ids(21), ['a', 'A'], ['a', 3], 'a', undefined, ['a', 'a']]) expect(errors(asks({ kind: 'checklist', items })), JSON.stringify(items)).toEqual([at('items')]);
		expect(errors(asks({ kind: 'checklist', items: ['a'], other: 'yes' }))).toEqual([at('other')]);
	});

	it('takes an action plan of 0 to 20 distinct item ids', () => {
		for (const n of [0, 20]) expect(accepted(asks({ kind: 'actionplan', items: ids(n) })), String(n)).toEqual([]);
		for (const items of [ids(21), ['a', 'a'], undefined]) expect(errors(asks({ kind: 'actionplan', items })), JSON.stringify(items)).toEqual([at('items')]);
	});

	it('takes 1 to 8 distinct field ids', () => {
		for (const n of [1, 8]) expect(accepted(asks({ kind: 'fields', fields: ids(n) })), String(n)).toEqual([]);
		for (const fields of [[], ids(9), ['a', 'a'], ['a b']]) expect(errors(asks({ kind: 'fields', fields })), JSON.stringify(fields)).toEqual([at('fields')]);
	});

	it('refuses steps, items, fields and other on a node of another kind', () => {
		expect(errors(asks({ kind: 'checklist', items: ['a'], steps: 5 }))).toEqual([at('steps')]);
		expect(errors(asks({ kind: 'scale', items: ['a'] }))).toEqual([at('items')]);
		expect(errors(asks({ kind: 'scale', fields: ['a'] }))).toEqual([at('fields')]);
		expect(errors(asks({ kind: 'actionplan', items: [], other: true }))).toEqual([at('other')]);
		expect(errors(asks({ kind: 'fields', fields: ['a'], items: ['b'] }))).toEqual([at('items')]);
		expect(errors(asks({ kind: 'checklist', items: ['a'], fields: ['b'] }))).toEqual([at('fields')]);
		expect(errors((m) => (states(m).welcome.meta.steps = 3))).toEqual([at('steps')]);
	});

	it('says what is wrong and how to write it', () => {
		const issues = (meta: Record<string, unknown>) => {
			const m = valid();
			asks(meta)(m);
			return validateModule(m, LIBRARY).issues.map((i) => [i.message, i.fix]);
		};
		expect(issues({ kind: 'scale', steps: 9 })).toEqual([['A scale has 2 to 7 points.', 'Write e.g. "steps": 5, or remove it (5 is the default).']]);
		expect(issues({ kind: 'checklist', items: [] })).toEqual([['A checklist node needs 1 to 20 items, each a short id (a-z, 0-9, - and _).', 'Write "items": ["a", "b", "c"].']]);
		expect(issues({ kind: 'fields', fields: ['a', 'a'] })).toEqual([['The fields list names the same id twice.', 'Give every entry its own id.']]);
		expect(issues({ kind: 'scale', other: true })).toEqual([['"other" is true or false, on a checklist node only.', 'Write "other": true on a checklist that lets the learner add an own answer, or remove it.']]);
		expect(issues({ kind: 'scale', items: ['a'] })).toEqual([['"items" does not belong on a scale node.', 'Remove "items".']]);
	});
});
