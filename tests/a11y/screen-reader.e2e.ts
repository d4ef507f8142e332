import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectInOrder, heard, tabTo } from './support';

// The demo's own texts, so the test follows the module when its wording changes.
const nl = JSON.parse(readFileSync('modules/demo/locales/nl.json', 'utf8'));
const node = (id: string) => nl.nodes[id];

/** The focused step heading's accessible name, as a screen reader says it when focus lands. */
async function focusedHeading(page: Page) {
	if ((await page.locator('[data-step-heading]:focus').count()) !== 1) return '(focus is not on a step heading)';
	const [line] = await heard(page, '[data-step-heading]:focus');
	return line.replace(/^heading: /, '');
}

test.describe.configure({ mode: 'parallel' });

const liveRegion = (page: Page) => page.locator('.screen > [role=status][aria-live=polite]');

test('a screen reader user hears each new situation, the choices and the feedback in order', async ({ page }) => {
	await page.goto('#/play/demo');
	await tabTo(page, '.start .actions button');
	await page.keyboard.press('Enter');

	// The first situation: focus on its heading, then its text.
	await expect.poll(() => focusedHeading(page)).toBe(node('welcome').title);
	expectInOrder(await heard(page), [
		['progressbar', 'Voortgang'],
		['heading', node('welcome').title],
		['listitem', 'Je voortgang wordt op dit apparaat bewaard'],
		['button', 'Verder']
	]);
	await tabTo(page, 'article.step .actions button');
	await page.keyboard.press('Enter');

	// A person: the kicker is part of the heading, so it is heard when focus lands there.
	await expect.poll(() => focusedHeading(page)).toBe(`Persoon: ${node('meet-sam').title}`);
	expectInOrder(await heard(page), [
		['heading', `Persoon: ${node('meet-sam').title}`],
		['img', node('meet-sam').imageAlt],
		['paragraph', node('meet-sam').name],
		['paragraph', node('meet-sam').role],
		['paragraph', node('meet-sam').body]
	]);
	await tabTo(page, 'article.step .actions button');
	await page.keyboard.press('Enter');

	// A dilemma: the situation, the module's own question, then every option, in the order this
	// attempt shows them (shuffled per attempt).
	const first = node('first-evening');
	await expect.poll(() => focusedHeading(page)).toBe(first.title);
	const shown = await page.locator('button[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));
	expect([...shown].sort()).toEqual(['buddy', 'talk', 'wait']);
	expectInOrder(await heard(page), [
		['heading', first.title],
		['paragraph', first.body],
		['heading', first.question],
		['list', first.question],
		...shown.map((id) => ['button', first.options[id].label] as [string, string])
	]);
	await expect(liveRegion(page)).toHaveText('');

	await tabTo(page, 'button[data-option=talk]');
	await page.keyboard.press('Enter');
	// The feedback: announced in the live region, focus on its heading, then read in order.
	await expect(liveRegion(page)).toHaveText(`Jouw keuze: ${first.options.talk.label} Een sterke keuze. Wat er gebeurt: ${first.options.talk.consequence}`);
	expect(await focusedHeading(page)).toBe(`${first.title}: Wat er gebeurt`);
	expectInOrder(await heard(page), [
		['heading', `${first.title}: Wat er gebeurt`],
		['paragraph', 'Jouw keuze'],
		['paragraph', first.options.talk.label],
		['paragraph', 'Een sterke keuze'],
		['paragraph', first.options.talk.consequence],
		['heading', 'Waarom'],
		['paragraph', first.options.talk.feedback],
		['button', 'Verder']
	]);

	// Moving on clears the live region: old feedback is not found again further down the page.
	await tabTo(page, 'article.step .actions button');
	await page.keyboard.press('Enter');
	await expect.poll(() => focusedHeading(page)).toBe(node('talk-outcome').title);
	await expect(liveRegion(page)).toHaveText('');
});

test('a wrong quiz answer is announced with the right one; the progress bar says how far along', async ({ page }) => {
	const quiz = node('quiz-signals');
	// Straight to the quiz: a saved attempt that stands there (as after a reload).
	await page.goto('#/play/demo');
	await page.getByRole('button', { name: 'Begin de module' }).click();
	const progress = page.getByRole('progressbar', { name: 'Voortgang' });
	await expect(progress).toHaveAttribute('aria-valuemin', '0');
	await expect(progress).toHaveAttribute('aria-valuemax', '100');
	const start = Number(await progress.getAttribute('aria-valuenow'));
	for (const step of ['continue', 'continue', 'talk', 'continue', 'continue', 'continue', 'ask', 'continue']) {
		if (step === 'continue') await page.locator('article.step .actions button').click();
		else await page.locator(`button[data-option=${step}]`).click();
		await expect(page.locator('article.step [data-step-heading]:focus')).toHaveCount(1);
	}
	await expect(page.locator('article.step')).toHaveAttribute('data-node', 'quiz-signals');
	const later = Number(await progress.getAttribute('aria-valuenow'));
	expect(later).toBeGreaterThan(start);
	// The bar's spoken value is the place in words (the demo names chapters), then the percentage.
	await expect(progress).toHaveAttribute('aria-valuetext', `Afronding (3 van 3), ${later}% van de module`);
	await expect(page.getByTestId('progress-words')).toHaveText('Afronding (3 van 3)');

	expectInOrder(await heard(page), [
		['heading', quiz.title],
		['paragraph', quiz.body],
		['group', `${quiz.question} Kies één antwoord.`],
		// A scale from weak to strong: the module pins this order (fixedOrder).
		['radio', quiz.answers.c.label],
		['radio', quiz.answers.a.label],
		['radio', quiz.answers.b.label],
		['button', 'Controleer antwoord']
	]);
	await tabTo(page, 'article.step input[type=radio]');
	await page.keyboard.press('Space');
	await tabTo(page, 'article.step button[type=submit]');
	await page.keyboard.press('Enter');
	// The first answer (c) is wholly wrong: the heading says so, not "not quite".
	await expect(liveRegion(page)).toHaveText(`Niet goed. Het juiste antwoord: ${quiz.answers.b.label}`);
	expect(await focusedHeading(page)).toBe(`${quiz.title}: Niet goed`);
	expectInOrder(await heard(page), [
		['heading', `${quiz.title}: Niet goed`],
		['paragraph', 'Jouw antwoord'],
		['listitem', quiz.answers.c.label],
		['paragraph', 'Het juiste antwoord'],
		['listitem', quiz.answers.b.label],
		['heading', 'Uitleg'],
		['paragraph', quiz.explanation.slice(0, 60)]
	]);
});
