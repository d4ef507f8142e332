// Storage faults: IndexedDB unavailable, the disk full, and records in the database that are not
// ours. The player keeps running, tells the learner what it means, and nothing saved is damaged.
import { expect, test, type Page } from '@playwright/test';
import { choose, currentNode, next, startDemo, watchProblems } from '../e2e/support';

type Row = { id?: number; moduleId?: string; status?: string; state?: { node?: string } };

function table(page: Page, store: 'attempts' | 'setAside') {
	return page.evaluate(
		(name) =>
			new Promise<Row[]>((resolve, reject) => {
				const open = indexedDB.open('koers');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => {
						open.result.close();
						resolve(all.result);
					};
				};
			}),
		store
	);
}

function putRaw(page: Page, values: unknown[]) {
	return page.evaluate(
		(rows) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('koers');
				open.onsuccess = () => {
					const tx = open.result.transaction('attempts', 'readwrite');
					for (const row of rows) tx.objectStore('attempts').put(row);
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		values
	);
}

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
	expect((await table(page, 'attempts')).map((r) => r.state?.node)).toEqual(['meet-sam']);

	await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
	await next(page);
	await expect(page.getByText(FULL)).toBeVisible();
	await choose(page, 'talk');
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'feedback' });
	// Nothing half-written: the stored attempt is the last one saved, whole and readable.
	expect((await table(page, 'attempts')).map((r) => r.state?.node)).toEqual(['meet-sam']);

	// Space again: the next step saves everything the learner did, and the message goes.
	await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
	await next(page);
	await expect(page.getByText(FULL)).toHaveCount(0);
	const [saved] = await table(page, 'attempts');
	expect(saved.state?.node).toBe('talk-outcome');
	await page.reload();
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await expect(page.getByText('beschadigd')).toHaveCount(0);
});

test('records that are not ours are set aside; the learner\'s own progress still works', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await putRaw(page, [{ id: 900, hello: 'world' }, { id: 901, moduleId: 'demo', status: 'weird' }, { id: 902, moduleId: 42, updatedAt: 'x', status: 'active' }]);
	await page.goto('./');
	await expect(page.getByTestId('status-demo')).toContainText('Bezig');
	const left = await table(page, 'attempts');
	expect(left.map((r) => r.id).sort()).toEqual([left.find((r) => r.moduleId === 'demo' && r.status === 'active')!.id]);
	expect((await table(page, 'setAside')).length).toBe(3);
	await page.locator('a[href="#/play/demo"]').first().click();
	expect(await currentNode(page)).toEqual({ node: 'meet-sam', kind: 'persona' });
});
