// SCORM as a real Moodle 4.5 sees it (issue 13), in the stand-in LMS made as strict as Moodle on
// these points (lms-harness.js, moodleRelaunch in support.ts): 2004 choice answers must be short
// identifiers; what the next launch gets depends on the last exit (2004 hands nothing after any exit
// but suspend); "Start a new attempt" launches with entry ab-initio and no data, whatever this
// browser kept. For both editions.
import { rmSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { begin, DEMO_BEST, DEMO_WORST, interactions, launch, lmsOf, lmsSettled, moodleRelaunch, playUntil, preparePackages, seconds, startLms, stepOf, takeStep, type Edition, type Packages } from './support';
import { storedRows } from '../helpers/raw-idb';

let packages: Packages;
let lms: Awaited<ReturnType<typeof startLms>>;

test.beforeAll(async () => {
	packages = preparePackages('moodle', ['demo', 'intercultureel-vakmanschap']);
	lms = await startLms(packages);
});
test.afterAll(async () => {
	await lms?.close();
	if (packages) rmSync(packages.dir, { recursive: true, force: true });
});

/** The LMS's "exit activity": the course frame goes, the session ends (Terminate, once). */
async function exitCourse(page: Page) {
	await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
	await expect.poll(async () => (await lmsOf(page)).counts.finish).toBe(1);
	return lmsOf(page);
}

/** The attempts this browser keeps for a module (IndexedDB, read in the course frame). */
async function localAttempts(page: Page, moduleId: string) {
	const frame = page.frames().find((f) => f.url().includes('/content/'))!;
	const rows = await storedRows<{ moduleId: string; status: string; passed: boolean }>(frame);
	return rows.filter((r) => r.moduleId === moduleId).map((r) => ({ status: r.status, passed: r.passed }));
}

/** Plays on, first options, until the learner picks an option or answer whose id has a `-`. */
async function playToHyphenatedAnswer(frame: FrameLocator): Promise<{ node: string; pick: string }> {
	for (let i = 0; i < 200; i++) {
		const step = await stepOf(frame);
		if (step.kind === 'end') break;
		if (step.kind === 'choice' || step.kind === 'quiz') {
			const ids = step.kind === 'choice'
				? await frame.locator('article.step button[data-option]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.option!))
				: await frame.locator('article.step input[name^="answer-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
			const pick = ids.find((id) => id.includes('-'));
			if (pick) {
				await takeStep(frame, step.kind === 'choice' ? pick : [pick]);
				return { node: step.node, pick };
			}
		}
		await takeStep(frame);
	}
	throw new Error('No option or answer id with a "-" on this path: pick another module for this test.');
}

const restart = (frame: FrameLocator) => frame.getByRole('button', { name: /^Opnieuw beginnen$/ }).first();

for (const edition of ['scorm12', 'scorm2004'] as const satisfies readonly Edition[]) {
	const k = edition === 'scorm12'
		? { status: 'cmi.core.lesson_status', exit: 'cmi.core.exit', response: 'student_response', session: 'cmi.core.session_time', total: 'cmi.core.total_time', score: 'cmi.core.score.raw' }
		: { status: 'cmi.completion_status', exit: 'cmi.exit', response: 'learner_response', session: 'cmi.session_time', total: 'cmi.total_time', score: 'cmi.score.raw' };

	test.describe(edition, () => {
		test('answers with a hyphen in their id reach the LMS (2004: as short identifiers, `-` written as `.`)', async ({ page }) => {
			const frame = await launch(page, lms.origin, { edition, moduleId: 'intercultureel-vakmanschap' });
			await begin(frame);
			const { node, pick } = await playToHyphenatedAnswer(frame);
			const record = await lmsSettled(page);
			expect(record.violations).toEqual([]);
			const decision = interactions(record.stored).filter((i) => i.id === node).at(-1);
			// 1.2: a letter (its place among the options); 2004: the id with `.` for `-`.
			if (edition === 'scorm12') expect(decision?.[k.response]).toMatch(/^[a-z]$/);
			else expect(decision?.[k.response]).toBe(pick.replaceAll('-', '.'));
			if (edition === 'scorm2004') {
				// The stand-in refuses what Moodle refuses: the raw id is a type mismatch.
				const refused = await page.evaluate(() => {
					const api = (window as unknown as { API_1484_11: { GetValue: (e: string) => string; SetValue: (e: string, v: string) => string; GetLastError: () => string } }).API_1484_11;
					const n = api.GetValue('cmi.interactions._count');
					api.SetValue(`cmi.interactions.${n}.id`, 'probe');
					api.SetValue(`cmi.interactions.${n}.type`, 'choice');
					return [api.SetValue(`cmi.interactions.${n}.learner_response`, 'vier-typen'), api.GetLastError()];
				});
				expect(refused).toEqual(['false', '406']);
			}
		});

		test('a failed attempt, then another device: the LMS shows the result there, a retry is appended and the time adds up', async ({ page, browser }) => {
			const frame = await launch(page, lms.origin, { edition, moduleId: 'demo' });
			await begin(frame);
			await playUntil(frame, DEMO_WORST);
			await expect(restart(frame)).toBeVisible();
			const first = await exitCourse(page);
			// Below the pass mark, reported incomplete: the learner may come back, so exit = suspend.
			expect(first.stored[k.exit]).toBe('suspend');
			expect(first.stored[k.status]).toBe('incomplete');
			expect(first.violations).toEqual([]);

			// A colleague's PC: a fresh browser profile, only what Moodle hands the course.
			const device = await browser.newContext();
			const later = await device.newPage();
			const again = await launch(later, lms.origin, { edition, moduleId: 'demo', initial: moodleRelaunch(edition, first.tracks) });
			// A cold start in a new profile can take a while on a busy machine.
			await expect(restart(again)).toBeVisible({ timeout: 20_000 });
			expect(await stepOf(again)).toEqual({ node: 'end-practice', kind: 'end' });
			await restart(again).click();
			await again.getByRole('button', { name: 'Ja, nieuwe poging beginnen' }).click();
			await expect(again.locator('article.step')).toHaveAttribute('data-node', 'welcome');
			// The retry's first decision, then the learner leaves again.
			await playUntil(again, DEMO_BEST, (s) => s.node === 'talk-outcome');
			const second = await exitCourse(later);
			expect(second.violations).toEqual([]);
			const kept = interactions(second.tracks);
			// The first session's four are still there; the retry's decision comes after them.
			expect(kept.map((i) => `${i.id} ${i.result}`)).toEqual(
				edition === 'scorm12'
					? ['first-evening wrong', 'sam-stays-away wrong', 'quiz-signals wrong', 'quiz-approaches wrong', 'first-evening correct']
					: ['first-evening incorrect', 'sam-stays-away incorrect', 'quiz-signals incorrect', 'quiz-approaches incorrect', 'first-evening correct']
			);
			expect(second.calls.filter((c) => /^Set cmi\.interactions\.[0-3]\./.test(c))).toEqual([]);
			expect(second.tracks[k.exit]).toBe('suspend');
			expect(seconds(second.tracks[k.total])).toBeCloseTo(seconds(first.stored[k.session]) + seconds(second.stored[k.session]), 1);
			expect(seconds(second.stored[k.session])).toBeGreaterThan(0);
			await device.close();
		});

		test('"Start a new attempt" after passing begins at the start, although this browser has the passed attempt; that stays in its history', async ({ page }) => {
			const frame = await launch(page, lms.origin, { edition, moduleId: 'demo' });
			await begin(frame);
			await playUntil(frame, DEMO_BEST);
			const first = await exitCourse(page);
			expect(first.stored[k.score]).toBe('100');

			// Attempt 2, same browser: entry ab-initio and no data.
			const fresh = await launch(page, lms.origin, { edition, moduleId: 'demo', initial: moodleRelaunch(edition, first.tracks, { newAttempt: true }) });
			await expect(fresh.getByRole('button', { name: 'Begin de module' })).toBeVisible({ timeout: 20_000 });
			await expect(fresh.locator('article.step')).toHaveCount(0);
			expect(await localAttempts(page, 'demo')).toContainEqual({ status: 'completed', passed: true });
			await begin(fresh);
			const second = await lmsSettled(page);
			// Nothing of attempt 1 is copied into attempt 2.
			expect(second.stored[k.status]).toBe('incomplete');
			expect(second.stored[k.score]).toBeUndefined();
			expect(interactions(second.stored)).toEqual([]);
			expect(second.stored[edition === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe('welcome');
			expect(second.violations).toEqual([]);
		});
	});
}
