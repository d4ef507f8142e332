// Test double: a strict SCORM LMS API (1.2 and 2004) that holds a SCO to the letter of the data
// model, stricter than scorm-again (which accepts 64,000-character 1.2 suspend_data on purpose) and
// at least as strict as Moodle 4.5 where Moodle is stricter than the standard (short identifiers in
// a 2004 choice; which data the next launch gets, moodleRelaunch). Every refused call is kept in
// `violations`, so a test can assert there were none.
import type { Scorm12Api, Scorm2004Api } from '../../src/lib/tracking/scorm-api';

type Mode = 'r' | 'w' | 'rw';
interface Rule {
	mode: Mode;
	format?: RegExp;
	range?: [number, number];
}

export interface Faults {
	/** Initialize answers "false". */
	initialize?: boolean;
	/** Commit answers "false" this many times (Infinity: always). */
	commitFailures?: number;
}

export interface StrictLms {
	readonly edition: '1.2' | '2004';
	/**
	 * What the LMS keeps for this attempt, as Moodle's scorm_scoes_track rows: the data the launch
	 * carried over, every committed SetValue, and total_time (added up at Terminate, as Moodle does).
	 */
	readonly tracks: Map<string, string>;
	/** Values as the SCO set them (what the next commit sends). */
	readonly values: Map<string, string>;
	/** Values as of the last successful commit (or terminate): what the LMS has stored. */
	readonly committed: Map<string, string>;
	readonly calls: string[];
	readonly violations: string[];
	readonly counts: { initialize: number; terminate: number; commit: number; failedCommits: number };
	faults: Faults;
}

const CMIString255 = /^[\s\S]{0,255}$/;
const CMIString4096 = /^[\s\S]{0,4096}$/;
const CMIIdentifier12 = /^[\u0021-\u007E]{1,255}$/;
const CMITimespan12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const CMITime12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const CMIDecimal = /^-?\d{1,3}(\.\d{1,2})?$/;
// SCORM 1.2 RTE 3.4.4: a choice response is single characters 0-9/a-z, comma separated.
const Choice12 = /^[0-9a-z](,[0-9a-z])*$/;

const RULES_12: [RegExp, Rule][] = [
	[/^cmi\.core\.student_id$/, { mode: 'r' }],
	[/^cmi\.core\.student_name$/, { mode: 'r' }],
	[/^cmi\.core\.lesson_location$/, { mode: 'rw', format: CMIString255 }],
	[/^cmi\.core\.credit$/, { mode: 'r' }],
	[/^cmi\.core\.lesson_status$/, { mode: 'rw', format: /^(passed|completed|failed|incomplete|browsed)$/ }],
	[/^cmi\.core\.entry$/, { mode: 'r' }],
	[/^cmi\.core\.score\.(raw|min|max)$/, { mode: 'rw', format: CMIDecimal, range: [0, 100] }],
	[/^cmi\.core\.total_time$/, { mode: 'r' }],
	[/^cmi\.core\.lesson_mode$/, { mode: 'r' }],
	[/^cmi\.core\.exit$/, { mode: 'w', format: /^(time-out|suspend|logout|)$/ }],
	[/^cmi\.core\.session_time$/, { mode: 'w', format: CMITimespan12 }],
	[/^cmi\.suspend_data$/, { mode: 'rw', format: CMIString4096 }],
	[/^cmi\.launch_data$/, { mode: 'r' }],
	[/^cmi\.interactions\._count$/, { mode: 'r' }],
	[/^cmi\.interactions\.\d+\.id$/, { mode: 'w', format: CMIIdentifier12 }],
	[/^cmi\.interactions\.\d+\.time$/, { mode: 'w', format: CMITime12 }],
	[/^cmi\.interactions\.\d+\.type$/, { mode: 'w', format: /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/ }],
	[/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, { mode: 'w', format: Choice12 }],
	[/^cmi\.interactions\.\d+\.weighting$/, { mode: 'w', format: /^-?\d{1,3}(\.\d+)?$/, range: [-100, 100] }],
	// CMIFeedback; its form depends on the interaction's type (RESPONSE_12 below).
	[/^cmi\.interactions\.\d+\.student_response$/, { mode: 'w', format: /^[\s\S]{0,255}$/ }],
	[/^cmi\.interactions\.\d+\.result$/, { mode: 'w', format: /^(correct|wrong|unanticipated|neutral|\d{0,3}(\.\d+)?)$/ }],
	[/^cmi\.interactions\.\d+\.latency$/, { mode: 'w', format: CMITimespan12 }]
];

const Duration2004 = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
// Moodle's 2004 CMITime: at most two fraction digits; the zone only after a fraction.
const Time2004 = /^(19[7-9]\d|20\d\d)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2}(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?)?)?)?$/;
const Id2004 = /^\S{1,4000}$/;

const RULES_2004: [RegExp, Rule][] = [
	[/^cmi\.learner_id$/, { mode: 'r' }],
	[/^cmi\.learner_name$/, { mode: 'r' }],
	[/^cmi\.location$/, { mode: 'rw', format: /^[\s\S]{0,1000}$/ }],
	[/^cmi\.credit$/, { mode: 'r' }],
	[/^cmi\.mode$/, { mode: 'r' }],
	[/^cmi\.entry$/, { mode: 'r' }],
	[/^cmi\.completion_status$/, { mode: 'rw', format: /^(completed|incomplete|not attempted|unknown)$/ }],
	[/^cmi\.success_status$/, { mode: 'rw', format: /^(passed|failed|unknown)$/ }],
	[/^cmi\.progress_measure$/, { mode: 'rw', format: /^\d(\.\d{1,7})?$/, range: [0, 1] }],
	[/^cmi\.score\.scaled$/, { mode: 'rw', format: /^-?\d(\.\d{1,7})?$/, range: [-1, 1] }],
	[/^cmi\.score\.(raw|min|max)$/, { mode: 'rw', format: /^-?\d{1,10}(\.\d{1,7})?$/ }],
	[/^cmi\.total_time$/, { mode: 'r' }],
	[/^cmi\.exit$/, { mode: 'w', format: /^(time-out|suspend|logout|normal|)$/ }],
	[/^cmi\.session_time$/, { mode: 'w', format: Duration2004 }],
	[/^cmi\.suspend_data$/, { mode: 'rw', format: /^[\s\S]{0,64000}$/ }],
	[/^cmi\.scaled_passing_score$/, { mode: 'r' }],
	[/^cmi\.interactions\._count$/, { mode: 'r' }],
	[/^cmi\.interactions\.\d+\.id$/, { mode: 'rw', format: Id2004 }],
	[/^cmi\.interactions\.\d+\.type$/, { mode: 'rw', format: /^(true-false|choice|fill-in|long-fill-in|matching|performance|sequencing|likert|numeric|other)$/ }],
	[/^cmi\.interactions\.\d+\.timestamp$/, { mode: 'rw', format: Time2004 }],
	[/^cmi\.interactions\.\d+\.weighting$/, { mode: 'rw', format: /^-?\d{1,10}(\.\d{1,7})?$/ }],
	// The format depends on the interaction's type; a choice is checked as Moodle does (choiceNodes).
	[/^cmi\.interactions\.\d+\.learner_response$/, { mode: 'rw', format: /^[\s\S]{1,4000}$/ }],
	[/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, { mode: 'rw', format: /^[\s\S]{1,4000}$/ }],
	[/^cmi\.interactions\.\d+\.result$/, { mode: 'rw', format: /^(correct|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)$/ }],
	[/^cmi\.interactions\.\d+\.latency$/, { mode: 'rw', format: Duration2004 }],
	[/^cmi\.interactions\.\d+\.description$/, { mode: 'rw', format: /^[\s\S]{0,250}$/ }]
];

/** A 1.2 student_response per interaction type (RTE 3.4.4). */
const RESPONSE_12: Record<string, RegExp> = {
	choice: Choice12,
	likert: /^[0-9a-z]?$/,
	numeric: CMIDecimal,
	'fill-in': /^[\s\S]{0,255}$/
};

/** A 2004 learner_response per interaction type other than choice (RTE 4.2.9.2). */
const RESPONSE_2004: Record<string, RegExp> = {
	likert: /^[\w.]{1,250}$/,
	numeric: /^-?\d+(\.\d+)?$/,
	'long-fill-in': /^(\{lang=[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*\})?[\s\S]{0,4000}$/
};

/** Moodle 4.5's CMIShortIdentifier (mod/scorm/datamodels/scorm_13.js). */
const ShortIdentifier = /^[\w.]{1,250}$/;

/**
 * A 2004 choice response or pattern as Moodle checks it: at most 36 short identifiers joined by
 * `[,]`, none twice. Returns the error code, or '' when the value is good.
 */
function choiceNodes(value: string): string {
	const nodes = value.split('[,]');
	if (nodes.length > 36) return '351';
	if (!nodes.every((n) => ShortIdentifier.test(n))) return '406';
	return new Set(nodes).size === nodes.length ? '' : '406';
}

/** The elements the LMS itself provides at launch; everything else a launch carries is the attempt's data. */
const PROVIDED = /^cmi\.(core\.(student_id|student_name|entry|lesson_mode|credit)|learner_id|learner_name|entry|mode|credit)$/;

/** Time as centiseconds, from either edition's format (for total_time). */
function centiseconds(value: string | undefined): number {
	if (!value) return 0;
	const t12 = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(value);
	if (t12) return Math.round((Number(t12[1]) * 3600 + Number(t12[2]) * 60 + Number(t12[3])) * 100);
	const t04 = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/.exec(value);
	if (t04) return Math.round((Number(t04[1] ?? 0) * 86400 + Number(t04[2] ?? 0) * 3600 + Number(t04[3] ?? 0) * 60 + Number(t04[4] ?? 0)) * 100);
	return 0;
}

function formatTime(cs: number, edition: '1.2' | '2004'): string {
	const h = Math.floor(cs / 360000);
	const m = Math.floor((cs % 360000) / 6000);
	const sec = (cs % 6000) / 100;
	if (edition === '1.2') return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${sec.toFixed(2).padStart(5, '0')}`;
	return `PT${h}H${m}M${sec}S`;
}

/** total_time in seconds, from either edition's format. */
export const seconds = (value: string | undefined) => centiseconds(value) / 100;

function makeCore(rules: [RegExp, Rule][], initial: Record<string, string>, edition: '1.2' | '2004', defaults: Record<string, string>) {
	const lms: StrictLms = {
		edition,
		tracks: new Map(Object.entries(initial).filter(([k]) => !PROVIDED.test(k))),
		values: new Map(Object.entries({ ...defaults, ...initial })),
		committed: new Map(Object.entries({ ...defaults, ...initial })),
		calls: [],
		violations: [],
		counts: { initialize: 0, terminate: 0, commit: 0, failedCommits: 0 },
		faults: {}
	};
	let phase: 'new' | 'running' | 'ended' = 'new';
	let error = '0';
	/** SetValues since the last successful commit: what the next commit stores as tracks. */
	const pending = new Map<string, string>();
	const store = () => {
		for (const [k, v] of lms.values) lms.committed.set(k, v);
		for (const [k, v] of pending) lms.tracks.set(k, v);
		pending.clear();
	};
	const fail = (code: string, what: string) => {
		error = code;
		lms.violations.push(`${what} → ${code}`);
		return 'false';
	};
	const rule = (element: string) => rules.find(([pattern]) => pattern.test(element))?.[1];
	const interactionCount = () => {
		let n = 0;
		while (lms.values.has(`cmi.interactions.${n}.id`)) n++;
		return n;
	};
	const core = {
		lms,
		initialize(arg: string) {
			lms.calls.push('Initialize');
			lms.counts.initialize++;
			if (arg !== '') return fail('201', `Initialize("${arg}")`);
			if (phase !== 'new') return fail(edition === '1.2' ? '101' : phase === 'running' ? '103' : '104', 'Initialize twice');
			if (lms.faults.initialize) {
				error = '101';
				return 'false';
			}
			phase = 'running';
			error = '0';
			return 'true';
		},
		terminate(arg: string) {
			lms.calls.push('Terminate');
			lms.counts.terminate++;
			if (arg !== '') return fail('201', `Terminate("${arg}")`);
			if (phase !== 'running') return fail(edition === '1.2' ? '301' : '113', `Terminate while ${phase}`);
			phase = 'ended';
			store();
			// Moodle adds this session's time to the attempt's total at Terminate (StoreData in
			// scorm_12.js / scorm_13.js), never at a Commit.
			const total = edition === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';
			const session = lms.values.get(edition === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time');
			lms.tracks.set(total, formatTime(centiseconds(lms.tracks.get(total)) + centiseconds(session), edition));
			lms.committed.set(total, lms.tracks.get(total)!);
			error = '0';
			return 'true';
		},
		commit(arg: string) {
			lms.calls.push('Commit');
			lms.counts.commit++;
			if (arg !== '') return fail('201', `Commit("${arg}")`);
			if (phase !== 'running') return fail(edition === '1.2' ? '301' : '143', `Commit while ${phase}`);
			if ((lms.faults.commitFailures ?? 0) > 0) {
				lms.faults.commitFailures = (lms.faults.commitFailures ?? 0) - 1;
				lms.counts.failedCommits++;
				error = '101';
				return 'false';
			}
			store();
			error = '0';
			return 'true';
		},
		get(element: string) {
			lms.calls.push(`Get ${element}`);
			if (phase !== 'running') {
				fail(edition === '1.2' ? '301' : '122', `GetValue(${element}) while ${phase}`);
				return '';
			}
			if (element === 'cmi.interactions._count') {
				error = '0';
				return String(interactionCount());
			}
			const r = rule(element);
			if (!r) {
				fail('401', `GetValue(${element}): not in the data model`);
				return '';
			}
			if (r.mode === 'w') {
				fail(edition === '1.2' ? '404' : '405', `GetValue(${element}): write-only`);
				return '';
			}
			if (edition === '1.2' && /^cmi\.interactions\.\d+\./.test(element)) {
				fail('404', `GetValue(${element}): 1.2 interactions are write-only`);
				return '';
			}
			const value = lms.values.get(element);
			if (value === undefined) {
				// 2004: "not initialized" (403) is an answer, not a misuse.
				error = edition === '1.2' ? '0' : '403';
				return '';
			}
			error = '0';
			return value;
		},
		set(element: string, value: string) {
			lms.calls.push(`Set ${element}=${value}`);
			if (typeof value !== 'string') return fail('405', `SetValue(${element}) with a ${typeof value}`);
			if (phase !== 'running') return fail(edition === '1.2' ? '301' : '132', `SetValue(${element}) while ${phase}`);
			const r = rule(element);
			if (!r) return fail(edition === '1.2' ? '201' : '401', `SetValue(${element}): not in the data model`);
			if (r.mode === 'r') return fail(edition === '1.2' ? '403' : '404', `SetValue(${element}): read-only`);
			if (r.format && !r.format.test(value)) return fail(edition === '1.2' ? '405' : '406', `SetValue(${element}, "${value.slice(0, 60)}${value.length > 60 ? '…' : ''}" [${value.length}]): bad format`);
			if (r.range && (Number(value) < r.range[0] || Number(value) > r.range[1])) return fail(edition === '1.2' ? '405' : '407', `SetValue(${element}, ${value}): out of range`);
			const index = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
			if (index && edition === '2004' && /^(learner_response|correct_responses\.\d+\.pattern)$/.test(index[2]) && lms.values.get(`cmi.interactions.${index[1]}.type`) === 'choice') {
				const code = choiceNodes(value);
				if (code) return fail(code, `SetValue(${element}, "${value.slice(0, 60)}"): not a choice response of short identifiers (^[\\w.]{1,250}$, Moodle's CMIShortIdentifier)`);
				// Moodle: the same pattern twice in one choice is 351.
				const pattern = /^correct_responses\.(\d+)\.pattern$/.exec(index[2]);
				for (let i = 0; pattern && i < Number(pattern[1]); i++)
					if (lms.values.get(`cmi.interactions.${index[1]}.correct_responses.${i}.pattern`) === value) return fail('351', `SetValue(${element}): the pattern "${value}" is already there`);
			}
			const typeOf = index ? lms.values.get(`cmi.interactions.${index[1]}.type`) : undefined;
			const responseRule = index && typeOf && (edition === '1.2' ? index[2] === 'student_response' && RESPONSE_12[typeOf] : index[2] === 'learner_response' && RESPONSE_2004[typeOf]);
			if (responseRule && !responseRule.test(value)) return fail(edition === '1.2' ? '405' : '406', `SetValue(${element}, "${value.slice(0, 60)}"): not a ${typeOf} response`);
			if (index) {
				const n = Number(index[1]);
				const count = interactionCount();
				if (index[2] === 'id') {
					if (n > count) return fail(edition === '1.2' ? '201' : '351', `SetValue(${element}): index ${n} skips ${count}`);
				} else {
					if (n >= count) return fail(edition === '1.2' ? '201' : '408', `SetValue(${element}) before its id`);
					if (edition === '2004' && index[2] !== 'type' && !lms.values.has(`cmi.interactions.${n}.type`))
						return fail('408', `SetValue(${element}) before its type`);
				}
			}
			lms.values.set(element, value);
			pending.set(element, value);
			error = '0';
			return 'true';
		},
		lastError: () => error,
		errorString: (code: string) => ({ '0': 'No error', '101': 'General exception', '301': 'Not initialized', '403': 'Not initialized' })[code] ?? `error ${code}`
	};
	return core;
}

export function strictScorm12(initial: Record<string, string> = {}): { api: Scorm12Api; lms: StrictLms } {
	const core = makeCore(
		RULES_12,
		initial,
		'1.2',
		{ 'cmi.core.student_id': 'learner-1', 'cmi.core.student_name': 'Lerner, Lisa', 'cmi.core.lesson_status': 'not attempted', 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'credit', 'cmi.suspend_data': '', 'cmi.core.lesson_location': '', 'cmi.core.score.raw': '', 'cmi.core.total_time': '0000:00:00.00' }
	);
	const api: Scorm12Api = {
		LMSInitialize: core.initialize,
		LMSFinish: core.terminate,
		LMSGetValue: core.get,
		LMSSetValue: core.set,
		LMSCommit: core.commit,
		LMSGetLastError: core.lastError,
		LMSGetErrorString: core.errorString,
		LMSGetDiagnostic: core.errorString
	} as Scorm12Api;
	return { api, lms: core.lms };
}

export function strictScorm2004(initial: Record<string, string> = {}): { api: Scorm2004Api; lms: StrictLms } {
	const core = makeCore(
		RULES_2004,
		initial,
		'2004',
		{ 'cmi.learner_id': 'learner-1', 'cmi.learner_name': 'Lerner, Lisa', 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown', 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal', 'cmi.credit': 'credit', 'cmi.total_time': 'PT0H0M0S' }
	);
	const api: Scorm2004Api = {
		Initialize: core.initialize,
		Terminate: core.terminate,
		GetValue: core.get,
		SetValue: core.set,
		Commit: core.commit,
		GetLastError: core.lastError,
		GetErrorString: core.errorString,
		GetDiagnostic: core.errorString
	} as Scorm2004Api;
	return { api, lms: core.lms };
}

/** The interactions an LMS holds, as objects (for assertions). */
export function interactionsOf(values: Map<string, string>, which: 'decisions' | 'evaluation' | 'all' = 'decisions'): Record<string, string>[] {
	const list: Record<string, string>[] = [];
	for (const [key, value] of values) {
		const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
		if (!m) continue;
		(list[Number(m[1])] ??= {})[m[2]] = value;
	}
	return pickInteractions(list, which);
}

/**
 * The decisions (one interaction per dilemma and question), the evaluation's answers (ids
 * `koers_evaluation_*`, reported after the decisions), or all interactions in the LMS's order.
 */
export function pickInteractions(list: Record<string, string>[], which: 'decisions' | 'evaluation' | 'all'): Record<string, string>[] {
	if (which === 'all') return list;
	return list.filter((i) => i.id?.startsWith('koers_evaluation_') === (which === 'evaluation'));
}

/**
 * What Moodle 4.5 hands the SCO when the learner launches again (get_scorm_default in
 * mod/scorm/datamodels/scorm_12lib.php and scorm_13lib.php), as `initial` for the next strict LMS:
 * - SCORM 1.2 keeps every track of the attempt; entry is `resume` after exit `suspend`, '' after any
 *   other exit, `ab-initio` when the attempt has no tracks.
 * - SCORM 2004 keeps the tracks only after exit `suspend` (RTE 4.2.8); after `normal`, `time-out`
 *   or no exit the SCO gets nothing at all (no suspend_data, no interactions, total_time zero) and
 *   entry `ab-initio`, after `logout` `resume`, after '' ''. Moodle still stores into the same
 *   attempt, so what the SCO then writes replaces what was there.
 * - "Start a new attempt" (`newAttempt`): no tracks, entry `ab-initio`.
 */
export function moodleRelaunch(lms: StrictLms, options: { newAttempt?: boolean } = {}): Record<string, string> {
	return moodleNextLaunch(lms.edition, Object.fromEntries(lms.tracks), options);
}

/** moodleRelaunch from an attempt's tracks (also for the stand-in LMS page, tests/scorm/lms-harness.js). */
export function moodleNextLaunch(edition: '1.2' | '2004', tracks: Record<string, string>, options: { newAttempt?: boolean } = {}): Record<string, string> {
	const none = Object.keys(tracks).length === 0;
	if (edition === '1.2') {
		if (options.newAttempt || none) return { 'cmi.core.entry': 'ab-initio' };
		return { ...tracks, 'cmi.core.entry': tracks['cmi.core.exit'] === 'suspend' ? 'resume' : '' };
	}
	if (options.newAttempt || none) return { 'cmi.entry': 'ab-initio' };
	const exit = tracks['cmi.exit'];
	if (exit === 'suspend') return { ...tracks, 'cmi.entry': 'resume' };
	return { 'cmi.entry': exit === 'logout' ? 'resume' : exit === '' ? '' : 'ab-initio' };
}
