/**
 * Graph analyses of a validated chart for the checker, linear (or close to it) in the size of the
 * chart outside loops, never enumerating paths themselves:
 *
 * - `analyseScores`: the best score any path can really reach, taking simple guards into account
 *   (score thresholds, decisions at the node itself, nodes that cannot have come before), plus the
 *   guarded alternatives that can never be taken and events that can leave the learner stuck.
 * - `scoringLoops`: loops (strongly connected parts of the chart) in which points are given.
 *
 * The best score follows the engine's rule for the maximum (`longestPaths`: the best way that
 * never visits a node twice), so the checker never calls a mastery score unreachable that the
 * player lets a learner reach. Ranges go round a loop without points until they settle; through a
 * loop that gives points the engine's own maximum is used (reused, not computed a second way).
 */
import { pointsOf } from '../engine/library';
import { longestPaths } from '../engine/scoring';
import { stronglyConnectedParts } from '../engine/strongly-connected';
import { normaliseTransitions, type GuardRef, type ModuleDefinition, type TransitionConfig } from '../engine/module-schema';

export interface Alternative extends TransitionConfig {
	/** JSON path of this transition in module.json, as the engine writes it. */
	path: string;
	points: number;
}
export interface EventTransitions {
	event: string;
	path: string;
	alternatives: Alternative[];
}

export function transitionsOf(module: ModuleDefinition, id: string): EventTransitions[] {
	const state = module.machine.states[id];
	const result: EventTransitions[] = [];
	for (const [event, spec] of Object.entries(state.on ?? {})) {
		const path = `machine.states.${id}.on.${event}`;
		const list = normaliseTransitions(spec);
		result.push({
			event,
			path,
			alternatives: list.map((t, i) => ({ ...t, path: Array.isArray(spec) ? `${path}[${i}]` : path, points: pointsOf(t.actions) }))
		});
	}
	return result;
}

const quizPoints = (module: ModuleDefinition, id: string) => {
	const meta = module.machine.states[id].meta;
	return meta.kind === 'quiz' ? (meta.points ?? 1) : 0;
};

/** Depth-first reverse postorder from the start node: every node before the nodes it leads to, loops aside. */
function depthFirst(module: ModuleDefinition, next: Map<string, string[]>): string[] {
	const post: string[] = [];
	const seen = new Set<string>();
	const start = module.machine.initial;
	const work: { id: string; i: number }[] = [{ id: start, i: 0 }];
	seen.add(start);
	while (work.length) {
		const top = work[work.length - 1];
		const out = next.get(top.id) ?? [];
		if (top.i < out.length) {
			const n = out[top.i++];
			if (!seen.has(n)) {
				seen.add(n);
				work.push({ id: n, i: 0 });
			}
			continue;
		}
		post.push(top.id);
		work.pop();
	}
	return post.reverse();
}

function successorMap(module: ModuleDefinition): Map<string, string[]> {
	const next = new Map<string, string[]>();
	for (const [id, state] of Object.entries(module.machine.states)) {
		const targets = new Set<string>();
		for (const spec of Object.values(state.on ?? {})) for (const t of normaliseTransitions(spec)) targets.add(t.target);
		next.set(id, [...targets]);
	}
	return next;
}

type Verdict = 'always' | 'never' | 'maybe';
interface Range {
	lo: number;
	hi: number;
}

export interface ScoreAnalysis {
	/** The most points a learner can have at an end node, or null when no end can be reached. */
	bestScore: number | null;
	/** Guarded alternatives that no path can take. */
	neverTaken: { path: string; node: string; guard: string }[];
	/** Events whose alternatives are all guarded and may all fail. */
	stuck: { path: string; node: string; event: string }[];
}

export function analyseScores(module: ModuleDefinition): ScoreAnalysis {
	const states = module.machine.states;
	const next = successorMap(module);
	const order = depthFirst(module, next);
	const transitions = new Map(order.map((id) => [id, transitionsOf(module, id)]));

	// Scores are whole numbers when every number of points is: then "below 4" means "at most 3".
	let whole = true;
	for (const id of order) {
		if (!Number.isInteger(quizPoints(module, id))) whole = false;
		for (const e of transitions.get(id)!)
			for (const a of e.alternatives) {
				if (!Number.isInteger(a.points)) whole = false;
				const p = a.guard?.params?.points;
				if (p !== undefined && !Number.isInteger(p)) whole = false;
			}
	}
	const eps = whole ? 1 : 0;

	// Which nodes can come after `from` (one or more steps); computed on demand for guard params.
	const reachCache = new Map<string, Set<string>>();
	const reachFrom = (from: string) => {
		let set = reachCache.get(from);
		if (set) return set;
		set = new Set<string>();
		const stack = [...(next.get(from) ?? [])];
		while (stack.length) {
			const n = stack.pop()!;
			if (set.has(n)) continue;
			set.add(n);
			stack.push(...(next.get(n) ?? []));
		}
		reachCache.set(from, set);
		return set;
	};
	const canPrecede = (earlier: string, node: string) => reachFrom(earlier).has(node);

	const range = new Map<string, Range>();
	range.set(module.machine.initial, { lo: 0, hi: 0 });
	const neverTaken: ScoreAnalysis['neverTaken'] = [];
	const stuck: ScoreAnalysis['stuck'] = [];

	const judge = (guard: GuardRef | undefined, r: Range, node: string, event: string, correct: boolean | undefined): { verdict: Verdict; take: Range; rest: Range } => {
		const same = { take: r, rest: r };
		if (!guard) return { verdict: 'always', ...same };
		const params = guard.params ?? {};
		const other = String(params.node ?? '');
		const kind = states[node].meta.kind;
		switch (guard.type) {
			case 'scoreAtLeast': {
				const p = Number(params.points);
				if (r.lo >= p) return { verdict: 'always', ...same };
				if (r.hi < p) return { verdict: 'never', ...same };
				return { verdict: 'maybe', take: { lo: whole ? Math.ceil(p) : p, hi: r.hi }, rest: { lo: r.lo, hi: whole ? Math.ceil(p) - eps : p } };
			}
			case 'scoreBelow': {
				const p = Number(params.points);
				if (r.hi < p) return { verdict: 'always', ...same };
				if (r.lo >= p) return { verdict: 'never', ...same };
				return { verdict: 'maybe', take: { lo: r.lo, hi: whole ? Math.ceil(p) - eps : p }, rest: { lo: whole ? Math.ceil(p) : p, hi: r.hi } };
			}
			case 'chose':
			case 'notChose': {
				const negate = guard.type === 'notChose';
				let v: Verdict;
				if (other === node && kind === 'choice') v = event === `choose.${String(params.option)}` ? 'always' : 'never';
				else if (other !== node && !canPrecede(other, node)) v = 'never';
				else v = 'maybe';
				if (negate) v = v === 'always' ? 'never' : v === 'never' ? 'always' : 'maybe';
				return { verdict: v, ...same };
			}
			case 'visited':
				if (other === node || other === module.machine.initial) return { verdict: 'always', ...same };
				return { verdict: canPrecede(other, node) ? 'maybe' : 'never', ...same };
			case 'answeredCorrectly':
				if (other === node) return { verdict: kind === 'quiz' && correct !== undefined ? (correct ? 'always' : 'never') : 'never', ...same };
				return { verdict: canPrecede(other, node) ? 'maybe' : 'never', ...same };
			default:
				return { verdict: 'maybe', ...same };
		}
	};

	// Routes that went round a loop that changes the score ("looped") are not followed as ranges: a
	// learner can go round such a loop again and again, so score guards after it may go either way,
	// and the best score through it is the engine's own (longestPaths: the best way that never visits
	// a node twice), from the node where the route enters the loop.
	const looped = new Set<string>();
	const ANY: Range = { lo: -Infinity, hi: Infinity };
	let bestScore: number | null = null;
	let enginePoints: Map<string, number> | null = null;
	const isEnd = (id: string) => states[id].meta.kind === 'end';

	/** Judges every transition of a node and passes its ranges on; `within`: only to these nodes. True when a range changed. */
	const visit = (id: string, record: boolean, within?: Set<string>): boolean => {
		const here = range.get(id);
		const qp = quizPoints(module, id);
		const quiz = states[id].meta.kind === 'quiz';
		const scenarios: { r: Range; correct?: boolean; round: boolean }[] = [];
		if (here) scenarios.push(...(quiz ? [{ r: { lo: here.lo + qp, hi: here.hi + qp }, correct: true, round: false }, { r: here, correct: false, round: false }] : [{ r: here, round: false }]));
		if (looped.has(id)) scenarios.push(...(quiz ? [{ r: ANY, correct: true, round: true }, { r: ANY, correct: false, round: true }] : [{ r: ANY, round: true }]));
		if (!scenarios.length) return false; // no path the guards allow leads here
		let changed = false;
		for (const e of transitions.get(id)!) {
			const taken = new Array(e.alternatives.length).fill(false);
			let canStick = false;
			for (const { r: start, correct, round } of scenarios) {
				let r = start;
				let covered = false;
				for (let i = 0; i < e.alternatives.length && !covered; i++) {
					const alt = e.alternatives[i];
					const { verdict, take, rest } = judge(alt.guard, r, id, e.event, correct);
					if (verdict === 'never') continue;
					taken[i] = true;
					if (!within || within.has(alt.target)) {
						if (round) {
							if (!looped.has(alt.target)) changed = true;
							looped.add(alt.target);
						} else {
							const into = { lo: take.lo + alt.points, hi: take.hi + alt.points };
							const old = range.get(alt.target);
							if (!old || into.lo < old.lo || into.hi > old.hi) {
								range.set(alt.target, old ? { lo: Math.min(old.lo, into.lo), hi: Math.max(old.hi, into.hi) } : into);
								changed = true;
							}
						}
					}
					if (verdict === 'always') covered = true;
					else {
						r = rest;
						if (r.lo > r.hi) covered = true;
					}
				}
				if (!covered) canStick = true;
			}
			if (!record) continue;
			e.alternatives.forEach((alt, i) => {
				if (!taken[i] && alt.guard) neverTaken.push({ path: alt.path, node: id, guard: alt.guard.type });
			});
			if (canStick) stuck.push({ path: e.path, node: id, event: e.event });
		}
		return changed;
	};

	// A loop is judged as a whole once every way into it has been: reverse postorder puts each
	// strongly connected part after every part that leads to it (its first node is its root).
	const position = new Map(order.map((id, i) => [id, i]));
	const loopOf = new Map<string, string[]>();
	const loops = loopsOf(next);
	for (const loop of loops) {
		const members = loop.filter((id) => position.has(id)).sort((a, b) => position.get(a)! - position.get(b)!);
		for (const id of members) loopOf.set(id, members);
	}
	const scoring = new Set(pointsInLoops(module, loops).flatMap((l) => l.nodes));
	const done = new Set<string>();
	for (const id of order) {
		if (done.has(id)) continue;
		const members = loopOf.get(id);
		if (!members) {
			visit(id, true);
			continue;
		}
		members.forEach((n) => done.add(n));
		const inside = new Set(members);
		// A loop without points: ranges go round it until they settle (every way through it is at
		// most as many passes as it has nodes). One that still changes them then gives points after all.
		const entered = new Map(members.flatMap((n) => (range.has(n) ? [[n, range.get(n)!] as const] : [])));
		let settled = false;
		if (!scoring.has(id))
			for (let pass = 0; pass <= members.length && !settled; pass++) settled = members.reduce((same, n) => !visit(n, false, inside) && same, true);
		if (!settled && (entered.size > 0 || members.some((n) => looped.has(n)))) {
			enginePoints ??= longestPaths(module).points;
			for (const n of members) {
				const r = entered.get(n);
				if (r && [...reachFrom(n)].some(isEnd)) bestScore = Math.max(bestScore ?? -Infinity, r.hi + enginePoints.get(n)!);
				range.delete(n);
				looped.add(n);
			}
		}
		for (const n of members) visit(n, true);
	}

	for (const [id, r] of range) if (isEnd(id)) bestScore = bestScore === null ? r.hi : Math.max(bestScore, r.hi);
	return { bestScore, neverTaken, stuck };
}

/**
 * Loops of the chart: its strongly connected parts (the engine's, so checker and scoring agree) of
 * more than one node, or of one node with a transition to itself.
 */
function loopsOf(next: Map<string, string[]>): string[][] {
	return stronglyConnectedParts([...next.keys()], (id) => next.get(id)!).filter((part) => part.length > 1 || next.get(part[0])!.includes(part[0]));
}

/**
 * Loops that give points each time round: strongly connected parts of the chart (Tarjan's
 * algorithm, iterative) with an edge inside them worth points.
 */
export function scoringLoops(module: ModuleDefinition): { nodes: string[]; path: string; points: number }[] {
	return pointsInLoops(module, loopsOf(successorMap(module)));
}

/** Of the chart's loops (`loopsOf`), those in which an edge gives points, with that edge. */
function pointsInLoops(module: ModuleDefinition, components: string[][]): { nodes: string[]; path: string; points: number }[] {
	const result: { nodes: string[]; path: string; points: number }[] = [];
	for (const component of components) {
		const inside = new Set(component);
		let found: { path: string; points: number } | null = null;
		for (const id of component) {
			for (const e of transitionsOf(module, id)) {
				// Quiz points come with a correct answer only; once an alternative before this one is
				// taken on every correct answer ("answeredCorrectly" this quiz, or no guard), this one
				// is taken on wrong answers only: a "try again" loop gives no points.
				let correctReaches = true;
				for (const alt of e.alternatives) {
					const points = alt.points + (correctReaches ? quizPoints(module, id) : 0);
					if (inside.has(alt.target) && points !== 0) {
						found = { path: alt.path, points };
						break;
					}
					if (!alt.guard || (alt.guard.type === 'answeredCorrectly' && alt.guard.params?.node === id)) correctReaches = false;
				}
				if (found) break;
			}
			if (found) break;
		}
		if (found) result.push({ nodes: component, ...found });
	}
	return result;
}
