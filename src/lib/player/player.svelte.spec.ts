import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadLocale, loadModule } from '$lib/engine';
import type { CatalogueEntry, ModuleSource } from '$lib/content/module-source';
import { I18n, type LanguageMemory } from '$lib/i18n/i18n.svelte';
import { MemoryProgressRepository, type AttemptRecord } from '$lib/storage/progress-repository';
import { readModuleFiles, MODULES_DIR } from '../../../tests/helpers/load-from-disk';
import { Player } from './player.svelte';

const memory: LanguageMemory = { load: () => null, save: () => {}, clear: () => {} };
const demoFiles = readModuleFiles(join(MODULES_DIR, 'demo'));
const source: ModuleSource = {
	catalogue: async () => [] as CatalogueEntry[],
	load: async () => loadModule(demoFiles),
	fileUrl: (id, path) => `modules/${id}/${path}`
};

function setup(repository = new MemoryProgressRepository({ persistent: true })) {
	let now = 1_000_000;
	const clock = { tick: (ms: number) => (now += ms) };
	const player = new Player({ source, repository, i18n: new I18n(memory), now: () => now });
	return { player, repository, clock };
}

describe('Player', () => {
	it('shows the start page for a new module, then saves every step at once', async () => {
		const { player, repository } = setup();
		await player.open('demo');
		expect(player.view.kind).toBe('start');
		await player.begin();
		expect(player.state?.node).toBe('welcome');
		await player.continue();
		await player.continue();
		await player.choose('talk');
		const [saved] = await repository.list('demo');
		expect(saved).toMatchObject({ status: 'active', percent: 33, passed: false });
		expect((saved.state as { node: string; feedbackPending: boolean }).node).toBe('talk-outcome');
		expect((saved.state as { feedbackPending: boolean }).feedbackPending).toBe(true);
	});

	it('resumes exactly where the learner was, with the same score', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const first = setup(repository).player;
		await first.open('demo');
		await first.begin();
		await first.continue();
		await first.continue();
		await first.choose('buddy');
		await first.acknowledge();
		const again = setup(repository).player;
		await again.open('demo');
		expect(again.view.kind).toBe('play');
		expect(again.resumed).toBe(true);
		expect(again.state).toMatchObject({ node: 'buddy-outcome', score: 1, feedbackPending: false });
	});

	it('gives each attempt its own order of options, keeps it on resume, and a new attempt draws a new one', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const first = setup(repository).player;
		await first.open('demo');
		await first.begin();
		const seed = first.state!.shuffleSeed;
		expect(seed).toBeTypeOf('number');
		await first.continue();
		await first.continue();
		const order = first.scenario!.displayOrder(first.state!, 'first-evening');
		const again = setup(repository).player;
		await again.open('demo');
		expect(again.state!.shuffleSeed).toBe(seed);
		expect(again.scenario!.displayOrder(again.state!, 'first-evening')).toEqual(order);
		// Starting again draws a new seed (two attempts with the same one are a one-in-two-billion chance).
		const seeds = new Set([seed]);
		for (let i = 0; i < 3; i++) {
			await again.begin();
			seeds.add(again.state!.shuffleSeed);
		}
		expect(seeds.size).toBe(4);
	});

	it('counts active time only, capped for a learner who walked away', async () => {
		const { player, clock } = setup();
		await player.open('demo');
		await player.begin();
		clock.tick(30_000);
		await player.continue();
		expect(player.state?.timeMs).toBe(30_000);
		await player.pageHidden();
		clock.tick(3_600_000); // an hour away with the tab hidden
		player.pageVisible();
		clock.tick(5_000);
		await player.continue();
		expect(player.state?.timeMs).toBe(35_000);
		clock.tick(5 * 3_600_000); // left visible overnight
		await player.choose('talk');
		expect(player.state?.timeMs).toBe(35_000 + 15 * 60_000);
	});

	it('start again keeps the earlier attempt and marks the unfinished one abandoned', async () => {
		const { player, repository } = setup();
		await player.open('demo');
		await player.begin();
		await player.continue();
		await player.begin();
		const attempts = await repository.list('demo');
		expect(attempts.map((a) => a.status).sort()).toEqual(['abandoned', 'active']);
		expect(player.state?.node).toBe('welcome');
	});

	it('offers a restart for an unreadable record and sets it aside', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const broken: AttemptRecord = { moduleId: 'demo', moduleVersion: '1.0.0', status: 'active', state: { nonsense: true }, progress: 0, percent: 0, passed: false, startedAt: 1, updatedAt: 1 };
		await repository.save(broken);
		const { player } = setup(repository);
		await player.open('demo');
		expect(player.view).toMatchObject({ kind: 'unreadable', reason: 'corrupt' });
		await player.begin();
		expect(player.view.kind).toBe('play');
		expect(repository.setAsideRecords).toHaveLength(1);
		expect((await repository.list('demo')).every((a) => (a.state as { node?: string }).node === 'welcome')).toBe(true);
	});

	it('keeps playing and says so when storage fails', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		repository.save = async () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		const { player } = setup(repository);
		await player.open('demo');
		await player.begin();
		// A full disk gets its own message: the learner can do something about it.
		expect(player.storageProblem).toBe('player.storageFull');
		await player.continue();
		expect(player.state?.node).toBe('meet-sam');
		repository.save = async () => {
			throw new Error('disk on fire');
		};
		await player.continue();
		expect(player.storageProblem).toBe('player.storageFailed');
	});

	it('a second tab that saved newer progress is never overwritten; this tab is told and can take over', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const first = setup(repository).player;
		await first.open('demo');
		await first.begin();
		await first.continue();
		const second = setup(repository).player;
		await second.open('demo');
		expect(second.state?.node).toBe('meet-sam');
		await second.continue();
		// The first tab still shows meet-sam; its next step must not replace the newer progress.
		await first.continue();
		expect(first.otherTab).toBe(true);
		expect(((await repository.latest('demo'))?.state as { node: string }).node).toBe(second.state?.node);
		await first.pageHidden();
		expect(((await repository.latest('demo'))?.state as { node: string }).node).toBe(second.state?.node);
		await first.takeOver();
		expect(first.otherTab).toBe(false);
		expect(first.state?.node).toBe(second.state?.node);
		await first.choose('talk');
		expect(((await repository.latest('demo'))?.state as { node: string; feedbackPending: boolean }).feedbackPending).toBe(true);
		expect(await repository.list('demo')).toHaveLength(1);
	});

	it('fetches only the texts of the language shown, and another language when the learner switches', async () => {
		const fetched: string[] = [];
		const oneLanguage: ModuleSource = {
			...source,
			load: async (_id, language) => {
				fetched.push(language ?? 'all');
				return loadModule({ moduleJson: demoFiles.moduleJson, locales: { [language!]: demoFiles.locales[language!] } }, { languages: [language!] });
			},
			loadTexts: async (module, language) => {
				fetched.push(language);
				return loadLocale(module, language, demoFiles.locales[language]);
			}
		};
		const i18n = new I18n(memory);
		const player = new Player({ source: oneLanguage, repository: new MemoryProgressRepository({ persistent: true }), i18n });
		await player.open('demo');
		expect(player.textLanguages).toEqual(['nl']);
		await i18n.setLanguage('en');
		await player.useLanguage('en');
		await player.useLanguage('en');
		expect(player.textLanguages).toEqual(['nl', 'en']);
		expect(fetched).toEqual(['nl', 'en']);
		expect(i18n.tm('demo', 'meta.title', { lng: 'en' })).not.toBe('meta.title');
	});

	it('an older load that finishes last does not replace the newer one', async () => {
		// The first open (of a module that turns out broken) answers late, after a second open of a
		// good module has finished and the learner has begun.
		let release!: () => void;
		const late = new Promise<void>((resolve) => (release = resolve));
		let calls = 0;
		const broken = () => loadModule({ moduleJson: '{"formatVersion": 1', locales: {} });
		const slowFirst: ModuleSource = { ...source, load: async (id, lang) => (calls++ === 0 ? late.then(broken) : source.load(id, lang)) };
		const repository = new MemoryProgressRepository({ persistent: true });
		const player = new Player({ source: slowFirst, repository, i18n: new I18n(memory), now: () => 1_000_000 });
		const first = player.open('demo');
		await player.open('demo');
		await player.begin();
		await player.continue();
		release();
		await first;
		expect(player.view.kind).toBe('play');
		expect(player.state?.node).toBe('meet-sam');
	});

	it('two tabs that begin the same new module make one attempt; the later one carries on with it and is told', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const a = setup(repository);
		const b = setup(repository);
		await a.player.open('demo');
		await b.player.open('demo');
		await a.player.begin();
		a.clock.tick(1000);
		await a.player.continue();
		b.clock.tick(2000);
		await b.player.begin();
		expect(b.player.state?.node).toBe('meet-sam');
		expect(b.player.notice).toEqual({ key: 'player.startedElsewhere', step: b.player.stepCount });
		expect((await repository.list('demo')).map((r) => r.status)).toEqual(['active']);
	});

	it('refuses a second new active attempt in the same transaction, but not another learner\'s or a restart', async () => {
		const repository = new MemoryProgressRepository({ persistent: true });
		const record = { moduleId: 'demo', moduleVersion: '1.0.0', status: 'active', state: {}, progress: 0, percent: 0, passed: false, startedAt: 5, updatedAt: 5 } as AttemptRecord;
		const id = await repository.startAttempt(record, undefined);
		await expect(repository.startAttempt({ ...record, updatedAt: 6 }, undefined)).rejects.toMatchObject({ name: 'AttemptExistsError', id });
		// Known to the caller (seen at updatedAt 5): a restart after it is allowed.
		await expect(repository.startAttempt({ ...record, updatedAt: 7 }, 5)).resolves.toBeTypeOf('number');
		await expect(repository.startAttempt({ ...record, learnerId: 'x', updatedAt: 8 }, 7)).resolves.toBeTypeOf('number');
	});

	it('shows a broken module as issues instead of throwing', async () => {
		const player = new Player({
			source: { ...source, load: async () => loadModule({ moduleJson: '{"formatVersion": 1', locales: {} }) },
			repository: new MemoryProgressRepository(),
			i18n: new I18n(memory)
		});
		await player.open('demo');
		expect(player.view.kind).toBe('broken');
		expect(player.storageProblem).toBe('player.storageUnavailable');
	});
});
