import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '$lib/i18n/locales/en.json';
import nl from '$lib/i18n/locales/nl.json';
import { demoRecord } from '../../../tests/results/fixtures';
import { DEMO_BEST_CHOICES, DEMO_WORST_CHOICES } from '../../../tests/helpers/demo-paths';
import { certificateContent, CertificateError, certificateWithheld, downloadName, type Translate } from './certificate';
import { formatDuration, formatMinutes, wholeMinutes } from './duration';

function translator(lng: 'nl' | 'en'): Translate {
	const i18n = i18next.createInstance();
	i18n.init({ lng, resources: { nl: { ui: nl }, en: { ui: en } }, ns: ['ui'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
	return (key, vars) => i18n.t(key, vars ?? {}) as string;
}

const best = { ...DEMO_BEST_CHOICES, reflection: '', rating: 9 };
const poor = { ...DEMO_WORST_CHOICES, reflection: '', rating: null };
const facts = (c: ReturnType<typeof certificateContent>) => Object.fromEntries(c.facts.map((f) => [f.label, f.value]));

describe('certificate', () => {
	it('says name, module, version, completion date, study time, time spent, score, pass and publisher, in Dutch', () => {
		const record = demoRecord(best, { name: 'Zoë van der Meer-Çelik', stepSeconds: 400 });
		const c = certificateContent(record, { t: translator('nl'), locale: 'nl-NL', timeZone: 'Europe/Amsterdam' });
		expect(c).toMatchObject({ passed: true, title: 'Certificaat', intro: 'Hierbij verklaren wij dat', name: 'Zoë van der Meer-Çelik', statement: 'de e-learningmodule met goed gevolg heeft afgerond' });
		expect(c.module).toEqual({ title: 'Voorbeeldmodule: een nieuwe bezoeker', lang: 'nl' });
		expect(c.subtitle).toMatch(/^Versie 1\.0\.0/);
		expect(facts(c)).toEqual({
			'Datum afronding': '2 november 2026',
			Studietijd: '10 minuten',
			'Bestede tijd': '1 uur en 7 minuten',
			Score: '100% (6/6)',
			Resultaat: 'Geslaagd'
		});
		expect(record.attempt.id).toMatch(/^demo-[0-9a-f-]{36}$/);
		expect(c.reference).toBe(`Kenmerk: ${record.attempt.id}`);
		expect(c.documentTitle).toBe('Certificaat: Voorbeeldmodule: een nieuwe bezoeker – Zoë van der Meer-Çelik');
	});

	it('is in English for a learner who uses Koers in English', () => {
		const record = demoRecord(best, { name: 'Sam Taylor', lang: 'en' });
		const c = certificateContent(record, { t: translator('en'), locale: 'en-GB', timeZone: 'Europe/London' });
		expect(c).toMatchObject({ title: 'Certificate', intro: 'This is to certify that', name: 'Sam Taylor', module: { title: 'Example module: a new visitor', lang: 'en' } });
		expect(facts(c)).toMatchObject({ 'Date completed': '2 November 2026', Result: 'Passed', 'Time spent': '5 minutes' });
	});

	it('makes a certificate of participation, not a certificate, for an attempt that did not pass', () => {
		const record = demoRecord(poor, { name: 'Daan Bakker' });
		const c = certificateContent(record, { t: translator('nl'), locale: 'nl-NL' });
		expect(c.title).toBe('Bewijs van deelname');
		expect(c.passed).toBe(false);
		expect(c.statement).toBe('de e-learningmodule volledig heeft doorlopen');
		expect(facts(c)).toMatchObject({ Resultaat: 'Niet geslaagd (60% nodig)', Score: '0% (0/6)' });
	});

	it('refuses without a name or for an unfinished attempt, saying what to do', () => {
		const record = demoRecord(best);
		expect(() => certificateContent(record, { t: translator('nl'), locale: 'nl-NL' })).toThrow(CertificateError);
		expect(() => certificateContent(record, { t: translator('nl'), locale: 'nl-NL' })).toThrow(/type it/);
		const unfinished = { ...demoRecord(best, { name: 'A' }), attempt: { ...record.attempt, completed: false, completedAt: null } };
		expect(() => certificateContent(unfinished, { t: translator('nl'), locale: 'nl-NL' })).toThrow(/finished attempt/);
	});

	it('names files plainly', () => {
		expect(downloadName('Certificaat', demoRecord(best, { name: 'Zoë van der Meer' }), 'pdf')).toBe('certificaat-demo-2026-11-02-zoe-van-der-meer.pdf');
	});
});

describe('time spent, one way everywhere', () => {
	const t = translator('nl');
	it('says "less than a minute" below half a minute, never "0 minutes" or a minute not spent', () => {
		expect(formatDuration(t, 0)).toBe('minder dan 1 minuut');
		expect(formatDuration(t, 16)).toBe('minder dan 1 minuut');
		expect(formatDuration(t, 29)).toBe('minder dan 1 minuut');
		expect(formatDuration(translator('en'), 16)).toBe('less than a minute');
	});
	it('rounds to the nearest whole minute, and says hours from 60 minutes on', () => {
		expect(formatDuration(t, 30)).toBe('1 minuut');
		expect(formatDuration(t, 89)).toBe('1 minuut');
		expect(formatDuration(t, 90)).toBe('2 minuten');
		expect(formatDuration(t, 59 * 60 + 29)).toBe('59 minuten');
		expect(formatDuration(t, 59 * 60 + 30)).toBe('1 uur');
		expect(formatDuration(t, 75 * 60)).toBe('1 uur en 15 minuten');
		expect(formatDuration(translator('en'), 150 * 60)).toBe('2 hours and 30 minutes');
		expect(formatMinutes(t, 75)).toBe('1 uur en 15 minuten');
	});
	it('counts nothing for a missing or broken time', () => {
		expect(wholeMinutes(Number.NaN)).toBe(0);
		expect(wholeMinutes(-5)).toBe(0);
		expect(formatDuration(t, Number.NaN)).toBe('minder dan 1 minuut');
	});
});

describe('what a certificate adds for accreditation', () => {
	const t = translator('nl');
	it('names the registers, points or hours, number and validity, and says when the data is an example', () => {
		const record = demoRecord(best, { name: 'Zoë' });
		expect(record.module.accreditation?.example).toBe(true);
		const c = certificateContent(record, { t, locale: 'nl-NL' });
		expect(c.accreditation).toEqual({
			label: 'Accreditatie',
			lines: ['Voorbeeldregister A: 1 punt, nummer VB-0000, geldig van 1 januari 2026 tot en met 31 december 2027', 'Voorbeeldregister B: 0,5 uur', 'Aanbieder: Voorbeeldopleider (verzonnen)'],
			example: 'Voorbeeld: deze accreditatie is verzonnen en geldt niet. Zo ziet het eruit als een module geaccrediteerd is.'
		});
	});

	it('names the publisher set for the deployment, and none that was not set', () => {
		const record = demoRecord(best, { name: 'Zoë' });
		expect(record.module.publisher).toBeNull();
		const c = certificateContent(record, { t, locale: 'nl-NL' });
		expect(c.publisher).toBeNull();
		expect(c.subtitle).toBe('Versie 1.0.0');
		const issued = certificateContent({ ...record, module: { ...record.module, publisher: { name: 'Leerhuis Zuid', url: 'https://leerhuis.example.nl' } } }, { t, locale: 'nl-NL' });
		expect(issued.publisher).toEqual({ label: 'Uitgever', lines: ['Leerhuis Zuid', 'https://leerhuis.example.nl'] });
		expect(issued.subtitle).toBe('Versie 1.0.0  \u00b7  Uitgegeven door Leerhuis Zuid');
	});

	it('is withheld, with the reason, below the module\u2019s minimum active time', () => {
		const record = demoRecord(best, { name: 'Zoë', stepSeconds: 30 });
		const strict = { ...record, module: { ...record.module, certificateMinimumMinutes: 30 } };
		expect(certificateWithheld(strict, t)).toBe(
			`Voor een certificaat van deze module moet je minstens 30 minuten actief aan de module hebben gewerkt; bij deze poging was dat ${formatDuration(t, record.attempt.timeSpentSeconds)}. Je resultaat telt wel; in een leeromgeving beslist die zelf.`
		);
		expect(() => certificateContent(strict, { t, locale: 'nl-NL' })).toThrow(/minstens 30 minuten/);
		expect(certificateWithheld({ ...strict, attempt: { ...strict.attempt, timeSpentSeconds: 30 * 60 } }, t)).toBeNull();
		expect(certificateWithheld(record, t)).toBeNull();
	});
});
