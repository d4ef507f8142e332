// Storage faults: IndexedDB unavailable, the disk full, and records in the database that are not
// ours. The player keeps running, tells the learner what it means, and nothing saved is damaged.
import { expect, test } from '@playwright/test';
import { choose, currentNode, next, startDemo, watchProblems } from '../e2e/support';
import { putRows, storedRows } from '../helpers/raw-idb';

type Row = { id?: number; moduleId?: string; status?: string; state?: { node?: string } };

const UNAVAILABLE = 'Je voortgang kan op dit apparaat niet worden bewaard';
const FULL = 'Je apparaat heeft geen opslagruimte meer';

for (const [how, block] of [
	['open throws (IndexedDB switched off)', () => (IDBFactory.prototype.open = () => { throw new DOMException('IndexedDB is disabled', 'InvalidStateError'); })],
	[
		'open fails later (a private window)',
		() =>
			(IDBFactory.prototype.open = function () {
				const request = {} as IDBOpenDBRequest & { onerror?: (event: Event) => void };
				Object.defineProperty(request, 'error', { value: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') });
				// As a browser does: an error event whose target is the request.
				setTimeout(() => request.onerror?.({ type: 'error', target: request, preventDefault() {}, stopPropagation() {} } as unknown as Event), 10);
				return request;
			})
	]
] as const) {
	test(`without IndexedDB (${how}) the player runs and says progress will not be kept`, async ({ page }) => {
		const problems = watchProblems(page);
		await page.addInitScript(block);
		await page.goto('./');
		await expect(page.getByTestId('status-demo')).toBeVisible();
		await startDemo(page);
		await expect(page.getByText(UNAVAILABLE)).toBeVisible();
		await next(page);
		await next(page);
		await choose(page, 'talk');
		await next(page);
		expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'content' });
		expect(problems).toEqual([]);
	});
}

test('a full disk: the learner is told, keeps playing, and what was saved stays whole', async ({ page }) => {
	// Writes of attempts fail with the browser's quota error while window.__full is set.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if ((window as unknown as { __full?: boolean }).__full && this.name === 'attempts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await startDemo(page);
	await next(page);
	expect((await storedRows<Row>(page)).map((r) => r.state?.node)).toEqual(['meet-sam']);

	await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
	await next(page);
	await expect(page.getByText(FULL)).toBeVisible();
	await choose(page, 'talk');
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'feedback' });
	// Nothing half-written: the stored attempt is the last one saved, whole and readable.
	expect((await storedRows<Row>(page)).map((r) => r.state?.node)).toEqual(['meet-sam']);

	// Space again: the next step saves everything the learner did, and the message goes.
	await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
	await next(page);
	await expect(page.getByText(FULL)).toHaveCount(0);
	const [saved] = await storedRows<Row>(page);
	expect(saved.state?.node).toBe('talk-outcome');
	await page.reload();
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await expect(page.getByText('beschadigd')).toHaveCount(0);
});

test('records that are not ours are set aside; the learner\'s own progress still works', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await putRows(page, [{ id: 900, hello: 'world' }, { id: 901, moduleId: 'demo', status: 'weird' }, { id: 902, moduleId: 42, updatedAt: 'x', status: 'active' }]);
	await page.goto('./');
	await expect(page.getByTestId('status-demo')).toContainText('Bezig');
	const left = await storedRows<Row>(page);
	expect(left.map((r) => r.id).sort()).toEqual([left.find((r) => r.moduleId === 'demo' && r.status === 'active')!.id]);
	expect((await storedRows(page, 'setAside')).length).toBe(3);
	await page.locator('a[href="#/play/demo"]').first().click();
	expect(await currentNode(page)).toEqual({ node: 'meet-sam', kind: 'persona' });
});
