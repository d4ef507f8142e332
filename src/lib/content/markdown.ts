/*
 * Module texts are markdown written by authors we do not control. This renderer turns them into
 * HTML that is safe in two independent layers:
 * 1. it writes every tag itself and escapes all text; raw HTML in a text is removed (its text
 *    between tags stays), and link and image addresses are kept only when they are relative or
 *    http(s) (links also mailto: and tel:), so `<script>`, `onerror=` and `javascript:` never
 *    reach its output;
 * 2. that output is rebuilt from an allowlist of tags and attributes in an inert document, which
 *    parses but never runs or loads anything.
 * It covers the markdown modules use (modules/README.md): paragraphs, headings, **bold**,
 * *italic*, ~~struck~~, `code`, lists (nested, numbered), block quotes, code blocks, rules, line
 * breaks, links and images; its HTML matches marked's for those (markdown.svelte.spec.ts). It
 * replaced marked and DOMPurify, 27 KB gzip that every learner downloaded (README.md, "Size").
 */

import { IMAGE_KINDS, isSafeUrl, LINK_KINDS } from '../engine/safe-url';

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const SAFE_IMAGE = /^https?:/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isRelative(href: string): boolean {
	return !HAS_SCHEME.test(href) && !href.startsWith('/') && !href.startsWith('\\') && !href.startsWith('#');
}

/** The address to keep, or null to drop it. Control characters and spaces can hide a scheme. */
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

// ---------- inline ----------

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

function inline(text: string, resolve: (path: string) => string): string {
	// Pieces already turned into HTML are parked as \u0000n\u0000 so later rules cannot touch them.
	const parked: string[] = [];
	const park = (html: string) => `\u0000${parked.push(html) - 1}\u0000`;
	let s = text.replace(/\u0000/g, '');
	s = s.replace(/\\(.)/g, (m, c: string) => (PUNCTUATION.test(c) ? park(escapeHtml(c)) : m));
	s = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks, code: string) => {
		const inner = code.replace(/\n/g, ' ');
		return park(`<code>${escapeHtml(/^ .* $/.test(inner) && inner.trim() ? inner.slice(1, -1) : inner)}</code>`);
	});
	s = s.replace(/<((?:https?|mailto):[^\s<>]*)>/gi, (_m, url: string) => {
		const href = safeUrl(url, 'link');
		return park(href === null ? escapeHtml(url) : `<a href="${encodeUrl(href)}">${escapeHtml(url.replace(/^mailto:/i, ''))}</a>`);
	});
	// Raw HTML is removed: elements whose content is code or markup go whole, other tags and
	// comments leave the text between them.
	s = s.replace(/<(script|style|template|iframe|object|svg|math|textarea|noscript|title|xmp)\b[\s\S]*?<\/\1\s*>/gi, '');
	s = s.replace(/<!--[\s\S]*?-->|<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g, '');
	s = s.replace(/(!?)\[((?:\\.|[^\]])*)\]\(\s*<?([^\s)>]*)>?(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*\)/g, (_m, bang: string, label: string, rawHref: string, t1?: string, t2?: string) => {
		const kind = bang ? 'image' : 'link';
		let href = rawHref.replace(/\\(.)/g, '$1');
		const title = t1 ?? t2;
		// The one URL rule (engine/safe-url.ts): the checker accepts exactly what is shown here.
		const safe = isSafeUrl(href, kind === 'image' ? IMAGE_KINDS : LINK_KINDS) ? href : null;
		if (kind === 'image') {
			const alt = label.replace(/[*_`~]/g, '').replace(/\\(.)/g, '$1');
			if (safe === null) return park(escapeHtml(alt));
			href = isRelative(href) ? resolve(href) : href;
			return park(`<img src="${encodeUrl(href)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`);
		}
		const content = inline(label.replace(/\u0000(\d+)\u0000/g, (_x, i) => parked[Number(i)]), resolve);
		if (safe === null) return park(content);
		href = isRelative(href) ? resolve(href) : href;
		return park(`<a href="${encodeUrl(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${content}</a>`);
	});
	// Bare web addresses become links (GFM), as marked does.
	s = s.replace(/(^|[\s(])(https?:\/\/[^\s<]*[^\s<.,:;"')\]!?*_~])/g, (_m, before: string, url: string) => before + park(`<a href="${encodeUrl(url)}">${escapeHtml(url)}</a>`));
	// Character references authors write (&amp;, &eacute;, &#8364;) stay references.
	s = s.replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (m) => park(m));
	s = escapeHtml(s);
	s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, (m, mark: string, body: string, at: number, all: string) =>
		mark === '__' && (/\w/.test(all[at - 1] ?? '') || /\w/.test(all[at + m.length] ?? '')) ? m : `<strong>${body}</strong>`
	);
	s = s.replace(/(\*|_)(?=[^\s*_])([\s\S]*?[^\s])\1/g, (m, mark: string, body: string, at: number, all: string) =>
		mark === '_' && (/\w/.test(all[at - 1] ?? '') || /\w/.test(all[at + m.length] ?? '')) ? m : `<em>${body}</em>`
	);
	s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
	s = s.replace(/(?: {2,}|\\)\n/g, '<br>');
	s = s.replace(/ +\n/g, '\n');
	return s.replace(/\u0000(\d+)\u0000/g, (_m, i) => parked[Number(i)]);
}

// ---------- blocks ----------

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*)|$)/;
const blank = (line: string) => line.trim() === '';
const startsBlock = (line: string) => HEADING.test(line) || RULE.test(line) || FENCE.test(line) || QUOTE.test(line) || ITEM.test(line);

function blocks(lines: string[], resolve: (path: string) => string, tight = false): string {
	let html = '';
	let i = 0;
	while (i < lines.length) {
		const line = lines[i];
		if (blank(line)) {
			i++;
			continue;
		}
		let m: RegExpMatchArray | null;
		if ((m = line.match(FENCE))) {
			const fence = m[1];
			const body: string[] = [];
			for (i++; i < lines.length && !lines[i].trim().startsWith(fence); i++) body.push(lines[i]);
			i++;
			html += `<pre><code>${escapeHtml(body.join('\n'))}${body.length ? '\n' : ''}</code></pre>\n`;
		} else if ((m = line.match(HEADING))) {
			// A text sits under the step's own h1: its headings start one level down, so headings stay in order.
			const level = Math.min(6, m[1].length + 1);
			html += `<h${level}>${inline(m[2] ?? '', resolve)}</h${level}>\n`;
			i++;
		} else if (RULE.test(line)) {
			html += '<hr>\n';
			i++;
		} else if (QUOTE.test(line)) {
			const body: string[] = [];
			for (; i < lines.length && !blank(lines[i]) && (QUOTE.test(lines[i]) || !startsBlock(lines[i])); i++) body.push(lines[i].replace(QUOTE, ''));
			html += `<blockquote>\n${blocks(body, resolve)}</blockquote>\n`;
		} else if ((m = line.match(ITEM))) {
			const result = list(lines, i, resolve);
			html += result.html;
			i = result.next;
		} else {
			const para: string[] = [];
			for (; i < lines.length && !blank(lines[i]) && (para.length === 0 || !startsBlock(lines[i])); i++) para.push(lines[i].replace(/^ {0,3}/, ''));
			const text = inline(para.join('\n').replace(/[ \t]+$/, ''), resolve);
			if (text.trim()) html += tight ? `${text}\n` : `<p>${text}</p>\n`;
		}
	}
	return html;
}

function list(lines: string[], start: number, resolve: (path: string) => string): { html: string; next: number } {
	const first = lines[start].match(ITEM)!;
	const ordered = /\d/.test(first[2]);
	const marker = ordered ? first[2].slice(-1) : first[2];
	const items: string[][] = [];
	let loose = false;
	let i = start;
	while (i < lines.length) {
		const m = lines[i].match(ITEM);
		if (!m || (ordered ? !/\d/.test(m[2]) || m[2].slice(-1) !== marker : m[2] !== marker)) break;
		const indent = m[1].length + m[2].length + Math.min(m[3]?.length ?? 1, 4);
		const item = [m[4] ?? ''];
		i++;
		let sawBlank = false;
		while (i < lines.length) {
			const line = lines[i];
			if (blank(line)) {
				sawBlank = true;
				item.push('');
				i++;
				continue;
			}
			const lead = line.match(/^ */)![0].length;
			if (lead >= indent) item.push(line.slice(indent));
			else if (!sawBlank && !startsBlock(line)) item.push(line.trim()); // a lazy continuation line
			else break;
			sawBlank = false;
			i++;
		}
		while (item.length && blank(item[item.length - 1])) {
			item.pop();
			const next = i < lines.length ? lines[i].match(ITEM) : null;
			if (next && (ordered ? /\d/.test(next[2]) && next[2].slice(-1) === marker : next[2] === marker)) loose = true;
		}
		if (item.some((l, k) => k > 0 && blank(l) && item.slice(k + 1).some((x) => !blank(x)) && !ITEM.test(item[k + 1] ?? ''))) loose = true;
		items.push(item);
	}
	const startNumber = ordered ? parseInt(first[2], 10) : 1;
	const tag = ordered ? 'ol' : 'ul';
	const open = ordered && startNumber !== 1 ? `<ol start="${startNumber}">` : `<${tag}>`;
	const body = items.map((item) => `<li>${blocks(item, resolve, !loose).replace(/\n$/, '')}</li>\n`).join('');
	return { html: `${open}\n${body}</${tag}>\n`, next: i };
}

// ---------- the safety allowlist (layer 2) ----------

const ALLOWED: Record<string, string[]> = {
	p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], del: [], code: [], pre: [],
	blockquote: [], ul: [], ol: ['start'], li: [], a: ['href', 'title'], img: ['src', 'alt', 'title']
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
	const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
	return allowlist(blocks(lines, resolveFile));
}

/** Inline markdown (no paragraphs), for option labels and short texts. */
export function renderInline(text: string, resolveFile: (path: string) => string): string {
	const html = renderMarkdown(text, resolveFile).trim();
	return html.startsWith('<p>') && html.endsWith('</p>') && html.indexOf('<p>', 1) === -1 ? html.slice(3, -4) : html;
}
