/**
 * Checks on the texts themselves: images they show, code that must not be in them, their length,
 * and how many words a learner reads. Plain string work, no DOM. What the player shows follows its
 * markdown renderer (src/lib/content/markdown.ts): all HTML in a text is removed, and images are
 * shown only from the module folder or from http(s) addresses.
 */

export { MAX_TEXT_LENGTH } from '../content/text-limit';

export interface ImageRef {
	src: string;
	alt: string;
}

const MARKDOWN_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;

/**
 * Every image a markdown text shows, `![alt](src)`, with its alt text. An HTML `<img>` is not
 * shown (the player removes HTML); `scanText` reports it.
 */
export function imagesIn(text: string): ImageRef[] {
	const images: ImageRef[] = [];
	if (text.includes('![')) for (const m of text.matchAll(MARKDOWN_IMAGE)) images.push({ src: m[2].replace(/^<|>$/g, ''), alt: m[1] });
	return images;
}

const MARKDOWN_LINK = /(?<!!)\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]+)/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]*:[^\s<>]*)>/gi;

/** Every link address a markdown text holds: `[text](address)` and `<scheme:address>`. */
export function linksIn(text: string): string[] {
	const links: string[] = [];
	if (text.includes('](')) for (const m of text.matchAll(MARKDOWN_LINK)) links.push(m[2].replace(/^<|>$/g, '').replace(/\\(.)/g, '$1'));
	if (text.includes('<')) for (const m of text.matchAll(AUTOLINK)) links.push(m[1]);
	return links;
}

/**
 * Invisible characters that can make a text read differently from how it shows (bidirectional
 * overrides and isolates, zero-width and other format characters, control characters). The zero
 * width joiner and non-joiner (U+200D, U+200C) are left alone: Persian, Arabic, Indic scripts and
 * emoji need them.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;
const INVISIBLE_NAMES: Record<number, string> = {
	0x061c: 'ARABIC LETTER MARK', 0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
	0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
	0x2060: 'WORD JOINER', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE'
};

/** The first invisible character in a text: its code and name, and where (1-based character position). */
export function invisibleCharacters(text: string): { what: string; at: number; count: number } | null {
	const first = INVISIBLE.exec(text);
	if (!first) return null;
	const code = first[0].charCodeAt(0);
	const hex = code.toString(16).toUpperCase().padStart(4, '0');
	const name = INVISIBLE_NAMES[code] ?? (code < 0xa0 ? 'CONTROL CHARACTER' : 'FORMAT CHARACTER');
	let count = 0;
	for (const c of text) if (INVISIBLE.test(c)) count++;
	return { what: `U+${hex} ${name}`, at: first.index + 1, count };
}

export type ImageWhere = { kind: 'module'; path: string } | { kind: 'outside' } | { kind: 'external' };

/**
 * Where an image's `src` points: a file in the module folder (normalised path); the web (http or
 * https, which the player shows); or anywhere else (a path out of the folder, `/…`, `file:`,
 * `data:`, `//host/…`), which the player does not show.
 */
export function classifySource(src: string): ImageWhere {
	if (/^https?:/i.test(src)) return { kind: 'external' };
	if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\')) return { kind: 'outside' };
	let path = src.split(/[?#]/)[0];
	try {
		path = decodeURI(path);
	} catch {
		// keep it as written
	}
	path = path.replace(/^(\.\/)+/, '');
	if (path.split('/').includes('..') || path === '') return { kind: 'outside' };
	return { kind: 'module', path };
}

interface Finding {
	code: 'hostile-content' | 'html-removed';
	what: string;
}

const HOSTILE: [RegExp, (m: RegExpExecArray) => string][] = [
	[/<\s*script\b/i, () => '<script'],
	[/<\s*(iframe|object|embed|frame|frameset|applet|base|meta|link)\b/i, (m) => `<${m[1].toLowerCase()}`],
	[/<[a-z][^<>]*?\s(on[a-z]+)\s*=/i, (m) => `${m[1].toLowerCase()}=`],
	[/\b((?:java|vb|live)script)\s*:/i, (m) => `${m[1].toLowerCase()}:`],
	[/\bdata\s*:\s*text\/html/i, () => 'data:text/html']
];
/** An HTML tag, as the player's renderer recognises one before removing it. */
const HTML_TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
/**
 * Fenced code blocks and code spans: HTML there is shown as written, not removed. A fence runs to
 * its closing fence, or to the end of the text when it has none (`(?![\s\S])`: with the `m` flag a
 * `$` would end it at its first line, and HTML on the lines after was reported as removed).
 */
const CODE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[^\n]*|(?![\s\S]))|(`+)(?:[^`]|[^`][\s\S]*?[^`])\2(?!`)/gm;

/**
 * Code in a text that could run in a browser (an error, even though the player removes it: it has
 * no place in a module), or else HTML the player removes, so it never shows as meant (a warning).
 */
export function scanText(text: string): Finding[] {
	if (!text.includes('<') && !text.includes(':')) return [];
	for (const [pattern, name] of HOSTILE) {
		const m = pattern.exec(text);
		if (m) return [{ code: 'hostile-content', what: name(m) }];
	}
	if (!text.includes('<')) return [];
	const tag = HTML_TAG.exec(text.includes('`') || text.includes('~~~') ? text.replace(CODE, ' ') : text);
	return tag ? [{ code: 'html-removed', what: `<${tag[1].toLowerCase()}>` }] : [];
}

/** Scripts and event handlers in an SVG file; the offset of the first, to give its line. */
export function scanSvg(text: string): { what: string; offset: number } | null {
	const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
		[/<\s*script\b/i, () => '<script'],
		[/<[a-z][^<>]*?\s(on[a-z]+)\s*=/i, (m) => `${m[1].toLowerCase()}=`],
		[/\b((?:java|vb)script)\s*:/i, (m) => `${m[1].toLowerCase()}:`],
		[/<\s*foreignObject\b/i, () => '<foreignObject']
	];
	let first: { what: string; offset: number } | null = null;
	for (const [pattern, name] of patterns) {
		const m = pattern.exec(text);
		// Every pattern starts at a `<` or a word, so the match starts where the finding does.
		if (m && (!first || m.index < first.offset)) first = { what: name(m), offset: m.index };
	}
	return first;
}

/** Words a learner reads in a markdown text (image and link addresses not counted). */
export function countWords(text: string): number {
	const plain = text.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\]\([^)]*\)/g, ' ');
	// One match per run of non-space characters holding a letter or digit.
	return plain.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0;
}

export const WORDS_PER_MINUTE = 150;
export const MINUTES_PER_DECISION = 1;
export const MINUTES_PER_REFLECTION = 2;

export interface StudyEstimate {
	minutes: number;
	words: number;
	decisions: number;
	reflections: number;
}

/**
 * Estimated study time: every text of one language read at 150 words a minute, plus 1 minute per
 * decision (choice, quiz, the evaluation form) and 2 minutes per reflection. All branches' texts
 * count, so a module with many branches estimates high; the checker allows a factor 2 either way.
 */
export function estimateStudyTime(texts: Iterable<string>, kinds: Iterable<string>): StudyEstimate {
	let words = 0;
	for (const text of texts) words += countWords(text);
	let decisions = 0;
	let reflections = 0;
	for (const kind of kinds) {
		if (kind === 'choice' || kind === 'quiz' || kind === 'evaluation') decisions++;
		if (kind === 'reflection' || kind === 'scale' || kind === 'checklist' || kind === 'fields' || kind === 'actionplan') reflections++;
	}
	const minutes = words / WORDS_PER_MINUTE + decisions * MINUTES_PER_DECISION + reflections * MINUTES_PER_REFLECTION;
	return { minutes, words, decisions, reflections };
}
