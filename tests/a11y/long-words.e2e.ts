// One long word without spaces (a URL, a glued compound, a typo) in a choice label, a quiz answer
// or a persona's name and role must wrap inside its card: on a 320 px phone no page may scroll
// sideways. The demo module is served with such words in those texts.
import { expect, test, type Page } from '@playwright/test';
import { startDemo, next } from '../e2e/support';

// Not isMobile: a mobile viewport grows with what sticks out, which would hide the sideways scroll.
test.use({ viewport: { width: 320, height: 640 } });

const WORD = 'Gemeenschapsvoorzieningenondersteuningsaanvraagformulier'.repeat(6);

async function serveLongWords(page: Page) {
	await page.route('**/modules/demo/locales/nl.json', async (route) => {
		const texts = await (await route.fetch()).json();
		texts.nodes['meet-sam'].name = `Sam${WORD}`;
		texts.nodes['meet-sam'].role = `Jongerenwerker${WORD}`;
		texts.nodes['first-evening'].options.talk.label = `Praat${WORD}`;
		for (const answer of Object.keys(texts.nodes['quiz-signals'].answers)) texts.nodes['quiz-signals'].answers[answer].label = `Signaal${answer}${WORD}`;
		await route.fulfill({ json: texts });
	});
}

/** How far the page reaches past the screen's right edge, in px (0: no sideways scrolling). */
function sideways(page: Page) {
	return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

test('long words in a persona, a choice and a quiz answer wrap on a 320 px screen', async ({ page }) => {
	await serveLongWords(page);
	await startDemo(page);
	const checked: string[] = [];
	for (let step = 0; step < 15 && checked.length < 3; step++) {
		const kind = await page.locator('article.step').getAttribute('data-kind');
		const node = await page.locator('article.step').getAttribute('data-node');
		if (['meet-sam', 'first-evening', 'quiz-signals'].includes(node!) && kind !== 'feedback') {
			await expect(page.locator('article.step')).toContainText(WORD.slice(0, 40));
			await page.screenshot({ path: `test-results/long-words-${node}-320.png`, fullPage: true });
			expect(await sideways(page), `the ${kind} step scrolls sideways`).toBe(0);
			checked.push(kind!);
		}
		if (kind === 'quiz') break;
		if (kind === 'choice') {
			await page.locator(node === 'first-evening' ? 'button[data-option="talk"]' : 'button[data-option]').first().click();
			await expect(page.locator('article.step')).toHaveAttribute('data-kind', 'feedback');
			expect(await sideways(page), 'the feedback step scrolls sideways').toBe(0);
		} else await next(page);
	}
	expect(checked).toEqual(['persona', 'choice', 'quiz']);
});
