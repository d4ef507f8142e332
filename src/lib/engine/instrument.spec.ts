// The instrument node kinds (scale, checklist, fields, actionplan): answers kept in the saved
// state, cleaned, restored after a reload, never scored; the module flag and the schema checks.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { outcomeOf } from '../tracking/report';
import { cleanInstrumentAnswer, MAX_OWN_ACTIONS, MAX_SHORT_ANSWER, personalDataHints } from './instrument';
import { nodeKeys, validateModule, type NodeMeta } from './module-schema';
import { LIBRARY as library } from './library';
import { checkShape } from './saved-state';
import { Scenario, ScenarioError } from './scenario';

// Loaded in each test, not while the file is collected: then a mutation run (tests/mutation) knows
// which tests use the loading code and runs only those against its mutants.
let scenario: Scenario;
beforeEach(() => {
	scenario = loadShipped('polarisatie-analyse').scenario;
});
const T0 = 1_700_000_000_000;

/** Plays the shipped instrument to its end with a full set of answers. */
function playThrough() {
	let s = scenario.start(T0);
	let t = T0;
	const act = (action: Parameters<typeof scenario.apply>[1]) => (s = scenario.apply(s, action, (t += 1000)));
	act({ type: 'continue' });
	act({ type: 'respond', answer: { fields: { wat: '  Ruzie over de hangplek  ', waar: 'wijk', sinds: '', extra: 'dropped' } as Record<string, string> } });
	act({ type: 'respond', answer: { selected: ['online', 'grappen'], other: 'Stickers op lantaarnpalen' } });
	act({ type: 'respond', answer: { scale: 3 } });
	act({ type: 'respond', answer: { scale: null } });
	act({ type: 'respond', answer: { fields: { 'kant-a': 'oudere bewoners', 'kant-b': 'jongeren', midden: 'ouders' } } });
	act({ type: 'respond', answer: { selected: ['aanjager', 'midden'], other: '' } });
	act({ type: 'respond', answer: { fields: {} } });
	act({ type: 'respond', answer: { fields: { midden: 'veilige schoolroute' } } });
	act({ type: 'respond', answer: { fields: { gedaan: 'buurtavond' } } });
	act({
		type: 'respond',
		answer: {
			plan: [
				{ item: 'toon', text: '', who: 'ik', when: 'volgende week' },
				{ item: null, text: 'Koffie bij de moskee', who: 'jongerenwerk', when: 'maart' },
				{ item: 'doelgroep', text: '', who: 'wijkteam', when: '' },
				{ item: null, text: '   ', who: '', when: '' }
			]
		}
	});
	return s;
}

describe('instrument node kinds in the engine', () => {
	it('keeps every answer, cleaned and in the node\'s order, and ends without a score', () => {
		const s = playThrough();
		expect(s.completedAt).toBeDefined();
		expect(s.node).toBe('klaar');
		expect(s.score).toBe(0);
		expect(s.decisions).toEqual([]);
		expect(s.responses?.situatie).toEqual({ fields: { wat: 'Ruzie over de hangplek', waar: 'wijk', sinds: '' } });
		expect(s.responses?.signalen).toEqual({ selected: ['grappen', 'online'], other: 'Stickers op lantaarnpalen' });
		expect(s.responses?.spanning).toEqual({ scale: 3 });
		expect(s.responses?.richting).toEqual({ scale: null });
		// Picked actions in the list's order, then the own ones; an empty own action is dropped.
		expect(s.responses?.acties?.plan).toEqual([
			{ item: 'doelgroep', text: '', who: 'wijkteam', when: '' },
			{ item: 'toon', text: '', who: 'ik', when: 'volgende week' },
			{ item: null, text: 'Koffie bij de moskee', who: 'jongerenwerk', when: 'maart' }
		]);
	});

	it('refuses answers that do not fit the node', () => {
		let s = scenario.apply(scenario.start(T0), { type: 'continue' }, T0 + 1);
		s = scenario.apply(s, { type: 'respond', answer: { fields: {} } }, T0 + 2);
		expect(() => scenario.apply(s, { type: 'respond', answer: { selected: ['not-an-item'] } }, T0 + 3)).toThrow(ScenarioError);
		expect(() => scenario.apply(s, { type: 'continue' }, T0 + 3)).toThrow(ScenarioError);
		s = scenario.apply(s, { type: 'respond', answer: { selected: [] } }, T0 + 3);
		expect(() => scenario.apply(s, { type: 'respond', answer: { scale: 6 } }, T0 + 4)).toThrow(ScenarioError);
		expect(() => scenario.apply(s, { type: 'respond', answer: { scale: 2.5 } }, T0 + 4)).toThrow(new ScenarioError('That is not a valid answer here.'));
	});

	it('lets the learner go back to an instrument step, with the answer still there to change', () => {
		let s = scenario.apply(scenario.start(T0), { type: 'continue' }, T0 + 1);
		s = scenario.apply(s, { type: 'respond', answer: { fields: { wat: 'eerste versie' } } }, T0 + 2);
		expect(scenario.canGoBack(s)).toBe(true);
		s = scenario.goBack(s, T0 + 3);
		expect(s.node).toBe('situatie');
		expect(s.responses?.situatie?.fields?.wat).toBe('eerste versie');
		s = scenario.apply(s, { type: 'respond', answer: { fields: { wat: 'tweede versie' } } }, T0 + 4);
		expect(s.responses?.situatie?.fields?.wat).toBe('tweede versie');
	});

	it('restores the answers from a stored record, and refuses a damaged one', () => {
		const s = playThrough();
		const stored = JSON.parse(JSON.stringify(s));
		const restored = scenario.restore(stored);
		expect(restored.ok && restored.state.responses).toEqual(s.responses);
		expect(checkShape({ ...stored, responses: { signalen: { selected: 'online' } } })).toBe('the instrument answers are broken');
		expect(checkShape({ ...stored, responses: { acties: { plan: [{ item: 3, text: '', who: '', when: '' }] } } })).toBe('the instrument answers are broken');
		// A record from before instrument answers existed still reads.
		const { responses: _, ...old } = stored;
		expect(scenario.restore(old).ok).toBe(true);
	});

	it('tells an LMS "completed" with no score and no verdict', () => {
		const s = playThrough();
		expect(outcomeOf(scenario, s, 'incomplete')).toMatchObject({ status: { completion: 'completed', success: 'unknown' }, percent: null, finished: true });
		expect(outcomeOf(scenario, scenario.start(T0), 'incomplete').status.completion).toBe('incomplete');
	});
});

describe('instrument kinds in the module format', () => {
	const base = (states: Record<string, unknown>) => ({
		formatVersion: 1, id: 'scan', version: '1.0.0', languages: ['nl'], title: 'meta.title', description: 'meta.description',
		studyMinutes: 10, masteryScore: 0, instrument: true, sources: [],
		machine: { id: 'scan', initial: 'q', states: { ...states, end: { type: 'final', meta: { kind: 'end' } } } }
	});

	it('accepts well-formed instrument nodes and names their locale keys', () => {
		const { module, issues } = validateModule(base({ q: { meta: { kind: 'scale', steps: 3 }, on: { submit: 'c' } }, c: { meta: { kind: 'checklist', items: ['a', 'b'], other: true }, on: { submit: 'f' } }, f: { meta: { kind: 'fields', fields: ['x'] }, on: { submit: 'p' } }, p: { meta: { kind: 'actionplan', items: [] }, on: { submit: 'end' } } }), library);
		expect(issues).toEqual([]);
		expect(module).toBeDefined();
		expect(nodeKeys('q', { kind: 'scale', steps: 3 }).required).toEqual(['nodes.q.title', 'nodes.q.body', 'nodes.q.anchors.1', 'nodes.q.anchors.2', 'nodes.q.anchors.3']);
		expect(nodeKeys('c', { kind: 'checklist', items: ['a'], other: true }).required).toEqual(['nodes.c.title', 'nodes.c.body', 'nodes.c.items.a', 'nodes.c.otherLabel']);
		expect(nodeKeys('f', { kind: 'fields', fields: ['x'] }).required).toContain('nodes.f.fields.x.label');
		expect(nodeKeys('p', { kind: 'actionplan', items: ['z'] }).required).toContain('nodes.p.items.z');
	});

	it('reports broken instrument meta with the place and a fix', () => {
		const { issues } = validateModule(base({ q: { meta: { kind: 'scale', steps: 9, other: true }, on: { submit: 'c' } }, c: { meta: { kind: 'checklist', items: [] }, on: { submit: 'f' } }, f: { meta: { kind: 'fields', fields: ['x', 'x'] }, on: { next: 'end' } } }), library);
		const paths = issues.map((i) => i.path);
		expect(paths).toContain('machine.states.q.meta.steps');
		expect(paths).toContain('machine.states.q.meta.other');
		expect(paths).toContain('machine.states.c.meta.items');
		expect(paths).toContain('machine.states.f.meta.fields');
		expect(issues.find((i) => i.path === 'machine.states.f.on.next')?.message).toContain('"submit"');
		expect(issues.every((i) => i.fix.length > 0)).toBe(true);
	});
});

describe('personalDataHints', () => {
	it('notices names, e-mail addresses and phone numbers', () => {
		expect(personalDataHints('Jan de Vries jaagt het aan')).toEqual(['name']);
		expect(personalDataHints('de buurman, meneer Bakker')).toEqual(['name']);
		expect(personalDataHints('mail naar j.devries@example.nl')).toEqual(['email']);
		expect(personalDataHints('bel 06-12345678')).toEqual(['phone']);
		expect(personalDataHints('+31 20 123 4567')).toEqual(['phone']);
	});

	it('does not read the digits of an e-mail address as a phone number', () => {
		expect(personalDataHints('mail jan0612345678@example.nl')).toEqual(['email']);
		// Eight digits make a phone number (06 and six more); a seven-digit file number is none.
		expect(personalDataHints('dossier 1234567')).toEqual([]);
		expect(personalDataHints('bel 0612345678')).toEqual(['phone']);
	});

	it('leaves ordinary descriptions of groups and roles alone', () => {
		for (const text of ['In Amsterdam bij de moskee', 'Met Marokkaanse jongeren', 'Jongeren bij het winkelcentrum', 'De oudere bewoners en het jongerenwerk', 'In de buurtapp gaat het over de moskee', 'sinds maart 2024, drie keer', 'Een deel van de ouders op school', 'ik, volgende week'])
			expect(personalDataHints(text), text).toEqual([]);
	});
});

describe('what is kept of an instrument answer', () => {
	const long = (n: number) => 'x'.repeat(n);

	it('keeps a point on the scale from 1 to its last step, or no point, and nothing off the scale', () => {
		const scale = { kind: 'scale', steps: 3 } as const;
		expect(cleanInstrumentAnswer(scale, { scale: 1 })).toEqual({ scale: 1 });
		expect(cleanInstrumentAnswer(scale, { scale: 3 })).toEqual({ scale: 3 });
		expect(cleanInstrumentAnswer(scale, { scale: null })).toEqual({ scale: null });
		expect(cleanInstrumentAnswer(scale, {})).toEqual({ scale: null });
		for (const bad of [0, 4, 1.5, -1]) expect(cleanInstrumentAnswer(scale, { scale: bad }), String(bad)).toBeNull();
		// Five points when the node does not say.
		expect(cleanInstrumentAnswer({ kind: 'scale' }, { scale: 5 })).toEqual({ scale: 5 });
		expect(cleanInstrumentAnswer({ kind: 'scale' }, { scale: 6 })).toBeNull();
	});

	it('keeps a checklist\'s items in the node\'s order, and an own answer only where the node asks one', () => {
		const items = ['a', 'b', 'c'];
		expect(cleanInstrumentAnswer({ kind: 'checklist', items, other: true }, { selected: ['c', 'a'], other: `  ${long(700)} ` })).toEqual({ selected: ['a', 'c'], other: long(MAX_SHORT_ANSWER) });
		expect(cleanInstrumentAnswer({ kind: 'checklist', items }, { selected: ['b'], other: 'eigen' })).toEqual({ selected: ['b'], other: '' });
		expect(cleanInstrumentAnswer({ kind: 'checklist', items, other: true }, {})).toEqual({ selected: [], other: '' });
		expect(cleanInstrumentAnswer({ kind: 'checklist', items }, { selected: ['a', 'd'] })).toBeNull();
		expect(cleanInstrumentAnswer({ kind: 'checklist' }, { selected: ['a'] })).toBeNull();
	});

	it('keeps each field the node asks, trimmed and cut at 600 characters, and no other', () => {
		const meta = { kind: 'fields', fields: ['wat', 'waar', 'wie'] } satisfies NodeMeta;
		expect(cleanInstrumentAnswer(meta, { fields: { wat: ` ${long(600)} `, waar: long(601), extra: 'weg' } })).toEqual({ fields: { wat: long(600), waar: long(600), wie: '' } });
		expect(cleanInstrumentAnswer(meta, {})).toEqual({ fields: { wat: '', waar: '', wie: '' } });
		expect(cleanInstrumentAnswer({ kind: 'fields' }, { fields: { wat: 'x' } })).toEqual({ fields: {} });
	});

	it('keeps an action plan: picked actions once each in the list\'s order, then up to five own ones', () => {
		const meta = { kind: 'actionplan', items: ['p', 'q', 'r'] } satisfies NodeMeta;
		const own = (text: string) => ({ item: null, text, who: '', when: '' });
		expect(cleanInstrumentAnswer(meta, { plan: [{ item: 'r', text: 'ignored', who: ` ${long(601)}`, when: 'mei ' }, own(' eigen '), { item: 'p', text: '', who: 'ik', when: '' }] })).toEqual({
			plan: [
				{ item: 'p', text: '', who: 'ik', when: '' },
				{ item: 'r', text: '', who: long(600), when: 'mei' },
				{ item: null, text: 'eigen', who: '', when: '' }
			]
		});
		const five = ['1', '2', '3', '4', '5'].map(own);
		expect(cleanInstrumentAnswer(meta, { plan: [...five, own('  ')] })?.plan).toHaveLength(MAX_OWN_ACTIONS);
		expect(cleanInstrumentAnswer(meta, { plan: [...five, own('6')] })).toBeNull();
		// Picked actions do not count towards the five own ones.
		const picked = ['p', 'q', 'r'].map((item) => ({ item, text: '', who: '', when: '' }));
		expect(cleanInstrumentAnswer(meta, { plan: [...picked, ...five] })?.plan).toHaveLength(8);
		expect(cleanInstrumentAnswer(meta, { plan: [{ item: 'p', text: '', who: '', when: '' }, { item: 'p', text: '', who: 'ook', when: '' }] })).toBeNull();
		expect(cleanInstrumentAnswer(meta, { plan: [{ item: 's', text: '', who: '', when: '' }] })).toBeNull();
		expect(cleanInstrumentAnswer(meta, {})).toEqual({ plan: [] });
		expect(cleanInstrumentAnswer({ kind: 'actionplan' }, { plan: [own('alleen eigen')] })).toEqual({ plan: [own('alleen eigen')] });
	});

	it('keeps nothing for a node that asks no instrument answer', () => {
		for (const kind of ['content', 'choice', 'reflection', 'end'] as const) expect(cleanInstrumentAnswer({ kind }, { scale: 1 }), kind).toBeNull();
	});
});
