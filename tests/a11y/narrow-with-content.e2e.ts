// Narrow screens and large text with real content on the page: the trainers' overview with a
// group's results loaded (its charts and their "declared study time" marker), and the header's
// language switch with text at 200 %.
import { expect, test, type Page } from '@playwright/test';
import { tenFiles, type GroupFile } from '../results/group-files';
import { demoRecord, T0 } from '../results/fixtures';
import { axeViolations, sticksOut } from './support';

test.describe.configure({ mode: 'parallel' });

/**
 * A quick group: everyone finished well within the declared study time, so the chart's last
 * column holds the study time and its marker sits at the chart's right edge.
 */
function quickGroup(): GroupFile[] {
	return [4, 6, 9].map((stepSeconds, i) => ({
		name: `snel-${i + 1}.json`,
		text: JSON.stringify(demoRecord({ first: 'talk', second: 'ask', signals: ['b'], approaches: ['a', 'c'], rating: 8 }, { start: T0 + i * 3_600_000, stepSeconds, name: `Deelnemer ${i + 1}` }))
	}));
}

/** Like sticksOut, but a table in its own sideways-scrolling region may be wider: that is its job. */
async function sticksOutOfPage(page: Page) {
	const inScroller = await page.evaluate(() => [...document.querySelectorAll('main [role=region]')].filter((el) => getComputedStyle(el).overflowX === 'auto').map((el) => el.tagName));
	const problems = await sticksOut(page);
	return inScroller.length ? problems.filter((p) => !/^(table|thead|tbody|tr|th|td)\./.test(p)) : problems;
}

/** Everything inside each chart must stay inside the chart's own box (no label cut off or sticking out). */
function outsideItsChart(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('figure.histogram')].flatMap((figure) => {
			const box = figure.getBoundingClientRect();
			return [...figure.querySelectorAll('*')]
				.filter((el) => !el.closest('.visually-hidden'))
				.filter((el) => {
					const r = el.getBoundingClientRect();
					return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1);
				})
				.map((el) => `${figure.getAttribute('data-testid') ?? 'chart'}: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim().slice(0, 30)}"`);
		})
	);
}

for (const [group, files, read] of [
	['a quick group (study time in the last column)', quickGroup, '3 bestanden gelezen.'],
	['the ten files of the results test', tenFiles, '10 bestanden gelezen.']
] as const) {
	test(`the trainers' overview with ${group} fits 320, 360 and 1280 px, study-time marker included, and passes axe`, async ({ page }) => {
		await page.goto('#/trainer');
		await expect(page.getByRole('heading', { level: 1, name: 'Groepsoverzicht voor trainers' })).toBeVisible();
		await page.getByTestId('trainer-files').setInputFiles(files().map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
		await expect(page.getByTestId('trainer-read')).toHaveText(read);
		await expect(page.getByTestId('time-histogram').getByText(/^Opgegeven studietijd/)).toBeVisible();
		const problems: string[] = [];
		for (const width of [320, 360, 1280]) {
			await page.setViewportSize({ width, height: 800 });
			problems.push(...(await sticksOutOfPage(page)).map((p) => `@${width}px: ${p}`));
			problems.push(...(await outsideItsChart(page)).map((p) => `@${width}px: ${p}`));
		}
		expect(problems).toEqual([]);
		expect(await axeViolations(page, `trainer view with ${group}`)).toEqual([]);
	});
}

test('with text at 200 % on a 360 px phone, the header\'s language switch wraps and no page scrolls sideways', async ({ page }) => {
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => {
			const style = document.createElement('style');
			style.textContent = 'html { font-size: 200% !important; }';
			document.head.append(style);
		});
	});
	await page.setViewportSize({ width: 360, height: 740 });
	const header = () =>
		page.evaluate(() => {
			const width = document.documentElement.clientWidth;
			return [...document.querySelectorAll('header *')]
				.filter((el) => {
					const r = el.getBoundingClientRect();
					return r.width > 0 && (r.right > width + 1 || r.left < -1);
				})
				.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim().slice(0, 20)}"`);
		});
	const problems: string[] = [];
	for (const [route, ready] of [
		['', '[data-testid=status-demo]'],
		['#/play/demo', '.start .actions button'],
		['#/trainer', 'h1'],
		['#/results/demo', 'h1']
	]) {
		await page.goto(route);
		await expect(page.locator(ready).first()).toBeVisible();
		await expect(page.locator('html')).toHaveCSS('font-size', '32px');
		// Measured on a settled page. Once in many CI runs (never in 30 runs of this test alone) the
		// page was loaded anew just after #/trainer showed, and the measurement died with it ("Execution
		// context was destroyed"). What this test is about, the layout at 200 %, is the same after
		// such a load, so it measures again and says in the report that the page loaded anew.
		const measure = async () => [
			...(await header()).map((p) => `${route || 'catalogue'}: header ${p}`),
			...(await sticksOut(page)).map((p) => `${route || 'catalogue'}: ${p}`)
		];
		try {
			problems.push(...(await measure()));
		} catch (error) {
			if (!String(error).includes('Execution context was destroyed')) throw error;
			test.info().annotations.push({ type: 'reloaded', description: `the page loaded anew while ${route || 'the catalogue'} was measured` });
			await page.waitForLoadState();
			await expect(page.locator(ready).first()).toBeVisible();
			await expect(page.locator('html')).toHaveCSS('font-size', '32px');
			problems.push(...(await measure()));
		}
	}
	expect(problems).toEqual([]);
	// Both languages can still be chosen.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
