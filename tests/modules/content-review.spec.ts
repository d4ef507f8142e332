// Reviewer checks on the learner texts that an accreditation reviewer would trip over and that a
// machine can see: a knowledge check answered by recognising a sentence from a theory page (recall,
// not application), and English possessives on Dutch names ("Sem's" is "Sems" or "van Sem").
import { describe, expect, it } from 'vitest';
import { flattenLocale } from '../../src/lib/engine';
import { loadShipped, shippedModuleIds } from '../helpers/load-from-disk';

const RUN = 5;

function words(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean);
}

function runsOf(text: string): Set<string> {
	const w = words(text);
	const runs = new Set<string>();
	for (let i = 0; i + RUN <= w.length; i++) runs.add(w.slice(i, i + RUN).join(' '));
	return runs;
}

describe.each(shippedModuleIds())('texts of %s', (id) => {
	const { module, locales } = loadShipped(id);
	const states = Object.entries(module.machine.states) as unknown as [string, { meta?: Record<string, unknown> }][];

	it.each(module.languages)('%s: no correct quiz answer repeats five words in a row from a theory page', (lang) => {
		const flat = flattenLocale(locales[lang]);
		const pageRuns = new Set<string>();
		for (const [node, state] of states)
			if (state.meta?.kind === 'content') for (const run of runsOf(String(flat.get(`nodes.${node}.body`) ?? ''))) pageRuns.add(run);
		const echoes: string[] = [];
		for (const [node, state] of states) {
			if (state.meta?.kind !== 'quiz') continue;
			for (const answer of state.meta.correct as string[]) {
				// "Concept: what it means" — the concept's own name may of course appear on a page.
				const label = String(flat.get(`nodes.${node}.answers.${answer}.label`) ?? '').replace(/^[^:]{1,40}:/, '');
				for (const run of runsOf(label)) if (pageRuns.has(run)) echoes.push(`${node}.${answer}: "${run}"`);
			}
		}
		expect(echoes).toEqual([]);
	});

	it.runIf(module.languages.includes('nl'))('nl: no English possessive on a name that ends in a consonant', () => {
		const wrong: string[] = [];
		for (const [key, value] of flattenLocale(locales.nl))
			for (const match of String(value).matchAll(/\b\p{Lu}\p{Ll}*[bcdfghjklmnpqrstvwxz]['’]s\b/gu)) wrong.push(`${key}: ${match[0]}`);
		expect(wrong).toEqual([]);
	});
});
