import { expect, test, type Page } from '@playwright/test';
import { answer, choose, next } from '../e2e/support';
import { axeViolations } from './support';

const WIDTHS = [360, 1280];

/** Checks the page as it is now at both widths; the same page is reused, only the viewport changes. */
async function check(page: Page, where: string, found: string[]) {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: width < 600 ? 640 : 800 });
		found.push(...(await axeViolations(page, `${where} @${width}px`)));
	}
}

for (const lang of ['nl', 'en'] as const) {
	test(`axe finds no WCAG 2.2 AA violation on any page or node kind (${lang})`, async ({ page }) => {
		const found: string[] = [];
		await page.addInitScript((l) => localStorage.setItem('koers.language', l), lang);
		await page.goto('');
		await expect(page.locator('ul.grid li').first()).toBeVisible();
		await check(page, 'catalogue', found);

		await page.goto('#/play/demo');
		await expect(page.locator('[data-step-heading]')).toBeVisible();
		await check(page, 'start page', found);
		await page.locator('.actions .button').click();
		await check(page, 'content', found);
		await next(page);
		await check(page, 'persona', found);
		await next(page);
		await check(page, 'choice', found);
		await choose(page, 'talk');
		await check(page, 'choice feedback', found);
		await next(page);
		await next(page);
		await next(page);
		await choose(page, 'ask');
		await next(page);
		await check(page, 'quiz (one answer)', found);
		await page.locator('input[type=radio]').nth(0).check();
		await page.locator('form button[type=submit]').click();
		await check(page, 'quiz feedback (wrong)', found);
		await next(page);
		await check(page, 'quiz (several answers)', found);
		await page.locator('input[type=checkbox]').nth(0).check();
		await page.locator('input[type=checkbox]').nth(2).check();
		await page.locator('form button[type=submit]').click();
		await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'feedback');
		await check(page, 'quiz feedback (right)', found);
		await next(page);
		await check(page, 'reflection', found);
		await page.locator('textarea').fill('Mijn antwoord');
		await page.locator('form button[type=submit]').click();
		await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'evaluation');
		await check(page, 'evaluation', found);
		await page.locator('input[type=radio][value="7"]').check();
		await page.locator('form button[type=submit]').click();
		await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'end');
		await check(page, 'end and result', found);

		await page.goto('#/');
		await expect(page.locator('[data-testid=status-demo]')).toBeVisible();
		await check(page, 'catalogue with progress', found);

		await page.goto('#/play/no-such-module');
		await expect(page.locator('[data-step-heading]')).toBeVisible();
		await check(page, 'module not found', found);

		expect(found).toEqual([]);
	});
}
