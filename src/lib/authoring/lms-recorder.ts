/**
 * A stand-in LMS for the author view: wraps a SCORM 1.2 runtime (scorm-again's Scorm12API, which
 * checks every value against the data model) and keeps what it received, so the author sees what
 * an LMS would record for the play in the preview: status, score, suspend_data and interactions.
 *
 * The player talks to it through the project's own SCORM 1.2 tracker (src/lib/tracking/), the
 * same code that runs in a real package.
 */
import type { Scorm12Api } from '../tracking/scorm-api';
import { SUSPEND_DATA_LIMIT_12 } from '../tracking/scorm12';

export interface LmsInteraction {
	index: number;
	id: string;
	type: string;
	response: string;
	result: string;
	weighting: string;
	latency: string;
	time: string;
	correct: string[];
}

export interface LmsSnapshot {
	initialized: boolean;
	finished: boolean;
	status: string;
	score: string;
	location: string;
	exit: string;
	sessionTime: string;
	suspendData: string;
	suspendDataLength: number;
	suspendDataLimit: number;
	commits: number;
	interactions: LmsInteraction[];
	/** Calls the runtime refused, with its error: a value the data model does not allow. */
	refused: string[];
}

const ok = (result: unknown) => String(result) === 'true';

export class RecordingLms {
	/** What the tracker talks to. */
	readonly api: Scorm12Api;
	private initialized = false;
	private finished = false;
	private commits = 0;
	private readonly values = new Map<string, string>();
	private readonly refused: string[] = [];
	private readonly listeners: ((snapshot: LmsSnapshot) => void)[] = [];

	constructor(private readonly runtime: Scorm12Api) {
		this.api = {
			LMSInitialize: (arg) => this.track(runtime.LMSInitialize(arg), 'LMSInitialize', () => (this.initialized = true)),
			LMSFinish: (arg) => this.track(runtime.LMSFinish(arg), 'LMSFinish', () => (this.finished = true)),
			LMSCommit: (arg) => this.track(runtime.LMSCommit(arg), 'LMSCommit', () => this.commits++),
			LMSGetValue: (element) => runtime.LMSGetValue(element),
			LMSSetValue: (element, value) => this.track(runtime.LMSSetValue(element, value), `LMSSetValue(${element}, "${value.slice(0, 60)}")`, () => this.values.set(element, value)),
			LMSGetLastError: () => runtime.LMSGetLastError(),
			LMSGetErrorString: (code) => runtime.LMSGetErrorString(code),
			LMSGetDiagnostic: (code) => runtime.LMSGetDiagnostic(code)
		};
	}

	/** Called after every call that changes what the LMS holds. */
	listen(onChange: (snapshot: LmsSnapshot) => void) {
		this.listeners.push(onChange);
	}

	private track(result: string | boolean, call: string, accepted: () => void): string | boolean {
		if (ok(result)) accepted();
		else {
			const code = String(this.runtime.LMSGetLastError());
			this.refused.push(`${call}: ${code} ${this.runtime.LMSGetErrorString(code)}`.trim());
		}
		// Listeners hear about commits and session ends, not each value: one update per step.
		if (!call.startsWith('LMSSetValue')) for (const listener of this.listeners) listener(this.snapshot());
		return result;
	}

	snapshot(): LmsSnapshot {
		const value = (element: string) => this.values.get(element) ?? '';
		const suspendData = value('cmi.suspend_data');
		const interactions: LmsInteraction[] = [];
		// SCORM 1.2 interactions are write-only: they are read from what was sent, not from the LMS.
		for (let n = 0; this.values.has(`cmi.interactions.${n}.id`); n++) {
			const at = (field: string) => value(`cmi.interactions.${n}.${field}`);
			const correct: string[] = [];
			for (let i = 0; this.values.has(`cmi.interactions.${n}.correct_responses.${i}.pattern`); i++) correct.push(at(`correct_responses.${i}.pattern`));
			interactions.push({
				index: n,
				id: at('id'),
				type: at('type'),
				response: at('student_response'),
				result: at('result'),
				weighting: at('weighting'),
				latency: at('latency'),
				time: at('time'),
				correct
			});
		}
		return {
			initialized: this.initialized,
			finished: this.finished,
			status: value('cmi.core.lesson_status') || 'not attempted',
			score: value('cmi.core.score.raw'),
			location: value('cmi.core.lesson_location'),
			exit: value('cmi.core.exit'),
			sessionTime: value('cmi.core.session_time'),
			suspendData,
			suspendDataLength: suspendData.length,
			suspendDataLimit: SUSPEND_DATA_LIMIT_12,
			commits: this.commits,
			interactions,
			refused: [...this.refused]
		};
	}
}
