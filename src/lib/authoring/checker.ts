/**
 * The module checker: everything the player's loader checks (it calls the engine's `loadModule`
 * and, when that stops at the first broken stage, the same engine functions one by one to find
 * the rest), plus what only an author needs to hear: line numbers, images, hostile content,
 * scores no path can reach, loops that give points, saved-state size and study time.
 *
 * Plain TypeScript without DOM, Node or Svelte: it takes the files' texts and a way to ask whether
 * a file exists, so the CLI (src/tools/check-modules.ts), tests and an in-browser author view can
 * share it. Reading from disk is in ./read-module.ts.
 */
import { LIBRARY } from '../engine/library';
import { checkLocales, flattenLocale, loadModule, parseJson, type LocaleTree } from '../engine/load-module';
import { normaliseTransitions, validateModule, type ModuleDefinition, type ModuleIssue } from '../engine/module-schema';
import { maxScore, summariseScore } from '../engine/scoring';
import { worstCaseCompactLength } from '../engine/compact';
import { classifySource, estimateStudyTime, imagesIn, invisibleCharacters, linksIn, MAX_TEXT_LENGTH, scanSvg, scanText } from './content';
import { classifyUrl, IMAGE_KINDS, isSafeUrl, LINK_KINDS } from '../engine/safe-url';
import { analyseScores, scoringLoops } from './graph';
import { forEachString, hasDuplicateKeys, LineIndex, locate, parsePositioned, type PositionedJson } from './json-locate';
import { engineToDutch, fill, JSON_REASONS, MESSAGES, type Lang, type Params } from './messages';

/** The files of one module folder, as text. Paths are relative to the folder, with `/`. */
export interface ModuleFilesForCheck {
	/** The folder's name; the module's `id` must equal it. */
	folder?: string;
	/** The text of module.json, or null when there is none. */
	moduleJson: string | null;
	/** Every `locales/<lang>.json` present: language code → text (null: could not be read). */
	locales: Record<string, string | null>;
	/** Whether a file exists in the module folder, e.g. `media/sam.svg`. */
	fileExists: (path: string) => boolean;
	/** The text of every `.svg` file in the module folder, by path, to look for scripts (when `contents` is not given). */
	svgs?: Record<string, string>;
	/**
	 * What the rule for a module's files (module-contents.ts, node-only) found wrong with the
	 * folder: files that may not be there, images that are not what their name says, SVGs the
	 * sanitiser would change. When given, it replaces the scan of `svgs`.
	 */
	contents?: FileIssue[];
}

/** A problem with a file of the module folder as a whole (not with a text in it). */
export interface FileIssue {
	severity: 'error' | 'warning';
	code: string;
	file: string;
	params: Params;
	line?: number;
	column?: number;
}

export interface CheckIssue extends ModuleIssue {
	/** False when the message could not be translated into the requested language (it is English). */
	translated?: boolean;
}

export interface CheckStats {
	nodes: number;
	/** Most points any path can earn, guards ignored (the player's maximum score). */
	maxScore: number;
	/** Most points a path the guards allow can earn. */
	bestScore: number | null;
	/** The best percentage a learner can reach. */
	bestPercent: number | null;
	/** Upper bound of the saved-state length for an LMS, over every path. */
	savedStateLength: number;
	estimatedMinutes: number;
	words: number;
}

export interface CheckReport {
	issues: CheckIssue[];
	errors: number;
	warnings: number;
	/** Present when module.json is valid enough to analyse the chart. */
	stats?: CheckStats;
}

export interface CheckOptions {
	lang?: Lang;
}

export const SAVED_STATE_LIMIT = 4096;
export const SAVED_STATE_ADVICE = 1024;

/** An issue before it is put into words and located: own issues carry a code and params. */
interface RawIssue {
	severity: 'error' | 'warning';
	code: string;
	file: string;
	path: string;
	params?: Params;
	/** English text, for issues from the engine. */
	message?: string;
	fix?: string;
	line?: number;
	column?: number;
}

const MODULE_FILE = 'module.json';
const localeFile = (lang: string) => `locales/${lang}.json`;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkModule(files: ModuleFilesForCheck, options: CheckOptions = {}): CheckReport {
	const lang = options.lang ?? 'en';
	const raw: RawIssue[] = [];
	const texts = new Map<string, string>();
	const values = new Map<string, unknown>();

	// 1. Every JSON file: syntax (with line and column), keys written twice.
	const parseFile = (file: string, text: string) => {
		const result = parseJson(text, file);
		if ('issue' in result) {
			const where = parsePositioned(text, { tree: false });
			if (!where.ok) {
				const { line, column, reason, found } = where.error;
				raw.push({ severity: 'error', code: 'invalid-json', file, path: '', line, column, params: { line, column, reason, found: found ?? '' } });
			} else raw.push({ ...result.issue });
			return;
		}
		values.set(file, result.value);
		texts.set(file, text);
		const where = hasDuplicateKeys(text) ? parsePositioned(text, { tree: false }) : null;
		if (where?.ok) {
			for (const d of where.json.duplicates)
				raw.push({ severity: 'error', code: 'duplicate-key', file, path: d.path, line: d.line, column: d.column, params: { key: d.key } });
		}
	};
	if (files.moduleJson === null) raw.push({ severity: 'error', code: 'no-module-json', file: MODULE_FILE, path: '' });
	else parseFile(MODULE_FILE, files.moduleJson);
	// In any order: the report is sorted by file at the end.
	for (const l of Object.keys(files.locales)) {
		const text = files.locales[l];
		if (text !== null) parseFile(localeFile(l), text);
	}

	// 2. Every text: code that must not be there, length, images.
	for (const [file, value] of values) {
		const isLocale = file !== MODULE_FILE;
		forEachString(value, (text, pathOf) => {
			if (text.length > MAX_TEXT_LENGTH) raw.push({ severity: 'error', code: 'text-too-long', file, path: pathOf(), params: { length: text.length } });
			const findings = scanText(text);
			for (const f of findings) raw.push({ severity: f.code === 'hostile-content' ? 'error' : 'warning', code: f.code, file, path: pathOf(), params: { what: f.what } });
			if (isLocale) for (const image of imagesIn(text)) checkImage(raw, files, file, pathOf(), image.src, image.alt);
			// Links go through the one URL rule (engine/safe-url.ts), as in the player; hostile code was reported above.
			if (isLocale && !findings.some((f) => f.code === 'hostile-content'))
				for (const href of linksIn(text)) if (!isSafeUrl(href, LINK_KINDS)) raw.push({ severity: 'error', code: 'unsafe-link', file, path: pathOf(), params: { url: href } });
			const hidden = invisibleCharacters(text);
			if (hidden) raw.push({ severity: 'warning', code: 'invisible-characters', file, path: pathOf(), params: hidden });
		});
	}
	for (const f of files.contents ?? []) raw.push({ ...f, path: '' });
	if (!files.contents) for (const [file, text] of Object.entries(files.svgs ?? {})) {
		const found = scanSvg(text);
		if (found) {
			const { line, column } = new LineIndex(text).at(found.offset);
			raw.push({ severity: 'error', code: 'svg-script', file, path: '', line, column, params: { what: found.what } });
		}
	}

	// 3. The module itself, through the engine: the player's own verdict first.
	let stats: CheckStats | undefined;
	const moduleValue = values.get(MODULE_FILE);
	if (moduleValue !== undefined) {
		const wanted = isObject(moduleValue) && Array.isArray(moduleValue.languages) ? moduleValue.languages.filter((l): l is string => typeof l === 'string') : [];
		const load = loadModule({ moduleJson: files.moduleJson!, locales: Object.fromEntries(wanted.map((l) => [l, files.locales[l] ?? null])) });
		let module: ModuleDefinition | undefined;
		let trees: Record<string, LocaleTree> = {};
		let max: number | undefined;
		if (load.ok) {
			max = load.loaded.scenario.maxScore;
			module = load.loaded.module;
			trees = load.loaded.locales;
			raw.push(...load.loaded.warnings);
		} else {
			// loadModule stops at the first stage that fails; go on stage by stage to find the rest.
			const before = raw.length;
			const validated = validateModule(moduleValue, LIBRARY);
			raw.push(...validated.issues);
			module = validated.module;
			if (module) {
				const ok: string[] = [];
				for (const l of module.languages) {
					const value = values.get(localeFile(l));
					if (files.locales[l] === undefined || files.locales[l] === null)
						raw.push({ severity: 'error', code: 'missing-file', file: localeFile(l), path: '', params: { lang: l, file: localeFile(l) } });
					else if (value === undefined) continue; // invalid JSON, reported above
					else if (!isObject(value))
						raw.push({ severity: 'error', code: 'schema', file: localeFile(l), path: '', message: 'A locale file must hold one JSON object.', fix: 'Start the file with { and end it with }.' });
					else {
						trees[l] = value as LocaleTree;
						ok.push(l);
					}
				}
				raw.push(...checkLocales({ ...module, languages: ok }, trees));
			}
			// Never say less than the player: if stage by stage found no error, report the loader's.
			if (!raw.slice(before).some((i) => i.severity === 'error') && !raw.some((i) => i.code === 'invalid-json'))
				raw.push(...load.issues.filter((i) => i.code !== 'invalid-json'));
		}
		if (module) stats = checkModuleDefinition(raw, files, module, trees, max ?? maxScore(module));
	}

	// 4. Into words, in the requested language, and onto lines.
	// Positions are only worked out for files that have issues to place.
	const positioned = new Map<string, PositionedJson | null>();
	const locator = (file: string) => {
		if (!positioned.has(file)) {
			const text = texts.get(file);
			const parsed = text === undefined ? null : parsePositioned(text);
			positioned.set(file, parsed?.ok ? parsed.json : null);
		}
		return positioned.get(file) ?? null;
	};
	const issues = raw.map((r) => present(r, lang, locator));
	const order = (file: string) => (file === MODULE_FILE ? 0 : file.startsWith('locales/') ? 1 : 2);
	issues.sort(
		(a, b) =>
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
			order(a.file) - order(b.file) ||
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0)
	);
	const errors = issues.filter((i) => i.severity === 'error').length;
	return { issues, errors, warnings: issues.length - errors, ...(stats ? { stats } : {}) };
}

function checkImage(raw: RawIssue[], files: ModuleFilesForCheck, file: string, path: string, src: string, alt: string) {
	const where = classifySource(src);
	if (where.kind === 'external') raw.push({ severity: 'warning', code: 'image-external', file, path, params: { src } });
	else if (where.kind === 'outside') raw.push({ severity: 'error', code: 'image-outside', file, path, params: { src } });
	// What is left is a path in the module folder (classifySource knows no fourth kind).
	else if (!isSafeUrl(src, IMAGE_KINDS)) raw.push({ severity: 'error', code: 'unsafe-link', file, path, params: { url: src } });
	else if (!files.fileExists(where.path)) raw.push({ severity: 'error', code: 'image-missing', file, path, params: { src: where.path } });
	if (alt.trim() === '') raw.push({ severity: 'error', code: 'image-no-alt', file, path, params: { src } });
}

/** Checks that need a valid chart: images named in it, scores, loops, saved-state size, study time. */
function checkModuleDefinition(raw: RawIssue[], files: ModuleFilesForCheck, module: ModuleDefinition, trees: Record<string, LocaleTree>, max: number): CheckStats {
	const states = module.machine.states;
	if (files.folder !== undefined && module.id !== files.folder)
		raw.push({ severity: 'error', code: 'id-mismatch', file: MODULE_FILE, path: 'id', params: { id: module.id, folder: files.folder } });
	for (const l of Object.keys(files.locales))
		if (!module.languages.includes(l)) raw.push({ severity: 'warning', code: 'unused-locale-file', file: localeFile(l), path: '', params: { lang: l, file: localeFile(l) } });

	for (const [id, state] of Object.entries(states)) {
		// The schema let the portrait through as an image in media/ by the player's own address
		// rule; that rule also says which file it is (without the `./` it may start with).
		const portrait = classifyUrl(state.meta.image);
		if (portrait?.kind === 'module-image' && !files.fileExists(portrait.path))
			raw.push({ severity: 'error', code: 'image-missing', file: MODULE_FILE, path: `machine.states.${id}.meta.image`, params: { src: portrait.path } });
	}

	const scores = analyseScores(module);
	let bestPercent: number | null = null;
	if (scores.bestScore !== null) {
		bestPercent = summariseScore(Math.max(0, scores.bestScore), max, module.masteryScore).percent;
		if (bestPercent < module.masteryScore)
			raw.push({
				severity: 'error',
				code: 'mastery-unreachable',
				file: MODULE_FILE,
				path: 'masteryScore',
				params: { mastery: module.masteryScore, best: bestPercent, bestScore: Math.max(0, scores.bestScore), maxScore: max }
			});
	}
	for (const n of scores.neverTaken) raw.push({ severity: 'warning', code: 'guard-never', file: MODULE_FILE, path: n.path, params: { guard: n.guard, node: n.node } });
	for (const s of scores.stuck) raw.push({ severity: 'warning', code: 'no-fallback', file: MODULE_FILE, path: s.path, params: { event: s.event, node: s.node } });
	for (const loop of scoringLoops(module)) {
		const names = loop.nodes.slice(0, 6).map((n) => `"${n}"`).join(', ') + (loop.nodes.length > 6 ? ', …' : '');
		raw.push({ severity: 'warning', code: 'scoring-loop', file: MODULE_FILE, path: loop.path, params: { loop: names, points: (loop.points > 0 ? '+' : '') + loop.points } });
	}

	const length = worstCaseCompactLength(module);
	if (length > SAVED_STATE_LIMIT) raw.push({ severity: 'error', code: 'saved-state-too-large', file: MODULE_FILE, path: 'machine', params: { length } });
	else if (length > SAVED_STATE_ADVICE) raw.push({ severity: 'warning', code: 'saved-state-large', file: MODULE_FILE, path: 'machine', params: { length } });

	const studyLang = module.defaultLanguage ?? module.languages[0];
	checkTeaching(raw, module, trees, studyLang);
	const tree = trees[studyLang];
	let estimate = { minutes: 0, words: 0, decisions: 0, reflections: 0 };
	if (tree) {
		const texts: string[] = [];
		forEachString(tree, (text) => texts.push(text));
		estimate = estimateStudyTime(
			texts,
			Object.values(states).map((s) => s.meta.kind)
		);
		const declared = module.studyMinutes;
		if (declared < estimate.minutes / 2 || declared > estimate.minutes * 2)
			raw.push({
				severity: 'warning',
				code: 'study-time',
				file: MODULE_FILE,
				path: 'studyMinutes',
				params: { declared, estimate: Math.max(1, Math.round(estimate.minutes)), words: estimate.words, decisions: estimate.decisions, reflections: estimate.reflections }
			});
	}
	return {
		nodes: Object.keys(states).length,
		maxScore: max,
		bestScore: scores.bestScore,
		bestPercent,
		savedStateLength: length,
		estimatedMinutes: Math.round(estimate.minutes * 10) / 10,
		words: estimate.words
	};
}

/** Characters of plain text on one line of a phone at 360 px (body text, 16 px). */
const PHONE_LINE_CHARS = 38;
/** Height of one such line, of the gap after a paragraph, of an image, and of a page's heading and button (px). */
const PHONE_LINE_PX = 26;
const PHONE_PARAGRAPH_PX = 16;
const PHONE_IMAGE_PX = 300;
const PHONE_FRAME_PX = 170;
/** What a phone shows at once below the browser's own bars (px); the advice is at most two screens. */
export const PHONE_SCREEN_PX = 640;
/** A page is "far longer than two screens" from two and a half on. */
const LONG_PAGE_SCREENS = 2.5;

/** About how tall a markdown text is on a phone at 360 px, from its characters (px). */
export function phoneHeight(markdown: string): number {
	let px = PHONE_FRAME_PX;
	for (const block of markdown.split(/\n\s*\n/)) {
		const images = block.match(/!\[[^\]]*\]\([^)]*\)/g)?.length ?? 0;
		const text = block.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '');
		// Every list item or hard line starts a new line; a line of spaces only takes none.
		const lines = text.split('\n').reduce((n, l) => n + Math.ceil(l.trim().length / PHONE_LINE_CHARS), 0);
		px += lines * PHONE_LINE_PX + PHONE_PARAGRAPH_PX + images * PHONE_IMAGE_PX;
	}
	return px;
}

/**
 * Warnings about teaching, not correctness: a best option that gives itself away by its length,
 * pages far longer than two phone screens, a dilemma that asks its question twice, and a module
 * where no dilemma depends on an earlier choice. Texts are judged in the module's default language.
 */
function checkTeaching(raw: RawIssue[], module: ModuleDefinition, trees: Record<string, LocaleTree>, lang: string) {
	const tree = trees[lang];
	if (!tree) return;
	const file = localeFile(lang);
	const flat = flattenLocale(tree);
	const text = (key: string) => {
		const value = flat.get(key);
		return typeof value === 'string' ? value : '';
	};
	const states = module.machine.states;
	for (const [id, state] of Object.entries(states)) {
		const { kind } = state.meta;
		if (kind === 'choice' || kind === 'quiz') {
			// One label much longer than the rest: learners learn to pick the longest.
			const ids = (kind === 'choice' ? state.meta.options : state.meta.answers) ?? [];
			const field = kind === 'choice' ? 'options' : 'answers';
			const lengths = ids.map((o) => text(`nodes.${id}.${field}.${o}.label`).length);
			if (ids.length >= 2) {
				const longest = Math.max(...lengths);
				const at = lengths.indexOf(longest);
				const others = lengths.filter((_, i) => i !== at);
				const average = others.reduce((a, b) => a + b, 0) / others.length;
				if (longest >= average * 1.5 && longest - average >= 30)
					raw.push({ severity: 'warning', code: 'option-length', file, path: `nodes.${id}.${field}.${ids[at]}.label`, params: { node: id, option: ids[at], length: longest, others: Math.round(average) } });
			}
			// The player already asks the module's question above the options.
			const body = text(`nodes.${id}.body`).replace(/[*_\s]+$/, '');
			if (flat.has(`nodes.${id}.question`) && body.endsWith('?'))
				raw.push({ severity: 'warning', code: 'question-twice', file, path: `nodes.${id}.body`, params: { node: id, question: text(`nodes.${id}.question`) } });
		}
		if (kind === 'content' || kind === 'persona') {
			const px = phoneHeight(text(`nodes.${id}.body`));
			if (px >= PHONE_SCREEN_PX * LONG_PAGE_SCREENS)
				raw.push({ severity: 'warning', code: 'page-long', file, path: `nodes.${id}.body`, params: { node: id, screens: Math.round((px / PHONE_SCREEN_PX) * 10) / 10, chars: text(`nodes.${id}.body`).length } });
		}
	}
	const dilemmas = Object.keys(states).filter((id) => states[id].meta.kind === 'choice');
	if (dilemmas.length >= 2 && dilemmas.every((id) => onEveryPath(module, id)))
		raw.push({ severity: 'warning', code: 'dilemmas-fixed', file: MODULE_FILE, path: 'machine', params: { count: dilemmas.length } });
}

/** Whether every way from the start to an end passes `nodeId` (guards ignored): every learner meets it. */
function onEveryPath(module: ModuleDefinition, nodeId: string): boolean {
	const { states, initial } = module.machine;
	if (initial === nodeId) return true;
	const seen = new Set([initial, nodeId]);
	// Typed on purpose: with the mutant `[]` an untyped queue is an evolving array read in its own
	// loop, and TypeScript 6.0.3 crashes on that (README.md, "Mutation testing").
	const queue: string[] = [initial];
	for (let i = 0; i < queue.length; i++) {
		const state = states[queue[i]];
		if (state.meta.kind === 'end') return false;
		for (const spec of Object.values(state.on ?? {}))
			for (const t of normaliseTransitions(spec))
				if (!seen.has(t.target)) {
					seen.add(t.target);
					queue.push(t.target);
				}
	}
	return true;
}

function present(r: RawIssue, lang: Lang, locator: (file: string) => PositionedJson | null): CheckIssue {
	let message: string;
	let fix: string;
	let translated = true;
	if (r.code === 'invalid-json' && r.params) {
		const reason = JSON_REASONS[String(r.params.reason)]?.[lang] ?? JSON_REASONS['unexpected-char'][lang];
		const params = { ...r.params, detail: fill(reason.detail, r.params), fix: fill(reason.fix, r.params) };
		message = fill(MESSAGES['invalid-json'][lang].message, params);
		fix = fill(MESSAGES['invalid-json'][lang].fix, params);
	} else if (r.message === undefined && MESSAGES[r.code]) {
		// The checker's own findings take their words from MESSAGES (with or without parameters);
		// the engine's come with their English text, translated below.
		message = fill(MESSAGES[r.code][lang].message, r.params ?? {});
		fix = fill(MESSAGES[r.code][lang].fix, r.params ?? {});
	} else {
		message = r.message ?? r.code;
		fix = r.fix ?? '';
		if (lang === 'nl') {
			const m = engineToDutch(message, 'message');
			const f = fix ? engineToDutch(fix, 'fix') : '';
			translated = m !== null && f !== null;
			message = m ?? message;
			fix = f ?? fix;
		}
	}
	let { line, column } = r;
	if (line === undefined && r.path) {
		const json = locator(r.file);
		if (json) ({ line, column } = locate(json, r.path));
	}
	const issue: CheckIssue = { severity: r.severity, code: r.code, file: r.file, path: r.path, message, fix };
	if (line !== undefined) issue.line = line;
	if (column !== undefined) issue.column = column;
	if (!translated) issue.translated = false;
	return issue;
}
