import { expect, test, type Page } from '@playwright/test';
import { choose, currentNode, next, startDemo } from './support';
import { putRows, storedRows } from '../helpers/raw-idb';

const attempts = (page: Page) => storedRows(page);
const putAttempt = (page: Page, record: unknown) => putRows(page, [record]);

test('forget my data wipes progress after a confirmation', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await page.goto('#/');
	await expect(page.getByTestId('status-demo')).toContainText('Bezig');
	await page.getByRole('button', { name: 'Mijn gegevens op dit apparaat wissen' }).click();
	await page.getByRole('button', { name: 'Annuleren' }).click();
	expect(await attempts(page)).toHaveLength(1);
	await page.getByRole('button', { name: 'Mijn gegevens op dit apparaat wissen' }).click();
	await page.getByRole('button', { name: 'Ja, alles wissen' }).click();
	await expect(page.getByText('Je gegevens zijn gewist.')).toBeVisible();
	await expect(page.getByTestId('status-demo')).toHaveText('Nog niet begonnen');
	expect(await attempts(page)).toHaveLength(0);
	await page.reload();
	await expect(page.getByTestId('status-demo')).toHaveText('Nog niet begonnen');
});

test('progress saved by an older module version is detected and a restart is offered', async ({ page }) => {
	await startDemo(page);
	await next(page);
	const [record] = await attempts(page);
	const state = record.state as Record<string, unknown>;
	await putAttempt(page, { ...record, moduleVersion: '0.9.0', state: { ...state, moduleVersion: '0.9.0' } });
	await page.reload();
	await expect(page.getByText('Deze module is bijgewerkt sinds je eraan begon.')).toBeVisible();
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	expect(await currentNode(page)).toEqual({ node: 'welcome', kind: 'content' });
});

test('a corrupt record is set aside, the learner is told, and other modules are untouched', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	const [record] = await attempts(page);
	await putAttempt(page, { ...record, state: { format: 1, node: 42, garbage: true } });
	await putAttempt(page, { moduleId: 'other-module', moduleVersion: '1.0.0', status: 'active', state: { keep: 'me' }, progress: 0.5, percent: 0, passed: false, startedAt: 1, updatedAt: 1 });
	await page.reload();
	await expect(page.getByText('Je opgeslagen voortgang voor deze module is beschadigd')).toBeVisible();
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	expect(await currentNode(page)).toEqual({ node: 'welcome', kind: 'content' });
	const left = await attempts(page);
	expect(left.find((a) => a.moduleId === 'other-module')?.state).toEqual({ keep: 'me' });
	expect(left.filter((a) => a.moduleId === 'demo')).toHaveLength(1);
});

test('a broken module file shows what is wrong instead of crashing', async ({ page }) => {
	await page.route('**/modules/demo/module.json', (route) => route.fulfill({ contentType: 'application/json', body: '{\n  "formatVersion": 1,\n  "id": "demo"\n  "version": "1.0.0"\n}' }));
	await page.goto('#/play/demo');
	await expect(page.getByRole('heading', { level: 1, name: 'Deze module bevat fouten en kan niet worden gestart.' })).toBeVisible();
	await expect(page.getByText(/modules\/demo\/module\.json:4/)).toBeVisible();
	await expect(page.getByText(/not valid JSON \(line 4/)).toBeVisible();
	await page.getByRole('link', { name: 'Alle modules', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
});
