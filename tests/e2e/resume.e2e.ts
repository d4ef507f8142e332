import { expect, test } from '@playwright/test';
import { choose, currentNode, next, startDemo, stepSaved } from './support';
import { storedRows } from '../helpers/raw-idb';

test('reload mid-way resumes at the same node with the same score', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'buddy');
	await stepSaved(page);
	await page.reload();
	// The learner had not read the feedback yet: it is shown again, not skipped.
	expect(await currentNode(page)).toEqual({ node: 'buddy-outcome', kind: 'feedback' });
	await next(page);
	await next(page);
	await stepSaved(page);
	await page.reload();
	expect(await currentNode(page)).toEqual({ node: 'second-visit', kind: 'content' });
	await page.goto('about:blank');
	await page.goto('#/');
	await expect(page.getByTestId('status-demo')).toContainText('Bezig');
	await page.getByRole('link', { name: /Verder/ }).click();
	expect(await currentNode(page)).toEqual({ node: 'second-visit', kind: 'content' });
	// Focus is not stolen on resume: nothing inside the step has focus yet.
	expect(await page.evaluate(() => document.activeElement?.closest('article.step') === null)).toBe(true);
});

test('closing the browser and opening it again resumes the attempt', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	await next(page);
	// Saving takes a few milliseconds after the screen changes; a real learner closes the tab later.
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await stepSaved(page);
	await page.close();
	// A new page in the same profile: the tab was closed, IndexedDB keeps the attempt.
	const again = await context.newPage();
	await again.goto('#/play/demo');
	expect(await currentNode(again)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await context.close();
});

test('start again begins a new attempt and keeps the earlier result', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	await page.on('dialog', (d) => d.accept());
	await next(page);
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	// The confirm dialog and the saves are asynchronous: wait for the new step, then for the records.
	await expect(page.locator('article.step')).toHaveAttribute('data-node', 'welcome');
	expect(await currentNode(page)).toEqual({ node: 'welcome', kind: 'content' });
	const statuses = async () => (await storedRows<{ status: string }>(page)).map((a) => a.status).sort();
	await expect.poll(statuses).toEqual(['abandoned', 'active']);
});

test('the options keep the order this attempt shows them after a reload; progress is in words and "back" says why it is gone', async ({ page }) => {
	await startDemo(page);
	const words = page.getByTestId('progress-words');
	await expect(words).toHaveText('Week 1 van 3');
	await expect(page.getByRole('progressbar', { name: 'Voortgang' })).toHaveAttribute('aria-valuetext', /^Week 1 van 3, \d+% van de module$/);
	await next(page);
	await next(page);
	const shownOrder = () => page.locator('button[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
	const order = await shownOrder();
	expect([...order].sort()).toEqual(['buddy', 'talk', 'wait']);
	// The module's own question heads the options (the body no longer asks it).
	await expect(page.getByRole('heading', { level: 2, name: 'Hoe maak je contact met Sam?' })).toBeVisible();
	await stepSaved(page);
	await page.reload();
	expect(await currentNode(page)).toEqual({ node: 'first-evening', kind: 'choice' });
	expect(await shownOrder()).toEqual(order);
	// Back over content pages works; after a decision the player says why it does not.
	await expect(page.getByRole('button', { name: '← Terug' })).toBeVisible();
	await choose(page, 'talk');
	await expect(page.getByRole('button', { name: '← Terug' })).toHaveCount(0);
	await expect(page.getByTestId('back-note')).toHaveText('Terug kan hier niet: een keuze of antwoord draai je niet terug.');
	await next(page);
	await expect(page.getByTestId('back-note')).toBeVisible();
	await next(page);
	// second-visit begins the demo's second chapter.
	await expect(words).toHaveText('Week 2 van 3');
	await expect(page.getByTestId('back-note')).toHaveCount(0);
	await expect(page.getByRole('button', { name: '← Terug' })).toBeVisible();
});
