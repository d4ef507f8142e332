import { expect, test } from '@playwright/test';
import { choose, currentNode, next, startDemo } from './support';

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
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'A way in' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Een ingang gevonden' })).toBeVisible();
});
