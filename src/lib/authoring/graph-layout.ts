/**
 * A small layered ("Sugiyama") layout for directed graphs, top to bottom, for the author view's
 * statechart diagram. Hand-written instead of a library (dagre, elkjs: 100–1,000 kB) because the
 * charts are small (60–150 nodes with labels) and the steps are few:
 *
 * 1. Loops are broken: edges that close a cycle in a depth-first walk from the roots are laid out
 *    reversed (and drawn back the right way).
 * 2. Layers: each node sits one layer below the lowest of its predecessors (longest path), so every
 *    edge points down and a straight run of steps stays a straight column.
 * 3. Edges that skip layers get a point-sized "dummy" node in each layer they cross, so they are
 *    routed around nodes instead of through them.
 * 4. Crossings: the order within each layer is improved by barycentre sweeps (down and up), and the
 *    order with the fewest crossings seen is kept.
 * 5. Positions: each node is pulled towards its neighbours in the adjacent layers, under the
 *    constraint that nodes in a layer keep their order and a minimum gap (solved exactly by
 *    isotonic regression, "pool adjacent violators").
 *
 * Pure and deterministic: the same input gives the same output; ties are broken by input order.
 */

export interface LayoutNode {
	id: string;
	width: number;
	height: number;
}

export interface LayoutEdge {
	id: string;
	from: string;
	to: string;
}

export interface LayoutOptions {
	/** Vertical space between layers. */
	layerGap?: number;
	/** Minimum horizontal space between two nodes of a layer. */
	nodeGap?: number;
	/** Width an edge passing through a layer takes up (keeps passing edges apart from nodes). */
	dummyWidth?: number;
	/** Space around the drawing. */
	margin?: number;
	/** Crossing reduction sweeps (each is one pass down and one up). */
	sweeps?: number;
}

export interface Point {
	x: number;
	y: number;
}

export interface PlacedNode extends LayoutNode {
	/** Top-left corner. */
	x: number;
	y: number;
	layer: number;
	/** Position within the layer, left to right (dummies included). */
	order: number;
}

export interface PlacedEdge extends LayoutEdge {
	/** From the source node's border to the target node's border, through every layer crossed. */
	points: Point[];
	/** The edge closes a loop: it was laid out against its direction and points upwards. */
	reversed: boolean;
}

export interface GraphLayout {
	nodes: PlacedNode[];
	edges: PlacedEdge[];
	width: number;
	height: number;
	/** Node ids per layer, in order (without dummies). */
	layers: string[][];
	/** Edge crossings left between adjacent layers (0 for a tree drawn well). */
	crossings: number;
}

interface Vertex {
	key: string;
	width: number;
	height: number;
	dummy: boolean;
	index: number;
	layer: number;
	x: number;
	/** Neighbours in the layer above and below (by vertex key), with multiplicity. */
	up: string[];
	down: string[];
}

const DEFAULTS: Required<LayoutOptions> = { layerGap: 48, nodeGap: 24, dummyWidth: 12, margin: 16, sweeps: 12 };

export function layoutGraph(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions = {}): GraphLayout {
	const o = { ...DEFAULTS, ...options };
	const index = new Map<string, number>();
	nodes.forEach((n, i) => {
		if (index.has(n.id)) throw new Error(`layoutGraph: node "${n.id}" is listed twice.`);
		index.set(n.id, i);
	});
	for (const e of edges)
		if (!index.has(e.from) || !index.has(e.to)) throw new Error(`layoutGraph: edge "${e.id}" connects a node that is not listed (${e.from} → ${e.to}).`);

	// 1. Break loops.
	const reversed = backEdges(nodes, edges);
	const dag = edges
		.filter((e) => e.from !== e.to)
		.map((e) => (reversed.has(e.id) ? { ...e, from: e.to, to: e.from } : e));

	// 2. Layers.
	const layerOf = assignLayers(nodes, dag);

	// 3. Vertices, with dummies for long edges.
	const vertices = new Map<string, Vertex>();
	nodes.forEach((n, i) =>
		vertices.set(n.id, { key: n.id, width: n.width, height: n.height, dummy: false, index: i, layer: layerOf.get(n.id)!, x: 0, up: [], down: [] })
	);
	const chains = new Map<string, string[]>(); // edge id → vertex keys from top to bottom
	let dummyIndex = nodes.length;
	for (const e of dag) {
		const chain = [e.from];
		for (let l = layerOf.get(e.from)! + 1; l < layerOf.get(e.to)!; l++) {
			const key = `\u0000${e.id}\u0000${l}`;
			vertices.set(key, { key, width: o.dummyWidth, height: 0, dummy: true, index: dummyIndex++, layer: l, x: 0, up: [], down: [] });
			chain.push(key);
		}
		chain.push(e.to);
		for (let i = 1; i < chain.length; i++) {
			vertices.get(chain[i - 1])!.down.push(chain[i]);
			vertices.get(chain[i])!.up.push(chain[i - 1]);
		}
		chains.set(e.id, chain);
	}

	// 4. Order within layers.
	const layerCount = Math.max(0, ...[...vertices.values()].map((v) => v.layer + 1));
	const layers: string[][] = initialOrder(nodes, vertices, layerCount);
	const { order, crossings } = reduceCrossings(layers, vertices, o.sweeps);

	// 5. Coordinates.
	assignX(order, vertices, o.nodeGap);
	const heights = order.map((layer) => Math.max(0, ...layer.map((k) => vertices.get(k)!.height)));
	const tops: number[] = [];
	let y = o.margin;
	for (let l = 0; l < layerCount; l++) {
		tops.push(y);
		y += heights[l] + o.layerGap;
	}
	const height = layerCount ? y - o.layerGap + o.margin : 2 * o.margin;
	let minX = Infinity;
	let maxX = -Infinity;
	for (const v of vertices.values()) {
		minX = Math.min(minX, v.x - v.width / 2);
		maxX = Math.max(maxX, v.x + v.width / 2);
	}
	if (!Number.isFinite(minX)) minX = maxX = 0;
	const shift = o.margin - minX;
	const centreY = (l: number) => tops[l] + heights[l] / 2;

	const placed: PlacedNode[] = nodes.map((n) => {
		const v = vertices.get(n.id)!;
		return { ...n, x: v.x + shift - n.width / 2, y: centreY(v.layer) - n.height / 2, layer: v.layer, order: order[v.layer].indexOf(n.id) };
	});
	const byId = new Map(placed.map((p) => [p.id, p]));
	const placedEdges: PlacedEdge[] = edges.map((e) => {
		const isReversed = reversed.has(e.id);
		if (e.from === e.to) return { ...e, points: selfLoop(byId.get(e.from)!), reversed: false };
		const chain = chains.get(e.id)!;
		const top = byId.get(chain[0])!;
		const bottom = byId.get(chain[chain.length - 1])!;
		const points: Point[] = [{ x: top.x + top.width / 2, y: top.y + top.height }];
		for (const key of chain.slice(1, -1)) {
			const v = vertices.get(key)!;
			// Straight down through the whole band of the layer, so the line never cuts a node beside it.
			points.push({ x: v.x + shift, y: tops[v.layer] }, { x: v.x + shift, y: tops[v.layer] + heights[v.layer] });
		}
		points.push({ x: bottom.x + bottom.width / 2, y: bottom.y });
		return { ...e, points: isReversed ? points.reverse() : points, reversed: isReversed };
	});

	return {
		nodes: placed,
		edges: placedEdges,
		width: Math.ceil(maxX - minX + 2 * o.margin),
		height: Math.ceil(height),
		layers: order.map((layer) => layer.filter((k) => !vertices.get(k)!.dummy)),
		crossings
	};
}

/** Edges that close a cycle in a depth-first walk, roots first (nodes without incoming edges), in input order. */
function backEdges(nodes: LayoutNode[], edges: LayoutEdge[]): Set<string> {
	const out = new Map<string, LayoutEdge[]>(nodes.map((n) => [n.id, []]));
	const incoming = new Set<string>();
	for (const e of edges) {
		if (e.from === e.to) continue;
		out.get(e.from)!.push(e);
		incoming.add(e.to);
	}
	const state = new Map<string, 1 | 2>();
	const back = new Set<string>();
	const visit = (start: string) => {
		if (state.has(start)) return;
		const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
		state.set(start, 1);
		while (stack.length) {
			const top = stack[stack.length - 1];
			const list = out.get(top.id)!;
			if (top.i < list.length) {
				const e = list[top.i++];
				const s = state.get(e.to);
				if (s === 1) back.add(e.id);
				else if (s === undefined) {
					state.set(e.to, 1);
					stack.push({ id: e.to, i: 0 });
				}
			} else {
				state.set(top.id, 2);
				stack.pop();
			}
		}
	};
	for (const n of nodes) if (!incoming.has(n.id)) visit(n.id);
	for (const n of nodes) visit(n.id);
	return back;
}

/**
 * Longest path from the top. A node with no predecessor other than the first is placed just above
 * its highest successor instead of at the very top, so an orphan sits next to what it leads to.
 */
function assignLayers(nodes: LayoutNode[], dag: LayoutEdge[]): Map<string, number> {
	const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
	const succs = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
	for (const e of dag) {
		preds.get(e.to)!.push(e.from);
		succs.get(e.from)!.push(e.to);
	}
	const layer = new Map<string, number>();
	const waiting = new Map(nodes.map((n) => [n.id, preds.get(n.id)!.length]));
	const queue = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
	const topo: string[] = [];
	for (let i = 0; i < queue.length; i++) {
		const id = queue[i];
		topo.push(id);
		layer.set(id, Math.max(0, ...preds.get(id)!.map((p) => layer.get(p)! + 1)));
		for (const s of succs.get(id)!) {
			waiting.set(s, waiting.get(s)! - 1);
			if (waiting.get(s) === 0) queue.push(s);
		}
	}
	const first = nodes[0]?.id;
	for (const id of [...topo].reverse()) {
		if (id === first || preds.get(id)!.length > 0 || succs.get(id)!.length === 0) continue;
		layer.set(id, Math.min(...succs.get(id)!.map((s) => layer.get(s)!)) - 1);
	}
	return layer;
}

/** Breadth-first from the roots, so branches start in the order the chart lists them. */
function initialOrder(nodes: LayoutNode[], vertices: Map<string, Vertex>, layerCount: number): string[][] {
	const seen = new Map<string, number>();
	const queue: string[] = [];
	const add = (key: string) => {
		if (seen.has(key)) return;
		seen.set(key, queue.length);
		queue.push(key);
	};
	let next = 0;
	const drain = () => {
		for (; next < queue.length; next++) vertices.get(queue[next])!.down.forEach(add);
	};
	for (const n of nodes) if (vertices.get(n.id)!.up.length === 0) add(n.id);
	drain();
	// What no root reaches (parts of loops only), in input order, each followed by what it leads to.
	for (const n of nodes) {
		add(n.id);
		drain();
	}
	const layers: string[][] = Array.from({ length: layerCount }, () => []);
	for (const key of queue) layers[vertices.get(key)!.layer].push(key);
	return layers;
}

function countCrossings(layers: string[][], vertices: Map<string, Vertex>): number {
	let total = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		const below = new Map(layers[l + 1].map((k, i) => [k, i]));
		const pairs: [number, number][] = [];
		layers[l].forEach((k, i) => {
			for (const d of vertices.get(k)!.down) pairs.push([i, below.get(d)!]);
		});
		// Two edges cross when one starts left of the other and ends right of it: count those
		// inversions with a Fenwick tree over the lower ends (Barth, Jünger and Mutzel).
		pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
		const size = layers[l + 1].length;
		const tree = new Array<number>(size + 1).fill(0);
		let seen = 0;
		for (let i = 0; i < pairs.length; ) {
			// Edges from the same upper node never cross each other: count the group, then add it.
			let j = i;
			for (; j < pairs.length && pairs[j][0] === pairs[i][0]; j++) {
				let atMost = 0;
				for (let p = pairs[j][1] + 1; p > 0; p -= p & -p) atMost += tree[p];
				total += seen - atMost;
			}
			for (let k = i; k < j; k++) for (let p = pairs[k][1] + 1; p <= size; p += p & -p) tree[p]++;
			seen += j - i;
			i = j;
		}
	}
	return total;
}

function reduceCrossings(start: string[][], vertices: Map<string, Vertex>, sweeps: number): { order: string[][]; crossings: number } {
	let current = start.map((l) => [...l]);
	let best = current.map((l) => [...l]);
	let bestCrossings = countCrossings(best, vertices);
	const sortLayer = (layer: string[], fixed: string[], side: 'up' | 'down') => {
		const pos = new Map(fixed.map((k, i) => [k, i]));
		const keyed = layer.map((k, i) => {
			const neighbours = vertices.get(k)![side].map((n) => pos.get(n)!);
			// No neighbour on that side: keep its place.
			const bary = neighbours.length ? neighbours.reduce((a, b) => a + b, 0) / neighbours.length : i;
			return { k, bary, i };
		});
		keyed.sort((a, b) => a.bary - b.bary || a.i - b.i);
		return keyed.map((e) => e.k);
	};
	const keepIfBetter = () => {
		transpose(current, vertices);
		const c = countCrossings(current, vertices);
		if (c < bestCrossings) [best, bestCrossings] = [current.map((l) => [...l]), c];
	};
	for (let s = 0; s < sweeps && bestCrossings > 0; s++) {
		for (let l = 1; l < current.length; l++) current[l] = sortLayer(current[l], current[l - 1], 'up');
		keepIfBetter();
		for (let l = current.length - 2; l >= 0; l--) current[l] = sortLayer(current[l], current[l + 1], 'down');
		keepIfBetter();
	}
	return { order: best, crossings: bestCrossings };
}

/**
 * Swaps neighbours in a layer while that removes crossings with the layers above and below
 * (Graphviz's "transpose"): it fixes what averaging positions cannot see.
 */
function transpose(layers: string[][], vertices: Map<string, Vertex>) {
	const positions = layers.map((layer) => new Map(layer.map((k, i) => [k, i])));
	// Crossings between u's and v's edges on one side when u is left of v.
	const cross = (u: string, v: string, l: number) => {
		let c = 0;
		for (const [side, other] of [['up', l - 1], ['down', l + 1]] as const) {
			const pos = positions[other];
			if (!pos) continue;
			for (const a of vertices.get(u)![side]) for (const b of vertices.get(v)![side]) if (pos.get(a)! > pos.get(b)!) c++;
		}
		return c;
	};
	for (let round = 0, improved = true; improved && round < 20; round++) {
		improved = false;
		for (let l = 0; l < layers.length; l++) {
			const layer = layers[l];
			for (let i = 0; i + 1 < layer.length; i++) {
				const [u, v] = [layer[i], layer[i + 1]];
				if (cross(u, v, l) > cross(v, u, l)) {
					layer[i] = v;
					layer[i + 1] = u;
					positions[l].set(v, i).set(u, i + 1);
					improved = true;
				}
			}
		}
	}
}

/**
 * Horizontal centres: nodes are pulled towards the mean centre of their neighbours, keeping the
 * layer's order and gaps. Alternating passes down and up, then passes using both sides.
 */
function assignX(layers: string[][], vertices: Map<string, Vertex>, gap: number) {
	for (const layer of layers) {
		let x = 0;
		for (const k of layer) {
			const v = vertices.get(k)!;
			v.x = x + v.width / 2;
			x += v.width + gap;
		}
	}
	const place = (layer: string[], sides: ('up' | 'down')[]) => {
		const desired = layer.map((k) => {
			const v = vertices.get(k)!;
			const xs = sides.flatMap((side) => v[side].map((n) => vertices.get(n)!.x));
			return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : v.x;
		});
		// A long edge's dummies weigh more, so long edges run straight.
		const weights = layer.map((k) => (vertices.get(k)!.dummy ? 2 : 1));
		const xs = placeInOrder(
			desired,
			layer.map((k) => vertices.get(k)!.width),
			gap,
			weights
		);
		layer.forEach((k, i) => (vertices.get(k)!.x = xs[i]));
	};
	for (let pass = 0; pass < 4; pass++) {
		for (let l = 1; l < layers.length; l++) place(layers[l], ['up']);
		for (let l = layers.length - 2; l >= 0; l--) place(layers[l], ['down']);
	}
	for (let pass = 0; pass < 2; pass++) for (let l = 0; l < layers.length; l++) place(layers[l], ['up', 'down']);
}

/**
 * Centres as close as possible (least squares) to `desired`, in the given order, at least
 * `gap` apart edge to edge. With offsets o_i (the packed position of i), y_i = x_i - o_i must not
 * decrease: isotonic regression of desired_i - o_i, solved by pooling adjacent violators.
 */
export function placeInOrder(desired: number[], widths: number[], gap: number, weights: number[] = desired.map(() => 1)): number[] {
	const offsets: number[] = [];
	let o = 0;
	for (let i = 0; i < desired.length; i++) {
		if (i > 0) o += widths[i - 1] / 2 + gap + widths[i] / 2;
		offsets.push(o);
	}
	const blocks: { value: number; weight: number; count: number }[] = [];
	for (let i = 0; i < desired.length; i++) {
		blocks.push({ value: desired[i] - offsets[i], weight: weights[i], count: 1 });
		while (blocks.length > 1 && blocks[blocks.length - 2].value > blocks[blocks.length - 1].value) {
			const b = blocks.pop()!;
			const a = blocks[blocks.length - 1];
			a.value = (a.value * a.weight + b.value * b.weight) / (a.weight + b.weight);
			a.weight += b.weight;
			a.count += b.count;
		}
	}
	const result: number[] = [];
	for (const b of blocks) for (let c = 0; c < b.count; c++) result.push(b.value + offsets[result.length]);
	return result;
}

function selfLoop(n: PlacedNode): Point[] {
	const right = n.x + n.width;
	return [
		{ x: right, y: n.y + n.height * 0.3 },
		{ x: right + 24, y: n.y + n.height * 0.3 },
		{ x: right + 24, y: n.y + n.height * 0.7 },
		{ x: right, y: n.y + n.height * 0.7 }
	];
}

/** An SVG path through the points: vertical tangents, so layered edges leave and enter straight. */
export function smoothPath(points: Point[]): string {
	if (points.length === 0) return '';
	const f = (n: number) => Math.round(n * 10) / 10;
	let d = `M${f(points[0].x)},${f(points[0].y)}`;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1];
		const b = points[i];
		if (a.x === b.x || a.y === b.y) {
			d += ` L${f(b.x)},${f(b.y)}`;
			continue;
		}
		const my = (a.y + b.y) / 2;
		d += ` C${f(a.x)},${f(my)} ${f(b.x)},${f(my)} ${f(b.x)},${f(b.y)}`;
	}
	return d;
}
