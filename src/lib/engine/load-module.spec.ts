import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleFiles, MODULES_DIR } from '../../../tests/helpers/load-from-disk';
import { contentLanguage, loadLocale, loadModule } from './load-module';

const demo = readModuleFiles(join(MODULES_DIR, 'demo'));

describe('loading only the language the learner sees', () => {
	it('reads and checks just the asked language, so the other file need not be fetched', () => {
		const result = loadModule({ moduleJson: demo.moduleJson, locales: { en: demo.locales.en } }, { languages: ['en'] });
		expect(result.ok).toBe(true);
		if (result.ok) expect(Object.keys(result.loaded.locales)).toEqual(['en']);
	});

	it('still finds a broken text in that language', () => {
		const result = loadModule({ moduleJson: demo.moduleJson, locales: { nl: '{"meta": {"title": ""}}' } }, { languages: ['nl'] });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('missing-key');
	});

	it('requires every language when none is asked', () => {
		const result = loadModule({ moduleJson: demo.moduleJson, locales: { en: demo.locales.en } });
		expect(result.ok).toBe(false);
	});

	it('adds another language later, checked the same way', () => {
		const first = loadModule({ moduleJson: demo.moduleJson, locales: { nl: demo.locales.nl } }, { languages: ['nl'] });
		if (!first.ok) throw new Error('demo does not load');
		const module = first.loaded.module;
		const en = loadLocale(module, 'en', demo.locales.en);
		expect(en.ok && typeof en.texts.meta).toBe('object');
		expect(loadLocale(module, 'en', '{"meta": {}}').ok).toBe(false);
		expect(loadLocale(module, 'en', null).ok).toBe(false);
		expect(loadLocale(module, 'de', '{}').ok).toBe(false);
		expect(loadLocale(module, 'en', '{ not json').ok).toBe(false);
	});

	it('picks the learner\'s language when the module has it, else the module default', () => {
		expect(contentLanguage({ languages: ['nl', 'en'] }, 'en')).toBe('en');
		expect(contentLanguage({ languages: ['nl', 'en'] }, 'de')).toBe('nl');
		expect(contentLanguage({ languages: ['nl', 'en'], defaultLanguage: 'en' }, 'fr')).toBe('en');
	});
});
