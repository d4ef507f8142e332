import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModule, type SavedState } from '$lib/engine';
import type { CatalogueEntry, ModuleSource } from '$lib/content/module-source';
import { I18n, type LanguageMemory } from '$lib/i18n/i18n.svelte';
import { MemoryProgressRepository, type AttemptRecord } from '$lib/storage/progress-repository';
import { MODULES_DIR, readModuleFiles } from '../../../tests/helpers/load-from-disk';
import { demo, demoActions, play, T0 } from '../../../tests/results/fixtures';
import { AttemptResults } from './attempt-results.svelte';
import { validateResultRecord } from './result-record';

const memory: LanguageMemory = { load: () => null, save: () => {}, clear: () => {} };
const demoFiles = readModuleFiles(join(MODULES_DIR, 'demo'));
const source: ModuleSource = {
	catalogue: async () => [] as CatalogueEntry[],
	load: async (id) => (id === 'demo' ? loadModule(demoFiles) : id === 'polarisatie-analyse' ? loadModule(readModuleFiles(join(MODULES_DIR, id))) : { ok: false, issues: [] }),
	fileUrl: (id, path) => `modules/${id}/${path}`
};
const best = { first: 'talk', second: 'ask', signals: ['b'], approaches: ['a', 'c'], rating: 9 } as const;
const poor = { first: 'wait', second: 'leave', signals: ['a'], approaches: ['b'] } as const;

function row(state: SavedState, status: AttemptRecord['status'] = state.completedAt ? 'completed' : 'active'): AttemptRecord {
	const summary = demo().scenario.scoreOf(state);
	return { moduleId: 'demo', moduleVersion: state.moduleVersion, status, state, progress: 1, percent: summary.percent, passed: summary.passed, startedAt: state.startedAt, updatedAt: state.updatedAt, completedAt: state.completedAt };
}

async function setup(rows: AttemptRecord[]) {
	const repository = new MemoryProgressRepository({ persistent: true });
	const ids = [];
	for (const r of rows) ids.push(await repository.save(r));
	const i18n = new I18n(memory);
	return { results: new AttemptResults({ source, repository, i18n, now: () => T0 + 86_400_000 }), i18n, ids };
}

describe('AttemptResults', () => {
	it('shows the newest finished attempt and lists the others', async () => {
		const older = play(demo(), demoActions(poor), T0);
		const newer = play(demo(), demoActions(best), T0 + 3_600_000);
		const { results, ids } = await setup([row(older), row(newer)]);
		await results.open('demo');
		expect(results.view.kind).toBe('ready');
		expect(results.attempts.map((a) => a.id)).toEqual([ids[1], ids[0]]);
		expect(results.record).toMatchObject({ score: { percent: 100, passed: true }, module: { language: 'nl' } });
		await results.open('demo', String(ids[0]));
		expect(results.record?.score).toMatchObject({ percent: 0, passed: false });
	});

	it('says when there is no finished attempt, and whether one is under way', async () => {
		const { results } = await setup([row(play(demo(), demoActions(best).slice(0, 3)))]);
		await results.open('demo');
		expect(results.view).toEqual({ kind: 'none', inProgress: true });
		await results.open('demo', '999');
		expect(results.view.kind).toBe('not-found');
	});

	it('leaves out attempts of another major version, which this module cannot describe', async () => {
		const old = { ...play(demo(), demoActions(best)), moduleVersion: '0.9.0' };
		const { results } = await setup([{ ...row(old), moduleVersion: '0.9.0' }]);
		await results.open('demo');
		expect(results.view).toEqual({ kind: 'none', inProgress: false });
	});

	it('gives an instrument no score, pass or certificate, and points to the analysis', async () => {
		const { results } = await setup([]);
		await results.open('polarisatie-analyse');
		expect(results.view.kind).toBe('instrument');
		expect(results.record).toBeNull();
	});

	it('says when the module cannot be loaded', async () => {
		const { results } = await setup([]);
		await results.open('gone');
		expect(results.view.kind).toBe('module-problem');
	});

	it('makes the files in the learner\u2019s language, with their name', async () => {
		const { results, i18n } = await setup([row(play(demo(), demoActions(best)))]);
		await i18n.setLanguage('en');
		await results.open('demo');
		const json = results.recordFile('Sam Taylor');
		expect(json.name).toBe('result-demo-2026-11-02-sam-taylor.json');
		const record = JSON.parse(json.data as string);
		expect(validateResultRecord(record).ok).toBe(true);
		expect(record).toMatchObject({ learner: { name: 'Sam Taylor' }, module: { title: 'Example module: a new visitor', language: 'en' } });
		const certificate = results.certificate('Sam Taylor');
		expect(certificate).toMatchObject({ title: 'Certificate', name: 'Sam Taylor', module: { title: 'Example module: a new visitor', lang: 'en' } });
		expect(certificate.documentTitle).toBe('Certificate: Example module: a new visitor – Sam Taylor');
		expect(() => results.certificate('  ')).toThrow(/name/);
	});
});
