import { describe, expect, it } from 'vitest';
import { findApi, MAX_HOPS, type WindowLike } from './api-discovery';

const api12 = () => ({
	LMSInitialize: () => 'true', LMSFinish: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'true',
	LMSCommit: () => 'true', LMSGetLastError: () => '0', LMSGetErrorString: () => '', LMSGetDiagnostic: () => ''
});
const api2004 = () => ({
	Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true',
	Commit: () => 'true', GetLastError: () => '0', GetErrorString: () => '', GetDiagnostic: () => ''
});

/** A chain of frames, innermost first; the outermost is its own parent, as a top window is. */
function chain(depth: number, top: Partial<WindowLike> = {}): WindowLike[] {
	const frames: WindowLike[] = [];
	const outer: WindowLike = { ...top };
	outer.parent = outer;
	let current = outer;
	for (let i = 0; i < depth; i++) {
		const child: WindowLike = { parent: current };
		frames.unshift(child);
		current = child;
	}
	return [...frames, outer];
}

describe('finding the LMS API', () => {
	it('finds the 1.2 API in a parent frame (an LMS page around a nested content frame)', () => {
		const api = api12();
		const [sco] = chain(3, { API: api });
		expect(findApi(sco, 'scorm12')).toBe(api);
	});

	it('is pinned to the edition: a 1.2 package ignores API_1484_11 and a 2004 package ignores API', () => {
		const [sco] = chain(1, { API_1484_11: api2004() });
		expect(findApi(sco, 'scorm12')).toBeNull();
		const [sco2] = chain(1, { API: api12() });
		expect(findApi(sco2, 'scorm2004')).toBeNull();
	});

	it('takes the nearest API when frames on the way both have one', () => {
		const near = api2004();
		const frames = chain(2, { API_1484_11: api2004() });
		frames[1].API_1484_11 = near;
		expect(findApi(frames[0], 'scorm2004')).toBe(near);
	});

	it('finds the API through the opener of the top window (a pop-up launch)', () => {
		const api = api12();
		const [lms] = chain(0, { API: api });
		const frames = chain(2, { opener: lms });
		expect(findApi(frames[0], 'scorm12')).toBe(api);
	});

	it('skips frames of another origin instead of failing', () => {
		const api = api12();
		const frames = chain(2, { API: api });
		Object.defineProperty(frames[1], 'API', { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
		expect(findApi(frames[0], 'scorm12')).toBe(api);
		const blocked: WindowLike = {};
		Object.defineProperty(blocked, 'parent', { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
		expect(findApi(blocked, 'scorm12')).toBeNull();
	});

	it('ignores an object that lacks the API methods (a stray global named API)', () => {
		const [sco] = chain(1, { API: { LMSInitialize: () => 'true' } });
		expect(findApi(sco, 'scorm12')).toBeNull();
	});

	it(`gives up after ${MAX_HOPS} levels, as the ADL algorithm does`, () => {
		const deep = chain(MAX_HOPS + 5, { API: api12() });
		expect(findApi(deep[0], 'scorm12')).toBeNull();
		const fine = chain(MAX_HOPS - 1, { API: api12() });
		expect(findApi(fine[0], 'scorm12')).not.toBeNull();
	});

	it('returns null when there is no LMS at all (standalone)', () => {
		const [sco] = chain(0);
		expect(findApi(sco, 'scorm12')).toBeNull();
		expect(findApi(sco, 'scorm2004')).toBeNull();
	});
});
