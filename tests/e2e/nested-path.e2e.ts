import { expect, test } from '@playwright/test';
import { choose, next, startDemo, watchProblems } from './support';

test('the build works from a nested path with no failed request and no root-absolute URL', async ({ page }) => {
	const problems = watchProblems(page);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(new URL(r.url()).pathname));
	const base = '/lms/course/42/content/index.html';
	await page.goto(base);
	await expect(page.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
	await startDemo(page, base);
	await next(page);
	await next(page);
	await choose(page, 'talk');
	await next(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Een ingang gevonden' })).toBeVisible();
	expect(problems).toEqual([]);
	const outside = requests.filter((p) => !p.startsWith('/lms/course/42/content/'));
	expect(outside).toEqual([]);
});
