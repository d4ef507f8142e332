import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildServiceWorker } from '../../src/tools/build-sw.js';
import { assemblePackage } from '../../src/tools/package-scorm';
import { answer, choose, currentNode, next, stepSaved, watchProblems } from '../e2e/support';
import { axeViolations } from '../a11y/support';
import { ROOT, copyOfBuild, serve } from './support';

// These tests run the real service worker (the other suites block it, see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

/** Until the service worker controls the page: from then on the app works offline. */
async function offlineReady(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

const banner = (page: Page) => page.getByRole('region', { name: /Er is een nieuwe versie van Koers/ });

test('after the first visit the player starts and continues a module offline, and keeps the progress', async ({ browser }) => {
	const server = await serve(copyOfBuild('first-visit'));
	const context = await browser.newContext();
	// Count the requests for persistent storage, so the test sees that the app asks.
	await context.addInitScript(() => {
		const w = window as unknown as { persistAsked: number };
		w.persistAsked = 0;
		const original = navigator.storage?.persist?.bind(navigator.storage);
		if (navigator.storage) navigator.storage.persist = () => (w.persistAsked++, original ? original() : Promise.resolve(false));
	});
	const page = await context.newPage();
	await page.goto(server.url);
	await expect(page.getByTestId('status-demo')).toBeVisible();
	await offlineReady(page);
	expect(await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBeGreaterThan(0);
	// Installable: the manifest is linked, relative to the page, and names the app and its icons.
	const manifest = await page.evaluate(async () => {
		const href = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
		return { href, json: await (await fetch(href)).json() };
	});
	expect(manifest.href).toBe(`${server.url}manifest.webmanifest`);
	expect(manifest.json).toMatchObject({ short_name: 'Koers', start_url: './', scope: './', display: 'standalone' });

	// The network goes away.
	await context.setOffline(true);
	const reached = server.requests.length;
	const problems = watchProblems(page);
	await page.reload();
	await expect(page.getByTestId('status-demo')).toHaveText('Nog niet begonnen');
	await page.locator('a[href="#/play/demo"]').click();
	await page.getByRole('button', { name: 'Begin de module' }).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-node', 'welcome');
	await next(page);
	// The persona's portrait comes from the cache too.
	await expect(page.getByRole('img', { name: /portret van Sam/ })).toBeVisible();
	expect(await page.getByRole('img', { name: /portret van Sam/ }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
	await next(page);
	await choose(page, 'talk');
	await stepSaved(page);
	await page.reload();
	expect(await currentNode(page)).toEqual({ node: 'talk-outcome', kind: 'feedback' });
	await next(page);
	// Saved just after it is painted; closing in the same few milliseconds, as no learner can, once
	// left the page before that save (the attempt then resumed at the feedback before it).
	await stepSaved(page);

	// Closed and opened again, still offline: the attempt continues where it was.
	await page.close();
	const again = await context.newPage();
	await again.goto(`${server.url}#/play/demo`);
	expect(await currentNode(again)).toEqual({ node: 'talk-outcome', kind: 'content' });
	await again.goto(`${server.url}#/`);
	await expect(again.getByTestId('status-demo')).toContainText('Bezig');
	expect(problems).toEqual([]);
	// Nothing the page asked for reached the server. (The browser's own check for a newer sw.js
	// runs outside the page, where Playwright's offline switch does not reach; offline for real, it
	// fails quietly.)
	expect(server.requests.slice(reached).filter((path) => !path.endsWith('/sw.js'))).toEqual([]);
	await context.close();
	await server.close();
});

/** Deploys a changed demo module: new texts and version in modules/, and a new sw.js. */
function deploy(dir: string, change: { version: string; explanation: string }) {
	const moduleFile = join(dir, 'modules/demo/module.json');
	writeFileSync(moduleFile, JSON.stringify({ ...JSON.parse(readFileSync(moduleFile, 'utf8')), version: change.version }));
	const localeFile = join(dir, 'modules/demo/locales/nl.json');
	const locale = JSON.parse(readFileSync(localeFile, 'utf8'));
	locale.nodes['quiz-signals'].explanation = change.explanation;
	writeFileSync(localeFile, JSON.stringify(locale));
	return buildServiceWorker(dir).version;
}

/** Has the browser fetch sw.js again and waits until the new version is installed and waiting. */
async function newVersionWaiting(page: Page) {
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
	await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting, null, { timeout: 20_000 });
}

test('a new version is offered between steps, never mid-answer; taking it resumes or explains, by the saved-state rules', async ({ page }) => {
	const dir = copyOfBuild('update');
	const server = await serve(dir);
	await page.goto(`${server.url}#/play/demo`);
	await page.getByRole('button', { name: 'Begin de module' }).click();
	await offlineReady(page);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	for (let i = 0; i < 3; i++) await next(page);
	await choose(page, 'ask');
	await next(page);
	expect(await currentNode(page)).toEqual({ node: 'quiz-signals', kind: 'quiz' });

	// A compatible update (same major version, new wording) arrives while the learner answers a quiz.
	await page.locator('article.step label.answer').first().click();
	deploy(dir, { version: '1.0.1', explanation: 'Nieuwe uitleg na de update.' });
	await newVersionWaiting(page);
	// The banner must not appear mid-answer: the worker is waiting (the signal above), and the page
	// hears of it within a frame or two; 300 ms gives a wrong banner time to show.
	await page.waitForTimeout(300);
	await expect(banner(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Controleer antwoord' }).click();
	// Between steps (the answer is saved): now it is offered.
	await expect(banner(page)).toBeVisible();
	await expect(banner(page)).toContainText('Je voortgang blijft bewaard.');
	expect(await axeViolations(page, 'update offer')).toEqual([]);
	await page.setViewportSize({ width: 360, height: 640 });
	await page.screenshot({ path: test.info().outputPath('update-offer-360.png') });
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(page.locator('article.step')).toContainText('Sam bleef twintig minuten staan');
	const at = await currentNode(page);
	expect(at.kind).toBe('feedback');
	await banner(page).getByRole('button', { name: 'Nu bijwerken' }).click();
	// The page reloads on the new version and the attempt goes on at the same step.
	await expect(page.locator('article.step')).toContainText('Nieuwe uitleg na de update.');
	expect(await currentNode(page)).toEqual(at);
	await expect(banner(page)).toHaveCount(0);

	// "Later" puts the offer away; an incompatible update (new major version) is explained on reload.
	deploy(dir, { version: '2.0.0', explanation: 'Uitleg van versie 2.' });
	await newVersionWaiting(page);
	await expect(banner(page)).toBeVisible();
	await banner(page).getByRole('button', { name: 'Later' }).click();
	await expect(banner(page)).toHaveCount(0);
	await page.reload();
	// Reloading alone does not switch while the old version is still open: the offer comes back.
	await expect(banner(page)).toBeVisible();
	// Not on the trainers' overview, where a reload would drop the files read in.
	await page.goto(`${server.url}#/trainer`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(banner(page)).toHaveCount(0);
	await page.goto(`${server.url}#/play/demo`);
	await expect(banner(page)).toBeVisible();
	await banner(page).getByRole('button', { name: 'Nu bijwerken' }).click();
	await expect(page.getByText('Deze module is bijgewerkt sinds je eraan begon.')).toBeVisible();
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	expect(await currentNode(page)).toEqual({ node: 'welcome', kind: 'content' });
	await server.close();
});

test('a SCORM package has no service worker, no manifest and no offline files', async ({ page }) => {
	const files = assemblePackage({ modulesDir: join(ROOT, 'modules'), playerDir: join(ROOT, process.env.KOERS_OUT || 'build'), id: 'demo', edition: 'scorm12' });
	const paths = [...files.keys()];
	expect(paths).toContain('index.html');
	expect(paths.filter((p) => p === 'sw.js' || p === 'manifest.webmanifest' || p.startsWith('icons/'))).toEqual([]);
	const dir = join(ROOT, 'tests', '.tmp', `offline-package-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	for (const [path, data] of files) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), data);
	}
	const server = await serve(dir, '/lms/content/7/');
	await page.goto(`${server.url}index.html`);
	await expect(page.locator('[data-step-heading]')).toBeVisible();
	// A registration must not happen, so there is nothing to wait for: the player registers its
	// worker right after the first step shows (above); 500 ms more gives a wrong one time to appear.
	await page.waitForTimeout(500);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
	expect(await page.locator('link[rel=manifest]').count()).toBe(0);
	expect(server.requests.filter((r) => /sw\.js|manifest|icons\//.test(r))).toEqual([]);
	await server.close();
});
