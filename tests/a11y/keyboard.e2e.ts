import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, focusIsVisible, focusOnStepHeading, stepKind, tabTo } from './support';

interface Entry {
	id: string;
	broken: boolean;
	titles: Record<string, string>;
}

/** Keys only: press and check that what has focus can be seen. */
async function press(page: Page, key: string) {
	await page.keyboard.press(key);
}

async function activate(page: Page, selector: string, key: 'Enter' | 'Space' = 'Enter') {
	await tabTo(page, selector);
	expect(await focusIsVisible(page), `focus on ${selector} is visible`).toBe(true);
	await press(page, key);
}

/**
 * Plays one module from the catalogue to its result with the keyboard only (Tab, Shift+Tab,
 * Enter, Space, arrow keys; no mouse, no clicks, no fill), checking on every step that focus
 * moved to the new step's heading. The first step of each kind also gets an axe check: the demo's
 * are checked at length in axe.e2e.ts, this catches what a module's own texts bring (images
 * without alt text, links, headings).
 */
async function playWithKeyboard(page: Page, entry: Entry, violations: string[]) {
	await page.goto('');
	await expect(page.locator('[data-testid^=status-]').first()).toBeVisible();
	await activate(page, `a[href="#/play/${entry.id}"]`);
	await expect(page.locator('[data-step-heading]')).toBeVisible();
	// Enter on the module's card lands on its intro's heading, not on <body>.
	await expect.poll(() => focusOnStepHeading(page), `${entry.id}: focus on the intro's heading`).toBe(true);
	await activate(page, '.start .actions button');

	const kinds = new Set<string>();
	let steps = 0;
	for (; steps < 400; steps++) {
		await expect(page.locator('article.step')).toBeVisible();
		const kind = await stepKind(page);
		if (!kinds.has(kind)) violations.push(...(await axeViolations(page, `${entry.id}, first ${kind} step`)));
		kinds.add(kind);
		await expect.poll(() => focusOnStepHeading(page), `${entry.id} step ${steps} (${kind}): focus on the heading`).toBe(true);
		const before = await page.locator('article.step').evaluate((el) => `${el.getAttribute('data-node')}:${el.getAttribute('data-kind')}`);
		if (kind === 'end') break;
		if (kind === 'content' || kind === 'persona' || kind === 'feedback') {
			await activate(page, 'article.step .actions button.button');
		} else if (kind === 'choice') {
			// Walk down the options and back up again with Shift+Tab, then choose with Space.
			const count = await page.locator('article.step button.option').count();
			await tabTo(page, 'article.step button.option');
			for (let i = 1; i < count; i++) await press(page, 'Tab');
			await tabTo(page, 'article.step li:first-child > button.option', { back: true });
			expect(await focusIsVisible(page)).toBe(true);
			await press(page, 'Space');
		} else if (kind === 'quiz') {
			await tabTo(page, 'article.step fieldset input');
			expect(await focusIsVisible(page)).toBe(true);
			const radio = await page.evaluate(() => (document.activeElement as HTMLInputElement).type === 'radio');
			if (radio) {
				// Arrow keys move through a radio group and select as they go.
				await press(page, 'ArrowDown');
				await press(page, 'ArrowUp');
			} else {
				await press(page, 'Space');
			}
			await activate(page, 'article.step button[type=submit]');
		} else if (kind === 'reflection') {
			await tabTo(page, 'article.step textarea');
			await page.keyboard.type('Met het toetsenbord geschreven.');
			await activate(page, 'article.step button[type=submit]');
		} else if (kind === 'evaluation') {
			await tabTo(page, 'article.step input[type=radio]');
			expect(await focusIsVisible(page), 'rating has a visible focus').toBe(true);
			await press(page, 'Space');
			for (let i = 0; i < 7; i++) await press(page, 'ArrowRight');
			await tabTo(page, 'article.step textarea');
			await page.keyboard.type('Alles.');
			await activate(page, 'article.step button[type=submit]');
		} else if (kind === 'scale') {
			// An instrument's scale: a radio group, chosen with the arrow keys.
			await tabTo(page, 'article.step input[type=radio]');
			expect(await focusIsVisible(page), 'scale has a visible focus').toBe(true);
			await press(page, 'Space');
			await press(page, 'ArrowRight');
			await activate(page, 'article.step button[type=submit]');
		} else if (kind === 'checklist' || kind === 'actionplan') {
			await tabTo(page, 'article.step input[type=checkbox]');
			expect(await focusIsVisible(page), `${kind} has a visible focus`).toBe(true);
			await press(page, 'Space');
			await activate(page, 'article.step button[type=submit]');
		} else if (kind === 'fields') {
			await tabTo(page, 'article.step textarea');
			await page.keyboard.type('Met het toetsenbord geschreven.');
			await activate(page, 'article.step button[type=submit]');
		} else {
			throw new Error(`${entry.id}: no keyboard route for a step of kind ${kind}`);
		}
		await expect
			.poll(() => page.locator('article.step').evaluate((el) => `${el.getAttribute('data-node')}:${el.getAttribute('data-kind')}`), `${entry.id}: the step after ${before}`)
			.not.toBe(before);
	}
	expect(await stepKind(page)).toBe('end');
	// A course ends on its score, an instrument on the learner's analysis.
	await expect(page.locator('[data-testid=score]').or(page.locator('[data-testid=analysis]'))).toBeVisible();
	return { kinds, steps };
}

// Every module of the build under test, one test each, spread over the workers.
const catalogue = join(import.meta.dirname, '..', '..', process.env.KOERS_OUT || 'build', 'modules', 'index.json');
const modules: Entry[] = existsSync(catalogue) ? (JSON.parse(readFileSync(catalogue, 'utf8')).modules as Entry[]).filter((m) => !m.broken) : [{ id: 'demo', broken: false, titles: {} }];

test.describe('with the keyboard alone', () => {
	test.describe.configure({ mode: 'parallel' });
	for (const entry of modules) {
		test(`${entry.id} can be completed, focus following each step`, async ({ page }) => {
			test.setTimeout(120_000);
			const violations: string[] = [];
			const { kinds } = await playWithKeyboard(page, entry, violations);
			if (entry.id === 'demo') expect([...kinds].sort()).toEqual(['choice', 'content', 'end', 'evaluation', 'feedback', 'persona', 'quiz', 'reflection']);
			expect(violations).toEqual([]);
		});
	}
});

test('after a reload the attempt resumes without moving focus, and Tab starts at the skip link', async ({ page }) => {
	await page.goto('#/play/demo');
	await activate(page, '.start .actions button');
	await expect.poll(() => focusOnStepHeading(page)).toBe(true);
	await activate(page, 'article.step .actions button.button');
	await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'persona');
	await page.reload();
	await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'persona');
	expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
	await press(page, 'Tab');
	await expect(page.locator('.skip')).toBeFocused();
	await expect(page.locator('.skip')).toBeInViewport();
	// The skip link takes the learner past the header, to the step itself.
	await press(page, 'Enter');
	await press(page, 'Tab');
	expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});
