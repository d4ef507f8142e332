/**
 * The trainer's group overview: reads many result files, sets aside the ones that do not belong
 * (broken, another module, another major version, the same attempt twice) with the reason, and
 * counts the rest: who finished and passed, scores and times, how the group chose at every
 * dilemma, and the evaluation. Pure (no DOM): the trainer page reads files and renders this.
 */
import { wholeMinutes } from './duration';
import { EVALUATION_ASPECTS, type EvaluationAspect } from '../engine/saved-state';
import { majorOf, normaliseTransitions, pointsOf, type Scenario } from '../engine';
import { toCsv, type Cell } from './csv';
import { plainText } from './plain-text';
import { readResultFile, type RecordTexts, type ResultRecord } from './result-record';

/** A file as the trainer dropped it. */
export interface DroppedFile {
	name: string;
	text: string;
}

export type ProblemKind = 'not-json' | 'not-result' | 'newer' | 'invalid' | 'too-big' | 'other-module' | 'other-version' | 'duplicate';

export interface FileProblem {
	file: string;
	kind: ProblemKind;
	/** English technical detail (e.g. which field is wrong), for the curious and for support. */
	detail: string;
	/** other-module: its module's id and title; other-version: its version; duplicate: the file counted instead. */
	module?: { id: string; title: string };
	version?: string;
	duplicateOf?: string;
}

export interface ReadFile {
	name: string;
	record?: ResultRecord;
	problem?: FileProblem;
}

/** Largest file read; a result file is a few kilobytes, so anything far larger is not one. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Parses and validates every file; never throws. */
export function readFiles(files: DroppedFile[]): ReadFile[] {
	return files.map(({ name, text }) => {
		const result = readResultFile(text);
		if (result.ok) return { name, record: result.record };
		return { name, problem: { file: name, kind: result.kind, detail: result.errors.slice(0, 5).join('\n') } };
	});
}

/** What a module offers at each decision, in the trainer's language (from the module itself). */
export interface ModuleLabels {
	title: string;
	decisions: LabelledDecision[];
}

export interface LabelledDecision {
	node: string;
	kind: 'choice' | 'quiz';
	title: string;
	options: { id: string; label: string; points: number | null; correct?: boolean }[];
}

/**
 * Labels of every decision of a module, in the order a learner meets them (breadth-first from
 * the start), with each option's points, so the trainer sees options nobody chose too.
 */
export function labelsFromScenario(scenario: Scenario, texts: RecordTexts): ModuleLabels {
	const module = scenario.module;
	const states = module.machine.states;
	const text = (key: string, fallback: string) => ((texts.has ? texts.has(key) : true) ? plainText(texts.text(key)) || fallback : fallback);
	const order: string[] = [];
	const seen = new Set([module.machine.initial]);
	const queue = [module.machine.initial];
	while (queue.length) {
		const id = queue.shift()!;
		order.push(id);
		for (const spec of Object.values(states[id].on ?? {}))
			for (const t of normaliseTransitions(spec))
				if (!seen.has(t.target)) {
					seen.add(t.target);
					queue.push(t.target);
				}
	}
	const decisions: LabelledDecision[] = [];
	for (const node of order) {
		const state = states[node];
		const meta = state.meta;
		if (meta.kind === 'choice')
			decisions.push({
				node,
				kind: 'choice',
				title: text(`nodes.${node}.title`, node),
				options: (meta.options ?? []).map((id) => ({
					id,
					label: text(`nodes.${node}.options.${id}.label`, id),
					points: Math.max(...normaliseTransitions(state.on?.[`choose.${id}`] ?? []).map((t) => pointsOf(t.actions)), 0)
				}))
			});
		else if (meta.kind === 'quiz')
			decisions.push({
				node,
				kind: 'quiz',
				title: text(`nodes.${node}.title`, node),
				options: (meta.answers ?? []).map((id) => ({ id, label: text(`nodes.${node}.answers.${id}.label`, id), points: null, correct: (meta.correct ?? []).includes(id) }))
			});
	}
	return { title: text(module.title, module.id), decisions };
}

export interface Bin {
	from: number;
	/** Exclusive, except the last bin, which includes its upper end. */
	to: number;
	count: number;
}

export interface DecisionStats {
	node: string;
	kind: 'choice' | 'quiz';
	title: string;
	/** How many included attempts made this decision. */
	reached: number;
	/** Quiz: how many answered fully correctly. */
	correct?: number;
	options: {
		id: string;
		label: string;
		count: number;
		/** Share of those who reached the decision, 0–100, rounded. */
		percent: number;
		points: number | null;
		/** Choice: the option with the most points. Quiz: a correct answer. */
		best: boolean;
	}[];
}

export interface Participant {
	file: string;
	name: string | null;
	attemptId: string;
	version: string;
	startedAt: string;
	completedAt: string | null;
	completed: boolean;
	percent: number;
	raw: number;
	max: number;
	passed: boolean;
	/** Active time, and the whole minutes every view shows for it (`duration.ts`). */
	seconds: number;
	minutes: number;
	/** node → chosen labels. */
	choices: Record<string, string[]>;
	rating: number | null;
	useful: string;
	better: string;
	aspects: Partial<Record<EvaluationAspect, number>>;
}

/** How the group answered one evaluation aspect (1–5): the count per point and the mean. */
export interface AspectSummary {
	aspect: EvaluationAspect;
	counts: number[];
	answered: number;
	mean: number | null;
}

export interface GroupOverview {
	module: { id: string; title: string; version: string; studyMinutes: number; masteryScore: number; publisher: string | null };
	/** Versions of the included files, newest first. */
	versions: string[];
	/** Module ids among the good files, most files first, to switch the overview to. */
	modules: { id: string; title: string; files: number }[];
	total: number;
	finished: number;
	passed: number;
	medianScore: number | null;
	medianSeconds: number | null;
	scoreBins: Bin[];
	timeBins: Bin[];
	decisions: DecisionStats[];
	ratings: Bin[];
	averageRating: number | null;
	ratingCount: number;
	useful: string[];
	better: string[];
	/** One per aspect of the evaluation (goals, relevance, load, clarity). */
	aspects: AspectSummary[];
	participants: Participant[];
	/** True when the labels come from the module itself, false when taken from the files. */
	labelsFromModule: boolean;
}

export interface GroupAnalysis {
	overview: GroupOverview | null;
	problems: FileProblem[];
}

function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
}

export function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Ten bins of ten percent; 100 % falls in the last. */
function scoreBins(scores: number[]): Bin[] {
	const bins = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
	for (const s of scores) bins[Math.min(9, Math.floor(s / 10))].count++;
	return bins;
}

/** Bins of a round width (1, 2, 5, 10, 15, 30 or 60 minutes), at most eight, covering study time too. */
export function timeBins(minutes: number[], studyMinutes: number): Bin[] {
	if (!minutes.length) return [];
	const top = Math.max(...minutes, studyMinutes);
	const width = [1, 2, 5, 10, 15, 30, 60, 120].find((w) => Math.ceil((top + 0.001) / w) <= 8) ?? 240;
	const count = Math.max(1, Math.ceil((top + 0.001) / width));
	const bins = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
	for (const m of minutes) bins[Math.min(count - 1, Math.floor(m / width))].count++;
	return bins;
}

/** The attempt of two copies that says most: a finished one, else the one made later. */
function better(a: ResultRecord, b: ResultRecord): boolean {
	if (a.attempt.completed !== b.attempt.completed) return a.attempt.completed;
	return a.createdAt > b.createdAt;
}

/**
 * Builds the overview of one module from the files read. `moduleId` picks the module when the
 * files hold several (default: the one with most files); `labels` are that module's own texts.
 */
export function analyseGroup(files: ReadFile[], options: { moduleId?: string; labels?: ModuleLabels | null } = {}): GroupAnalysis {
	const problems: FileProblem[] = files.flatMap((f) => (f.problem ? [f.problem] : []));
	const good = files.filter((f): f is ReadFile & { record: ResultRecord } => !!f.record);

	const byModule = new Map<string, { id: string; title: string; files: number }>();
	for (const f of good) {
		const m = byModule.get(f.record.module.id) ?? { id: f.record.module.id, title: f.record.module.title, files: 0 };
		m.files++;
		byModule.set(m.id, m);
	}
	const modules = [...byModule.values()].sort((a, b) => b.files - a.files);
	const moduleId = options.moduleId && byModule.has(options.moduleId) ? options.moduleId : modules[0]?.id;
	if (!moduleId) return { overview: null, problems };

	const ofModule = good.filter((f) => f.record.module.id === moduleId);
	for (const f of good)
		if (f.record.module.id !== moduleId)
			problems.push({ file: f.name, kind: 'other-module', detail: `module "${f.record.module.id}"`, module: { id: f.record.module.id, title: f.record.module.title } });

	// The major version most files have (the newest on a tie); a major change renames or removes
	// nodes or options, so those files cannot be counted together.
	const majors = new Map<string, number>();
	for (const f of ofModule) majors.set(majorOf(f.record.module.version), (majors.get(majorOf(f.record.module.version)) ?? 0) + 1);
	const major = [...majors.entries()].sort((a, b) => b[1] - a[1] || Number(b[0]) - Number(a[0]))[0][0];
	const sameMajor = ofModule.filter((f) => majorOf(f.record.module.version) === major);
	const versions = [...new Set(sameMajor.map((f) => f.record.module.version))].sort((a, b) => compareVersions(b, a));
	for (const f of ofModule)
		if (majorOf(f.record.module.version) !== major)
			problems.push({ file: f.name, kind: 'other-version', detail: `version ${f.record.module.version}, overview shows ${versions[0]}`, version: f.record.module.version });

	// One file per attempt: the same attempt downloaded twice counts once.
	const kept = new Map<string, ReadFile & { record: ResultRecord }>();
	for (const f of sameMajor) {
		const earlier = kept.get(f.record.attempt.id);
		if (!earlier) kept.set(f.record.attempt.id, f);
		else {
			const [keep, drop] = better(f.record, earlier.record) ? [f, earlier] : [earlier, f];
			kept.set(f.record.attempt.id, keep);
			problems.push({ file: drop.name, kind: 'duplicate', detail: `attempt ${f.record.attempt.id}`, duplicateOf: keep.name });
		}
	}
	const included = [...kept.values()];
	const newest = included.find((f) => f.record.module.version === versions[0])!.record;
	const labels = options.labels ?? null;

	const participants: Participant[] = included.map(({ name, record: r }) => ({
		file: name,
		name: r.learner?.name ?? null,
		attemptId: r.attempt.id,
		version: r.module.version,
		startedAt: r.attempt.startedAt,
		completedAt: r.attempt.completedAt,
		completed: r.attempt.completed,
		percent: r.score.percent,
		raw: r.score.raw,
		max: r.score.max,
		passed: r.score.passed,
		seconds: r.attempt.timeSpentSeconds,
		minutes: wholeMinutes(r.attempt.timeSpentSeconds),
		choices: Object.fromEntries(r.decisions.map((d) => [d.node, d.answers.map((a) => a.label)])),
		rating: r.evaluation?.rating ?? null,
		useful: r.evaluation?.useful.trim() ?? '',
		better: r.evaluation?.better.trim() ?? '',
		aspects: { ...(r.evaluation?.aspects ?? {}) }
	}));
	const finished = participants.filter((p) => p.completed);

	// Decisions: the module's own list when we have it, else every decision found in the files.
	const known: LabelledDecision[] = labels ? labels.decisions.map((d) => ({ ...d, options: d.options.map((o) => ({ ...o })) })) : [];
	const find = (node: string) => known.find((d) => d.node === node);
	for (const { record } of included)
		for (const d of record.decisions) {
			let entry = find(d.node);
			if (!entry) known.push((entry = { node: d.node, kind: d.kind, title: d.title, options: [] }));
			for (const a of d.answers)
				if (!entry.options.some((o) => o.id === a.id))
					entry.options.push({ id: a.id, label: a.label, points: d.kind === 'choice' && d.answers.length === 1 ? d.points : null, correct: undefined });
		}
	const decisions: DecisionStats[] = known.map((entry) => {
		const made = included.flatMap(({ record }) => record.decisions.filter((d) => d.node === entry.node));
		const reached = made.length;
		const maxPoints = Math.max(0, ...entry.options.map((o) => o.points ?? 0));
		return {
			node: entry.node,
			kind: entry.kind,
			title: entry.title,
			reached,
			...(entry.kind === 'quiz' ? { correct: made.filter((d) => d.correct).length } : {}),
			options: entry.options.map((o) => {
				const count = made.filter((d) => d.answers.some((a) => a.id === o.id)).length;
				return {
					id: o.id,
					label: o.label,
					count,
					percent: reached ? Math.round((count / reached) * 100) : 0,
					points: o.points,
					best: entry.kind === 'quiz' ? o.correct === true : maxPoints > 0 && o.points === maxPoints
				};
			})
		};
	});

	const ratings = participants.map((p) => p.rating).filter((r): r is number => r !== null);
	return {
		overview: {
			module: {
				id: moduleId,
				title: labels?.title ?? newest.module.title,
				version: versions[0],
				studyMinutes: newest.module.studyMinutes,
				masteryScore: newest.module.masteryScore,
				publisher: newest.module.publisher?.name ?? null
			},
			versions,
			modules,
			total: participants.length,
			finished: finished.length,
			passed: finished.filter((p) => p.passed).length,
			medianScore: median(finished.map((p) => p.percent)),
			medianSeconds: median(finished.map((p) => p.seconds)),
			scoreBins: scoreBins(finished.map((p) => p.percent)),
			timeBins: timeBins(finished.map((p) => p.minutes), newest.module.studyMinutes),
			decisions,
			ratings: Array.from({ length: 10 }, (_, i) => ({ from: i + 1, to: i + 2, count: ratings.filter((r) => r === i + 1).length })),
			averageRating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null,
			ratingCount: ratings.length,
			useful: participants.map((p) => p.useful).filter(Boolean),
			better: participants.map((p) => p.better).filter(Boolean),
			aspects: EVALUATION_ASPECTS.map((aspect) => {
				const values = participants.map((p) => p.aspects[aspect]).filter((v): v is number => typeof v === 'number');
				return {
					aspect,
					counts: [1, 2, 3, 4, 5].map((n) => values.filter((v) => v === n).length),
					answered: values.length,
					mean: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null
				};
			}),
			participants: participants.sort((a, b) => (a.completedAt ?? a.startedAt).localeCompare(b.completedAt ?? b.startedAt)),
			labelsFromModule: !!labels
		},
		problems
	};
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** One row per participant, with their choice at every dilemma: for a spreadsheet or a pivot table. */
export function participantsCsv(overview: GroupOverview, t: Translate, delimiter: ',' | ';'): string {
	const head: Cell[] = [
		t('trainer.csv.file'),
		t('trainer.csv.name'),
		t('trainer.csv.version'),
		t('trainer.csv.started'),
		t('trainer.csv.completed'),
		t('trainer.csv.minutes'),
		t('trainer.csv.points'),
		t('trainer.csv.maxPoints'),
		t('trainer.csv.percent'),
		t('trainer.csv.passed'),
		...overview.decisions.map((d) => d.title),
		t('trainer.csv.rating'),
		...EVALUATION_ASPECTS.map((aspect) => t(`trainer.csv.aspect.${aspect}`)),
		t('trainer.csv.useful'),
		t('trainer.csv.better')
	];
	const yes = t('trainer.csv.yes');
	const no = t('trainer.csv.no');
	const rows: Cell[][] = overview.participants.map((p) => [
		p.file,
		p.name ?? '',
		p.version,
		p.startedAt,
		p.completedAt ?? '',
		p.minutes,
		p.raw,
		p.max,
		p.percent,
		p.passed ? yes : no,
		...overview.decisions.map((d) => (p.choices[d.node] ?? []).join(' | ')),
		p.rating,
		...EVALUATION_ASPECTS.map((aspect) => p.aspects[aspect] ?? null),
		p.useful,
		p.better
	]);
	return toCsv([head, ...rows], delimiter);
}

/** The evaluation of the group, for a course owner's file: per question the answers 1–5, count and mean; then every open answer. */
export function evaluationCsv(overview: GroupOverview, t: Translate, delimiter: ',' | ';'): string {
	const head: Cell[] = [t('trainer.csv.question'), '1', '2', '3', '4', '5', t('trainer.csv.answered'), t('trainer.csv.mean')];
	const rows: Cell[][] = overview.aspects.map((a) => [t(`evaluation.${a.aspect}.question`), ...a.counts, a.answered, a.mean]);
	rows.push([t('trainer.csv.rating'), '', '', '', '', '', overview.ratingCount, overview.averageRating]);
	const open: Cell[][] = [...overview.useful.map((c) => [t('trainer.csv.useful'), c]), ...overview.better.map((c) => [t('trainer.csv.better'), c])];
	return toCsv([head, ...rows, [], [t('trainer.csv.question'), t('trainer.csv.answer')], ...open], delimiter);
}

/** One row per option of every dilemma: how many chose it. */
export function choicesCsv(overview: GroupOverview, t: Translate, delimiter: ',' | ';'): string {
	const head: Cell[] = [t('trainer.csv.decision'), t('trainer.csv.reached'), t('trainer.csv.option'), t('trainer.csv.count'), t('trainer.csv.share'), t('trainer.csv.optionPoints')];
	const rows: Cell[][] = overview.decisions.flatMap((d) => d.options.map((o) => [d.title, d.reached, o.label, o.count, o.percent, o.points]));
	return toCsv([head, ...rows], delimiter);
}
