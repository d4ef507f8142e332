import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import nl from './locales/nl.json';

function keys(tree: object, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const leaf = (tree: object, key: string) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)?.[p], tree);

describe('the author view\u2019s strings', () => {
	it('exist in Dutch and in English, with the same keys and no empty text', () => {
		expect(keys(en).sort()).toEqual(keys(nl).sort());
		for (const k of keys(nl)) {
			expect(String(leaf(nl, k)).trim(), `nl ${k}`).not.toBe('');
			expect(String(leaf(en, k)).trim(), `en ${k}`).not.toBe('');
		}
	});

	it('cover every key the view asks for', () => {
		const dir = import.meta.dirname;
		const used = new Set<string>();
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.svelte') || f.endsWith('.svelte.ts'))) {
			const text = readFileSync(join(dir, file), 'utf8');
			for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z.]+)'/g)) used.add(m[1]);
			for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) used.add(`${m[1]}.`);
		}
		expect(used.size).toBeGreaterThan(30);
		const all = keys(nl);
		for (const key of used) {
			const known = key.endsWith('.') ? all.some((k) => k.startsWith(key)) : all.includes(key) || all.includes(`${key}_one`);
			expect(known, key).toBe(true);
		}
	});
});
