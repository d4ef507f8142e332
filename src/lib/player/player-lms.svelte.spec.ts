// The Player with a SCORM tracker: what the learner sees when the LMS has a record, has none, is
// another learner's device, or fails; against the strict fake LMS (tests/helpers/strict-scorm.ts).
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { join } from 'node:path';
import { loadModule, type LearnerAction } from '$lib/engine';
import type { CatalogueEntry, ModuleSource } from '$lib/content/module-source';
import { I18n, type LanguageMemory } from '$lib/i18n/i18n.svelte';
import { MemoryProgressRepository } from '$lib/storage/progress-repository';
import { Scorm12Tracker } from '$lib/tracking/scorm12';
import { Scorm2004Tracker } from '$lib/tracking/scorm2004';
import { readModuleFiles, MODULES_DIR } from '../../../tests/helpers/load-from-disk';
import { DEMO_WORST as WORST } from '../../../tests/helpers/demo-paths';
import { interactionsOf, moodleRelaunch, strictScorm12, strictScorm2004 } from '../../../tests/helpers/strict-scorm';
import { Player } from './player.svelte';

const memory: LanguageMemory = { load: () => null, save: () => {}, clear: () => {} };
const demoFiles = readModuleFiles(join(MODULES_DIR, 'demo'));
const source: ModuleSource = {
	catalogue: async () => [] as CatalogueEntry[],
	load: async () => loadModule(demoFiles),
	fileUrl: (id, path) => `modules/${id}/${path}`
};
const quiet = { log: () => {} };

function player(tracker: Scorm12Tracker | Scorm2004Tracker | undefined, repository = new MemoryProgressRepository({ persistent: true }), now = 1_700_000_000_000) {
	return { player: new Player({ source, repository, i18n: new I18n(memory), tracker, now: () => (now += 1000) }), repository };
}

/** Plays the demo to the quiz on the best path. */
async function toQuiz(p: Player) {
	await p.begin();
	await p.continue();
	await p.continue();
	await p.choose('talk');
	await p.acknowledge();
	await p.continue();
	await p.continue();
	await p.choose('ask');
	await p.acknowledge();
}

describe('Player with an LMS', () => {
	it('resumes from the LMS on a new device (empty local storage) and keeps the LMS record going', async () => {
		const first = strictScorm12();
		const a = player(new Scorm12Tracker(first.api, quiet));
		await a.player.open('demo');
		await toQuiz(a.player);
		await a.player.pageLeft(false);
		expect(first.lms.counts.terminate).toBe(1);

		const relaunch = { ...Object.fromEntries(first.lms.committed), 'cmi.core.entry': 'resume' };
		const second = strictScorm12(relaunch);
		const b = player(new Scorm12Tracker(second.api, quiet));
		await b.player.open('demo');
		expect(b.player.view.kind).toBe('play');
		expect(b.player.state).toMatchObject({ node: 'quiz-signals', score: 4 });
		// The device now has it too.
		expect((await b.repository.list('demo'))[0]).toMatchObject({ status: 'active', learnerId: 'learner-1' });
		await b.player.answer(['b']);
		// Appended after the first session's two, which the LMS kept; those are not sent again.
		expect(interactionsOf(second.lms.committed).map((i) => i.id)).toEqual(['first-evening', 'sam-returns', 'quiz-signals']);
		expect(second.lms.calls.filter((c) => c.startsWith('Set cmi.interactions.0.'))).toEqual([]);
		expect(second.lms.violations).toEqual([]);
	});

	it('lets the LMS record win when the device has a different state of the same module', async () => {
		const lmsSide = strictScorm2004();
		const a = player(new Scorm2004Tracker(lmsSide.api, quiet));
		await a.player.open('demo');
		await a.player.begin();
		await a.player.continue();
		await a.player.pageLeft(false);
		// Later, on this device without the LMS, the learner went further.
		const offline = player(undefined, a.repository);
		await offline.player.open('demo');
		await offline.player.continue();
		await offline.player.choose('wait');
		expect(offline.player.state?.node).toBe('wait-outcome');

		const back = strictScorm2004({ ...Object.fromEntries(lmsSide.lms.committed), 'cmi.entry': 'resume' });
		const c = player(new Scorm2004Tracker(back.api, quiet), a.repository);
		await c.player.open('demo');
		expect(c.player.state?.node).toBe('meet-sam');
	});

	it('on a shared device, does not hand one LMS learner another learner\'s progress or results', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const lisa = player(new Scorm12Tracker(strictScorm12({ 'cmi.core.student_id': 'lisa' }).api, quiet), repository);
		await lisa.player.open('demo');
		await toQuiz(lisa.player);
		const sam = player(new Scorm12Tracker(strictScorm12({ 'cmi.core.student_id': 'sam' }).api, quiet), repository);
		await sam.player.open('demo');
		expect(sam.player.view.kind).toBe('start');
		expect(sam.player.history).toEqual([]);
		// Standalone use of the device is unchanged: the catalogue's own progress shows.
		const standalone = player(undefined, repository);
		await standalone.player.open('demo');
		expect(standalone.player.state?.node).toBe('quiz-signals');
	});

	it('shows the LMS problem as it happens, and clears it when the LMS saves again', async () => {
		const { api, lms } = strictScorm12();
		let retry: (() => void) | undefined;
		const tracker = new Scorm12Tracker(api, { ...quiet, retryDelays: [], setTimer: (run) => ((retry = run), 1), clearTimer: () => (retry = undefined) });
		const { player: p } = player(tracker);
		await p.open('demo');
		lms.faults.commitFailures = Infinity;
		await p.begin();
		flushSync();
		expect(p.lmsProblem).toBe('lms.commitFailed');
		lms.faults.commitFailures = 0;
		retry?.();
		expect(p.lmsProblem).toBeNull();
		expect(lms.committed.get('cmi.core.lesson_location')).toBe('welcome');
	});

	it('ends the LMS session only when the page goes for good, not when it is kept for back/forward', async () => {
		const { api, lms } = strictScorm12();
		const { player: p } = player(new Scorm12Tracker(api, quiet));
		await p.open('demo');
		await p.begin();
		await p.pageLeft(true);
		expect(lms.counts.terminate).toBe(0);
		await p.pageLeft(false);
		await p.pageLeft(false);
		expect(lms.counts.terminate).toBe(1);
	});

	it('ends the LMS session also when the learner leaves from the start page', async () => {
		const { api, lms } = strictScorm2004();
		const { player: p } = player(new Scorm2004Tracker(api, quiet));
		await p.open('demo');
		expect(p.view.kind).toBe('start');
		await p.pageLeft(false);
		expect(lms.counts.terminate).toBe(1);
		expect(lms.committed.get('cmi.completion_status')).toBe('incomplete');
	});

	it('says the LMS record cannot be read (another version) and lets the learner start again', async () => {
		const { api, lms } = strictScorm12({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'K1~zzzz~1~0~0~0~0~0~' });
		const { player: p } = player(new Scorm12Tracker(api, quiet));
		await p.open('demo');
		expect(p.view).toMatchObject({ kind: 'unreadable', reason: 'incompatible' });
		await p.begin();
		expect(p.state?.node).toBe('welcome');
		expect(lms.committed.get('cmi.suspend_data')).toMatch(/^K1~/);
		expect(lms.committed.get('cmi.suspend_data')).not.toContain('zzzz');
	});

	it('2004: an open answer written while reading the module in English reaches the LMS tagged {lang=en}', async () => {
		const { api, lms } = strictScorm2004();
		const i18n = new I18n(memory);
		await i18n.setLanguage('en');
		let now = 1_700_000_000_000;
		const p = new Player({ source, repository: new MemoryProgressRepository({ persistent: true }), i18n, tracker: new Scorm2004Tracker(api, quiet), now: () => (now += 1000) });
		await p.open('demo');
		await toQuiz(p);
		for (const action of [
			{ type: 'answer', answers: ['b'] },
			{ type: 'answer', answers: ['a'] },
			{ type: 'reflect', text: 'Listening first.' },
			{ type: 'evaluate', evaluation: { rating: 4, useful: 'The case of Sam.', better: '' } }
		] satisfies LearnerAction[]) {
			await p.act(action);
			if (p.state?.feedbackPending) await p.acknowledge();
		}
		expect(p.state?.completedAt).toBeDefined();
		const open = interactionsOf(lms.committed, 'evaluation').filter((i) => i.type === 'long-fill-in');
		expect(open.map((i) => i.learner_response)).toEqual(['{lang=en}The case of Sam.']);
	});

	describe('as Moodle 4.5 relaunches (issue 13)', () => {

		async function playThrough(p: Player, actions: LearnerAction[]) {
			await p.begin();
			for (const action of actions) {
				await p.act(action);
				if (p.state?.feedbackPending) await p.acknowledge();
			}
		}
		const lmsFor = (edition: '1.2' | '2004', initial?: Record<string, string>) => {
			const { api, lms } = edition === '1.2' ? strictScorm12(initial) : strictScorm2004(initial);
			return { lms, tracker: edition === '1.2' ? new Scorm12Tracker(api as never, quiet) : new Scorm2004Tracker(api as never, quiet) };
		};

		it('a new LMS attempt from an LMS that names no learner: begins afresh, not with the unfinished attempt on the device', async () => {
			const repository = new MemoryProgressRepository({ persistent: true });
			const first = strictScorm12({ 'cmi.core.student_id': '' });
			const a = player(new Scorm12Tracker(first.api, quiet), repository);
			await a.player.open('demo');
			await toQuiz(a.player);
			await a.player.pageLeft(false);
			const fresh = strictScorm12({ 'cmi.core.student_id': '', ...moodleRelaunch(first.lms, { newAttempt: true }) });
			const b = player(new Scorm12Tracker(fresh.api, quiet), repository, 1_800_000_000_000);
			await b.player.open('demo');
			expect(b.player.view.kind).toBe('start');
			await b.player.begin();
			expect(b.player.state?.node).toBe('welcome');
			expect((await repository.list('demo')).map((r) => r.status)).toEqual(['active', 'abandoned']);
		});

		for (const edition of ['1.2', '2004'] as const) {
			it(`${edition}: after a failed attempt, another device opens on the result, and a retry is appended in the same LMS attempt`, async () => {
				const first = lmsFor(edition);
				const a = player(first.tracker);
				await a.player.open('demo');
				await playThrough(a.player, WORST);
				expect(a.player.state).toMatchObject({ node: 'end-practice', completedAt: expect.any(Number) });
				await a.player.pageLeft(false);

				const second = lmsFor(edition, moodleRelaunch(first.lms));
				const b = player(second.tracker);
				await b.player.open('demo');
				expect(b.player.view.kind).toBe('play');
				expect(b.player.state).toMatchObject({ node: 'end-practice', completedAt: expect.any(Number) });
				await b.player.begin();
				await b.player.continue();
				await b.player.continue();
				await b.player.choose('talk');
				expect(interactionsOf(second.lms.committed).map((i) => i.id)).toEqual(['first-evening', 'sam-stays-away', 'quiz-signals', 'quiz-approaches', 'first-evening']);
				expect(second.lms.violations).toEqual([]);
			});

			it(`${edition}: a new LMS attempt starts at the beginning although the device has the last one; that one stays in the history`, async () => {
				const repository = new MemoryProgressRepository({ persistent: true });
				const first = lmsFor(edition);
				const a = player(first.tracker, repository);
				await a.player.open('demo');
				await playThrough(a.player, WORST);
				// Then started again, halfway through a practice run when the LMS attempt ends.
				await a.player.begin();
				await a.player.continue();
				await a.player.pageLeft(false);

				const fresh = lmsFor(edition, moodleRelaunch(first.lms, { newAttempt: true }));
				const b = player(fresh.tracker, repository, 1_800_000_000_000);
				await b.player.open('demo');
				expect(b.player.view.kind).toBe('start');
				expect(b.player.history.map((r) => r.status)).toEqual(['active', 'completed']);
				// The practice run is set aside: no later launch continues it.
				expect((await repository.list('demo')).map((r) => r.status)).toEqual(['abandoned', 'completed']);
				expect(fresh.lms.calls.filter((c) => c.startsWith('Set cmi.suspend_data'))).toEqual([]);
				await b.player.begin();
				expect(b.player.state?.node).toBe('welcome');
				const status = edition === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
				expect(fresh.lms.committed.get(status)).toBe('incomplete');
				expect(interactionsOf(fresh.lms.committed)).toEqual([]);

				// Resumed later without suspend_data (left before beginning): still not the set-aside run.
				const later = lmsFor(edition, { [edition === '1.2' ? 'cmi.core.entry' : 'cmi.entry']: 'resume' });
				const c = player(later.tracker, repository, 1_900_000_000_000);
				await c.player.open('demo');
				expect(c.player.state?.node).toBe('welcome');
			});
		}
	});
});
