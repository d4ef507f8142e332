/**
 * CSV for spreadsheets (RFC 4180: quoted fields, doubled quotes, CRLF), with a byte-order mark so
 * Excel reads UTF-8 accents. Dutch Excel expects `;` between fields (its list separator), English
 * Excel `,`; the caller chooses.
 */
export type Cell = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start)
 * gets a leading apostrophe: the cells hold what learners typed, and a trainer opening the file
 * should never run it (OWASP "CSV injection"). Numbers are written as numbers.
 */
function field(value: Cell, delimiter: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][], delimiter: ',' | ';' = ','): string {
	return '\uFEFF' + rows.map((row) => row.map((cell) => field(cell, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/** Reads CSV back into rows (for tests and for checking an export). */
export function parseCsv(text: string, delimiter: ',' | ';' = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const src = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < src.length; i++) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) {
			row.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}
