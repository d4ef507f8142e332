// Content Security Policy: the built app runs under a strict policy (no 'unsafe-eval', no
// 'unsafe-inline' scripts, nothing from another origin) and a learner can play a module with no
// violation reported. The policy is sent as the server of an LMS or a static host would send it.
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDemo } from '../e2e/support';
import { random, takeStep, where } from '../helpers/learner';
import { DEMO_PERCENT, demoEnd, demoPassed, demoPointsByHand } from '../helpers/demo-paths';
import { strictPolicy } from '../../src/tools/csp.js';

const OUT = resolve(process.env.KOERS_OUT || 'build');

async function underPolicy(page: Page) {
	const policy = strictPolicy(OUT);
	await page.route('**/*', async (route) => {
		const response = await route.fetch();
		const isDocument = route.request().resourceType() === 'document';
		await route.fulfill({ response, headers: isDocument ? { ...response.headers(), 'content-security-policy': policy } : response.headers() });
	});
	await page.addInitScript(() => {
		const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
	});
	const console: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
	});
	return async () => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...console];
}

test('the policy is strict: no eval, no inline script but the page\u2019s own two (by hash), nothing from another origin', () => {
	const policy = strictPolicy(OUT);
	expect(policy).not.toMatch(/unsafe-eval|'unsafe-inline'|https?:|\*/);
	// SvelteKit's start-up, and ours that sets storage going while the scripts download (src/app.html).
	expect(policy).toMatch(/script-src 'self' 'sha256-[^']+' 'sha256-[^']+'(;|$)/);
	expect(policy).toMatch(/default-src 'none'/);
});

test('the app plays a module under a strict Content Security Policy with no violation', async ({ page }) => {
	const violations = await underPolicy(page);
	await page.goto('./');
	await expect(page.getByTestId('status-demo')).toBeVisible();
	await startDemo(page);
	// Every kind of step, to the end of the module and its result page.
	const rng = random(3);
	const seen = new Set<string>();
	const decided: { node: string; answers: string[] }[] = [];
	for (let i = 0; i < 40 && !(await where(page)).endsWith(':end'); i++) {
		const [node, kind] = (await where(page)).split(':');
		seen.add(kind);
		const step = await takeStep(page, rng);
		if (step.kind === 'action' && step.action.type === 'choose') decided.push({ node, answers: [step.action.option] });
		if (step.kind === 'action' && step.action.type === 'answer') decided.push({ node, answers: step.action.answers });
	}
	expect([...seen].sort()).toEqual(['choice', 'content', 'evaluation', 'feedback', 'persona', 'quiz', 'reflection']);
	await expect(page.locator('article.step[data-kind="end"]')).toBeVisible();
	// The result the learner sees, worked out without the engine (tests/helpers/demo-paths.ts).
	const points = demoPointsByHand(decided);
	await expect(page.locator('article.step')).toHaveAttribute('data-node', demoEnd(points));
	await expect(page.getByTestId('score')).toHaveText(`${DEMO_PERCENT[points]}%`);
	await expect(page.getByTestId('pass-status')).toContainText(demoPassed(points) ? 'Geslaagd' : 'Nog niet geslaagd');
	expect(await violations()).toEqual([]);
});
