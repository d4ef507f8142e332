// The author view in the dev server (#/author): an author opens their module, sees its chart,
// previews a step in Dutch and English, plays on, edits the files on disk and sees the preview
// follow without losing the step, breaks the JSON and is told where.
// Runs against `vite dev` (tests/authoring/playwright.dev.config.ts), with a module scaffolded by
// `npm run new:module` into modules/ and removed again whatever happens.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');
/**
 * How long to wait for a saved file to show in the preview. This is not a speed assertion: the test
 * waits for the update itself (the new text, the new node, the error), and the time it took is
 * logged below; on a loaded machine a file watcher can take seconds, which says nothing about the
 * code. How fast it is belongs in a measurement, not in a test that fails at random.
 */
const LIVE_UPDATE_WAIT_MS = 30_000;

function problems(page: Page) {
	const found: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') found.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => found.push(`page error: ${e.message}`));
	return found;
}

/** Edits a JSON file the way an editor saves it, and returns when it was written. */
function save(file: string, change: (text: string) => string): number {
	const before = readFileSync(file, 'utf8');
	const after = change(before);
	expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
	writeFileSync(file, after);
	return Date.now();
}

// A run that was killed cannot clean up after itself: its module is removed by the next run.
test.beforeAll(() => {
	const modules = join(ROOT, 'modules');
	for (const name of readdirSync(modules))
		if (name.startsWith('tmp-preview-') && Date.now() - statSync(join(modules, name)).mtimeMs > 60 * 60 * 1000) rmSync(join(modules, name), { recursive: true, force: true });
});

test('author view: chart, preview in NL and EN, LMS panel, live update that keeps the step, JSON error in place of the preview', async ({ page }) => {
	const id = `tmp-preview-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	const dir = join(ROOT, 'modules', id);
	const moduleFile = join(dir, 'module.json');
	const enFile = join(dir, 'locales', 'en.json');
	const nlFile = join(dir, 'locales', 'nl.json');
	const found = problems(page);
	try {
		execFileSync('npm', ['run', '--silent', 'new:module', '--', id], { cwd: ROOT, stdio: 'pipe' });

		// The list: every module with the checker's verdict; the new one passes.
		await page.goto('./#/author');
		const row = page.locator(`[data-module="${id}"]`);
		await expect(row).toBeVisible({ timeout: 90_000 });
		await expect(row.locator('[data-errors]')).toHaveAttribute('data-errors', '0');
		await expect(page.locator('[data-module="demo"]')).toBeVisible();

		// The chart: a box per node with its kind in words, labelled lines, the start marked.
		await row.getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`#/author/${id}$`));
		const chart = page.locator('[data-chart]');
		await expect(chart.locator('[data-node]')).toHaveCount(9, { timeout: 30_000 });
		await expect(chart.locator('[data-node="dilemma"]')).toContainText('Keuze');
		await expect(chart.locator('[data-node="check"]')).toContainText('Kennisvraag');
		await expect(chart.locator('[data-node="end"]')).toContainText('Einde');
		await expect(chart.locator('[data-edge-label="dilemma choose.ask 0"]')).toHaveText('Je vraagt Noor wat er speelt. · +2 pt');
		await expect(chart.locator('[data-node="welcome"]')).toHaveAttribute('aria-current', 'step');

		// Clicking a node previews it, in Dutch, then in English.
		const step = page.locator('[data-preview] article.step');
		await chart.locator('[data-node="dilemma"]').click();
		await expect(step).toHaveAttribute('data-node', 'dilemma');
		await expect(step.locator('[data-step-heading]')).toHaveText('Wat doe je?');
		await expect(chart.locator('[data-node="dilemma"]')).toHaveAttribute('aria-current', 'step');
		await page.locator('[data-preview-language="en"]').click();
		await expect(step.locator('[data-step-heading]')).toHaveText('What do you do?');
		await expect(chart.locator('[data-edge-label="dilemma choose.ask 0"]')).toHaveText('You ask Noor what is going on. · +2 pt');
		// The author's own language stays Dutch.
		await expect(page.getByRole('heading', { name: 'Schema' })).toBeVisible();

		// What an LMS records: incomplete, no score, the saved state's length.
		const lms = page.locator('[data-lms]');
		await expect(lms.locator('[data-lms-status]')).toHaveText('incomplete');
		await expect(lms.locator('[data-lms-score]')).toHaveText('nog geen');
		expect(Number(await lms.locator('[data-lms-suspend-length]').getAttribute('data-lms-suspend-length'))).toBeGreaterThan(10);

		// Playing on: the chart follows the learner, the LMS gets the decision.
		await step.getByRole('button', { name: /You ask Noor what is going on/ }).click();
		await expect(step).toHaveAttribute('data-kind', 'feedback');
		await step.getByRole('button', { name: 'Continue' }).click();
		await expect(step).toHaveAttribute('data-node', 'outcome-ask');
		await expect(chart.locator('[data-node="outcome-ask"]')).toHaveAttribute('aria-current', 'step');
		await expect(chart.locator('[data-edge="dilemma choose.ask 0"]')).toHaveClass(/walked/);
		await expect(lms.locator('[data-lms-interactions] tbody tr')).toHaveCount(1);
		await expect(lms.locator('[data-lms-interactions] tbody tr').first()).toContainText('dilemma');

		// Saving a text: the preview shows it at the same step, same play.
		const updated = page.locator('[data-revision]');
		const revision = Number(await updated.getAttribute('data-revision'));
		let savedAt = save(enFile, (t) => t.replace('"title": "A good conversation"', '"title": "A good conversation, and listening"'));
		await expect(step.locator('[data-step-heading]')).toHaveText('A good conversation, and listening', { timeout: LIVE_UPDATE_WAIT_MS });
		const textMs = Date.now() - savedAt;
		await expect(step).toHaveAttribute('data-node', 'outcome-ask');
		await expect(updated).toHaveAttribute('data-revision', String(revision + 1));
		await expect(lms.locator('[data-lms-interactions] tbody tr')).toHaveCount(1);

		// Changing the chart: a new step appears in the diagram; the preview stays where it was.
		save(nlFile, (t) => t.replace('"nodes": {', '"nodes": {\n\t\t"pause": { "title": "Even stilstaan", "body": "Wat zag je net gebeuren?" },'));
		save(enFile, (t) => t.replace('"nodes": {', '"nodes": {\n\t\t"pause": { "title": "A moment to pause", "body": "What did you just see happen?" },'));
		savedAt = save(moduleFile, (t) =>
			t.replace('"outcome-ask": { "meta": { "kind": "content" }, "on": { "continue": "check" } }', '"outcome-ask": { "meta": { "kind": "content" }, "on": { "continue": "pause" } },\n\t\t\t"pause": { "meta": { "kind": "content" }, "on": { "continue": "check" } }')
		);
		await expect(chart.locator('[data-node="pause"]')).toBeVisible({ timeout: LIVE_UPDATE_WAIT_MS });
		const chartMs = Date.now() - savedAt;
		await expect(step).toHaveAttribute('data-node', 'outcome-ask');
		await step.getByRole('button', { name: 'Continue' }).click();
		await expect(step.locator('[data-step-heading]')).toHaveText('A moment to pause');

		// Breaking the JSON: the checker's message, with file and line, takes the preview's place.
		const good = readFileSync(moduleFile, 'utf8');
		const line = good.split('\n').findIndex((l) => l.includes('"studyMinutes": 7,')) + 1;
		savedAt = save(moduleFile, (t) => t.replace('"studyMinutes": 7,', '"studyMinutes": 7'));
		const broken = page.locator('[data-preview-broken]');
		await expect(broken).toBeVisible({ timeout: LIVE_UPDATE_WAIT_MS });
		const errorMs = Date.now() - savedAt;
		await expect(broken.locator('[data-where]').first()).toHaveText(new RegExp(`^modules/${id}/module\\.json:${line}:\\d+$`));
		await expect(broken).toContainText('komma');
		await expect(page.locator('[data-preview]')).toHaveCount(0);

		// Fixing it brings the preview back, at the same step.
		writeFileSync(moduleFile, good);
		await expect(broken).toHaveCount(0, { timeout: LIVE_UPDATE_WAIT_MS });
		await expect(step).toHaveAttribute('data-node', 'pause');
		await expect(step.locator('[data-step-heading]')).toHaveText('A moment to pause');

		console.log(`live update: text ${textMs} ms, chart ${chartMs} ms, JSON error ${errorMs} ms`);
		expect(found).toEqual([]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
