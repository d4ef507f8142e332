// The description an LMS shows for a package: the module's own, followed by its accreditation
// (registers, points or hours, number, validity), in each of the module's languages.
import i18next from 'i18next';
import { accreditationLines, type Accreditation } from '../lib/engine';
import { readFileSync } from 'node:fs';

// Read, not imported: Playwright's loader (the e2e tests import the package tool) needs an import
// attribute for JSON that tsx and Vite do not.
const ui = (lang: string) => JSON.parse(readFileSync(new URL(`../lib/i18n/locales/${lang}.json`, import.meta.url), 'utf8'));
const nl = ui('nl');
const en = ui('en');

function translator(lang: string) {
	const i18n = i18next.createInstance();
	i18n.init({ lng: lang, fallbackLng: 'en', resources: { nl: { ui: nl }, en: { ui: en } }, ns: ['ui'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
	return (key: string, vars?: Record<string, string | number>) => i18n.t(key, vars ?? {}) as string;
}

export function manifestDescriptions(descriptions: Record<string, string>, accreditation: Accreditation | undefined): Record<string, string> {
	if (!accreditation) return descriptions;
	return Object.fromEntries(
		Object.entries(descriptions).map(([lang, description]) => {
			const t = translator(lang);
			const lines = accreditationLines(accreditation, { t, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
			const provider = accreditation.provider ? ` ${t('accreditation.provider', { provider: accreditation.provider })}.` : '';
			const example = accreditation.example ? ` ${t('accreditation.example')}` : '';
			return [lang, `${description}\n\n${t('accreditation.manifest')}: ${lines.join('; ')}.${provider}${example}`];
		})
	);
}
