// How a page knows it was launched from a SCORM package, which tracker it then gets, and how the
// tracker reads an LMS API's answers (strings or real booleans, error codes for the console).
// Modules are loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowLike } from './api-discovery';

type Launch = typeof import('./launch');
type Api = typeof import('./scorm-api');
let launch: Launch;
let scormApi: Api;
let warnings: string[];

beforeEach(async () => {
	launch = await import('./launch');
	scormApi = await import('./scorm-api');
	warnings = [];
	vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
});
afterEach(() => vi.restoreAllMocks());

const api12 = (over: Record<string, unknown> = {}) => ({
	LMSInitialize: () => 'true', LMSFinish: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'true',
	LMSCommit: () => 'true', LMSGetLastError: () => '0', LMSGetErrorString: () => '', LMSGetDiagnostic: () => '',
	...over
});
const api2004 = (over: Record<string, unknown> = {}) => ({
	Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true',
	Commit: () => 'true', GetLastError: () => '0', GetErrorString: () => '', GetDiagnostic: () => '',
	...over
});
/** An LMS page holding the SCO's frame. */
const framed = (lms: Partial<WindowLike>): WindowLike => {
	const top: WindowLike = { ...lms };
	top.parent = top;
	return { parent: top };
};

describe('the launch meta tag', () => {
	it('reads a module id and an edition, and nothing else', () => {
		expect(launch.parseLaunch('{"moduleId":"demo","edition":"scorm12","extra":1}')).toEqual({ moduleId: 'demo', edition: 'scorm12' });
		expect(launch.parseLaunch('{"moduleId":"demo","edition":"scorm2004"}')).toEqual({ moduleId: 'demo', edition: 'scorm2004' });
	});

	it.each([
		['no tag', null],
		['an empty tag', ''],
		['not JSON', '{moduleId:demo}'],
		['a path for an id', '{"moduleId":"../demo","edition":"scorm12"}'],
		['a number for an id', '{"moduleId":7,"edition":"scorm12"}'],
		['no edition', '{"moduleId":"demo"}'],
		['another standard', '{"moduleId":"demo","edition":"cmi5"}']
	])('is "not packaged" for %s', (_, content) => {
		expect(launch.parseLaunch(content)).toBeNull();
	});

	it('is the normal app where there is no document (no tag to read)', () => {
		expect(launch.packagedLaunch()).toBeNull();
		expect(launch.trackerFor('demo')).toMatchObject({ kind: 'none', problem: null });
	});
});

describe('a page launched from a package', () => {
	afterEach(() => vi.unstubAllGlobals());

	/** A page with the meta tag `npm run package` writes; counts how often it is read. */
	function packagedPage(content: string, lms: Partial<WindowLike>) {
		const reads: string[] = [];
		vi.stubGlobal('document', {
			querySelector: (selector: string) => {
				reads.push(selector);
				return selector === 'meta[name="koers-package"]' ? { getAttribute: (name: string) => (name === 'content' ? content : null) } : null;
			}
		});
		vi.stubGlobal('window', framed(lms));
		return reads;
	}

	it('reads the tag once, and gives its module one SCORM session however often it is opened', async () => {
		vi.resetModules();
		const reads = packagedPage('{"moduleId":"demo","edition":"scorm2004"}', { API_1484_11: api2004() });
		const fresh = await import('./launch');
		expect(fresh.LAUNCH_META).toBe('koers-package');
		expect(fresh.packagedLaunch()).toEqual({ moduleId: 'demo', edition: 'scorm2004' });
		expect(fresh.packagedLaunch()).toEqual({ moduleId: 'demo', edition: 'scorm2004' });
		expect(reads).toEqual(['meta[name="koers-package"]']);
		const tracker = fresh.trackerFor('demo');
		expect(tracker.kind).toBe('scorm2004');
		expect(fresh.trackerFor('demo')).toBe(tracker);
		// Another module in the same page (the catalogue of a full build) reports to no LMS.
		expect(fresh.trackerFor('polarisatie-analyse')).toMatchObject({ kind: 'none', problem: null });
	});

	it('is the normal app when the page has no tag', async () => {
		vi.resetModules();
		packagedPage('', { API: api12() });
		const fresh = await import('./launch');
		expect(fresh.packagedLaunch()).toBeNull();
		expect(fresh.trackerFor('demo').kind).toBe('none');
	});
});

describe('the tracker for a launch', () => {
	it('takes the edition\u2019s own API: a 1.2 package gets the 1.2 adapter, a 2004 package the 2004 one', () => {
		const both = framed({ API: api12(), API_1484_11: api2004() });
		expect(launch.createTracker({ moduleId: 'demo', edition: 'scorm12' }, both).kind).toBe('scorm12');
		expect(launch.createTracker({ moduleId: 'demo', edition: 'scorm2004' }, both).kind).toBe('scorm2004');
		expect(warnings).toEqual([]);
	});

	it('plays on without an LMS when the edition\u2019s API is missing, tells the learner, and names the API in the console', () => {
		const only2004 = framed({ API_1484_11: api2004() });
		const tracker = launch.createTracker({ moduleId: 'demo', edition: 'scorm12' }, only2004);
		expect(tracker).toMatchObject({ kind: 'none', problem: 'lms.notFound' });
		const only12 = framed({ API: api12() });
		expect(launch.createTracker({ moduleId: 'demo', edition: 'scorm2004' }, only12)).toMatchObject({ kind: 'none', problem: 'lms.notFound' });
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toContain('No SCORM 1.2 API found');
		expect(warnings[1]).toContain('No SCORM 2004 API_1484_11 found');
	});

	it('a tracker without an LMS reports nothing and connects to nothing', async () => {
		const { NoLmsTracker } = await import('./tracker');
		const tracker = new NoLmsTracker();
		expect(tracker.problem).toBeNull();
		expect(await tracker.start()).toEqual({});
	});
});

describe('reading an LMS API\u2019s answers', () => {
	it('takes "true" and true as success, anything else as failure', () => {
		const yes = scormApi.calls12(api12({ LMSInitialize: () => true, LMSCommit: () => 'true' }) as never);
		expect([yes.initialize(), yes.commit()]).toEqual([true, true]);
		const no = scormApi.calls2004(api2004({ Initialize: () => 'false', Commit: () => false, SetValue: () => '' }) as never);
		expect([no.initialize(), no.commit(), no.set('cmi.location', 'a')]).toEqual([false, false, false]);
	});

	it('passes each call to the edition\u2019s own function, with the element and value', () => {
		const seen: string[] = [];
		const record = (name: string, answer: unknown) => (...args: unknown[]) => (seen.push(`${name}(${args.join(',')})`), answer);
		const c12 = scormApi.calls12(api12({ LMSFinish: record('LMSFinish', 'true'), LMSSetValue: record('LMSSetValue', 'true'), LMSGetValue: record('LMSGetValue', 'x') }) as never);
		expect([c12.terminate(), c12.set('cmi.core.exit', 'suspend'), c12.get('cmi.core.entry')]).toEqual([true, true, 'x']);
		const c2004 = scormApi.calls2004(api2004({ Terminate: record('Terminate', 'true'), SetValue: record('SetValue', 'true'), GetValue: record('GetValue', 'y') }) as never);
		expect([c2004.terminate(), c2004.set('cmi.exit', 'suspend'), c2004.get('cmi.entry')]).toEqual([true, true, 'y']);
		expect(seen).toEqual(['LMSFinish()', 'LMSSetValue(cmi.core.exit,suspend)', 'LMSGetValue(cmi.core.entry)', 'Terminate()', 'SetValue(cmi.exit,suspend)', 'GetValue(cmi.entry)']);
	});

	it('reads a missing value as empty', () => {
		expect(scormApi.calls12(api12({ LMSGetValue: () => null }) as never).get('cmi.suspend_data')).toBe('');
		expect(scormApi.calls2004(api2004({ GetValue: () => undefined }) as never).get('cmi.suspend_data')).toBe('');
	});

	it('describes the last error as "code: text", and no error as nothing', () => {
		const failing = scormApi.calls12(api12({ LMSGetLastError: () => 301, LMSGetErrorString: (c: string) => (c === '301' ? 'Not initialized' : '?') }) as never);
		expect(failing.lastError()).toBe('301: Not initialized');
		const failing2004 = scormApi.calls2004(api2004({ GetLastError: () => '406', GetErrorString: (c: string) => (c === '406' ? 'Data Model Element Type Mismatch' : '?') }) as never);
		expect(failing2004.lastError()).toBe('406: Data Model Element Type Mismatch');
		for (const none of ['0', 0, '', null])
			expect(scormApi.calls2004(api2004({ GetLastError: () => none, GetErrorString: () => 'No error' }) as never).lastError()).toBe('');
	});

	it('keeps the code when the LMS has no text for it, or throws on it', () => {
		expect(scormApi.calls12(api12({ LMSGetLastError: () => '101', LMSGetErrorString: () => '' }) as never).lastError()).toBe('101');
		const throwing = scormApi.calls2004(api2004({ GetLastError: () => '999', GetErrorString: () => { throw new Error('unknown code'); } }) as never);
		expect(throwing.lastError()).toBe('999');
	});
});
