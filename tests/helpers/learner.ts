// A scripted learner for browser tests and the benchmark: takes one step in whatever the player
// shows, through real clicks, and says what it did so a test can replay it in the engine.
import type { Page } from '@playwright/test';
import type { LearnerAction } from '../../src/lib/engine';

export type Performed =
	| { kind: 'begin' }
	| { kind: 'restart' }
	| { kind: 'acknowledge' }
	| { kind: 'action'; action: LearnerAction };

/** A small seeded random generator (the engine's mulberry32), so a failing run can be repeated. */
export { seededRandom as random } from '../../src/lib/engine/shuffle';

const pick = <T>(items: T[], rng: () => number) => items[Math.floor(rng() * items.length)];

/** What the player shows now: a step (node and kind), the start page, or something else. */
export async function where(page: Page): Promise<string> {
	return page.evaluate(() => {
		const step = document.querySelector('article.step');
		if (step) return `${step.getAttribute('data-node')}:${step.getAttribute('data-kind')}`;
		if (document.querySelector('[data-other-tab]')) return 'other-tab';
		return document.querySelector('main button.button') ? 'start' : 'none';
	});
}

/** Waits until the player shows a step or its start page (after opening a module). */
export async function playerShown(page: Page, timeout = 30_000) {
	await page.waitForFunction(() => document.querySelector('article.step') || [...document.querySelectorAll('main button')].some((b) => /^(Begin de module|Begin the module)$/.test(b.textContent?.trim() ?? '')), undefined, { timeout });
}

/** Waits until the player shows something other than `before`. */
export async function changedFrom(page: Page, before: string, timeout = 30_000) {
	await page.waitForFunction(
		(prev) => {
			const step = document.querySelector('article.step');
			const now = step ? `${step.getAttribute('data-node')}:${step.getAttribute('data-kind')}` : document.querySelector('main button.button') ? 'start' : 'none';
			return now !== prev && now !== 'none';
		},
		before,
		{ timeout }
	);
}

/**
 * Takes one step: begins a module, continues, chooses or answers at random, writes a reflection,
 * fills in the evaluation, or starts again at the end. Waits until the next step is shown.
 */
export async function takeStep(page: Page, rng: () => number): Promise<Performed> {
	const before = await where(page);
	const [node, kind] = before.split(':');
	const step = page.locator('article.step');
	let performed: Performed;
	if (before === 'start') {
		await page.getByRole('button', { name: /^(Begin de module|Begin the module)$/ }).click();
		performed = { kind: 'begin' };
	} else if (kind === 'content' || kind === 'persona' || kind === 'feedback') {
		await step.getByRole('button', { name: /^(Verder|Continue)$/ }).click();
		performed = kind === 'feedback' ? { kind: 'acknowledge' } : { kind: 'action', action: { type: 'continue' } };
	} else if (kind === 'choice') {
		const options = await step.locator('button[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));
		const option = pick(options, rng);
		await step.locator(`button[data-option="${option}"]`).click();
		performed = { kind: 'action', action: { type: 'choose', option } };
	} else if (kind === 'quiz') {
		const inputs = step.locator('input[type=radio], input[type=checkbox]');
		const values = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		const multiple = (await step.locator('input[type=checkbox]').count()) > 0;
		const chosen = multiple ? values.filter(() => rng() < 0.5) : [];
		if (!chosen.length) chosen.push(pick(values, rng));
		for (const value of chosen) await step.locator(`input[value="${value}"]`).check();
		await step.getByRole('button', { name: /^(Controleer antwoord|Check answer)$/ }).click();
		performed = { kind: 'action', action: { type: 'answer', answers: values.filter((v) => chosen.includes(v)) } };
	} else if (kind === 'reflection') {
		const text = `Reflectie bij ${node}: ${Math.floor(rng() * 1e6)}`;
		await step.locator('textarea').fill(text);
		await step.getByRole('button', { name: /^(Opslaan en verder|Save and continue)$/ }).click();
		performed = { kind: 'action', action: { type: 'reflect', text } };
	} else if (kind === 'evaluation') {
		const rating = 1 + Math.floor(rng() * 10);
		await step.locator(`input[name=rating][value="${rating}"]`).check();
		await step.locator('textarea').first().fill('Nuttig');
		await step.getByRole('button', { name: /^(Opslaan en afronden|Save and finish)$/ }).click();
		performed = { kind: 'action', action: { type: 'evaluate', evaluation: { rating, useful: 'Nuttig', better: '' } } };
	} else if (kind === 'end') {
		await step.getByRole('button', { name: /^(Opnieuw beginnen|Start again)$/ }).click();
		await step.getByRole('button', { name: /^(Ja, nieuwe poging beginnen|Yes, start a new attempt)$/ }).click();
		performed = { kind: 'restart' };
	} else throw new Error(`The learner does not know what to do at "${before}".`);
	await changedFrom(page, before);
	return performed;
}
