// The checker knows the instrument node kinds: their meta shapes, their locale keys, in both languages.
import { describe, expect, it } from 'vitest';
import { checkModule } from '../../src/lib/authoring/checker';

const moduleJson = (states: Record<string, unknown>) =>
	JSON.stringify({
		formatVersion: 1, id: 'scan', version: '1.0.0', languages: ['nl'], title: 'meta.title', description: 'meta.description',
		studyMinutes: 5, masteryScore: 0, instrument: true, sources: [],
		machine: { id: 'scan', initial: 'q', states: { ...states, end: { type: 'final', meta: { kind: 'end' } } } }
	}, null, '\t');
const locale = (nodes: Record<string, unknown>) => JSON.stringify({ meta: { title: 'Zelfscan', description: 'Een korte zelfscan.' }, nodes: { ...nodes, end: { title: 'Klaar', body: 'Dank je.' } } }, null, '\t');
const check = (states: Record<string, unknown>, nodes: Record<string, unknown>, lang: 'en' | 'nl' = 'en') =>
	checkModule({ folder: 'scan', moduleJson: moduleJson(states), locales: { nl: locale(nodes) }, fileExists: () => false }, { lang });

const states = {
	q: { meta: { kind: 'scale', steps: 3 }, on: { submit: 'c' } },
	c: { meta: { kind: 'checklist', items: ['a', 'b'], other: true }, on: { submit: 'p' } },
	p: { meta: { kind: 'actionplan', items: ['x'] }, on: { submit: 'end' } }
};
const texts = {
	q: { title: 'Hoe staat het ervoor?', body: 'Kies een punt.', anchors: { '1': 'Slecht', '2': 'Redelijk', '3': 'Goed' } },
	c: { title: 'Wat zie je?', body: 'Vink aan.', items: { a: 'Een', b: 'Twee' }, otherLabel: 'Anders' },
	p: { title: 'Wat doe je?', body: 'Kies acties.', items: { x: 'Praten' } }
};

describe('the checker and instrument nodes', () => {
	it('passes a complete instrument', () => {
		const report = check(states, texts);
		expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
	});

	it('names each missing anchor, item and label, with the file and key', () => {
		const report = check(states, { ...texts, q: { ...texts.q, anchors: { '1': 'Slecht', '2': 'Redelijk' } }, c: { ...texts.c, otherLabel: undefined }, p: { ...texts.p, items: {} } });
		const missing = report.issues.filter((i) => i.code === 'missing-key').map((i) => i.path);
		expect(missing).toEqual(expect.arrayContaining(['nodes.q.anchors.3', 'nodes.c.otherLabel', 'nodes.p.items.x']));
		expect(report.issues.every((i) => i.file === 'locales/nl.json' || i.severity !== 'error')).toBe(true);
	});

	it('reports broken instrument meta in Dutch for a Dutch trainer', () => {
		const report = check({ ...states, q: { meta: { kind: 'scale', steps: 12 }, on: { submit: 'c' } }, c: { meta: { kind: 'checklist', items: [] }, on: { submit: 'p' } } }, texts, 'nl');
		const messages = report.issues.map((i) => `${i.path}: ${i.message} ${i.fix}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringContaining('machine.states.q.meta.steps: Een schaal heeft 2 tot 7 punten.'),
				expect.stringContaining('machine.states.c.meta.items: Een aanvinkknooppunt heeft 1 tot 20 items nodig')
			])
		);
		expect(report.issues.every((i) => i.translated !== false)).toBe(true);
	});
});
