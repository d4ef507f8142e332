/**
 * Checks on the texts themselves: images they show, code that must not be in them, their length,
 * and how many words a learner reads. Plain string work, no DOM.
 */

export const MAX_TEXT_LENGTH = 20_000;

export interface ImageRef {
	src: string;
	alt: string;
	/** `markdown` for ![alt](src), `html` for <img>. */
	form: 'markdown' | 'html';
}

const MARKDOWN_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const HTML_IMAGE = /<img\b[^<>]*>/gi;
const attribute = (tag: string, name: string): string | null => {
	const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
};

/** Every image a markdown text shows, with its alt text. */
export function imagesIn(text: string): ImageRef[] {
	const images: ImageRef[] = [];
	if (text.includes('!['))
		for (const m of text.matchAll(MARKDOWN_IMAGE)) images.push({ src: m[2].replace(/^<|>$/g, ''), alt: m[1], form: 'markdown' });
	if (/<img/i.test(text))
		for (const m of text.matchAll(HTML_IMAGE)) images.push({ src: attribute(m[0], 'src') ?? '', alt: attribute(m[0], 'alt') ?? '', form: 'html' });
	return images;
}

export type ImageWhere = { kind: 'module'; path: string } | { kind: 'outside' } | { kind: 'external' } | { kind: 'inline' };

/** Where an image's `src` points: a file in the module folder (normalised path), or elsewhere. */
export function classifySource(src: string): ImageWhere {
	if (/^data:image\//i.test(src)) return { kind: 'inline' };
	if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return { kind: 'external' };
	let path = src.split(/[?#]/)[0];
	try {
		path = decodeURI(path);
	} catch {
		// keep it as written
	}
	path = path.replace(/^(\.\/)+/, '');
	if (path.startsWith('/') || path.split('/').includes('..') || path === '') return { kind: 'outside' };
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
/** Tags the player's sanitiser removes (see src/lib/content/markdown.ts): harmless there, but lost. */
const REMOVED = /<\s*(svg|style|form|input|button|textarea|select|math)\b/i;

/** Code in a text that could run in a browser (errors), and HTML the player drops (warnings). */
export function scanText(text: string): Finding[] {
	const findings: Finding[] = [];
	if (!/[<:]/.test(text)) return findings;
	for (const [pattern, name] of HOSTILE) {
		const m = pattern.exec(text);
		if (m) {
			findings.push({ code: 'hostile-content', what: name(m) });
			break;
		}
	}
	const removed = REMOVED.exec(text);
	if (removed && !findings.length) findings.push({ code: 'html-removed', what: `<${removed[1].toLowerCase()}>` });
	return findings;
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
		if (m && (!first || m.index < first.offset)) first = { what: name(m), offset: m.index + (m[0].length - m[0].trimStart().length) };
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
		if (kind === 'reflection') reflections++;
	}
	const minutes = words / WORDS_PER_MINUTE + decisions * MINUTES_PER_DECISION + reflections * MINUTES_PER_REFLECTION;
	return { minutes, words, decisions, reflections };
}
