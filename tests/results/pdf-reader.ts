// Test helper: reads back what our PDF writer wrote, independently of it: checks the file's
// structure (header, cross-reference offsets, trailer) and extracts the text shown on each page.
import { fromWinAnsi } from '../../src/lib/results/pdf';

export interface ReadPdf {
	version: string;
	pages: number;
	/** Text drawn on each page, one entry per text operation, in drawing order. */
	texts: string[][];
	/** Problems with the file's structure; empty for a sound file. */
	problems: string[];
	info: Record<string, string>;
}

function unescape(literal: string): number[] {
	const bytes: number[] = [];
	for (let i = 0; i < literal.length; i++) {
		const ch = literal[i];
		if (ch !== '\\') {
			bytes.push(ch.charCodeAt(0));
			continue;
		}
		const next = literal[++i];
		const oct = /^[0-7]{1,3}/.exec(literal.slice(i));
		if (oct) {
			bytes.push(parseInt(oct[0], 8));
			i += oct[0].length - 1;
		} else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
	}
	return bytes;
}

function utf16(hex: string): string {
	let out = '';
	for (let i = 4; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
	return out;
}

export function readPdf(bytes: Uint8Array): ReadPdf {
	const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
	const problems: string[] = [];
	const version = /^%PDF-(\d\.\d)/.exec(text)?.[1] ?? '';
	if (!version) problems.push('no %PDF header');
	const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? NaN);
	if (!text.startsWith('xref', startxref)) problems.push(`startxref ${startxref} does not point at the xref table`);
	const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text.slice(startxref));
	const objects = new Map<number, string>();
	if (!table) problems.push('no xref table');
	else {
		const rows = table[2].trim().split('\n');
		if (rows.length !== Number(table[1])) problems.push(`xref says ${table[1]} entries, has ${rows.length}`);
		rows.slice(1).forEach((row, i) => {
			const offset = Number(row.slice(0, 10));
			const head = `${i + 1} 0 obj`;
			if (!text.startsWith(head, offset)) problems.push(`object ${i + 1}: xref offset ${offset} does not point at "${head}"`);
			const end = text.indexOf('endobj', offset);
			objects.set(i + 1, text.slice(offset + head.length, end));
		});
	}
	const pageObjects = [...objects.values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o));
	const texts = pageObjects.map((page) => {
		const contentRef = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1]);
		const obj = objects.get(contentRef) ?? '';
		const length = Number(/\/Length (\d+)/.exec(obj)?.[1]);
		const stream = /stream\n([\s\S]*)\nendstream/.exec(obj)?.[1] ?? '';
		if (stream.length !== length) problems.push(`content stream ${contentRef}: /Length ${length} but ${stream.length} bytes`);
		return [...stream.matchAll(/\(((?:\\[\s\S]|[^\\)])*)\)\s*Tj/g)].map((m) => fromWinAnsi(unescape(m[1])));
	});
	const infoRef = Number(/\/Info (\d+) 0 R/.exec(text.slice(startxref))?.[1]);
	const info: Record<string, string> = {};
	for (const m of (objects.get(infoRef) ?? '').matchAll(/\/(\w+) <(FEFF[0-9A-F]*)>/g)) info[m[1]] = utf16(m[2]);
	return { version, pages: pageObjects.length, texts, problems, info };
}
