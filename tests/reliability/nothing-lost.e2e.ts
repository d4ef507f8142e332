// Nothing the learner did or typed is lost: not when they switch language half-way through a
// reflection, and not when the same module, not yet started, is begun in two tabs.
import { expect, test, type Page } from '@playwright/test';
import { choose, currentNode, next, startDemo, stepSaved } from '../e2e/support';
import { storedRows } from '../helpers/raw-idb';

/** All attempt records on the device, oldest id first. */
async function attempts(page: Page) {
	const rows = await storedRows<{ id: number; status: string; state: { node: string; decisions: unknown[] } }>(page);
	return rows.map((r) => ({ id: r.id, status: r.status, node: r.state.node, decisions: r.state.decisions.length }));
}

test('switching language while writing a reflection keeps the half-typed text and the place', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	await next(page);
	await next(page);
	await next(page);
	await choose(page, 'ask');
	await next(page);
	for (const kind of ['radio', 'checkbox']) {
		await page.locator(`article.step input[type=${kind}]`).first().check();
		await page.getByRole('button', { name: 'Controleer antwoord' }).click();
		await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'feedback');
		await next(page);
	}
	expect(await currentNode(page)).toEqual({ node: 'reflect', kind: 'reflection' });

	const field = page.locator('article.step textarea');
	await field.fill('Half getypte reflectie');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
	await expect(field).toHaveValue('Half getypte reflectie');
	// And back: still the same text, still the same step.
	await field.fill('Half getypte reflectie, nu langer');
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible();
	await expect(field).toHaveValue('Half getypte reflectie, nu langer');
	expect(await currentNode(page)).toEqual({ node: 'reflect', kind: 'reflection' });
});

test('a module begun in two tabs keeps one attempt: the second tab carries on with the first tab\'s progress and says so', async ({ context }) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await a.goto('#/play/demo');
	await b.goto('#/play/demo');
	await expect(b.getByRole('button', { name: 'Begin de module' })).toBeVisible();

	await a.getByRole('button', { name: 'Begin de module' }).click();
	await next(a);
	await next(a);
	await choose(a, 'talk');
	await next(a);
	expect(await currentNode(a)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await stepSaved(a);

	// Tab B still shows the start page it loaded before A began.
	await b.getByRole('button', { name: 'Begin de module' }).click();
	expect(await currentNode(b)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await expect(b.getByText('Je was in een ander tabblad al aan deze module begonnen')).toBeVisible();
	const stored = await attempts(b);
	expect(stored).toEqual([expect.objectContaining({ status: 'active', node: 'talk-outcome', decisions: 1 })]);

	// Tab A is told that it no longer saves, as for any module opened in a second tab.
	await expect(a.getByRole('heading', { level: 1, name: 'Deze module is ook in een ander tabblad open' })).toBeVisible();
	// A reload reaches the same progress.
	await b.reload();
	expect(await currentNode(b)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await a.close();
	await b.close();
});
