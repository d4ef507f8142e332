// The zips `npm run package` makes from the real player build, for every learner module: what an
// LMS administrator uploads. Each is checked as unzipped (schema-valid manifest, every file listed,
// only its own module, well under 1 MB) and played through in the stand-in LMS.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SCHEMA_FILES } from '../../src/lib/tracking/manifest';
import { loadShipped } from '../helpers/load-from-disk';
import { validateManifest } from '../helpers/xsd';
import { ROOT, CONTENT_BASE, interactions, launch, lmsOf, MODULES_DIR, playUntil, preparePackages, SESSION_TIME, startLms, begin, stepOf, takeStep, type Packages, type Picks } from './support';
import { packageIds } from '../../src/tools/package-scorm';

const learnerModules = packageIds(MODULES_DIR);
const SCREENS = join(ROOT, 'tests', '.tmp', 'scorm-screens');
let packages: Packages;
let lms: Awaited<ReturnType<typeof startLms>>;

test.beforeAll(async () => {
	packages = preparePackages('packages', learnerModules);
	lms = await startLms(packages);
});
test.afterAll(async () => {
	await lms?.close();
	if (packages) rmSync(packages.dir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => statSync(join(dir, f)).isFile())
		.map((f) => f.split('\\').join('/'));
}

test('every learner module has a SCORM 1.2 and a SCORM 2004 zip that an LMS accepts', () => {
	expect(packages.built.map((p) => `${p.id}-${p.edition}`).sort()).toEqual(learnerModules.flatMap((id) => [`${id}-scorm12`, `${id}-scorm2004`]).sort());
	const sizes: string[] = [];
	for (const p of packages.built) {
		const dir = packages.unzipped(p.id, p.edition);
		sizes.push(`${p.id}-${p.edition}: ${(p.bytes / 1024).toFixed(0)} KB`);
		expect(p.bytes, `${p.id}-${p.edition} zip size`).toBeLessThan(1024 * 1024);
		const validation = validateManifest(dir, p.edition);
		expect(validation.ok, validation.output).toBe(true);
		const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
		const listed = [...manifest.matchAll(/<file href="([^"]*)"/g)].map((m) => decodeURIComponent(m[1])).sort();
		const present = filesUnder(dir).filter((f) => f !== 'imsmanifest.xml' && !SCHEMA_FILES[p.edition].includes(f)).sort();
		expect(listed).toEqual(present);
		expect(manifest).not.toMatch(/href="\//);
		expect(present.filter((f) => f.startsWith('modules/') && f !== 'modules/index.json' && !f.startsWith(`modules/${p.id}/`))).toEqual([]);
		// Nothing outside the package: the player inlines its code and styles, no CDN, no web fonts.
		const html = readFileSync(join(dir, 'index.html'), 'utf8');
		expect(html.match(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\/[^"]*"/g) ?? []).toEqual([]);
		expect(html).not.toMatch(/@import\s+url\(["']?https?:/);
	}
	console.log(`Package sizes: ${sizes.join(', ')}`);
});

/**
 * One path per learner module, with what the learner and the LMS must see at its end, worked out by
 * hand from modules/<id>/module.json (the points along the path added up, the percentage rounded,
 * the guards followed) and the same as the named path in tests/modules/<id>/golden.json. The test
 * also checks the LMS against the engine; these values come from neither, so a bug the engine and
 * its checks share (a wrong sum, a rounding, a status) still fails here. The picks cover every
 * choice and quiz on the path: options are shuffled per attempt, so "the first option" would be
 * another path on each run. Both editions are written out, so the turns may change.
 */
interface PinnedPath {
	picks: Picks;
	/** The end node and the number of nodes on the path, the end included. */
	end: string;
	pathLength: number;
	/** The score on the end page, or null (an instrument has none). */
	score: string | null;
	/** The decisions reported as interactions: how many, the first and the last id. */
	interactions: { count: number; first?: string; last?: string };
	/** What the LMS stores; a key left out must not be stored at all. */
	scorm12: { 'cmi.core.lesson_status': string; 'cmi.core.score.raw'?: string };
	scorm2004: { 'cmi.completion_status': string; 'cmi.success_status'?: string; 'cmi.score.scaled'?: string; 'cmi.score.raw'?: string };
}
const PINNED: Record<string, PinnedPath> = {
	// golden "hasty report repaired by a visit": 2+1+1+1+1+1+1+1+1+1+1 = 12 of 17 = 70.6 → 71 %, at least 70: passed.
	'intercultureel-vakmanschap': {
		picks: {
			'd1-moedergroep': 'thee', 'q-kracht': ['positie'], 'd2-eerste-gesprek': 'vrouwengroep', 'd3-wat-wil-je': 'eerst-rust', 'q-eerste-stap': ['samen-op-pad'],
			'd4-huisbezoek': 'melden', 'd4b-contact-herstellen': 'langsgaan', 'd5-signaal': 'zelf-bellen', 'd5-vrijwilligers': 'lijst', 'd6-meneer-demir': 'dochter', 'q-kruispunt': ['samen-spelen']
		},
		end: 'einde-gehaald',
		pathLength: 51,
		score: '71%',
		interactions: { count: 11, first: 'd1-moedergroep', last: 'q-kruispunt' },
		scorm12: { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '71' },
		scorm2004: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.71', 'cmi.score.raw': '71' }
	},
	// golden "exactly the mastery score (18 of 25)": 3+1+1+3+0+3+0+3+0+1+1+1+1 = 18 of 25 = 72 %: passed.
	'levensbeschouwelijk-vakmanschap': {
		picks: {
			'ilias-keuze': 'vragen', 'quiz-erkenning': ['miskennis'], 'stilteruimte-keuze': 'moskee', 'moedergroep-keuze': 'aansluiten', 'quiz-verlegenheid': ['respect'],
			'jolanda-keuze': 'gesprek', 'quiz-blinde-vlek': ['corrigeren'], 'klas-keuze': 'verhalen', 'quiz-religie-cultuur': ['opzoeken'], 'moskee-keuze': 'afwijzen',
			'meldcode-keuze': 'moskee', 'quiz-samenwerken': ['rollen'], 'gemeente-keuze': 'weigeren'
		},
		end: 'einde-sterk',
		pathLength: 48,
		score: '72%',
		interactions: { count: 13, first: 'ilias-keuze', last: 'gemeente-keuze' },
		scorm12: { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '72' },
		scorm2004: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.72', 'cmi.score.raw': '72' }
	},
	// An instrument: 11 steps to "klaar", nothing to decide, completed without a score or a verdict.
	'polarisatie-analyse': {
		picks: {},
		end: 'klaar',
		pathLength: 12,
		score: null,
		interactions: { count: 0 },
		scorm12: { 'cmi.core.lesson_status': 'completed' },
		scorm2004: { 'cmi.completion_status': 'completed' }
	},
	// golden "gives Jesse's name to the police": 2+1+2+2+1+2 and all five quizzes wrong = 10 of 17 = 58.8 → 59 %:
	// below 70, so (reportFailureAs unset) incomplete, and no score sent.
	'polarisatie-naar-verbinding': {
		picks: {
			'd1-hangplek': 'vragen', 'd2-informatieavond': 'brief', 'd3-marco': 'steunen', 'd4-klas': 'gesprek', 'd5-jesse': 'politie', 'd6-ouders': 'samen',
			'q1-productief': ['a'], 'q2-rollen': ['b'], 'q3-openlijk-racisme': ['a'], 'q4-omslagen': ['a', 'b'], 'q5-taal': ['b']
		},
		end: 'einde-verder',
		pathLength: 50,
		score: '59%',
		interactions: { count: 11, first: 'd1-hangplek', last: 'q5-taal' },
		scorm12: { 'cmi.core.lesson_status': 'incomplete' },
		scorm2004: { 'cmi.completion_status': 'incomplete' }
	}
};
const PINNED_KEYS = {
	scorm12: ['cmi.core.lesson_status', 'cmi.core.score.raw'],
	scorm2004: ['cmi.completion_status', 'cmi.success_status', 'cmi.score.scaled', 'cmi.score.raw']
} as const;

// Each learner module is played through once, the editions taking turns (the demo covers both
// editions in detail in runtime.e2e.ts); this keeps the suite fast while every module runs packaged.
for (const [n, id] of learnerModules.entries()) {
	const edition = n % 2 === 0 ? 'scorm12' : 'scorm2004';
	test(`${edition}: ${id} plays through in the stand-in LMS, and the LMS's record matches the engine`, async ({ page }) => {
		test.setTimeout(180_000);
		const outside: string[] = [];
		page.on('request', (r) => {
			if (r.frame() === page.mainFrame() || r.url().startsWith('data:')) return;
			if (!r.url().startsWith(`${lms.origin}${CONTENT_BASE}${id}-${edition}/`)) outside.push(r.url());
		});
		const pinned = PINNED[id];
		if (!pinned) throw new Error(`No pinned path for "${id}": add one to PINNED in tests/scorm/packages.e2e.ts, worked out by hand from its module.json.`);
		const frame = await launch(page, lms.origin, { edition, moduleId: id });
		await begin(frame);
		const decisions = await playUntil(frame, pinned.picks);
		// What the learner sees at the end of the pinned path.
		expect((await stepOf(frame)).node).toBe(pinned.end);
		if (pinned.score !== null) await expect(frame.getByTestId('score')).toHaveText(pinned.score);
		await page.evaluate(() => (window as unknown as { exitCourse: () => void }).exitCourse());
		await expect.poll(async () => (await lmsOf(page)).counts.finish).toBe(1);
		const record = await lmsOf(page);

		expect(record.violations).toEqual([]);
		expect(outside).toEqual([]);
		const s = record.stored;
		const { scenario } = loadShipped(id);
		const restored = scenario.decode(s['cmi.suspend_data'], Date.now());
		if (!restored.ok) throw new Error(`The LMS's suspend_data does not decode: ${restored.detail}`);
		expect(restored.state.completedAt).toBeDefined();
		const score = scenario.scoreOf(restored.state);
		const failPolicy = scenario.module.reportFailureAs ?? 'incomplete';
		if (scenario.module.instrument) {
			// An instrument is completed without a score (tracking/report.ts).
			expect(s[edition === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.completion_status']).toBe('completed');
			expect(s[edition === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.scaled'] ?? '').toBe('');
		} else if (edition === 'scorm12') {
			expect(s['cmi.core.lesson_status']).toBe(score.passed ? 'passed' : failPolicy);
			if (score.passed) expect(s['cmi.core.score.raw']).toBe(String(score.percent));
			expect(s['cmi.core.session_time']).toMatch(SESSION_TIME.scorm12);
			expect(s['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
		} else {
			expect(s['cmi.completion_status']).toBe(score.passed || failPolicy === 'failed' ? 'completed' : 'incomplete');
			if (score.passed) expect(Number(s['cmi.score.scaled'])).toBe(score.percent / 100);
			expect(s['cmi.session_time']).toMatch(SESSION_TIME.scorm2004);
		}
		const list = interactions(s);
		expect(list).toHaveLength(decisions);
		expect(list.map((i) => i.id)).toEqual(restored.state.decisions.map((d) => d.node));

		// The pinned path, in hard-coded values (see PINNED).
		expect(Object.fromEntries(PINNED_KEYS[edition].map((key) => [key, s[key]]))).toEqual(pinned[edition]);
		expect({ count: list.length, first: list[0]?.id, last: list.at(-1)?.id }).toEqual(pinned.interactions);
		expect({ end: restored.state.path.at(-1), length: restored.state.path.length }).toEqual({ end: pinned.end, length: pinned.pathLength });
	});
}

test('screenshots of a packaged module in the LMS frame, at 360 and 1280 px, with the commit warning', async ({ browser }) => {
	test.skip(learnerModules.length === 0, 'no learner module in modules/ yet');
	test.setTimeout(120_000);
	const id = learnerModules[0];
	for (const width of [360, 1280]) {
		// A fresh profile per width, so each starts at the module's start page.
		const context = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 800 } });
		const page = await context.newPage();
		const frame = await launch(page, lms.origin, { edition: 'scorm12', moduleId: id, fault: 'commit-false' });
		await expect(frame.getByRole('button', { name: 'Begin de module' })).toBeVisible();
		await page.screenshot({ path: join(SCREENS, `start-${width}.png`) });
		await begin(frame);
		await takeStep(frame);
		await expect(frame.locator('[data-lms-problem="lms.commitFailed"]')).toBeVisible({ timeout: 15_000 });
		await page.screenshot({ path: join(SCREENS, `commit-warning-${width}.png`) });
		await context.close();
	}
	console.log(`Screenshots in ${relative(process.cwd(), SCREENS)}`);
});
