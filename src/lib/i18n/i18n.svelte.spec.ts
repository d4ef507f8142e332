import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { I18n, type LanguageMemory } from './i18n.svelte';
import en from './locales/en.json';
import nl from './locales/nl.json';

const memory = (initial: string | null = null): LanguageMemory => {
	let stored = initial;
	return { load: () => stored, save: (l) => (stored = l), clear: () => (stored = null) };
};

describe('I18n', () => {
	it('gives the texts of the language the learner switches to, also for texts already shown', async () => {
		expect(nl.app.skip).not.toBe(en.app.skip);
		const i18n = new I18n(memory());
		expect(i18n.t('app.skip')).toBe(nl.app.skip);
		await i18n.setLanguage('en');
		expect(i18n.t('app.skip')).toBe(en.app.skip);
		await i18n.setLanguage('nl');
		expect(i18n.t('app.skip')).toBe(nl.app.skip);
	});

	it("gives a module's texts once they are added, and again after they are replaced", () => {
		const i18n = new I18n(memory());
		i18n.addModuleTexts('m', 'nl', { title: 'Eerste' });
		expect(i18n.tm('m', 'title', { lng: 'nl' })).toBe('Eerste');
		i18n.addModuleTexts('m', 'nl', { title: 'Tweede' });
		expect(i18n.tm('m', 'title', { lng: 'nl' })).toBe('Tweede');
		i18n.addModuleTexts('m', 'en', { title: 'Second' });
		expect(i18n.tm('m', 'title', { lng: 'en' })).toBe('Second');
		expect(i18n.tm('m', 'title', { lng: 'nl' })).toBe('Tweede');
	});

	it('fills in values on every call', () => {
		const i18n = new I18n(memory());
		i18n.addModuleTexts('m', 'nl', { count: '{{n}} stappen' });
		expect(i18n.tm('m', 'count', { lng: 'nl', n: 2 })).toBe('2 stappen');
		expect(i18n.tm('m', 'count', { lng: 'nl', n: 3 })).toBe('3 stappen');
	});
});

describe('I18n languages', () => {
	it('starts in Dutch at once, with nothing to fetch', () => {
		const i18n = new I18n(memory());
		expect(i18n.isReady).toBe(true);
		expect(i18n.language).toBe('nl');
		expect(i18n.t('app.skip')).toBe(nl.app.skip);
	});

	it('starts in the language chosen on an earlier visit once its strings are fetched', async () => {
		const i18n = new I18n(memory('en'));
		expect(i18n.isReady).toBe(false);
		await i18n.ready;
		expect(i18n.isReady).toBe(true);
		expect(i18n.language).toBe('en');
		expect(i18n.t('app.skip')).toBe(en.app.skip);
	});

	it('remembers a switch only once it has happened', async () => {
		const remembered = memory();
		const i18n = new I18n(remembered);
		await i18n.setLanguage('en');
		expect(remembered.load()).toBe('en');
		expect(i18n.t('app.skip')).toBe(en.app.skip);
	});
});

describe('I18n lookups', () => {
	// Plain texts are read from the store without i18next's translate pipeline (speed of the first
	// page); every kind of text must still come out exactly as i18next's own `t` gives it.
	const texts = {
		plain: 'Gewoon een tekst',
		empty: '',
		withValue: 'Nog {{n}} stappen',
		nesting: 'Zie $t(plain)',
		nested: { deeper: 'Diep genest' },
		'flat.key': 'Platte sleutel met punt',
		list: ['een', 'twee']
	};
	const keys = ['plain', 'empty', 'withValue', 'nesting', 'nested.deeper', 'flat.key', 'list', 'nested', 'missing', 'nested.missing'];
	const reference = i18next.createInstance();
	reference.init({ lng: 'nl', fallbackLng: false, resources: { nl: { 'module.m': texts } }, defaultNS: 'module.m', interpolation: { escapeValue: false }, returnNull: false, initAsync: false, showSupportNotice: false });

	it.each(keys)('gives a module text %s as i18next does', (key) => {
		const i18n = new I18n(memory());
		i18n.addModuleTexts('m', 'nl', texts);
		expect(i18n.tm('m', key)).toBe(reference.t(key));
		expect(i18n.tm('m', key, { lng: 'nl' })).toBe(reference.t(key));
	});

	it('gives a module text in the language asked for, not the current one', async () => {
		const i18n = new I18n(memory());
		i18n.addModuleTexts('m', 'nl', { title: 'Titel' });
		i18n.addModuleTexts('m', 'en', { title: 'Title' });
		expect(i18n.tm('m', 'title')).toBe('Titel');
		expect(i18n.tm('m', 'title', { lng: 'en' })).toBe('Title');
		await i18n.setLanguage('en');
		expect(i18n.tm('m', 'title')).toBe('Title');
	});

	it('gives UI texts with values, and `ns:key` lookups, through i18next', () => {
		const i18n = new I18n(memory());
		i18n.addModuleTexts('m', 'nl', texts);
		expect(i18n.t('module.m:withValue', { n: 3 })).toBe('Nog 3 stappen');
		expect(i18n.t('module.m:plain')).toBe('Gewoon een tekst');
		expect(i18n.t('no.such.key')).toBe('no.such.key');
	});
});
