// @vitest-environment jsdom
// Runs in jsdom (the 'dom' project) because the second safety layer needs DOMParser.
import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from './markdown';

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
