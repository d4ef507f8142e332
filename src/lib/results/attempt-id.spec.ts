// Attempt ids: two learners who start a module in the same millisecond are two attempts, in their
// result files and in the trainer's overview. Files from before the random id still read.
import { describe, expect, it } from 'vitest';
import { demo, demoActions, demoRecord, play, T0, textsOf } from '../../../tests/results/fixtures';
import { DEMO_BEST_CHOICES, DEMO_WORST_CHOICES } from '../../../tests/helpers/demo-paths';
import { newAttemptUid } from '../engine';
import { analyseGroup, labelsFromScenario, readFiles } from './group';
import { attemptId, buildResultRecord } from './result-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('attempt ids', () => {
	const loaded = demo();
	const texts = textsOf(loaded, 'nl');

	it('differ for two attempts started in the same millisecond, and the trainer view keeps both results', () => {
		const anna = demoRecord(DEMO_BEST_CHOICES, { start: T0, name: 'Anna' });
		const bram = demoRecord(DEMO_WORST_CHOICES, { start: T0, name: 'Bram' });
		expect(anna.attempt.startedAt).toBe(bram.attempt.startedAt);
		expect(anna.attempt.id).not.toBe(bram.attempt.id);

		const files = [anna, bram].map((r, i) => ({ name: `resultaat-${i + 1}.json`, text: JSON.stringify(r) }));
		const { overview, problems } = analyseGroup(readFiles(files), { labels: labelsFromScenario(loaded.scenario, texts) });
		expect(problems).toEqual([]);
		expect(overview!.total).toBe(2);
		expect(overview!.participants.map((p) => p.name).sort()).toEqual(['Anna', 'Bram']);
	});

	it('stay the same for the same attempt, every time its file is made', () => {
		const state = play(loaded, demoActions({ first: 'talk', second: 'ask', signals: ['b'], approaches: ['a'] }).slice(0, 4));
		expect(state.attemptUid).toMatch(UUID);
		const first = buildResultRecord(loaded.scenario, state, texts, { now: T0 + 1000 });
		const again = buildResultRecord(loaded.scenario, structuredClone(state), texts, { now: T0 + 9000 });
		expect(first.attempt.id).toBe(`demo-${state.attemptUid}`);
		expect(again.attempt.id).toBe(first.attempt.id);
	});

	it('of attempts saved before the random id are made from the start time, as before', () => {
		const state = play(loaded, demoActions({ first: 'talk', second: 'ask', signals: ['b'], approaches: ['a'] }).slice(0, 2));
		delete state.attemptUid;
		expect(loaded.scenario.restore(state).ok).toBe(true);
		expect(buildResultRecord(loaded.scenario, state, texts).attempt.id).toBe(`demo-${T0.toString(36)}`);
		expect(attemptId('demo', T0)).toBe(`demo-${T0.toString(36)}`);
	});

	it('are random UUIDs also where crypto.randomUUID is missing (a page on plain http)', () => {
		const randomUUID = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis.crypto), 'randomUUID')!;
		Object.defineProperty(Object.getPrototypeOf(globalThis.crypto), 'randomUUID', { value: undefined, configurable: true });
		try {
			const ids = new Set(Array.from({ length: 100 }, () => newAttemptUid()));
			expect(ids.size).toBe(100);
			for (const id of ids) expect(id).toMatch(UUID);
		} finally {
			Object.defineProperty(Object.getPrototypeOf(globalThis.crypto), 'randomUUID', randomUUID);
		}
	});
});
