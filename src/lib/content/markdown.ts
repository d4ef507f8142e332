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
 *
 * Speed (profiled with node --cpu-prof, 2026-12-07; `npm run bench -- --only markdown` renders 50
 * texts of one pattern repeated to 100 KB). Some rules of marked's grammar search to the end of
 * the text again at each position, so these texts took seconds; each is changed through marked's
 * own tokenizer hooks and rules, keeping its output (markdown.spec.ts):
 * - GFM e-mail autolinks look for an `@` across every run of address characters: `_a_b…` 114 s,
 *   `a**…` 23 s, `***a…` 19 s, now 0.1 s each. Left out (INLINE_RULES): the authoring guide never
 *   promised bare addresses as links; `[…](mailto:…)` is how to write one.
 * - comments, processing instructions, CDATA and declarations without their end (`x<?…` 8 s,
 *   `<!--…` 9 s): their end's last place in the run is looked up once (rawHtmlCannotEnd), 0.05 s.
 * - bare addresses in a run without spaces (`www.a(…` 20 s, `http://a(…` 11 s): read within 2,112
 *   characters (the url override below), 0.2 s.
 * What is left is linear but above the bench's 50 ms (0.1–0.5 s on the shared 2 cores, 10–50× plain
 * prose of the same size): marked's work per list item, table row or emphasis (about 5 µs a list
 * item; markdown-it and commonmark.js were no faster over the whole set), and its link rule on
 * `[a](b)` repeated without spaces, whose address part reads to the end of the run (upstream).
 * Our own layers add next to nothing: the raw-HTML walk runs only for texts with a `<`, the nesting
 * cap only where a line has 17 markers, and the allowlist scan passes over bare allowed tags.
 */

import { Lexer, Marked, type Token, type TokensList, type Tokens } from 'marked';
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

/**
 * Removes raw HTML from one token (see dropElementContents); run on every token of a text that
 * holds a `<` at all. Not marked's `walkTokens` option: marked would walk every token of every
 * text, and on a text of thousands of list items or table rows that walk alone cost more than
 * the parse (see the top of this file).
 */
function stripRawHtml(token: Token) {
	// A block of raw HTML is read again as inline text, so its tags go one by one and the text
	// between them stays, as for HTML inside a paragraph.
	if (token.type === 'html' && (token as Tokens.HTML).block) {
		const text = (token as Tokens.HTML).text;
		Object.assign(token, { type: 'paragraph', block: undefined, pre: undefined, tokens: newLexer().inlineTokens(text) });
	}
	const children = (token as { tokens?: Token[] }).tokens;
	if (children) dropElementContents(children);
}

const marked: Marked = new Marked({
	gfm: true,
	tokenizer: {
		// No tag (the `<` is text) where marked's own rule could not find one either; otherwise its rule.
		tag: (src) => (rawHtmlCannotEnd(src) ? undefined : false),
		// marked's `url` rule reads a bare address up to the next space or `<` and then trims it, at
		// each address: 100 KB of `www.a(` without a space took 4 s. The URL rule never makes an
		// address of more than 2,048 characters a link, so marked's own tokenizer is shown a little
		// more than that. What it finds longer than 2,048 characters is text, as it would be, up to
		// the next space or `<` (marked's own end of an address), so no part of it becomes a link.
		url(src) {
			if (src.length <= ADDRESS_WINDOW || !WEB_ADDRESS_START.test(src)) return false;
			const token = this.url(src.slice(0, ADDRESS_WINDOW));
			if (!token || token.raw.length <= MAX_URL_LENGTH) return token;
			const raw = ADDRESS_RUN.exec(src)![0];
			return { type: 'text', raw, text: raw, escaped: false } as unknown as Tokens.Link;
		}
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

// ---------- marked's grammar, without its quadratic e-mail autolinks ----------

/** What may stand before `@` in a GFM e-mail autolink, as marked's inline grammar spells it. */
const EMAIL_CHARS = "[a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-]";
/** The alternatives of marked's GFM `text` and `url` rules that find bare e-mail addresses. */
const EMAIL_TEXT_PARTS = ['[^a-zA-Z0-9](?=(?:mailto|xmpp):)|', `|(?=${EMAIL_CHARS}+@)`, '|[^a-zA-Z0-9](?=(?:mailto|xmpp):)', `|[^a-zA-Z0-9.!#$%&'*+\\/=?_\`{\\|}~-](?=${EMAIL_CHARS}+@)`];

/**
 * A rule of marked's with some alternatives cut out, or the rule unchanged when one of them is
 * not found (a newer marked spelling it differently: markdown.spec.ts then fails, so it is seen).
 */
function without(rule: RegExp, parts: string[]): RegExp {
	let source = rule.source;
	for (const part of parts) {
		const next = source.replace(part, '');
		if (next === source) return rule;
		source = next;
	}
	return new RegExp(source, rule.flags);
}

/**
 * marked's GFM `url` rule with only its web alternative (`https://…`, `www.…`): its other two,
 * `mailto:`/`xmpp:` addresses and bare e-mail addresses, are the ones that hold an `@`.
 */
function webOnly(rule: RegExp): RegExp {
	const alternatives = rule.source.split('|^').map((alternative) => alternative.replace(/^\^/, ''));
	const web = alternatives.filter((alternative) => !alternative.includes('@'));
	return alternatives.length === 3 && web.length === 1 ? new RegExp(`^${web[0]}`, rule.flags) : rule;
}

/**
 * marked's GFM inline grammar without bare e-mail autolinks (`name@example.nl`, `mailto:…`
 * written without a link; the authoring guide never promised them: an address is a link when
 * written as `[…](mailto:…)`). Those alternatives look ahead from every position of a text for an
 * `@` across the run of address characters that follows, so a long run without one
 * (`_a_b_a_b…`, `a**a**…`) took 20 s for 100 KB. Exported for its test.
 */
export const INLINE_RULES = {
	...Lexer.rules.inline.gfm,
	text: without(Lexer.rules.inline.gfm.text, EMAIL_TEXT_PARTS),
	url: webOnly(Lexer.rules.inline.gfm.url)
};

/** The URL rule's longest address (engine/safe-url.ts), and how much of a text marked's `url` tokenizer reads for one (see its override below). */
const MAX_URL_LENGTH = 2_048;
const ADDRESS_WINDOW = MAX_URL_LENGTH + 64;
const WEB_ADDRESS_START = /^(?:https?:\/\/|ftp:\/\/|www\.)/i;
const ADDRESS_RUN = /^[^\s<]+/;

/** The inline runs (a paragraph's text, a link's text…) being lexed, the innermost last. */
const runs: { text: string; lastIndex: Record<string, number> }[] = [];

/**
 * A lexer of marked's that reads texts with INLINE_RULES, and keeps `runs` for rawHtmlCannotEnd.
 */
function newLexer(): Lexer {
	const lexer = new marked.Lexer(marked.defaults);
	// The constructor has just given the tokenizer (shared by every lexer of this instance) its rules.
	const tokenizer = marked.defaults.tokenizer!;
	tokenizer.rules = { ...tokenizer.rules, inline: INLINE_RULES };
	const inlineTokens = lexer.inlineTokens.bind(lexer);
	lexer.inlineTokens = (src: string, tokens?: Token[]) => {
		runs.push({ text: src, lastIndex: {} });
		try {
			return inlineTokens(src, tokens);
		} finally {
			runs.pop();
		}
	};
	return lexer;
}

/**
 * Whether `src` (the rest of the innermost inline run) starts a comment, processing instruction,
 * CDATA section or declaration whose end (`-->`, `?>`, `]]>`, `>`) appears nowhere in it, so
 * that marked's `tag` rule cannot match there. That rule searches to the end of the text for the
 * end each time, so thousands of them without one (`x<?x<?…`) took seconds; the last place of
 * each end in the run is looked up once instead.
 */
function rawHtmlCannotEnd(src: string): boolean {
	if (src.charCodeAt(1) !== 33 && src.charCodeAt(1) !== 63) return false; // `<!` or `<?`
	const run = runs.at(-1);
	if (!run || src.length > run.text.length) return false;
	const end = src.startsWith('<!--') ? '-->' : src.startsWith('<?') ? '?>' : src.startsWith('<![CDATA[') ? ']]>' : '>';
	run.lastIndex[end] ??= run.text.lastIndexOf(end);
	return run.lastIndex[end] < run.text.length - src.length;
}

/** Quotes and list items a line may open; deeper ones are text. No author needs more. */
const MAX_NESTING = 16;
/** Container markers at the start of a line: `>`, `-`, `*`, `+`, `1.`, `1)`, each with its spacing. */
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/y;

/**
 * A line that may open more than MAX_NESTING containers: a looser test than CONTAINER_MARKER (any
 * spacing between markers), so a text it does not match needs no capping. Most texts do not, and
 * looking at each line that starts with a marker (a long list) cost a quarter of marked's time.
 * No backtracking blow-up: markers and the spaces between them cannot be read two ways.
 */
const DEEP_LINE = new RegExp(`^[ \\t]{0,3}(?:(?:>|[*+-]|\\d{1,9}[.)])[ \\t]*){${MAX_NESTING + 1}}`, 'm');

/**
 * marked opens one level of recursion per quote or list marker, and tens of thousands of them on
 * one line (`>>>>…`, `1. 1. 1. …`) take it seconds before its stack overflows. Past MAX_NESTING
 * markers, the next marker is escaped, so the rest of the line is text.
 */
function capNesting(text: string): string {
	if (!DEEP_LINE.test(text)) return text;
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
	try {
		const tokens: TokensList = newLexer().lex(capNesting(text.includes('\u0000') ? text.replace(/\u0000/g, '') : text));
		// Nothing to remove in a text without a `<` (most texts): no raw HTML can be in it.
		if (text.includes('<')) marked.walkTokens(tokens, stripRawHtml);
		return marked.parser(tokens);
	} catch {
		return plainParagraphs(text);
	} finally {
		resolveCurrent = (p) => p;
	}
}

// ---------- layer 2, without a DOM: a tag scanner over layer 1's output ----------

const ALLOWED: Record<string, string[]> = {
	p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], del: [], code: [], pre: [],
	blockquote: [], ul: [], ol: ['start'], li: [], a: ['href', 'title'], img: ['src', 'alt', 'title'],
	// GFM tables, as marked reads them (the column alignment is left out).
	table: [], thead: [], tbody: [], tr: [], th: [], td: []
};

/**
 * A `<` with the tag it opens, if any (as layer 1 writes them: lower-case names, double-quoted
 * values). An allowed tag without attributes, exactly as it is kept (`<p>`, `</li>`), is passed
 * over by the lookahead: it needs no change, and on a text of thousands of list items, table
 * cells or emphases calling the replacer for each of them was most of this scan's time.
 */
const TAG_OR_LT = new RegExp(`<(?!/?(?:${Object.keys(ALLOWED).join('|')})>)(?:(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\\s*/?>)?`, 'g');
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
