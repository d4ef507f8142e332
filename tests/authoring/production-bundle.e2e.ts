// The author view (checker results, chart, preview, stand-in LMS) is for the dev server only: none
// of its code may reach the learner's build, where every kilobyte is downloaded on a phone. The
// route loads it behind `import.meta.env.DEV`; this test reads the build (npm run build) to prove
// the bundler dropped it, and checks what a learner who types #/author sees instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const OUT = join(import.meta.dirname, '..', '..', process.env.KOERS_OUT || 'build');

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

test('the learner build holds no code of the author view', () => {
	const files = [join(OUT, 'index.html'), ...filesUnder(join(OUT, '_app')).filter((f) => /\.(js|css|html)$/.test(f))];
	const texts = files.map((f) => ({ file: f.slice(OUT.length + 1), text: readFileSync(f, 'utf8') }));
	// The build is the real one: the route's own message for learners is in it.
	expect(texts.some((t) => t.text.includes('authorOnlyInDev'))).toBe(true);
	// Markers of the author view, its chart, its live updates, its checker endpoint and its LMS stand-in.
	for (const marker of ['data-koers-author-view', 'koers:module-changed', '__koers/check', 'koers-arrow-walked', 'koers-lms-title', 'nodeLabelHere', 'layoutGraph: node']) {
		const holding = texts.filter((t) => t.text.includes(marker)).map((t) => t.file);
		expect(holding, `"${marker}" is in the learner build`).toEqual([]);
	}
});

test('a learner who opens #/author is told it exists in the dev server only', async ({ page }) => {
	await page.goto('index.html#/author');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/alleen in de ontwikkelserver/);
	await page.goto('index.html#/author/demo');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/alleen in de ontwikkelserver/);
});
