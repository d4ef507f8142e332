// Node (no DOM): the renderer's own HTML (layer 1) compared with marked's, the library it replaced.
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
	it.each([
		['paragraphs and soft line breaks', 'Een\ntwee\n\nDrie  \nvier\\\nvijf'],
		['emphasis', '**vet**, __vet__, *schuin*, _schuin_, ~~weg~~, `code <b>`, snake_case_naam, 2 * 3 * 4'],
		['lists', '- een\n- twee\n  - twee a\n  - twee b\n- drie\n\n1. eerste\n2. tweede\n\n3. derde'],
		['a loose list', '- een\n\n- twee\n\n  met een tweede alinea'],
		['a numbered list from 3', '3) drie\n4) vier'],
		['headings, quotes, rules and code', '## Kop 2\n\n> Een citaat\n> over **twee** regels\n\n---\n\n```\nconst a = 1 < 2;\n```'],
		['links and images', 'Zie [de bron](https://example.org/x "Titel"), <https://example.org>, https://example.org/y en ![Alt *tekst*](media/a.png)'],
		['escapes and entities', '\\*geen nadruk\\*, a &amp; b, &eacute;, 5 > 3 < 4, "quotes" en \'enkel\'']
	])('%s', (_name, text) => {
		const [ours, theirs] = same(text);
		expect(ours).toBe(theirs);
	});

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
