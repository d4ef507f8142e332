/**
 * Generates a valid synthetic module of any size, for tests and benchmarks of the checker and the
 * engine. Shape: a welcome page, a tree of hub choices (2–4 options each) fanning out into
 * `chains` parallel chains; each chain is a row of segments (a choice whose two options lead to
 * two outcome pages that converge on the next segment); all chains converge on a final quiz,
 * a reflection, the evaluation and two endings. Exactly `nodes` nodes; texts in nl and en.
 */
import type { LocaleTree } from '../engine/load-module';
import type { ModuleDefinition, StateConfig } from '../engine/module-schema';
import type { ModuleFilesForCheck } from './checker';
import { estimateStudyTime } from './content';
import { stringsOf } from './json-locate';

export interface GenerateOptions {
	/** Total number of nodes (at least 9). */
	nodes: number;
	/** Segments (choice + two outcomes) per chain; default 8. Ignored when `chains` is given. */
	segments?: number;
	/** Number of parallel chains; default: as many as fit with `segments` per chain. */
	chains?: number;
	id?: string;
}

export interface GeneratedModule {
	module: ModuleDefinition;
	locales: { nl: LocaleTree; en: LocaleTree };
	/** The files as an author would write them (tab-indented JSON). */
	files: { moduleJson: string; locales: { nl: string; en: string } };
}

const FIXED = ['welcome', 'final-quiz', 'reflect', 'evaluation', 'end-strong', 'end'];
const SEGMENT = 3;

/** Number of hub nodes a tree over `leaves` chains needs. */
function hubTree(leaves: string[], makeHub: (children: string[], level: number, index: number) => string): string {
	let level = leaves;
	let depth = 0;
	while (level.length > 1) {
		const groups: string[][] = [];
		for (let i = 0; i < level.length; i += 4) groups.push(level.slice(i, i + 4));
		const last = groups[groups.length - 1];
		if (last.length === 1 && groups.length > 1) last.unshift(groups[groups.length - 2].pop()!);
		level = groups.map((g, i) => (g.length === 1 ? g[0] : makeHub(g, depth, i)));
		depth++;
	}
	return level[0];
}
const countHubs = (k: number) => {
	let n = 0;
	hubTree(
		Array.from({ length: k }, (_, i) => String(i)),
		() => String(n++)
	);
	return n;
};

export function generateModule(options: GenerateOptions): GeneratedModule {
	const total = Math.floor(options.nodes);
	if (!(total >= FIXED.length + SEGMENT)) throw new Error(`A generated module needs at least ${FIXED.length + SEGMENT} nodes.`);
	const id = options.id ?? `generated-${total}`;
	const free = total - FIXED.length;
	let chains: number;
	let segments: number;
	if (options.chains) {
		chains = Math.max(1, Math.floor(options.chains));
		while (chains > 1 && countHubs(chains) + chains * SEGMENT > free) chains--;
		segments = Math.max(1, Math.floor((free - countHubs(chains)) / (chains * SEGMENT)));
	} else {
		segments = Math.max(1, Math.min(options.segments ?? 8, Math.floor(free / SEGMENT)));
		chains = Math.max(1, Math.floor(free / (segments * SEGMENT)));
		while (chains > 1 && countHubs(chains) + chains * segments * SEGMENT > free) chains--;
	}
	const padding = free - countHubs(chains) - chains * segments * SEGMENT;

	const states: Record<string, StateConfig> = {};
	const nl: Record<string, LocaleTree> = {};
	const en: Record<string, LocaleTree> = {};
	const text = (nodeId: string, nlTexts: LocaleTree, enTexts: LocaleTree) => {
		nl[nodeId] = nlTexts;
		en[nodeId] = enTexts;
	};
	const content = (nodeId: string, next: string, nlTitle: string, enTitle: string) => {
		states[nodeId] = { meta: { kind: 'content' }, on: { continue: next } };
		text(
			nodeId,
			{ title: nlTitle, body: `Je leest wat er gebeurt bij ${nodeId}. De situatie verandert een beetje en je denkt na over wat je ziet en hoort.` },
			{ title: enTitle, body: `You read what happens at ${nodeId}. The situation changes a little and you think about what you see and hear.` }
		);
	};
	const add = (nodeId: string, state: StateConfig) => (states[nodeId] = state);

	// Chains, built back to front so every target exists.
	const starts: string[] = [];
	for (let c = 0; c < chains; c++) {
		let next = 'final-quiz';
		for (let s = segments; s >= 1; s--) {
			const choice = `c${c}-s${s}`;
			content(`${choice}-a`, next, `Gevolg ${s}a`, `Outcome ${s}a`);
			content(`${choice}-b`, next, `Gevolg ${s}b`, `Outcome ${s}b`);
			add(choice, {
				meta: { kind: 'choice', options: ['a', 'b'] },
				on: { 'choose.a': { target: `${choice}-a`, actions: [{ type: 'addPoints', params: { points: 1 } }] }, 'choose.b': `${choice}-b` }
			});
			const option = (nlLabel: string, enLabel: string) => ({
				nl: { label: nlLabel, consequence: 'Dit is wat er daarna gebeurt.', feedback: 'Zo werkt deze keuze uit, en dit is waarom.' },
				en: { label: enLabel, consequence: 'This is what happens next.', feedback: 'This is how the choice works out, and why.' }
			});
			const a = option('Je vraagt door.', 'You ask further.');
			const b = option('Je wacht af.', 'You wait and see.');
			text(
				choice,
				{ title: `Keuze ${s}`, body: 'Wat doe je in deze situatie?', options: { a: a.nl, b: b.nl } },
				{ title: `Choice ${s}`, body: 'What do you do in this situation?', options: { a: a.en, b: b.en } }
			);
			next = choice;
		}
		// Spread the padding over the chains, one page each, so no path grows much.
		const pads = Math.floor(padding / chains) + (c < padding % chains ? 1 : 0);
		for (let p = pads; p >= 1; p--) {
			content(`c${c}-intro${p}`, next, `Inleiding ${p}`, `Introduction ${p}`);
			next = `c${c}-intro${p}`;
		}
		starts.push(next);
	}
	const root = hubTree(starts, (children, level, index) => {
		const hub = `hub-${level}-${index}`;
		const options = children.map((_, i) => `o${i + 1}`);
		add(hub, { meta: { kind: 'choice', options }, on: Object.fromEntries(children.map((child, i) => [`choose.${options[i]}`, child])) });
		const labels = (prefix: string) => Object.fromEntries(options.map((o, i) => [o, { label: `${prefix} ${i + 1}`, consequence: '…', feedback: '…' }]));
		text(hub, { title: 'Welke kant op?', body: 'Kies een richting.', options: labels('Richting') }, { title: 'Which way?', body: 'Choose a direction.', options: labels('Direction') });
		return hub;
	});
	content('welcome', root, 'Welkom', 'Welcome');
	add('final-quiz', { meta: { kind: 'quiz', answers: ['a', 'b', 'c'], correct: ['b'], points: 1 }, on: { answer: 'reflect' } });
	text(
		'final-quiz',
		{ title: 'Kennischeck', body: 'Wat past het best?', explanation: 'Antwoord b past het best.', answers: { a: { label: 'Antwoord a' }, b: { label: 'Antwoord b' }, c: { label: 'Antwoord c' } } },
		{ title: 'Knowledge check', body: 'What fits best?', explanation: 'Answer b fits best.', answers: { a: { label: 'Answer a' }, b: { label: 'Answer b' }, c: { label: 'Answer c' } } }
	);
	add('reflect', { meta: { kind: 'reflection' }, on: { submit: 'evaluation' } });
	text('reflect', { title: 'Reflectie', body: 'Wat neem je mee?' }, { title: 'Reflection', body: 'What do you take with you?' });
	add('evaluation', {
		meta: { kind: 'evaluation' },
		on: { submit: [{ target: 'end-strong', guard: { type: 'scoreAtLeast', params: { points: Math.ceil(segments / 2) } } }, { target: 'end' }] }
	});
	text('evaluation', { title: 'Evaluatie' }, { title: 'Evaluation' });
	add('end-strong', { type: 'final', meta: { kind: 'end' } });
	text('end-strong', { title: 'Goed gedaan', body: 'Je vroeg vaak door.' }, { title: 'Well done', body: 'You often asked further.' });
	add('end', { type: 'final', meta: { kind: 'end' } });
	text('end', { title: 'Einde', body: 'Je bent aan het einde.' }, { title: 'The end', body: 'You have reached the end.' });

	const locales = {
		nl: { meta: { title: `Gegenereerde module (${total} knooppunten)`, description: 'Een kunstmatige module om te testen.' }, nodes: nl } as LocaleTree,
		en: { meta: { title: `Generated module (${total} nodes)`, description: 'An artificial module for tests.' }, nodes: en } as LocaleTree
	};
	const estimate = estimateStudyTime(
		[...stringsOf(locales.nl)].map(([, t]) => t),
		Object.values(states).map((s) => s.meta.kind)
	);
	const module: ModuleDefinition = {
		formatVersion: 1,
		id,
		version: '1.0.0',
		example: true,
		languages: ['nl', 'en'],
		title: 'meta.title',
		description: 'meta.description',
		studyMinutes: Math.max(1, Math.round(estimate.minutes)),
		masteryScore: 60,
		sources: [],
		machine: { id, initial: 'welcome', states }
	};
	if (Object.keys(states).length !== total) throw new Error(`generator made ${Object.keys(states).length} nodes, not ${total}`);
	const json = (value: unknown) => JSON.stringify(value, null, '\t') + '\n';
	return { module, locales, files: { moduleJson: json(module), locales: { nl: json(locales.nl), en: json(locales.en) } } };
}

/** The generated module as checker input (it has no media files). */
export function generatedFiles(generated: GeneratedModule): ModuleFilesForCheck {
	return { folder: generated.module.id, moduleJson: generated.files.moduleJson, locales: { ...generated.files.locales }, fileExists: () => false, svgs: {} };
}
