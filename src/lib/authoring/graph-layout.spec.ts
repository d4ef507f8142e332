import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutGraph, placeInOrder, smoothPath, type GraphLayout, type LayoutEdge, type LayoutNode } from './graph-layout';

const box = (id: string, width = 160, height = 50): LayoutNode => ({ id, width, height });
const edge = (from: string, to: string, id = `${from}->${to}`): LayoutEdge => ({ id, from, to });

function overlaps(layout: GraphLayout): string[] {
	const found: string[] = [];
	const n = layout.nodes;
	for (let i = 0; i < n.length; i++)
		for (let j = i + 1; j < n.length; j++) {
			const a = n[i];
			const b = n[j];
			if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} × ${b.id}`);
		}
	return found;
}

/** Vertical edge segments that pass through a node they do not start or end at. */
function edgesThroughNodes(layout: GraphLayout): string[] {
	const found: string[] = [];
	for (const e of layout.edges)
		for (let i = 1; i < e.points.length; i++) {
			const a = e.points[i - 1];
			const b = e.points[i];
			if (a.x !== b.x) continue;
			for (const n of layout.nodes) {
				if (n.id === e.from || n.id === e.to) continue;
				const top = Math.min(a.y, b.y);
				const bottom = Math.max(a.y, b.y);
				if (a.x > n.x && a.x < n.x + n.width && top < n.y + n.height && bottom > n.y) found.push(`${e.id} through ${n.id}`);
			}
		}
	return found;
}

/** A seeded pseudo-random generator, so "random" graphs are the same on every run. */
function random(seed: number) {
	return () => {
		seed = (seed * 1664525 + 1013904223) % 2 ** 32;
		return seed / 2 ** 32;
	};
}

function randomGraph(seed: number, size: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
	const r = random(seed);
	const nodes = Array.from({ length: size }, (_, i) => box(`n${i}`, 80 + Math.floor(r() * 120), 30 + Math.floor(r() * 40)));
	const edges: LayoutEdge[] = [];
	for (let i = 1; i < size; i++) edges.push(edge(`n${Math.floor(r() * i)}`, `n${i}`));
	for (let k = 0; k < size / 2; k++) {
		const a = Math.floor(r() * size);
		const b = Math.floor(r() * size);
		edges.push(edge(`n${a}`, `n${b}`, `extra${k}`));
	}
	return { nodes, edges };
}

function moduleChart(id: string) {
	const module = JSON.parse(readFileSync(join('modules', id, 'module.json'), 'utf8'));
	const states = module.machine.states as Record<string, { on?: Record<string, unknown> }>;
	const ids = [module.machine.initial, ...Object.keys(states).filter((s) => s !== module.machine.initial)];
	const edges: LayoutEdge[] = [];
	for (const [from, state] of Object.entries(states))
		for (const [event, spec] of Object.entries(state.on ?? {})) {
			const list = (Array.isArray(spec) ? spec : [spec]) as ({ target: string } | string)[];
			list.forEach((t, i) => edges.push(edge(from, typeof t === 'string' ? t : t.target, `${from}.${event}.${i}`)));
		}
	return { nodes: ids.map((s) => box(s, 184, 62)), edges };
}

describe('layoutGraph', () => {
	it('puts a straight run of steps in one column, each below the one before', () => {
		const layout = layoutGraph(['a', 'b', 'c', 'd'].map((id) => box(id)), [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')]);
		const xs = layout.nodes.map((n) => n.x);
		expect(new Set(xs).size).toBe(1);
		const ys = layout.nodes.map((n) => n.y);
		expect(ys).toEqual([...ys].sort((p, q) => p - q));
		expect(layout.layers).toEqual([['a'], ['b'], ['c'], ['d']]);
		expect(layout.crossings).toBe(0);
	});

	it('places every edge downwards, one layer or more, except the ones that close a loop', () => {
		for (let seed = 1; seed <= 12; seed++) {
			const { nodes, edges } = randomGraph(seed, 40);
			const layout = layoutGraph(nodes, edges);
			const layer = new Map(layout.nodes.map((n) => [n.id, n.layer]));
			for (const e of layout.edges) {
				if (e.from === e.to) continue;
				if (e.reversed) expect(layer.get(e.to)!).toBeLessThanOrEqual(layer.get(e.from)!);
				else expect(layer.get(e.to)!, `${e.id} in graph ${seed}`).toBeGreaterThan(layer.get(e.from)!);
			}
		}
	});

	it('reverses only edges that close a loop: a loop back to an earlier step points upwards', () => {
		const layout = layoutGraph(['intro', 'quiz', 'retry', 'end'].map((id) => box(id)), [edge('intro', 'quiz'), edge('quiz', 'retry'), edge('retry', 'quiz'), edge('quiz', 'end')]);
		expect(layout.edges.filter((e) => e.reversed).map((e) => e.id)).toEqual(['retry->quiz']);
		const back = layout.edges.find((e) => e.id === 'retry->quiz')!;
		expect(back.points[0].y).toBeGreaterThan(back.points.at(-1)!.y);
	});

	it('never lets two nodes overlap, nor an edge run through a node it does not touch', () => {
		for (let seed = 1; seed <= 12; seed++) {
			const { nodes, edges } = randomGraph(seed, 50);
			const layout = layoutGraph(nodes, edges);
			expect(overlaps(layout), `graph ${seed}`).toEqual([]);
			expect(edgesThroughNodes(layout), `graph ${seed}`).toEqual([]);
			for (const n of layout.nodes) {
				expect(n.x).toBeGreaterThanOrEqual(0);
				expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
				expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
			}
		}
	});

	it('starts each edge at its source and ends it at its target', () => {
		const layout = layoutGraph(['a', 'b', 'c'].map((id) => box(id)), [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')]);
		const at = new Map(layout.nodes.map((n) => [n.id, n]));
		for (const e of layout.edges) {
			const from = at.get(e.from)!;
			const to = at.get(e.to)!;
			expect(e.points[0]).toEqual({ x: from.x + from.width / 2, y: from.y + from.height });
			expect(e.points.at(-1)).toEqual({ x: to.x + to.width / 2, y: to.y });
		}
		// a → c skips a layer: it passes b's layer beside b, not through it.
		expect(layout.edges.find((e) => e.id === 'a->c')!.points.length).toBe(4);
	});

	it('reorders a layer to remove crossings the first order had', () => {
		// Breadth-first, the second layer is a, b, c, and c → q crosses b → p; a, c, b has none.
		const nodes = ['r', 'a', 'b', 'c', 'q', 'p'].map((id) => box(id));
		const layout = layoutGraph(nodes, [edge('r', 'a'), edge('r', 'b'), edge('r', 'c'), edge('a', 'q'), edge('b', 'p'), edge('c', 'q')]);
		expect(layout.crossings).toBe(0);
		expect(layout.layers[1]).toEqual(['a', 'c', 'b']);
	});

	it('gives the same drawing for the same chart, every time', () => {
		const { nodes, edges } = randomGraph(7, 60);
		const first = JSON.stringify(layoutGraph(nodes, edges));
		for (let i = 0; i < 3; i++) expect(JSON.stringify(layoutGraph(structuredClone(nodes), structuredClone(edges)))).toBe(first);
	});

	it('explains a broken input instead of drawing nonsense', () => {
		expect(() => layoutGraph([box('a'), box('a')], [])).toThrow(/"a" is listed twice/);
		expect(() => layoutGraph([box('a')], [edge('a', 'ghost')])).toThrow(/not listed \(a → ghost\)/);
	});

	// How fast is a bench figure (npm run bench, "Chart layout"), not an assertion: timings on a busy machine say little.
	it('lays out each shipped module (57–60 nodes) with no overlap and few crossings', () => {
		const ids = readdirSync('modules').filter((d) => !d.startsWith('.') && !d.startsWith('tmp-') && existsSync(join('modules', d, 'module.json')));
		expect(ids.length).toBeGreaterThanOrEqual(4);
		for (const id of ids) {
			const { nodes, edges } = moduleChart(id);
			const layout = layoutGraph(nodes, edges, { layerGap: 40, nodeGap: 28 });
			expect(overlaps(layout), id).toEqual([]);
			expect(edgesThroughNodes(layout), id).toEqual([]);
			// Few crossings: outcomes that each lead to several later scenes (K3,2 and the like) cannot be
			// drawn in layers without some; at most one per ten nodes (levensbeschouwelijk: 6 at 80 nodes).
			expect(layout.crossings, id).toBeLessThanOrEqual(Math.max(3, Math.ceil(nodes.length / 10)));
			// Branches stay narrow: never more than a handful of nodes side by side (polarisatie's week 5
			// has three dilemmas side by side, one per earlier choice, each with its outcomes: 7).
			expect(Math.max(...layout.layers.map((l) => l.length)), id).toBeLessThanOrEqual(8);
			console.log(`${id}: ${nodes.length} nodes, ${edges.length} edges, ${layout.layers.length} layers, ${layout.width}×${layout.height}, ${layout.crossings} crossings`);
		}
	});
});

describe('placeInOrder', () => {
	it('puts nodes where they want to be when there is room', () => {
		expect(placeInOrder([0, 300], [100, 100], 20)).toEqual([0, 300]);
	});
	it('pushes nodes that want the same place apart, evenly around it', () => {
		expect(placeInOrder([100, 100], [100, 100], 20)).toEqual([40, 160]);
	});
	it('keeps the order it is given', () => {
		const xs = placeInOrder([300, 0, 150], [50, 50, 50], 10);
		expect(xs[1] - xs[0]).toBeGreaterThanOrEqual(60);
		expect(xs[2] - xs[1]).toBeGreaterThanOrEqual(60);
	});
});

describe('smoothPath', () => {
	it('draws straight lines where the points are aligned and curves between layers', () => {
		expect(smoothPath([{ x: 0, y: 0 }, { x: 0, y: 10 }])).toBe('M0,0 L0,10');
		expect(smoothPath([{ x: 0, y: 0 }, { x: 20, y: 10 }])).toBe('M0,0 C0,5 20,5 20,10');
	});
});
