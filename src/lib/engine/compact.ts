/**
 * A compact text form of SavedState for an LMS's `suspend_data` (SCORM 1.2 allows 4,096
 * characters). Node ids become fixed-width base-36 indices into the module's sorted node list,
 * guarded by a hash of that list, so the form is only read back against the same chart.
 * Reflections and evaluation answers stay on the device: they are free text of any length.
 *
 * Layout (fields joined by `~`):
 *   K<format> ~ graphHash ~ width ~ score ~ timeSeconds ~ startedAt(seconds) ~ flags ~ path ~ decisions [~ shuffleSeed]
 * path: node indices, `width` characters each. decisions: node index (width) + answer bitmask
 * (2 chars) + points+648 (2 chars). flags: bit 0 = feedback pending, bit 1 = completed,
 * bit 2 = path truncated (oldest entries dropped to stay within budget). shuffleSeed (base 36, at
 * most 6 characters) is there when the attempt shuffles its options; without it they show in the
 * module's order, as in records written before shuffling existed.
 */
import type { ModuleDefinition } from './module-schema';
import { SAVED_STATE_FORMAT, type Decision, type SavedState } from './saved-state';
import { isShuffleSeed } from './shuffle';

const POINTS_OFFSET = 648; // 36² / 2: two base-36 characters hold -648…647
/** Longest path kept in the compact form; the full path stays on the device. */
export const MAX_COMPACT_PATH = 300;

export interface NodeIndex {
	ids: string[];
	index: Map<string, number>;
	width: number;
	hash: string;
	/** For each node: its option or answer ids, to turn answers into a bitmask. */
	answerIds: Map<string, string[]>;
}

function fnv1a(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36);
}

export function buildNodeIndex(module: ModuleDefinition): NodeIndex {
	const ids = Object.keys(module.machine.states).sort();
	const answerIds = new Map<string, string[]>();
	for (const id of ids) {
		const meta = module.machine.states[id].meta;
		answerIds.set(id, meta.options ?? meta.answers ?? []);
	}
	// A chart has at least one node, so this is at least 1.
	const width = Math.ceil(Math.log(ids.length + 1) / Math.log(36));
	const signature = ids.map((id) => `${id}:${answerIds.get(id)!.join(',')}`).join('|');
	return { ids, index: new Map(ids.map((id, i) => [id, i])), width, hash: fnv1a(signature), answerIds };
}

const pad = (n: number, width: number) => n.toString(36).padStart(width, '0');

export function encodeCompact(state: SavedState, nodes: NodeIndex): string {
	const w = nodes.width;
	let path = state.path;
	let flags = (state.feedbackPending ? 1 : 0) | (state.completedAt ? 2 : 0);
	if (path.length > MAX_COMPACT_PATH) {
		path = path.slice(-MAX_COMPACT_PATH);
		flags |= 4;
	}
	const pathText = path.map((id) => pad(nodes.index.get(id)!, w)).join('');
	const decisionText = state.decisions
		.map((d) => {
			const ids = nodes.answerIds.get(d.node)!;
			const mask = d.answers.reduce((m, a) => m | (1 << ids.indexOf(a)), 0);
			return pad(nodes.index.get(d.node)!, w) + pad(mask, 2) + pad(Math.max(0, Math.min(1295, d.points + POINTS_OFFSET)), 2);
		})
		.join('');
	return [
		`K${SAVED_STATE_FORMAT}`,
		nodes.hash,
		w,
		state.score.toString(36),
		Math.round(state.timeMs / 1000).toString(36),
		Math.round(state.startedAt / 1000).toString(36),
		flags.toString(36),
		pathText,
		decisionText,
		...(state.shuffleSeed !== undefined ? [state.shuffleSeed.toString(36)] : [])
	].join('~');
}

/**
 * Reads a compact form back. Returns null with a reason when it is not ours, is damaged, or was
 * written against a different chart.
 */
export function decodeCompact(
	text: string,
	module: ModuleDefinition,
	nodes: NodeIndex,
	now: number
): { state: SavedState } | { error: string } {
	const parts = text.split('~');
	if ((parts.length !== 9 && parts.length !== 10) || !/^K\d+$/.test(parts[0])) return { error: 'not a Koers saved state' };
	if (Number(parts[0].slice(1)) !== SAVED_STATE_FORMAT) return { error: `saved-state format ${parts[0].slice(1)} is not readable` };
	if (parts[1] !== nodes.hash) return { error: 'saved against another version of the scenario' };
	const w = Number(parts[2]);
	if (w !== nodes.width) return { error: 'node index width differs' };
	const num = (s: string) => {
		const n = parseInt(s, 36);
		if (!/^-?[0-9a-z]+$/.test(s) || !Number.isFinite(n)) throw new Error(`bad number "${s}"`);
		return n;
	};
	try {
		const score = num(parts[3]);
		const timeMs = num(parts[4]) * 1000;
		const startedAt = num(parts[5]) * 1000;
		const flags = num(parts[6]);
		const nodeAt = (s: string) => {
			const id = nodes.ids[num(s)];
			if (id === undefined) throw new Error('node index out of range');
			return id;
		};
		if (parts[7].length === 0 || parts[7].length % w) throw new Error('path is damaged');
		const path: string[] = [];
		for (let i = 0; i < parts[7].length; i += w) path.push(nodeAt(parts[7].slice(i, i + w)));
		const step = w + 4;
		if (parts[8].length % step) throw new Error('decisions are damaged');
		const decisions: Decision[] = [];
		for (let i = 0; i < parts[8].length; i += step) {
			const node = nodeAt(parts[8].slice(i, i + w));
			const mask = num(parts[8].slice(i + w, i + w + 2));
			const ids = nodes.answerIds.get(node)!;
			const answers = ids.filter((_, bit) => mask & (1 << bit));
			if (answers.length === 0) throw new Error('a decision has no answer');
			decisions.push({ node, answers, points: num(parts[8].slice(i + w + 2, i + step)) - POINTS_OFFSET, at: startedAt, latencyMs: 0 });
		}
		const node = path[path.length - 1];
		const completed = (flags & 2) !== 0;
		const shuffleSeed = parts.length === 10 ? num(parts[9]) : undefined;
		if (shuffleSeed !== undefined && !isShuffleSeed(shuffleSeed)) throw new Error('shuffle seed is out of range');
		const state: SavedState = {
			format: SAVED_STATE_FORMAT,
			moduleId: module.id,
			moduleVersion: module.version,
			node,
			path,
			decisions,
			score,
			reflections: {},
			feedbackPending: (flags & 1) !== 0 && decisions.length > 0,
			timeMs,
			startedAt,
			updatedAt: now,
			nodeEnteredAt: now,
			...(completed ? { completedAt: now } : {}),
			...(shuffleSeed !== undefined ? { shuffleSeed } : {})
		};
		return { state };
	} catch (e) {
		return { error: (e as Error).message };
	}
}

/**
 * Characters of the compact form outside the path and decisions (format, hash, numbers, separators):
 * 48, plus 7 for the shuffle seed and its separator.
 */
const HEADER_BUDGET = 55;

/**
 * An upper bound on the compact form's length over every path through the module, computed from
 * the graph in linear time (no path enumeration): the longest path in nodes, plus at most one
 * decision per decision node on it. Loops are bounded by MAX_COMPACT_PATH.
 */
export function worstCaseCompactLength(module: ModuleDefinition): number {
	const nodes = buildNodeIndex(module);
	const states = module.machine.states;
	const isDecision = (id: string) => states[id].meta.kind === 'choice' || states[id].meta.kind === 'quiz';
	// Longest path by (nodes, decision nodes) from each node, memoised; a loop makes it unbounded.
	const memo = new Map<string, [number, number]>();
	const onStack = new Set<string>();
	let looped = false;
	const work: { id: string; expanded: boolean }[] = [{ id: module.machine.initial, expanded: false }];
	while (work.length) {
		const top = work[work.length - 1];
		// A node pushed by two parents is done once. Only a saving: done again, a node of a chart
		// without loops gets the same values, and in one with loops they are not used.
		if (memo.has(top.id)) { work.pop(); continue; }
		const next = Object.values(states[top.id].on ?? {}).flatMap((spec) => (typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec.map((t) => t.target) : [spec.target]));
		if (!top.expanded) {
			top.expanded = true;
			onStack.add(top.id);
			for (const n of next) {
				if (onStack.has(n)) looped = true;
				else if (!memo.has(n)) work.push({ id: n, expanded: false });
			}
			continue;
		}
		let best: [number, number] = [0, 0];
		for (const n of next) {
			const m = memo.get(n);
			if (m) best = [Math.max(best[0], m[0]), Math.max(best[1], m[1])];
		}
		memo.set(top.id, [best[0] + 1, best[1] + (isDecision(top.id) ? 1 : 0)]);
		onStack.delete(top.id);
		work.pop();
	}
	const decisionNodes = Object.keys(states).filter(isDecision).length;
	// The search starts at the initial node, so it is always computed.
	const [pathNodes, pathDecisions] = memo.get(module.machine.initial)!;
	const pathLength = looped ? MAX_COMPACT_PATH : Math.min(pathNodes, MAX_COMPACT_PATH);
	const decisions = looped ? decisionNodes : Math.min(pathDecisions, decisionNodes);
	return HEADER_BUDGET + pathLength * nodes.width + decisions * (nodes.width + 4);
}
