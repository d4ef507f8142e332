import { expect, test, type Page } from '@playwright/test';
import { axeViolations, walkDemo } from './support';

// axe (WCAG 2.0/2.1/2.2 A and AA, plus its best practices) on every page and every kind of step,
// in both languages, at a phone's width and a laptop's. Each page is built once and checked at
// both widths, which keeps the matrix fast.
const WIDTHS = [360, 1280];
// Independent tests: spread them over the workers.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

/** One h1, no skipped heading level, and one banner, main and contentinfo landmark. */
async function structure(page: Page, where: string): Promise<string[]> {
	const problems = await page.evaluate(() => {
		const out: string[] = [];
		const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('details')).map((h) => Number(h.tagName[1]));
		if (levels.filter((l) => l === 1).length !== 1) out.push(`${levels.filter((l) => l === 1).length} h1 headings`);
		levels.forEach((l, i) => {
			if (i > 0 && l > levels[i - 1] + 1) out.push(`h${levels[i - 1]} followed by h${l}`);
		});
		for (const [sel, name] of [['header:not(main header, article header)', 'banner'], ['main', 'main'], ['footer:not(main footer, article footer)', 'contentinfo']])
			if (document.querySelectorAll(sel).length !== 1) out.push(`${document.querySelectorAll(sel).length} ${name} landmarks`);
		return out;
	});
	return problems.map((p) => `${where}: ${p}`);
}

async function check(page: Page, where: string, found: string[]) {
	found.push(...(await structure(page, where)));
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
		await expect(page.locator('[data-testid=status-demo]')).toBeVisible();
		await check(page, 'catalogue', found);

		await walkDemo(page, (label) => check(page, label, found));

		// The same module opened in a second tab: this one stops saving and says so.
		const second = await page.context().newPage();
		await second.goto('#/play/demo');
		await expect(page.locator('[data-other-tab]')).toBeVisible();
		await check(page, 'module open in another tab', found);
		await second.close();

		await page.goto('#/');
		await expect(page.locator('[data-testid=status-demo]')).toBeVisible();
		await page.locator('.forget button').click();
		await expect(page.getByRole('alertdialog')).toBeVisible();
		await check(page, 'catalogue with progress, confirming "forget my data"', found);

		// Saved progress from another major version of the module: explained, restart offered.
		await page.goto('#/play/demo');
		await expect(page.locator('article.step')).toBeVisible();
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const open = indexedDB.open('koers');
					open.onsuccess = () => {
						const store = open.result.transaction('attempts', 'readwrite').objectStore('attempts');
						const all = store.getAll();
						all.onsuccess = () => {
							for (const rec of all.result) store.put({ ...rec, moduleVersion: '0.9.0', status: 'active', completedAt: undefined, state: { ...rec.state, moduleVersion: '0.9.0', completedAt: undefined } });
							store.transaction.oncomplete = () => resolve();
						};
					};
				})
		);
		await page.reload();
		await expect(page.locator('.screen .notice.warn')).toBeVisible();
		await check(page, 'saved progress that no longer fits', found);

		await page.goto('#/play/no-such-module');
		await expect(page.locator('[data-step-heading]')).toHaveText(/bestaat niet|does not exist/);
		await check(page, 'module not found', found);

		await page.route('**/modules/demo/module.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ "formatVersion": 1, "id": "demo" "version": "1.0.0" }' }));
		await page.goto('#/play/demo');
		await expect(page.locator('.issues')).toBeVisible();
		await check(page, 'module with errors', found);

		await page.unroute('**/modules/demo/module.json');
		await page.route('**/modules/demo/module.json', (route) => route.abort('internetdisconnected'));
		// Leave the module first (the same address would not reload it), and let the catalogue
		// settle, or its own navigation can cut across the next one.
		await page.goto('#/');
		await expect(page.locator('[data-testid=status-demo]')).toBeVisible();
		await page.goto('#/play/demo');
		await expect(page.locator('[data-step-heading]')).toHaveText(/kon niet worden geladen|could not be loaded/);
		await check(page, 'module that could not be loaded', found);

		expect(found).toEqual([]);
	});
}
