// The compact form is what an LMS keeps in `suspend_data` between sessions, for months: a record
// written by this player must read back field for field, a record written by an older build of the
// same format must still read, and a damaged or foreign one must be refused, never misread. The
// literal records below are pinned on purpose: changing how a field is written breaks every record
// LMSs already hold, so such a change needs a new SAVED_STATE_FORMAT, not a new expected value here.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { buildNodeIndex, decodeCompact, MAX_COMPACT_PATH, worstCaseCompactLength } from './compact';
import type { ModuleDefinition, StateConfig } from './module-schema';
import type { SavedState } from './saved-state';
import { Scenario, type LearnerAction } from './scenario';

const T0 = 1_700_000_000_000;

/** A chart of its own (not validated: the compact form only reads the states and their edges). */
function chart(states: Record<string, StateConfig>, initial = Object.keys(states)[0]): ModuleDefinition {
	return {
		formatVersion: 1,
		id: 'chart',
		version: '1.2.0',
		languages: ['nl'],
		title: 'Chart',
		description: '',
		studyMinutes: 5,
		masteryScore: 50,
		sources: [],
		machine: { id: 'chart', initial, states }
	};
}
const page = (next?: string): StateConfig => (next ? { meta: { kind: 'content' }, on: { continue: next } } : { type: 'final', meta: { kind: 'end' } });
const choice = (to: Record<string, string>): StateConfig => ({
	meta: { kind: 'choice', options: Object.keys(to) },
	on: Object.fromEntries(Object.entries(to).map(([o, target]) => [`choose.${o}`, { target }]))
});
/** `n` pages in a row, p000 → p001 → …, the last one an end. */
function chain(n: number): ModuleDefinition {
	const id = (i: number) => `p${String(i).padStart(3, '0')}`;
	return chart(Object.fromEntries(Array.from({ length: n }, (_, i) => [id(i), page(i < n - 1 ? id(i + 1) : undefined)])));
}

// Loaded in each test, not while the file is collected (see scenario.spec.ts).
let scenario: Scenario;
beforeEach(() => {
	scenario = loadShipped('demo').scenario;
});

/** The demo after "talk" at the first evening, feedback not yet read, 61 s of active time. */
function afterTalk(extra: Partial<SavedState> = {}): SavedState {
	return {
		...scenario.start(T0),
		node: 'talk-outcome',
		path: ['welcome', 'meet-sam', 'first-evening', 'talk-outcome'],
		decisions: [{ node: 'first-evening', answers: ['talk'], points: 2, at: T0 + 4000, latencyMs: 3000 }],
		score: 2,
		feedbackPending: true,
		timeMs: 61_000,
		...extra
	};
}
/** The demo's record above, as this player writes it (and as LMSs hold it). */
const STORED = 'K1~1yh7nh2~1~2~1p~s44we8~1~e54c~401i2';
const field = (text: string, i: number) => text.split('~')[i];
const withField = (text: string, i: number, value: string) => text.split('~').map((f, j) => (j === i ? value : f)).join('~');

describe('the compact form an LMS stores', () => {
	it('writes a record in the documented layout, and reads a stored one back field for field', () => {
		expect(scenario.encode(afterTalk())).toBe(STORED);
		const read = scenario.decode(STORED, T0 + 90_000);
		expect(read).toEqual({
			ok: true,
			state: {
				format: 1,
				moduleId: 'demo',
				moduleVersion: scenario.module.version,
				node: 'talk-outcome',
				path: ['welcome', 'meet-sam', 'first-evening', 'talk-outcome'],
				// No decision times in the compact form: they read as the start of the attempt.
				decisions: [{ node: 'first-evening', answers: ['talk'], points: 2, at: T0, latencyMs: 0 }],
				score: 2,
				reflections: {},
				feedbackPending: true,
				timeMs: 61_000,
				startedAt: T0,
				updatedAt: T0 + 90_000,
				nodeEnteredAt: T0 + 90_000
			}
		});
	});

	it('keeps time and the start in whole seconds, rounded to the nearest', () => {
		expect(field(scenario.encode(afterTalk({ timeMs: 61_499 })), 4)).toBe('1p'); // 61 s
		expect(field(scenario.encode(afterTalk({ timeMs: 61_500 })), 4)).toBe('1q'); // 62 s
		expect(field(scenario.encode(afterTalk({ startedAt: T0 + 499 })), 5)).toBe('s44we8');
		expect(field(scenario.encode(afterTalk({ startedAt: T0 + 500 })), 5)).toBe('s44we9');
		const read = scenario.decode(scenario.encode(afterTalk({ timeMs: 61_500, startedAt: T0 + 500 })), T0);
		expect(read.ok && [read.state.timeMs, read.state.startedAt]).toEqual([62_000, T0 + 1000]);
	});

	it('flags pending feedback (1), completion (2) and a shortened path (4); a completed record reads as completed now', () => {
		expect(field(scenario.encode(afterTalk({ feedbackPending: false })), 6)).toBe('0');
		const ended = afterTalk({ feedbackPending: false, completedAt: T0 + 50_000 });
		expect(field(scenario.encode(ended), 6)).toBe('2');
		expect(field(scenario.encode({ ...ended, feedbackPending: true }), 6)).toBe('3');
		const long = afterTalk({ feedbackPending: false, path: [...Array.from({ length: MAX_COMPACT_PATH }, () => 'welcome'), 'meet-sam'], node: 'meet-sam' });
		expect(field(scenario.encode(long), 6)).toBe('4');
		expect(field(scenario.encode({ ...long, path: long.path.slice(1) }), 6)).toBe('0');

		const read = scenario.decode(scenario.encode(ended), T0 + 70_000);
		expect(read.ok && read.state.completedAt).toBe(T0 + 70_000);
		const open = scenario.decode(scenario.encode(afterTalk()), T0 + 70_000);
		expect(open.ok && 'completedAt' in open.state).toBe(false);
		expect(open.ok && open.state.feedbackPending).toBe(true);
		const noFeedback = scenario.decode(scenario.encode(afterTalk({ feedbackPending: false })), T0);
		expect(noFeedback.ok && noFeedback.state.feedbackPending).toBe(false);
	});

	it('reads "feedback pending" without any decision as no feedback: there is nothing to show', () => {
		const read = scenario.decode('K1~1yh7nh2~1~0~0~s44we8~1~e5~', T0);
		expect(read).toMatchObject({ ok: true, state: { node: 'meet-sam', decisions: [], feedbackPending: false } });
	});

	it('keeps several answers of a quiz as a bitmask of their places in the module, read back in module order', () => {
		const state = afterTalk({
			node: 'reflect',
			path: ['quiz-approaches', 'reflect'],
			decisions: [{ node: 'quiz-approaches', answers: ['c', 'a'], points: 1, at: T0, latencyMs: 0 }],
			score: 1,
			feedbackPending: false
		});
		const text = scenario.encode(state);
		// quiz-approaches is node 6 of the sorted list; answers a (bit 0) and c (bit 2): mask 5; 1 point.
		expect(field(text, 8)).toBe('605' + (649).toString(36));
		const read = scenario.decode(text, T0);
		expect(read.ok && read.state.decisions[0].answers).toEqual(['a', 'c']);
	});

	it('keeps negative scores and points, and clamps points to what two characters hold (−648 to 647)', () => {
		const points = (p: number) => {
			const text = scenario.encode(afterTalk({ score: -5, decisions: [{ node: 'first-evening', answers: ['wait'], points: p, at: T0, latencyMs: 0 }] }));
			const read = scenario.decode(text, T0);
			if (!read.ok) throw new Error(read.detail);
			expect(read.state.score).toBe(-5);
			return read.state.decisions[0].points;
		};
		expect(points(-3)).toBe(-3);
		expect(points(647)).toBe(647);
		expect(points(648)).toBe(647);
		expect(points(5000)).toBe(647);
		expect(points(-648)).toBe(-648);
		expect(points(-649)).toBe(-648);
		expect(points(-5000)).toBe(-648);
	});

	it('keeps the attempt\'s shuffle seed as an optional tenth field, up to 2³¹ − 1', () => {
		expect(scenario.encode(afterTalk({ shuffleSeed: 123456 }))).toBe(`${STORED}~2n9c`);
		const read = scenario.decode(`${STORED}~zik0zj`, T0);
		expect(read.ok && read.state.shuffleSeed).toBe(2 ** 31 - 1);
		const none = scenario.decode(STORED, T0);
		expect(none.ok && 'shuffleSeed' in none.state).toBe(false);
		expect(scenario.decode(`${STORED}~0`, T0)).toMatchObject({ ok: true, state: { shuffleSeed: 0 } });
		expect(scenario.decode(`${STORED}~zik0zk`, T0)).toMatchObject({ ok: false, reason: 'corrupt', detail: 'shuffle seed is out of range' });
	});
});

describe('node indices', () => {
	it('are one base-36 character up to 35 nodes and two from 36, and a wider chart round-trips', () => {
		expect(buildNodeIndex(chain(1)).width).toBe(1);
		expect(buildNodeIndex(chain(35)).width).toBe(1);
		expect(buildNodeIndex(chain(36)).width).toBe(2);
		expect(buildNodeIndex(chain(1295)).width).toBe(2);

		const wide = new Scenario(chain(40));
		let state = wide.start(T0);
		for (let i = 0; i < 39; i++) state = wide.apply(state, { type: 'continue' }, T0 + i);
		const text = wide.encode(state);
		expect(field(text, 2)).toBe('2');
		// p000 … p039: indices 00 … 13 (base 36).
		expect(field(text, 7)).toHaveLength(80);
		expect(field(text, 7).slice(-4)).toBe('1213');
		const read = wide.decode(text, T0);
		expect(read.ok && read.state.path).toEqual(state.path);
		expect(read.ok && read.state.completedAt).toBe(T0);
	});

	it('are guarded by a hash of the node list and answers, so a record of another chart is refused', () => {
		const a = buildNodeIndex(chart({ start: choice({ yes: 'end', no: 'end' }), end: page() }));
		const renamedOption = buildNodeIndex(chart({ start: choice({ yes: 'end', nope: 'end' }), end: page() }));
		const reordered = buildNodeIndex(chart({ start: choice({ no: 'end', yes: 'end' }), end: page() }));
		const renamedNode = buildNodeIndex(chart({ start: choice({ yes: 'fin', no: 'fin' }), fin: page() }));
		expect(new Set([a.hash, renamedOption.hash, reordered.hash, renamedNode.hash]).size).toBe(4);
		// The same chart written in another order of states is the same chart.
		expect(buildNodeIndex(chart({ end: page(), start: choice({ yes: 'end', no: 'end' }) }, 'start')).hash).toBe(a.hash);
		expect(scenario.decode(withField(STORED, 1, a.hash), T0)).toMatchObject({ ok: false, detail: 'saved against another version of the scenario' });
	});
});

describe('a damaged or foreign record is refused, not misread', () => {
	const refused = (text: string) => {
		const result = scenario.decode(text, T0);
		expect(result.ok, text).toBe(false);
		return result.ok ? '' : result.detail;
	};

	it('is not ours without the K-format field and nine or ten fields', () => {
		expect(scenario.decode(STORED, T0).ok).toBe(true);
		expect(refused(STORED.split('~').slice(0, 8).join('~'))).toBe('not a Koers saved state');
		expect(refused(`${STORED}~0~0`)).toBe('not a Koers saved state');
		expect(refused(withField(STORED, 0, 'X1'))).toBe('not a Koers saved state');
		expect(refused(withField(STORED, 0, 'K'))).toBe('not a Koers saved state');
		expect(refused(withField(STORED, 0, 'K1x'))).toBe('not a Koers saved state');
		expect(refused(withField(STORED, 0, 'xK1'))).toBe('not a Koers saved state');
		// A later format is ours, only not readable yet: the learner is told that, not "not ours".
		expect(refused(withField(STORED, 0, 'K12'))).toBe('saved-state format 12 is not readable');
		expect(refused(withField(STORED, 2, '2'))).toBe('node index width differs');
	});

	it('refuses numbers that are not plain base 36', () => {
		expect(scenario.decode(withField(STORED, 3, '-3'), T0)).toMatchObject({ ok: true, state: { score: -3 } });
		for (const bad of ['', '1.5', '+1', '1 ', ' 1', 'A', '-', 'z'.repeat(300)]) expect(refused(withField(STORED, 3, bad))).toMatch(/^bad number/);
		expect(refused(withField(STORED, 4, '1p!'))).toMatch(/^bad number/);
		expect(refused(withField(STORED, 5, 'x.y'))).toMatch(/^bad number/);
		expect(refused(withField(STORED, 6, '?'))).toMatch(/^bad number/);
	});

	it('refuses an empty path, a path of broken width, and a node index the chart lacks', () => {
		expect(refused(withField(STORED, 7, ''))).toBe('path is damaged');
		expect(refused(withField(STORED, 7, 'e5z'))).toBe('node index out of range');
		expect(refused(withField(STORED, 7, 'e5f'))).toBe('node index out of range');
		const wide = new Scenario(chain(40));
		const text = wide.encode(wide.start(T0));
		expect(wide.decode(text, T0).ok).toBe(true);
		expect(wide.decode(withField(text, 7, '000'), T0)).toMatchObject({ ok: false, detail: 'path is damaged' });
	});

	it('refuses decisions of broken length, without an answer, or at a node the chart lacks', () => {
		expect(refused(withField(STORED, 8, '401i'))).toBe('decisions are damaged');
		expect(refused(withField(STORED, 8, '401i2401i'))).toBe('decisions are damaged');
		expect(refused(withField(STORED, 8, '400i2'))).toBe('a decision has no answer');
		// first-evening has three options: bit 3 names none of them.
		expect(refused(withField(STORED, 8, '408i2'))).toBe('a decision has no answer');
		// welcome is a content page: nothing to answer there.
		expect(refused(withField(STORED, 8, 'e01i2'))).toBe('a decision has no answer');
		expect(refused(withField(STORED, 8, 'z01i2'))).toBe('node index out of range');
		expect(refused(withField(STORED, 8, '4!!i2'))).toMatch(/^bad number/);
		// Two decisions read in the order they were made.
		const two = scenario.decode(withField(STORED, 8, '401i2901i2'), T0);
		expect(two.ok && two.state.decisions.map((d) => [d.node, d.answers])).toEqual([
			['first-evening', ['talk']],
			['sam-returns', ['ask']]
		]);
	});
});

describe('the worst-case length the checker holds against the LMS limit', () => {
	it('is the header budget (55) plus one index per node of the longest path', () => {
		expect(worstCaseCompactLength(chain(1))).toBe(55 + 1);
		expect(worstCaseCompactLength(chain(4))).toBe(55 + 4);
		expect(worstCaseCompactLength(chain(40))).toBe(55 + 2 * 40);
	});

	it('adds index, answer mask and points (width + 4) per decision node the longest path may pass', () => {
		// A short branch with two decisions and a long one without: the bound covers both.
		const module = chart({
			start: choice({ quick: 'c2', slow: 'p1' }),
			c2: choice({ a: 'end', b: 'end' }),
			p1: page('p2'),
			p2: page('p3'),
			p3: page('p4'),
			p4: page('end'),
			end: page(),
			// Not on any path from the start: never in a record.
			stray: choice({ x: 'end' })
		});
		expect(worstCaseCompactLength(module)).toBe(55 + 6 + 2 * 5);
	});

	it('follows every kind of transition: a target, an object, guarded alternatives', () => {
		const module = chart({
			start: { meta: { kind: 'content' }, on: { continue: [{ target: 'a', guard: { type: 'scoreAtLeast', params: { points: 1 } } }, { target: 'b' }] } },
			a: { meta: { kind: 'content' }, on: { continue: { target: 'end' } } },
			b: { meta: { kind: 'quiz', answers: ['x', 'y'], correct: ['x'] }, on: { answer: 'b2' } },
			b2: page('end'),
			end: page()
		});
		expect(worstCaseCompactLength(module)).toBe(55 + 4 + 5);
	});

	it(`stops at ${MAX_COMPACT_PATH} path entries, and counts every decision node when a loop makes the path unbounded`, () => {
		expect(worstCaseCompactLength(chain(400))).toBe(55 + 2 * MAX_COMPACT_PATH);
		const looped = chart({
			start: choice({ again: 'mid', done: 'end' }),
			mid: page('start'),
			end: page(),
			stray: choice({ x: 'end' })
		});
		expect(worstCaseCompactLength(looped)).toBe(55 + MAX_COMPACT_PATH + 2 * 5);
	});

	it('is never below the longest record of a real play-through', () => {
		const demo = scenario;
		let state = demo.start(T0, 2 ** 31 - 1);
		for (const action of [
			{ type: 'continue' },
			{ type: 'continue' },
			{ type: 'choose', option: 'wait' },
			{ type: 'continue' },
			{ type: 'continue' },
			{ type: 'choose', option: 'visit' },
			{ type: 'answer', answers: ['c'] },
			{ type: 'answer', answers: ['a', 'c'] },
			{ type: 'reflect', text: 'x' },
			{ type: 'evaluate', evaluation: { rating: 8, useful: '', better: '' } }
		] satisfies LearnerAction[])
			state = demo.acknowledgeFeedback(demo.apply(state, action, T0), T0);
		state = demo.addTime(state, 366 * 24 * 3600 * 1000);
		const text = demo.encode({ ...state, startedAt: 8.64e15, score: -(36 ** 5) });
		expect(text.length).toBeLessThanOrEqual(worstCaseCompactLength(demo.module));
	});
});
