import { expect, test, type Page } from '@playwright/test';
import { choose, next, startDemo } from '../e2e/support';
import { brokenWords, sticksOut, walkDemo } from './support';

// Independent tests: spread them over the workers.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

/** Elements whose text is cut off by their own box (overflow hidden with more content than room). */
function clippedText(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((el) => !el.closest('.visually-hidden') && el.textContent?.trim())
			.filter((el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowX) || ['hidden', 'clip'].includes(getComputedStyle(el).overflowY))
			.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
			.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
	);
}

test('reflow at 320 px and text at 200 %: nothing scrolls sideways or is cut off, on every kind of step', async ({ page }) => {
	const problems: string[] = [];
	// WCAG 1.4.10: 320 CSS px wide (a 1280 px screen at 400 % zoom).
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('');
	await expect(page.locator('[data-testid=status-demo]')).toBeVisible();
	problems.push(...(await sticksOut(page)).map((p) => `catalogue @320px: ${p}`));
	problems.push(...(await brokenWords(page)).map((p) => `catalogue @320px: word broken ${p}`));
	await walkDemo(page, async (label) => {
		problems.push(...(await sticksOut(page)).map((p) => `${label} @320px: ${p}`));
		problems.push(...(await brokenWords(page)).map((p) => `${label} @320px: word broken ${p}`));
		problems.push(...(await clippedText(page)).map((p) => `${label} @320px: text cut off in ${p}`));
	});
	// The result page of that attempt (with its certificate form), and the trainers' overview.
	for (const [route, ready] of [['#/results/demo', '.results input'], ['#/trainer', 'h1:text("Groepsoverzicht")']]) {
		await page.goto(route);
		await expect(page.locator(ready).first()).toBeVisible();
		await expect(page.locator('[role=status]:text("laden")')).toHaveCount(0);
		problems.push(...(await sticksOut(page)).map((p) => `${route} @320px: ${p}`));
		problems.push(...(await brokenWords(page)).map((p) => `${route} @320px: word broken ${p}`));
	}

	// WCAG 1.4.4: text alone at 200 % (as a browser's font-size setting does), at a laptop's width.
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => {
			const style = document.createElement('style');
			style.textContent = 'html { font-size: 200% !important; }';
			document.head.append(style);
		});
	});
	for (const width of [1280]) {
		await page.setViewportSize({ width, height: 800 });
		await page.evaluate(() => indexedDB.deleteDatabase('koers'));
		await page.goto('');
		await page.reload();
		await expect(page.locator('[data-testid=status-demo]')).toBeVisible();
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
		problems.push(...(await sticksOut(page)).map((p) => `catalogue, text 200 % @${width}px: ${p}`));
		await walkDemo(page, async (label) => {
			problems.push(...(await sticksOut(page)).map((p) => `${label}, text 200 % @${width}px: ${p}`));
			problems.push(...(await brokenWords(page)).map((p) => `${label}, text 200 % @${width}px: word broken ${p}`));
			problems.push(...(await clippedText(page)).map((p) => `${label}, text 200 % @${width}px: text cut off in ${p}`));
		});
	}
	expect(problems).toEqual([]);
});

test('prefers-reduced-motion turns animation off; without it the progress bar glides', async ({ page }) => {
	const duration = () => page.locator('[role=progressbar] > *').evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
	await startDemo(page);
	expect(await duration()).toBeGreaterThan(0.1);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	expect(await duration()).toBeLessThan(0.001);
	// Nothing else moves either: no element has an animation or transition left.
	const moving = await page.evaluate(() =>
		[...document.querySelectorAll('*')].filter((el) => {
			const s = getComputedStyle(el);
			return parseFloat(s.transitionDuration) > 0.001 || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.001) || s.scrollBehavior === 'smooth';
		}).map((el) => el.tagName)
	);
	expect(moving).toEqual([]);
});

test('in forced colours (Windows high contrast) progress, the chosen language and a chosen rating stay visible', async ({ page }) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await startDemo(page);
	const colour = (selector: string, property = 'backgroundColor') => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p as 'color'], property);
	const canvas = await colour('body');
	expect(await colour('[role=progressbar] > *')).not.toBe(canvas);
	expect(await colour('.switch button[aria-pressed=true]')).not.toBe(await colour('.switch button[aria-pressed=false]'));
	// The evaluation's rating: the chosen mark must differ from the others.
	await onToEvaluation(page);
	await page.locator('[data-testid=rating] label.mark').nth(6).click();
	expect(await colour('label.mark:nth-of-type(7) > span')).not.toBe(await colour('label.mark:nth-of-type(6) > span'));
});

/** From the demo's first step to its evaluation. */
async function onToEvaluation(page: Page) {
	await next(page);
	await next(page);
	await choose(page, 'talk');
	for (let i = 0; i < 3; i++) await next(page);
	await choose(page, 'ask');
	await next(page);
	for (let i = 0; i < 2; i++) {
		await page.locator('article.step label.answer').first().click();
		await page.locator('article.step button[type=submit]').click();
		await next(page);
	}
	await page.locator('article.step button[type=submit]').click();
	await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'evaluation');
}

test('the page and every part in another language say which language they are in', async ({ page }) => {
	// A module in Dutch only, played with the English interface.
	await page.route('**/modules/demo/module.json', async (route) => {
		const module = await (await route.fetch()).json();
		await route.fulfill({ json: { ...module, languages: ['nl'] } });
	});
	await page.addInitScript(() => localStorage.setItem('koers.language', 'en'));
	await startDemo(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const langOf = (selector: string) => page.locator(selector).first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
	expect(await langOf('article.step [data-step-heading] > span:last-child')).toBe('nl');
	expect(await langOf('article.step .prose')).toBe('nl');
	expect(await langOf('article.step .actions button')).toBe('en');
	await next(page);
	// The persona's kicker is an interface word; its title and story are the module's.
	expect(await langOf('article.step .kicker')).toBe('en');
	expect(await langOf('article.step [data-step-heading] > span:last-child')).toBe('nl');
	expect(await langOf('article.step .name')).toBe('nl');
	await next(page);
	// The demo asks its own question here (`question`), a module text: in the module's language.
	expect(await langOf('article.step .prompt')).toBe('nl');
	expect(await langOf('article.step button.option')).toBe('nl');
	await choose(page, 'talk');
	expect(await langOf('article.step .kicker')).toBe('nl');
	expect(await langOf('article.step [data-step-heading] > span:last-child')).toBe('en');
	expect(await langOf('article.step .your-choice .label')).toBe('en');
	expect(await langOf('article.step .your-choice .label + p')).toBe('nl');
	expect(await langOf('article.step .why h2')).toBe('en');
	expect(await langOf('article.step .why .prose')).toBe('nl');
	// The language buttons name themselves in their own language.
	expect(await page.locator('.switch button', { hasText: 'Nederlands' }).getAttribute('lang')).toBe('nl');
});

test('the skip link is the first stop, shows itself, and leads past the header; headings in a text sit below the step heading', async ({ page }) => {
	await page.route('**/modules/demo/locales/nl.json', async (route) => {
		const texts = await (await route.fetch()).json();
		texts.nodes.welcome.body = `# Een kop in de tekst\n\n${texts.nodes.welcome.body}`;
		await route.fulfill({ json: texts });
	});
	await startDemo(page);
	await expect(page.getByRole('heading', { level: 2, name: 'Een kop in de tekst' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await page.reload();
	await expect(page.locator('article.step')).toBeVisible();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
	await expect(page.getByRole('banner')).toHaveCount(1);
	await expect(page.getByRole('main')).toHaveCount(1);
	await expect(page.getByRole('contentinfo')).toHaveCount(1);
});

test('the edges of fields and answer boxes contrast at least 3:1 with what is around them (WCAG 1.4.11)', async ({ page }) => {
	const low: string[] = [];
	await walkDemo(page, async (label) => {
		const found = await page.evaluate(() => {
			const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
			const lum = ([r, g, b]: number[]) =>
				[r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
			const ratio = (a: string, b: string) => {
				const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
				return (x + 0.05) / (y + 0.05);
			};
			const backdrop = (el: Element | null): string => {
				for (let e = el; e; e = e.parentElement) {
					const c = getComputedStyle(e).backgroundColor;
					if (rgb(c).length === 3 || rgb(c)[3] === 1) return c;
				}
				return 'rgb(255, 255, 255)';
			};
			return [...document.querySelectorAll('article.step textarea, article.step button.option, article.step label.answer, article.step label.mark > span')]
				.map((el) => ({ el, r: ratio(getComputedStyle(el).borderTopColor, backdrop(el.parentElement)) }))
				.filter(({ r }) => r < 3)
				.map(({ el, r }) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${r.toFixed(2)}:1`);
		});
		low.push(...found.map((f) => `${label}: ${f}`));
	});
	expect(low).toEqual([]);
});
