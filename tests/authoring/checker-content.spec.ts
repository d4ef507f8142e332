// The checker's text rules (src/lib/authoring/content.ts) at their edges: what an author is told
// about invisible characters, links, images, code and HTML in a text, and the study-time estimate.
// Modules are loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';

let content: typeof import('../../src/lib/authoring/content');
beforeEach(async () => {
	content = await import('../../src/lib/authoring/content');
});

describe('invisible characters', () => {
	it('names the first one, where it is (counting from 1) and how many there are', () => {
		expect(content.invisibleCharacters('ab\u202Ec\u200Bd\u202E')).toEqual({ what: 'U+202E RIGHT-TO-LEFT OVERRIDE', at: 3, count: 3 });
		expect(content.invisibleCharacters('\u200Bx')).toEqual({ what: 'U+200B ZERO WIDTH SPACE', at: 1, count: 1 });
	});

	it('calls an unnamed one a control or a format character, with its code in 4 hex digits', () => {
		expect(content.invisibleCharacters('a\u0007')).toEqual({ what: 'U+0007 CONTROL CHARACTER', at: 2, count: 1 });
		expect(content.invisibleCharacters('a\u009F')).toEqual({ what: 'U+009F CONTROL CHARACTER', at: 2, count: 1 });
		expect(content.invisibleCharacters('a\u2063')).toEqual({ what: 'U+2063 FORMAT CHARACTER', at: 2, count: 1 });
		expect(content.invisibleCharacters('a\uFEFF')).toEqual({ what: 'U+FEFF ZERO WIDTH NO-BREAK SPACE', at: 2, count: 1 });
	});

	it('finds the first and last character of every range it looks for, and names the named ones', () => {
		const found: Record<string, string> = {
			'\u0000': 'U+0000 CONTROL CHARACTER', '\u0008': 'U+0008 CONTROL CHARACTER', '\u000B': 'U+000B CONTROL CHARACTER', '\u000C': 'U+000C CONTROL CHARACTER',
			'\u000E': 'U+000E CONTROL CHARACTER', '\u001F': 'U+001F CONTROL CHARACTER', '\u007F': 'U+007F CONTROL CHARACTER', '\u0080': 'U+0080 CONTROL CHARACTER',
			'\u061C': 'U+061C ARABIC LETTER MARK', '\u180E': 'U+180E MONGOLIAN VOWEL SEPARATOR', '\u200B': 'U+200B ZERO WIDTH SPACE',
			'\u200E': 'U+200E LEFT-TO-RIGHT MARK', '\u200F': 'U+200F RIGHT-TO-LEFT MARK', '\u202A': 'U+202A LEFT-TO-RIGHT EMBEDDING',
			'\u202B': 'U+202B RIGHT-TO-LEFT EMBEDDING', '\u202C': 'U+202C POP DIRECTIONAL FORMATTING', '\u202D': 'U+202D LEFT-TO-RIGHT OVERRIDE',
			'\u2060': 'U+2060 WORD JOINER', '\u2064': 'U+2064 FORMAT CHARACTER', '\u2066': 'U+2066 LEFT-TO-RIGHT ISOLATE', '\u2067': 'U+2067 RIGHT-TO-LEFT ISOLATE',
			'\u2068': 'U+2068 FIRST STRONG ISOLATE', '\u2069': 'U+2069 POP DIRECTIONAL ISOLATE', '\uFFF9': 'U+FFF9 FORMAT CHARACTER', '\uFFFB': 'U+FFFB FORMAT CHARACTER'
		};
		for (const [c, what] of Object.entries(found)) expect(content.invisibleCharacters(`ab${c}`), what).toEqual({ what, at: 3, count: 1 });
		// Their neighbours outside the ranges show, or do a job: no warning.
		for (const c of ['\u0009', '\u000A', '\u000D', '\u0020', '\u007E', '\u00A0', '\u061B', '\u200A', '\u2010', '\u2029', '\u202F', '\u205F', '\u2065', '\u206A', '\uFEFE', '\uFFF8', '\uFFFC'])
			expect(content.invisibleCharacters(`a${c}b`), c.codePointAt(0)!.toString(16)).toBeNull();
	});

	it('leaves tabs, line breaks, the joiners scripts and emoji need, and ordinary text alone', () => {
		expect(content.invisibleCharacters('a\tb\nc\r\nمی\u200Cخواهم 👩\u200D💻 é')).toBeNull();
	});
});

describe('links and images in a text', () => {
	it('finds markdown links (unescaped) and autolinks, not images', () => {
		expect(content.linksIn('Zie [de gids](https://x.org/a\\_b) en <mailto:info@x.org>, ![kaart](media/k.png) en [hier](<https://y.org/a b>).')).toEqual([
			'https://x.org/a_b',
			'https://y.org/a b',
			'mailto:info@x.org'
		]);
		expect(content.linksIn('Geen links: a < b, [x] (y).')).toEqual([]);
	});

	it('reads a link with spaces after "(", and autolinks of any scheme (letters, digits, + . -), not ones with a space', () => {
		expect(content.linksIn('[a]( https://x.org/a) <WEB+cal.v-2:abc> <a:b c>')).toEqual(['https://x.org/a', 'WEB+cal.v-2:abc']);
	});

	it('reads image and link addresses with spaces around the title, and with < or > inside', () => {
		expect(content.imagesIn('![a](media/x.png  "t" ) ![b](<media/a<b.png>) ![c](media/c>d.png)').map((i) => i.src)).toEqual(['media/x.png', 'media/a<b.png', 'media/c>d.png']);
		expect(content.linksIn('[x](https://a.org/a>b) [y](<https://a.org/a<b>)')).toEqual(['https://a.org/a>b', 'https://a.org/a<b']);
	});

	it('finds images with a title in any quotes, escaped brackets in the alt text', () => {
		expect(content.imagesIn("![a \\] b](media/x.png 'titel') ![c](media/y.png (titel))")).toEqual([
			{ src: 'media/x.png', alt: 'a \\] b' },
			{ src: 'media/y.png', alt: 'c' }
		]);
		expect(content.imagesIn('[geen](media/x.png)')).toEqual([]);
	});

	it('reads where an image points: the module folder, the web, or elsewhere', () => {
		expect(content.classifySource('media/kaart.png?v=2#top')).toEqual({ kind: 'module', path: 'media/kaart.png' });
		expect(content.classifySource('././media/a.png')).toEqual({ kind: 'module', path: 'media/a.png' });
		expect(content.classifySource('media/100%.png')).toEqual({ kind: 'module', path: 'media/100%.png' });
		expect(content.classifySource('HTTPS://x.org/a.png')).toEqual({ kind: 'external' });
		expect(content.classifySource('http://x.org/a.png')).toEqual({ kind: 'external' });
		expect(content.classifySource('media/a.png#x?y')).toEqual({ kind: 'module', path: 'media/a.png' });
		expect(content.classifySource('web+x.y-z1:foo')).toEqual({ kind: 'outside' });
		// A scheme counts only at the start, not in the query of a file in the folder.
		expect(content.classifySource('media/x.png?u=http:y')).toEqual({ kind: 'module', path: 'media/x.png' });
		expect(content.classifySource('media/a.png?x=mailto:y')).toEqual({ kind: 'module', path: 'media/a.png' });
		for (const src of ['\\\\server\\a.png', '?v=1', './', 'media/../../x.png', 'mailto:a@b.c'])
			expect(content.classifySource(src), src).toEqual({ kind: 'outside' });
	});
});

describe('code and HTML in a text', () => {
	it.each([
		['< script>', '<script'],
		['<OBJECT data=x>', '<object'],
		['<embed src=x>', '<embed'],
		['<base href=x>', '<base'],
		['<meta http-equiv=refresh>', '<meta'],
		['<link rel=x>', '<link'],
		['<img src=x ONERROR=y>', 'onerror='],
		['[x](vbscript:msgbox)', 'vbscript:'],
		['[x](livescript : y)', 'livescript:'],
		['[x](data : text/html,<b>)', 'data:text/html']
	])('%s is code that could run: %s', (text, what) => {
		expect(content.scanText(text)).toEqual([{ code: 'hostile-content', what }]);
	});

	it('tells code from words that only look like it', () => {
		expect(content.scanText('<frameset cols=2>')).toEqual([{ code: 'hostile-content', what: '<frameset' }]);
		// An attribute that merely ends in "on", a tag that starts like a dangerous one, a scheme inside a word.
		expect(content.scanText('<a salon="x">')).toEqual([{ code: 'html-removed', what: '<a>' }]);
		expect(content.scanText('<metadata>')).toEqual([{ code: 'html-removed', what: '<metadata>' }]);
		expect(content.scanText('<scripted>')).toEqual([{ code: 'html-removed', what: '<scripted>' }]);
		expect(content.scanText('[x](myjavascript:y)')).toEqual([]);
	});

	it('recognises a tag with attributes in any quotes or none, and not a comparison', () => {
		expect(content.scanText("<a href='x' data-id=3 hidden>")).toEqual([{ code: 'html-removed', what: '<a>' }]);
		expect(content.scanText('Kop: <h1>')).toEqual([{ code: 'html-removed', what: '<h1>' }]);
		expect(content.scanText('<1a> en a < b > c')).toEqual([]);
		expect(content.scanText('<a  href="x">')).toEqual([{ code: 'html-removed', what: '<a>' }]);
		expect(content.scanText(`<a href = "x" title='ab cd' data-id=34 hidden>`)).toEqual([{ code: 'html-removed', what: '<a>' }]);
		expect(content.scanText('<a href= "x">')).toEqual([{ code: 'html-removed', what: '<a>' }]);
	});

	it('leaves HTML in a fence indented up to 3 spaces, and until a fence at least as long closes it', () => {
		expect(content.scanText('   ```\n<p>x</p>\n   ```')).toEqual([]);
		expect(content.scanText('````\n<p>x</p>\n```\n<q>\n````')).toEqual([]);
		expect(content.scanText('``<p>`` <i>')).toEqual([{ code: 'html-removed', what: '<i>' }]);
		expect(content.scanText('~~~html\n<p>a b</p>\n~~~')).toEqual([]);
		// Every line of a fence is code, up to its closing fence or, without one, the end of the text.
		expect(content.scanText('```\n<p>x</p>\n<i>y</i>\n```')).toEqual([]);
		expect(content.scanText('~~~\n<p>x</p>\n<i>y</i>')).toEqual([]);
		expect(content.scanText('~~~\n<p>x</p>\n~~~\nna <b>z</b>')).toEqual([{ code: 'html-removed', what: '<b>' }]);
		// A fence starts a line and is three or more of one mark.
		expect(content.scanText('Zie ~~~\n<p>x</p>\n~~~')).toEqual([{ code: 'html-removed', what: '<p>' }]);
		expect(content.scanText('`x` en\n<i>')).toEqual([{ code: 'html-removed', what: '<i>' }]);
		expect(content.scanText('~x\n<i> `y`')).toEqual([{ code: 'html-removed', what: '<i>' }]);
	});

	it('leaves HTML in a code span of any length, and only there', () => {
		expect(content.scanText('`a` <b> `c`')).toEqual([{ code: 'html-removed', what: '<b>' }]);
		expect(content.scanText('`<br/>` en <i>')).toEqual([{ code: 'html-removed', what: '<i>' }]);
		expect(content.scanText('`<a href="x">` en <i>')).toEqual([{ code: 'html-removed', what: '<i>' }]);
	});

	it('reports the first HTML tag the player removes, but not one in code', () => {
		expect(content.scanText('Een <br/> en <span class="x">')).toEqual([{ code: 'html-removed', what: '<br>' }]);
		expect(content.scanText('</DIV>')).toEqual([{ code: 'html-removed', what: '<div>' }]);
		expect(content.scanText('~~~\n<p>code</p>\n~~~')).toEqual([]);
		expect(content.scanText('`<p>` en dan <em>toch</em>')).toEqual([{ code: 'html-removed', what: '<em>' }]);
		expect(content.scanText('Een: dubbele punt en geen tag')).toEqual([]);
	});

	it('in an SVG: the earliest of script, handler, script address and foreignObject, and where it starts', () => {
		expect(content.scanSvg('<svg><foreignObject/></svg>')).toEqual({ what: '<foreignObject', offset: 5 });
		expect(content.scanSvg('<svg>\n <a href="vbscript:x"/><script/></svg>')).toEqual({ what: 'vbscript:', offset: 16 });
		expect(content.scanSvg('<svg><script/><g onclick="x"/></svg>')).toEqual({ what: '<script', offset: 5 });
		expect(content.scanSvg('<svg><g ONCLICK="x"/><script/></svg>')).toEqual({ what: 'onclick=', offset: 5 });
		expect(content.scanSvg('<svg>  <script/>')).toEqual({ what: '<script', offset: 7 });
		expect(content.scanSvg('<svg><g onclick ="x"/>')).toEqual({ what: 'onclick=', offset: 5 });
		expect(content.scanSvg('<svg><a href="javascript :x"/>')).toEqual({ what: 'javascript:', offset: 14 });
		// A script with a handler is reported as the script (the first pattern at that place).
		expect(content.scanSvg('<svg><script onload="x()"/></svg>')).toEqual({ what: '<script', offset: 5 });
	});
});

describe('the study-time estimate', () => {
	it('reads 150 words a minute, 1 minute per decision, 2 per reflection of any kind', () => {
		expect(content.estimateStudyTime(['een twee drie', 'vier'], [])).toEqual({ minutes: 4 / 150, words: 4, decisions: 0, reflections: 0 });
		const kinds = ['scale', 'checklist', 'fields', 'actionplan', 'reflection', 'evaluation', 'persona', 'end'];
		expect(content.estimateStudyTime([], kinds)).toEqual({ minutes: 1 + 5 * 2, words: 0, decisions: 1, reflections: 5 });
	});

	it('counts words with a letter or digit, not punctuation, image or link addresses', () => {
		expect(content.countWords('— 12 … ok! ![alt tekst](media/a b.png) [twee woorden](https://x.org/a b)')).toBe(4);
		expect(content.countWords('  ')).toBe(0);
		expect(content.countWords('Ik zag 3 à 4 katten')).toBe(6);
		// An image or link address separates the words around it.
		expect(content.countWords('Zie![kaart](media/k.png)hier')).toBe(2);
		expect(content.countWords('[twee](https://x.org)woorden')).toBe(2);
	});
});
