import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { validateResultRecord, type ResultRecord } from '../../src/lib/results/result-record';
import { parseCsv } from '../../src/lib/results/csv';
import { axeViolations } from '../a11y/support';
import { answer, choose, next, startDemo, watchProblems } from '../e2e/support';
import { GROUP_FIGURES, tenFiles } from './group-files';
import { readPdf } from './pdf-reader';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

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
	await page.getByRole('radio', { name: '8', exact: true }).check();
	await page.getByLabel('Wat was nuttig voor je werk?').fill('De voorbeelden.');
	await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Goed gedaan' })).toBeVisible();
}

async function download(page: Page, button: RegExp) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return { name: file.suggestedFilename(), path: await file.path() };
}

test('a learner finishes the demo and downloads a certificate and a result file that check out', async ({ page }) => {
	const problems = watchProblems(page);
	await finishDemo(page);
	await page.getByRole('link', { name: 'Resultaat, certificaat en resultaatbestand' }).click();
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
	await page.getByRole('button', { name: 'Download certificaat (PDF)' }).click();
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
		evaluation: { rating: 8, useful: 'De voorbeelden.', better: '' },
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

	const pdf = await download(page, /Download certificaat \(PDF\)/);
	expect(pdf.name).toMatch(/^certificaat-demo-\d{4}-\d{2}-\d{2}-zoe-van-der-meer\.pdf$/);
	const read = readPdf(readFileSync(pdf.path));
	expect(read.problems).toEqual([]);
	const completedOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(new Date(record.attempt.completedAt!));
	expect(read.texts[0]).toEqual(
		expect.arrayContaining(['CERTIFICAAT', 'Zoë van der Meer', 'Voorbeeldmodule: een nieuwe bezoeker', 'Versie 1.0.0  ·  Uitgegeven door Koers', completedOn, '10 minuten', '100% (6/6)', 'Geslaagd', `Kenmerk: ${record.attempt.id}`])
	);
	if (hasPoppler) {
		const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
		for (const expected of ['CERTIFICAAT', 'Zoë van der Meer', 'Voorbeeldmodule: een nieuwe bezoeker', completedOn, '100% (6/6)']) expect(text).toContain(expected);
	}
	expect(requests).toEqual([]);
	expect(problems).toEqual([]);
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
