/**
 * Node-only: makes an SVG file safe to ship. An SVG is a document that can run script when it is
 * opened on its own (a link to it, "open image in new tab"), so what build and package ship is
 * never the author's file but this sanitiser's output:
 * 1. a DOCTYPE or ENTITY declaration is refused outright (an internal entity can hide a script
 *    that the browser's XML parser expands);
 * 2. the file is parsed as XML (jsdom), as a browser parses image/svg+xml, so namespaces count as
 *    they do there: `<s:script xmlns:s="http://www.w3.org/2000/svg">` is a script;
 * 3. DOMPurify's SVG profile keeps only known SVG elements and attributes in the SVG namespace;
 *    it removes scripts whatever their prefix or namespace, event handlers, javascript: links,
 *    foreignObject, <use>, animation of attributes and processing instructions;
 * 4. only the root <svg> element is written out again (no xml-stylesheet instruction before it).
 * The checker reports every change (see `changes`) as an error: an image a trainer made should
 * need none.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type SvgVerdict =
	/** `svg`: the text to ship; `changes`: what was removed ([] when the file was already clean). */
	| { ok: true; svg: string; changes: SvgChange[] }
	/** The file cannot be shipped at all. */
	| { ok: false; reason: 'doctype' | 'not-xml' | 'not-svg'; what: string; offset: number };

export interface SvgChange {
	/** What was removed, as an author finds it in the file: `<s:script>`, `onload=`. */
	what: string;
	/** Where it first appears in the file's text (best effort), to give a line. */
	offset: number;
}

let purifier: { purify: DOMPurify; window: JSDOM['window'] } | undefined;
function tools() {
	if (!purifier) {
		const { window } = new JSDOM('');
		purifier = { purify: createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]), window };
	}
	return purifier;
}

/** Sanitises one SVG file's text; see the top of this file. */
export function sanitiseSvg(text: string): SvgVerdict {
	const source = text.replace(/^\uFEFF/, '');
	const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(source);
	if (declaration) return { ok: false, reason: 'doctype', what: `<!${declaration[1].toUpperCase()}`, offset: declaration.index };

	const { purify, window } = tools();
	const doc = new window.DOMParser().parseFromString(source, 'image/svg+xml');
	const root = doc.documentElement;
	if (!root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror').length > 0)
		return { ok: false, reason: 'not-xml', what: (root?.textContent ?? '').trim().split('\n')[0].slice(0, 120), offset: 0 };
	if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
		const at = source.indexOf(`<${root.nodeName}`);
		return { ok: false, reason: 'not-svg', what: `<${root.nodeName}${root.namespaceURI ? '' : ' (no xmlns="http://www.w3.org/2000/svg")'}>`, offset: Math.max(0, at) };
	}

	const changes: SvgChange[] = [];
	const at = (needle: string) => Math.max(0, source.indexOf(needle));
	for (let node = doc.firstChild; node; node = node.nextSibling)
		if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE) changes.push({ what: `<?${node.nodeName}?>`, offset: at(`<?${node.nodeName}`) });
	try {
		purify.sanitize(root, {
			USE_PROFILES: { svg: true, svgFilters: true },
			// Accessible names authors give their images, and comments (editors write them; they run nothing).
			ADD_ATTR: ['role'],
			ADD_TAGS: ['#comment'],
			KEEP_CONTENT: false,
			IN_PLACE: true
		});
	} catch {
		return { ok: false, reason: 'not-svg', what: `<${root.nodeName}>`, offset: at(`<${root.nodeName}`) };
	}
	for (const removed of purify.removed as { element?: Node; attribute?: Attr | null; from?: Element }[]) {
		if (removed.attribute) changes.push({ what: `${removed.attribute.name}=`, offset: at(`${removed.attribute.name}=`) });
		else if (removed.element) {
			const name = removed.element.nodeName;
			const what = name === '#comment' ? '<!-- … -->' : name === '#cdata-section' ? '<![CDATA[ … ]]>' : name.startsWith('#') ? name : `<${name}>`;
			changes.push({ what, offset: at(name.startsWith('#') ? (name === '#cdata-section' ? '<![CDATA[' : '<!--') : `<${name}`) });
		}
	}
	// A namespace declaration is removed with what uses it; name what used it, unless it is all there was.
	const named = changes.filter((c) => !c.what.startsWith('xmlns:'));
	if (named.length) changes.splice(0, changes.length, ...named);
	changes.sort((a, b) => a.offset - b.offset);
	return { ok: true, svg: new window.XMLSerializer().serializeToString(root) + '\n', changes };
}
