/**
 * The LMS-side API objects a SCO talks to, as the standards define them. Every call returns a
 * string; many LMSs return real booleans instead, so callers compare with `String(r) === 'true'`.
 */
export interface Scorm12Api {
	LMSInitialize(empty: ''): string | boolean;
	LMSFinish(empty: ''): string | boolean;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string | boolean;
	LMSCommit(empty: ''): string | boolean;
	LMSGetLastError(): string | number;
	LMSGetErrorString(code: string): string;
	LMSGetDiagnostic(code: string): string;
}

export interface Scorm2004Api {
	Initialize(empty: ''): string | boolean;
	Terminate(empty: ''): string | boolean;
	GetValue(element: string): string;
	SetValue(element: string, value: string): string | boolean;
	Commit(empty: ''): string | boolean;
	GetLastError(): string | number;
	GetErrorString(code: string): string;
	GetDiagnostic(code: string): string;
}

/** The calls both editions share, under one set of names, so the tracker's logic is written once. */
export interface ScormCalls {
	initialize(): boolean;
	terminate(): boolean;
	commit(): boolean;
	get(element: string): string;
	set(element: string, value: string): boolean;
	/** The last error as `code: text`, for the console; '' when there was none. */
	lastError(): string;
}

const ok = (result: unknown) => String(result) === 'true';

function describe(code: string | number, text: (code: string) => string): string {
	// No code at all (null from some LMSs) reads as no error, like '0'.
	const c = String(code ?? '');
	if (c === '0' || c === '') return '';
	let message = '';
	try {
		message = text(c);
	} catch {
		/* some LMSs throw on unknown codes */
	}
	return `${c}${message ? `: ${message}` : ''}`;
}

export function calls12(api: Scorm12Api): ScormCalls {
	return {
		initialize: () => ok(api.LMSInitialize('')),
		terminate: () => ok(api.LMSFinish('')),
		commit: () => ok(api.LMSCommit('')),
		get: (element) => String(api.LMSGetValue(element) ?? ''),
		set: (element, value) => ok(api.LMSSetValue(element, value)),
		lastError: () => describe(api.LMSGetLastError(), (c) => api.LMSGetErrorString(c))
	};
}

export function calls2004(api: Scorm2004Api): ScormCalls {
	return {
		initialize: () => ok(api.Initialize('')),
		terminate: () => ok(api.Terminate('')),
		commit: () => ok(api.Commit('')),
		get: (element) => String(api.GetValue(element) ?? ''),
		set: (element, value) => ok(api.SetValue(element, value)),
		lastError: () => describe(api.GetLastError(), (c) => api.GetErrorString(c))
	};
}
