// Node (no DOM): the renderer's own HTML (layer 1) compared with marked's, the library it replaced,
// on texts written here (every shipped text: markdown-shipped.spec.ts).
import { Lexer, Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { INLINE_RULES, linkStart, renderMarkdown, scanAllowlist, webOnly, without } from './markdown';
import { MAX_TEXT_LENGTH } from './text-limit';
import { isSafeUrl, LINK_KINDS } from '../engine/safe-url';

/** marked with headings one level down, as ours. */
const marked = new Marked({ gfm: true, walkTokens: (t) => void (t.type === 'heading' && (t.depth = Math.min(6, t.depth + 1))) });
const normal = (html: string) => html.replace(/>\s+</g, '><').replace(/\s+</g, '<').replace(/>\s+/g, '>').trim();
const same = (text: string) => [normal(renderMarkdown(text, (p) => p)), normal(marked.parse(text) as string)];

describe('renderMarkdown renders as marked does', () => {
	it.each([
		['paragraphs and soft line breaks', 'Een\ntwee\n\nDrie  \nvier\\\nvijf'],
		['emphasis', '**vet**, __vet__, *schuin*, _schuin_, ~~weg~~, `code <b>`, snake_case_naam, 2 * 3 * 4'],
		['lists', '- een\n- twee\n  - twee a\n  - twee b\n- drie\n\n1. eerste\n2. tweede\n\n3. derde'],
		['a loose list', '- een\n\n- twee\n\n  met een tweede alinea'],
		['a numbered list from 3', '3) drie\n4) vier'],
		['headings, quotes, rules and code', '## Kop 2\n\n> Een citaat\n> over **twee** regels\n\n---\n\n```\nconst a = 1 < 2;\n```'],
		['links and images', 'Zie [de bron](https://example.org/x "Titel"), <https://example.org>, https://example.org/y en ![Alt *tekst*](media/a.png)'],
		['escapes and entities', '\\*geen nadruk\\*, a &amp; b, &eacute;, 5 > 3 < 4, "quotes" en \'enkel\'']
	])('%s', (_name, text) => {
		const [ours, theirs] = same(text);
		expect(ours).toBe(theirs);
	});
});

describe('renderMarkdown on texts the hand-written parser got wrong', () => {
	const render = (text: string) => renderMarkdown(text, (p) => `modules/m/${p}`);

	it('renders 48 KB of "*a " and 16 KB of "[" as the text they are (the old parser froze the page for seconds)', () => {
		const stars = '*a '.repeat(16_000);
		expect(render(stars)).toContain('a *a *a *a');
		const brackets = '['.repeat(16_000);
		expect(render(brackets)).toBe(`<p>${brackets}</p>\n`);
	});

	it('keeps a link address with brackets whole', () => {
		expect(render('[Koers](https://nl.wikipedia.org/wiki/Koers_(richting))')).toBe('<p><a href="https://nl.wikipedia.org/wiki/Koers_(richting)">Koers</a></p>\n');
	});

	it('nests ***x*** as emphasis around strong, as CommonMark says', () => {
		expect(render('***x***')).toBe('<p><em><strong>x</strong></em></p>\n');
	});

	it('reads a backslash escape in a link address without leaking anything of its own', () => {
		const html = render('[a](https://example.org/a\\_b)');
		expect(html).toBe('<p><a href="https://example.org/a_b">a</a></p>\n');
		expect(html).not.toMatch(/%00|\u0000/);
	});

	it('nests quotes and lists at most 16 deep; the markers past that are text (the parser would overflow its stack)', () => {
		for (const marker of ['>', '1. ', '- ', '* - ']) {
			// As many markers as a module text may hold (longer texts are not parsed: below).
			const html = render(`${marker.repeat(Math.floor((MAX_TEXT_LENGTH - 5) / marker.length))}tekst`);
			expect(html.match(/<(blockquote|ol|ul)>/g)?.length).toBeLessThanOrEqual(16);
			expect(html).toContain('tekst');
		}
		expect(render('> > a')).toBe('<blockquote>\n<blockquote>\n<p>a</p>\n</blockquote>\n</blockquote>\n');
	});
});

describe('raw HTML in a text (layer 1, without the browser allowlist)', () => {
	const render = (text: string) => renderMarkdown(text, (p) => `modules/m/${p}`);

	// Code, styles, embedded documents and form fields: what they hold is not text for a learner.
	it.each(['script', 'style', 'template', 'iframe', 'object', 'svg', 'math', 'textarea', 'noscript', 'title', 'xmp', 'SCRIPT', 'Style'])('removes <%s> with what it holds', (tag) => {
		expect(render(`a <${tag}>geheim</${tag}> b`)).toBe('<p>a  b</p>\n');
	});

	it('removes other tags and keeps their text', () => {
		expect(render('a <b>vet</b> <my-tag>b</my-tag> <u>c</u>')).toBe('<p>a vet b c</p>\n');
	});

	it('keeps what follows a self-closed element, or an element without its closing tag, or a closing tag alone', () => {
		expect(render('a <svg/> b </svg> c')).toBe('<p>a  b  c</p>\n');
		expect(render('a </script> b <script> c')).toBe('<p>a  b  c</p>\n');
		expect(render('a <script>b</script> c <script>d</script> e')).toBe('<p>a  c  e</p>\n');
		expect(render('a <script> b <style> c </script> d </style> e')).toBe('<p>a  d  e</p>\n');
		// An element left open does not keep the ones after it from going with their content.
		expect(render('a <script>x</script> b <script> c <style>d</style> e')).toBe('<p>a  b  c  e</p>\n');
	});

	it('does not take a `/>` inside an attribute for a self-closed element', () => {
		expect(render('a <svg title="/>"> b </svg> c')).toBe('<p>a  c</p>\n');
	});

	it('keeps the text of a block of raw HTML, without its tags', () => {
		expect(render('<div>\nEen **tekst**\n</div>')).toBe('<p>\nEen <strong>tekst</strong>\n</p>\n');
	});

	it('escapes quotes and ampersands in a title or an alt text, and keeps an escape in an address', () => {
		expect(render('[a](https://a.nl/a%20b "Tom & Jerry\'s \\"film\\"")')).toBe('<p><a href="https://a.nl/a%20b" title="Tom &amp; Jerry&#39;s &quot;film&quot;">a</a></p>\n');
		expect(render('![Sam "de baas" & co\'s](media/sam.png)')).toBe('<p><img src="modules/m/media/sam.png" alt="Sam &quot;de baas&quot; &amp; co&#39;s"></p>\n');
	});
});

describe('renderMarkdown on adversarial texts (their speed is a bench figure: npm run bench -- --only markdown)', () => {
	const render = (text: string) => renderMarkdown(text, (p) => `modules/m/${p}`);
	/** marked as it is, with raw HTML dropped as ours does for comments and the like. */
	const withoutHtml = new Marked({ gfm: true, renderer: { html: () => '' } });
	/** marked with our one URL rule (a refused address leaves its text) and without raw HTML, as ours shows links. */
	const reference = new Marked({
		gfm: true,
		renderer: {
			link({ href, tokens }) {
				return isSafeUrl(href, LINK_KINDS) ? false : this.parser.parseInline(tokens);
			},
			html: () => ''
		}
	});
	const sameAsMarked = (text: string) => expect(normal(renderMarkdown(text, (p) => p))).toBe(normal(reference.parse(text) as string));

	it('leaves a bare e-mail address as text (no autolink: that search was quadratic) and keeps written mailto: links', () => {
		expect(render('Mail a@b.nl of mailto:c@d.nl')).toBe('<p>Mail a@b.nl of mailto:c@d.nl</p>\n');
		expect(render('[Mail ons](mailto:a@b.nl)')).toBe('<p><a href="mailto:a@b.nl">Mail ons</a></p>\n');
		expect(INLINE_RULES.text.source).not.toContain('@');
		expect(INLINE_RULES.url.source).not.toContain('@');
		expect(render('zie https://a.nl/x, www.b.nl en HTTP://C.NL.')).toBe('<p>zie <a href="https://a.nl/x">https://a.nl/x</a>, <a href="http://www.b.nl">www.b.nl</a> en <a href="HTTP://C.NL">HTTP://C.NL</a>.</p>\n');
	});

	it('reads runs of address characters without an @ as text and emphasis', () => {
		expect(render('_a_b'.repeat(5_000))).toBe(`<p>${'_a_b'.repeat(5_000)}</p>\n`);
		expect(render('x **vet** y a**b')).toBe('<p>x <strong>vet</strong> y a**b</p>\n');
	});

	it.each([
		['an unclosed comment', 'x<!-- y'],
		['a comment and an unclosed one', 'a <!-- b --> c <!-- d'],
		['an end before the start', '--> x<!-- y'],
		['unclosed processing instructions', 'x<?a<?b'],
		['a processing instruction', 'a <?php b ?> c <? d'],
		['CDATA', 'a <![CDATA[ b ]]> c <![CDATA[ d'],
		['declarations', 'a <!DOCTYPE x> b <!X y'],
		['a comment in a link text', '[a <!-- b --> c](https://x.nl) d <!-- e'],
		['a comment ending after its link', '[a <!-- b](https://x.nl) c -->'],
		['code spans', '`<?` code <? x ?> `<!--`'],
		// Each kind looks for its own end: a text that ends with the start of another kind keeps the first.
		['a declaration before an unclosed comment', 'a <!X y> b <!--'],
		['a declaration before an unclosed processing instruction', 'a <!X y> b <?'],
		['a declaration before unclosed CDATA', 'a <!X y> b <![CDATA['],
		// Emphasis in strong text in a link's text: each is read as a text of its own.
		['a comment three levels deep in a link text', '[**x *<!-- b -->* y z w v** t](https://x.nl)'],
		['a processing instruction three levels deep in a link text', '[**x *<? b ?>* y z w v** t](https://x.nl)']
	])('removes comments and the like as marked finds them: %s', (_name, text) => {
		expect(normal(render(text))).toBe(normal(withoutHtml.parse(text) as string));
	});

	it('shows a bare address of more than 2,048 characters as text, and one after it as a link', () => {
		const long = `https://a.nl/${'x'.repeat(3_000)}`;
		const html = render(`${long} https://b.nl`);
		expect(html).not.toContain(`href="${long}`);
		expect(html).toContain(long);
		expect(html).toContain('<a href="https://b.nl">https://b.nl</a>');
		// At the limit exactly, in a text long enough to be read in parts (KoersTokenizer.url).
		const rest = ' tekst'.repeat(400);
		const longest = `https://a.nl/${'x'.repeat(2_048 - 13)}`;
		expect(render(`${longest}${rest}`)).toBe(`<p><a href="${longest}">${longest}</a>${rest}</p>\n`);
		expect(render(`${longest}y${rest}`)).toBe(`<p>${longest}y${rest}</p>\n`);
		const run = 'http://a.'.repeat(500);
		expect(render(run)).toBe(`<p>${run}</p>\n`);
	});

	it('reads a long http: address as the same address with https:', () => {
		// The `(` closes past the 2,112 characters read for one address (see KoersTokenizer.url).
		const address = (scheme: string) => `${scheme}://a.nl/b(${'x'.repeat(2_200)}) c`;
		expect(render(address('http'))).toBe(render(address('https')).replaceAll('https:', 'http:'));
	});

	it.each([
		['addresses in a run without spaces', 'www.a('.repeat(300)],
		['an address whose `(` closes past the part read at once', `www.a(${'x'.repeat(100)}) b https://c.nl/(${'y'.repeat(100)})z d`],
		['an address whose `(` closes after a space', `www.a(${'x'.repeat(100)} b) www.c(d`],
		['addresses and brackets', 'http://a.nl/(b)c('.repeat(50) + ' ' + 'www.a.nl/).,'.repeat(50)],
		// Full stops are cut off the end of an address, but not in its middle.
		['an address with full stops across the part read at once', `zie www.a.nl/${'x'.repeat(50)}${'.'.repeat(20)}${'y'.repeat(20)} tekst`],
		['an address with a `(` that closes inside the part read at once', `zie www.a.nl/${'.'.repeat(10)}(${'x'.repeat(51)})( tekst`],
		['two addresses in a paragraph, the second with a `)` far on', `www.a.nl/${'x'.repeat(40)})(${'y'.repeat(30)} www.b.nl/${'x'.repeat(40)})(${'z'.repeat(30)})`],
		['an address in emphasis in struck-through text', `~~a *www.a.nl/${'x'.repeat(40)}(${'y'.repeat(30)})* ${'q '.repeat(30)}b~~`],
		['an address right after a long link text', `[${'een lange tekst '.repeat(6)}](tel:1)www.a.nl/(${'x'.repeat(70)}) tekst`]
	])('reads bare addresses as marked does where it reads only part of the text: %s', (_name, text) => sameAsMarked(text));

	it('parses a text of exactly the most a module text may hold; one character more is shown unparsed, every character escaped', () => {
		const paragraph = 'Een *zin* met <script>x</script>. ';
		const longest = `${paragraph.repeat(Math.floor(MAX_TEXT_LENGTH / paragraph.length))}`.padEnd(MAX_TEXT_LENGTH, 'a');
		expect(longest).toHaveLength(MAX_TEXT_LENGTH);
		expect(render(longest)).toContain('<em>zin</em>');
		expect(render(longest)).not.toContain('script');
		const tooLong = `${longest}b\n\n**tweede** alinea`;
		// The checker refuses such a text (text-too-long); one that reaches the player anyway is read
		// as it was written, in its paragraphs, and nothing in it is markup.
		expect(render(tooLong)).toBe(`<p>${longest.replace(/</g, '&lt;').replace(/>/g, '&gt;')}b</p>\n<p>**tweede** alinea</p>\n`);
		// Quadratic for marked (README.md, "Speed"); unparsed, one linear pass.
		expect(render('[[x](y)]('.repeat(5_000) + ')'.repeat(5_000))).toBe(`<p>${'[[x](y)]('.repeat(5_000)}${')'.repeat(5_000)}</p>\n`);
	});

	it('shows a text that is too long in its paragraphs, split at lines that are empty or hold only spaces and tabs', () => {
		const first = 'a'.repeat(MAX_TEXT_LENGTH);
		expect(render(`\n \n${first}\n \n\t\n  b *c* \n\n\n\n d\ne\n\n  \n`)).toBe(`<p>${first}</p>\n<p>b *c*</p>\n<p>d\ne</p>\n`);
	});

	it('leaves out every NUL character of a text', () => {
		expect(render('a\u0000b\u0000c *d\u0000*')).toBe('<p>abc <em>d</em></p>\n');
	});

	it('renders a list of 2,000 items as one list, and a table of 1,990 rows as one table', () => {
		const list = render('- punt\n'.repeat(2_000));
		expect(list.match(/<ul>/g)).toHaveLength(1);
		expect(list.match(/<li>punt<\/li>/g)).toHaveLength(2_000);
		const table = render(`| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(1_990)}`);
		expect(table.match(/<table>/g)).toHaveLength(1);
		expect(table.match(/<tr>/g)).toHaveLength(1_991);
		expect(table).toContain('<th>a</th>');
		expect(table).toContain('<td>2</td>');
	});

	describe('reads links as marked does where it reads only part of the text (boundedLink)', () => {
		const long = (n: number) => `https://a.nl/${'x'.repeat(n)}`;

		it.each([
			['an address longer than the part read at once', `zie [a](${long(1_500)}) en [b](${long(10)})`],
			['an address longer than the URL rule allows', `zie [a](${long(3_000)}) en [b](${long(10)}).`],
			['an address longer than the part read at once, without its `)`', `[a](${long(1_500)} en [b](https://b.nl)`],
			['balanced brackets in an address', '[Koers](https://nl.wikipedia.org/wiki/Koers_(richting)) en [b](https://b.nl/(x)(y))z)'],
			['balanced brackets in a long address', `[a](${long(700)}_(richting)${'y'.repeat(700)}) b`],
			['an escaped bracket', '[a](https://a.nl/\\)b) [c](https://a.nl/\\(d) [e](https://a.nl/\\\\)f)'],
			['a title', '[a](https://a.nl/x "Een titel") [b](https://b.nl/(y) \'titel\') [c](https://c.nl (titel))'],
			['a title after a long address', `[a](${long(1_000)} "titel") [b](${long(1_000)}\n'titel')`],
			['a text over a line break', '[een\nlange *tekst*](https://a.nl/x) [en\nnog een](https://b.nl/y(z))'],
			['an image', '![alt\ntekst](https://a.nl/a.png) ![b](https://b.nl/(b).png "titel")'],
			['an empty address', '[a]() [b]()) [c](())'],
			// tel: addresses here, so the text between the links holds no bare web address (see KoersTokenizer.url).
			['links in a run without spaces', '[a](tel:1)'.repeat(300)],
			// Nested at most 32 deep (deeper: below).
			['link starts in one run, brackets closing some', '[a](tel:('.repeat(32) + ')'.repeat(16)],
			['link starts in one run, brackets closing all', '[a](tel:('.repeat(31) + ')'.repeat(32) + '[b](tel:2)'],
			['addresses nested 32 deep', `[a](tel:${'('.repeat(31)}1${')'.repeat(31)}) [b](${long(100)}${'('.repeat(32)}${')'.repeat(32)})`],
			['an opening bracket that never closes', '[a](tel:('.repeat(300) + ')'],
			['runs of links and brackets', '([a](tel:1)'.repeat(100) + ' ' + '[a](tel:1)('.repeat(100) + ' ' + '[a](tel:(1)('.repeat(100) + ')'],
			['nested labels', '[[a](https://a.nl/)](https://b.nl/) [a [b] c](https://c.nl/) [a [b [c] d] e](https://d.nl/)'],
			['code in a label', '[`a](x)`](https://a.nl/) [``a``](https://b.nl/) [a``](https://c.nl/)``](https://d.nl/) [``](https://e.nl/)``'],
			['a tag in a label', '[<b>a</b>](https://a.nl/) [<a title="](https://b.nl/)">x](https://c.nl/) [<http://x](https://d.nl/)>'],
			['an address after a space or in <…>', '[a]( https://a.nl/b) [c](<https://c.nl/d e>) [f](\thttps://f.nl/)'],
			// An escaped `)` is part of the address: read as a closing one, the address would be cut short.
			['an escaped bracket near the end of the part read at once', `[a](tel:${'x'.repeat(55)}\\)${'y'.repeat(10)}) [b](tel:${'x'.repeat(119)}\\)${'y'.repeat(10)})`],
			['an address in <…> with brackets', '[a](<tel:((>) b [c](<tel:)>) d'],
			['a label that is code or text', '[``](tel:1)``](tel:( x'],
			['a reference after a link', '[a](https://a.nl/) [b][c]\n\n[c]: https://c.nl/'],
			['a tab in an address, then brackets', '[a](tel:1\t((())'],
			['an escaped bracket and a space after a long label', `[${'een lange tekst '.repeat(2)}](\\) )`],
			['an escaped `(` inside brackets', '[a](tel:(\\())'],
			['a backslash before a space at the end of the part read at once', `[ab](https://a.nl/${'x'.repeat(43)}\\ )`],
			['an escaped bracket at the start of a long address', `[a](tel:\\)${'x'.repeat(80)})`],
			['a long address, then brackets that never close', `[a](tel:${'1'.repeat(100)}) ${'('.repeat(40)}`]
		])('%s', (_name, text) => sameAsMarked(text));
	});

	it('takes no address whose parentheses nest more than 32 deep (CommonMark allows the limit; marked has none)', () => {
		const deep = (n: number) => `[a](tel:${'('.repeat(n)}1${')'.repeat(n)})`;
		expect(render(deep(31))).toContain('<a href="tel:');
		expect(render(deep(32))).toContain('<a href="tel:');
		expect(render(deep(33))).not.toContain('<a');
		expect(render(`x ${deep(33)} [b](tel:2)`)).toContain('<a href="tel:2"');
		// Long enough to be read through the run's index, not character by character.
		expect(render(`[a](tel:${'1'.repeat(100)}${'('.repeat(33)}${')'.repeat(33)}) [b](tel:2)`)).toBe(`<p>[a](tel:${'1'.repeat(100)}${'('.repeat(33)}${')'.repeat(33)}) <a href="tel:2">b</a></p>\n`);
		// Links nested in the label of a link whose address never closes at its depth: each inner link
		// stays a link, the outer brackets text (marked spends quadratic time rejecting them).
		const nested = render('[[x](tel:1)]('.repeat(1_400) + ')'.repeat(1_400));
		expect(nested.match(/<a href="tel:1">x<\/a>/g)).toHaveLength(1_400);
		expect(nested.startsWith('<p>[<a href="tel:1">x</a>](')).toBe(true);
	});

	it.each([
		['quotes without spaces', '>'.repeat(17) + 'a', '&gt;a'],
		['quotes with tabs', '>\t'.repeat(17) + 'a', '&gt;\ta'],
		['quotes indented by three spaces', `   ${'> '.repeat(17)}a`, '&gt; a'],
		['quotes on a second line', `a\n${'> '.repeat(17)}b`, '&gt; b'],
		['numbered items of two digits', '10. '.repeat(17) + 'a', '10. a'],
		['numbered items with `)`', '1) '.repeat(17) + 'a', '1) a'],
		['items with `+`', '+ '.repeat(17) + 'a', '+ a'],
		['items with `*`', '* '.repeat(17) + 'a', '* a'],
		// (`- - -` would be a rule.)
		['an empty item at the end of the line', '+ '.repeat(16) + '+', '+']
	])('caps a line of 17 markers at 16 and shows the 17th as text: %s', (_name, text, shown) => {
		const html = render(text);
		expect(html.match(/<(blockquote|ol|ul)( start="\d+")?>/g)).toHaveLength(16);
		expect(html).toContain(`>${shown}</`);
		// One marker fewer: every marker opens a level.
		expect(render(text.replace(/^(a\n)?( *)(>\t|> |>|10\. |1\) |\+ |\* )/, '$1$2')).match(/<(blockquote|ol|ul)( start="\d+")?>/g)).toHaveLength(16);
	});

	it('leaves the markers in a code block as written', () => {
		const code = `    ${'> '.repeat(17)}a`;
		expect(render(`${code}\n\n${'> '.repeat(17)}b`)).toMatch(new RegExp(`^<pre><code>${'&gt; '.repeat(17)}a\n</code></pre>\n(<blockquote>\n){16}<p>&gt; b</p>`));
	});

	it('still caps a line of 17 markers and leaves one of 16', () => {
		expect(render(`${'> '.repeat(16)}a`).match(/<blockquote>/g)).toHaveLength(16);
		const capped = render(`${'> '.repeat(17)}a`);
		expect(capped.match(/<blockquote>/g)).toHaveLength(16);
		expect(capped).toContain('&gt; a');
	});
});

describe('the allowlist without a DOM (layer 2 in node)', () => {
	it.each([
		['<script>alert(1)</script>', 'alert(1)'],
		['<img src="x" onerror="alert(1)">', '<img src="x">'],
		['<a href="javascript:alert(1)" title="t">x</a>', '<a title="t">x</a>'],
		['<a href="javascript&colon;alert(1)">x</a>', '<a>x</a>'],
		['<a href="java&#115;cript:alert(1)">x</a>', '<a>x</a>'],
		['<p style="position:fixed">cover</p>', '<p>cover</p>'],
		['<svg onload=alert(1)>', '&lt;svg onload=alert(1)>'],
		["<img src='x' onerror='alert(1)'>", "&lt;img src='x' onerror='alert(1)'>"],
		['1 < 2 <b>vet</b>', '1 &lt; 2 vet'],
		['<ul><li>a</li></ul><p>b<br>c</p><hr>', '<ul><li>a</li></ul><p>b<br>c</p><hr>'],
		['<P>x</P><Em>y</Em>', '<p>x</p><em>y</em>'],
		['<li title="t">a</li><x>b</x><tr >c', '<li>a</li>b<tr>c'],
		['<p', '&lt;p']
	])('%s', (html, expected) => {
		expect(scanAllowlist(html)).toBe(expected);
	});

	// Its own address check, as if the first layer had let an address through: only the module's
	// folder (relative paths), a fragment, and the schemes of the URL rule (engine/safe-url.ts).
	it.each([
		['an address outside the module folder', '<a href="/admin">a</a><img src="/x.png">', '<a>a</a><img>'],
		['a protocol-relative address', '<a href="//evil.example/x">a</a><img src="//evil.example/x.png">', '<a>a</a><img>'],
		['a backslash the browser reads as a slash', '<a href="\\\\evil.example/x">a</a><img src="\\x.png">', '<a>a</a><img>'],
		['a scheme in capitals', '<a href="JAVASCRIPT:alert(1)">a</a><img src="DATA:image/png,x">', '<a>a</a><img>'],
		['a scheme hidden by a tab, a line break or a space', '<a href="java\tscript:alert(1)">a</a><a href="java\nscript:alert(1)">b</a><a href=" javascript:alert(1)">c</a>', '<a>a</a><a>b</a><a>c</a>'],
		['an app scheme', '<a href="ms-settings:privacy">a</a><a href="web+app:x">b</a><a href="x.y:z">c</a>', '<a>a</a><a>b</a><a>c</a>'],
		['a scheme that mentions an allowed one further on', '<a href="javascript:void(0)//https:">a</a><a href="data:text/html,mailto:">b</a><img src="data:image/png,https:">', '<a>a</a><a>b</a><img>'],
		['a scheme the URL rule allows for links but not images', '<img src="tel:1"><img src="mailto:a@b.nl"><img src="#top">', '<img><img><img>']
	])('drops %s', (_name, html, expected) => {
		expect(scanAllowlist(html)).toBe(expected);
	});

	it('keeps the addresses the URL rule allows, in any case, with their references', () => {
		const kept = '<a href="HTTPS://A.NL/x?a=1&amp;b=2" title="t &quot;x&quot;">a</a><a href="mailto:a@b.nl">b</a><a href="tel:+31201234567">c</a><a href="#top">d</a><a href="modules/m/media/x.pdf">e</a><img src="Http://a.nl/x.png" alt="x"><img src="modules/m/media/a.png">';
		expect(scanAllowlist(kept)).toBe(kept);
		// A colon further on in a module path is no scheme.
		expect(scanAllowlist('<img src="modules/m/media/stap:1.png">')).toBe('<img src="modules/m/media/stap:1.png">');
		// A title or alt text is text, even one that starts as a scheme would.
		const texts = '<a href="https://a.nl" title="Javascript: een inleiding">a</a><img src="media/a.png" alt="Data: omzet per jaar">';
		expect(scanAllowlist(texts)).toBe(texts);
		// An attribute without a value is kept empty, never given one.
		expect(scanAllowlist('<a title href="https://a.nl">a</a><img alt src="media/a.png">')).toBe('<a title="" href="https://a.nl">a</a><img alt="" src="media/a.png">');
		// A reference the first layer never writes could spell a scheme: the address goes.
		expect(scanAllowlist('<a href="javascript&#58;alert(1)">a</a><a href="https://a.nl/&copy;">b</a>')).toBe('<a>a</a><a>b</a>');
	});
});

// Koers finds what it changes in marked's grammar by how marked 18 spells its rules. A rule spelled
// otherwise (a marked to come) must come back as marked has it: Koers then reads that text as marked
// does, only slower. Never a rule cut in part, widened, or made of nothing.
describe("marked's grammar adapted, for a marked that spells its rules otherwise", () => {
	const { link, url } = Lexer.rules.inline.gfm;
	/** The address alternative of marked's link rule, as its source spells it. */
	const addressRun = '(?!<)[^ \\t\\n\\x00-\\x1f]+';

	it('without cuts every part it is given, or none', () => {
		const rule = /^(?:a|b|c)$/i;
		const cut = without(rule, ['|b', '|c']);
		expect([cut.source, cut.flags]).toEqual(['^(?:a)$', 'i']);
		// One part spelled otherwise, last or first: the rule as it was, the other part not cut either.
		expect(without(rule, ['|b', '|d'])).toBe(rule);
		expect(without(rule, ['|d', '|b'])).toBe(rule);
	});

	it("webOnly keeps the web alternative of marked's url rule", () => {
		const web = webOnly(url);
		expect(web.source).not.toContain('@');
		expect(web.exec('www.a.nl x')?.[0]).toBe('www.a.nl');
		expect(web.exec('https://a.nl/x y')?.[0]).toBe('https://a.nl/x');
		expect(web.exec('a@b.nl')).toBeNull();
		expect(web.exec('mailto:a@b.nl')).toBeNull();
	});

	it.each([
		['two alternatives', /^www\.[a-z.]+|^[a-z]+@[a-z.]+/],
		['four alternatives', /^mailto:[a-z]+@[a-z.]+|^www\.[a-z.]+|^https:\/\/[a-z.]+|^[a-z]+@[a-z.]+/],
		['three, two of them without an @', /^www\.[a-z.]+|^https:\/\/[a-z.]+|^[a-z]+@[a-z.]+/],
		['three, each with an @', /^mailto:[a-z]+@[a-z.]+|^xmpp:[a-z]+@[a-z.]+|^[a-z]+@[a-z.]+/]
	])('webOnly gives a url rule of %s back as it is', (_name, rule) => {
		expect(webOnly(rule)).toBe(rule);
	});

	it("linkStart reads marked's link rule up to `](`", () => {
		const start = linkStart(link)!;
		expect(start.exec('[a *b*](https://a.nl) c')?.[0]).toBe('[a *b*](');
		expect(start.exec('![alt](a.png)')?.[0]).toBe('![alt](');
		expect(start.exec('[a] (b)')).toBeNull();
	});

	// No label part: boundedLink then leaves every link to marked's own rule.
	it.each([
		['its address run spelled otherwise', link.source.replace(addressRun, '(?!<)[^ \\t\\n\\x00-\\x1f\\x7f]+')],
		['a second address run', `${link.source}|${addressRun}`],
		['its label end spelled otherwise', link.source.replace('\\]\\([ \\t\\n]*(', '\\][ \\t]*\\([ \\t\\n]*(')]
	])('linkStart finds no label part in a link rule with %s', (_name, source) => {
		expect(source).not.toBe(link.source);
		expect(linkStart(new RegExp(source))).toBeNull();
	});
});
