/**
 * The certificate: what one A4 landscape page says, drawn from the result record so the page and
 * the JSON a learner hands in always agree. Pure (no DOM); words come from the caller's translator,
 * so the certificate is in the learner's language.
 *
 * The page itself is HTML (`Certificate.svelte`) that the browser prints, or saves as PDF. The
 * browser's own text engine shapes every script a learner's name may be in (Arabic, Devanagari,
 * Vietnamese, Chinese…) with the fonts the device already has, and its PDF is tagged, carries the
 * page's language and the document title, and gives the text back to a reader. No font is
 * downloaded, and no PDF or font code is shipped to the learner's phone.
 */
import { accreditationLines } from '../engine/accreditation';
import { formatDuration, formatMinutes, type Translate } from './duration';
import type { ResultRecord } from './result-record';

export type { Translate } from './duration';

export interface CertificateOptions {
	t: Translate;
	/** BCP 47 locale for dates, e.g. `nl-NL`. */
	locale: string;
	/** Time zone for the completion date; defaults to the device's. */
	timeZone?: string;
}

export class CertificateError extends Error {}

export interface CertificateContent {
	passed: boolean;
	/** "Certificaat" or "Bewijs van deelname". */
	title: string;
	/** The PDF's title and the file name a browser suggests. */
	documentTitle: string;
	intro: string;
	name: string;
	statement: string;
	module: { title: string; lang: string };
	/** "Versie 1.0.0 · Uitgegeven door …" */
	subtitle: string;
	facts: { label: string; value: string }[];
	/** The issuer's name and address lines, when the deployment or module names one. */
	publisher: { label: string; lines: string[] } | null;
	/** The registers that accredit the module; `example` when the data is made up (the demo). */
	accreditation: { label: string; lines: string[]; example: string | null } | null;
	seal: string;
	reference: string;
	note: string;
}

/**
 * Why this attempt gets no certificate yet, in the learner's words, or null. A module may ask for a
 * minimum of active time (`certificateMinimumMinutes`); an LMS decides on its own data.
 */
export function certificateWithheld(record: ResultRecord, t: Translate): string | null {
	const minimum = record.module.certificateMinimumMinutes;
	if (minimum && record.attempt.timeSpentSeconds < minimum * 60)
		return t('certificate.tooShort', { minimum: formatMinutes(t, minimum), spent: formatDuration(t, record.attempt.timeSpentSeconds) });
	return null;
}

/** What the certificate of a finished attempt says. The record must name the learner. */
export function certificateContent(record: ResultRecord, options: CertificateOptions): CertificateContent {
	const { t } = options;
	const name = record.learner?.name?.trim();
	if (!name) throw new CertificateError('The certificate needs the learner\u2019s name: type it and try again.');
	if (!record.attempt.completed || !record.attempt.completedAt) throw new CertificateError('Only a finished attempt gets a certificate.');
	const withheld = certificateWithheld(record, t);
	if (withheld) throw new CertificateError(withheld);
	const accreditation = record.module.accreditation;

	const passed = record.score.passed;
	const date = new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeZone: options.timeZone }).format(new Date(record.attempt.completedAt));
	const title = passed ? t('certificate.title') : t('certificate.titleParticipation');
	const publisher = record.module.publisher;
	return {
		passed,
		title,
		documentTitle: t('certificate.documentTitle', { title, module: record.module.title, name }),
		intro: t('certificate.intro'),
		name,
		statement: passed ? t('certificate.statementPassed') : t('certificate.statementCompleted'),
		module: { title: record.module.title, lang: record.module.language },
		subtitle: [t('certificate.version', { version: record.module.version }), publisher ? t('certificate.publishedBy', { publisher: publisher.name }) : '']
			.filter(Boolean)
			.join('  \u00b7  '),
		facts: [
			{ label: t('certificate.completedOn'), value: date },
			{ label: t('certificate.studyTime'), value: formatMinutes(t, record.module.studyMinutes) },
			{ label: t('certificate.timeSpent'), value: formatDuration(t, record.attempt.timeSpentSeconds) },
			{ label: t('certificate.score'), value: t('certificate.scoreValue', { percent: record.score.percent, raw: record.score.raw, max: record.score.max }) },
			{ label: t('certificate.result'), value: passed ? t('certificate.passed') : t('certificate.notPassed', { percent: record.module.masteryScore }) }
		],
		publisher: publisher ? { label: t('certificate.publisher'), lines: [publisher.name, publisher.url, publisher.contact].filter((x): x is string => !!x) } : null,
		accreditation: accreditation
			? {
					label: t('accreditation.title'),
					lines: [...accreditationLines(accreditation, { t, locale: options.locale }), ...(accreditation.provider ? [t('accreditation.provider', { provider: accreditation.provider })] : [])],
					example: accreditation.example ? t('accreditation.example') : null
				}
			: null,
		seal: passed ? t('certificate.sealPassed') : t('certificate.sealCompleted'),
		reference: t('certificate.reference', { id: record.attempt.id }),
		note: t('certificate.note')
	};
}

/** A file name without spaces or accents, e.g. `certificaat-demo-2026-11-05.pdf`. */
export function downloadName(prefix: string, record: ResultRecord, extension: string): string {
	const slug = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '');
	const day = (record.attempt.completedAt ?? record.createdAt).slice(0, 10);
	return `${[slug(prefix), record.module.id, day, record.learner ? slug(record.learner.name) : ''].filter(Boolean).join('-')}.${extension}`;
}
