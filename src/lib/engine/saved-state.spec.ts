// A saved state comes back from the device's database or from an LMS, possibly damaged, edited by
// hand, or written by another player version. What a real attempt can produce must read back; a
// record that would break the pages showing it must be refused with a reason the learner's support
// can act on (the player shows it as the detail of "this attempt cannot be read").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkShape, majorOf, newAttemptUid, SAVED_STATE_LIMITS } from './saved-state';

const T0 = 1_700_000_000_000;
/** The latest moment a JavaScript Date can print. */
const LATEST = 8.64e15;

/** A record as the player writes it: at a quiz after a choice, with every optional part present. */
function record(): Record<string, unknown> {
	return {
		format: 1,
		moduleId: 'demo',
		moduleVersion: '1.0.0',
		node: 'quiz',
		path: ['welcome', 'choice', 'quiz'],
		decisions: [{ node: 'choice', answers: ['talk'], points: 2, at: T0 + 5000, latencyMs: 3000 }],
		score: 2,
		reflections: { reflect: 'Eerst luisteren.' },
		evaluation: { rating: 8, useful: 'ja', better: '', aspects: { goals: 4, relevance: 5, load: 3, clarity: 1 } },
		responses: { scan: { scale: 3 }, list: { selected: ['a'], other: 'eigen' }, form: { fields: { naam: 'x' } }, plan: { plan: [{ item: null, text: 'bellen', who: 'ik', when: 'morgen' }] } },
		feedbackPending: false,
		timeMs: 60_000,
		startedAt: T0,
		attemptUid: '0f8c2b5e-1d2a-4c3b-9a8e-7f6d5c4b3a21',
		updatedAt: T0 + 6000,
		nodeEnteredAt: T0 + 6000,
		completedAt: T0 + 9000,
		shuffleSeed: 42
	};
}
const withField = (name: string, value: unknown) => ({ ...record(), [name]: value });
const without = (name: string) => {
	const r = record();
	delete r[name];
	return r;
};
const withDecision = (change: Record<string, unknown>) => withField('decisions', [{ ...(record().decisions as object[])[0], ...change }]);
const withResponse = (answer: unknown) => withField('responses', { scan: answer });
const withEvaluation = (change: Record<string, unknown>) => withField('evaluation', { ...(record().evaluation as object), ...change });

describe('checkShape: what reads back', () => {
	it('reads a full record, and one with only the required fields', () => {
		expect(checkShape(record())).toBeNull();
		const minimal = record();
		for (const optional of ['evaluation', 'responses', 'attemptUid', 'nodeEnteredAt', 'completedAt', 'shuffleSeed']) delete minimal[optional];
		expect(checkShape(minimal)).toBeNull();
	});

	it('reads what a real attempt can reach: limits inclusive', () => {
		const L = SAVED_STATE_LIMITS;
		expect(checkShape(withField('timeMs', 0))).toBeNull();
		expect(checkShape(withField('timeMs', L.timeMs))).toBeNull();
		expect(checkShape(withField('startedAt', 0))).toBeNull();
		expect(checkShape({ ...record(), updatedAt: LATEST, nodeEnteredAt: LATEST, completedAt: LATEST })).toBeNull();
		const path = [...Array.from({ length: L.pathLength - 1 }, () => 'welcome'), 'quiz'];
		expect(checkShape(withField('path', path))).toBeNull();
		const decision = (record().decisions as object[])[0];
		expect(checkShape(withField('decisions', Array.from({ length: L.pathLength }, () => decision)))).toBeNull();
		expect(checkShape(withDecision({ answers: Array.from({ length: L.answersPerDecision }, (_, i) => `a${i}`) }))).toBeNull();
		expect(checkShape(withDecision({ latencyMs: 0, at: 0 }))).toBeNull();
		// Decisions restored from an LMS's compact copy may lack their time fields.
		expect(checkShape(withField('decisions', [{ node: 'choice', answers: ['talk'], points: -3 }]))).toBeNull();
		const reflections = Object.fromEntries(Array.from({ length: L.reflections }, (_, i) => [`r${i}`, '']));
		expect(checkShape(withField('reflections', reflections))).toBeNull();
		expect(checkShape(withField('reflections', { reflect: 'x'.repeat(L.textLength) }))).toBeNull();
		expect(checkShape(withField('score', -4))).toBeNull();
	});

	it('reads an evaluation without a rating, and aspects from 1 to 5', () => {
		expect(checkShape(withEvaluation({ rating: null }))).toBeNull();
		// Evaluations saved before the aspects were asked have none.
		expect(checkShape(withField('evaluation', { rating: 7, useful: '', better: '' }))).toBeNull();
		expect(checkShape(withEvaluation({ aspects: { goals: 1, clarity: 5 } }))).toBeNull();
		expect(checkShape(withEvaluation({ aspects: {} }))).toBeNull();
		expect(checkShape(withEvaluation({ useful: 'x'.repeat(SAVED_STATE_LIMITS.textLength) }))).toBeNull();
	});

	it('reads attempt ids of 8 to 64 hexadecimal digits and dashes, in either case', () => {
		expect(checkShape(withField('attemptUid', '0123abcd'))).toBeNull();
		expect(checkShape(withField('attemptUid', 'ABCDEF01-2345'))).toBeNull();
		expect(checkShape(withField('attemptUid', 'f'.repeat(64)))).toBeNull();
	});

	it('reads every kind of instrument answer, within the limits', () => {
		expect(checkShape(withResponse({ scale: null }))).toBeNull();
		expect(checkShape(withResponse({}))).toBeNull();
		expect(checkShape(withResponse({ selected: Array.from({ length: 100 }, (_, i) => `i${i}`), other: 'x'.repeat(20_000) }))).toBeNull();
		const action = { item: 'a', text: '', who: '', when: '' };
		expect(checkShape(withResponse({ plan: Array.from({ length: 100 }, () => action) }))).toBeNull();
		expect(checkShape(withField('responses', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`n${i}`, {}]))))).toBeNull();
	});
});

describe('checkShape: what is refused, and why', () => {
	it('refuses what is not a record', () => {
		for (const value of [null, undefined, 'K1~abc', 42, true]) expect(checkShape(value)).toBe('not an object');
	});

	it('refuses a record of an unreadable format', () => {
		expect(checkShape(without('format'))).toBe('no format number');
		expect(checkShape(withField('format', '1'))).toBe('no format number');
		expect(checkShape(withField('format', NaN))).toBe('no format number');
		expect(checkShape(withField('format', 2))).toBe('format 2 is not readable by this player');
		expect(checkShape(withField('format', 1.5))).toBe('format 1.5 is not readable by this player');
		expect(checkShape(withField('format', 0))).toBe('format 0 is not readable by this player');
	});

	it('refuses a record without its module, version or node', () => {
		for (const name of ['moduleId', 'moduleVersion', 'node']) {
			expect(checkShape(without(name))).toBe('module or node missing');
			expect(checkShape(withField(name, 1))).toBe('module or node missing');
		}
	});

	it('refuses a path that is not a list of node ids ending where the learner is', () => {
		expect(checkShape(withField('path', 'welcome,quiz'))).toBe('path is broken');
		expect(checkShape(withField('path', ['welcome', 3, 'quiz']))).toBe('path is broken');
		expect(checkShape(withField('path', ['quiz', 'welcome']))).toBe('path is broken');
		expect(checkShape(withField('path', []))).toBe('path is broken');
	});

	it('refuses broken decisions', () => {
		expect(checkShape(without('decisions'))).toBe('decisions missing');
		expect(checkShape(withField('decisions', [null]))).toBe('a decision is broken');
		expect(checkShape(withField('decisions', ['choice']))).toBe('a decision is broken');
		// A database record (structured clone, not JSON) can hold undefined in a list.
		expect(checkShape(withField('decisions', [undefined]))).toBe('a decision is broken');
		expect(checkShape(withDecision({ node: 7 }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ answers: 'talk' }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ answers: ['talk', 2] }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ points: '2' }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ points: Infinity }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ answers: Array.from({ length: 101 }, (_, i) => `a${i}`) }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ at: -1 }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ at: LATEST + 1 }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ latencyMs: -1 }))).toBe('a decision is broken');
		expect(checkShape(withDecision({ latencyMs: 'soon' }))).toBe('a decision is broken');
	});

	it('refuses numbers that are missing, not finite, or negative time', () => {
		expect(checkShape(withField('score', 'lots'))).toBe('numbers are broken');
		expect(checkShape(withField('score', NaN))).toBe('numbers are broken');
		expect(checkShape(withField('timeMs', -1))).toBe('numbers are broken');
		expect(checkShape(without('timeMs'))).toBe('numbers are broken');
		expect(checkShape(without('startedAt'))).toBe('numbers are broken');
		expect(checkShape(withField('updatedAt', Infinity))).toBe('numbers are broken');
	});

	it('refuses reflections that are not texts, too many or too long', () => {
		expect(checkShape(withField('reflections', null))).toBe('reflections are broken');
		expect(checkShape(withField('reflections', 'Eerst luisteren.'))).toBe('reflections are broken');
		expect(checkShape(withField('reflections', { reflect: 4 }))).toBe('reflections are broken');
		expect(checkShape(withField('reflections', { reflect: 'x'.repeat(SAVED_STATE_LIMITS.textLength + 1) }))).toBe('reflections are broken');
		const many = Object.fromEntries(Array.from({ length: SAVED_STATE_LIMITS.reflections + 1 }, (_, i) => [`r${i}`, '']));
		expect(checkShape(withField('reflections', many))).toBe('reflections are broken');
	});

	it('refuses a feedback flag, attempt id or shuffle seed of the wrong kind', () => {
		expect(checkShape(withField('feedbackPending', 'no'))).toBe('feedback flag is broken');
		expect(checkShape(without('feedbackPending'))).toBe('feedback flag is broken');
		for (const uid of [42, '0123abc', 'f'.repeat(65), '0123abcg', ' 0123abcd', '0123abcd '])
			expect(checkShape(withField('attemptUid', uid)), String(uid)).toBe('attempt id is broken');
		expect(checkShape(withField('shuffleSeed', 2 ** 31))).toBe('shuffle seed is broken');
	});

	it('refuses dates a Date cannot hold', () => {
		expect(checkShape(withField('startedAt', -1))).toBe('a date is out of range');
		expect(checkShape(withField('updatedAt', LATEST + 1))).toBe('a date is out of range');
		expect(checkShape(withField('nodeEnteredAt', -1))).toBe('a date is out of range');
		expect(checkShape(withField('nodeEnteredAt', 'now'))).toBe('a date is out of range');
		expect(checkShape(withField('completedAt', LATEST + 1))).toBe('the completion date is broken');
		expect(checkShape(withField('completedAt', null))).toBe('the completion date is broken');
	});

	it('refuses more time or steps than any attempt has', () => {
		expect(checkShape(withField('timeMs', SAVED_STATE_LIMITS.timeMs + 1))).toBe('the time spent is out of range');
		const path = [...Array.from({ length: SAVED_STATE_LIMITS.pathLength }, () => 'welcome'), 'quiz'];
		expect(checkShape(withField('path', path))).toBe('the path is too long');
		const decision = (record().decisions as object[])[0];
		expect(checkShape(withField('decisions', Array.from({ length: SAVED_STATE_LIMITS.pathLength + 1 }, () => decision)))).toBe('the path is too long');
	});

	it('refuses a broken evaluation', () => {
		const broken = 'the evaluation is broken';
		expect(checkShape(withField('evaluation', null))).toBe(broken);
		expect(checkShape(withField('evaluation', 'goed'))).toBe(broken);
		expect(checkShape(withEvaluation({ rating: 'tien' }))).toBe(broken);
		expect(checkShape(withEvaluation({ rating: undefined }))).toBe(broken);
		expect(checkShape(withEvaluation({ useful: 3 }))).toBe(broken);
		expect(checkShape(withEvaluation({ better: 'x'.repeat(SAVED_STATE_LIMITS.textLength + 1) }))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: null }))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: 4 }))).toBe(broken);
		expect(checkShape(withField('evaluation', 8))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: { fun: 3 } }))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: { goals: 0 } }))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: { goals: 6 } }))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: { goals: 2.5 } }))).toBe(broken);
		expect(checkShape(withEvaluation({ aspects: { goals: '4' } }))).toBe(broken);
	});

	it('refuses broken instrument answers', () => {
		const broken = 'the instrument answers are broken';
		expect(checkShape(withField('responses', null))).toBe(broken);
		expect(checkShape(withField('responses', [{ scale: 3 }]))).toBe(broken);
		expect(checkShape(withField('responses', 'scale=3'))).toBe(broken);
		// One broken answer among good ones.
		expect(checkShape(withField('responses', { a: { scale: 3 }, b: { scale: 'drie' } }))).toBe(broken);
		expect(checkShape(withField('responses', Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`n${i}`, {}]))))).toBe(broken);
		for (const answer of [
			null,
			3,
			{ scale: '3' },
			{ selected: 'a' },
			{ selected: [1] },
			{ selected: ['a', 1] },
			{ selected: Array.from({ length: 101 }, (_, i) => `i${i}`) },
			{ other: 5 },
			{ other: 'x'.repeat(20_001) },
			{ fields: null },
			{ fields: 'naam' },
			{ fields: { naam: 5 } },
			{ fields: { naam: 'x', rol: 5 } },
			{ plan: 'bellen' },
			{ plan: Array.from({ length: 101 }, () => ({ item: null, text: '', who: '', when: '' })) },
			{ plan: [null] },
			{ plan: [undefined] },
			{ plan: ['bellen'] },
			{ plan: [{ item: 3, text: '', who: '', when: '' }] },
			{ plan: [{ item: null, text: 3, who: '', when: '' }] },
			{ plan: [{ item: null, text: '', who: 'x'.repeat(20_001), when: '' }] },
			{ plan: [{ item: null, text: '', who: '', when: undefined }] }
		])
			expect(checkShape(withResponse(answer)), JSON.stringify(answer)?.slice(0, 60)).toBe(broken);
	});
});

describe('majorOf', () => {
	it('is the part of a version before the first dot', () => {
		expect(majorOf('1.4.2')).toBe('1');
		expect(majorOf('12.0.0')).toBe('12');
	});
});

describe('newAttemptUid', () => {
	const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
	afterEach(() => vi.unstubAllGlobals());

	it('is a random version 4 UUID', () => {
		const ids = Array.from({ length: 50 }, newAttemptUid);
		for (const id of ids) expect(id).toMatch(V4);
		expect(new Set(ids).size).toBe(50);
	});

	it('is one too on a page without crypto.randomUUID (plain http), from the same random source', () => {
		const real = globalThis.crypto;
		// What a browser offers a plain-http page: getRandomValues, no randomUUID.
		vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => real.getRandomValues(bytes) });
		const ids = Array.from({ length: 200 }, newAttemptUid);
		for (const id of ids) {
			expect(id).toMatch(V4);
			expect(checkShape(withField('attemptUid', id))).toBeNull();
		}
		expect(new Set(ids).size).toBe(200);
		// Every hexadecimal digit turns up in the random parts.
		expect(new Set(ids.join('').replace(/-/g, '')).size).toBe(16);
	});
});
