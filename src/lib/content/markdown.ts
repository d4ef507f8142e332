/*
 * Module texts are markdown written by authors we do not control. They are parsed by marked, a
 * maintained CommonMark/GFM parser (no regular expression of ours decides what is a link or an
 * emphasis), and turned into HTML that is safe in two independent layers:
 * 1. our renderer hooks on marked: raw HTML in a text is removed (its text between tags stays;
 *    scripts, styles, SVG and the like go with their content), and link and image addresses are
 *    kept only when the one URL rule (engine/safe-url.ts) accepts them, so `<script>`, `onerror=`
 *    and `javascript:` never reach its output;
 * 2. that output goes through an allowlist of tags and attributes: everywhere a tag scanner over
 *    the string, and in the browser again in an inert document, which parses but never runs or
 *    loads anything.
 * Why marked: of the maintained parsers we measured on adversarial 100 KB texts (README.md,
 * "Speed"), it was the fastest and the smallest shipped (about 16 KB gzip, with the player's code,
 * never on the first page); micromark was 5–50× slower here (and superlinear on `[a](` repeated),
 * markdown-it 2.5× larger. It is not a sanitiser, which is why both layers stay ours. Its one
 * weakness we found, a stack overflow on tens of thousands of nested `>`, falls back to plain text.
 */

import { Marked, type Token, type Tokens } from 'marked';
import { IMAGE_KINDS, isSafeUrl, LINK_KINDS } from '../engine/safe-url';

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const SAFE_IMAGE = /^https?:/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isRelative(href: string): boolean {
	return !HAS_SCHEME.test(href) && !href.startsWith('/') && !href.startsWith('\\') && !href.startsWith('#');
}

/**
 * Layer 2's address check on the rendered HTML, where module paths are already resolved: the
 * address to keep, or null to drop it. Control characters and spaces can hide a scheme.
 */
function safeUrl(href: string, kind: 'link' | 'image'): string | null {
	const bare = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	if (isRelative(bare)) return href;
	if (kind === 'link' && bare.startsWith('#')) return href;
	return (kind === 'link' ? SAFE_LINK : SAFE_IMAGE).test(bare) ? href : null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Addresses as marked writes them: percent-encoded, existing escapes kept. */
function encodeUrl(href: string): string {
	try {
		return escapeHtml(encodeURI(href).replace(/%25/g, '%'));
	} catch {
		return '';
	}
}

// ---------- layer 1: marked with our rendering of links, images and raw HTML ----------

/** Raw HTML elements removed with their content; other tags go and leave their text. */
const DROP_WITH_CONTENT = ['script', 'style', 'template', 'iframe', 'object', 'svg', 'math', 'textarea', 'noscript', 'title', 'xmp'];
const OPENING_TAG = /^<([a-z][a-z0-9-]*)/i;
const CLOSING_TAG = /^<\/([a-z][a-z0-9-]*)/i;

/** The resolver of the text being rendered (marked's renderer has no per-call context). */
let resolveCurrent: (path: string) => string = (p) => p;
/** Whether the text being rendered holds a `<` at all, so it can hold raw HTML. */
let hasRawHtml = true;

/** Turns a token into empty text, so neither it nor what it holds is rendered. */
function empty(token: Token) {
	const t = token as unknown as Record<string, unknown>;
	for (const key of Object.keys(t)) delete t[key];
	Object.assign(t, { type: 'text', raw: '', text: '', escaped: true });
}

/**
 * In one run of inline tokens (a paragraph, a heading, an emphasis…), empties what lies between
 * an opening tag of DROP_WITH_CONTENT and its closing tag in the same run. An element without its
 * closing tag there loses only its tag. One pass forward, with the closing tags found beforehand.
 */
function dropElementContents(tokens: Token[]) {
	const closings = new Map<string, number[]>();
	tokens.forEach((token, i) => {
		const name = token.type === 'html' ? CLOSING_TAG.exec(token.raw)?.[1].toLowerCase() : undefined;
		if (name && DROP_WITH_CONTENT.includes(name)) closings.set(name, [...(closings.get(name) ?? []), i]);
	});
	if (closings.size === 0) return;
	const next = new Map<string, number>();
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		const name = token.type === 'html' ? OPENING_TAG.exec(token.raw)?.[1].toLowerCase() : undefined;
		const positions = name ? closings.get(name) : undefined;
		if (!name || !positions || /\/>\s*$/.test(token.raw)) continue;
		let k = next.get(name) ?? 0;
		while (k < positions.length && positions[k] < i) k++;
		next.set(name, k);
		if (k === positions.length) continue;
		for (let j = i + 1; j < positions[k]; j++) empty(tokens[j]);
		i = positions[k];
	}
}

const marked: Marked = new Marked({
	gfm: true,
	walkTokens(token) {
		// Nothing to remove in a text without raw HTML (most texts): skip the walk's work.
		if (!hasRawHtml) return;
		// A block of raw HTML is read again as inline text, so its tags go one by one and the text
		// between them stays, as for HTML inside a paragraph.
		if (token.type === 'html' && (token as Tokens.HTML).block) {
			const text = (token as Tokens.HTML).text;
			Object.assign(token, { type: 'paragraph', block: undefined, pre: undefined, tokens: marked.Lexer.lexInline(text, marked.defaults) });
		}
		const children = (token as { tokens?: Token[] }).tokens;
		if (children) dropElementContents(children);
	},
	renderer: {
		heading({ tokens, depth }) {
			// A text sits under the step's own h1: its headings start one level down, so headings stay in order.
			const level = Math.min(6, depth + 1);
			return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
		},
		html() {
			return '';
		},
		link({ href, title, tokens }) {
			const content = this.parser.parseInline(tokens);
			// The one URL rule (engine/safe-url.ts): the checker accepts exactly what is shown here.
			if (!isSafeUrl(href, LINK_KINDS)) return content;
			const url = isRelative(href) ? resolveCurrent(href) : href;
			return `<a href="${encodeUrl(url)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${content}</a>`;
		},
		image({ href, title, tokens, text }) {
			const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
			if (!isSafeUrl(href, IMAGE_KINDS)) return escapeHtml(alt);
			const url = isRelative(href) ? resolveCurrent(href) : href;
			return `<img src="${encodeUrl(url)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
		}
	}
});

/** Quotes and list items a line may open; deeper ones are text. No author needs more. */
const MAX_NESTING = 16;
/** Container markers at the start of a line: `>`, `-`, `*`, `+`, `1.`, `1)`, each with its spacing. */
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/y;

/**
 * marked opens one level of recursion per quote or list marker, and tens of thousands of them on
 * one line (`>>>>…`, `1. 1. 1. …`) take it seconds before its stack overflows. Past MAX_NESTING
 * markers, the next marker is escaped, so the rest of the line is text.
 */
function capNesting(text: string): string {
	return text.replace(/^[ \t]{0,3}(?:>|[*+-]|\d{1,9}[.)]).*$/gm, (line) => {
		let at = 0;
		for (let depth = 0; depth < MAX_NESTING; depth++) {
			CONTAINER_MARKER.lastIndex = at;
			if (!CONTAINER_MARKER.exec(line)) return line;
			at = CONTAINER_MARKER.lastIndex;
		}
		CONTAINER_MARKER.lastIndex = at;
		const next = CONTAINER_MARKER.exec(line);
		if (!next) return line;
		const marker = at + next[0].search(/[>*+\-.)]/);
		return `${line.slice(0, marker)}\\${line.slice(marker)}`;
	});
}

/** When marked cannot parse a text (tens of thousands of nested quotes overflow its stack): the text, escaped. */
function plainParagraphs(text: string): string {
	return text
		.split(/\n[ \t]*\n/)
		.filter((p) => p.trim())
		.map((p) => `<p>${escapeHtml(p.trim())}</p>\n`)
		.join('');
}

function layerOne(text: string, resolve: (path: string) => string): string {
	resolveCurrent = resolve;
	hasRawHtml = text.includes('<');
	try {
		return marked.parse(capNesting(text.replace(/\u0000/g, '')), { async: false });
	} catch {
		return plainParagraphs(text);
	} finally {
		resolveCurrent = (p) => p;
		hasRawHtml = true;
	}
}

// ---------- layer 2, without a DOM: a tag scanner over layer 1's output ----------

/** A tag as layer 1 writes them (lower-case names, double-quoted values), or a stray `<`. */
const TAG_OR_LT = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*\/?>|</gi;
const ATTRIBUTE = /\s+([a-z-]+)(?:="([^"<>]*)")?/gi;
/** Only the references layer 1 writes in an attribute; any other (`&colon;`) could hide a scheme. */
const KNOWN_REFERENCE = /&(?:amp|lt|gt|quot|#39);/g;

/** Exported for its tests: layer 2 where there is no `document` (node, workers). */
export function scanAllowlist(html: string): string {
	return html.replace(TAG_OR_LT, (whole, slash: string, rawName: string, attributes: string) => {
		if (!rawName) return '&lt;';
		const name = rawName.toLowerCase();
		const allowed = ALLOWED[name];
		if (!allowed) return '';
		if (slash) return `</${name}>`;
		if (!attributes) return `<${name}>`;
		let kept = '';
		for (const [, rawAttr, value = ''] of attributes.matchAll(ATTRIBUTE)) {
			const attr = rawAttr.toLowerCase();
			if (!allowed.includes(attr)) continue;
			if (attr === 'href' || attr === 'src') {
				if (value.replace(KNOWN_REFERENCE, '').includes('&')) continue;
				const decoded = value.replace(KNOWN_REFERENCE, (ref) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[ref]!);
				if (safeUrl(decoded, attr === 'src' ? 'image' : 'link') === null) continue;
			}
			kept += ` ${attr}="${value}"`;
		}
		return `<${name}${kept}>`;
	});
}

// ---------- layer 2 in the browser: the allowlist again, in an inert document ----------

const ALLOWED: Record<string, string[]> = {
	p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], del: [], code: [], pre: [],
	blockquote: [], ul: [], ol: ['start'], li: [], a: ['href', 'title'], img: ['src', 'alt', 'title'],
	// GFM tables, as marked reads them (the column alignment is left out).
	table: [], thead: [], tbody: [], tr: [], th: [], td: []
};
/** Removed with everything inside; any other unknown tag is unwrapped (its text stays). */
const DROP = new Set(['script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'noscript', 'textarea', 'select', 'input', 'button', 'form', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function allowlist(html: string): string {
	if (typeof document === 'undefined') return html;
	// A <template>'s content is inert (no script runs, no image loads) and is parsed without
	// creating a whole new document as DOMParser does, which is most of the cost per step.
	// The cleaning happens there too: moved into the page's document, an <img onerror> would load.
	const template = document.createElement('template');
	template.innerHTML = html;
	clean(template.content);
	return template.innerHTML;
}

function clean(parent: ParentNode) {
	for (const node of [...parent.childNodes]) {
		if (node.nodeType === 3) continue;
		if (node.nodeType !== 1) {
			node.remove();
			continue;
		}
		const el = node as Element;
		const allowed = el.namespaceURI === HTML_NS ? ALLOWED[el.localName] : undefined;
		if (!allowed) {
			if (DROP.has(el.localName) || el.namespaceURI !== HTML_NS) el.remove();
			else {
				clean(el);
				el.replaceWith(...el.childNodes);
			}
			continue;
		}
		for (const attr of [...el.attributes]) {
			const isUrl = attr.name === 'href' || attr.name === 'src';
			if (!allowed.includes(attr.name) || (isUrl && safeUrl(attr.value, attr.name === 'src' ? 'image' : 'link') === null)) el.removeAttribute(attr.name);
		}
		// Links open in a new tab, so a learner never leaves the module (inside an LMS frame especially).
		if (el.localName === 'a' && el.hasAttribute('href')) {
			el.setAttribute('target', '_blank');
			el.setAttribute('rel', 'noopener noreferrer');
		}
		clean(el);
	}
}

/**
 * Renders a module text (markdown) to safe HTML (see the top of this file). Relative image and
 * link paths resolve inside the module folder.
 */
export function renderMarkdown(text: string, resolveFile: (path: string) => string): string {
	return allowlist(scanAllowlist(layerOne(text, resolveFile)));
}

/** Inline markdown (no paragraphs), for option labels and short texts. */
export function renderInline(text: string, resolveFile: (path: string) => string): string {
	const html = renderMarkdown(text, resolveFile).trim();
	return html.startsWith('<p>') && html.endsWith('</p>') && html.indexOf('<p>', 1) === -1 ? html.slice(3, -4) : html;
}
