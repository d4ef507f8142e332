import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeployment } from './deployment';
import { DeploymentError, deploymentFromEnv, writeDeployment } from '../../tools/deployment';

describe('the deployment\u2019s publisher setting', () => {
	it('names no publisher unless one is set, and the player reads back what was written', () => {
		const dir = mkdtempSync(join(tmpdir(), 'koers-deployment-'));
		writeFileSync(join(dir, 'deployment.json'), '{"publisher": {"name": "stale"}}');
		expect(writeDeployment(dir, {})).toBeNull();
		expect(parseDeployment(JSON.parse(readFileSync(join(dir, 'deployment.json'), 'utf8')))).toEqual({ publisher: null });
		writeDeployment(dir, { KOERS_PUBLISHER_NAME: ' Leerhuis Zuid ', KOERS_PUBLISHER_URL: 'https://leerhuis.example.nl', KOERS_PUBLISHER_CONTACT: 'opleidingen@example.nl' });
		expect(parseDeployment(JSON.parse(readFileSync(join(dir, 'deployment.json'), 'utf8')))).toEqual({
			publisher: { name: 'Leerhuis Zuid', url: 'https://leerhuis.example.nl', contact: 'opleidingen@example.nl' }
		});
	});

	it('refuses an unsafe address or an address without a name, saying what to set', () => {
		expect(() => deploymentFromEnv({ KOERS_PUBLISHER_NAME: 'X', KOERS_PUBLISHER_URL: 'javascript:alert("https:")' })).toThrow(DeploymentError);
		expect(() => deploymentFromEnv({ KOERS_PUBLISHER_URL: 'https://example.nl' })).toThrow(/KOERS_PUBLISHER_NAME/);
	});

	it('shows nothing that is malformed or unsafe in a hand-edited file', () => {
		expect(parseDeployment(null)).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: { name: '' } })).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: { name: 'Leerhuis', url: 'javascript:alert(1)' } })).toEqual({ publisher: { name: 'Leerhuis' } });
	});

	it('keeps a name up to 200 characters, an address up to 500 and a contact up to 200 (spaces counted), trimmed', () => {
		const name = 'N'.repeat(198);
		const url = `https://example.nl/${'a'.repeat(500 - 19)}`;
		expect(parseDeployment({ publisher: { name: ` ${name} `, url, contact: ` ${'c'.repeat(199)}` } })).toEqual({ publisher: { name, url, contact: 'c'.repeat(199) } });
		expect(parseDeployment({ publisher: { name: 'N'.repeat(201) } })).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: { name: 'X', url: `${url}b`, contact: 'c'.repeat(201) } })).toEqual({ publisher: { name: 'X' } });
	});

	it('leaves out what is blank or not a text, and files without a publisher object', () => {
		expect(parseDeployment({ publisher: { name: '   ' } })).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: { name: 7 } })).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: 'Leerhuis' })).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: null })).toEqual({ publisher: null });
		expect(parseDeployment('Leerhuis')).toEqual({ publisher: null });
		for (const other of [undefined, 5, true, ['Leerhuis'], { publisher: ['Leerhuis'] }, { publisher: 'name' }, { name: 'Leerhuis' }])
			expect(parseDeployment(other), JSON.stringify(other)).toEqual({ publisher: null });
		expect(parseDeployment({ publisher: { name: 'X', url: ' ', contact: '  ' } })).toEqual({ publisher: { name: 'X' } });
		expect(parseDeployment({ publisher: { name: 'X', url: 5, contact: true } })).toEqual({ publisher: { name: 'X' } });
	});
});

describe('the player reading deployment.json', () => {
	afterEach(() => vi.unstubAllGlobals());
	const serve = (respond: () => Promise<Response>) => {
		const requests: { url: string; cache?: string }[] = [];
		vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
			requests.push({ url, cache: init?.cache });
			return respond();
		});
		return requests;
	};
	const fresh = async () => {
		vi.resetModules();
		return (await import('./deployment')).loadDeployment;
	};

	it('asks once, next to the page and never from a cache, and names the publisher in it', async () => {
		const requests = serve(async () => Response.json({ publisher: { name: ' Leerhuis ', url: 'javascript:x()' } }));
		const load = await fresh();
		expect(await load()).toEqual({ publisher: { name: 'Leerhuis' } });
		expect(await load()).toEqual({ publisher: { name: 'Leerhuis' } });
		expect(requests).toEqual([{ url: 'deployment.json', cache: 'no-cache' }]);
	});

	it('names no publisher when there is no file, or the server or the network fails', async () => {
		serve(async () => new Response('{"publisher": {"name": "not this"}}', { status: 404 }));
		expect(await (await fresh())()).toEqual({ publisher: null });
		serve(async () => Promise.reject(new TypeError('offline')));
		expect(await (await fresh())()).toEqual({ publisher: null });
		serve(async () => new Response('{ broken'));
		expect(await (await fresh())()).toEqual({ publisher: null });
	});
});
