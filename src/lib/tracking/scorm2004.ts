/**
 * SCORM 2004 4th edition: completion and success are separate, the score has a scaled form, and
 * times are ISO 8601. One SCO, no sequencing beyond the primary objective in the manifest.
 */
import type { DecisionReport, EvaluationItem, LmsStatus } from './report';
import { calls2004, type Scorm2004Api } from './scorm-api';
import { ScormTracker, type Dialect, type LmsLaunch, type ScormTrackerOptions, type Writes } from './scorm-tracker';
import { duration2004, timestamp2004 } from './scorm-time';

/** cmi.suspend_data is a characterstring of SPM 64,000 in 2004 3rd and 4th edition. */
export const SUSPEND_DATA_LIMIT_2004 = 64_000;

function completionFrom(value: string): LmsStatus['completion'] {
	return value === 'completed' ? 'completed' : value === 'incomplete' ? 'incomplete' : 'unknown';
}
function successFrom(value: string): LmsStatus['success'] {
	return value === 'passed' ? 'passed' : value === 'failed' ? 'failed' : 'unknown';
}

const round = (n: number, places: number) => Number(n.toFixed(places));

/** SCORM 2004 short_identifier_type as Moodle 4.5 checks it (`CMIShortIdentifier` in scorm_13.js). */
export const SHORT_IDENTIFIER = /^[\w.]{1,250}$/;

/**
 * An option or answer id as a SCORM 2004 short identifier, for a choice's learner_response and
 * correct_responses pattern. Koers ids are `[a-z0-9_-]` (engine/ids.ts); a short identifier allows
 * letters, digits, `_` and `.` only, and Moodle refuses anything else with 406 "Type Mismatch"
 * (the answer is lost without a word). So `-` becomes `.`: ids never contain a `.`, so the mapping
 * is one to one, stable, readable in an LMS report (`vier-typen` → `vier.typen`) and independent of
 * the order options are shown in. An id longer than 250 characters keeps its first 241 and a hash.
 */
export function shortIdentifier(id: string): string {
	const mapped = id.replace(/[^\w.]/g, '.');
	if (mapped.length <= 250) return mapped || '_';
	let hash = 0x811c9dc5;
	for (const c of id) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
	return `${mapped.slice(0, 241)}.${hash.toString(16).padStart(8, '0')}`;
}

const responseOf = (ids: string[]) => ids.map(shortIdentifier).join('[,]');

export function dialect2004(api: Scorm2004Api): Dialect {
	const calls = calls2004(api);
	// An element the LMS has no value for answers '' with error 403; that is an answer, not a fault.
	const get = (element: string) => calls.get(element);
	return {
		edition: 'scorm2004',
		calls,
		suspendDataLimit: SUSPEND_DATA_LIMIT_2004,
		suspendDataElement: 'cmi.suspend_data',
		locationLimit: 1000,
		readLaunch(): LmsLaunch {
			const entry = get('cmi.entry');
			const raw = get('cmi.score.raw');
			const count = Number.parseInt(get('cmi.interactions._count'), 10);
			return {
				entry,
				// Reading suspend_data before it was ever written is error 403 (scorm-again #1625), so only
				// when the LMS says there is an attempt to go back to.
				suspendData: entry === 'ab-initio' ? '' : get('cmi.suspend_data'),
				learnerId: get('cmi.learner_id'),
				reviewOnly: get('cmi.mode') === 'review',
				status: { completion: completionFrom(get('cmi.completion_status')), success: successFrom(get('cmi.success_status')) },
				percent: raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null,
				interactionCount: Number.isFinite(count) && count > 0 ? count : 0
			};
		},
		status(status): Writes {
			const writes: Writes = [['cmi.completion_status', status.completion === 'unknown' ? 'incomplete' : status.completion]];
			if (status.success !== 'unknown') writes.push(['cmi.success_status', status.success]);
			return writes;
		},
		// scaled for LMSs that grade by the primary objective; raw/min/max for those that grade from raw.
		score: (percent) => [
			['cmi.score.scaled', String(round(Math.min(100, Math.max(0, percent)) / 100, 4))],
			['cmi.score.raw', String(Math.round(percent))],
			['cmi.score.min', '0'],
			['cmi.score.max', '100']
		],
		progress: ({ location, outcome }) => [
			...(location === null ? [] : ([['cmi.location', location]] as Writes)),
			['cmi.progress_measure', String(round(Math.min(1, Math.max(0, outcome.progress)), 2))]
		],
		exit: (completed) => [['cmi.exit', completed ? 'normal' : 'suspend']],
		sessionTime: (ms) => [['cmi.session_time', duration2004(ms)]],
		interaction(n, report: DecisionReport): Writes {
			const at = `cmi.interactions.${n}`;
			// id and type first: the other fields depend on them (error 408 otherwise).
			const writes: Writes = [
				[`${at}.id`, report.id],
				[`${at}.type`, 'choice'],
				[`${at}.timestamp`, timestamp2004(report.at)],
				[`${at}.weighting`, String(report.weighting)],
				[`${at}.learner_response`, responseOf(report.response)],
				[`${at}.result`, report.result],
				[`${at}.latency`, duration2004(report.latencyMs)]
			];
			report.correct.forEach((pattern, i) => writes.push([`${at}.correct_responses.${i}.pattern`, responseOf(pattern)]));
			return writes;
		},
		evaluationItem(n, item: EvaluationItem): Writes {
			const at = `cmi.interactions.${n}`;
			// An open answer is a long-fill-in: a localized string of up to 4,000 characters, its language first.
			const response = item.kind === 'fill-in' ? `{lang=${item.lang}}${item.response.slice(0, 3980)}` : item.response;
			return [
				[`${at}.id`, item.id],
				[`${at}.type`, item.kind === 'fill-in' ? 'long-fill-in' : item.kind],
				[`${at}.timestamp`, timestamp2004(item.at)],
				[`${at}.learner_response`, response],
				[`${at}.result`, 'neutral']
			];
		}
	};
}

/** The SCORM 2004 adapter behind the Tracker port. */
export class Scorm2004Tracker extends ScormTracker {
	constructor(api: Scorm2004Api, options?: ScormTrackerOptions) {
		super(dialect2004(api), options);
	}
}
