import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import en from '$lib/i18n/locales/en.json';
import nl from '$lib/i18n/locales/nl.json';
import { demoRecord } from '../../../tests/results/fixtures';
import { readPdf } from '../../../tests/results/pdf-reader';
import { buildCertificate, CertificateError, downloadName, minutesText, type Translate } from './certificate';

function translator(lng: 'nl' | 'en'): Translate {
	const i18n = i18next.createInstance();
	i18n.init({ lng, resources: { nl: { ui: nl }, en: { ui: en } }, ns: ['ui'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
	return (key, vars) => i18n.t(key, vars ?? {}) as string;
}

const best = { first: 'talk', second: 'ask', signals: ['b'], approaches: ['a', 'c'], rating: 9 } as const;
const poor = { first: 'wait', second: 'leave', signals: ['a'], approaches: ['b'] } as const;
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

describe('certificate', () => {
	it('shows name, module, version, completion date, study time, score, pass and publisher, in Dutch', () => {
		const record = demoRecord(best, { name: 'Zoë van der Meer-Çelik', stepSeconds: 400 });
		const pdf = readPdf(buildCertificate(record, { t: translator('nl'), locale: 'nl-NL', timeZone: 'Europe/Amsterdam' }));
		expect(pdf.problems).toEqual([]);
		expect(pdf.pages).toBe(1);
		const text = pdf.texts[0];
		expect(record.attempt.id).toMatch(/^demo-[0-9a-f-]{36}$/);
		expect(text).toEqual(
			expect.arrayContaining([
				'CERTIFICAAT',
				'Hierbij verklaren wij dat',
				'Zoë van der Meer-Çelik',
				'de e-learningmodule met goed gevolg heeft afgerond',
				'Voorbeeldmodule: een nieuwe bezoeker',
				'Versie 1.0.0  ·  Uitgegeven door Koers',
				'DATUM AFRONDING',
				'2 november 2026',
				'STUDIETIJD',
				'10 minuten',
				'BESTEDE TIJD',
				'1 uur en 7 minuten',
				'100% (6/6)',
				'Geslaagd',
				'GESLAAGD',
				'https://github.com/koers-learning/koers',
				`Kenmerk: ${record.attempt.id}`
			])
		);
		expect(pdf.info.Title).toBe('Certificaat: Voorbeeldmodule: een nieuwe bezoeker – Zoë van der Meer-Çelik');
	});

	it('is in English for a learner who uses Koers in English', () => {
		const record = demoRecord(best, { name: 'Sam Taylor', lang: 'en' });
		const text = readPdf(buildCertificate(record, { t: translator('en'), locale: 'en-GB', timeZone: 'Europe/London' })).texts[0];
		expect(text).toEqual(expect.arrayContaining(['CERTIFICATE', 'This is to certify that', 'Sam Taylor', 'Example module: a new visitor', 'DATE COMPLETED', '2 November 2026', 'Passed', '5 minutes']));
	});

	it('makes a certificate of participation, not a certificate, for an attempt that did not pass', () => {
		const record = demoRecord(poor, { name: 'Daan Bakker' });
		const text = readPdf(buildCertificate(record, { t: translator('nl'), locale: 'nl-NL' })).texts[0];
		expect(text).toContain('BEWIJS VAN DEELNAME');
		expect(text).not.toContain('CERTIFICAAT');
		expect(text).toContain('de e-learningmodule volledig heeft doorlopen');
		expect(text).toContain('Niet geslaagd (60% nodig)');
		expect(text).toContain('0% (0/6)');
	});

	it('fits a very long name on the page', () => {
		const record = demoRecord(best, { name: 'Maximiliaan Alexander Theodorus van Bronckhorst-Oudshoorn tot Wijchen' });
		const text = readPdf(buildCertificate(record, { t: translator('nl'), locale: 'nl-NL' })).texts[0];
		expect(text).toContain('Maximiliaan Alexander Theodorus van Bronckhorst-Oudshoorn tot Wijchen');
	});

	it('refuses without a name or for an unfinished attempt, saying what to do', () => {
		const record = demoRecord(best);
		expect(() => buildCertificate(record, { t: translator('nl'), locale: 'nl-NL' })).toThrow(CertificateError);
		expect(() => buildCertificate(record, { t: translator('nl'), locale: 'nl-NL' })).toThrow(/type it/);
		const unfinished = { ...demoRecord(best, { name: 'A' }), attempt: { ...record.attempt, completed: false, completedAt: null } };
		expect(() => buildCertificate(unfinished, { t: translator('nl'), locale: 'nl-NL' })).toThrow(/finished attempt/);
	});

	it.skipIf(!hasPoppler)('reads as a certificate in an independent PDF reader (poppler)', () => {
		const record = demoRecord(best, { name: 'Zoë van der Meer' });
		const file = join(mkdtempSync(join(tmpdir(), 'koers-cert-')), 'certificaat.pdf');
		writeFileSync(file, buildCertificate(record, { t: translator('nl'), locale: 'nl-NL' }));
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		for (const expected of ['CERTIFICAAT', 'Zoë van der Meer', 'Voorbeeldmodule: een nieuwe bezoeker', 'Versie 1.0.0', '100% (6/6)', 'Geslaagd']) expect(text).toContain(expected);
		expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
	});

	it('writes durations and file names plainly', () => {
		const t = translator('nl');
		expect(minutesText(t, 1)).toBe('1 minuut');
		expect(minutesText(t, 60)).toBe('1 uur');
		expect(minutesText(t, 150)).toBe('2 uur en 30 minuten');
		expect(downloadName('Certificaat', demoRecord(best, { name: 'Zoë van der Meer' }), 'pdf')).toBe('certificaat-demo-2026-11-02-zoe-van-der-meer.pdf');
	});
});
