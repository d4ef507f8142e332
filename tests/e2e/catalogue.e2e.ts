// The catalogue's list of modules: on a first visit it comes with the page (the build writes it
// into index.html, so no request stands between the code and the list); back from a module, the
// list is asked for again, so a module added or renamed since is seen without reloading.
import { expect, test } from '@playwright/test';
import { watchProblems } from './support';

test('the first catalogue needs no request for the list; back from a module, the list is fresh', async ({ page }) => {
	const problems = watchProblems(page);
	const listRequests: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname.endsWith('/modules/index.json')) listRequests.push(r.url());
	});
	await page.goto('');
	const demo = page.getByRole('region', { name: 'Voorbeeld voor trainers' });
	await expect(demo.getByRole('heading', { name: 'Voorbeeldmodule: een nieuwe bezoeker' })).toBeVisible();
	await expect(page.getByTestId('status-demo')).toHaveText('Nog niet begonnen');
	expect(listRequests).toEqual([]);

	// Meanwhile the module was renamed on the server.
	await page.route('**/modules/index.json', async (route) => {
		const list = await (await route.fetch()).json();
		for (const entry of list.modules) if (entry.id === 'demo') entry.titles.nl = 'Voorbeeldmodule, vernieuwd';
		await route.fulfill({ json: list });
	});
	await demo.getByRole('link', { name: /Beginnen/ }).click();
	await expect(page.getByRole('button', { name: 'Begin de module' })).toBeVisible();
	await page.getByRole('link', { name: /Koers/ }).click();
	await expect(page.getByRole('heading', { name: 'Voorbeeldmodule, vernieuwd' })).toBeVisible();
	expect(listRequests).toHaveLength(1);
	expect(problems).toEqual([]);
});

test('the first page brings its own styles: no style sheet is fetched, and they still apply after a visit to a module', async ({ page }) => {
	const sheets: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'stylesheet') sheets.push(new URL(r.url()).pathname.split('/').pop()!);
	});
	await page.goto('');
	const start = page.getByTestId('status-demo');
	await expect(start).toHaveText('Nog niet begonnen');
	// The status is bold (ModuleCard.svelte) and the page has the paper colour (app.css, #f6f4ef):
	// the rules of both style sheets apply.
	const looks = () => start.evaluate((el) => [getComputedStyle(el).fontWeight, getComputedStyle(document.documentElement).backgroundColor]);
	const first = await looks();
	expect(first).toEqual(['600', 'rgb(246, 244, 239)']);
	expect(sheets).toEqual([]);

	await page.locator('a[href="#/play/demo"]').click();
	await expect(page.getByRole('button', { name: 'Begin de module' })).toBeVisible();
	await page.getByRole('link', { name: /Koers/ }).click();
	await expect(start).toBeVisible();
	expect(await looks()).toEqual(first);
	// The module's page fetched its own sheets; the start page's were never fetched a second time.
	expect(sheets.length).toBeGreaterThan(0);
	expect(sheets.filter((name) => /^(0|2)\./.test(name))).toEqual([]);
});
