// A learner takes the packaged demo module in a stand-in LMS (scorm-again in the parent window,
// the unzipped package in an iframe under a nested path), leaves, comes back on another device and
// finishes; for both editions, asserting what the LMS received.
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_BASE, DEMO_BEST, DEMO_WORST, interactions, launch, lmsOf, lmsSettled, playUntil, preparePackages, SESSION_TIME, startLms, stepOf, begin, type Edition, type Packages } from './support';

let packages: Packages;
let lms: Awaited<ReturnType<typeof startLms>>;

test.beforeAll(async () => {
	packages = preparePackages('runtime', ['demo']);
	lms = await startLms(packages);
});
test.afterAll(async () => {
	await lms?.close();
	if (packages) rmSync(packages.dir, { recursive: true, force: true });
});

/** Every request the course frame makes must stay inside its package folder. */
function watchCourse(page: Page, packageDir: string) {
	const outside: string[] = [];
	const problems: string[] = [];
	page.on('request', (r) => {
		if (r.frame() === page.mainFrame()) return;
		const url = new URL(r.url());
		if (url.protocol === 'data:' || url.protocol === 'blob:') return;
		if (url.origin !== lms.origin || !url.pathname.startsWith(`${CONTENT_BASE}${packageDir}/`)) outside.push(r.url());
	});
	page.on('response', (r) => {
		if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	return { outside, problems };
}

/** What Moodle keeps between sessions and hands back on the next launch (exit was "suspend"). */
function relaunchCmi(edition: Edition, stored: Record<string, string>): Record<string, string> {
	const keep = edition === 'scorm12'
		? ['cmi.suspend_data', 'cmi.core.lesson_location', 'cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max']
		: ['cmi.suspend_data', 'cmi.location', 'cmi.completion_status', 'cmi.success_status', 'cmi.progress_measure'];
	const cmi: Record<string, string> = Object.fromEntries(keep.filter((k) => stored[k] !== undefined && stored[k] !== '').map((k) => [k, stored[k]]));
	cmi[edition === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
	return cmi;
}

for (const edition of ['scorm12', 'scorm2004'] as const) {
	const status = edition === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
	const location = edition === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location';
	const exit = edition === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit';
	const sessionTime = edition === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time';
	const response = edition === 'scorm12' ? 'student_response' : 'learner_response';

	test.describe(edition, () => {
		test('a learner plays the demo through; the LMS gets status, score, every decision, suspend_data and session time', async ({ page }) => {
			const watch = watchCourse(page, `demo-${edition}`);
			const frame = await launch(page, lms.origin, { edition, moduleId: 'demo' });
			// Packaged: straight to the module, no catalogue and no "forget my data".
			await expect(frame.getByRole('button', { name: 'Begin de module' })).toBeVisible();
			await expect(frame.getByRole('heading', { name: 'Modules' })).toHaveCount(0);
			await expect(frame.getByText(/Je voortgang wordt op dit apparaat bewaard en doorgegeven aan je leeromgeving/)).toBeVisible();
			await begin(frame);
			// The first step is reported just after it is painted, so wait for the LMS to hear it.
			await expect.poll(async () => (await lmsOf(page)).stored[status]).toBe('incomplete');
			let record = await lmsOf(page);
			expect(record.counts.initialize).toBe(1);
			expect(record.stored[exit]).toBe('suspend');

			expect(await playUntil(frame, DEMO_BEST)).toBe(4);
			await expect(frame.getByText('Je resultaat is doorgegeven aan je leeromgeving; daar staat je officiële registratie.')).toBeVisible();
			record = await lmsOf(page);
			const s = record.stored;
			if (edition === 'scorm12') {
				expect(s['cmi.core.lesson_status']).toBe('passed');
				expect([s['cmi.core.score.raw'], s['cmi.core.score.min'], s['cmi.core.score.max']]).toEqual(['100', '0', '100']);
				expect(s['cmi.core.exit']).toBe('');
			} else {
				expect([s['cmi.completion_status'], s['cmi.success_status']]).toEqual(['completed', 'passed']);
				expect([s['cmi.score.scaled'], s['cmi.score.raw'], s['cmi.score.min'], s['cmi.score.max']]).toEqual(['1', '100', '0', '100']);
				expect(s['cmi.exit']).toBe('normal');
			}
			expect(s[location]).toBe('end-strong');
			expect(s[sessionTime]).toMatch(SESSION_TIME[edition]);
			expect(s['cmi.suspend_data']).toMatch(/^K1~/);
			expect(record.maxSuspendData).toBeLessThanOrEqual(4096);
			const list = interactions(s);
			expect(list.map((i) => i.id)).toEqual(['first-evening', 'sam-returns', 'quiz-signals', 'quiz-approaches']);
			expect(list.map((i) => i.type)).toEqual(['choice', 'choice', 'choice', 'choice']);
			expect(list.map((i) => i.result)).toEqual(['correct', 'correct', 'correct', 'correct']);
			// 1.2's letters follow the module's order, not the shuffled one the learner saw: the demo lists
			// talk first, ask first, quiz-signals' answers as c, a, b (so b is "c"), and a, b, c, d.
			expect(list.map((i) => i[response])).toEqual(edition === 'scorm12' ? ['a', 'a', 'c', 'a,c'] : ['talk', 'ask', 'b', 'a[,]c']);
			// The evaluation form's answers follow the decisions (goals 4, the mark 7, and "Nuttig").
			const evaluation = interactions(s, 'evaluation');
			expect(evaluation.map((i) => [i.id, i.type, i[response]])).toEqual([
				['koers_evaluation_goals', 'likert', '4'],
				['koers_evaluation_rating', 'numeric', '7'],
				['koers_evaluation_useful', edition === 'scorm12' ? 'fill-in' : 'long-fill-in', edition === 'scorm12' ? 'Nuttig' : '{lang=nl}Nuttig']
			]);
			for (const i of list) {
				expect(i.latency).toMatch(SESSION_TIME[edition]);
				if (edition === 'scorm12') expect(i.time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
				else expect(i.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/);
			}

			// The LMS's "exit activity": the course frame goes away, the session ends exactly once.
			await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
			await expect.poll(async () => (await lmsOf(page)).counts.finish).toBe(1);
			record = await lmsOf(page);
			expect(record.violations).toEqual([]);
			expect(record.calls.filter((c) => c === 'Finish')).toHaveLength(1);
			expect(watch.outside).toEqual([]);
			expect(watch.problems).toEqual([]);
		});

		test('leave halfway, come back on a new device (entry=resume, empty IndexedDB): same node, same score, finish', async ({ page, browser }) => {
			const frame = await launch(page, lms.origin, { edition, moduleId: 'demo' });
			await begin(frame);
			await playUntil(frame, DEMO_BEST, (step) => step.node === 'quiz-signals' && step.kind === 'quiz');
			await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
			await expect.poll(async () => (await lmsOf(page)).counts.finish).toBe(1);
			const first = await lmsOf(page);
			expect(first.stored[exit]).toBe('suspend');
			expect(first.stored[location]).toBe('quiz-signals');

			// A fresh browser profile: nothing in IndexedDB, only what the LMS kept.
			const device = await browser.newContext();
			const later = await device.newPage();
			const watch = watchCourse(later, `demo-${edition}`);
			const again = await launch(later, lms.origin, { edition, moduleId: 'demo', initial: relaunchCmi(edition, first.stored) });
			expect(await stepOf(again)).toEqual({ node: 'quiz-signals', kind: 'quiz' });
			await expect(again.getByRole('button', { name: 'Begin de module' })).toHaveCount(0);
			expect(await playUntil(again, DEMO_BEST)).toBe(2);
			await expect.poll(async () => (await lmsOf(later)).stored[status]).toBe(edition === 'scorm12' ? 'passed' : 'completed');
			const second = await lmsOf(later);
			// 4 + 2 points from the first session and 1 + 1 now: the score came back with the state.
			expect(second.stored[edition === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('100');
			expect(second.stored[status]).toBe(edition === 'scorm12' ? 'passed' : 'completed');
			// Only this session's decisions are added; the first session's were reported then.
			expect(interactions(second.stored).map((i) => i.id)).toEqual(['quiz-signals', 'quiz-approaches']);
			expect(second.stored[sessionTime]).toMatch(SESSION_TIME[edition]);
			expect(second.violations).toEqual([]);
			expect(watch.outside).toEqual([]);
			expect(watch.problems).toEqual([]);
			await device.close();
		});

		test('a failed attempt does not lock the learner out: incomplete, no score, and they can start again', async ({ page }) => {
			const frame = await launch(page, lms.origin, { edition, moduleId: 'demo' });
			await begin(frame);
			await playUntil(frame, DEMO_WORST);
			await expect.poll(async () => interactions((await lmsOf(page)).stored).length).toBe(4);
			let record = await lmsOf(page);
			expect(record.stored[status]).toBe('incomplete');
			expect(record.stored[edition === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBeUndefined();
			expect(interactions(record.stored).map((i) => i.result)).toEqual(edition === 'scorm12' ? ['wrong', 'wrong', 'wrong', 'wrong'] : ['incorrect', 'incorrect', 'incorrect', 'incorrect']);
			await frame.getByRole('button', { name: /^Opnieuw beginnen$/ }).first().click();
			await frame.getByRole('button', { name: 'Ja, nieuwe poging beginnen' }).click();
			await expect(frame.locator('article.step')).toHaveAttribute('data-node', 'welcome');
			await playUntil(frame, DEMO_BEST);
			await expect.poll(async () => (await lmsOf(page)).stored[status]).toBe(edition === 'scorm12' ? 'passed' : 'completed');
			record = await lmsOf(page);
			expect(interactions(record.stored)).toHaveLength(8);
			expect(record.violations).toEqual([]);
		});
	});
}

test('scorm12: the options keep the order the learner saw when they resume on another device from suspend_data', async ({ page, browser }) => {
	// Once, in 1.2: the compact form is the same for both editions; 1.2 is the one with the 4,096-character bound.
	const edition = 'scorm12';
	const frame = await launch(page, lms.origin, { edition, moduleId: 'demo' });
	await begin(frame);
	await playUntil(frame, DEMO_BEST, (step) => step.node === 'first-evening' && step.kind === 'choice');
	const shown = (f: typeof frame) => f.locator('button[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
	const order = await shown(frame);
	await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
	await expect.poll(async () => (await lmsOf(page)).counts.finish).toBe(1);
	const first = await lmsOf(page);
	// The seed of the order rides along as the compact form's last field.
	expect(first.stored['cmi.suspend_data'].split('~')).toHaveLength(10);
	const device = await browser.newContext();
	const again = await launch(await device.newPage(), lms.origin, { edition, moduleId: 'demo', initial: relaunchCmi(edition, first.stored) });
	expect(await stepOf(again)).toEqual({ node: 'first-evening', kind: 'choice' });
	expect(await shown(again)).toEqual(order);
	await device.close();
});

test('hiding the page (tab switch, phone locked) reports the time and commits at once', async ({ page }) => {
	const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
	await begin(frame);
	await playUntil(frame, DEMO_BEST, (s) => s.node === 'first-evening');
	const before = await lmsSettled(page);
	const course = page.frames().find((f) => f.url().includes('/demo-scorm12/index.html'))!;
	await course.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect.poll(async () => (await lmsOf(page)).counts.commit).toBe(before.counts.commit + 1);
	const after = await lmsOf(page);
	expect(after.stored['cmi.core.session_time']).toMatch(SESSION_TIME.scorm12);
	expect(after.stored['cmi.core.lesson_location']).toBe('first-evening');
	expect(after.counts.finish).toBe(0); // hidden is not gone: the session goes on
	expect(after.violations).toEqual([]);
});
