/**
 * Finds the LMS's SCORM API object, the way the standards describe it (ADL's API discovery
 * algorithm, also used by pipwerks and Adapt spoor): look in this window and its parents, then in
 * the opener (a pop-up launch) and its parents, at most MAX_HOPS levels each way.
 *
 * The search is pinned to the package's edition: a SCORM 1.2 package only takes `window.API`, a
 * 2004 package only `window.API_1484_11`, because a package that binds to the other edition's
 * API reports data the LMS does not expect for it (eXe iteexe#464, ADR-0001).
 */
import type { Scorm12Api, Scorm2004Api } from './scorm-api';

export type Edition = 'scorm12' | 'scorm2004';

/** The ADL algorithm's limit; a deeper frame chain is treated as a loop. */
export const MAX_HOPS = 500;

/** What the walk needs of a window; a structural type so tests can build frame chains. */
export interface WindowLike {
	parent?: WindowLike | null;
	opener?: WindowLike | null;
	API?: unknown;
	API_1484_11?: unknown;
}

const NAMES = { scorm12: 'API', scorm2004: 'API_1484_11' } as const;

const REQUIRED = {
	scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
	scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']
} as const;

function apiIn(win: WindowLike, edition: Edition): unknown {
	// A frame of another origin throws on any property read: that is "not here", not a crash.
	try {
		const candidate = (win as Record<string, unknown>)[NAMES[edition]];
		if (candidate && typeof candidate === 'object' && REQUIRED[edition].every((m) => typeof (candidate as Record<string, unknown>)[m] === 'function'))
			return candidate;
	} catch {
		/* cross-origin */
	}
	return null;
}

function parentOf(win: WindowLike): WindowLike | null {
	try {
		const parent = win.parent;
		return parent && parent !== win ? parent : null;
	} catch {
		return null;
	}
}

function openerOf(win: WindowLike): WindowLike | null {
	try {
		return win.opener ?? null;
	} catch {
		return null;
	}
}

/** Walks from `start` up its parents; returns the API if found and the topmost window reached. */
function walkUp(start: WindowLike, edition: Edition): { api: unknown; top: WindowLike } {
	let win: WindowLike = start;
	for (let hops = 0; hops <= MAX_HOPS; hops++) {
		const api = apiIn(win, edition);
		if (api) return { api, top: win };
		const parent = parentOf(win);
		if (!parent) break;
		win = parent;
	}
	return { api: null, top: win };
}

export function findApi(win: WindowLike, edition: 'scorm12'): Scorm12Api | null;
export function findApi(win: WindowLike, edition: 'scorm2004'): Scorm2004Api | null;
export function findApi(win: WindowLike, edition: Edition): Scorm12Api | Scorm2004Api | null;
export function findApi(win: WindowLike, edition: Edition): Scorm12Api | Scorm2004Api | null {
	const own = walkUp(win, edition);
	if (own.api) return own.api as Scorm12Api | Scorm2004Api;
	// A pop-up launch: the LMS window opened ours (or the frameset holding ours).
	const opener = openerOf(own.top) ?? openerOf(win);
	return opener ? ((walkUp(opener, edition).api as Scorm12Api | Scorm2004Api | null) ?? null) : null;
}
