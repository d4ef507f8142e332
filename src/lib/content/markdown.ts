import { Marked, type Tokens } from 'marked';

/*
 * Module texts are markdown written by authors we do not control, so the HTML made from them is
 * safe in two independent layers:
 * 1. marked drops every piece of raw HTML in the text and keeps link and image addresses only
 *    when they are relative or http(s) (links also mailto: and tel:), so `<script>`, `onerror=`
 *    and `javascript:` never reach its output;
 * 2. that output is rebuilt from an allowlist (the tags marked makes, a few attributes) in an
 *    inert document, which parses but never runs or loads anything.
 * DOMPurify did layer 2 until it was dropped to keep the player within its size budget
 * (README.md, "Size"); an allowlist of the dozen tags marked produces needs far less.
 */

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const SAFE_IMAGE = /^https?:/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isRelative(href: string): boolean {
	return !HAS_SCHEME.test(href) && !href.startsWith('/') && !href.startsWith('\\') && !href.startsWith('#');
}

/** The address to keep, or null to drop it. Control characters and spaces hide schemes. */
function safeUrl(href: string, kind: 'link' | 'image'): string | null {
	const bare = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	if (isRelative(bare)) return href;
	if (kind === 'link' && bare.startsWith('#')) return href;
	return (kind === 'link' ? SAFE_LINK : SAFE_IMAGE).test(bare) ? href : null;
}

let resolve: (path: string) => string = (path) => path;

// One parser for the app; `resolve` is set for each (synchronous) call.
const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	walkTokens(token) {
		// A text sits under the step's own h1: its headings start one level down, so headings stay in order.
		if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
		if ((token.type === 'image' || token.type === 'link') && token.href && isRelative(token.href)) token.href = resolve(token.href);
	},
	renderer: {
		// Authors' HTML is removed, block and inline alike (its text between tags stays).
		html: () => '',
		link(token: Tokens.Link) {
			return safeUrl(token.href, 'link') === null ? this.parser.parseInline(token.tokens) : false;
		},
		image(token: Tokens.Image) {
			return safeUrl(token.href, 'image') === null ? escapeHtml(token.text) : false;
		}
	}
});

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ALLOWED: Record<string, string[]> = {
	p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], del: [], code: [], pre: [],
	blockquote: [], ul: [], ol: ['start'], li: [], a: ['href', 'title'], img: ['src', 'alt', 'title'],
	table: [], thead: [], tbody: [], tr: [], th: ['align'], td: ['align']
};
/** Removed with everything inside; any other unknown tag is unwrapped (its text stays). */
const DROP = new Set(['script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'noscript', 'textarea', 'select', 'input', 'button', 'form', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

/** Layer 2: keeps only allowed tags and attributes (see the top of this file). */
function allowlist(html: string): string {
	if (typeof DOMParser === 'undefined') return html;
	const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
	clean(body);
	return body.innerHTML;
}

function clean(parent: Element) {
	for (const node of [...parent.childNodes]) {
		if (node.nodeType === 3) continue;
		if (node.nodeType !== 1) {
			node.remove();
			continue;
		}
		const el = node as Element;
		const tag = el.localName;
		const allowed = el.namespaceURI === 'http://www.w3.org/1999/xhtml' ? ALLOWED[tag] : undefined;
		if (!allowed) {
			if (DROP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') el.remove();
			else {
				clean(el);
				el.replaceWith(...el.childNodes);
			}
			continue;
		}
		for (const attr of [...el.attributes]) {
			const keep = allowed.includes(attr.name) && (attr.name !== 'href' && attr.name !== 'src' ? true : safeUrl(attr.value, attr.name === 'src' ? 'image' : 'link') !== null);
			if (!keep) el.removeAttribute(attr.name);
		}
		// Links open in a new tab, so a learner never leaves the module (inside an LMS frame especially).
		if (tag === 'a' && el.hasAttribute('href')) {
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
	resolve = resolveFile;
	try {
		return allowlist(marked.parse(text) as string);
	} finally {
		resolve = (path) => path;
	}
}

/** Inline markdown (no paragraphs), for option labels and short texts. */
export function renderInline(text: string, resolveFile: (path: string) => string): string {
	const html = renderMarkdown(text, resolveFile).trim();
	return html.startsWith('<p>') && html.endsWith('</p>') && html.indexOf('<p>', 1) === -1 ? html.slice(3, -4) : html;
}
