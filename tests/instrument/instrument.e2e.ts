// The analysis instrument (modules/polarisatie-analyse): a participant analyses a situation and
// gets the one-page analysis, its print/PDF and its JSON record; five participants on their own
// phones hand their files to a facilitator, who sees and exports the group's picture (nl and en).
// Every new node kind is checked with axe and at 360 px; screenshots go to KOERS_SHOTS if set.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, sticksOut } from '../a11y/support';
import { watchProblems } from '../e2e/support';

const SHOTS = process.env.KOERS_SHOTS;
const PHONE = { width: 360, height: 740 };
const shot = async (page: Page, name: string) => {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};
const step = (page: Page) => page.locator('article.step');
const save = (page: Page) => step(page).getByRole('button', { name: /^(Opslaan en verder|Save and continue)$/ });

/** Saves the current step and waits for the next one. */
async function saveStep(page: Page) {
	const before = await step(page).getAttribute('data-node');
	await save(page).click();
	await expect(step(page)).not.toHaveAttribute('data-node', before!);
}

/** Checks a step of a new kind: no axe violations, nothing sticking out at 360 px. */
async function checkStep(page: Page, name: string) {
	expect(await axeViolations(page, name)).toEqual([]);
	expect(await sticksOut(page)).toEqual([]);
	await shot(page, name);
}

test('a participant analyses a situation and gets the page, the PDF and the JSON record (nl)', async ({ page }) => {
	test.setTimeout(180_000);
	const problems = watchProblems(page);
	await page.setViewportSize(PHONE);
	await page.goto('#/play/polarisatie-analyse');
	await expect(page.getByText('Geen score: je krijgt een analyse op één pagina')).toBeVisible();
	await page.getByRole('button', { name: 'Begin de module' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Analyseer je eigen situatie' })).toBeVisible();
	await page.getByRole('button', { name: 'Verder' }).click();

	// Short structured text, with the kind warning about a name.
	await expect(step(page)).toHaveAttribute('data-kind', 'fields');
	const what = page.getByLabel('Wat speelt er?');
	await what.fill('Jan de Vries zet de buurtapp op stelten');
	await expect(page.getByTestId('personal-data-note')).toContainText('Dit lijkt op een naam');
	await shot(page, '01-fields-name-warning');
	await what.fill('Felle berichten in de buurtapp over de nieuwe opvang');
	await expect(page.getByTestId('personal-data-note')).toHaveCount(0);
	await page.getByLabel('Waar speelt het?').fill('Een wijk aan de rand van de stad');
	await checkStep(page, '02-fields');
	await saveStep(page);

	// Multi-select with "other".
	await expect(step(page)).toHaveAttribute('data-kind', 'checklist');
	await page.getByLabel(/Felle berichten of ruzies online/).check();
	await page.getByLabel(/Mensen praten over elkaar/).check();
	await page.getByLabel('Andere signalen (zonder namen)').fill('bel 06-12345678');
	await expect(page.getByTestId('personal-data-note')).toContainText('een telefoonnummer');
	await page.getByLabel('Andere signalen (zonder namen)').fill('Stickers op lantaarnpalen');
	await checkStep(page, '03-checklist');
	await saveStep(page);

	// Scale with anchors; then the learner goes back and finds the answer still there.
	await expect(step(page)).toHaveAttribute('data-kind', 'scale');
	await page.getByLabel(/Onderhuidse spanning/).check();
	await checkStep(page, '04-scale');
	await saveStep(page);
	await page.getByRole('button', { name: /Terug/ }).click();
	await expect(page.getByLabel(/Onderhuidse spanning/)).toBeChecked();
	await saveStep(page);
	await page.getByLabel(/Loopt op/).check();
	await saveStep(page);

	await page.getByLabel('De ene kant').fill('Een deel van de oudere bewoners');
	await page.getByLabel('De andere kant').fill('Bewoners van de opvang');
	await page.getByLabel(/Wie staan daartussen/).fill('Ouders van de basisschool');
	await saveStep(page);
	await page.getByLabel(/Aanjagers/).check();
	await page.getByLabel(/Het stille midden/).check();
	await saveStep(page);
	await saveStep(page); // brandstof: left empty
	await page.getByLabel('Vragen en zorgen van het midden').fill('Blijft de schoolroute veilig?');
	await saveStep(page);
	await saveStep(page); // geprobeerd: left empty

	// The action plan: two listed actions with who and when, and one of the participant's own.
	await expect(step(page)).toHaveAttribute('data-kind', 'actionplan');
	await page.getByLabel(/Richt je op het midden/).check();
	const first = step(page).locator('.action', { hasText: 'Richt je op het midden' });
	await first.getByLabel('Wie').fill('jongerenwerk en wijkagent');
	await first.getByLabel('Wanneer').fill('voor 1 april');
	await page.getByLabel(/Organiseer herhaalde ontmoeting/).check();
	await page.getByRole('button', { name: /Eigen actie toevoegen/ }).click();
	await expect(page.getByLabel('Eigen actie 1')).toBeFocused();
	await page.getByLabel('Eigen actie 1').fill('Gesprek met de schoolleiding over de schoolroute');
	await step(page).locator('.own .action').getByLabel('Wie').fill('ik');
	await checkStep(page, '05-actionplan');
	await saveStep(page);

	// The analysis on one page, with links back to the e-learning.
	const analysis = page.getByTestId('analysis');
	await expect(analysis.getByRole('heading', { name: 'Jouw analyse' })).toBeVisible();
	await expect(analysis.locator('[data-step=spanning]')).toContainText('3/5');
	await expect(analysis.locator('[data-step=spanning]')).toContainText('Onderhuidse spanning');
	await expect(analysis.locator('[data-step=signalen]')).toContainText('Stickers op lantaarnpalen');
	await expect(analysis.locator('[data-step=acties]')).toContainText('jongerenwerk en wijkagent');
	await expect(analysis.locator('[data-step=acties]')).toContainText('Gesprek met de schoolleiding');
	await expect(analysis.locator('[data-step=rollen] a[href="#/play/polarisatie-naar-verbinding"]')).toBeVisible();
	expect(await axeViolations(page, 'analysis')).toEqual([]);
	expect(await sticksOut(page)).toEqual([]);
	await shot(page, '06-analysis');

	// The JSON record.
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download als bestand (JSON)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^polarisatie-analyse-\d{4}-\d\d-\d\d-\w{4}\.json$/);
	const record = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(record).toMatchObject({ format: 'koers-analysis', lang: 'nl', module: { id: 'polarisatie-analyse' } });
	expect(record.steps.find((s: { node: string }) => s.node === 'spanning').scale.value).toBe(3);

	// The print: the analysis alone on A4, as the PDF a learner saves from the print dialog.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.top, .top').first()).toBeHidden();
	await expect(page.getByRole('button', { name: 'Download als bestand (JSON)' })).toBeHidden();
	await shot(page, '07-analysis-print');
	const pdfPath = join(tmpdir(), `koers-analysis-${process.pid}.pdf`);
	writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true }));
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
	expect(text).toContain('Jouw analyse');
	expect(text).toContain('Gesprek met de schoolleiding');
	expect(text).not.toContain('Download als bestand');
	const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
	expect(info).toMatch(/Page size:.*\(A4\)/);
	expect(info).toMatch(/Pages:\s+1\n/);
	await page.emulateMedia({ media: 'screen' });
	// The catalogue says the analysis is done, not that it was passed with a score.
	await page.goto('');
	await expect(page.getByTestId('status-polarisatie-analyse')).toHaveText('Afgerond: je analyse staat klaar');
	expect(problems).toEqual([]);
});

/** One participant on their own phone: fills in part of the analysis and downloads the file. */
async function participant(page: Page, n: number, lang: 'nl' | 'en'): Promise<string> {
	await page.addInitScript((l) => localStorage.setItem('koers.language', l), lang);
	await page.setViewportSize(PHONE);
	await page.goto('#/play/polarisatie-analyse');
	await page.getByRole('button', { name: /Begin de module|Begin the module/ }).click();
	await page.getByRole('button', { name: /^(Verder|Continue)$/ }).click();
	await page.locator('textarea').first().fill(`Situatie van deelnemer ${n}`);
	await saveStep(page);
	await step(page).locator('input[type=checkbox]').nth(5).check(); // online
	if (n % 2) await step(page).locator('input[type=checkbox]').nth(1).check(); // grappen
	await saveStep(page);
	await step(page).locator('input[type=radio]').nth(n <= 3 ? 2 : 3).check();
	await saveStep(page);
	await step(page).locator('input[type=radio]').nth(2).check();
	await saveStep(page);
	for (let i = 0; i < 5; i++) await saveStep(page);
	await step(page).locator('input[type=checkbox]').first().check();
	if (n === 4) {
		await page.getByRole('button', { name: /Eigen actie toevoegen|Add an action of your own/ }).click();
		await step(page).locator('.own textarea').fill('Koffie-ochtend op het plein');
	}
	await saveStep(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: /Download als bestand|Download as a file/ }).click();
	const path = join(tmpdir(), `koers-session-${process.pid}-${n}.json`);
	await (await downloading).saveAs(path);
	return path;
}

test('a five-person session: five phones hand in their analyses, the facilitator sees and exports the group picture (en and nl)', async ({ browser }) => {
	test.setTimeout(300_000);
	const langs = ['nl', 'nl', 'en', 'nl', 'en'] as const;
	const files: string[] = [];
	for (const [i, lang] of langs.entries()) {
		const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
		files.push(await participant(await context.newPage(), i + 1, lang));
		await context.close();
	}

	const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
	const page = await context.newPage();
	const problems = watchProblems(page);
	await page.addInitScript(() => localStorage.setItem('koers.language', 'en'));
	await page.goto('#/session');
	await expect(page.getByRole('heading', { level: 1, name: 'Group session: analyses side by side' })).toBeVisible();
	await shot(page, '10-session-empty-en');
	const notAnalysis = join(tmpdir(), `koers-session-${process.pid}-other.json`);
	writeFileSync(notAnalysis, '{"format":"koers-result"}');
	await page.getByTestId('trainer-files').setInputFiles([...files, notAnalysis]);
	await expect(page.getByTestId('session-read')).toHaveText('5 analyses read');
	await expect(page.getByRole('alert')).toContainText('it is not a Koers analysis');

	const picture = page.getByTestId('session-picture');
	await expect(picture.getByRole('heading', { level: 2 })).toHaveText('Analysis instrument: from polarisation to connection');
	const signals = picture.locator('[data-step=signalen]');
	await expect(signals.getByRole('heading', { name: '2. Which signals do you see?' })).toBeVisible();
	await expect(signals.locator('li', { hasText: 'Fierce messages or rows online' })).toContainText('5 of 5 (everyone)');
	await expect(signals.locator('li', { hasText: "jokes or memes about 'those others'" })).toContainText('3 of 5 (most)');
	const tension = picture.locator('[data-step=spanning]');
	await expect(tension).toContainText('From 3 to 4');
	await expect(tension.locator('.bars li').nth(2).locator('.count')).toHaveText('3');
	await expect(tension.locator('.bars li').nth(3).locator('.count')).toHaveText('2');
	await expect(picture.locator('[data-step=acties]')).toContainText('Participant 4: Koffie-ochtend op het plein');
	expect(await axeViolations(page, 'session en')).toEqual([]);
	expect(await sticksOut(page)).toEqual([]);
	await shot(page, '11-session-en');

	const csvDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export as CSV' }).click();
	const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
	expect(csv.split('\n')[0]).toContain('Participant,Step,Question,Answer,Who,By when');
	expect(csv.match(/^\d,spanning,/gm)).toHaveLength(5);

	// In Dutch, labels come from a Dutch file; the guide explains a 90-minute session.
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Groepssessie: analyses naast elkaar' })).toBeVisible();
	await expect(signals.locator('li', { hasText: 'Felle berichten of ruzies online' })).toContainText('5 van 5 (iedereen)');
	await page.getByText('Handleiding: een groepssessie van 90 minuten').click();
	await expect(page.getByText(/Samen kijken \(30 min\)/)).toBeVisible();
	expect(await axeViolations(page, 'session nl')).toEqual([]);
	await shot(page, '12-session-nl');

	await page.emulateMedia({ media: 'print' });
	const pdfPath = join(tmpdir(), `koers-session-${process.pid}.pdf`);
	writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true }));
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
	expect(text).toContain('5 deelnemers');
	expect(text).not.toContain('Exporteer als CSV');
	expect(problems).toEqual([]);
	await context.close();
});
