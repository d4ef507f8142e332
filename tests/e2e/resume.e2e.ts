import { expect, test } from '@playwright/test';
import { choose, currentNode, next, startDemo, stepSaved } from './support';

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
	const statuses = () =>
		page.evaluate(
			() =>
				new Promise<string[]>((resolve) => {
					const open = indexedDB.open('koers');
					open.onsuccess = () => {
						const all = open.result.transaction('attempts').objectStore('attempts').getAll();
						all.onsuccess = () => {
							open.result.close();
							resolve(all.result.map((a: { status: string }) => a.status).sort());
						};
					};
				})
		);
	await expect.poll(statuses).toEqual(['abandoned', 'active']);
});
