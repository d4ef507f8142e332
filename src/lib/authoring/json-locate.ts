/**
 * A small JSON parser that keeps positions, so the checker can say on which line of a file a
 * problem is. JSON.parse stays the judge of what is valid (the engine uses it); this parser only
 * adds where: the line of every key and value, the exact place and kind of a syntax error (Node's
 * JSON.parse does not always say), and keys written twice (JSON.parse silently keeps the last).
 *
 * Plain TypeScript, no DOM or Node APIs. Linear in the size of the text.
 */

export type JsonNode =
	| { kind: 'object'; start: number; entries: JsonEntry[] }
	| { kind: 'array'; start: number; items: JsonNode[] }
	| { kind: 'value'; start: number };

export interface JsonEntry {
	key: string;
	keyStart: number;
	value: JsonNode;
}

/** What went wrong, in terms a trainer can act on; the checker turns it into words. */
export type JsonErrorReason =
	| 'bom'
	| 'empty'
	| 'trailing-comma'
	| 'missing-comma'
	| 'missing-colon'
	| 'unquoted-key'
	| 'single-quotes'
	| 'comment'
	| 'bad-string'
	| 'unexpected-end'
	| 'unexpected-char'
	| 'extra-content';

export interface JsonSyntaxError {
	offset: number;
	line: number;
	column: number;
	reason: JsonErrorReason;
	/** The character found, when it helps to name it. */
	found?: string;
}

export interface PositionedJson {
	/** The tree with positions; a placeholder when parsed with `{ tree: false }`. */
	root: JsonNode;
	lines: LineIndex;
	/** Keys that occur twice in one object: the JSON path of the later one and its position. */
	duplicates: { path: string; key: string; line: number; column: number }[];
}

/** Line starts of a text, found on first use. */
export class LineIndex {
	private starts: number[] | null = null;
	constructor(private readonly text: string) {}
	/** 1-based line and column of an offset. */
	at(offset: number): { line: number; column: number } {
		if (!this.starts) {
			this.starts = [0];
			for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
		}
		let lo = 0;
		let hi = this.starts.length - 1;
		const starts = this.starts;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - starts[lo] + 1 };
	}
}

class Fail extends Error {
	constructor(
		readonly offset: number,
		readonly reason: JsonErrorReason,
		readonly found?: string
	) {
		super(reason);
	}
}

/**
 * Parses `text` keeping positions; never throws. With `{ tree: false }` it only scans (syntax
 * errors and duplicate keys), which is cheaper for large files that turn out to have no issues.
 */
export function parsePositioned(text: string, options: { tree?: boolean } = {}): { ok: true; json: PositionedJson } | { ok: false; error: JsonSyntaxError } {
	const tree = options.tree !== false;
	const LEAF: JsonNode = { kind: 'value', start: 0 };
	const lines = new LineIndex(text);
	const duplicates: PositionedJson['duplicates'] = [];
	let i = 0;
	const n = text.length;

	const ws = () => {
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 32 || c === 10 || c === 13 || c === 9) i++;
			else break;
		}
	};
	const unexpected = (): never => {
		if (i >= n) throw new Fail(n, 'unexpected-end');
		const c = text[i];
		if (c === "'") throw new Fail(i, 'single-quotes');
		if (c === '/') throw new Fail(i, 'comment');
		throw new Fail(i, 'unexpected-char', c);
	};
	const string = (): string => {
		// text[i] === '"'
		const start = i++;
		let out = '';
		let runStart = i;
		while (true) {
			if (i >= n) throw new Fail(start, 'bad-string');
			const c = text.charCodeAt(i);
			if (c === 34) {
				out += text.slice(runStart, i);
				i++;
				return out;
			}
			if (c < 32) throw new Fail(i, 'bad-string');
			if (c === 92) {
				out += text.slice(runStart, i);
				const e = text[i + 1];
				if (e === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Fail(i, 'bad-string');
					out += String.fromCharCode(parseInt(hex, 16));
					i += 6;
				} else {
					const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
					if (e === undefined || !(e in map)) throw new Fail(i, 'bad-string');
					out += map[e];
					i += 2;
				}
				runStart = i;
				continue;
			}
			i++;
		}
	};
	/** A string value: checked like `string`, but not built (its content is not needed). */
	const skipString = () => {
		const start = i++;
		while (true) {
			if (i >= n) throw new Fail(start, 'bad-string');
			const c = text.charCodeAt(i);
			if (c === 34) {
				i++;
				return;
			}
			if (c < 32) throw new Fail(i, 'bad-string');
			if (c === 92) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'bad-string');
					i += 6;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else throw new Fail(i, 'bad-string');
				continue;
			}
			i++;
		}
	};
	const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	// Keys from the root to where the parser is, for the path of a duplicate key.
	const keys: (string | number)[] = [];
	const pathHere = () => keys.reduce<string>((path, k) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k), '');
	const value = (): JsonNode => {
		ws();
		const start = i;
		const c = text[i];
		if (c === '{') {
			i++;
			const entries: JsonEntry[] = [];
			const seen = new Set<string>();
			let count = 0;
			ws();
			if (text[i] === '}') {
				i++;
				return tree ? { kind: 'object', start, entries } : LEAF;
			}
			while (true) {
				ws();
				if (text[i] !== '"') {
					if (text[i] === '}' && count) throw new Fail(lastComma, 'trailing-comma');
					if (text[i] !== undefined && /[A-Za-z_$]/.test(text[i])) throw new Fail(i, 'unquoted-key');
					unexpected();
				}
				const keyStart = i;
				const key = string();
				ws();
				if (text[i] !== ':') {
					if (i >= n) unexpected();
					throw new Fail(i, 'missing-colon');
				}
				i++;
				keys.push(key);
				const child = value();
				if (seen.has(key)) duplicates.push({ path: pathHere(), key, ...lines.at(keyStart) });
				keys.pop();
				seen.add(key);
				if (tree) entries.push({ key, keyStart, value: child });
				count++;
				const end = i;
				ws();
				if (text[i] === ',') {
					lastComma = i;
					i++;
					continue;
				}
				if (text[i] === '}') {
					i++;
					return tree ? { kind: 'object', start, entries } : LEAF;
				}
				if (text[i] === '"') throw new Fail(end, 'missing-comma');
				unexpected();
			}
		}
		if (c === '[') {
			i++;
			const items: JsonNode[] = [];
			let count = 0;
			ws();
			if (text[i] === ']') {
				i++;
				return tree ? { kind: 'array', start, items } : LEAF;
			}
			while (true) {
				ws();
				if (text[i] === ']' && count) throw new Fail(lastComma, 'trailing-comma');
				keys.push(count++);
				const item = value();
				if (tree) items.push(item);
				keys.pop();
				const end = i;
				ws();
				if (text[i] === ',') {
					lastComma = i;
					i++;
					continue;
				}
				if (text[i] === ']') {
					i++;
					return tree ? { kind: 'array', start, items } : LEAF;
				}
				if (text[i] !== undefined && /["{[\d\-tfn]/.test(text[i])) throw new Fail(end, 'missing-comma');
				unexpected();
			}
		}
		if (c === '"') {
			skipString();
			return tree ? { kind: 'value', start } : LEAF;
		}
		for (const literal of ['true', 'false', 'null'])
			if (text.startsWith(literal, i)) {
				i += literal.length;
				return tree ? { kind: 'value', start } : LEAF;
			}
		NUMBER.lastIndex = i;
		const m = NUMBER.exec(text);
		if (m && m[0].length) {
			i += m[0].length;
			return tree ? { kind: 'value', start } : LEAF;
		}
		return unexpected();
	};
	let lastComma = 0;

	try {
		if (text.charCodeAt(0) === 0xfeff) throw new Fail(0, 'bom');
		ws();
		if (i >= n) throw new Fail(0, 'empty');
		const root = value();
		ws();
		if (i < n) throw new Fail(i, 'extra-content', text[i]);
		return { ok: true, json: { root, lines, duplicates } };
	} catch (e) {
		if (!(e instanceof Fail)) throw e;
		return { ok: false, error: { offset: e.offset, reason: e.reason, found: e.found, ...lines.at(e.offset) } };
	}
}

/**
 * Whether a valid JSON text writes a key twice in one object. A quick scan with the regular
 * expression engine; `parsePositioned` then says where (it is slower, so it runs only when needed).
 */
export function hasDuplicateKeys(text: string): boolean {
	const token = /"(?:[^"\\]|\\.)*"(\s*:)?|[{}[\]]/g;
	const stack: (Set<string> | null)[] = [];
	let top: Set<string> | null = null;
	for (let m = token.exec(text); m; m = token.exec(text)) {
		const t = m[0];
		if (t === '{' || t === '[') {
			stack.push(top);
			top = t === '{' ? new Set() : null;
		} else if (t === '}' || t === ']') top = stack.pop() ?? null;
		else if (m[1] !== undefined && top) {
			if (top.has(t)) return true;
			top.add(t);
		}
	}
	return false;
}

/**
 * Splits the start of `rest` into the key of `node` it names. Keys may hold dots (event
 * `choose.talk`, or locale keys written nested), so the longest key that fits wins.
 */
function step(node: JsonNode, rest: string): { child: JsonNode; at: number; rest: string } | null {
	if (node.kind === 'array') {
		const m = /^\[(\d+)\]\.?/.exec(rest);
		if (!m) return null;
		const item = node.items[Number(m[1])];
		return item ? { child: item, at: item.start, rest: rest.slice(m[0].length) } : null;
	}
	if (node.kind !== 'object') return null;
	let best: JsonEntry | null = null;
	for (const entry of node.entries) {
		const k = entry.key;
		if (rest === k || (rest.startsWith(k) && (rest[k.length] === '.' || rest[k.length] === '['))) {
			// The last of duplicate keys is the one JSON.parse keeps.
			if (!best || k.length >= best.key.length) best = entry;
		}
	}
	if (!best) return null;
	let after = rest.slice(best.key.length);
	if (after.startsWith('.')) after = after.slice(1);
	return { child: best.value, at: best.keyStart, rest: after };
}

/**
 * The line and column of a JSON path such as `machine.states.intro.on.choose.talk` or
 * `sources[0].id`, or of the nearest part of it that exists (a missing key points at its parent).
 * `exact` says whether the whole path was found.
 */
export function locate(json: PositionedJson, path: string): { line: number; column: number; exact: boolean } {
	let node = json.root;
	let at = node.start;
	let rest = path;
	while (rest) {
		const next = step(node, rest);
		if (!next) return { ...json.lines.at(at), exact: false };
		node = next.child;
		at = next.at;
		rest = next.rest;
	}
	return { ...json.lines.at(at), exact: true };
}

/**
 * Calls `visit` with every string value in a parsed JSON value. Its JSON path (keys joined by dots,
 * array items as `[i]`) is built only when asked for, so walking large files stays cheap.
 */
export function forEachString(value: unknown, visit: (text: string, pathOf: () => string) => void): void {
	const keys: (string | number)[] = [];
	const pathOf = () => keys.reduce<string>((path, k) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k), '');
	const walk = (v: unknown) => {
		if (typeof v === 'string') visit(v, pathOf);
		else if (Array.isArray(v))
			for (let i = 0; i < v.length; i++) {
				keys.push(i);
				walk(v[i]);
				keys.pop();
			}
		else if (v && typeof v === 'object')
			for (const key in v) {
				keys.push(key);
				walk((v as Record<string, unknown>)[key]);
				keys.pop();
			}
	};
	walk(value);
}

/** Every string value with its JSON path. */
export function stringsOf(value: unknown): [string, string][] {
	const out: [string, string][] = [];
	forEachString(value, (text, pathOf) => out.push([pathOf(), text]));
	return out;
}
