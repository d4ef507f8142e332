// Small modules for the checker's specs, built in code: a chart of a few nodes, and a texts file
// with a text for every key it needs, so only the rule under test speaks. Types only from the
// engine: the specs load the engine itself in beforeEach, not at collection (README.md, "Mutation
// testing").
import type { ModuleDefinition, StateConfig } from '../../src/lib/engine';

export const contentNode = (next: string): StateConfig => ({ meta: { kind: 'content' }, on: { continue: next } });
export const endNode: StateConfig = { type: 'final', meta: { kind: 'end' } };

/** A module in English with this chart (starting at `start`), 1 study minute and no mastery score unless given. */
export const moduleOf = (id: string, states: Record<string, StateConfig>, extra: Partial<ModuleDefinition> = {}): ModuleDefinition => ({
	formatVersion: 1,
	id,
	version: '1.0.0',
	languages: ['en'],
	title: 'meta.title',
	description: 'meta.description',
	studyMinutes: 1,
	masteryScore: 0,
	sources: [],
	machine: { id, initial: 'start', states },
	...extra
});

/** A texts file (JSON) with a text for each key (`a.b.c` nested), `textOf(key)` unless given in `texts`. */
export function localeJson(keys: Iterable<string>, textOf: (key: string) => string, texts: Record<string, string> = {}): string {
	const locale: Record<string, unknown> = {};
	for (const key of [...keys, ...Object.keys(texts)]) {
		const parts = key.split('.');
		let at = locale;
		for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
		at[parts[parts.length - 1]] = texts[key] ?? textOf(key);
	}
	return JSON.stringify(locale, null, '\t');
}
