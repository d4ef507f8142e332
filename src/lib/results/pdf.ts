/**
 * A small PDF 1.4 writer: pages with text in the standard fonts, lines, rectangles, circles and
 * polygons. Enough for a certificate, and a few kilobytes instead of a PDF library that every
 * learner's phone would load (the app inlines all its JavaScript into index.html).
 *
 * Text uses the 14 standard fonts with WinAnsiEncoding, which covers Dutch and other Western
 * European accents (é, ë, ï, ó, ü, ĳ as "ij"), curly quotes, dashes and the euro sign; other
 * characters lose their accent or become "?". Content streams are left uncompressed and all bytes
 * above 127 are written as octal escapes, so the file is plain ASCII and easy to inspect.
 */
import { WIDTHS, type StandardFont } from './pdf-metrics';

export type { StandardFont } from './pdf-metrics';

/** Unicode code points of WinAnsiEncoding's codes 128–159 (PDF 1.7 annex D.2); 0 where unused. */
const WIN_ANSI_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
];
const FROM_UNICODE = new Map<number, number>(WIN_ANSI_HIGH.map((u, i) => [u, 128 + i] as [number, number]).filter(([u]) => u !== 0));
/** Characters WinAnsi lacks, written as what a reader expects instead. */
const SUBSTITUTES: Record<string, string> = { '\u0133': 'ij', '\u0132': 'IJ', '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2192': '->', '\u2713': 'v', '\u2264': '<=', '\u2265': '>=' };

/** Encodes text as WinAnsi bytes. Accents outside WinAnsi are dropped (ő → o); anything else becomes "?". */
export function toWinAnsi(text: string): number[] {
	const bytes: number[] = [];
	for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
		const code = ch.codePointAt(0)!;
		if ((code >= 32 && code <= 126) || (code >= 160 && code <= 255)) bytes.push(code);
		else if (FROM_UNICODE.has(code)) bytes.push(FROM_UNICODE.get(code)!);
		else if (SUBSTITUTES[ch]) bytes.push(...toWinAnsi(SUBSTITUTES[ch]));
		else {
			const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
			bytes.push(...(base !== ch && base.length > 0 ? toWinAnsi(base) : [63]));
		}
	}
	return bytes;
}

/** Decodes WinAnsi bytes back to text (for tests and tools that read our PDFs). */
export function fromWinAnsi(bytes: number[]): string {
	return bytes.map((b) => String.fromCodePoint(b >= 128 && b < 160 ? WIN_ANSI_HIGH[b - 128] || 0xfffd : b)).join('');
}

/** Width of a text in points. `charSpacing` is added after every character but the last. */
export function textWidth(text: string, font: StandardFont, size: number, charSpacing = 0): number {
	const widths = WIDTHS[font];
	const bytes = toWinAnsi(text);
	const units = bytes.reduce((sum, b) => sum + (b >= 32 ? widths[b - 32] : 0), 0);
	return (units * size) / 1000 + Math.max(0, bytes.length - 1) * charSpacing;
}

/** Breaks text into lines no wider than `maxWidth`; a single word that is too long gets a line of its own. */
export function wrapText(text: string, font: StandardFont, size: number, maxWidth: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split(/\n/)) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (line && textWidth(candidate, font, size) > maxWidth) {
				lines.push(line);
				line = word;
			} else line = candidate;
		}
		lines.push(line);
	}
	return lines;
}

export interface Paint {
	/** Fill colour, `#rrggbb`. */
	fill?: string;
	/** Stroke colour, `#rrggbb`. */
	stroke?: string;
	lineWidth?: number;
	/** Dash pattern in points, e.g. [3, 2]. */
	dash?: number[];
}

export interface TextOptions {
	font?: StandardFont;
	size?: number;
	color?: string;
	align?: 'left' | 'center' | 'right';
	/** Extra space between characters, in points (for spaced capitals). */
	charSpacing?: number;
}

const num = (n: number) => {
	const s = (Math.round(n * 1000) / 1000).toString();
	return s === '-0' ? '0' : s;
};

function rgb(hex: string): string {
	const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`Not a colour: ${hex} (write #rrggbb)`);
	return m.slice(1, 4).map((h) => num(parseInt(h, 16) / 255)).join(' ');
}

/** A PDF string literal of WinAnsi bytes, ASCII only: bytes above 126 as octal escapes. */
function pdfString(bytes: number[]): string {
	let out = '(';
	for (const b of bytes) {
		if (b === 40 || b === 41 || b === 92) out += `\\${String.fromCharCode(b)}`;
		else if (b < 32 || b > 126) out += `\\${b.toString(8).padStart(3, '0')}`;
		else out += String.fromCharCode(b);
	}
	return `${out})`;
}

/** One page; coordinates are in points from the bottom-left corner, as in PDF. */
export class PdfPage {
	private ops: string[] = [];
	readonly fonts = new Set<StandardFont>();

	constructor(
		readonly width: number,
		readonly height: number,
		private fontName: (font: StandardFont) => string
	) {}

	/** Writes one line of text with its baseline at y; x is its left, centre or right edge by `align`. */
	text(text: string, x: number, y: number, options: TextOptions = {}): this {
		const font = options.font ?? 'Helvetica';
		const size = options.size ?? 12;
		const spacing = options.charSpacing ?? 0;
		const width = textWidth(text, font, size, spacing);
		const left = options.align === 'center' ? x - width / 2 : options.align === 'right' ? x - width : x;
		this.fonts.add(font);
		this.ops.push(
			// Tc is always set: character spacing is text state, which outlives BT…ET (PDF 1.4, 5.2).
			`BT /${this.fontName(font)} ${num(size)} Tf ${num(spacing)} Tc ${rgb(options.color ?? '#000000')} rg ${num(left)} ${num(y)} Td ${pdfString(toWinAnsi(text))} Tj ET`
		);
		return this;
	}

	private paint(path: string, p: Paint): this {
		const parts = ['q'];
		if (p.fill) parts.push(`${rgb(p.fill)} rg`);
		if (p.stroke) parts.push(`${rgb(p.stroke)} RG ${num(p.lineWidth ?? 1)} w`);
		if (p.dash) parts.push(`[${p.dash.map(num).join(' ')}] 0 d`);
		parts.push(path, p.fill && p.stroke ? 'B' : p.fill ? 'f' : 'S', 'Q');
		this.ops.push(parts.join(' '));
		return this;
	}

	rect(x: number, y: number, width: number, height: number, paint: Paint): this {
		return this.paint(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re`, paint);
	}

	line(x1: number, y1: number, x2: number, y2: number, paint: Omit<Paint, 'fill'> = {}): this {
		return this.paint(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l`, { stroke: '#000000', ...paint });
	}

	polygon(points: [number, number][], paint: Paint): this {
		const [first, ...rest] = points;
		return this.paint(`${num(first[0])} ${num(first[1])} m ${rest.map(([x, y]) => `${num(x)} ${num(y)} l`).join(' ')} h`, paint);
	}

	/** A circle drawn as four Bézier curves. */
	circle(cx: number, cy: number, r: number, paint: Paint): this {
		const k = 0.5523 * r;
		const path = [
			`${num(cx + r)} ${num(cy)} m`,
			`${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`,
			`${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`,
			`${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`,
			`${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c`,
			'h'
		].join(' ');
		return this.paint(path, paint);
	}

	/** The page's content stream. */
	content(): string {
		return this.ops.join('\n');
	}
}

export interface PdfInfo {
	title?: string;
	author?: string;
	subject?: string;
	creator?: string;
	/** Defaults to now. */
	creationDate?: Date;
}

/** A PDF text string in UTF-16BE with a byte-order mark, so titles keep any character. */
function textString(text: string): string {
	let hex = 'FEFF';
	for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
	return `<${hex}>`;
}

function pdfDate(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export class PdfDocument {
	readonly pages: PdfPage[] = [];
	private fontOrder: StandardFont[] = [];

	constructor(public info: PdfInfo = {}) {}

	addPage(width: number = A4.width, height: number = A4.height): PdfPage {
		const page = new PdfPage(width, height, (font) => {
			if (!this.fontOrder.includes(font)) this.fontOrder.push(font);
			return `F${this.fontOrder.indexOf(font) + 1}`;
		});
		this.pages.push(page);
		return page;
	}

	/** The whole file. Offsets in the cross-reference table are exact, so readers need no repair. */
	toBytes(): Uint8Array<ArrayBuffer> {
		if (this.pages.length === 0) this.addPage();
		const objects: string[] = [];
		// push returns the new length, which is the new object's number (numbers start at 1).
		const add = (body: string) => objects.push(body);
		const catalog = add('');
		const pagesRef = add('');
		const infoRef = add('');
		const fontRefs = this.fontOrder.map((font) => add(`<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`));
		const fontDict = `<< ${this.fontOrder.map((_, i) => `/F${i + 1} ${fontRefs[i]} 0 R`).join(' ')} >>`;
		const pageRefs = this.pages.map((page) => {
			const content = page.content();
			const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
			return add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources << /Font ${fontDict} /ProcSet [/PDF /Text] >> /Contents ${stream} 0 R >>`);
		});
		objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
		objects[pagesRef - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;
		const info = this.info;
		const entries = [
			info.title && `/Title ${textString(info.title)}`,
			info.author && `/Author ${textString(info.author)}`,
			info.subject && `/Subject ${textString(info.subject)}`,
			`/Creator ${textString(info.creator ?? 'Koers')}`,
			`/Producer ${textString('Koers PDF writer')}`,
			`/CreationDate ${pdfDate(info.creationDate ?? new Date())}`
		].filter(Boolean);
		objects[infoRef - 1] = `<< ${entries.join(' ')} >>`;

		// The second line's bytes above 127 tell tools the file is binary (PDF 1.4, 3.4.1).
		let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
		const offsets: number[] = [];
		objects.forEach((body, i) => {
			offsets.push(out.length);
			out += `${i + 1} 0 obj\n${body}\nendobj\n`;
		});
		const xref = out.length;
		out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
		out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoRef} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
		// Every character is below 256 (content is ASCII, the marker line Latin-1), so one byte each.
		const bytes = new Uint8Array(out.length);
		for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
		return bytes;
	}
}
