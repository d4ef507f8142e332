// Code inside a module never reaches a learner. The module tests/fixtures/broken/file-not-allowed
// holds media/info.html with a script, linked from its first text as [de folder](media/info.html).
// 1. What `npm run build` makes of a modules folder holding it (its module step,
//    src/tools/copy-modules.ts, run here on a temporary folder and served as a static server
//    would): the module is left out, and info.html is not there to open.
// 2. Even served raw, as a careless server would, the player shows no link to info.html.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { copyModules } from '../../src/tools/copy-modules';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'broken', 'file-not-allowed');
const TYPES: Record<string, string> = { '.json': 'application/json', '.svg': 'image/svg+xml', '.html': 'text/html', '.js': 'text/javascript' };

/** Serves /modules/ from a folder, as a static server: a file that is not there is a 404. */
async function serveModules(page: Page, dir: string) {
	await page.route('**/modules/**', async (route) => {
		const path = decodeURIComponent(new URL(route.request().url()).pathname).split('/modules/')[1];
		const file = join(dir, path);
		if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
		await route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
	});
}

let tmp: string;
test.beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'koers-module-files-'));
	cpSync(join(ROOT, 'modules', 'demo'), join(tmp, 'modules', 'demo'), { recursive: true });
	cpSync(FIXTURE, join(tmp, 'modules', 'file-not-allowed'), { recursive: true });
	const result = copyModules(join(tmp, 'out'), [], join(tmp, 'modules'));
	expect(result.copied).toEqual(['demo']);
	expect(result.refused.map((r) => r.id)).toEqual(['file-not-allowed']);
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the build leaves a module holding media/info.html out: not in the catalogue, not playable, the file not there', async ({ page }) => {
	const pwned: string[] = [];
	page.on('dialog', (d) => (pwned.push(d.message()), d.dismiss()));
	await serveModules(page, join(tmp, 'out', 'modules'));
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('main')).toContainText(JSON.parse(readFileSync(join(ROOT, 'modules', 'demo', 'locales', 'nl.json'), 'utf8')).meta.title);
	await expect(page.locator('main')).not.toContainText('Oefenmodule');

	for (const file of ['media/info.html', 'media/x.js', 'style.css', 'module.json'])
		expect((await page.request.get(`modules/file-not-allowed/${file}`)).status(), file).toBe(404);

	await page.goto('#/play/file-not-allowed');
	await expect(page.getByRole('button', { name: 'Begin de module' })).toHaveCount(0);
	expect(await page.title()).not.toContain('pwned');
	expect(pwned).toEqual([]);
});

test('served raw, the module still shows "de folder" as text, never as a link to media/info.html', async ({ page }) => {
	await serveModules(page, join(tmp, 'modules'));
	await page.goto('#/play/file-not-allowed');
	await page.getByRole('button', { name: 'Begin de module' }).click();
	const text = page.locator('article.step .prose').first();
	await expect(text).toContainText('Lees eerst de folder.');
	await expect(page.locator('a[href*="info.html"]')).toHaveCount(0);
	await expect(text.locator('a')).toHaveCount(0);
});
