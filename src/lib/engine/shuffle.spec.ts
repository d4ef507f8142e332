import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadShipped } from '../../../tests/helpers/load-from-disk';
import { DEMO_BEST } from '../../../tests/helpers/demo-paths';
import { checkShape } from './saved-state';
import type { ModuleDefinition } from './module-schema';
import { Scenario } from './scenario';
import { isShuffleSeed, newShuffleSeed, seededRandom, shuffledOrder, SEED_LIMIT } from './shuffle';

// Loaded in each test, not while the file is collected: then a mutation run (tests/mutation) knows
// which tests use the loading code and runs only those against its mutants.
let scenario: Scenario;
let module: ModuleDefinition;
beforeEach(() => {
	({ scenario, module } = loadShipped('demo'));
});
const T0 = 1_700_000_000_000;

/** Plays the demo to its first dilemma (first-evening: options talk, buddy, wait). */
function atFirstDilemma(seed?: number) {
	let s = scenario.start(T0, seed);
	s = scenario.apply(s, { type: 'continue' }, T0 + 1);
	return scenario.apply(s, { type: 'continue' }, T0 + 2);
}

describe('shuffled options and answers', () => {
	it('orders every option once, the same way for the same seed, differently across seeds', () => {
		const ids = ['a', 'b', 'c', 'd'];
		const orders = new Set<string>();
		for (let seed = 0; seed < 200; seed++) {
			const order = shuffledOrder(ids, seed, 'node');
			expect([...order].sort()).toEqual(ids);
			expect(shuffledOrder(ids, seed, 'node')).toEqual(order);
			orders.add(order.join(''));
		}
		// 24 orders exist; 200 attempts meet nearly all of them, and the module's own order is not the rule.
		expect(orders.size).toBeGreaterThan(20);
	});

	it('puts the first option first in about a third of attempts, not always (three options)', () => {
		let first = 0;
		for (let seed = 0; seed < 600; seed++) if (shuffledOrder(['talk', 'buddy', 'wait'], seed, 'first-evening')[0] === 'talk') first++;
		expect(first).toBeGreaterThan(140);
		expect(first).toBeLessThan(260);
	});

	it('shows a node in the order of the attempt: stable within it, module order without a seed, pinned with fixedOrder', () => {
		expect(scenario.displayOrder(atFirstDilemma(), 'first-evening')).toEqual(['talk', 'buddy', 'wait']);
		const seen = new Set<string>();
		for (let seed = 1; seed < 40; seed++) {
			const state = atFirstDilemma(seed);
			const order = scenario.displayOrder(state, 'first-evening');
			expect(scenario.displayOrder(state, 'first-evening')).toEqual(order);
			seen.add(order.join(','));
			// quiz-signals pins its order (a scale from weak to strong): never shuffled.
			expect(scenario.displayOrder(state, 'quiz-signals')).toEqual(['c', 'a', 'b']);
		}
		expect(seen.size).toBeGreaterThan(3);
		expect(module.machine.states['quiz-signals'].meta.fixedOrder).toBe(true);
	});

	it('keeps the seed in the saved state through a save and a restore (as after a reload)', () => {
		const state = atFirstDilemma(123_456);
		const order = scenario.displayOrder(state, 'first-evening');
		const restored = scenario.restore(JSON.parse(JSON.stringify(state)));
		expect(restored.ok).toBe(true);
		if (!restored.ok) return;
		expect(restored.state.shuffleSeed).toBe(123_456);
		expect(scenario.displayOrder(restored.state, 'first-evening')).toEqual(order);
	});

	it('keeps the order through the compact form an LMS stores, and reads records without a seed in module order', () => {
		const state = atFirstDilemma(SEED_LIMIT - 1);
		const text = scenario.encode(state);
		const decoded = scenario.decode(text, T0);
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		expect(decoded.state.shuffleSeed).toBe(SEED_LIMIT - 1);
		expect(scenario.displayOrder(decoded.state, 'first-evening')).toEqual(scenario.displayOrder(state, 'first-evening'));
		// A record written before shuffling (nine fields, no seed) still reads, in the module's order.
		const old = scenario.decode(scenario.encode(atFirstDilemma()), T0);
		expect(old.ok && old.state.shuffleSeed).toBe(undefined);
		expect(scenario.encode(atFirstDilemma()).split('~')).toHaveLength(9);
		// A damaged seed is refused, not guessed.
		expect(scenario.decode(`${text.slice(0, text.lastIndexOf('~'))}~zzzzzzz`, T0).ok).toBe(false);
	});

	it('refuses a saved state with a broken seed, and makes valid fresh seeds', () => {
		expect(checkShape({ ...atFirstDilemma(5), shuffleSeed: -1 })).toBe('shuffle seed is broken');
		expect(checkShape({ ...atFirstDilemma(5), shuffleSeed: 1.5 })).toBe('shuffle seed is broken');
		for (let i = 0; i < 20; i++) expect(isShuffleSeed(newShuffleSeed())).toBe(true);
	});
});

describe('the order a stored attempt shows never changes between player versions', () => {
	// A learner who resumes after an update must see the options where they left them: the order
	// is a function of the stored seed, so these values are a promise, not a detail.
	it('draws mulberry32\'s published numbers', () => {
		const random = seededRandom(1);
		expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
	});

	it('orders the same ids at the same node the same way as the first shuffling version', () => {
		expect(shuffledOrder(['a', 'b', 'c', 'd', 'e'], 42, 'node')).toEqual(['a', 'e', 'b', 'd', 'c']);
		expect(shuffledOrder(['a', 'b', 'c', 'd', 'e'], 0, 'x')).toEqual(['e', 'd', 'c', 'b', 'a']);
		expect(shuffledOrder(['a', 'b', 'c', 'd', 'e'], SEED_LIMIT - 1, 'x')).toEqual(['a', 'b', 'd', 'e', 'c']);
		// The node and its ids count too: the same seed orders another node its own way.
		expect(shuffledOrder(['a', 'b', 'c', 'd', 'e'], 42, 'other')).not.toEqual(shuffledOrder(['a', 'b', 'c', 'd', 'e'], 42, 'node'));
		expect(shuffledOrder(['a', 'b'], 1, 'n')).toHaveLength(2);
		expect(shuffledOrder([], 1, 'n')).toEqual([]);
		expect(shuffledOrder(['only'], 1, 'n')).toEqual(['only']);
	});

	it('takes seeds from 0 to 2³¹ − 1 only', () => {
		expect(isShuffleSeed(0)).toBe(true);
		expect(isShuffleSeed(SEED_LIMIT - 1)).toBe(true);
		expect(isShuffleSeed(SEED_LIMIT)).toBe(false);
		expect(isShuffleSeed(-1)).toBe(false);
		expect(isShuffleSeed('5')).toBe(false);
		expect(isShuffleSeed(Number.NaN)).toBe(false);
	});

	it('makes a seed within the limit from the largest random number, and without crypto (an old browser)', () => {
		vi.stubGlobal('crypto', { getRandomValues: (a: Uint32Array) => a.fill(0xffffffff) });
		try {
			expect(newShuffleSeed()).toBe(0xffffffff % SEED_LIMIT);
		} finally {
			vi.unstubAllGlobals();
		}
		vi.stubGlobal('crypto', undefined);
		try {
			const seeds = new Set(Array.from({ length: 20 }, () => newShuffleSeed()));
			for (const seed of seeds) expect(isShuffleSeed(seed)).toBe(true);
			expect(seeds.size).toBeGreaterThan(15);
		} finally {
			vi.unstubAllGlobals();
		}
	});
});

describe('where the learner is, for the words beside the progress bar', () => {
	it('names the chapter begun last on the learner\'s own path, and the step of about how many', () => {
		let s = scenario.start(T0, 1);
		expect(scenario.placeOf(s)).toEqual({ step: 1, total: 11, chapter: { id: 'week-1', number: 1, count: 3 } });
		s = scenario.apply(s, { type: 'continue' }, T0 + 1);
		s = scenario.apply(s, { type: 'continue' }, T0 + 2);
		s = scenario.apply(s, { type: 'choose', option: 'talk' }, T0 + 3);
		// The feedback on first-evening shows: the learner is still at step 3.
		expect(scenario.placeOf(s)).toMatchObject({ step: 3, chapter: { id: 'week-1' } });
		s = scenario.acknowledgeFeedback(s, T0 + 4);
		s = scenario.apply(s, { type: 'continue' }, T0 + 5);
		expect(s.node).toBe('second-visit');
		expect(scenario.placeOf(s)).toMatchObject({ step: 5, chapter: { id: 'week-2', number: 2, count: 3 } });
		// Back over a content page leaves the chapter it began.
		s = scenario.goBack(s, T0 + 6);
		expect(scenario.placeOf(s)).toMatchObject({ step: 4, chapter: { id: 'week-1', number: 1 } });
	});

	it('counts steps without chapters, and at the end the total is the steps taken', () => {
		const plain = { ...module, chapters: undefined };
		const bare = new Scenario(plain);
		let s = bare.start(T0);
		expect(bare.placeOf(s)).toEqual({ step: 1, total: 11 });
		for (const action of DEMO_BEST) s = bare.acknowledgeFeedback(bare.apply(s, action, T0), T0);
		expect(s.completedAt).toBeDefined();
		expect(bare.placeOf(s)).toEqual({ step: 11, total: 11 });
	});
});
