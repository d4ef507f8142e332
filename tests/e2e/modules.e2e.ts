// Completes every learner module in the browser along its golden best path (the same actions
// the node-side golden tests replay), checking the node sequence and the final result.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULES = join(import.meta.dirname, '..', '..', 'modules');
const GOLDEN = join(import.meta.dirname, '..', 'modules');

interface Golden {
	name: string;
	actions: ({ type: 'continue' } | { type: 'choose'; option: string } | { type: 'answer'; answers: string[] } | { type: 'reflect'; text: string } | { type: 'evaluate'; evaluation: { rating: number | null; useful: string; better: string } })[];
	path: string[];
	percent: number;
	passed: boolean;
}

const learnerModules = readdirSync(MODULES).filter((id) => {
	const file = join(MODULES, id, 'module.json');
	return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).example !== true && existsSync(join(GOLDEN, id, 'golden.json'));
});

const step = (page: Page) => page.locator('article.step');

async function waitForStep(page: Page, node: string, kind?: string) {
	await expect(step(page)).toHaveAttribute('data-node', node);
	if (kind) await expect(step(page)).toHaveAttribute('data-kind', kind);
}

for (const id of learnerModules) {
	const golden: Golden = JSON.parse(readFileSync(join(GOLDEN, id, 'golden.json'), 'utf8'))[0];

	test(`${id}: a learner completes the module along "${golden.name}"`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`#/play/${id}`);
		await page.getByRole('button', { name: 'Begin de module' }).click();
		await waitForStep(page, golden.path[0]);
		for (const [i, action] of golden.actions.entries()) {
			const nextNode = golden.path[i + 1];
			switch (action.type) {
				case 'continue':
					await page.getByRole('button', { name: 'Verder', exact: true }).click();
					break;
				case 'choose':
					await page.locator(`button[data-option="${action.option}"]`).click();
					await expect(step(page)).toHaveAttribute('data-kind', 'feedback');
					await expect(page.getByRole('heading', { name: 'Waarom' })).toBeVisible();
					await page.getByRole('button', { name: 'Verder', exact: true }).click();
					break;
				case 'answer':
					for (const a of action.answers) await step(page).locator(`input[value="${a}"]`).check();
					await page.getByRole('button', { name: 'Controleer antwoord' }).click();
					await expect(step(page)).toHaveAttribute('data-kind', 'feedback');
					await expect(page.getByRole('heading', { name: 'Uitleg' })).toBeVisible();
					await page.getByRole('button', { name: 'Verder', exact: true }).click();
					break;
				case 'reflect':
					await page.getByLabel('Jouw antwoord').fill(action.text || 'Geen antwoord.');
					await page.getByRole('button', { name: 'Opslaan en verder' }).click();
					break;
				case 'evaluate':
					if (action.evaluation.rating) await page.getByRole('radio', { name: String(action.evaluation.rating), exact: true }).check();
					await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
					break;
			}
			await waitForStep(page, nextNode);
		}
		await expect(page.getByTestId('score')).toHaveText(`${golden.percent}%`);
		await expect(page.getByTestId('pass-status')).toContainText(golden.passed ? 'Geslaagd' : 'Nog niet geslaagd');
		await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
	});
}
