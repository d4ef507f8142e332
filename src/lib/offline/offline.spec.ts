import { describe, expect, it } from 'vitest';
import { offlineDecision, pageAllowsUpdate, stepHasInput, type OfflineEnvironment } from './offline.svelte';

const standalone: OfflineEnvironment = { packaged: false, production: true, supported: true, secureContext: true, protocol: 'https:' };

describe('offlineDecision', () => {
	it('registers the service worker for the standalone build over https or on localhost', () => {
		expect(offlineDecision(standalone)).toEqual({ register: true, reason: 'standalone' });
		expect(offlineDecision({ ...standalone, protocol: 'http:' }).register).toBe(true);
	});

	it('never registers it inside a SCORM package, even where it could', () => {
		expect(offlineDecision({ ...standalone, packaged: true })).toEqual({ register: false, reason: 'packaged' });
	});

	it('leaves it out in the dev server, from file://, in an insecure context and where unsupported', () => {
		expect(offlineDecision({ ...standalone, production: false }).reason).toBe('development');
		expect(offlineDecision({ ...standalone, protocol: 'file:' }).reason).toBe('not-http');
		expect(offlineDecision({ ...standalone, protocol: 'http:', secureContext: false }).reason).toBe('insecure');
		expect(offlineDecision({ ...standalone, supported: false }).reason).toBe('unsupported');
	});
});

describe('pageAllowsUpdate', () => {
	it('offers updates on the catalogue and in the player only', () => {
		expect(pageAllowsUpdate('/')).toBe(true);
		expect(pageAllowsUpdate('/play/[moduleId]')).toBe(true);
		for (const route of ['/results/[moduleId]/[[attempt]]', '/trainer', '/author/[[moduleId]]', null]) expect(pageAllowsUpdate(route)).toBe(false);
	});
});

describe('stepHasInput', () => {
	it('holds an update back on steps with answers or text not yet saved', () => {
		for (const kind of ['quiz', 'reflection', 'evaluation', 'scale', 'checklist', 'fields', 'actionplan']) expect(stepHasInput(kind, false)).toBe(true);
	});
	it('lets it through between steps: content, persona, choice, feedback, end', () => {
		for (const kind of ['content', 'persona', 'choice', 'end', undefined]) expect(stepHasInput(kind, false)).toBe(false);
		expect(stepHasInput('quiz', true)).toBe(false);
	});
});
