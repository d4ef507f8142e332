/**
 * Module format v1: the types of `modules/<id>/module.json` and their runtime validation.
 *
 * The chart is a plain XState machine config in JSON. What XState does not know about (what kind of
 * node a state is, its options and answers) lives in each state's `meta`, which XState carries
 * along untouched. Every text a learner sees lives in `locales/<lang>.json`, under keys derived
 * from the state id (see `nodeKeys`), so translators never edit the chart.
 *
 * Changelog of FORMAT_VERSION:
 * - 1: first version.
 */
import { checkAccreditation, type Accreditation } from './accreditation';
import { ID_PATTERN } from './ids';
import { CONTACT_KINDS, isSafeLocation, isSafeUrl } from './safe-url';
export const FORMAT_VERSION = 1;

export const NODE_KINDS = [
	'content',
	'persona',
	'choice',
	'quiz',
	'reflection',
	'evaluation',
	'end',
	// Instrument kinds (see INSTRUMENT_KINDS): kept answers, never scored.
	'scale',
	'checklist',
	'fields',
	'actionplan'
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The kinds where the learner decides something that is scored or kept. */
export const DECISION_KINDS: readonly NodeKind[] = ['choice', 'quiz'];

/**
 * The kinds an instrument asks with (an analysis, a self-scan): the answer is kept in the saved
 * state like a reflection, shown back and never scored. Each sends `submit`.
 * - scale: one point on a scale of `steps` points (default 5), each with an anchored description;
 * - checklist: any of `items`, plus an own answer when `other` is true;
 * - fields: a few labelled short texts, one per id in `fields`;
 * - actionplan: actions picked from `items` and/or written by the learner, each with who and by when.
 */
export const INSTRUMENT_KINDS: readonly NodeKind[] = ['scale', 'checklist', 'fields', 'actionplan'];

export interface GuardRef {
	type: string;
	params?: Record<string, unknown>;
}
export interface ActionRef {
	type: string;
	params?: Record<string, unknown>;
}
export interface TransitionConfig {
	target: string;
	guard?: GuardRef;
	actions?: ActionRef[];
	description?: string;
}
/** What an author may write for one event: a target, a transition, or guarded alternatives. */
export type TransitionSpec = string | TransitionConfig | TransitionConfig[];

export interface NodeMeta {
	kind: NodeKind;
	/** choice: option ids in display order; each is sent as event `choose.<id>`. */
	options?: string[];
	/** quiz: answer ids in display order. */
	answers?: string[];
	/** quiz: the ids of the correct answers. */
	correct?: string[];
	/** quiz: more than one answer may be chosen. */
	multiple?: boolean;
	/** quiz: points for a fully correct answer. */
	points?: number;
	/** persona: a portrait, relative to the module folder; its alt text is the `imageAlt` key. */
	image?: string;
	/** Overrides the module's `allowBack` for this node. */
	allowBack?: boolean;
	/** choice and quiz: show the options in the listed order; otherwise they are shuffled per attempt. */
	fixedOrder?: boolean;
	/** A chapter (an id from the module's `chapters`) begins at this node. */
	chapter?: string;
	/** scale: how many points (2–7, default 5); each has the text `anchors.<n>`. */
	steps?: number;
	/** checklist and actionplan: item ids in display order. */
	items?: string[];
	/** checklist: the learner may add an answer of their own. */
	other?: boolean;
	/** fields: field ids in display order. */
	fields?: string[];
}

export interface StateConfig {
	type?: 'final';
	meta: NodeMeta;
	on?: Record<string, TransitionSpec>;
	description?: string;
}

export interface MachineConfig {
	id: string;
	initial: string;
	states: Record<string, StateConfig>;
}

export interface SourceRef {
	id: string;
	/** A readable reference, as published (not translated): author, year, title, publisher, page. */
	citation: string;
	/** A web address where the publication can be read (http or https); shown to learners as a link. */
	url?: string;
	/** For authors only, never shown to learners: where in the source file a fact was found. */
	location?: string;
}

export interface ModuleDefinition {
	formatVersion: 1;
	id: string;
	version: string;
	/** An example for trainers; kept apart from the learner catalogue. */
	example?: boolean;
	languages: string[];
	defaultLanguage?: string;
	title: string;
	description: string;
	studyMinutes: number;
	/** Percentage of the maximum score (0–100) needed to pass. */
	masteryScore: number;
	allowBack?: boolean;
	/** What an LMS is told when a learner finishes below the mastery score (default "incomplete"). */
	reportFailureAs?: 'incomplete' | 'failed';
	publisher?: { name: string; url?: string; contact?: string };
	/** Registers that accredit the module (accreditation.ts). */
	accreditation?: Accreditation;
	/** Active minutes a learner must have spent before the certificate is given (the LMS decides on its own). */
	certificateMinimumMinutes?: number;
	sources: SourceRef[];
	/** Chapter ids in order (e.g. "week-1"); titles under `chapters.<id>` in the locales; nodes begin one with `meta.chapter`. */
	chapters?: string[];
	/**
	 * An instrument, not a course: nothing is scored, the end shows the learner's answers as one
	 * printable page and a JSON record, free texts are checked for names and contact details, and
	 * an LMS is told "completed" without a score.
	 */
	instrument?: boolean;
	machine: MachineConfig;
}

/** A problem found in a module, precise enough for a trainer to fix it. */
export interface ModuleIssue {
	severity: 'error' | 'warning';
	/** Stable code, for tools and translations of the message. */
	code: string;
	/** The file, relative to the module folder, e.g. `module.json` or `locales/nl.json`. */
	file: string;
	/** JSON path, e.g. `machine.states.intro.on.continue`. */
	path: string;
	message: string;
	fix: string;
	line?: number;
	column?: number;
}

export { ID_PATTERN };
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
const LANG_PATTERN = /^[a-z]{2}(-[A-Z]{2})?$/;

/** The locale keys a node uses, by kind. Optional keys are checked only when present. */
export function nodeKeys(stateId: string, meta: NodeMeta): { required: string[]; optional: string[] } {
	const base = `nodes.${stateId}`;
	const required = [`${base}.title`];
	const optional: string[] = [];
	switch (meta.kind) {
		case 'content':
			required.push(`${base}.body`);
			break;
		case 'persona':
			required.push(`${base}.name`, `${base}.role`, `${base}.body`);
			if (meta.image) required.push(`${base}.imageAlt`);
			break;
		case 'choice':
			required.push(`${base}.body`);
			optional.push(`${base}.lesson`, `${base}.question`);
			for (const option of meta.options ?? []) {
				required.push(
					`${base}.options.${option}.label`,
					`${base}.options.${option}.consequence`,
					`${base}.options.${option}.feedback`
				);
			}
			break;
		case 'quiz':
			required.push(`${base}.body`, `${base}.explanation`);
			optional.push(`${base}.lesson`, `${base}.question`);
			for (const answer of meta.answers ?? []) required.push(`${base}.answers.${answer}.label`);
			break;
		case 'reflection':
			required.push(`${base}.body`);
			optional.push(`${base}.placeholder`);
			break;
		case 'evaluation':
			optional.push(`${base}.body`);
			break;
		case 'end':
			required.push(`${base}.body`);
			break;
		case 'scale':
			required.push(`${base}.body`);
			optional.push(`${base}.learnMore`);
			for (let n = 1; n <= scaleSteps(meta); n++) required.push(`${base}.anchors.${n}`);
			break;
		case 'checklist':
			required.push(`${base}.body`);
			optional.push(`${base}.learnMore`);
			for (const item of meta.items ?? []) required.push(`${base}.items.${item}`);
			if (meta.other) required.push(`${base}.otherLabel`);
			break;
		case 'fields':
			required.push(`${base}.body`);
			optional.push(`${base}.learnMore`);
			for (const field of meta.fields ?? []) required.push(`${base}.fields.${field}.label`), optional.push(`${base}.fields.${field}.hint`);
			break;
		case 'actionplan':
			required.push(`${base}.body`);
			optional.push(`${base}.learnMore`);
			for (const item of meta.items ?? []) required.push(`${base}.items.${item}`);
			break;
	}
	return { required, optional };
}

/** The events a node of each kind accepts. `choose.*` stands for `choose.<option id>`. */
export function eventsForKind(meta: NodeMeta): string[] {
	switch (meta.kind) {
		case 'content':
		case 'persona':
			return ['continue'];
		case 'choice':
			return (meta.options ?? []).map((option) => `choose.${option}`);
		case 'quiz':
			return ['answer'];
		case 'reflection':
		case 'evaluation':
		case 'scale':
		case 'checklist':
		case 'fields':
		case 'actionplan':
			return ['submit'];
		case 'end':
			return [];
	}
}

/** The number of points on a scale node (default 5). */
export function scaleSteps(meta: NodeMeta): number {
	return meta.steps ?? 5;
}

/** Shape errors of the instrument kinds' meta, as [field, message, fix]; empty when all is well. */
export function instrumentMetaProblems(kind: NodeKind, meta: Record<string, unknown>): [string, string, string][] {
	const problems: [string, string, string][] = [];
	const idList = (field: 'items' | 'fields', min: number, max: number) => {
		const list = meta[field];
		if (!Array.isArray(list) || list.length < min || list.length > max || !list.every((x) => typeof x === 'string' && ID_PATTERN.test(x)))
			problems.push([field, `A ${kind} node needs ${min} to ${max} ${field}, each a short id (a-z, 0-9, - and _).`, `Write "${field}": ["a", "b", "c"].`]);
		else if (new Set(list).size !== list.length) problems.push([field, `The ${field} list names the same id twice.`, 'Give every entry its own id.']);
	};
	if (kind === 'scale' && meta.steps !== undefined && (typeof meta.steps !== 'number' || !Number.isInteger(meta.steps) || meta.steps < 2 || meta.steps > 7))
		problems.push(['steps', 'A scale has 2 to 7 points.', 'Write e.g. "steps": 5, or remove it (5 is the default).']);
	if (kind === 'checklist') idList('items', 1, 20);
	if (kind === 'actionplan') idList('items', 0, 20);
	if (kind === 'fields') idList('fields', 1, 8);
	if (meta.other !== undefined && (typeof meta.other !== 'boolean' || kind !== 'checklist'))
		problems.push(['other', '"other" is true or false, on a checklist node only.', 'Write "other": true on a checklist that lets the learner add an own answer, or remove it.']);
	for (const field of ['steps', 'items', 'fields'] as const)
		if (meta[field] !== undefined && !(field === 'steps' ? kind === 'scale' : field === 'fields' ? kind === 'fields' : kind === 'checklist' || kind === 'actionplan'))
			problems.push([field, `"${field}" does not belong on a ${kind} node.`, `Remove "${field}".`]);
	return problems;
}

/** Turns an author's transition spec into a list of transitions. */
export function normaliseTransitions(spec: TransitionSpec): TransitionConfig[] {
	if (typeof spec === 'string') return [{ target: spec }];
	if (Array.isArray(spec)) return spec;
	return [spec];
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names of guards and actions in the library, with their parameters; filled by `library.ts`. */
export interface LibrarySignature {
	guards: Record<string, Record<string, 'string' | 'number' | 'node' | 'option'>>;
	actions: Record<string, Record<string, 'string' | 'number' | 'node' | 'option'>>;
}

/**
 * Checks the shape of a parsed module.json. It reports every problem it finds instead of stopping
 * at the first, so a trainer can fix them all in one go. Graph checks that need the whole chart
 * (targets exist, reachability) are here too, because a player must never start a broken chart.
 */
export function validateModule(
	json: unknown,
	library: LibrarySignature,
	file = 'module.json'
): { module?: ModuleDefinition; issues: ModuleIssue[] } {
	const issues: ModuleIssue[] = [];
	const error = (path: string, message: string, fix: string, code = 'schema') =>
		issues.push({ severity: 'error', code, file, path, message, fix });

	if (!isObject(json)) {
		error('', 'The file does not hold a JSON object.', 'Start the file with { and end it with }.');
		return { issues };
	}
	if (json.formatVersion !== FORMAT_VERSION)
		error(
			'formatVersion',
			`formatVersion is ${JSON.stringify(json.formatVersion)}; this player reads format ${FORMAT_VERSION}.`,
			`Set "formatVersion": ${FORMAT_VERSION}.`
		);
	if (typeof json.id !== 'string' || !ID_PATTERN.test(json.id))
		error('id', 'The module id is missing or has characters other than a-z, 0-9, - and _.', 'Use the folder name, e.g. "my-module".');
	if (typeof json.version !== 'string' || !VERSION_PATTERN.test(json.version))
		error('version', 'The version must look like 1.0.0.', 'Write "version": "1.0.0" and raise it when you change the module.');
	for (const key of ['title', 'description'] as const)
		if (typeof json[key] !== 'string' || !json[key])
			error(key, `"${key}" must name a locale key.`, `Write "${key}": "meta.${key}" and put the text under that key in every locale file.`);
	if (!Array.isArray(json.languages) || json.languages.length === 0 || !json.languages.every((l) => typeof l === 'string' && LANG_PATTERN.test(l)))
		error('languages', 'languages must be a non-empty list of language codes.', 'Write "languages": ["nl", "en"].');
	if (json.defaultLanguage !== undefined && (!Array.isArray(json.languages) || !json.languages.includes(json.defaultLanguage)))
		error('defaultLanguage', 'defaultLanguage is not one of the module\'s languages.', 'Use one of the codes in "languages".');
	if (typeof json.studyMinutes !== 'number' || !(json.studyMinutes > 0))
		error('studyMinutes', 'studyMinutes must be a positive number.', 'Write the estimated study time in minutes, e.g. "studyMinutes": 60.');
	if (typeof json.masteryScore !== 'number' || json.masteryScore < 0 || json.masteryScore > 100)
		error('masteryScore', 'masteryScore must be a percentage from 0 to 100.', 'Write e.g. "masteryScore": 70 (70 % of the maximum score passes).');
	if (json.instrument !== undefined && typeof json.instrument !== 'boolean')
		error('instrument', 'instrument must be true or false.', 'Write "instrument": true for an analysis or self-scan without a score, or remove it.');
	if (json.allowBack !== undefined && typeof json.allowBack !== 'boolean')
		error('allowBack', 'allowBack must be true or false.', 'Write "allowBack": true or remove it.');
	if (json.reportFailureAs !== undefined && json.reportFailureAs !== 'incomplete' && json.reportFailureAs !== 'failed')
		error('reportFailureAs', `reportFailureAs is ${JSON.stringify(json.reportFailureAs)}; it can only be "incomplete" or "failed".`, 'Write "reportFailureAs": "failed" to record failed attempts as failed in the LMS, or remove it (the default "incomplete" lets learners try again).');
	if (!Array.isArray(json.sources))
		error('sources', 'sources must be a list (it may be empty for an example module).', 'Write "sources": [{ "id": "s1", "citation": "…", "location": "file:line" }].');
	else
		json.sources.forEach((source, i) => {
			if (!isObject(source) || typeof source.id !== 'string' || typeof source.citation !== 'string' || !source.citation)
				error(`sources[${i}]`, 'A source needs an "id" and a "citation".', 'Write { "id": "s1", "citation": "Author (year). Title.", "location": "file:line" }.');
			else if (source.location !== undefined && !isSafeLocation(source.location))
				error(`sources[${i}].location`, `The location ${JSON.stringify(source.location)} is neither a place in a file nor an http(s) address.`, 'Write "file:line" (e.g. "report.pdf:12") or a web address starting with https://.', 'unsafe-url');
			else if (source.url !== undefined && !isSafeUrl(source.url, ['web']))
				error(`sources[${i}].url`, 'A source\'s url must be a web address starting with http:// or https://.', 'Write e.g. "url": "https://www.kis.nl/publicatie/…", or remove it.', 'unsafe-url');
		});
	const chapters = checkChapters(json.chapters, error);
	// Every address goes through the one URL rule (safe-url.ts): the results page shows publisher.url as a link.
	if (json.publisher !== undefined) {
		const publisher = json.publisher;
		if (!isObject(publisher) || typeof publisher.name !== 'string' || !publisher.name)
			error('publisher', 'publisher needs a "name".', 'Write "publisher": { "name": "…", "url": "https://…" }, or remove it.');
		else {
			if (publisher.url !== undefined && !isSafeUrl(publisher.url, CONTACT_KINDS))
				error('publisher.url', `The address ${JSON.stringify(publisher.url)} is not an http(s), mailto: or tel: address.`, 'Write a web address starting with https://, or remove "url".', 'unsafe-url');
			if (publisher.contact !== undefined && typeof publisher.contact !== 'string')
				error('publisher.contact', '"publisher.contact" must be a text.', 'Write the contact between double quotes, or remove it.');
		}
	}
	if (json.accreditation !== undefined) checkAccreditation(json.accreditation, error);
	if (json.certificateMinimumMinutes !== undefined && !(typeof json.certificateMinimumMinutes === 'number' && json.certificateMinimumMinutes > 0 && (typeof json.studyMinutes !== 'number' || json.certificateMinimumMinutes <= json.studyMinutes)))
		error('certificateMinimumMinutes', 'certificateMinimumMinutes must be a number of minutes above 0 and not above studyMinutes.', 'Write e.g. "certificateMinimumMinutes": 30, or remove it.');

	const machine = json.machine;
	if (!isObject(machine)) {
		error('machine', 'The module has no "machine" (the scenario chart).', 'Add "machine": { "id": "…", "initial": "…", "states": { … } }.');
		return { issues };
	}
	if (typeof machine.id !== 'string' || !machine.id)
		error('machine.id', 'The chart needs an id.', 'Use the module id: "id": "' + String(json.id ?? 'my-module') + '".');
	const states = machine.states;
	if (!isObject(states) || Object.keys(states).length === 0) {
		error('machine.states', 'The chart has no states (nodes).', 'Add at least a start node and an end node under "states".');
		return { issues };
	}
	const stateIds = Object.keys(states);
	if (typeof machine.initial !== 'string' || !(machine.initial in states))
		error('machine.initial', `The start node ${JSON.stringify(machine.initial)} is not one of the states.`, `Set "initial" to one of: ${stateIds.slice(0, 5).join(', ')}.`, 'missing-target');

	for (const [stateId, rawState] of Object.entries(states)) {
		const at = `machine.states.${stateId}`;
		if (!ID_PATTERN.test(stateId))
			error(at, `The node id "${stateId}" has characters other than a-z, 0-9, - and _.`, 'Rename the node with lowercase letters, digits, - or _.');
		if (!isObject(rawState)) {
			error(at, 'A node must be an object.', 'Write { "meta": { "kind": "content" }, "on": { … } }.');
			continue;
		}
		const meta = rawState.meta;
		if (!isObject(meta) || !NODE_KINDS.includes(meta.kind as NodeKind)) {
			error(`${at}.meta.kind`, `The node has no valid kind (${JSON.stringify(isObject(meta) ? meta.kind : undefined)}).`, `Set "meta": { "kind": … } to one of: ${NODE_KINDS.join(', ')}.`);
			continue;
		}
		const kind = meta.kind as NodeKind;
		/** Whether the list is well formed; reports it when not. */
		const checkIdList = (field: 'options' | 'answers', min: number, max: number): boolean => {
			const list = meta[field];
			if (!Array.isArray(list) || list.length < min || list.length > max || !list.every((x) => typeof x === 'string' && ID_PATTERN.test(x)))
				error(`${at}.meta.${field}`, `A ${kind} node needs ${min} to ${max} ${field}, each a short id.`, `Write "${field}": ["a", "b", "c"].`);
			else if (new Set(list).size !== list.length)
				error(`${at}.meta.${field}`, `The ${field} list names the same id twice.`, 'Give every entry its own id.');
			else return true;
			return false;
		};
		// A dilemma's events are its options (`choose.<id>`): with a broken list they cannot be checked.
		const eventsKnown = kind !== 'choice' || checkIdList('options', 2, 4);
		for (const [field, message, fix] of instrumentMetaProblems(kind, meta)) error(`${at}.meta.${field}`, message, fix);
		if (kind === 'quiz') {
			checkIdList('answers', 2, 8);
			// With a broken answers list no correct answer can be one of them: both are reported.
			if (!Array.isArray(meta.correct) || meta.correct.length === 0 || !meta.correct.every((c) => Array.isArray(meta.answers) && meta.answers.includes(c)))
				error(`${at}.meta.correct`, 'The quiz must name its correct answers, each one of its answers.', 'Write "correct": ["b"] with ids from "answers".');
			else if (!meta.multiple && meta.correct.length > 1)
				error(`${at}.meta.correct`, 'A single-answer quiz names more than one correct answer.', 'Set "multiple": true, or keep one correct answer.');
			if (meta.points !== undefined && (typeof meta.points !== 'number' || !Number.isInteger(meta.points) || meta.points < 0 || meta.points > 100))
				error(`${at}.meta.points`, 'Quiz points must be a whole number from 0 to 100.', 'Write e.g. "points": 1.');
		}
		if (meta.fixedOrder !== undefined && (typeof meta.fixedOrder !== 'boolean' || (kind !== 'choice' && kind !== 'quiz')))
			error(`${at}.meta.fixedOrder`, 'fixedOrder is true or false, on a choice or quiz node only.', 'Write "fixedOrder": true on a choice or quiz whose options must keep their order, or remove it.');
		if (meta.chapter !== undefined && (typeof meta.chapter !== 'string' || !chapters.includes(meta.chapter)))
			error(`${at}.meta.chapter`, `The chapter ${JSON.stringify(meta.chapter)} is not in the module's "chapters".`, chapters.length ? `Use one of: ${chapters.join(', ')}.` : 'Add "chapters": ["week-1", …] at the top of module.json, or remove "chapter".');
		if (meta.image !== undefined && (typeof meta.image !== 'string' || meta.image.startsWith('/') || meta.image.includes('..')))
			error(`${at}.meta.image`, 'The image must be a path inside the module folder.', 'Write e.g. "image": "media/sara.svg".');
		else if (meta.image !== undefined && !isSafeUrl(meta.image, ['module-image']))
			error(`${at}.meta.image`, `The image ${JSON.stringify(meta.image)} is not a PNG, JPEG, WebP or SVG file in media/ named with letters, digits, -, _ and . only.`, 'Write e.g. "image": "media/sara.svg".', 'unsafe-url');
		if (kind === 'end') {
			if (rawState.type !== 'final')
				error(`${at}.type`, 'An end node must be final.', 'Add "type": "final" to the node.');
			if (isObject(rawState.on) && Object.keys(rawState.on).length)
				error(`${at}.on`, 'An end node cannot lead anywhere.', 'Remove "on" from the end node.');
			continue;
		}
		if (rawState.type === 'final')
			error(`${at}.type`, `Only end nodes are final; this is a ${kind} node.`, 'Remove "type": "final" or make the node "kind": "end".', 'dead-end');
		const on = rawState.on;
		if (!eventsKnown) continue;
		if (!isObject(on) || Object.keys(on).length === 0) { // its kind sends at least one event: a choice's options were checked above
			error(`${at}.on`, 'This node has no way out and is not an end node.', `Add "on": { "${eventsForKind(meta as unknown as NodeMeta)[0]}": "<next node>" }, or make it an end node.`, 'dead-end');
			continue;
		}
		const allowed = eventsForKind(meta as unknown as NodeMeta);
		for (const event of allowed)
			if (!(event in on))
				error(`${at}.on`, `The event "${event}" is missing, so the learner would be stuck after it.`, `Add "${event}": "<next node>" under "on".`, 'dead-end');
		for (const [event, spec] of Object.entries(on)) {
			const eventPath = `${at}.on.${event}`;
			if (!allowed.includes(event)) {
				error(eventPath, `A ${kind} node does not send "${event}"; it sends ${allowed.map((e) => `"${e}"`).join(', ')}.`, kind === 'choice' ? 'Use "choose.<option id>" with an id listed in meta.options.' : `Rename the event to "${allowed[0]}".`);
				continue;
			}
			const transitions = typeof spec === 'string' ? [{ target: spec }] : Array.isArray(spec) ? spec : [spec];
			transitions.forEach((transition, i) => {
				const tPath = Array.isArray(spec) ? `${eventPath}[${i}]` : eventPath;
				if (!isObject(transition) || typeof transition.target !== 'string') {
					error(tPath, 'A transition needs a "target".', 'Write { "target": "<next node>" }.');
					return;
				}
				if (!(transition.target in states))
					error(`${tPath}${typeof spec === 'string' ? '' : '.target'}`, `The target "${transition.target}" is not a node in this module.`, `Use one of the node ids, or add a node "${transition.target}".`, 'missing-target');
				if (Array.isArray(spec) && i < spec.length - 1 && transition.guard === undefined)
					error(tPath, 'Only the last of several alternatives may have no guard; the later ones can never be taken.', 'Add a "guard" to this alternative or move it to the end.', 'unreachable-alternative');
				if (transition.guard !== undefined) checkRef(`${tPath}.guard`, transition.guard, library.guards, 'guard');
				if (transition.actions !== undefined) {
					if (!Array.isArray(transition.actions)) error(`${tPath}.actions`, 'actions must be a list.', 'Write "actions": [{ "type": "addPoints", "params": { "points": 1 } }].');
					else transition.actions.forEach((action, j) => checkRef(`${tPath}.actions[${j}]`, action, library.actions, 'action'));
				}
			});
		}
	}

	function checkRef(path: string, ref: unknown, known: LibrarySignature['guards'], what: 'guard' | 'action') {
		if (!isObject(ref) || typeof ref.type !== 'string') {
			error(path, `A ${what} must be written as { "type": "…", "params": { … } }.`, `Write e.g. { "type": "${Object.keys(known)[0]}", "params": { … } }.`);
			return;
		}
		const signature = known[ref.type];
		if (!signature) {
			error(path, `"${ref.type}" is not ${what === 'action' ? 'an' : 'a'} ${what} in the library.`, `Use one of: ${Object.keys(known).join(', ')}.`, `unknown-${what}`);
			return;
		}
		const params = isObject(ref.params) ? ref.params : {};
		for (const [name, type] of Object.entries(signature)) {
			const value = params[name];
			const ok = type === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.length > 0; // Number.isFinite converts nothing: "1" is no number
			if (!ok) {
				error(`${path}.params.${name}`, `The ${what} "${ref.type}" needs "${name}" (${type === 'number' ? 'a number' : 'a text'}).`, `Add "params": { "${name}": … }.`);
				continue;
			}
			if (type === 'node' && !(String(value) in (states as object)))
				error(`${path}.params.${name}`, `"${value}" is not a node in this module.`, 'Use the id of an existing node.', 'missing-target');
		}
		if (signature.option && typeof params.node === 'string' && typeof params.option === 'string') {
			const target = (states as Record<string, StateConfig>)[params.node];
			const options = target?.meta?.options ?? target?.meta?.answers ?? [];
			if (target && !options.includes(params.option))
				error(`${path}.params.option`, `The node "${params.node}" has no option "${params.option}".`, options.length ? `Use one of: ${options.join(', ')}.` : `Name a choice or quiz node: "${params.node}" has no options.`, 'missing-target');
		}
	}

	if (issues.length) return { issues }; // every issue found here is an error (warnings are the checker's)
	const module = json as unknown as ModuleDefinition;
	issues.push(...checkGraph(module, file));
	if (issues.length) return { issues };
	return { module, issues };
}

/** Checks the optional top-level `chapters` list; returns its valid ids (empty when absent or broken). */
function checkChapters(value: unknown, error: (path: string, message: string, fix: string) => void): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value) || value.length === 0 || !value.every((c) => typeof c === 'string' && ID_PATTERN.test(c))) {
		error('chapters', 'chapters must be a non-empty list of short ids (a-z, 0-9, - and _).', 'Write "chapters": ["week-1", "week-2"], or remove it.');
		return [];
	}
	if (new Set(value).size !== value.length) {
		error('chapters', 'The chapters list names the same id twice.', 'Give every chapter its own id.');
		return [];
	}
	return value as string[];
}

/** Successor node ids of every node, ignoring guards. */
export function successors(machine: MachineConfig): Map<string, string[]> {
	const result = new Map<string, string[]>();
	for (const [id, state] of Object.entries(machine.states)) {
		const next = new Set<string>();
		for (const spec of Object.values(state.on ?? {}))
			for (const t of normaliseTransitions(spec)) next.add(t.target);
		result.set(id, [...next]);
	}
	return result;
}

/** Reachability and "every path can end" checks, in linear time over the graph. */
export function checkGraph(module: ModuleDefinition, file = 'module.json'): ModuleIssue[] {
	const issues: ModuleIssue[] = [];
	const { states, initial } = module.machine;
	const next = successors(module.machine);
	const reached = new Set<string>([initial]);
	const stack = [initial];
	while (stack.length) {
		for (const n of next.get(stack.pop()!) ?? []) if (!reached.has(n)) (reached.add(n), stack.push(n));
	}
	for (const id of Object.keys(states))
		if (!reached.has(id))
			issues.push({ severity: 'error', code: 'unreachable', file, path: `machine.states.${id}`, message: `No path from the start node "${initial}" leads to "${id}".`, fix: `Point a transition at "${id}", or delete the node.` });
	// Nodes from which an end can be reached: walk the reversed graph from every end node.
	const previous = new Map<string, string[]>();
	for (const [from, tos] of next) for (const to of tos) previous.set(to, [...(previous.get(to) ?? []), from]);
	const canEnd = new Set(Object.keys(states).filter((id) => states[id].meta.kind === 'end'));
	const queue = [...canEnd];
	while (queue.length) {
		for (const p of previous.get(queue.pop()!) ?? []) if (!canEnd.has(p)) (canEnd.add(p), queue.push(p));
	}
	if (canEnd.size === 0)
		issues.push({ severity: 'error', code: 'no-end', file, path: 'machine.states', message: 'The module has no end node.', fix: 'Add a node with "type": "final" and "meta": { "kind": "end" }.' });
	else
		for (const id of Object.keys(states))
			if (reached.has(id) && !canEnd.has(id))
				issues.push({ severity: 'error', code: 'no-exit-loop', file, path: `machine.states.${id}`, message: `From "${id}" no path leads to an end node: the learner would go round in circles.`, fix: 'Add a transition out of the loop towards an end node.' });
	return issues;
}
