// When the LMS is missing or misbehaves, the learner can still take the module, is told what that
// means, and loses nothing: progress stays on the device and reaches the LMS once it saves again.
import { rmSync } from 'node:fs';
import { expect, test, type FrameLocator } from '@playwright/test';
import { begin, DEMO_BEST, interactions, launch, lmsOf, playUntil, preparePackages, startLms, stepOf, takeStep, type Packages } from './support';

let packages: Packages;
let lms: Awaited<ReturnType<typeof startLms>>;

test.beforeAll(async () => {
	packages = preparePackages('faults', ['demo']);
	lms = await startLms(packages);
});
test.afterAll(async () => {
	await lms?.close();
	if (packages) rmSync(packages.dir, { recursive: true, force: true });
});

const problem = (frame: FrameLocator, key: string) => frame.locator(`[data-lms-problem="${key}"]`);

test('no LMS API found: a notice says the result is not passed on; the module plays and resumes from the device', async ({ page }) => {
	const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo', fault: 'no-api' });
	await expect(problem(frame, 'lms.notFound')).toContainText('Er is geen leeromgeving gevonden');
	await begin(frame);
	await playUntil(frame, DEMO_BEST, (s) => s.node === 'sam-returns' && s.kind === 'choice');
	// Back later on the same device, still without an LMS: local progress carries on.
	await page.reload();
	const again = page.frameLocator('#sco');
	expect(await stepOf(again)).toEqual({ node: 'sam-returns', kind: 'choice' });
	await expect(problem(again, 'lms.notFound')).toBeVisible();
});

test('LMSInitialize fails: the learner is warned and plays on locally; nothing else is sent and nothing is finished', async ({ page }) => {
	const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo', fault: 'init-false' });
	await begin(frame);
	await expect(problem(frame, 'lms.initFailed')).toContainText('De leeromgeving reageert niet');
	await playUntil(frame, DEMO_BEST, (s) => s.node === 'second-visit');
	await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
	// Nothing must be sent, so there is no call to wait for: exitCourse's calls are synchronous (the
	// SCORM API is), and 300 ms more covers a commit the player might schedule on a timer (none is).
	await page.waitForTimeout(300);
	const record = await lmsOf(page);
	expect(record.calls).toEqual(['Initialize']);
});

test('LMSCommit returns false: retried, then a warning; when the LMS saves again the warning goes and nothing is lost', async ({ page }) => {
	const frame = await launch(page, lms.origin, { edition: 'scorm2004', moduleId: 'demo', fault: 'commit-false' });
	await begin(frame);
	await takeStep(frame); // welcome
	await takeStep(frame); // meet-sam
	await takeStep(frame, 'talk'); // the first decision, while the LMS does not save
	// Retries at 0.5, 1 and 2 s; then the learner is told.
	await expect(problem(frame, 'lms.commitFailed')).toContainText('kan op dit moment niet worden opgeslagen in de leeromgeving', { timeout: 15_000 });
	let record = await lmsOf(page);
	expect(record.counts.failedCommits).toBeGreaterThanOrEqual(4);
	expect(record.stored['cmi.suspend_data']).toBeUndefined();
	expect(interactions(record.stored)).toEqual([]);

	// The LMS is back: the next step's commit succeeds and carries everything set so far.
	await page.evaluate(() => ((window as unknown as { lms: { commitFails: boolean } }).lms.commitFails = false));
	await takeStep(frame); // read the feedback
	await expect(problem(frame, 'lms.commitFailed')).toHaveCount(0);
	record = await lmsOf(page);
	expect(interactions(record.stored).map((i) => [i.id, i.learner_response])).toEqual([['first-evening', 'talk']]);
	expect(record.stored['cmi.location']).toBe('talk-outcome');
	expect(record.stored['cmi.suspend_data']).toMatch(/^K1~/);
	expect(record.violations).toEqual([]);
});

test('our own SCORM 1.2 strictness: the stand-in LMS refuses suspend_data over 4,096 characters (scorm-again alone accepts 64,000)', async ({ page }) => {
	const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
	await begin(frame);
	const result = await page.evaluate(() => {
		const api = (window as unknown as { API: { LMSSetValue: (e: string, v: string) => string } }).API;
		return [api.LMSSetValue('cmi.suspend_data', 'x'.repeat(4097)), api.LMSSetValue('cmi.suspend_data', 'x'.repeat(4096))];
	});
	expect(result).toEqual(['false', 'true']);
	expect((await lmsOf(page)).violations).toEqual(['SetValue(cmi.suspend_data) with 4097 characters (SCORM 1.2 allows 4096)']);
});
