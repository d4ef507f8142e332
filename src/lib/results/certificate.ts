/**
 * The certificate: one A4 landscape page, drawn from the result record so the PDF and the JSON a
 * learner hands in always say the same. Pure (no DOM); words come from the caller's translator,
 * so the certificate is in the learner's language.
 */
import { PdfDocument, textWidth, wrapText, type PdfPage, type StandardFont } from './pdf';
import type { ResultRecord } from './result-record';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface CertificateOptions {
	t: Translate;
	/** BCP 47 locale for dates, e.g. `nl-NL`. */
	locale: string;
	/** Time zone for the completion date; defaults to the device's. */
	timeZone?: string;
	/** When the file is made; defaults to now. */
	now?: Date;
}

export class CertificateError extends Error {}

const PAGE = { width: 841.89, height: 595.28 };
const TEAL = '#1f5f57';
const ACCENT = '#b3541e';
const PAPER = '#fbf8f1';
const INK = '#1d2a2a';
const SOFT = '#5b6766';
const RULE = '#c9c3b5';

/** The largest size (down to `min`) at which the text fits the width. */
function fitSize(text: string, font: StandardFont, size: number, maxWidth: number, min = 12, charSpacing = 0): number {
	let s = size;
	while (s > min && textWidth(text, font, s, charSpacing) > maxWidth) s -= 0.5;
	return s;
}

/** The app's compass emblem: a ring, a disc, a needle and a centre dot. */
function emblem(page: PdfPage, cx: number, cy: number, r: number) {
	page.circle(cx, cy, r * 1.25, { stroke: ACCENT, lineWidth: 0.8 });
	page.circle(cx, cy, r, { fill: TEAL });
	page.polygon([[cx, cy + r * 0.72], [cx + r * 0.27, cy], [cx, cy - r * 0.72], [cx - r * 0.27, cy]], { fill: PAPER });
	page.circle(cx, cy, r * 0.16, { fill: ACCENT });
}

/** A seal with a serrated edge and a word in the middle. */
function seal(page: PdfPage, cx: number, cy: number, r: number, word: string, colour: string) {
	const points: [number, number][] = [];
	const teeth = 28;
	for (let i = 0; i < teeth * 2; i++) {
		const angle = (Math.PI * i) / teeth;
		const radius = i % 2 === 0 ? r : r * 0.9;
		points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
	}
	page.polygon(points, { fill: colour });
	page.circle(cx, cy, r * 0.78, { stroke: PAPER, lineWidth: 1 });
	page.circle(cx, cy, r * 0.7, { stroke: PAPER, lineWidth: 0.5 });
	const size = fitSize(word, 'Helvetica-Bold', 9, r * 1.25, 5, 0.8);
	page.text(word, cx, cy - size / 3, { font: 'Helvetica-Bold', size, color: PAPER, align: 'center', charSpacing: 0.8 });
}

function diamond(page: PdfPage, cx: number, cy: number, size: number, colour: string) {
	page.polygon([[cx, cy + size], [cx + size, cy], [cx, cy - size], [cx - size, cy]], { fill: colour });
}

/** Minutes in words: "45 minuten", "1 uur en 30 minuten". */
export function minutesText(t: Translate, minutes: number): string {
	const m = Math.max(0, Math.round(minutes));
	if (m < 60) return t('certificate.minutes', { count: m });
	const hours = Math.floor(m / 60);
	const rest = m % 60;
	const h = t('certificate.hours', { count: hours });
	return rest ? t('certificate.hoursAndMinutes', { hours: h, minutes: t('certificate.minutes', { count: rest }) }) : h;
}

/** Makes the certificate of a finished attempt. The record must name the learner. */
export function buildCertificate(record: ResultRecord, options: CertificateOptions): Uint8Array<ArrayBuffer> {
	const { t } = options;
	const name = record.learner?.name?.trim();
	if (!name) throw new CertificateError('The certificate needs the learner\u2019s name: type it and try again.');
	if (!record.attempt.completed || !record.attempt.completedAt) throw new CertificateError('Only a finished attempt gets a certificate.');

	const passed = record.score.passed;
	const date = new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeZone: options.timeZone }).format(new Date(record.attempt.completedAt));
	const title = passed ? t('certificate.title') : t('certificate.titleParticipation');
	const doc = new PdfDocument({
		title: t('certificate.documentTitle', { title, module: record.module.title, name }),
		author: record.module.publisher?.name ?? 'Koers',
		subject: record.module.title,
		creationDate: options.now
	});
	const page = doc.addPage(PAGE.width, PAGE.height);
	const cx = PAGE.width / 2;

	// Paper, a double frame and small diamonds in its corners.
	page.rect(0, 0, PAGE.width, PAGE.height, { fill: PAPER });
	page.rect(18, 18, PAGE.width - 36, PAGE.height - 36, { stroke: TEAL, lineWidth: 2.5 });
	page.rect(27, 27, PAGE.width - 54, PAGE.height - 54, { stroke: TEAL, lineWidth: 0.6 });
	for (const [x, y] of [[27, 27], [PAGE.width - 27, 27], [27, PAGE.height - 27], [PAGE.width - 27, PAGE.height - 27]]) diamond(page, x, y, 6, ACCENT);

	emblem(page, cx, 510, 22);

	// Title, with a rule and a diamond under it.
	const titleText = title.toLocaleUpperCase(options.locale);
	page.text(titleText, cx, 440, { font: 'Times-Bold', size: fitSize(titleText, 'Times-Bold', 34, 620, 20, 5), color: TEAL, align: 'center', charSpacing: 5 });
	page.line(cx - 90, 424, cx - 10, 424, { stroke: ACCENT, lineWidth: 0.8 });
	page.line(cx + 10, 424, cx + 90, 424, { stroke: ACCENT, lineWidth: 0.8 });
	diamond(page, cx, 424, 3.5, ACCENT);

	page.text(t('certificate.intro'), cx, 392, { font: 'Times-Italic', size: 14, color: SOFT, align: 'center' });
	page.text(name, cx, 350, { font: 'Times-BoldItalic', size: fitSize(name, 'Times-BoldItalic', 32, 600, 14), color: INK, align: 'center' });
	page.line(cx - 230, 338, cx + 230, 338, { stroke: RULE, lineWidth: 0.6 });
	page.text(passed ? t('certificate.statementPassed') : t('certificate.statementCompleted'), cx, 312, { font: 'Times-Roman', size: 13, color: SOFT, align: 'center' });

	// Module title: up to two lines, smaller if it is long.
	let size = 19;
	let lines = wrapText(record.module.title, 'Helvetica-Bold', size, 620);
	while (lines.length > 2 && size > 12) lines = wrapText(record.module.title, 'Helvetica-Bold', (size -= 1), 620);
	lines = lines.slice(0, 2);
	let y = 280;
	for (const line of lines) {
		page.text(line, cx, y, { font: 'Helvetica-Bold', size, color: TEAL, align: 'center' });
		y -= size * 1.25;
	}
	const sub = [t('certificate.version', { version: record.module.version }), record.module.publisher ? t('certificate.publishedBy', { publisher: record.module.publisher.name }) : '']
		.filter(Boolean)
		.join('  \u00b7  ');
	page.text(sub, cx, y - 2, { font: 'Helvetica', size: 10, color: SOFT, align: 'center' });

	// The facts, in columns with thin rules between them.
	const facts: [string, string][] = [
		[t('certificate.completedOn'), date],
		[t('certificate.studyTime'), minutesText(t, record.module.studyMinutes)],
		[t('certificate.timeSpent'), minutesText(t, record.attempt.timeSpentSeconds / 60)],
		[t('certificate.score'), t('certificate.scoreValue', { percent: record.score.percent, raw: record.score.raw, max: record.score.max })],
		[t('certificate.result'), passed ? t('certificate.passed') : t('certificate.notPassed', { percent: record.module.masteryScore })]
	];
	const left = 100;
	const width = PAGE.width - 2 * left;
	const column = width / facts.length;
	const factsY = 180;
	page.line(left, factsY + 34, left + width, factsY + 34, { stroke: RULE, lineWidth: 0.6 });
	page.line(left, factsY - 22, left + width, factsY - 22, { stroke: RULE, lineWidth: 0.6 });
	facts.forEach(([label, value], i) => {
		const x = left + column * (i + 0.5);
		if (i > 0) page.line(left + column * i, factsY - 14, left + column * i, factsY + 26, { stroke: RULE, lineWidth: 0.5 });
		const labelText = label.toLocaleUpperCase(options.locale);
		page.text(labelText, x, factsY + 14, { font: 'Helvetica', size: fitSize(labelText, 'Helvetica', 7.5, column - 12, 5.5, 0.8), color: SOFT, align: 'center', charSpacing: 0.8 });
		page.text(value, x, factsY - 6, { font: 'Helvetica-Bold', size: fitSize(value, 'Helvetica-Bold', 12, column - 12, 7), color: INK, align: 'center' });
	});

	// Publisher (left), seal (right), reference and how to check it (bottom).
	const publisher = record.module.publisher;
	if (publisher) {
		page.text(t('certificate.publisher').toLocaleUpperCase(options.locale), 60, 112, { font: 'Helvetica', size: 7.5, color: SOFT, charSpacing: 0.8 });
		page.text(publisher.name, 60, 97, { font: 'Helvetica-Bold', size: 11, color: INK });
		[publisher.url, publisher.contact].filter((x): x is string => !!x).forEach((line, i) => page.text(line, 60, 83 - i * 12, { font: 'Helvetica', size: 9, color: SOFT }));
	}
	seal(page, PAGE.width - 110, 92, 40, (passed ? t('certificate.sealPassed') : t('certificate.sealCompleted')).toLocaleUpperCase(options.locale), passed ? ACCENT : TEAL);
	page.text(t('certificate.reference', { id: record.attempt.id }), cx, 58, { font: 'Helvetica-Bold', size: 8, color: SOFT, align: 'center' });
	for (const [i, line] of wrapText(t('certificate.note'), 'Helvetica', 7, 520).slice(0, 2).entries())
		page.text(line, cx, 46 - i * 9, { font: 'Helvetica', size: 7, color: SOFT, align: 'center' });

	return doc.toBytes();
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
