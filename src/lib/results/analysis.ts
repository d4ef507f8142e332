/**
 * The analysis an instrument module produces (module.json `instrument: true`): the learner's
 * answers at every instrument step and reflection, with the words they saw, as one record. The
 * end page and its print show it; the JSON file is the same record; a facilitator's session page
 * reads many of them and sets them side by side (`compareAnalyses`). Pure: no DOM.
 */
import { INSTRUMENT_KINDS, scaleSteps, type SavedState, type Scenario } from '../engine';
import { toCsv, type Cell } from './csv';
import { plainText } from './plain-text';

export const ANALYSIS_FORMAT = 'koers-analysis';
export const ANALYSIS_VERSION = 1;

/** The words of the module in the learner's language. */
export interface AnalysisTexts {
	lang: string;
	text(key: string): string;
	has(key: string): boolean;
}

export interface AnalysisStep {
	node: string;
	kind: 'scale' | 'checklist' | 'fields' | 'actionplan' | 'reflection';
	title: string;
	/** Where the e-learning explains the idea behind this step (markdown, as the module wrote it). */
	learnMore?: string;
	/** scale: the point chosen (null: skipped), out of `steps`, and the anchor of every point. */
	scale?: { value: number | null; steps: number; anchors: string[] };
	/** checklist: every item with whether it was ticked, and the own answer. */
	items?: { id: string; label: string; selected: boolean }[];
	other?: string;
	/** fields: every field with its answer. */
	fields?: { id: string; label: string; value: string }[];
	/** actionplan: the chosen actions, each with who and by when (`item` null: the learner's own). */
	plan?: { item: string | null; label: string; who: string; when: string }[];
	/** reflection: the text. */
	text?: string;
}

export interface AnalysisRecord {
	format: typeof ANALYSIS_FORMAT;
	version: number;
	module: { id: string; version: string; title: string };
	lang: string;
	completedAt: string;
	steps: AnalysisStep[];
}

/** Builds the record of a finished (or unfinished) attempt, in the steps' order on the learner's path. */
export function buildAnalysis(scenario: Scenario, state: SavedState, texts: AnalysisTexts): AnalysisRecord {
	const steps: AnalysisStep[] = [];
	const seen = new Set<string>();
	for (const node of state.path) {
		if (seen.has(node)) continue;
		seen.add(node);
		const meta = scenario.meta(node);
		const kind = meta.kind;
		if (kind !== 'reflection' && !INSTRUMENT_KINDS.includes(kind)) continue;
		const key = `nodes.${node}`;
		const step: AnalysisStep = { node, kind: kind as AnalysisStep['kind'], title: texts.text(`${key}.title`) };
		if (texts.has(`${key}.learnMore`)) step.learnMore = texts.text(`${key}.learnMore`);
		const answer = state.responses?.[node];
		if (kind === 'reflection') step.text = state.reflections[node] ?? '';
		if (kind === 'scale') {
			const value = answer?.scale ?? null;
			step.scale = { value, steps: scaleSteps(meta), anchors: Array.from({ length: scaleSteps(meta) }, (_, i) => plainText(texts.text(`${key}.anchors.${i + 1}`))) };
		}
		if (kind === 'checklist') {
			step.items = (meta.items ?? []).map((id) => ({ id, label: plainText(texts.text(`${key}.items.${id}`)), selected: !!answer?.selected?.includes(id) }));
			if (meta.other) step.other = answer?.other ?? '';
		}
		if (kind === 'fields') step.fields = (meta.fields ?? []).map((id) => ({ id, label: texts.text(`${key}.fields.${id}.label`), value: answer?.fields?.[id] ?? '' }));
		if (kind === 'actionplan')
			step.plan = (answer?.plan ?? []).map((a) => ({ item: a.item, label: a.item === null ? a.text : plainText(texts.text(`${key}.items.${a.item}`)), who: a.who, when: a.when }));
		steps.push(step);
	}
	return {
		format: ANALYSIS_FORMAT,
		version: ANALYSIS_VERSION,
		module: { id: scenario.module.id, version: scenario.module.version, title: texts.text(scenario.module.title) },
		lang: texts.lang,
		completedAt: new Date(state.completedAt ?? state.updatedAt).toISOString(),
		steps
	};
}

/** The file name for a record: module, date, and a short random part so five files never clash. */
export function analysisFileName(record: AnalysisRecord, random = Math.random()): string {
	return `${record.module.id}-${record.completedAt.slice(0, 10)}-${Math.floor(random * 36 ** 4).toString(36).padStart(4, '0')}.json`;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a dropped file; a clear reason (in English, for support) when it is not an analysis. */
export function readAnalysis(text: string): { ok: true; record: AnalysisRecord } | { ok: false; kind: 'not-json' | 'not-analysis' | 'newer' | 'invalid'; detail: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, kind: 'not-json', detail: (e as Error).message };
	}
	if (!isObject(json) || json.format !== ANALYSIS_FORMAT) return { ok: false, kind: 'not-analysis', detail: 'format is not "koers-analysis"' };
	if (typeof json.version !== 'number' || json.version > ANALYSIS_VERSION) return { ok: false, kind: 'newer', detail: `version ${String(json.version)}` };
	const m = json.module;
	if (!isObject(m) || !isString(m.id) || !isString(m.version) || !isString(m.title) || !isString(json.lang) || !isString(json.completedAt) || !Array.isArray(json.steps))
		return { ok: false, kind: 'invalid', detail: 'module, lang, completedAt or steps missing' };
	for (const [i, s] of (json.steps as unknown[]).entries()) {
		if (!isObject(s) || !isString(s.node) || !isString(s.kind) || !isString(s.title)) return { ok: false, kind: 'invalid', detail: `step ${i} has no node, kind or title` };
		const bad =
			(s.scale !== undefined && (!isObject(s.scale) || !(s.scale.value === null || typeof s.scale.value === 'number') || typeof s.scale.steps !== 'number' || !Array.isArray(s.scale.anchors) || !s.scale.anchors.every(isString))) ||
			(s.items !== undefined && (!Array.isArray(s.items) || !s.items.every((x) => isObject(x) && isString(x.id) && isString(x.label) && typeof x.selected === 'boolean'))) ||
			(s.other !== undefined && !isString(s.other)) ||
			(s.text !== undefined && !isString(s.text)) ||
			(s.fields !== undefined && (!Array.isArray(s.fields) || !s.fields.every((x) => isObject(x) && isString(x.id) && isString(x.label) && isString(x.value)))) ||
			(s.plan !== undefined && (!Array.isArray(s.plan) || !s.plan.every((x) => isObject(x) && (x.item === null || isString(x.item)) && isString(x.label) && isString(x.who) && isString(x.when))));
		if (bad) return { ok: false, kind: 'invalid', detail: `step "${s.node}" is damaged` };
	}
	return { ok: true, record: json as unknown as AnalysisRecord };
}

/** How many of the group share an answer: everyone, most (more than half), some, or one. */
export type Agreement = 'all' | 'most' | 'some' | 'one' | 'none';
export function agreementOf(count: number, of: number): Agreement {
	if (count === 0) return 'none';
	if (count === of) return 'all';
	if (count * 2 > of) return 'most';
	return count === 1 ? 'one' : 'some';
}

/** An open answer with the participant it came from (a number, never a name). */
export interface OpenAnswer {
	participant: number;
	text: string;
}

export interface ComparedStep {
	node: string;
	kind: AnalysisStep['kind'];
	title: string;
	learnMore?: string;
	/** How many participants answered this step. */
	answered: number;
	/** scale: how many chose each point (index 0 is point 1), the anchors, the lowest and highest point chosen. */
	scale?: { steps: number; counts: number[]; anchors: string[]; min: number | null; max: number | null; skipped: number };
	/** checklist and actionplan: per listed item, how many chose it (most first). */
	items?: { id: string; label: string; count: number; agreement: Agreement; who: OpenAnswer[] }[];
	/** checklist "other", reflections, own actions: the open answers. */
	open?: OpenAnswer[];
	/** fields: the answers per field. */
	fields?: { id: string; label: string; answers: OpenAnswer[] }[];
}

export interface Comparison {
	module: { id: string; title: string; versions: string[] };
	participants: number;
	steps: ComparedStep[];
	/** Files of another module than the first one read (left out). */
	otherModules: string[];
}

/**
 * Sets the analyses of one module side by side. Steps are matched by node id, so analyses written
 * in Dutch and English compare; labels are taken from a record in `lang` when there is one.
 */
export function compareAnalyses(records: AnalysisRecord[], lang: string): Comparison | null {
	if (!records.length) return null;
	const moduleId = records[0].module.id;
	const same = records.filter((r) => r.module.id === moduleId);
	const labelled = same.find((r) => r.lang === lang) ?? same[0];
	const order: string[] = [];
	const byNode = new Map<string, { participant: number; step: AnalysisStep }[]>();
	same.forEach((record, i) => {
		for (const step of record.steps) {
			if (!byNode.has(step.node)) (byNode.set(step.node, []), order.push(step.node));
			byNode.get(step.node)!.push({ participant: i + 1, step });
		}
	});
	// The labelled record's order first, then steps only others have.
	const labelledOrder = labelled.steps.map((s) => s.node);
	order.sort((a, b) => (labelledOrder.includes(a) ? labelledOrder.indexOf(a) : 1e6) - (labelledOrder.includes(b) ? labelledOrder.indexOf(b) : 1e6));
	const steps = order.map((node) => {
		const entries = byNode.get(node)!;
		const label = labelled.steps.find((s) => s.node === node) ?? entries[0].step;
		const compared: ComparedStep = { node, kind: label.kind, title: label.title, answered: entries.length, ...(label.learnMore ? { learnMore: label.learnMore } : {}) };
		const n = same.length;
		if (label.kind === 'scale') {
			const stepsCount = label.scale?.steps ?? 5;
			const counts = Array.from({ length: stepsCount }, () => 0);
			const values = entries.map((e) => e.step.scale?.value ?? null).filter((v): v is number => v !== null && v >= 1 && v <= stepsCount);
			for (const v of values) counts[v - 1]++;
			const anchors = Array.from({ length: stepsCount }, (_, i) => label.scale?.anchors[i] ?? '');
			compared.scale = { steps: stepsCount, counts, anchors, min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null, skipped: entries.length - values.length };
		}
		if (label.kind === 'checklist' || label.kind === 'actionplan') {
			const ids = label.kind === 'checklist' ? (label.items ?? []).map((x) => ({ id: x.id, label: x.label })) : [];
			if (label.kind === 'actionplan')
				for (const e of entries) for (const a of e.step.plan ?? []) if (a.item !== null && !ids.some((x) => x.id === a.item)) ids.push({ id: a.item, label: labelled.steps.find((s) => s.node === node)?.plan?.find((p) => p.item === a.item)?.label ?? a.label });
			compared.items = ids
				.map(({ id, label: itemLabel }) => {
					const chosen = entries.filter((e) => (label.kind === 'checklist' ? e.step.items?.some((x) => x.id === id && x.selected) : e.step.plan?.some((a) => a.item === id)));
					const who = label.kind === 'actionplan' ? chosen.map((e) => { const a = e.step.plan!.find((p) => p.item === id)!; return { participant: e.participant, text: [a.who, a.when].filter(Boolean).join(' · ') }; }).filter((w) => w.text) : [];
					return { id, label: itemLabel, count: chosen.length, agreement: agreementOf(chosen.length, n), who };
				})
				.sort((a, b) => b.count - a.count);
			compared.open =
				label.kind === 'checklist'
					? entries.filter((e) => e.step.other?.trim()).map((e) => ({ participant: e.participant, text: e.step.other!.trim() }))
					: entries.flatMap((e) => (e.step.plan ?? []).filter((a) => a.item === null).map((a) => ({ participant: e.participant, text: [a.label, a.who, a.when].filter(Boolean).join(' · ') })));
		}
		if (label.kind === 'fields')
			compared.fields = (label.fields ?? []).map((f) => ({ id: f.id, label: f.label, answers: entries.map((e) => ({ participant: e.participant, text: e.step.fields?.find((x) => x.id === f.id)?.value.trim() ?? '' })).filter((a) => a.text) }));
		if (label.kind === 'reflection') compared.open = entries.filter((e) => e.step.text?.trim()).map((e) => ({ participant: e.participant, text: e.step.text!.trim() }));
		return compared;
	});
	return {
		module: { id: moduleId, title: labelled.module.title, versions: [...new Set(same.map((r) => r.module.version))] },
		participants: same.length,
		steps,
		otherModules: [...new Set(records.filter((r) => r.module.id !== moduleId).map((r) => r.module.title))]
	};
}

/** The group's picture as CSV: one row per participant and answer, so a spreadsheet can pivot it. */
export function comparisonCsv(records: AnalysisRecord[], header: { participant: string; step: string; question: string; answer: string; who: string; when: string }): string {
	const rows: Cell[][] = [[header.participant, header.step, header.question, header.answer, header.who, header.when]];
	const moduleId = records[0]?.module.id;
	records.filter((r) => r.module.id === moduleId).forEach((record, i) => {
		const p = i + 1;
		for (const s of record.steps) {
			if (s.scale) rows.push([p, s.node, s.title, s.scale.value === null ? '' : `${s.scale.value}/${s.scale.steps} ${s.scale.anchors[s.scale.value - 1] ?? ''}`, '', '']);
			for (const item of s.items ?? []) if (item.selected) rows.push([p, s.node, s.title, item.label, '', '']);
			if (s.other) rows.push([p, s.node, s.title, s.other, '', '']);
			for (const f of s.fields ?? []) if (f.value) rows.push([p, s.node, `${s.title}: ${f.label}`, f.value, '', '']);
			for (const a of s.plan ?? []) rows.push([p, s.node, s.title, a.label, a.who, a.when]);
			if (s.text) rows.push([p, s.node, s.title, s.text, '', '']);
		}
	});
	return toCsv(rows);
}
