// Helpers for the SCORM end-to-end tests: package the built player, unzip the packages, serve them
// with the stand-in LMS (lms-harness.html) from a small server, and play a course in its frame.
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { packageIds, writePackages, type BuiltPackage } from '../../src/tools/package-scorm';
import { moodleNextLaunch, pickInteractions } from '../helpers/strict-scorm';
import type { Picks } from '../helpers/demo-paths';
export { seconds } from '../helpers/strict-scorm';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const MODULES_DIR = join(ROOT, 'modules');
/** Where the LMS serves a package from: a nested path, as Moodle's pluginfile.php does. */
export const CONTENT_BASE = '/lms/pluginfile.php/42/mod_scorm/content/7/';

export type Edition = 'scorm12' | 'scorm2004';

export interface Packages {
	dir: string;
	built: BuiltPackage[];
	/** The unzipped package folder of a module and edition. */
	unzipped(id: string, edition: Edition): string;
}

/**
 * Packages the given modules from the player build the test run made (npm run build into
 * $KOERS_OUT), as `npm run package -- --player <build>` does, and unzips every zip: the tests run
 * what an LMS would unpack, not the files before zipping.
 */
export function preparePackages(name: string, ids: string[]): Packages {
	const playerDir = resolve(ROOT, process.env.KOERS_OUT || 'build');
	if (!existsSync(join(playerDir, 'index.html'))) throw new Error(`No player build in ${playerDir}: run npm run build first (with the same KOERS_OUT).`);
	const dir = join(ROOT, 'tests', '.tmp', `scorm-${name}-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	const built = writePackages({ modulesDir: MODULES_DIR, playerDir, outDir: dir, ids });
	for (const p of built) {
		const target = join(dir, 'unzipped', `${p.id}-${p.edition}`);
		for (const [path, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(p.zip))))) {
			if (path.endsWith('/')) continue;
			mkdirSync(dirname(join(target, path)), { recursive: true });
			writeFileSync(join(target, path), data);
		}
	}
	return { dir, built, unzipped: (id, edition) => join(dir, 'unzipped', `${id}-${edition}`) };
}

/** The first learner module in modules/ (none while the content is still being written). */
export function firstLearnerModule(): string | undefined {
	return packageIds(MODULES_DIR)[0];
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml',
	'.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.xml': 'application/xml', '.xsd': 'application/xml'
};

/** Serves the stand-in LMS at /lms/ and the unzipped packages under CONTENT_BASE. */
export async function startLms(packages: Packages): Promise<{ origin: string; close: () => Promise<void> }> {
	const here = import.meta.dirname;
	const fixed: Record<string, string> = {
		'/lms/harness.html': join(here, 'lms-harness.html'),
		'/lms/harness.js': join(here, 'lms-harness.js'),
		'/lms/vendor/scorm12.min.js': join(ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm12.min.js'),
		'/lms/vendor/scorm2004.min.js': join(ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm2004.min.js')
	};
	const unzippedRoot = join(packages.dir, 'unzipped');
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file: string | undefined = fixed[path];
		if (!file && path.startsWith(CONTENT_BASE)) {
			const candidate = normalize(join(unzippedRoot, path.slice(CONTENT_BASE.length)));
			if (candidate.startsWith(unzippedRoot) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
		}
		if (!file) {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('not found');
			return;
		}
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

export interface Launch {
	edition: Edition;
	moduleId: string;
	fault?: 'none' | 'no-api' | 'init-false' | 'commit-false';
	/** The CMI the LMS starts with (flattened, e.g. { 'cmi.core.entry': 'resume', … }). */
	initial?: Record<string, string>;
}

/** Opens the stand-in LMS with a package in its frame; returns the frame. */
export async function launch(page: Page, origin: string, options: Launch): Promise<FrameLocator> {
	if (options.initial) await page.addInitScript((initial) => ((window as unknown as { __lmsInitial: unknown }).__lmsInitial = initial), options.initial);
	const src = `${CONTENT_BASE}${options.moduleId}-${options.edition}/index.html`;
	await page.goto(`${origin}/lms/harness.html?edition=${options.edition}&fault=${options.fault ?? 'none'}&src=${encodeURIComponent(src)}`);
	return page.frameLocator('#sco');
}

/** What the stand-in LMS received and stored. */
export interface LmsRecord {
	calls: string[];
	stored: Record<string, string>;
	pending: Record<string, string>;
	violations: string[];
	counts: { initialize: number; finish: number; commit: number; failedCommits: number };
	maxSuspendData: number;
	/** What the LMS keeps of the attempt (carried over, stored, total_time): see lms-harness.js. */
	tracks: Record<string, string>;
}

export function lmsOf(page: Page): Promise<LmsRecord> {
	return page.evaluate(() => {
		const { calls, stored, pending, violations, counts, maxSuspendData, tracks } = (window as unknown as { lms: LmsRecord }).lms;
		return structuredClone({ calls, stored, pending, violations, counts, maxSuspendData, tracks });
	});
}

/**
 * What the LMS holds once it has heard the step on screen. A step is reported just after it is
 * painted and saved on the device, so a test that reads the LMS straight after a click waits
 * until the calls end in a Commit and stay still for a moment.
 */
export async function lmsSettled(page: Page): Promise<LmsRecord> {
	let seen = -1;
	await expect
		.poll(
			async () => {
				const { calls } = await lmsOf(page);
				const still = calls.length === seen && calls.at(-1) === 'Commit';
				seen = calls.length;
				return still;
			},
			{ intervals: [300] }
		)
		.toBe(true);
	return lmsOf(page);
}

/** The interactions the LMS stored, in order. */
export function interactions(stored: Record<string, string>, which: 'decisions' | 'evaluation' | 'all' = 'decisions'): Record<string, string>[] {
	const list: Record<string, string>[] = [];
	for (const [key, value] of Object.entries(stored)) {
		const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
		if (m) (list[Number(m[1])] ??= {})[m[2]] = value;
	}
	return pickInteractions(list, which);
}

/** The step the course shows: node id and kind ('feedback' after a decision). */
export async function stepOf(frame: FrameLocator) {
	const [node, kind] = await frame.locator('article.step').evaluate((el: HTMLElement) => [el.dataset.node!, el.dataset.kind!]);
	return { node, kind };
}

async function waitForChange(frame: FrameLocator, before: { node: string; kind: string }) {
	await expect
		.poll(
			async () => {
				const now = await stepOf(frame);
				return `${now.node}:${now.kind}`;
			},
			{ intervals: [20, 50, 100] }
		)
		.not.toBe(`${before.node}:${before.kind}`);
}

export async function begin(frame: FrameLocator) {
	await frame.getByRole('button', { name: /^(Begin de module|Begin the module)$/ }).click();
	await expect(frame.locator('article.step')).toBeVisible();
}

/**
 * Takes one step. `pick` chooses an option (choice) or answers (quiz); by default the first. Other
 * kinds: continue, a short reflection, a rating of 7.
 */
export async function takeStep(frame: FrameLocator, pick?: string | string[]) {
	const before = await stepOf(frame);
	const step = frame.locator('article.step');
	switch (before.kind) {
		case 'content':
		case 'persona':
		case 'feedback':
			await step.getByRole('button', { name: /^(Verder|Continue)$/ }).click();
			break;
		case 'choice': {
			const option = typeof pick === 'string' ? pick : await step.locator('button[data-option]').first().getAttribute('data-option');
			await step.locator(`button[data-option="${option}"]`).click();
			break;
		}
		case 'quiz': {
			const answers = Array.isArray(pick) ? pick : [(await step.locator('input[name^="answer-"]').first().getAttribute('value'))!];
			for (const a of answers) await step.locator(`input[name^="answer-"][value="${a}"]`).check();
			await step.locator('button[type=submit]').click();
			break;
		}
		case 'reflection':
			await step.locator('textarea').fill('Ik heb doorgevraagd.');
			await step.locator('button[type=submit]').click();
			break;
		case 'evaluation':
			await step.locator('input[name="aspect-goals"][value="4"]').check();
			await step.locator('input[name="rating"][value="7"]').check();
			await step.locator('textarea').first().fill('Nuttig');
			await step.locator('button[type=submit]').click();
			break;
		case 'scale':
		case 'checklist':
		case 'fields':
		case 'actionplan':
			// Instrument steps: saved as they are (every answer may stay empty).
			await step.locator('button[type=submit]').click();
			break;
		default:
			throw new Error(`Cannot take a step at a ${before.kind} node (${before.node}).`);
	}
	await waitForChange(frame, before);
	return before;
}

export type { Picks } from '../helpers/demo-paths';

/**
 * Plays on until `stop` says so or the end page is reached; at a choice or quiz node takes the pick
 * for that node, else the first option or answer. Returns the number of decisions made.
 */
export async function playUntil(frame: FrameLocator, picks: Picks = {}, stop: (step: { node: string; kind: string }) => boolean = () => false, limit = 400): Promise<number> {
	let decisions = 0;
	for (let i = 0; i < limit; i++) {
		const step = await stepOf(frame);
		if (step.kind === 'end' || stop(step)) return decisions;
		if (step.kind === 'choice' || step.kind === 'quiz') decisions++;
		await takeStep(frame, picks[step.node]);
	}
	throw new Error(`No end after ${limit} steps.`);
}

/** The demo's best and worst paths as picks (tests/helpers/demo-paths.ts, tests/modules/demo/golden.json). */
export { DEMO_BEST_PICKS as DEMO_BEST, DEMO_WORST_PICKS as DEMO_WORST } from '../helpers/demo-paths';

/**
 * What Moodle 4.5 hands the course on the next launch, from what the stand-in LMS kept of the attempt
 * (window.lms.tracks): see moodleNextLaunch in tests/helpers/strict-scorm.ts. `newAttempt`: the
 * learner chose "Start a new attempt".
 */
export function moodleRelaunch(edition: Edition, tracks: Record<string, string>, options: { newAttempt?: boolean } = {}): Record<string, string> {
	return moodleNextLaunch(edition === 'scorm12' ? '1.2' : '2004', tracks, options);
}

/** Session times as the LMS must accept them; 2004 needs at least one number after `PT` (a bare `PT` is invalid). */
export const SESSION_TIME = { scorm12: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, scorm2004: /^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/ };
