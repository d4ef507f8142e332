// The analysis record of an instrument and the facilitator's comparison of many.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShipped, MODULES_DIR } from '../../../tests/helpers/load-from-disk';
import { agreementOf, analysisFileName, buildAnalysis, compareAnalyses, comparisonCsv, readAnalysis, type AnalysisRecord } from './analysis';
import { parseCsv } from './csv';
import type { InstrumentAnswer } from '../engine';

const { scenario } = loadShipped('polarisatie-analyse');
const T0 = 1_700_000_000_000;

function textsIn(lang: string) {
	const json = JSON.parse(readFileSync(join(MODULES_DIR, 'polarisatie-analyse', 'locales', `${lang}.json`), 'utf8'));
	const get = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], json);
	return { lang, text: (key: string) => String(get(key) ?? key), has: (key: string) => typeof get(key) === 'string' };
}

/** One participant's finished analysis, with answers that vary by `n`. */
function participant(n: number, lang = 'nl'): AnalysisRecord {
	let s = scenario.start(T0);
	let t = T0;
	const respond = (answer: InstrumentAnswer) => (s = scenario.apply(s, { type: 'respond', answer }, (t += 1000)));
	s = scenario.apply(s, { type: 'continue' }, (t += 1000));
	respond({ fields: { wat: `situatie ${n}` } });
	respond({ selected: n % 2 ? ['online', 'grappen'] : ['online'], other: n === 3 ? 'stickers' : '' });
	respond({ scale: n <= 3 ? 3 : 4 });
	respond({ scale: n === 5 ? null : 3 });
	respond({ fields: { midden: n === 1 ? 'ouders' : '' } });
	respond({ selected: ['midden'], other: '' });
	respond({ fields: {} });
	respond({ fields: {} });
	respond({ fields: {} });
	respond({ plan: [{ item: 'doelgroep', text: '', who: n === 2 ? 'wijkteam' : '', when: '' }, ...(n === 4 ? [{ item: null, text: 'koffie-ochtend', who: 'ik', when: 'mei' }] : [])] });
	return buildAnalysis(scenario, s, textsIn(lang));
}

describe('the analysis record', () => {
	it('holds every instrument step with the words the learner saw and the links back to the e-learning', () => {
		const record = participant(3);
		expect(record.format).toBe('koers-analysis');
		expect(record.module).toEqual({ id: 'polarisatie-analyse', version: '1.0.0', title: 'Analyse-instrument: van polarisatie naar verbinding' });
		expect(record.steps.map((s) => s.node)).toEqual(['situatie', 'signalen', 'spanning', 'richting', 'groepen', 'rollen', 'brandstof', 'belangen', 'geprobeerd', 'acties']);
		const spanning = record.steps.find((s) => s.node === 'spanning')!;
		expect(spanning.scale?.value).toBe(3);
		expect(spanning.scale?.anchors[2]).toBe('Onderhuidse spanning: mensen praten over elkaar in plaats van met elkaar.');
		expect(spanning.learnMore).toContain('#/play/polarisatie-naar-verbinding');
		const signalen = record.steps.find((s) => s.node === 'signalen')!;
		expect(signalen.items?.filter((i) => i.selected).map((i) => i.id)).toEqual(['grappen', 'online']);
		expect(signalen.other).toBe('stickers');
		expect(analysisFileName(record, 0.5)).toMatch(/^polarisatie-analyse-\d{4}-\d\d-\d\d-[0-9a-z]{4}\.json$/);
	});

	it('reads back what it wrote, and says why another file is not an analysis', () => {
		const record = participant(1);
		expect(readAnalysis(JSON.stringify(record))).toEqual({ ok: true, record });
		expect(readAnalysis('{"format":"koers-result"}')).toMatchObject({ ok: false, kind: 'not-analysis' });
		expect(readAnalysis('no json')).toMatchObject({ ok: false, kind: 'not-json' });
		expect(readAnalysis(JSON.stringify({ ...record, version: 99 }))).toMatchObject({ ok: false, kind: 'newer' });
		const damaged = { ...record, steps: [{ ...record.steps[0], fields: [{ id: 'wat', label: 'x', value: 3 }] }] };
		expect(readAnalysis(JSON.stringify(damaged))).toMatchObject({ ok: false, kind: 'invalid' });
	});
});

describe('comparing five analyses', () => {
	const records = [participant(1), participant(2, 'en'), participant(3), participant(4, 'en'), participant(5)];

	it('counts agreement per signal, the spread of the tension, roles and actions, across languages', () => {
		const c = compareAnalyses(records, 'en')!;
		expect(c.participants).toBe(5);
		expect(c.module.title).toBe('Analysis instrument: from polarisation to connection');
		const signals = c.steps.find((s) => s.node === 'signalen')!;
		expect(signals.title).toBe('2. Which signals do you see?');
		expect(signals.items?.[0]).toMatchObject({ id: 'online', count: 5, agreement: 'all' });
		expect(signals.items?.find((i) => i.id === 'grappen')).toMatchObject({ count: 3, agreement: 'most' });
		expect(signals.open).toEqual([{ participant: 3, text: 'stickers' }]);
		const tension = c.steps.find((s) => s.node === 'spanning')!;
		expect(tension.scale).toMatchObject({ counts: [0, 0, 3, 2, 0], min: 3, max: 4, skipped: 0 });
		expect(c.steps.find((s) => s.node === 'richting')!.scale).toMatchObject({ counts: [0, 0, 4], skipped: 1 });
		const actions = c.steps.find((s) => s.node === 'acties')!;
		expect(actions.items?.[0]).toMatchObject({ id: 'doelgroep', count: 5, agreement: 'all', who: [{ participant: 2, text: 'wijkteam' }] });
		expect(actions.open).toEqual([{ participant: 4, text: 'koffie-ochtend · ik · mei' }]);
		const groups = c.steps.find((s) => s.node === 'groepen')!;
		expect(groups.fields?.find((f) => f.id === 'midden')?.answers).toEqual([{ participant: 1, text: 'ouders' }]);
	});

	it('exports one CSV row per participant and answer', () => {
		const rows = parseCsv(comparisonCsv(records, { participant: 'P', step: 'S', question: 'Q', answer: 'A', who: 'W', when: 'T' }));
		expect(rows[0]).toEqual(['P', 'S', 'Q', 'A', 'W', 'T']);
		expect(rows.filter((r) => r[1] === 'spanning').map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
		expect(rows.find((r) => r[0] === '4' && r[3] === 'koffie-ochtend')?.slice(4)).toEqual(['ik', 'mei']);
	});

	it('names agreement in plain steps', () => {
		expect([agreementOf(5, 5), agreementOf(3, 5), agreementOf(2, 5), agreementOf(1, 5), agreementOf(0, 5)]).toEqual(['all', 'most', 'some', 'one', 'none']);
	});
});
