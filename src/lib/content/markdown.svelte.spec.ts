// @vitest-environment jsdom
// Runs in jsdom (the 'dom' project) because the second safety layer needs DOMParser.
import { describe, expect, it } from 'vitest';
import { allowlist, renderInline, renderMarkdown } from './markdown';

const resolve = (path: string) => `modules/m/${path}`;
const render = (text: string) => renderMarkdown(text, resolve);

/** Parses the output as the browser would and lists what could run or load. */
function dangers(html: string): string[] {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const found: string[] = [];
	for (const el of doc.body.querySelectorAll('*')) {
		if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'INPUT', 'BUTTON', 'TEMPLATE'].includes(el.tagName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`<${el.localName}>`);
		for (const attr of el.attributes) {
			if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc') found.push(`${el.localName}[${attr.name}]`);
			if ((attr.name === 'href' || attr.name === 'src') && /^\s*(javascript|data|vbscript):/i.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
		}
	}
	return found;
}

describe('renderMarkdown in the browser (both safety layers)', () => {
	it('renders the markdown authors use', () => {
		expect(render('Een **vet** en *schuin* woord.\n\n- een\n- twee')).toBe('<p>Een <strong>vet</strong> en <em>schuin</em> woord.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n');
		expect(render('# Kop')).toBe('<h2>Kop</h2>\n');
		expect(render('![Sam](media/sam.svg)')).toBe('<p><img src="modules/m/media/sam.svg" alt="Sam"></p>\n');
		expect(render('[bron](https://example.org/a?b=1)')).toBe('<p><a href="https://example.org/a?b=1" target="_blank" rel="noopener noreferrer">bron</a></p>\n');
		expect(renderInline('Ga **door**', resolve)).toBe('Ga <strong>door</strong>');
	});

	it('renders inline only a text of one paragraph; other texts keep all their blocks', () => {
		expect(renderInline('een\n\ntwee', resolve)).toBe('<p>een</p>\n<p>twee</p>');
		expect(renderInline('tekst\n\n- a', resolve)).toBe('<p>tekst</p>\n<ul>\n<li>a</li>\n</ul>');
		expect(renderInline('- a\n\ntekst', resolve)).toBe('<ul>\n<li>a</li>\n</ul>\n<p>tekst</p>');
		expect(renderInline('> citaat', resolve)).toBe('<blockquote>\n<p>citaat</p>\n</blockquote>');
		expect(renderInline('# Kop', resolve)).toBe('<h2>Kop</h2>');
		expect(renderInline('', resolve)).toBe('');
	});

	it('links only to what the URL rule allows: a file of the module other than an image stays text', () => {
		expect(render('Lees [de folder](media/info.html) of [de code](media/x.js).')).toBe('<p>Lees de folder of de code.</p>\n');
		expect(render('![x](media/info.html) en [s](./media/sam.svg)')).toBe('<p>x en <a href="modules/m/./media/sam.svg" target="_blank" rel="noopener noreferrer">s</a></p>\n');
		expect(render('[x](javascript:alert("https:"))')).not.toContain('href');
	});

	it.each([
		['a script block', '<script>alert(1)</script>\n\nNa het script.'],
		['an inline script', 'Tekst <script>alert(1)</script> en meer.'],
		['an onerror attribute', '<img src="x" onerror="alert(1)">'],
		['an inline onerror', 'Kijk: <img src=x onerror=alert(1)> hier.'],
		['a javascript: link', '[klik](javascript:alert(1))'],
		['a hidden javascript: link', '[klik](java\tscript:alert(1)) en [twee](  JaVaScRiPt:alert(1))'],
		['a javascript: autolink', '<javascript:alert(1)>'],
		['a data: link', '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
		['a javascript: image', '![x](javascript:alert(1))'],
		['an svg with script', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>'],
		['an svg onload', '<svg onload=alert(1)>'],
		['an iframe', '<iframe src="https://evil.example"></iframe>'],
		['a style attribute', '<p style="position:fixed;inset:0">cover</p>'],
		['a form', '<form action="https://evil.example"><input name="p"><button>go</button></form>'],
		['mutation bait', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
		['a math element', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
		['a quote in a title', '[x](https://a.example "t\\" onmouseover=\\"alert(1)")'],
		['an entity trick', '[x](&#106;avascript:alert(1)) and &lt;script&gt;alert(1)&lt;/script&gt;']
	])('keeps %s inert', (_name, text) => {
		const html = render(text);
		expect(dangers(html)).toEqual([]);
		// What is left of the attack may show as text; it must never be markup.
		expect(html).not.toMatch(/<script/i);
	});

	it('keeps the text between removed tags, and drops the script text', () => {
		const html = render('Tekst <b>vet</b> <script>alert(1)</script> klaar.');
		expect(html).toContain('vet');
		expect(html).toContain('klaar.');
		expect(html).not.toContain('<b>');
		expect(html).not.toContain('alert');
	});

	it('drops an element with its content only within its own paragraph: the next paragraphs stay', () => {
		const html = render('<noscript><p title="</noscript><img src=x onerror=alert(1)>">\n\nGewone tekst na de aanval.\n\n<script>\nalert(2)\n</script>\n\nEn nog meer.');
		expect(dangers(html)).toEqual([]);
		expect(html).toContain('Gewone tekst na de aanval.');
		expect(html).toContain('En nog meer.');
		expect(html).not.toContain('alert(2)');
	});

	it('renders a GFM table, without attributes', () => {
		const html = render('| Wie | Wat |\n|:---|---:|\n| Sam | **16** |');
		expect(html).toContain('<table>');
		expect(html).toContain('<th>Wie</th>');
		expect(html).toContain('<td><strong>16</strong></td>');
		expect(html).not.toContain('align');
	});

	it('renders a 100 KB text whole', () => {
		const html = render('Heel lang. '.repeat(10_000));
		expect(html.length).toBeGreaterThan(100_000);
		expect(html.startsWith('<p>Heel lang.')).toBe(true);
	});
});

// The second layer on its own, as if the first had let something through (through renderMarkdown
// it only ever sees allowed tags: the tag scanner removes the rest before).
describe('the allowlist in the browser (layer 2, on its own)', () => {
	// Void elements (embed, input) and template (its content is not among its children) lose nothing
	// more by being dropped than by being unwrapped, and SVG and MathML go as foreign elements.
	it.each(['script', 'style', 'iframe', 'object', 'noscript', 'textarea', 'select', 'button', 'form', 'title', 'xmp', 'noembed', 'noframes'])('removes <%s> with what it holds', (tag) => {
		expect(allowlist(`a<${tag}>geheim</${tag}>b`)).toBe('ab');
	});

	it('removes <plaintext> and everything after it (the browser reads the rest as its text)', () => {
		expect(allowlist('a<plaintext>geheim</plaintext>b')).toBe('a');
	});

	it('removes SVG and MathML with what they hold, even elements whose names are allowed in HTML', () => {
		expect(allowlist('<p>x<svg><a href="https://a.nl"><title>t</title>y</a></svg><math><mi>z</mi></math>.</p>')).toBe('<p>x.</p>');
	});

	it('unwraps other unknown tags, keeping their text but not what they hold that is dropped', () => {
		expect(allowlist('<div>a<span>b<script>c</script></span></div><p><u>d</u></p>')).toBe('ab<p>d</p>');
		expect(allowlist('a<!-- opmerking -->b<![CDATA[c]]>')).toBe('ab');
	});

	it('keeps only the allowed attributes, and addresses only where the URL rule allows them', () => {
		expect(allowlist('<p class="x" onclick="y">a</p><ol start="3" type="a"><li>b</li></ol>')).toBe('<p>a</p><ol start="3"><li>b</li></ol>');
		expect(allowlist('<a href="javascript:alert(1)" title="t">x</a>')).toBe('<a title="t">x</a>');
		// tel: is a link, never an image; an alt or title is text, even one that starts like a scheme.
		expect(allowlist('<img src="tel:1" alt="Data: omzet"><img src="https://a.nl/x.png" alt="x" title="Javascript: een inleiding">')).toBe('<img alt="Data: omzet"><img src="https://a.nl/x.png" alt="x" title="Javascript: een inleiding">');
		expect(allowlist('<a href="tel:1">bel</a>')).toBe('<a href="tel:1" target="_blank" rel="noopener noreferrer">bel</a>');
	});

	it('opens only links with an address in a new tab', () => {
		expect(allowlist('<a title="t">x</a> <a href="#">y</a>')).toBe('<a title="t">x</a> <a href="#" target="_blank" rel="noopener noreferrer">y</a>');
	});
});
