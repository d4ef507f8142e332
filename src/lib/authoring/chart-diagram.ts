/**
 * A module's statechart as a diagram for the author view: one box per node, one line per
 * transition, and a label on each line that needs one (the option chosen, the guard, the points).
 *
 * Labels are laid out as nodes of their own between the two ends of their transition, so the
 * layout keeps them apart from nodes and from each other (Graphviz does the same). Box sizes do
 * not depend on the texts, so switching the preview's language changes no position.
 *
 * Pure TypeScript: the view gives it the texts and the words for guards.
 */
import { pointsOf } from '../engine/library';
import { normaliseTransitions, type GuardRef, type ModuleDefinition, type NodeKind } from '../engine/module-schema';
import { layoutGraph, smoothPath, type LayoutEdge, type LayoutNode, type Point } from './graph-layout';

export const NODE_SIZE = { width: 200, height: 64 } as const;
/** A choice's option label: two lines of a sentence. */
export const OPTION_LABEL_SIZE = { width: 160, height: 40 } as const;
/** A guard, "otherwise" or points. */
export const SHORT_LABEL_SIZE = { width: 128, height: 24 } as const;
const START_SIZE = 14;
const START = '\u0000start';

export interface DiagramWords {
	/** The last alternative after guarded ones. */
	otherwise: string;
	guard(guard: GuardRef): string;
	points(points: number): string;
}

export interface DiagramNode {
	id: string;
	kind: NodeKind;
	title: string;
	initial: boolean;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DiagramEdge {
	/** `<from> <event> <alternative>`: unique per transition. */
	id: string;
	from: string;
	to: string;
	event: string;
	/** Where the transition is written in module.json (as the checker names places). */
	jsonPath: string;
	/** Short text on the line, or null for a plain "continue". */
	label: string | null;
	/** The whole label, for a tooltip and screen readers. */
	detail: string;
	labelBox: { x: number; y: number; width: number; height: number } | null;
	/** SVG path data from the source to the target (through the label). */
	d: string;
	/** Closes a loop: drawn upwards. */
	reversed: boolean;
}

export interface Diagram {
	nodes: DiagramNode[];
	edges: DiagramEdge[];
	/** The start marker (a dot with a line to the first node), as in statechart notation. */
	start: { x: number; y: number; d: string };
	width: number;
	height: number;
	crossings: number;
}

export function buildDiagram(module: ModuleDefinition, text: (key: string) => string | null, words: DiagramWords): Diagram {
	const states = module.machine.states;
	const initial = module.machine.initial;
	// The first node first: the layout breaks loops and orders branches from the roots in this order.
	const ids = [initial, ...Object.keys(states).filter((id) => id !== initial)];
	const layoutNodes: LayoutNode[] = [{ id: START, width: START_SIZE, height: START_SIZE }, ...ids.map((id) => ({ id, ...NODE_SIZE }))];
	const layoutEdges: LayoutEdge[] = [{ id: START, from: START, to: initial }];
	const pending: Omit<DiagramEdge, 'labelBox' | 'd' | 'reversed'>[] = [];

	for (const from of ids) {
		for (const [event, spec] of Object.entries(states[from].on ?? {})) {
			const alternatives = normaliseTransitions(spec);
			alternatives.forEach((t, i) => {
				const id = `${from} ${event} ${i}`;
				const jsonPath = `machine.states.${from}.on.${event}${Array.isArray(spec) ? `[${i}]` : ''}`;
				const parts: string[] = [];
				const option = event.startsWith('choose.') ? event.slice('choose.'.length) : null;
				if (option !== null) parts.push(text(`nodes.${from}.options.${option}.label`) || option);
				if (t.guard) parts.push(words.guard(t.guard));
				else if (alternatives.length > 1 && i === alternatives.length - 1) parts.push(words.otherwise);
				const points = pointsOf(t.actions);
				if (points !== 0) parts.push(words.points(points));
				const label = parts.length ? parts.join(' · ') : null;
				pending.push({ id, from, to: t.target, event, jsonPath, label, detail: [event, ...parts].join(' · ') });
				if (label === null || !(t.target in states)) {
					layoutEdges.push({ id, from, to: t.target in states ? t.target : from });
					return;
				}
				const size = option !== null ? OPTION_LABEL_SIZE : SHORT_LABEL_SIZE;
				layoutNodes.push({ id: `\u0000label ${id}`, ...size });
				layoutEdges.push({ id: `${id} \u0000in`, from, to: `\u0000label ${id}` }, { id: `${id} \u0000out`, from: `\u0000label ${id}`, to: t.target });
			});
		}
	}

	const layout = layoutGraph(layoutNodes, layoutEdges, { layerGap: 36, nodeGap: 24, dummyWidth: 14, margin: 20 });
	const placed = new Map(layout.nodes.map((n) => [n.id, n]));
	const routed = new Map(layout.edges.map((e) => [e.id, e]));

	const nodes: DiagramNode[] = ids.map((id) => {
		const p = placed.get(id)!;
		return { id, kind: states[id].meta.kind, title: text(`nodes.${id}.title`) || id, initial: id === initial, x: p.x, y: p.y, width: p.width, height: p.height };
	});
	const edges: DiagramEdge[] = pending.map((e) => {
		const direct = routed.get(e.id);
		if (direct) return { ...e, labelBox: null, d: smoothPath(direct.points), reversed: direct.reversed };
		const into = routed.get(`${e.id} \u0000in`)!;
		const out = routed.get(`${e.id} \u0000out`)!;
		const box = placed.get(`\u0000label ${e.id}`)!;
		return {
			...e,
			labelBox: { x: box.x, y: box.y, width: box.width, height: box.height },
			d: `${smoothPath(into.points)} ${smoothPath(out.points)}`,
			reversed: into.reversed || out.reversed
		};
	});
	const dot = placed.get(START)!;
	const startEdge = routed.get(START)!;
	return {
		nodes,
		edges,
		start: { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2, d: smoothPath(startEdge.points) },
		width: layout.width,
		height: layout.height,
		crossings: layout.crossings
	};
}

/** The transitions a learner took along `path` (consecutive nodes), for highlighting. */
export function edgesAlong(diagram: Diagram, path: string[]): Set<string> {
	const steps = new Set<string>();
	for (let i = 1; i < path.length; i++) steps.add(`${path[i - 1]}\u0000${path[i]}`);
	return new Set(diagram.edges.filter((e) => steps.has(`${e.from}\u0000${e.to}`)).map((e) => e.id));
}

/** The centre of a node, to scroll it into view. */
export function centreOf(node: DiagramNode): Point {
	return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}
