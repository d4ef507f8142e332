import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServiceWorker, fillIn, precacheList } from '../../src/tools/build-sw.js';

const tmp = join(import.meta.dirname, '..', '.tmp', `build-sw-${process.pid}`);
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function fakeBuild(files: Record<string, string>) {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(tmp, path, '..'), { recursive: true });
		writeFileSync(join(tmp, path), text);
	}
	return tmp;
}

const BUILD = {
	'index.html': '<!doctype html>',
	'_app/immutable/entry/start.abc.js': 'export {}',
	'manifest.webmanifest': '{}',
	'modules/index.json': '{"modules":[]}',
	'modules/demo/module.json': '{"version":"1.0.0"}',
	'modules/demo/media/sam.svg': '<svg/>'
};

describe('the precache list', () => {
	it('holds every file of the build, relative, but the worker itself', () => {
		const dir = fakeBuild({ ...BUILD, 'sw.js': 'old worker' });
		expect(precacheList(dir).files).toEqual(['_app/immutable/entry/start.abc.js', 'index.html', 'manifest.webmanifest', 'modules/demo/media/sam.svg', 'modules/demo/module.json', 'modules/index.json']);
	});

	it('gets a new version when any file changes, and keeps it when nothing does', () => {
		const dir = fakeBuild(BUILD);
		const first = precacheList(dir).version;
		expect(precacheList(dir).version).toBe(first);
		writeFileSync(join(dir, 'modules/demo/module.json'), '{"version":"1.0.1"}');
		expect(precacheList(dir).version).not.toBe(first);
	});

	it('says what is wrong when the worker source lost the places to fill in', () => {
		expect(() => fillIn('const VERSION = 1;', 'v', [])).toThrow(/lost its marker/);
	});
});

/** Runs the written sw.js in a sandbox with a fake worker scope and Cache Storage. */
function runWorker(dir: string, scope: string, active: boolean, existing: string[] = []) {
	const listeners: Record<string, (event: unknown) => void> = {};
	const stores = new Map<string, Map<string, Response>>(existing.map((name) => [name, new Map()]));
	const fetched: { url: string; cache: string }[] = [];
	const calls = { skipWaiting: 0, claim: 0 };
	const caches = {
		open: async (name: string) => {
			if (!stores.has(name)) stores.set(name, new Map());
			const store = stores.get(name)!;
			return {
				addAll: async (requests: Request[]) => {
					for (const r of requests) {
						fetched.push({ url: r.url, cache: r.cache });
						store.set(r.url, new Response(`body of ${r.url}`));
					}
				},
				match: async (url: string) => store.get(url)?.clone()
			};
		},
		keys: async () => [...stores.keys()],
		delete: async (name: string) => stores.delete(name)
	};
	const self = {
		registration: { scope, active: active ? {} : null },
		addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] = fn),
		skipWaiting: async () => void calls.skipWaiting++,
		clients: { claim: async () => void calls.claim++ }
	};
	runInNewContext(readFileSync(join(dir, 'sw.js'), 'utf8'), { self, caches, fetch: async () => new Response('from the network'), Request, Response, URL });
	const extend = async (type: string, event: object) => {
		let wait: Promise<unknown> = Promise.resolve();
		listeners[type]({ ...event, waitUntil: (p: Promise<unknown>) => (wait = p) });
		await wait;
	};
	const request = async (url: string, init: { method?: string; mode?: string } = {}) => {
		let answer: Promise<Response> | undefined;
		listeners.fetch({ request: { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' }, respondWith: (p: Promise<Response>) => (answer = p) });
		return answer ? (await answer).text() : 'not handled';
	};
	return { extend, request, stores, fetched, calls };
}

describe('the service worker', () => {
	it('precaches the whole build from the server on install, and takes over at once the first time', async () => {
		const dir = fakeBuild(BUILD);
		const { version } = buildServiceWorker(dir);
		const sw = runWorker(dir, 'https://example.org/koers/', false);
		await sw.extend('install', {});
		expect(sw.fetched.map((f) => f.url)).toContain('https://example.org/koers/modules/demo/media/sam.svg');
		expect(sw.fetched).toHaveLength(6);
		expect(sw.fetched.every((f) => f.cache === 'no-cache')).toBe(true);
		expect([...sw.stores.keys()]).toEqual([`koers https://example.org/koers/ ${version}`]);
		expect(sw.calls.skipWaiting).toBe(1);
	});

	it('lets an update wait for the learner while an older version is active', async () => {
		const dir = fakeBuild(BUILD);
		buildServiceWorker(dir);
		const sw = runWorker(dir, 'https://example.org/koers/', true);
		await sw.extend('install', {});
		expect(sw.calls.skipWaiting).toBe(0);
	});

	it('answers its own files from the cache, the folder with index.html, and leaves everything else alone', async () => {
		const dir = fakeBuild(BUILD);
		buildServiceWorker(dir);
		const sw = runWorker(dir, 'https://example.org/koers/', false);
		await sw.extend('install', {});
		expect(await sw.request('https://example.org/koers/modules/demo/module.json')).toBe('body of https://example.org/koers/modules/demo/module.json');
		expect(await sw.request('https://example.org/koers/modules/index.json?fresh=1')).toBe('body of https://example.org/koers/modules/index.json');
		expect(await sw.request('https://example.org/koers/', { mode: 'navigate' })).toBe('body of https://example.org/koers/index.html');
		expect(await sw.request('https://example.org/koers/modules/other/module.json')).toBe('not handled');
		expect(await sw.request('https://example.org/lms/content/index.html', { mode: 'navigate' })).toBe('not handled');
		expect(await sw.request('https://elsewhere.example/koers/index.html')).toBe('not handled');
		expect(await sw.request('https://example.org/koers/index.html', { method: 'POST' })).toBe('not handled');
	});

	it('removes its own older caches on activation, and nobody else’s', async () => {
		const dir = fakeBuild(BUILD);
		const { version } = buildServiceWorker(dir);
		const sw = runWorker(dir, 'https://example.org/koers/', false, ['koers https://example.org/koers/ old', 'koers https://example.org/other/ old', 'someone-else']);
		await sw.extend('install', {});
		await sw.extend('activate', {});
		expect([...sw.stores.keys()].sort()).toEqual(['koers https://example.org/koers/ ' + version, 'koers https://example.org/other/ old', 'someone-else'].sort());
		expect(sw.calls.claim).toBe(1);
	});
});
