// Node (no DOM): every text of every shipped module renders as marked renders it. Apart from
// markdown.spec.ts because it depends on the modules' texts, not on the renderer alone: the
// mutation run (tests/mutation/vitest.config.ts) leaves it out, so a text that marked and the
// renderer read differently cannot stop that run from starting.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

/** marked with headings one level down, as ours. */
const marked = new Marked({ gfm: true, walkTokens: (t) => void (t.type === 'heading' && (t.depth = Math.min(6, t.depth + 1))) });
const normal = (html: string) => html.replace(/>\s+</g, '><').replace(/\s+</g, '<').replace(/>\s+/g, '>').trim();
const same = (text: string) => [normal(renderMarkdown(text, (p) => p)), normal(marked.parse(text) as string)];

function shippedTexts(): [string, string][] {
	const root = join(import.meta.dirname, '..', '..', '..', 'modules');
	const texts: [string, string][] = [];
	const walk = (value: unknown, where: string) => {
		if (typeof value === 'string') texts.push([where, value]);
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
	};
	for (const id of readdirSync(root)) {
		const dir = join(root, id, 'locales');
		if (existsSync(dir)) for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), `${id}/locales/${file}`);
	}
	return texts;
}

describe('renderMarkdown renders as marked does', () => {
	it('for every text of every shipped module', () => {
		const different = shippedTexts()
			.map(([where, text]) => {
				const [ours, theirs] = same(text);
				return { where, text, ours, marked: theirs };
			})
			.filter((d) => d.ours !== d.marked);
		expect(different.slice(0, 3)).toEqual([]);
	});
});
