import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModule } from '$lib/engine';
import type { CatalogueEntry, ModuleSource } from '$lib/content/module-source';
import { I18n, type LanguageMemory } from '$lib/i18n/i18n.svelte';
import { MODULES_DIR, readModuleFiles } from '../../../tests/helpers/load-from-disk';
import { GROUP_FIGURES, tenFiles } from '../../../tests/results/group-files';
import { parseCsv } from './csv';
import { TrainerBoard, type FileLike } from './trainer-board.svelte';

const memory: LanguageMemory = { load: () => null, save: () => {}, clear: () => {} };
const demoFiles = readModuleFiles(join(MODULES_DIR, 'demo'));

function setup(available = true) {
	const loads: string[] = [];
	const source: ModuleSource = {
		catalogue: async () => [] as CatalogueEntry[],
		load: async (id) => {
			loads.push(id);
			if (!available) throw new Error('offline');
			return id === 'demo' ? loadModule(demoFiles) : { ok: false, issues: [] };
		},
		fileUrl: (id, path) => `modules/${id}/${path}`
	};
	const i18n = new I18n(memory);
	return { board: new TrainerBoard({ source, i18n }), i18n, loads };
}

const asFiles = (files: { name: string; text: string }[]): FileLike[] => files.map((f) => ({ name: f.name, size: f.text.length, text: async () => f.text }));

describe('TrainerBoard', () => {
	it('reads the files, loads the module once for its labels, and counts the group', async () => {
		const { board, loads } = setup();
		await board.add(asFiles(tenFiles()));
		const { overview, problems } = board.analysis;
		expect(overview).toMatchObject({ total: GROUP_FIGURES.included, finished: GROUP_FIGURES.finished, passed: GROUP_FIGURES.passed, labelsFromModule: true });
		expect(problems.map((p) => p.kind).sort()).toEqual(['not-json', 'other-module']);
		await board.loadLabels();
		expect(loads).toEqual(['demo']);
	});

	it('reports a file too large to be a result file, and one that cannot be read, and goes on', async () => {
		const { board } = setup();
		const huge: FileLike = { name: 'video.json', size: 50 * 1024 * 1024, text: async () => { throw new Error('should not be read'); } };
		const unreadable: FileLike = { name: 'gone.json', size: 10, text: async () => { throw new Error('NotReadableError'); } };
		await board.add([huge, unreadable, ...asFiles(tenFiles().slice(0, 2))]);
		expect(board.analysis.problems.map((p) => [p.file, p.kind])).toEqual([['video.json', 'too-big'], ['gone.json', 'not-json']]);
		expect(board.analysis.overview?.total).toBe(2);
	});

	it('works offline from the labels in the files', async () => {
		const { board } = setup(false);
		await board.add(asFiles(tenFiles()));
		expect(board.analysis.overview).toMatchObject({ total: 8, labelsFromModule: false });
	});

	it('switches to another module in the files and back, and clears everything', async () => {
		const { board } = setup();
		await board.add(asFiles(tenFiles()));
		await board.show('polarisatie-naar-verbinding');
		expect(board.analysis.overview).toMatchObject({ module: { id: 'polarisatie-naar-verbinding' }, total: 1, labelsFromModule: false });
		await board.show('demo');
		expect(board.analysis.overview?.module.id).toBe('demo');
		board.clear();
		expect(board.analysis).toEqual({ overview: null, problems: [] });
	});

	it('exports CSV with ; in Dutch and , in English', async () => {
		const { board, i18n } = setup();
		await board.add(asFiles(tenFiles()));
		const nl = board.peopleCsv()!;
		expect(nl.name).toMatch(/^demo-deelnemers-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(parseCsv(nl.data, ';')[0].slice(0, 2)).toEqual(['Bestand', 'Naam']);
		await i18n.setLanguage('en');
		await board.loadLabels();
		const en = board.choicesCsv()!;
		const rows = parseCsv(en.data, ',');
		expect(rows[0]).toEqual(['Dilemma or question', 'Reached by', 'Choice', 'Count', 'Share (%)', 'Points']);
		expect(rows[1][0]).toBe('The first evening');
	});
});
