import { expect, test } from '@playwright/test';
import { answer, choose, currentNode, next, startDemo, watchProblems } from './support';

test('a learner plays the demo from the catalogue to the end and sees their result', async ({ page }) => {
	const problems = watchProblems(page);
	await page.goto('');
	await expect(page.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
	await page.getByRole('region', { name: 'Voorbeeld voor trainers' }).getByRole('link', { name: /Beginnen/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Voorbeeldmodule: een nieuwe bezoeker' })).toBeVisible();
	await expect(page.getByText('Studietijd: ongeveer 10 minuten')).toBeVisible();
	await page.getByRole('button', { name: 'Begin de module' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij deze voorbeeldmodule' })).toBeVisible();
	await next(page);
	await expect(page.getByText('Sam, 16 jaar')).toBeVisible();
	await expect(page.getByRole('img', { name: /portret van Sam/ })).toBeVisible();
	await next(page);

	await choose(page, 'talk');
	// Scoped to the step: the live region repeats the feedback for screen readers.
	await expect(page.locator('article.step').getByText('Jouw keuze')).toBeVisible();
	await expect(page.locator('article.step').getByText(/vertelt hij over zijn oude band/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Waarom' })).toBeVisible();
	await next(page);
	expect((await currentNode(page)).node).toBe('talk-outcome');
	await next(page);
	await next(page);
	// The earlier choice (talk) leads to "Sam comes back", not "Sam stays away".
	expect((await currentNode(page)).node).toBe('sam-returns');
	await choose(page, 'ask');
	await next(page);

	await answer(page, [/bleef lang bij de deur/]);
	await expect(page.getByRole('heading', { level: 1, name: 'Goed' })).toBeVisible();
	await next(page);
	await answer(page, [/Open vragen stellen/, /Aansluiten bij iets/]);
	await expect(page.getByRole('heading', { level: 1, name: 'Goed' })).toBeVisible();
	await next(page);

	await page.getByLabel('Jouw antwoord').fill('Ik stelde me voor en vroeg wat hij zocht.');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await page.getByRole('radio', { name: '8', exact: true }).check();
	await page.getByLabel('Wat was nuttig voor je werk?').fill('De voorbeelden.');
	await page.getByRole('button', { name: 'Opslaan en afronden' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Goed gedaan' })).toBeVisible();
	await expect(page.getByTestId('score')).toHaveText('100%');
	await expect(page.getByTestId('pass-status')).toContainText('Geslaagd');
	await expect(page.getByText('Ik stelde me voor en vroeg wat hij zocht.')).toBeVisible();
	// The reflection question is markdown: bold, not asterisks.
	const question = page.locator('.reflections dt').first();
	await expect(question.locator('strong')).toHaveText('nieuw');
	await expect(question).not.toContainText('**');
	// At 100 % nothing is left to look at again, and the page says so rather than pointing at nothing.
	await expect(page.getByTestId('look-again')).toHaveText('Je koos bij elke beslissing het sterkste antwoord: er is niets dat je nog eens hoeft te bekijken.');
	await expect(page.getByText('De voorbeelden.')).toBeVisible();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

	// Starting again asks first, and says the result is kept.
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await expect(page.getByTestId('restart-confirm')).toContainText('Je bent geslaagd (100%) en dat blijft zo');
	await expect(page.getByRole('button', { name: 'Ja, nieuwe poging beginnen' })).toBeFocused();
	await page.getByRole('button', { name: 'Annuleren' }).click();
	await expect(page.getByTestId('score')).toHaveText('100%');

	await page.getByRole('link', { name: 'Terug naar alle modules' }).click();
	await expect(page.getByTestId('status-demo')).toHaveText('Geslaagd, score 100%');

	// A new attempt does not hide the pass.
	await page.getByRole('link', { name: 'Bekijk resultaat' }).click();
	await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
	await page.getByRole('button', { name: 'Ja, nieuwe poging beginnen' }).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-node', 'welcome');
	await page.getByRole('link', { name: 'Koers: Alle modules' }).click();
	await expect(page.getByTestId('status-demo')).toHaveText('Geslaagd, score 100% · nieuwe poging bezig: 0%');
	expect(problems).toEqual([]);
});

test('a poor path fails the mastery score and the result says what to look at again', async ({ page }) => {
	await startDemo(page);
	await next(page);
	await next(page);
	await choose(page, 'wait');
	await next(page);
	await next(page);
	await next(page);
	expect((await currentNode(page)).node).toBe('sam-stays-away');
	await choose(page, 'leave');
	await next(page);
	await answer(page, [/telefoon/]);
	await expect(page.getByRole('heading', { level: 1, name: 'Niet goed' })).toBeVisible();
	await expect(page.locator('article.step').getByText('Het juiste antwoord')).toBeVisible();
	await next(page);
	await answer(page, [/huisregels/]);
	await next(page);
	await page.getByRole('button', { name: 'Overslaan' }).click();
	await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Einde van de module' })).toBeVisible();
	await expect(page.getByTestId('score')).toHaveText('0%');
	await expect(page.getByTestId('pass-status')).toContainText('Nog niet geslaagd');
	await expect(page.getByRole('heading', { name: 'Kijk hier nog eens naar' })).toBeVisible();
	await expect(page.getByText('Outreachend werken: ga naar de plek waar jongeren zijn.')).toBeVisible();
});
