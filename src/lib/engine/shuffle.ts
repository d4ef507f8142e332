/**
 * Per-attempt shuffling of options and quiz answers. An attempt keeps one random seed in its saved
 * state; the order at a node is a pure function of that seed, the node id and the node's ids, so it
 * is the same after a reload, a resume from an LMS and on a revisit, and needs no more room in the
 * saved state than the seed itself.
 */

/** A 32-bit FNV-1a hash, to mix the seed with the node id. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/** mulberry32: a small, well-spread generator of numbers in [0, 1). Also the scripted test learner's dice. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Largest seed (exclusive): seeds are whole numbers from 0 to 2³¹ − 1, at most six base-36 digits. */
export const SEED_LIMIT = 2 ** 31;

export function isShuffleSeed(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < SEED_LIMIT;
}

/** A fresh seed for a new attempt. */
export function newShuffleSeed(): number {
	const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
	if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(new Uint32Array(1))[0] % SEED_LIMIT;
	return Math.floor(Math.random() * SEED_LIMIT);
}

/** The ids in the order this attempt shows them at `nodeId` (Fisher–Yates, seeded). */
export function shuffledOrder(ids: readonly string[], seed: number, nodeId: string): string[] {
	const order = [...ids];
	const random = seededRandom(hash(`${seed}:${nodeId}:${ids.join(',')}`));
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}
