import { expect, test } from '@playwright/test';
import { choose, currentNode, next, startDemo, stepSaved } from './support';

test('switching language mid-way keeps the learner in place and translates everything', async ({ page }) => {
	await startDemo(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await next(page);
	await next(page);
	await choose(page, 'talk');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'feedback' });
	await expect(page.getByRole('heading', { level: 1, name: 'What happens' })).toBeVisible();
	await expect(page.locator('article.step').getByText('Your choice')).toBeVisible();
	await expect(page.locator('article.step').getByText(/he tells you about his old band/)).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'A way in' })).toBeVisible();
	// The choice survives a reload in the new language.
	await stepSaved(page);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'A way in' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Een ingang gevonden' })).toBeVisible();
});

test("English strings are fetched only when chosen; when that fails the learner is told and keeps Dutch", async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
	// Offline, say: nothing more of the app's code can be fetched.
	await page.route('**/_app/immutable/**', (route) => route.abort());
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('alert')).toContainText('De Engelse teksten konden niet worden geladen');
	await expect(page.getByRole('alert').locator('[lang="en"]')).toHaveText(/English could not be loaded/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
	// Back online: the same button works, and the message is gone.
	await page.unroute('**/_app/immutable/**');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByText(/could not be loaded|konden niet worden geladen/)).toHaveCount(0);
});
