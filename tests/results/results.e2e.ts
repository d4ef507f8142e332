import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateResultRecord, type ResultRecord } from '../../src/lib/results/result-record';
import { parseCsv } from '../../src/lib/results/csv';
import { axeViolations } from '../a11y/support';
import { answer, choose, next, startDemo, watchProblems } from '../e2e/support';
import { GROUP_FIGURES, tenFiles } from './group-files';

/** The PDF a learner gets from the print window's "Save as PDF", and what poppler reads in it. */
async function savedAsPdf(page: Page) {
	const path = join(mkdtempSync(join(tmpdir(), 'koers-certificate-')), 'certificate.pdf');
	writeFileSync(path, await page.pdf({ tagged: true, printBackground: true, preferCSSPageSize: true }));
	// pdftotext and pdfinfo are an independent reader (poppler-utils); .ci/run installs them.
	const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
	const catalog = readFileSync(path, 'latin1');
	return { text, info, catalog };
}

/** Counts calls of window.print() instead of opening the print window. */
async function catchPrint(page: Page) {
	await page.addInitScript(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => void (window as unknown as { printed: number }).printed++;
	});
}
const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

/** Plays the demo's best path and finishes it with a reflection and a mark of 8. */
async function finishDemo(page: Page) {
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	await next(page);
	await next(page);
	await next(page);
	await choose(page, 'ask');
	await next(page);
	await answer(page, [/bleef lang bij de deur/]);
	await next(page);
	await answer(page, [/Open vragen stellen/, /Aansluiten bij iets/]);
	await next(page);
	await page.getByLabel('Jouw antwoord').fill('Ik stelde me voor en vroeg wat hij zocht.');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	for (const [aspect, value] of [['goals', '4'], ['relevance', '5'], ['load', '3'], ['clarity', '4']]) await page.getByTestId(`aspect-${aspect}`).getByRole('radio', { name: value, exact: true }).check();
	await page.getByTestId('rating').getByRole('radio', { name: '8', exact: true }).check();
	await page.getByLabel('Wat was nuttig voor je werk?').fill('De voorbeelden.');
	await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Goed gedaan' })).toBeVisible();
	return (await page.getByTestId('time-spent').textContent())!;
}

async function download(page: Page, button: RegExp) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return { name: file.suggestedFilename(), path: await file.path() };
}

test('a learner finishes the demo and downloads a certificate and a result file that check out', async ({ page }) => {
	const problems = watchProblems(page);
	await catchPrint(page);
	// The demo's accreditation is made up, and its start page says so.
	await page.goto('#/play/demo');
	await expect(page.getByTestId('accreditation')).toContainText('Voorbeeldregister A: 1 punt, nummer VB-0000, geldig van 1 januari 2026 tot en met 31 december 2027');
	await expect(page.getByTestId('accreditation')).toContainText('Voorbeeld: deze accreditatie is verzonnen en geldt niet.');
	const timeSpent = await finishDemo(page);
	await page.getByRole('link', { name: 'Resultaat, certificaat en resultaatbestand' }).click();
	// One time for one attempt: end page, results page, certificate and trainer view say the same.
	await expect(page.getByTestId('results-time')).toHaveText(timeSpent);
	await expect(page.getByRole('heading', { level: 1, name: 'Resultaat en certificaat' })).toBeVisible();
	await expect(page.getByTestId('privacy-note')).toContainText('Niets van deze pagina verlaat je apparaat, tenzij je zelf een bestand downloadt.');
	await expect(page.getByTestId('results-score')).toHaveText('100%');
	await expect(page.getByTestId('results-pass')).toHaveText('Geslaagd');
	await expect(page.getByText('Ik stelde me voor en vroeg wat hij zocht.')).toBeVisible();
	await expect(page.getByText('Opgegeven studietijd').first()).toBeVisible();
	expect(await axeViolations(page, 'results page')).toEqual([]);

	// From here on the page may make no request at all: the files are made in the browser.
	const requests: string[] = [];
	page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));

	// The certificate needs a name, and says so.
	await page.getByRole('button', { name: 'Certificaat afdrukken of bewaren als PDF' }).click();
	await expect(page.getByRole('alert')).toHaveText('Typ eerst je naam: die komt op het certificaat.');
	await expect(page.getByLabel('Je naam op het certificaat')).toBeFocused();
	await page.getByLabel('Je naam op het certificaat').fill('Zoë van der Meer');

	const json = await download(page, /Download resultaatbestand/);
	expect(json.name).toMatch(/^resultaat-demo-\d{4}-\d{2}-\d{2}-zoe-van-der-meer\.json$/);
	const parsed = JSON.parse(readFileSync(json.path, 'utf8'));
	const checked = validateResultRecord(parsed);
	expect(checked).toEqual({ ok: true, record: parsed });
	const record = parsed as ResultRecord;
	expect(record).toMatchObject({
		module: { id: 'demo', version: '1.0.0', title: 'Voorbeeldmodule: een nieuwe bezoeker', language: 'nl', studyMinutes: 10 },
		learner: { name: 'Zoë van der Meer' },
		attempt: { completed: true },
		score: { raw: 6, max: 6, percent: 100, passed: true },
		reflections: [{ node: 'reflect', answer: 'Ik stelde me voor en vroeg wat hij zocht.' }],
		evaluation: { rating: 8, useful: 'De voorbeelden.', better: '', aspects: { goals: 4, relevance: 5, load: 3, clarity: 4 } },
		scorm: { completion_status: 'completed', success_status: 'passed' }
	});
	expect(record.decisions.map((d) => [d.node, d.answers.map((a) => a.id).join('+')])).toEqual([
		['first-evening', 'talk'],
		['sam-returns', 'ask'],
		['quiz-signals', 'b'],
		['quiz-approaches', 'a+c']
	]);
	expect(record.scorm.interactions).toHaveLength(4);
	await expect(page.getByRole('status').filter({ hasText: json.name })).toBeVisible();

	await page.getByRole('button', { name: 'Certificaat afdrukken of bewaren als PDF' }).click();
	await expect(page.getByRole('status')).toHaveText(/Het afdrukvenster is geopend/);
	expect(await printed(page)).toBe(1);
	const pdf = await savedAsPdf(page);
	const completedOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(new Date(record.attempt.completedAt!));
	// The title is set with wide letter spacing, which a text extractor reads as spaces.
	expect(pdf.text.replace(/ /g, '')).toContain('CERTIFICAAT');
	for (const expected of ['Zoë van der Meer', 'Voorbeeldmodule: een nieuwe bezoeker', 'Versie 1.0.0', completedOn, '10 minuten', '100% (6/6)', 'Geslaagd', `Kenmerk: ${record.attempt.id}`])
		expect(pdf.text).toContain(expected);
	// One A4 landscape page, tagged, in the page's language, titled after the certificate.
	expect(pdf.info).toMatch(/Pages:\s+1\n/);
	expect(pdf.info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
	expect(pdf.info).toMatch(/Tagged:\s+yes/);
	expect(pdf.info).toContain('Title:           Certificaat: Voorbeeldmodule: een nieuwe bezoeker – Zoë van der Meer');
	expect(pdf.catalog).toMatch(/\/Lang \(nl\)/);
	expect(pdf.text).toContain(timeSpent);
	expect(pdf.text).toContain('Voorbeeldregister A: 1 punt, nummer VB-0000');
	// No publisher was set for this build, so the certificate names none and invents no address.
	expect(pdf.text).not.toContain('Uitgegeven door');
	expect(pdf.text).not.toMatch(/https?:\/\//);
	expect(requests).toEqual([]);

	// The trainer reads the same time from the result file.
	await page.goto('#/trainer');
	await page.getByTestId('trainer-files').setInputFiles([{ name: json.name, mimeType: 'application/json', buffer: readFileSync(json.path) }]);
	await expect(page.getByTestId('trainer-time')).toHaveText(timeSpent);
	// …and the evaluation per question: one learner who gave goals 4, relevance 5, load 3, clarity 4.
	await expect(page.getByTestId('trainer-aspects').getByTestId('aspect-relevance')).toHaveText(/Hoe bruikbaar is deze module voor je eigen werk\?\s*0\s*0\s*0\s*0\s*1\s*5/);
	const evaluationCsv = parseCsv(readFileSync((await download(page, /Evaluatie \(CSV\)/)).path, 'utf8'), ';');
	expect(evaluationCsv[1]).toEqual(['Heb je de leerdoelen van deze module bereikt?', '0', '0', '0', '1', '0', '1', '4']);
	expect(problems).toEqual([]);
});

// Names as learners of an intercultural course write them. Each comes back from the PDF as typed.
const NAMES = {
	'Latin extended': 'Şeyma Yıldız-Öztürk, Łukasz Wróbel',
	Greek: 'Ελένη Παπαδοπούλου',
	Cyrillic: 'Ольга Иванова',
	Arabic: 'محمد العلي',
	Hebrew: 'דוד כהן',
	Devanagari: 'अनुष्का शर्मा',
	Chinese: '王小明',
	Vietnamese: 'Nguyễn Thị Hương'
};

test('a certificate shows and gives back a name in every script, and says so before printing a letter the device cannot draw', async ({ page }) => {
	await catchPrint(page);
	await finishDemo(page);
	await page.goto('#/results/demo');
	const name = page.getByLabel('Je naam op het certificaat');
	for (const [script, learner] of Object.entries(NAMES)) {
		await name.fill(learner);
		await page.getByRole('button', { name: 'Certificaat afdrukken of bewaren als PDF' }).click();
		await expect(page.getByRole('status'), script).toHaveText(/Het afdrukvenster is geopend/);
		const pdf = await savedAsPdf(page);
		// Right-to-left text comes out of a PDF in the order it is drawn; compare letters, not order.
		const rtl = script === 'Arabic' || script === 'Hebrew';
		const found = pdf.text.normalize('NFC');
		if (rtl) for (const word of learner.split(' ')) expect(found.includes(word) || found.includes([...word].reverse().join('')), `${script}: ${word}`).toBe(true);
		else expect(found, script).toContain(learner);
		expect(pdf.info, script).toContain(`Title:           Certificaat: Voorbeeldmodule: een nieuwe bezoeker – ${learner}`);
		expect(pdf.info).toMatch(/Pages:\s+1\n/);
	}
	expect(await printed(page)).toBe(Object.keys(NAMES).length);

	// U+0378 is no letter at all: no device has a font for it, so no certificate shows boxes.
	await name.fill('Ana \u0378');
	await page.getByRole('button', { name: 'Certificaat afdrukken of bewaren als PDF' }).click();
	await expect(page.getByRole('alert')).toContainText('Dit apparaat heeft geen lettertype voor \u0378');
	await expect(name).toBeFocused();
	expect(await printed(page)).toBe(Object.keys(NAMES).length);
});

test('a learner who has not finished is told where the result will be', async ({ page }) => {
	await page.goto('#/results/demo');
	await expect(page.getByText(/Je hebt deze module op dit apparaat nog niet afgerond/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Naar de module' })).toHaveAttribute('href', '#/play/demo');
});

test('a trainer loads ten result files and sees the group\u2019s figures, choices per dilemma and what was not counted', async ({ page }) => {
	const problems = watchProblems(page);
	await page.goto('');
	await page.getByRole('link', { name: 'Voor trainers: groepsoverzicht' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Groepsoverzicht voor trainers' })).toBeVisible();
	await expect(page.getByText(/er wordt niets geüpload of bewaard/)).toBeVisible();

	const files = tenFiles();
	const requests: string[] = [];
	page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
	await page.getByTestId('trainer-files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));

	await expect(page.getByTestId('trainer-read')).toHaveText('10 bestanden gelezen.');
	await expect(page.getByTestId('trainer-module')).toHaveText('Voorbeeldmodule: een nieuwe bezoeker');
	await expect(page.getByTestId('trainer-total')).toHaveText(String(GROUP_FIGURES.included));
	await expect(page.getByTestId('trainer-finished')).toHaveText(String(GROUP_FIGURES.finished));
	await expect(page.getByTestId('trainer-passed')).toHaveText(String(GROUP_FIGURES.passed));
	await expect(page.getByTestId('trainer-median-score')).toHaveText(`${GROUP_FIGURES.medianScore}%`);
	await expect(page.getByTestId('trainer-average-rating')).toHaveText('Gemiddeld cijfer 7,3');

	const notCounted = page.getByTestId('trainer-problems');
	await expect(notCounted.getByRole('heading')).toHaveText('Bestanden die niet meetellen (2)');
	await expect(notCounted.locator('li[data-kind="not-json"]')).toContainText('kapot.json');
	await expect(notCounted.locator('li[data-kind="other-module"]')).toContainText('andere-module.json: Hoort bij een andere module: Van polarisatie naar verbinding.');

	// The first dilemma: labels from the module's own texts, counts and shares written out.
	const first = page.locator('article[data-node="first-evening"]');
	await expect(first.getByRole('heading')).toHaveText('De eerste avond');
	await expect(first).toContainText('8 van 8 deelnemers kwamen bij dit dilemma.');
	await expect(first.locator('li[data-option="talk"]')).toContainText('Je loopt naar Sam toe');
	await expect(first.locator('li[data-option="talk"] [data-testid="option-count"]')).toHaveText('4 (50%)');
	await expect(first.locator('li[data-option="talk"]')).toContainText('meeste punten');
	await expect(first.locator('li[data-option="buddy"] [data-testid="option-count"]')).toHaveText('2 (25%)');
	await expect(first.locator('li[data-option="wait"] [data-testid="option-count"]')).toHaveText('2 (25%)');
	const returns = page.locator('article[data-node="sam-returns"]');
	await expect(returns).toContainText(`${GROUP_FIGURES.samReturns.reached} van 8 deelnemers kwamen bij dit dilemma.`);
	await expect(returns.locator('li[data-option="ask"] [data-testid="option-count"]')).toHaveText('4 (67%)');
	await expect(page.getByText('Meer tijd voor de reflectie.')).toBeVisible();
	expect(await axeViolations(page, 'trainer view')).toEqual([]);
	await expect(page.getByRole('row', { name: /Anna de Vries/ })).toContainText('100%');
	await expect(page.getByRole('row', { name: /Hana Yilmaz/ })).toContainText('niet afgerond');

	const csv = await download(page, /Deelnemers en hun keuzes \(CSV\)/);
	expect(csv.name).toMatch(/^demo-deelnemers-\d{4}-\d{2}-\d{2}\.csv$/);
	const rows = parseCsv(readFileSync(csv.path, 'utf8'), ';');
	expect(rows).toHaveLength(1 + GROUP_FIGURES.included);
	expect(rows[0]).toContain('De eerste avond');
	expect(rows.filter((r) => r[rows[0].indexOf('Geslaagd')] === 'ja')).toHaveLength(GROUP_FIGURES.passed);
	const choices = parseCsv(readFileSync((await download(page, /Keuzes per dilemma \(CSV\)/)).path, 'utf8'), ';');
	expect(choices.find((r) => r[0] === 'De eerste avond' && r[2].startsWith('Je loopt naar Sam toe'))?.slice(3, 5)).toEqual(['4', '50']);

	// In English, the same overview with the module's English texts.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(first.getByRole('heading')).toHaveText('The first evening');
	await expect(first.locator('li[data-option="talk"]')).toContainText('You walk up to Sam');
	await expect(page.getByTestId('trainer-average-rating')).toHaveText('Average mark 7.3');

	// Nothing was uploaded: the only requests are the module's own files, fetched for the labels,
	// and the app's own code (the English UI strings, fetched on switching).
	expect(requests.filter((r) => !/^GET \/(modules\/demo|_app\/immutable)\//.test(r))).toEqual([]);
	expect(problems).toEqual([]);
});
