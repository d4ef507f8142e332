// Two tabs on the same module: the learner is told in the older tab, and progress is never
// corrupted or overwritten with older state, also when the tabs cannot talk to each other.
import { expect, test, type Page } from '@playwright/test';
import { choose, currentNode, next, startDemo } from '../e2e/support';
import { storedRows } from '../helpers/raw-idb';

async function savedNodes(page: Page) {
	const rows = await storedRows<{ state: { node: string; decisions: unknown[] }; status: string }>(page);
	return rows.map((r) => ({ node: r.state.node, status: r.status, decisions: r.state.decisions.length }));
}

const notice = (page: Page) => page.getByRole('heading', { level: 1, name: 'Deze module is ook in een ander tabblad open' });

test('the older tab is told at once, stops, and can take over with the newest progress', async ({ context }) => {
	const first = await context.newPage();
	await startDemo(first);
	await next(first);
	await next(first);
	expect(await currentNode(first)).toEqual({ node: 'first-evening', kind: 'choice' });

	const second = await context.newPage();
	await second.goto('#/play/demo');
	expect(await currentNode(second)).toEqual({ node: 'first-evening', kind: 'choice' });
	// The first tab hears of it and hides its step: no decision can be made on stale progress.
	await expect(notice(first)).toBeVisible();
	await expect(first.locator('article.step')).toHaveCount(0);

	await choose(second, 'talk');
	await next(second);
	expect(await currentNode(second)).toEqual({ node: 'talk-outcome', kind: 'content' });
	// The first tab going away (it saves on pagehide) must not write its older state over the newer one.
	await first.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
	// Nothing must be written, so there is no event to wait for: a pagehide save is one IndexedDB
	// transaction, which commits in milliseconds; 300 ms leaves it ample time to (wrongly) land.
	await first.waitForTimeout(300);
	expect(await savedNodes(second)).toEqual([{ node: 'talk-outcome', status: 'active', decisions: 1 }]);

	await first.getByRole('button', { name: 'Hier verdergaan' }).click();
	expect(await currentNode(first)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await expect(notice(second)).toBeVisible();
	await next(first);
	// A step is saved just after it is painted: wait for that write, then there is still one record.
	await expect.poll(async () => (await savedNodes(first))[0].node).not.toBe('talk-outcome');
	expect(await savedNodes(first)).toHaveLength(1);
});

test('a tab that cannot hear the other still never overwrites newer progress, and says why', async ({ context }) => {
	const first = await context.newPage();
	// No BroadcastChannel in this tab (an old browser, or a message lost): only the storage check is left.
	await first.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined }));
	await startDemo(first);
	await next(first);
	await next(first);

	const second = await context.newPage();
	await second.goto('#/play/demo');
	await choose(second, 'buddy');
	await next(second);
	const newer = await savedNodes(second);
	expect(newer).toEqual([{ node: 'buddy-outcome', status: 'active', decisions: 1 }]);

	// The first tab still shows the choice; choosing there must not replace the newer progress.
	await first.locator('button[data-option="talk"]').click();
	await expect(notice(first)).toBeVisible();
	expect(await savedNodes(first)).toEqual(newer);
	await first.getByRole('button', { name: 'Hier verdergaan' }).click();
	expect(await currentNode(first)).toEqual({ node: 'buddy-outcome', kind: 'content' });
});
