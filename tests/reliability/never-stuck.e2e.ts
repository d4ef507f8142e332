// Nowhere stuck, never told nothing: a database that never opens, stored records with values no
// real attempt has, and records of unknown kind. The learner always sees a page and is told, in
// words that fit, what happened to their progress.
import { expect, test } from '@playwright/test';
import { currentNode, next, watchProblems } from '../e2e/support';
import { putRows } from '../helpers/raw-idb';

const T = Date.UTC(2026, 10, 2, 9, 0);
/** A whole finished attempt of the demo, as the player saves it. */
function finishedDemo(over: Record<string, unknown> = {}) {
	const path = ['welcome', 'meet-sam', 'first-evening', 'wait-outcome', 'second-visit', 'sam-stays-away', 'quiz-signals', 'quiz-approaches', 'reflect', 'evaluation', 'end-practice'];
	const decision = (node: string, answers: string[]) => ({ node, answers, points: 0, at: T + 1000, latencyMs: 900 });
	const state = {
		format: 1, moduleId: 'demo', moduleVersion: '1.0.0', node: 'end-practice', path,
		decisions: [decision('first-evening', ['wait']), decision('sam-stays-away', ['leave']), decision('quiz-signals', ['a']), decision('quiz-approaches', ['b'])],
		score: 0, reflections: {}, evaluation: { rating: 7, useful: '', better: '' }, feedbackPending: false,
		timeMs: 600_000, startedAt: T, updatedAt: T + 700_000, nodeEnteredAt: T + 700_000, completedAt: T + 700_000,
		...over
	};
	return { moduleId: 'demo', moduleVersion: '1.0.0', status: 'completed', state, progress: 1, percent: 0, passed: false, startedAt: state.startedAt, updatedAt: state.updatedAt, completedAt: state.completedAt, revision: 3 };
}

test('a database that never opens: after a short wait the catalogue shows, says progress is not kept, and the module plays', async ({ page }) => {
	const problems = watchProblems(page);
	// indexedDB.open answers neither success nor error, as with an upgrade blocked for good.
	await page.addInitScript(() => (IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest));
	await page.goto('./');
	const notice = 'De opslag van je browser reageert niet';
	await expect(page.getByTestId('status-demo')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByText(notice)).toBeVisible();
	await page.locator('a[href="#/play/demo"]').first().click();
	await page.getByRole('button', { name: 'Begin de module' }).click();
	await expect(page.getByText(notice)).toBeVisible();
	await next(page);
	expect(await currentNode(page)).toEqual({ node: 'meet-sam', kind: 'persona' });
	expect(problems).toEqual([]);
});

test('stored records with impossible values are set aside and the learner is told, in words that fit; no page hangs', async ({ page }) => {
	const problems = watchProblems(page);
	// The player opens the database (the catalogue shows before it does).
	await page.goto('#/play/demo');
	await expect(page.getByRole('button', { name: 'Begin de module' })).toBeVisible();
	await putRows(page, [
		// An invalid date: the result page could not print it.
		{ ...finishedDemo({ completedAt: 'gisteren' }), id: 501, completedAt: 'gisteren' },
		// A summary that is not a number: the catalogue would say "Bezig: NaN%".
		{ ...finishedDemo(), id: 502, moduleId: 'polarisatie-naar-verbinding', status: 'active', progress: 'abc' },
		// An unknown status (another version of Koers) and a record with no module at all.
		{ ...finishedDemo(), id: 503, moduleId: 'intercultureel-vakmanschap', status: 'paused' },
		{ id: 504, status: 'active', updatedAt: T }
	]);

	await page.goto('#/results/demo/501');
	await expect(page.getByText('Je opgeslagen voortgang in deze module was beschadigd')).toBeVisible();
	await expect(page.getByText('Resultaat laden…')).toHaveCount(0);

	await page.goto('./');
	await expect(page.getByTestId('status-demo')).toBeVisible();
	// Set aside on the results page already; the rest are told here, each in its own words.
	await expect(page.locator('[data-set-aside="damaged"]')).toContainText('beschadigd');
	await expect(page.locator('[data-set-aside="damaged"]')).toContainText('Van polarisatie naar verbinding');
	await expect(page.locator('[data-set-aside="unknown-status"]')).toContainText('andere versie van Koers');
	await expect(page.locator('[data-set-aside="no-module"]')).toContainText('bij welke module');
	// Case-sensitive: a plain string ignores case and also matches "nan" across the cards' joined texts.
	await expect(page.getByText(/NaN/)).toHaveCount(0);
	await expect(page.getByText(/bijgewerkt/)).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('a saved state that is damaged, not outdated, says "damaged" in the player, never "updated"', async ({ page }) => {
	const problems = watchProblems(page);
	await page.goto('./');
	await expect(page.getByTestId('status-demo')).toBeVisible();
	const long = Array.from({ length: 100_000 }, () => 'second-visit');
	await putRows(page, [{ ...finishedDemo({ timeMs: 1e15, path: [...long, 'end-practice'] }), id: 601 }]);
	await page.goto('#/play/demo');
	await expect(page.getByText('Je opgeslagen voortgang voor deze module is beschadigd')).toBeVisible();
	await expect(page.getByText(/bijgewerkt/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	expect(await currentNode(page)).toEqual({ node: 'welcome', kind: 'content' });

	// A node this very version lacks is damage too, not an update of the module.
	await putRows(page, [{ ...finishedDemo({ node: 'verdwenen', path: ['welcome', 'verdwenen'] }), id: 602, updatedAt: Date.now() + 60_000 }]);
	await page.reload();
	await expect(page.getByText('Je opgeslagen voortgang voor deze module is beschadigd')).toBeVisible();
	await expect(page.getByText(/bijgewerkt/)).toHaveCount(0);
	expect(problems).toEqual([]);
});
