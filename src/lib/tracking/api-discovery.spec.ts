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

	it(`reaches an API exactly ${MAX_HOPS} levels up, and not one more`, () => {
		expect(findApi(chain(MAX_HOPS, { API: api12() })[0], 'scorm12')).not.toBeNull();
		expect(findApi(chain(MAX_HOPS + 1, { API: api12() })[0], 'scorm12')).toBeNull();
	});

	it('finds the API in a parent of the opener, and through the opener of the SCO\u2019s own window', () => {
		const api = api2004();
		const lmsFrames = chain(1, { API_1484_11: api });
		const [sco] = chain(2, { opener: lmsFrames[0] });
		expect(findApi(sco, 'scorm2004')).toBe(api);
		// A pop-up without frames: the SCO's window is its own top.
		const popup: WindowLike = { opener: lmsFrames[0] };
		expect(findApi(popup, 'scorm2004')).toBe(api);
		// The opener's chain also holds only the other edition: nothing.
		expect(findApi(popup, 'scorm12')).toBeNull();
	});

	it('an opener of another origin, or an opener without an LMS, is "no LMS", not a crash', () => {
		const top: WindowLike = {};
		Object.defineProperty(top, 'opener', { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
		top.parent = top;
		expect(findApi({ parent: top }, 'scorm12')).toBeNull();
		expect(findApi({ opener: chain(1)[0] }, 'scorm12')).toBeNull();
	});

	it('takes only an object with every method: not a function, not null, not one method short', () => {
		const fn = Object.assign(() => {}, api12());
		expect(findApi(chain(1, { API: fn })[0], 'scorm12')).toBeNull();
		expect(findApi(chain(1, { API: null })[0], 'scorm12')).toBeNull();
		const { LMSGetDiagnostic: _, ...short } = api12();
		expect(findApi(chain(1, { API: short })[0], 'scorm12')).toBeNull();
		const { GetDiagnostic: __, ...short2004 } = api2004();
		expect(findApi(chain(1, { API_1484_11: short2004 })[0], 'scorm2004')).toBeNull();
	});

	it('returns null when there is no LMS at all (standalone)', () => {
		const [sco] = chain(0);
		expect(findApi(sco, 'scorm12')).toBeNull();
		expect(findApi(sco, 'scorm2004')).toBeNull();
	});
});
