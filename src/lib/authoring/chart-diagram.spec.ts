import { describe, expect, it } from 'vitest';
import type { GuardRef } from '../engine';
import { loadShipped, shippedModuleIds } from '../../../tests/helpers/load-from-disk';
import { buildDiagram, edgesAlong, type Diagram } from './chart-diagram';

const words = {
	otherwise: 'otherwise',
	guard: (g: GuardRef) => `${g.type}(${Object.values(g.params ?? {}).join(', ')})`,
	points: (n: number) => `${n > 0 ? '+' : ''}${n} pt`
};

function textsOf(id: string, lang: string) {
	const tree = loadShipped(id).locales[lang] as Record<string, unknown>;
	return (key: string) => {
		const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
		return typeof value === 'string' ? value : null;
	};
}

function boxes(d: Diagram) {
	return [...d.nodes.map((n) => ({ ...n })), ...d.edges.filter((e) => e.labelBox).map((e) => ({ id: `label of ${e.id}`, ...e.labelBox! }))];
}

describe('buildDiagram', () => {
	const demo = loadShipped('demo').module;

	it('has a box per node with its kind and title, and a line per transition', () => {
		const d = buildDiagram(demo, textsOf('demo', 'en'), words);
		expect(d.nodes).toHaveLength(15);
		expect(d.edges).toHaveLength(19);
		expect(d.nodes.find((n) => n.id === 'first-evening')).toMatchObject({ kind: 'choice', title: 'The first evening', initial: false });
		expect(d.nodes.find((n) => n.id === 'welcome')!.initial).toBe(true);
		expect(d.nodes.find((n) => n.id === 'end-strong')!.kind).toBe('end');
	});

	it('labels a choice with the option the learner picks, its guard and its points', () => {
		const d = buildDiagram(demo, textsOf('demo', 'en'), words);
		const talk = d.edges.find((e) => e.id === 'first-evening choose.talk 0')!;
		expect(talk.label).toBe('You walk up to Sam, introduce yourself and ask what brought him here. · +2 pt');
		expect(talk.jsonPath).toBe('machine.states.first-evening.on.choose.talk');
		expect(d.edges.find((e) => e.id === 'second-visit continue 0')!.label).toBe('chose(first-evening, wait)');
		expect(d.edges.find((e) => e.id === 'second-visit continue 1')!.label).toBe('otherwise');
		expect(d.edges.find((e) => e.id === 'second-visit continue 1')!.jsonPath).toBe('machine.states.second-visit.on.continue[1]');
		// A plain "continue" needs no words on its line.
		const plain = d.edges.find((e) => e.id === 'welcome continue 0')!;
		expect(plain.label).toBeNull();
		expect(plain.labelBox).toBeNull();
	});

	it('uses the texts of the language it is given, without moving anything', () => {
		const en = buildDiagram(demo, textsOf('demo', 'en'), words);
		const nl = buildDiagram(demo, textsOf('demo', 'nl'), words);
		expect(nl.nodes.find((n) => n.id === 'first-evening')!.title).toBe('De eerste avond');
		expect(nl.edges.find((e) => e.id === 'first-evening choose.talk 0')!.label).toMatch(/^Je loopt naar Sam toe/);
		expect(nl.nodes.map(({ x, y }) => [x, y])).toEqual(en.nodes.map(({ x, y }) => [x, y]));
		expect(nl.edges.map((e) => e.d)).toEqual(en.edges.map((e) => e.d));
	});

	it('falls back to ids where a text is missing', () => {
		const d = buildDiagram(demo, () => null, words);
		expect(d.nodes.find((n) => n.id === 'welcome')!.title).toBe('welcome');
		expect(d.edges.find((e) => e.id === 'first-evening choose.wait 0')!.label).toBe('wait');
	});

	it.each(shippedModuleIds().filter((m) => !m.startsWith('tmp-')))('draws %s with no box over another', (id) => {
		const { module } = loadShipped(id);
		const d = buildDiagram(module, textsOf(id, module.defaultLanguage ?? module.languages[0]), words);
		const all = boxes(d);
		for (let i = 0; i < all.length; i++)
			for (let j = i + 1; j < all.length; j++) {
				const [a, b] = [all[i], all[j]];
				const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
				expect(overlap, `${a.id} and ${b.id}`).toBe(false);
			}
		for (const b of all) expect(b.x + b.width).toBeLessThanOrEqual(d.width);
		// Long but scrollable; the wave-2 modules branch four ways in places (a dilemma met only on some
		// paths), which no longer fits 1,400 px: wider than a laptop screen, not wider than a desktop one.
		expect(d.width, id).toBeLessThan(1800);
	});
});

describe('edgesAlong', () => {
	it('finds the lines a learner followed', () => {
		const d = buildDiagram(loadShipped('demo').module, () => null, words);
		expect([...edgesAlong(d, ['welcome', 'meet-sam', 'first-evening', 'wait-outcome'])]).toEqual(['welcome continue 0', 'meet-sam continue 0', 'first-evening choose.wait 0']);
	});
});
