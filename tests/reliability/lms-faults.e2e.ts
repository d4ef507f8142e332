// LMS faults, through the SCORM team's stand-in LMS (tests/scorm): Commit failing now and then,
// every call slow, and the LMS answering with malformed or out-of-range suspend_data,
// lesson_location and entry. (No API, Initialize false and Commit false until the LMS recovers
// are in tests/scorm/faults.e2e.ts.) The player never crashes, never loses a decision, and tells
// the learner when the LMS is not saving.
import { rmSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { begin, DEMO_BEST, interactions, launch, lmsOf, lmsSettled, playUntil, preparePackages, startLms, stepOf, takeStep, type Packages } from '../scorm/support';
import { loadShipped } from '../helpers/load-from-disk';
import { storedRows } from '../helpers/raw-idb';

const scenario = loadShipped('demo').scenario;
let packages: Packages;
let lms: Awaited<ReturnType<typeof startLms>>;

test.beforeAll(async () => {
	packages = preparePackages('reliability', ['demo']);
	lms = await startLms(packages);
});
test.afterAll(async () => {
	await lms?.close();
	if (packages) rmSync(packages.dir, { recursive: true, force: true });
});

interface Faults {
	/** Every API call takes this long (the calls are synchronous, as SCORM's are). */
	slowMs?: number;
	/** Commit answers "false" on these call numbers (1-based) … */
	failCommits?: number[];
	/** … or on every n-th commit. */
	failEvery?: number;
	/** GetValue answers these values instead of the LMS's own. */
	values?: Record<string, string>;
}

/** Wraps the stand-in LMS's API object the moment it is published on window. */
async function withFaults(page: Page, faults: Faults) {
	await page.addInitScript((f: Faults) => {
		const w = window as unknown as Record<string, unknown> & { __commits: number };
		w.__commits = 0;
		const wait = (ms: number) => {
			const until = performance.now() + ms;
			while (performance.now() < until) {
				/* a synchronous LMS call that takes its time */
			}
		};
		for (const name of ['API', 'API_1484_11']) {
			let api: Record<string, (...a: string[]) => string> | undefined;
			Object.defineProperty(window, name, {
				configurable: true,
				get: () => api,
				set(value: Record<string, (...a: string[]) => string>) {
					for (const method of Object.keys(value).filter((k) => /^(LMS)?(Initialize|Finish|Terminate|GetValue|SetValue|Commit|GetLastError|GetErrorString|GetDiagnostic)$/.test(k))) {
						const original = value[method].bind(value);
						value[method] = (...args: string[]) => {
							if (f.slowMs) wait(f.slowMs);
							if (/Commit$/.test(method)) {
								const n = ++w.__commits;
								if (f.failCommits?.includes(n) || (f.failEvery && n % f.failEvery === 0)) return 'false';
							}
							if (/GetValue$/.test(method) && f.values && args[0] in f.values) return f.values[args[0]];
							return original(...args);
						};
					}
					api = value;
				}
			});
		}
	}, faults);
}

/** The newest local attempt of the demo (the device's copy), read from the course frame. */
async function localAttempt(page: Page) {
	const frame = page.frames().find((f) => f.name() === 'sco' || f.url().includes('/content/'))!;
	const rows = await storedRows<{ moduleId: string; status: string; updatedAt: number; state: { node: string; decisions: { node: string; answers: string[] }[]; feedbackPending: boolean } }>(frame);
	return rows.filter((r) => r.moduleId === 'demo' && r.status !== 'abandoned').sort((a, b) => b.updatedAt - a.updatedAt)[0] as (typeof rows)[number] | undefined;
}

const decisionsOf = (state: { decisions: { node: string; answers: string[] }[] }) => state.decisions.map((d) => `${d.node}=${[...d.answers].sort().join('+')}`);

/** What the LMS holds, read back with the engine: the same decisions as on the device. */
async function expectLmsHoldsAll(page: Page) {
	const record = await lmsSettled(page);
	const suspend = record.stored['cmi.suspend_data'];
	expect(suspend, 'the LMS holds suspend_data').toMatch(/^K1~/);
	const decoded = scenario.decode(suspend, Date.now());
	expect(decoded.ok).toBe(true);
	const local = await localAttempt(page);
	expect(local).toBeDefined();
	if (decoded.ok) expect(decisionsOf(decoded.state)).toEqual(decisionsOf(local!.state));
	expect(interactions(record.stored).map((i) => i.id)).toEqual(local!.state.decisions.map((d) => d.node));
	expect(record.violations).toEqual([]);
	return { record, local: local! };
}

const lmsProblem = (frame: FrameLocator) => frame.locator('[data-lms-problem]');

test('Commit fails now and then: nothing is lost, and once it saves again no warning is left', async ({ page }) => {
	test.setTimeout(120_000);
	await withFaults(page, { failEvery: 3 });
	const frame = await launch(page, lms.origin, { edition: 'scorm2004', moduleId: 'demo' });
	await begin(frame);
	await playUntil(frame, DEMO_BEST);
	await expect(frame.locator('article.step[data-kind="end"]')).toBeVisible();
	// A failed commit is retried; the completion reaches the LMS, and no warning is left.
	await expect.poll(async () => (await lmsOf(page)).stored['cmi.completion_status'], { timeout: 15_000 }).toBe('completed');
	await expect(lmsProblem(frame)).toHaveCount(0);
	const { record } = await expectLmsHoldsAll(page);
	expect(await page.evaluate(() => (window as unknown as { __commits: number }).__commits)).toBeGreaterThan(record.counts.commit - 1);
	expect(record.stored['cmi.completion_status']).toBe('completed');
	expect(record.stored['cmi.success_status']).toBe('passed');
});

test('every LMS call takes 500 ms: slow, but every step is shown, saved on the device and reported', async ({ page }) => {
	test.setTimeout(180_000);
	await withFaults(page, { slowMs: 500 });
	const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
	await begin(frame);
	// Each step's LMS calls block the page (SCORM calls are synchronous) for seconds: wait longer.
	const slowly = async (pick?: string) => {
		const before = await stepOf(frame);
		const button = pick ? frame.locator(`button[data-option="${pick}"]`) : frame.getByRole('button', { name: 'Verder' });
		await button.click({ timeout: 60_000 });
		await expect.poll(async () => JSON.stringify(await stepOf(frame)), { timeout: 60_000 }).not.toBe(JSON.stringify(before));
	};
	await slowly(); // welcome
	await slowly(); // meet-sam
	await slowly('talk');
	expect(await stepOf(frame)).toEqual({ node: 'talk-outcome', kind: 'feedback' });
	// The device has the decision however slow the LMS is; the LMS gets it too. The step's LMS calls
	// (seconds of them) hold the page's thread, and with it this read: wait as long as for a step.
	await expect.poll(async () => decisionsOf((await localAttempt(page))?.state ?? { decisions: [] }), { timeout: 60_000 }).toEqual(['first-evening=talk']);
	await expect.poll(async () => interactions((await lmsOf(page)).stored).length, { timeout: 30_000 }).toBe(1);
	await expectLmsHoldsAll(page);
});

test.describe('the LMS answers with malformed or out-of-range values', () => {
	test.describe.configure({ timeout: 90_000 });

	for (const [what, values] of [
		['a damaged suspend_data', { 'cmi.suspend_data': 'K1~zz~?~!!!~garbage', 'cmi.core.entry': 'resume' }],
		['suspend_data that is not ours', { 'cmi.suspend_data': '{"page":7,"answers":[1,2,3]}', 'cmi.core.entry': 'resume' }],
		['an unknown entry value', { 'cmi.core.entry': 'sideways' }],
		['a bookmark to no node, far too long', { 'cmi.core.lesson_location': 'no-such-node-'.repeat(40) }]
	] as const) {
		test(`${what}: the player does not crash, says what is wrong or starts cleanly, and reports again`, async ({ page }) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await withFaults(page, { values });
			const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
			const heading = frame.locator('[data-step-heading]').first();
			await expect(heading).toBeVisible();
			const restart = frame.getByRole('button', { name: 'Opnieuw beginnen' });
			if (await restart.isVisible()) {
				// An unreadable record: the learner is told and can start again.
				await expect(frame.getByText('Je opgeslagen voortgang voor deze module is beschadigd').or(frame.getByText('Deze module is bijgewerkt'))).toBeVisible();
				await restart.click();
			} else await begin(frame);
			await takeStep(frame);
			await takeStep(frame);
			await takeStep(frame, 'buddy');
			expect(await stepOf(frame)).toEqual({ node: 'buddy-outcome', kind: 'feedback' });
			await expectLmsHoldsAll(page);
			expect(errors).toEqual([]);
		});
	}

	test('a damaged suspend_data while this device has the attempt: carries on from the device and repairs the LMS copy', async ({ page }) => {
		const first = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
		await begin(first);
		await takeStep(first);
		await takeStep(first);
		await takeStep(first, 'talk');
		await takeStep(first);
		const stored = (await lmsSettled(page)).stored;
		await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
		// The next launch, same device: the LMS hands back a garbled copy (it looks like ours, but is not).
		await withFaults(page, { values: { 'cmi.suspend_data': 'K1~broken~!!', 'cmi.core.entry': 'resume' } });
		const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo', initial: stored });
		await expect(frame.locator('article.step')).toBeVisible();
		expect(await stepOf(frame)).toEqual({ node: 'talk-outcome', kind: 'content' });
		await expect.poll(async () => (await lmsOf(page)).stored['cmi.suspend_data']).toMatch(/^K1~/);
		const repaired = scenario.decode((await lmsOf(page)).stored['cmi.suspend_data'], Date.now());
		expect(repaired.ok && decisionsOf(repaired.state)).toEqual(['first-evening=talk']);
	});

	test('a good suspend_data with a bad bookmark and entry: resumes exactly where the learner was', async ({ page }) => {
		// First session: three steps, reported to the LMS.
		const first = await launch(page, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
		await begin(first);
		await takeStep(first);
		await takeStep(first);
		await takeStep(first, 'talk');
		await takeStep(first);
		const stored = (await lmsSettled(page)).stored;
		const before = scenario.decode(stored['cmi.suspend_data'], Date.now());
		expect(before.ok).toBe(true);

		// Next session on another device (nothing local), the LMS garbling the bookmark and entry.
		const second = await page.context().browser()!.newPage();
		await withFaults(second, { values: { 'cmi.suspend_data': stored['cmi.suspend_data'], 'cmi.core.lesson_location': '../../etc/passwd', 'cmi.core.entry': '' } });
		const frame = await launch(second, lms.origin, { edition: 'scorm12', moduleId: 'demo' });
		await expect(frame.locator('article.step')).toBeVisible();
		expect(await stepOf(frame)).toEqual({ node: 'talk-outcome', kind: 'content' });
		await takeStep(frame);
		const again = scenario.decode((await lmsOf(second)).stored['cmi.suspend_data'], Date.now());
		expect(again.ok && decisionsOf(again.state)).toEqual(before.ok && decisionsOf(before.state));
		await second.close();
	});
});
