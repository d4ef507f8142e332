/**
 * SCORM 1.2: the edition Moodle supports fully (README.md, "SCORM packages"), so the primary one.
 * Element names and formats follow the SCORM 1.2 RTE; where Moodle's own 1.2 data model is stricter
 * (scores 0–100, weighting −100…100, CMITimespan with 2–4 hour digits) we stay inside it.
 */
import type { DecisionReport, EvaluationItem, LmsStatus } from './report';
import { calls12, type Scorm12Api } from './scorm-api';
import { ScormTracker, type Dialect, type LmsLaunch, type ScormTrackerOptions, type Writes } from './scorm-tracker';
import { timeOfDay12, timespan12 } from './scorm-time';

/** cmi.suspend_data is a CMIString4096 in SCORM 1.2. */
export const SUSPEND_DATA_LIMIT_12 = 4096;

/** The single 1.2 lesson_status as the two-dimensional status, and back. */
export function statusFrom12(lessonStatus: string): LmsStatus {
	switch (lessonStatus) {
		case 'passed':
			return { completion: 'completed', success: 'passed' };
		case 'failed':
			return { completion: 'completed', success: 'failed' };
		case 'completed':
			return { completion: 'completed', success: 'unknown' };
		case 'incomplete':
			return { completion: 'incomplete', success: 'unknown' };
		default: // 'not attempted', 'browsed', ''
			return { completion: 'unknown', success: 'unknown' };
	}
}

export function lessonStatus12(status: LmsStatus): string {
	if (status.success === 'passed') return 'passed';
	if (status.success === 'failed') return 'failed';
	return status.completion === 'completed' ? 'completed' : 'incomplete';
}

/**
 * SCORM 1.2 choice responses are single characters 0-9/a-z (RTE 3.4.4, CMIFeedback for `choice`),
 * not free ids: the first option is `a`, the second `b`, in the order the module lists them.
 */
export function letters(ids: string[], choices: string[]): string {
	return ids
		.map((id) => choices.indexOf(id))
		.filter((i) => i >= 0)
		.sort((a, b) => a - b)
		.map((i) => String.fromCharCode(97 + i))
		.join(',');
}

const RESULT_12 = { correct: 'correct', incorrect: 'wrong', neutral: 'neutral' } as const;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export function dialect12(api: Scorm12Api): Dialect {
	const calls = calls12(api);
	return {
		edition: 'scorm12',
		calls,
		suspendDataLimit: SUSPEND_DATA_LIMIT_12,
		suspendDataElement: 'cmi.suspend_data',
		locationLimit: 255,
		readLaunch(): LmsLaunch {
			const raw = calls.get('cmi.core.score.raw');
			const count = Number.parseInt(calls.get('cmi.interactions._count'), 10);
			return {
				entry: calls.get('cmi.core.entry'),
				suspendData: calls.get('cmi.suspend_data'),
				learnerId: calls.get('cmi.core.student_id'),
				reviewOnly: calls.get('cmi.core.lesson_mode') === 'review',
				status: statusFrom12(calls.get('cmi.core.lesson_status')),
				percent: raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null,
				interactionCount: Number.isFinite(count) && count > 0 ? count : 0
			};
		},
		status: (status) => [['cmi.core.lesson_status', lessonStatus12(status)]],
		// raw is a percentage: the manifest's masteryscore is compared with raw (SCORM 1.2 CAM), and
		// Moodle takes raw as the grade.
		score: (percent) => [
			['cmi.core.score.raw', String(clamp(Math.round(percent), 0, 100))],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100']
		],
		progress: ({ location }) => (location === null ? [] : [['cmi.core.lesson_location', location]]),
		exit: (completed) => [['cmi.core.exit', completed ? '' : 'suspend']],
		sessionTime: (ms) => [['cmi.core.session_time', timespan12(ms)]],
		interaction(n, report: DecisionReport): Writes {
			const at = `cmi.interactions.${n}`;
			const writes: Writes = [
				[`${at}.id`, report.id],
				[`${at}.type`, 'choice'],
				[`${at}.time`, timeOfDay12(report.at)],
				[`${at}.weighting`, String(clamp(report.weighting, -100, 100))],
				[`${at}.student_response`, letters(report.response, report.choices)],
				[`${at}.result`, RESULT_12[report.result]],
				[`${at}.latency`, timespan12(report.latencyMs)]
			];
			report.correct.forEach((pattern, i) => writes.push([`${at}.correct_responses.${i}.pattern`, letters(pattern, report.choices)]));
			return writes;
		},
		evaluationItem(n, item: EvaluationItem): Writes {
			const at = `cmi.interactions.${n}`;
			// 1.2's student_response is CMIFeedback: at most 255 characters; a longer open answer is cut.
			return [
				[`${at}.id`, item.id],
				[`${at}.type`, item.kind],
				[`${at}.time`, timeOfDay12(item.at)],
				[`${at}.student_response`, item.kind === 'fill-in' ? item.response.replace(/\s+/g, ' ').slice(0, 255) : item.response],
				[`${at}.result`, 'neutral']
			];
		}
	};
}

/** The SCORM 1.2 adapter behind the Tracker port. */
export class Scorm12Tracker extends ScormTracker {
	constructor(api: Scorm12Api, options?: ScormTrackerOptions) {
		super(dialect12(api), options);
	}
}
