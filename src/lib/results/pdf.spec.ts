import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf } from '../../../tests/results/pdf-reader';
import { fromWinAnsi, PdfDocument, textWidth, toWinAnsi, wrapText } from './pdf';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

function sample() {
	const doc = new PdfDocument({ title: 'Certificaat – Zoë', author: 'Koers', creationDate: new Date(Date.UTC(2026, 10, 5, 12, 0, 0)) });
	const page = doc.addPage(842, 595);
	page.rect(20, 20, 802, 555, { stroke: '#1f5f57', lineWidth: 3 });
	page.circle(421, 480, 30, { fill: '#1f5f57' });
	page.polygon([[421, 500], [428, 480], [421, 460], [414, 480]], { fill: '#f6f4ef' });
	page.line(200, 300, 642, 300, { stroke: '#b3541e', dash: [3, 2] });
	page.text('CERTIFICAAT', 421, 400, { font: 'Times-Bold', size: 36, align: 'center', charSpacing: 4 });
	page.text('Zoë van Dijk-Ünal (café “De Brug”) € 5 – ĳverig', 421, 340, { font: 'Times-Italic', size: 20, align: 'center' });
	page.text('Backslash \\ and (brackets)', 60, 100);
	doc.addPage().text('Tweede pagina', 50, 800, { font: 'Helvetica-Bold' });
	return doc.toBytes();
}

describe('PDF writer', () => {
	it('writes a sound PDF 1.4 whose text reads back, accents and all', () => {
		const pdf = readPdf(sample());
		expect(pdf.problems).toEqual([]);
		expect(pdf.version).toBe('1.4');
		expect(pdf.pages).toBe(2);
		expect(pdf.texts[0]).toEqual(['CERTIFICAAT', 'Zoë van Dijk-Ünal (café “De Brug”) € 5 – ijverig', 'Backslash \\ and (brackets)']);
		expect(pdf.texts[1]).toEqual(['Tweede pagina']);
		expect(pdf.info).toMatchObject({ Title: 'Certificaat – Zoë', Author: 'Koers' });
	});

	it('is plain ASCII after the binary marker line, so content streams can be inspected', () => {
		const bytes = sample();
		const afterMarker = bytes.slice(bytes.indexOf(10, 9) + 1);
		expect(afterMarker.every((b) => b < 128)).toBe(true);
	});

	it.skipIf(!hasPoppler)('is read by an independent PDF reader (poppler)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'koers-pdf-'));
		const file = join(dir, 'sample.pdf');
		writeFileSync(file, sample());
		const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
		expect(info).toMatch(/Pages:\s+2/);
		expect(info).toMatch(/Title:\s+Certificaat – Zoë/);
		expect(info).toMatch(/PDF version:\s+1\.4/);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain('Zoë van Dijk-Ünal (café “De Brug”) € 5 – ijverig');
		expect(text).toContain('Tweede pagina');
		// pdftotext would print "Syntax Error" lines on stderr for a damaged file.
		const check = spawnSync('pdftotext', [file, '/dev/null'], { encoding: 'utf8' });
		expect(check.stderr).toBe('');
	});

	it('maps text to WinAnsi, keeping Dutch accents and dropping others to their letter', () => {
		expect(fromWinAnsi(toWinAnsi('één, geïnteresseerd, coöperatie, ‘quote’ — €'))).toBe('één, geïnteresseerd, coöperatie, ‘quote’ — €');
		expect(fromWinAnsi(toWinAnsi('Łódź Gdańsk Erdoğan'))).toBe('?ódz Gdansk Erdogan');
		expect(fromWinAnsi(toWinAnsi('ĳs → 😀'))).toBe('ijs -> ?');
	});

	it('measures text with the standard font widths', () => {
		// Helvetica: H 722, e 556, l 222, l 222, o 556 = 2278/1000 em.
		expect(textWidth('Hello', 'Helvetica', 10)).toBeCloseTo(22.78);
		expect(textWidth('Hello', 'Helvetica', 10, 1)).toBeCloseTo(26.78);
		expect(textWidth('Hello', 'Helvetica-Bold', 10)).toBeGreaterThan(textWidth('Hello', 'Helvetica', 10));
		expect(textWidth('é', 'Times-Roman', 10)).toBeCloseTo(textWidth('e', 'Times-Roman', 10));
	});

	it('wraps text to a width', () => {
		const lines = wrapText('Levensbeschouwelijk vakmanschap in het sociaal domein', 'Helvetica', 12, 150);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(textWidth(line, 'Helvetica', 12)).toBeLessThanOrEqual(150);
		expect(lines.join(' ')).toBe('Levensbeschouwelijk vakmanschap in het sociaal domein');
	});

	it('refuses a colour it cannot read, saying how to write one', () => {
		expect(() => new PdfDocument().addPage().rect(0, 0, 1, 1, { fill: 'teal' })).toThrow(/#rrggbb/);
	});
});
