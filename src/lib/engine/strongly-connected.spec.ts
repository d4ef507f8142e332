import { describe, expect, it } from 'vitest';
import { stronglyConnectedParts } from './strongly-connected';

const graph = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe('stronglyConnectedParts', () => {
	it('gives each loop as one part and every other node as a part of its own, a part after the parts it leads to', () => {
		// start → a ⇄ b → end, and start → end
		const edges = { start: ['a', 'end'], a: ['b'], b: ['a', 'end'], end: [] };
		expect(stronglyConnectedParts(Object.keys(edges), graph(edges))).toEqual([['end'], ['a', 'b'], ['start']]);
	});

	it('lists a part in the order the search first reached its nodes', () => {
		const edges = { s: ['x'], x: ['y'], y: ['z'], z: ['x'] };
		expect(stronglyConnectedParts(Object.keys(edges), graph(edges))).toEqual([['x', 'y', 'z'], ['s']]);
	});

	it('keeps two loops apart when one only leads into the other', () => {
		const edges = { a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c'] };
		expect(stronglyConnectedParts(Object.keys(edges), graph(edges))).toEqual([['c', 'd'], ['a', 'b']]);
	});

	it('skips transitions to nodes that are not in the chart', () => {
		const edges = { a: ['ghost', 'b'], b: ['a'] };
		expect(stronglyConnectedParts(['a', 'b'], graph(edges))).toEqual([['a', 'b']]);
	});

	it('finds a node with a transition to itself as a part of one', () => {
		const edges = { a: ['a', 'b'], b: [] };
		expect(stronglyConnectedParts(Object.keys(edges), graph(edges))).toEqual([['b'], ['a']]);
	});

	it('handles a chain of 50,000 nodes without running out of stack', () => {
		const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
		const parts = stronglyConnectedParts(ids, (id) => {
			const i = Number(id.slice(1));
			return i + 1 < ids.length ? [`n${i + 1}`] : ['n0'];
		});
		expect(parts).toHaveLength(1);
		expect(parts[0]).toHaveLength(50_000);
	});
});
