// Crashes: the browser process is killed (SIGKILL, no clean close) at a random moment at least
// 200 ms after the learner's last step, then started again on the same profile. Every time, the
// player must resume at the node after the last answered one with the same score and the same
// decisions: zero lost decisions. 50 trials in two runs of 25, each trial taking 1–3 steps on from
// where the previous one resumed, so one relaunch both checks a trial and starts the next.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { SavedState } from '../../src/lib/engine';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { playerShown, random, takeStep, where, type Performed } from '../helpers/learner';
import { loadShipped } from '../helpers/load-from-disk';
import { DEMO_PERCENT, demoEnd, demoPointsByHand } from '../helpers/demo-paths';
import { storedRows } from '../helpers/raw-idb';

const TRIALS_PER_RUN = 25;
const scenario = loadShipped('demo').scenario;

interface Running {
	process: ChildProcess;
	browser: Browser;
}

/** Starts Chromium on a profile folder ourselves, so the test owns the process it kills. */
async function launch(profile: string): Promise<Running> {
	const child = spawn(chromiumPath(), [...chromiumArgs, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
		detached: true,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const endpoint = await new Promise<string>((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
		child.stderr!.on('data', (chunk: Buffer) => {
			seen += chunk.toString();
			const found = seen.match(/DevTools listening on (ws:\/\/\S+)/);
			if (found) {
				clearTimeout(timer);
				resolve(found[1]);
			}
		});
		child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
	});
	return { process: child, browser: await chromium.connectOverCDP(endpoint) };
}

/** SIGKILL to Chromium's whole process group: no unload, no clean shutdown of the database. */
async function kill(running: Running) {
	const exited = new Promise((resolve) => running.process.once('exit', resolve));
	process.kill(-running.process.pid!, 'SIGKILL');
	await exited;
}

async function openDemo(running: Running, baseURL: string): Promise<Page> {
	const context = running.browser.contexts()[0];
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(`${baseURL}#/play/demo`);
	await playerShown(page);
	return page;
}

/** The attempt the player resumes: the newest one that is not abandoned. */
async function savedAttempt(page: Page) {
	const rows = await storedRows<{ moduleId: string; status: string; updatedAt: number; id: number; state: SavedState; percent: number }>(page);
	return rows.filter((r) => r.moduleId === 'demo' && r.status !== 'abandoned').sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)[0];
}

/** The same step, in the engine: what the player should show and have saved afterwards. */
function replay(state: SavedState | null, step: Performed, at: number): SavedState {
	if (step.kind === 'begin' || step.kind === 'restart') return scenario.start(at);
	if (!state) throw new Error(`a ${step.kind} before the module began`);
	if (step.kind === 'acknowledge') return scenario.acknowledgeFeedback(state, at);
	return scenario.apply(state, step.action, at);
}

const shown = (state: SavedState) => `${state.node}:${state.feedbackPending ? 'feedback' : scenario.meta(state.node).kind}`;
const decisions = (state: SavedState) => state.decisions.map((d) => `${d.node}=${[...d.answers].sort().join('+')}`);

// The two runs use separate profiles and run side by side (one per worker).
test.describe.configure({ mode: 'parallel' });

for (const run of [1, 2]) {
	test(`killing the browser never loses a decision (${TRIALS_PER_RUN} trials, run ${run})`, async ({ baseURL }) => {
		test.setTimeout(300_000);
		const profile = mkdtempSync(join(tmpdir(), `koers-crash-${run}-`));
		const rng = random(1000 + run);
		let expected: SavedState | null = null;
		let running = await launch(profile);
		try {
			let page = await openDemo(running, baseURL!);
			for (let trial = 1; trial <= TRIALS_PER_RUN; trial++) {
				const steps = 1 + Math.floor(rng() * 3);
				for (let i = 0; i < steps; i++) expected = replay(expected, await takeStep(page, rng), i);
				// A random moment at least 200 ms after the last step, then no clean close.
				await page.waitForTimeout(200 + Math.floor(rng() * 600));
				await kill(running);

				running = await launch(profile);
				page = await openDemo(running, baseURL!);
				const context = `trial ${trial} of run ${run}`;
				expect(await where(page), `${context}: resumed at the node after the last step`).toBe(shown(expected!));
				const saved = await savedAttempt(page);
				expect(saved, `${context}: the attempt is still there`).toBeDefined();
				expect(decisions(saved!.state), `${context}: every decision kept`).toEqual(decisions(expected!));
				expect(saved!.state.score, `${context}: same score`).toBe(expected!.score);
				expect(saved!.percent, `${context}: same percentage`).toBe(scenario.scoreOf(expected!).percent);
				// The same, without the engine: the points of the kept decisions added up from a table
				// copied by hand from modules/demo/module.json, and where such a score ends.
				const points = demoPointsByHand(saved!.state.decisions);
				expect(saved!.state.score, `${context}: score by hand`).toBe(points);
				expect(saved!.percent, `${context}: percentage by hand`).toBe(DEMO_PERCENT[points]);
				if (saved!.state.completedAt !== undefined) expect(saved!.state.node, `${context}: end page by hand`).toBe(demoEnd(points));
			}
		} finally {
			await kill(running).catch(() => {});
			rmSync(profile, { recursive: true, force: true });
		}
	});
}
