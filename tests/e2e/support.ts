import { expect, type Page } from '@playwright/test';
import { storedRows } from '../helpers/raw-idb';

/** Collects failed requests and console errors, so a test can assert the page had none. */
export function watchProblems(page: Page) {
	const problems: string[] = [];
	// A request the page itself cancels (a prefetch cut short by navigating) is not a failure;
	// a missing file still shows up below as an HTTP error.
	page.on('requestfailed', (r) => {
		if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
	});
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return problems;
}

/** The node the player shows (data-node on the step card) and whether it is feedback. */
export async function currentNode(page: Page) {
	const step = page.locator('article.step');
	await expect(step).toBeVisible();
	return { node: await step.getAttribute('data-node'), kind: await step.getAttribute('data-kind') };
}

/**
 * Waits until the step on screen is saved on the device. A step is saved just after it is
 * painted; a learner never reloads that fast, a test that reloads straight after a click does.
 */
export async function stepSaved(page: Page) {
	const shown = await currentNode(page);
	const saved = async () => {
		const rows = await storedRows<{ updatedAt: number; state?: { node?: string; feedbackPending?: boolean } }>(page);
		return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0]?.state;
	};
	await expect.poll(async () => {
		const state = await saved();
		return `${state?.node}:${state?.feedbackPending ? 'feedback' : 'step'}`;
	}).toBe(`${shown.node}:${shown.kind === 'feedback' ? 'feedback' : 'step'}`);
}

export async function heading(page: Page) {
	return page.locator('[data-step-heading]').first().innerText();
}

/** Clicks the primary button of a content/persona/feedback step (Verder/Continue). */
export async function next(page: Page) {
	const before = await page.locator('article.step').getAttribute('data-node');
	const kind = await page.locator('article.step').getAttribute('data-kind');
	await page.getByRole('button', { name: /^(Verder|Continue)$/ }).click();
	await expect
		.poll(async () => `${await page.locator('article.step').getAttribute('data-node')}:${await page.locator('article.step').getAttribute('data-kind')}`)
		.not.toBe(`${before}:${kind}`);
}

export async function choose(page: Page, option: string) {
	await page.locator(`button[data-option="${option}"]`).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'feedback');
}

export async function answer(page: Page, labels: RegExp[]) {
	for (const label of labels) await page.getByLabel(label).check();
	await page.getByRole('button', { name: /Controleer antwoord|Check answer/ }).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'feedback');
}

/** Opens the demo and starts a fresh attempt. */
export async function startDemo(page: Page, base = '') {
	await page.goto(`${base}#/play/demo`);
	await page.getByRole('button', { name: /Begin de module|Begin the module/ }).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-node', 'welcome');
}
