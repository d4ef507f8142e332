// Where the player gets its modules: relative URLs (so a build works at any sub-path and inside a
// SCORM zip), only the texts of the learner's language, and what a missing module or a failing
// server looks like. `fetch` is served from the modules/ folder on disk, as a static server would.
// Modules are loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODULES_DIR } from '../../../tests/helpers/load-from-disk';

type Source = typeof import('./module-source');
let source: Source;
let requests: { url: string; cache?: string }[];
let failWith: number | null;
/** Files served instead of those in modules/, by path below modules/. */
let served: Record<string, string>;

const CATALOGUE = { modules: [{ id: 'demo', broken: false, example: true, version: '1.0.0', languages: ['nl', 'en'], studyMinutes: 10, masteryScore: 60, titles: { nl: 'Voorbeeld' }, descriptions: {} }] };

beforeEach(async () => {
	vi.resetModules();
	source = await import('./module-source');
	requests = [];
	failWith = null;
	served = {};
	vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
		requests.push({ url, cache: init?.cache });
		if (failWith) return new Response('', { status: failWith });
		const path = decodeURIComponent(url.replace(/^modules\//, ''));
		if (path === 'index.json') return Response.json(CATALOGUE);
		if (path in served) return new Response(served[path]);
		const file = join(MODULES_DIR, path);
		return existsSync(file) ? new Response(readFileSync(file, 'utf8')) : new Response('', { status: 404 });
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('the module source', () => {
	it('addresses files relative to the page, each path segment encoded', () => {
		const s = new source.FetchModuleSource();
		expect(s.fileUrl('demo', 'media/foto 1#a.png')).toBe('modules/demo/media/foto%201%23a.png');
		expect(new source.FetchModuleSource('other/').fileUrl('a b', 'x.json')).toBe('other/a%20b/x.json');
	});

	it('reads the catalogue, always asking the server for a fresh copy', async () => {
		expect(await new source.FetchModuleSource().catalogue()).toEqual(CATALOGUE.modules);
		expect(requests).toEqual([{ url: 'modules/index.json', cache: 'no-cache' }]);
	});

	it('takes the catalogue fetched early, once', async () => {
		source.prefetchCatalogue();
		source.prefetchCatalogue();
		expect(requests).toHaveLength(1);
		const s = new source.FetchModuleSource();
		expect(await s.catalogue()).toEqual(CATALOGUE.modules);
		expect(requests).toHaveLength(1);
		await s.catalogue();
		expect(requests).toHaveLength(2);
	});

	it('says which file failed when the server does', async () => {
		failWith = 500;
		await expect(new source.FetchModuleSource().catalogue()).rejects.toThrow('modules/index.json: HTTP 500');
		await expect(new source.FetchModuleSource().load('demo')).rejects.toThrow('module.json: HTTP 500');
	});

	it('loads a module with the texts of every language, or of the learner\u2019s only', async () => {
		const all = await new source.FetchModuleSource().load('demo');
		expect(all.ok && Object.keys(all.loaded.locales).sort()).toEqual(['en', 'nl']);
		expect(requests.every((r) => r.cache === 'no-cache')).toBe(true);
		requests = [];
		const english = await new source.FetchModuleSource().load('demo', 'en');
		expect(english.ok && Object.keys(english.loaded.locales)).toEqual(['en']);
		expect(requests.map((r) => r.url)).toEqual(['modules/demo/module.json', 'modules/demo/locales/en.json']);
		// A language the module does not have: its default (nl).
		requests = [];
		await new source.FetchModuleSource().load('demo', 'fr');
		expect(requests.map((r) => r.url)).toEqual(['modules/demo/module.json', 'modules/demo/locales/nl.json']);
	});

	it('tells the learner there is no such module, and what to do', async () => {
		expect(await new source.FetchModuleSource().load('bestaat-niet')).toEqual({
			ok: false,
			issues: [{ severity: 'error', code: 'not-found', file: 'bestaat-niet/module.json', path: '', message: 'There is no module "bestaat-niet".', fix: 'Check the address, or choose a module from the list.' }]
		});
	});

	it('fetches one more language later, and says when it is missing', async () => {
		const s = new source.FetchModuleSource();
		const loaded = await s.load('demo', 'nl');
		if (!loaded.ok) throw new Error('demo did not load');
		const more = await s.loadTexts!(loaded.loaded.module, 'en');
		expect(more.ok).toBe(true);
		expect(requests.at(-1)).toEqual({ url: 'modules/demo/locales/en.json', cache: 'no-cache' });
		failWith = 404;
		expect(await s.loadTexts!(loaded.loaded.module, 'en')).toMatchObject({ ok: false, issues: [{ code: 'missing-file' }] });
	});

	it('fetches early from the player\u2019s own modules folder, fresh, and never gives that to another folder', async () => {
		served['other/index.json'] = JSON.stringify({ modules: [] });
		source.prefetchCatalogue();
		expect(requests).toEqual([{ url: 'modules/index.json', cache: 'no-cache' }]);
		expect(await new source.FetchModuleSource('other/').catalogue()).toEqual([]);
		expect(requests.map((r) => r.url)).toEqual(['modules/index.json', 'other/index.json']);
	});

	it('fetches texts only for language codes, never another path a module.json names', async () => {
		const demo = JSON.parse(readFileSync(join(MODULES_DIR, 'demo', 'module.json'), 'utf8'));
		served['demo/module.json'] = JSON.stringify({ ...demo, languages: ['nl', '../../secret', 'nl-BE', 'NL', 'nld', 'xnl', 'nl-B', 'nl-BEL', 'nl-be', 5] });
		await new source.FetchModuleSource().load('demo');
		expect(requests.map((r) => r.url).sort()).toEqual(['modules/demo/locales/nl-BE.json', 'modules/demo/locales/nl.json', 'modules/demo/module.json']);
	});

	it('fetches the module\u2019s default language for a learner whose language it lacks, if the default is one of its languages', async () => {
		const demo = JSON.parse(readFileSync(join(MODULES_DIR, 'demo', 'module.json'), 'utf8'));
		const urlsFor = async (changes: object) => {
			served['demo/module.json'] = JSON.stringify({ ...demo, ...changes });
			requests = [];
			await new source.FetchModuleSource().load('demo', 'fr');
			return requests.map((r) => r.url).slice(1);
		};
		expect(await urlsFor({ languages: ['nl', 'en'], defaultLanguage: 'en' })).toEqual(['modules/demo/locales/en.json']);
		// Not one of its languages (the module is refused for that, with the reason): its first language.
		expect(await urlsFor({ languages: ['nl', 'en'], defaultLanguage: 'de' })).toEqual(['modules/demo/locales/nl.json']);
		expect(await urlsFor({ languages: ['nl', 'en'] })).toEqual(['modules/demo/locales/nl.json']);
	});

	it('fetches no texts for a module.json that is not JSON, and says where it breaks', async () => {
		served['demo/module.json'] = '{ "languages": ["nl"], }';
		const result = await new source.FetchModuleSource().load('demo', 'nl');
		expect(requests.map((r) => r.url)).toEqual(['modules/demo/module.json']);
		expect(result).toMatchObject({ ok: false, issues: [{ code: 'invalid-json', file: 'module.json' }] });
	});
});
