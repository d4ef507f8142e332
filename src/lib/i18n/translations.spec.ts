import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import nl from './locales/nl.json';
import { Translations, type TranslationTree } from './translations';

/** i18next, configured as the app used it, as the reference. */
function reference() {
	const i18n = i18next.createInstance();
	i18n.init({ lng: 'nl', fallbackLng: false, ns: ['ui'], defaultNS: 'ui', resources: { nl: { ui: nl }, en: { ui: en } }, interpolation: { escapeValue: false }, returnNull: false, initAsync: false, showSupportNotice: false });
	return i18n;
}

function ours() {
	const t = new Translations('nl', 'ui');
	t.addResourceBundle('nl', 'ui', nl);
	t.addResourceBundle('en', 'ui', en);
	return t;
}

/** Every key, with plural keys (`x_one`, `x_other`) also under their base key. */
function keys(tree: TranslationTree, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) => {
		const key = prefix ? `${prefix}.${k}` : k;
		return typeof v === 'string' ? [key, key.replace(/_(zero|one|two|few|many|other)$/, '')] : keys(v, key);
	});
}

describe('Translations gives the answers i18next gave', () => {
	const ref = reference();
	const mine = ours();
	const all = [...new Set([...keys(nl as TranslationTree), ...keys(en as TranslationTree)])];

	it.each(['nl', 'en'])('for every UI string in %s, with and without counts and values', (lng) => {
		const differences: string[] = [];
		for (const key of all)
			for (const options of [{}, { count: 0 }, { count: 1 }, { count: 2, percent: 40, title: 'T', date: '1-2-2026' }, { lng: lng === 'nl' ? 'en' : 'nl', count: 1 }]) {
				const withLng = { lng, ...options };
				const a = (ref.t as (k: string, o: object) => string)(key, withLng);
				const b = mine.t(key, withLng);
				if (a !== b) differences.push(`${key} ${JSON.stringify(withLng)}: i18next "${a}", ours "${b}"`);
			}
		expect(differences).toEqual([]);
	});

	it('handles namespaces, missing keys, module texts added later and the current language', () => {
		const t = ours();
		t.addResourceBundle('nl', 'module.demo', { meta: { title: 'Titel' }, nodes: { a: { body: 'Tekst' } } });
		t.addResourceBundle('nl', 'module.demo', { nodes: { b: { body: 'Meer' } } });
		expect(t.t('meta.title', { ns: 'module.demo' })).toBe('Titel');
		expect(t.t('module.demo:nodes.a.body')).toBe('Tekst');
		expect(t.t('nodes.b.body', { ns: 'module.demo' })).toBe('Meer');
		expect(t.exists('nodes.a.body', { ns: 'module.demo', lng: 'nl' })).toBe(true);
		expect(t.exists('nodes.a', { ns: 'module.demo', lng: 'nl' })).toBe(false);
		expect(t.exists('meta.title', { ns: 'module.demo', lng: 'en' })).toBe(false);
		expect(t.t('no.such.key')).toBe('no.such.key');
		let changes = 0;
		t.onChange = () => changes++;
		t.changeLanguage('en');
		expect(t.t('app.name')).toBe((en as { app: { name: string } }).app.name);
		expect(changes).toBe(1);
	});
});
