import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Renders a module text (markdown) to safe HTML. Authors' HTML is not trusted: marked's output is
 * sanitised with DOMPurify, so `<script>`, event attributes and `javascript:` links never run.
 * Relative image and link paths resolve inside the module folder.
 */
export function renderMarkdown(text: string, resolveFile: (path: string) => string): string {
	const marked = new Marked({
		gfm: true,
		breaks: false,
		async: false,
		walkTokens(token) {
			if ((token.type === 'image' || token.type === 'link') && token.href && isRelative(token.href)) token.href = resolveFile(token.href);
		}
	});
	const html = marked.parse(text) as string;
	return DOMPurify.sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
		FORBID_ATTR: ['style']
	});
}

/** Inline markdown (no paragraphs), for option labels and short texts. */
export function renderInline(text: string, resolveFile: (path: string) => string): string {
	const html = renderMarkdown(text, resolveFile).trim();
	return html.startsWith('<p>') && html.endsWith('</p>') && html.indexOf('<p>', 1) === -1 ? html.slice(3, -4) : html;
}

function isRelative(href: string): boolean {
	return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('/') && !href.startsWith('#');
}

// Links open in a new tab, so a learner never leaves the module (inside an LMS frame especially).
if (typeof window !== 'undefined') {
	DOMPurify.addHook('afterSanitizeAttributes', (node) => {
		if (node.tagName === 'A' && node.getAttribute('href')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer');
		}
	});
}
