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
 * Speed (profiled with node --cpu-prof, 2026-12-07; `npm run bench -- --only markdown` renders 61
 * texts of one pattern repeated to 100 KB). Some rules of marked's grammar search to the end of
 * the text again at each position, so these texts took seconds; each is changed through marked's
 * own tokenizer (a subclass, KoersTokenizer) and rules, keeping its output (markdown.spec.ts):
 * - GFM e-mail autolinks look for an `@` across every run of address characters: `_a_b…` 114 s,
 *   `a**…` 23 s, `***a…` 19 s, now 0.1 s each. Left out (INLINE_RULES): the authoring guide never
 *   promised bare addresses as links; `[…](mailto:…)` is how to write one.
 * - comments, processing instructions, CDATA and declarations without their end (`x<?…` 8 s,
 *   `<!--…` 9 s): their end's last place in the run is looked up once (rawHtmlCannotEnd), 0.05 s.
 * - bare addresses in a run without spaces (`www.a(…` 20 s, `http://a(…` 11 s): read 64 characters
 *   at a time where that is provably marked's answer, else within 2,112 (KoersTokenizer.url).
 * - links in a run without spaces: marked's link rule reads each address to the end of the run, so
 *   `[a](b)` repeated took 0.5 s, `[a](()` 12 s, `[[a](b)](` 11 s; its address part is now capped
 *   where that provably gives marked's token (boundedLink), 0.04–0.1 s.
 * What is left is linear but above the bench's 50 ms: marked's own work per list item, table row,
 * emphasis or link (about 5 µs a list item, 2–3 µs a link; 60–400 ms for the worst texts, 10–50×
 * plain prose of the same size, depending on the load of the shared 2 cores; markdown-it and
 * commonmark.js were no faster over the whole set). Reaching 50 ms there would mean replacing
 * marked's list tokenizer, that is writing our own parser.
 * A text longer than a module text may be (MAX_TEXT_LENGTH, 20,000 characters: the checker refuses
 * it, so build and package never ship one) is not parsed at all: it is shown as escaped paragraphs,
 * one linear pass. So the 100 KB texts of the bench cost a few ms; the bench's second figure, the
 * same patterns at 20,000 characters through marked, is the worst a shipped text can cost. There,
 * links nested in the label of a link whose address closes far away (`[[x](y)](` repeated, then
 * `)` repeated) were quadratic in marked and here alike (20,000 characters 0.3–0.6 s), each level
 * read to its far end and rejected; an address now nests at most MAX_ADDRESS_NESTING parentheses
 * (CommonMark allows such a limit; commonmark.js stops at 32), which ends that.
 * Our own layers add little: the raw-HTML walk runs only for texts with a `<`, the nesting cap only
 * where a line has 17 markers, and the allowlist scan passes over bare allowed tags and checks each
 * distinct tag with attributes once.
 */

import { Lexer, Marked, Tokenizer, type Token, type TokensList, type Tokens } from 'marked';
import { IMAGE_KINDS, isSafeUrl, LINK_KINDS } from '../engine/safe-url';
import { MAX_TEXT_LENGTH } from './text-limit';

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

// Chained replacements, not one with a call per character: a long text of `<` is 100,000 of them.
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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

/**
 * The resolver of the text being rendered (marked's renderer has no per-call context). Read only
 * by the renderer, which runs only inside layerOne, after layerOne has set it: so it is not reset
 * afterwards (the last resolver stays referenced until the next render, nothing more).
 */
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

/**
 * marked's tokenizer with three of its methods changed (see each), as a subclass: marked wraps
 * methods given as options in a function that allocates on every call, and these three are called
 * at nearly every position of a text.
 */
class KoersTokenizer extends Tokenizer {
	// No tag (the `<` is text) where marked's own rule could not find one either; otherwise its rule.
	tag(src: string) {
		return rawHtmlCannotEnd(src) ? undefined : super.tag(src);
	}

	link(src: string) {
		const token = boundedLink(this, src);
		return token === false ? super.link(src) : token;
	}

	// marked's `url` rule reads a bare address up to the next space or `<` and then trims it, at
	// each address: 100 KB of `www.a(` without a space took 4 s. marked's own tokenizer is shown
	// 64 characters of it, and that token is kept where it is provably marked's (see
	// urlEndsInWindow); otherwise a little more than the 2,048 characters the URL rule allows.
	// What it finds longer than 2,048 characters is text up to the next space or `<` (marked's
	// own end of an address), so no part of it becomes a link. Not quite marked's answer (found
	// 2026-12-07, left as it was, both safe): an address with a `(` whose `)` comes more than
	// 2,112 characters on, where marked makes one address the URL rule refuses (so text) and
	// here the part up to that `(` is a link; and what marked's trimming leaves after a long
	// address, read here as text, not as markdown.
	url(src: string) {
		if (src.length <= SHORT_ADDRESS_WINDOW || !WEB_ADDRESS_START.test(src)) return super.url(src);
		const short = super.url(src.slice(0, SHORT_ADDRESS_WINDOW));
		if (!short || urlEndsInWindow(src, short.raw.length, SHORT_ADDRESS_WINDOW)) return short;
		if (src.length <= ADDRESS_WINDOW) return super.url(src);
		const token = super.url(src.slice(0, ADDRESS_WINDOW));
		if (!token || token.raw.length <= MAX_URL_LENGTH) return token;
		const raw = ADDRESS_RUN.exec(src)![0];
		return { type: 'text', raw, text: raw, escaped: false } as unknown as Tokens.Link;
	}
}

const marked: Marked = new Marked({
	gfm: true,
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

// Options given after construction replace marked's tokenizer with ours (given to the constructor,
// a tokenizer is read as an object of methods to wrap, and a class's methods are not read).
marked.setOptions({ tokenizer: new KoersTokenizer() });

// ---------- marked's grammar, without its quadratic e-mail autolinks ----------

/** What may stand before `@` in a GFM e-mail autolink, as marked's inline grammar spells it. */
const EMAIL_CHARS = "[a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-]";
/** The alternatives of marked's GFM `text` and `url` rules that find bare e-mail addresses. */
const EMAIL_TEXT_PARTS = ['[^a-zA-Z0-9](?=(?:mailto|xmpp):)|', `|(?=${EMAIL_CHARS}+@)`, '|[^a-zA-Z0-9](?=(?:mailto|xmpp):)', `|[^a-zA-Z0-9.!#$%&'*+\\/=?_\`{\\|}~-](?=${EMAIL_CHARS}+@)`];

/**
 * A rule of marked's with some alternatives cut out, or the rule unchanged when one of them is
 * not found (a newer marked spelling it differently: markdown.spec.ts then fails, so it is seen).
 * Exported for its tests, as are webOnly and linkStart: what they do with a rule of another shape.
 */
export function without(rule: RegExp, parts: string[]): RegExp {
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
export function webOnly(rule: RegExp): RegExp {
	const alternatives = rule.source.split('|^'); // The first keeps its `^`: `^^` anchors as `^` does.
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

/** How much of a bare address marked's `url` tokenizer is shown first (see urlEndsInWindow). */
const SHORT_ADDRESS_WINDOW = 64;

/**
 * Whether marked's `url` tokenizer, shown the first `window` characters of `src` (the rest of the
 * innermost inline run), found the address it finds in all of `src`; `length` is what it found.
 * Its rule takes the whole run of characters up to a space or `<`, and then trims the end off
 * again and again (`_backpedal`) until nothing changes. That trimming reads the run from its
 * start and stops at the first place no part of its grammar matches: a `(` without a `)` after it
 * in the run (other stops need the run's end right there). So its answer is the same for the
 * whole run as for the window when the run ends inside the window, or when, after the address it
 * found, the window holds a `(` with no `)` after it anywhere in the text: before that `(`, every
 * `(` of the address found its `)` in the window. Address runs like `www.a(www.a(…` are then read
 * 64 characters at a time, not 2,112.
 */
function urlEndsInWindow(src: string, length: number, window: number): boolean {
	const part = src.slice(0, window);
	if (ADDRESS_RUN.exec(part)![0].length < window) return true;
	const open = part.indexOf('(', length);
	if (open < 0 || open >= window - 1) return false;
	const run = runs.at(-1)!; // See `runs`.
	const at = run.text.length - src.length + open;
	return nextInRun(run, 'close', at) >= nextInRun(run, 'end', at);
}

/** What nextInRun looks for: a `)`, or the end of an address run (a space or `<`, as ADDRESS_RUN). */
const NEXT = { close: /\)/g, end: /[\s<]/g };

/**
 * Where the first `)` (or the end of the address run) at or after `from` is in the run's text,
 * or its length if none. The lexer asks for places further on each time, so the last answer is
 * kept: it holds for every `from` between where that search began and what it found.
 */
function nextInRun(run: Run, key: keyof typeof NEXT, from: number): number {
	const known = (run.next ??= {})[key];
	if (known && known.from <= from && known.at >= from) return known.at;
	NEXT[key].lastIndex = from;
	const at = NEXT[key].exec(run.text)?.index ?? run.text.length;
	run.next[key] = { from, at };
	return at;
}

/**
 * The inline runs (a paragraph's text, a link's text…) being lexed, the innermost last. marked
 * calls the rules that read them (`tag`, `link`, `url`) only from its lexer's inlineTokens, which
 * newLexer wraps, each time with the rest of the run that call was given (it cuts each token off
 * the front), so while one of them runs, `runs.at(-1)` is that run and `src` is its end. That is
 * not checked at each call (a check was here; no test and no mutation run ever reached its
 * branch). Should a later marked call them otherwise: with no run, reading the run throws and
 * layerOne shows the text as escaped paragraphs; with another run, the answers may differ from
 * marked's but stay safe (the renderer and layer 2 check every address and tag). markdown.spec.ts
 * compares with marked, so either shows there.
 */
interface Run {
	text: string;
	/** rawHtmlCannotEnd's answers. */
	lastIndex?: Record<string, number>;
	/** boundedLink's, for long addresses. */
	addresses?: AddressIndex;
	/** urlEndsInWindow's (nextInRun). */
	next?: Partial<Record<keyof typeof NEXT, { from: number; at: number }>>;
}
const runs: Run[] = [];

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
		runs.push({ text: src });
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
	const run = runs.at(-1)!; // See `runs`.
	const end = src.startsWith('<!--') ? '-->' : src.startsWith('<?') ? '?>' : src.startsWith('<![CDATA[') ? ']]>' : '>';
	run.lastIndex ??= {};
	run.lastIndex[end] ??= run.text.lastIndexOf(end);
	return run.lastIndex[end] < run.text.length - src.length;
}

// ---------- marked's `link` rule, read only as far as its answer depends on ----------

/*
 * marked's inline `link` rule, `!?[label](address "title")`, reads an address as a greedy run
 * `(?!<)[^ \t\n\x00-\x1f]+` to the next space, and its tokenizer then cuts the address at its
 * first `)` that closes more than it opened (findClosingBracket): so each link costs the length
 * of the run of characters without a space around it, and `[a](b)` repeated without spaces was
 * quadratic (100 KB: 0.5 s). boundedLink gives marked's own tokenizer the same text with the
 * address part of its rule capped at exactly the address it would have kept, where that is
 * provably the same token; elsewhere it decides nothing (marked's rule as it is) or knows marked
 * finds no link. Why its answers are marked's (non-pedantic, as ours):
 * 1. The label part of the rule (LINK_START) takes one path through the text, except where a
 *    run of two or more backticks followed by `]` can be a code span or text. marked's rule
 *    tries label paths in the same order, so if LINK_START finds none followed by `](`, neither
 *    does marked, and the first it finds (label L) is marked's first.
 * 2. Let the address start right after `](` (no space: spaces there, `<…>` addresses and empty
 *    ones are left to marked, whose rule reads them only to their end), and let u be the first
 *    `)` in its run of non-space characters that closes more than opened, read as
 *    findClosingBracket reads (a backslash skips the next character). If u exists, the address
 *    `…u` followed by `)` matches with label L, so marked's match has label L and an address
 *    at least that long: either exactly that (no title, nothing to cut) or longer, and then cut
 *    at u with the title dropped. Both give the same token: the link ends at u. So does the rule
 *    with its address run capped at any length that reaches u (cappedTokenizer). marked's
 *    tokenizer runs as it is on the whole text (its label check looks past the link), only its
 *    rule is capped, for that call only.
 * 3. If no such `)` comes before the run ends and it ends with more `(` than `)` open, every
 *    address marked could match is either all of the run (findClosingBracket: more open than
 *    closed, no link) or ends at a `)` inside it, which is escaped (no link) or leaves a `(`
 *    open (no link): marked finds no link with label L, nor with another label if there is no
 *    other (1). So boundedLink says "no link" without running the rule.
 * 4. What is left (the run balanced at its end) is marked's rule on the whole text. It reads to
 *    the end of the run and any title after it, but for at most one link per run: a second one
 *    in the same run would sit after an unescaped `(`, one level deeper, so the first would
 *    have found its u.
 * Finding u reads the address up to ADDRESS_SCAN characters, beyond that once per inline run
 * for all its links (addressIndex). markdown.spec.ts compares the output with marked's.
 */

/** The address alternative of marked's link rule that boundedLink caps. */
const ADDRESS_RUN_RULE = '(?!<)[^ \\t\\n\\x00-\\x1f]+';
/** marked's link rule up to `](`: its label part, on its own (see above); null if marked spells it otherwise. */
const LINK_START = linkStart(INLINE_RULES.link);
/** How far an address is read character by character before the run's index is built. */
const ADDRESS_SCAN = 64;

export function linkStart(rule: RegExp): RegExp | null {
	const end = rule.source.indexOf(')\\]\\([ \\t\\n]*(');
	if (end < 0 || rule.source.split(ADDRESS_RUN_RULE).length !== 2) return null;
	return new RegExp(rule.source.slice(0, end + ')\\]\\('.length), rule.flags);
}

/**
 * Per set of rules (each lexer has its own) and cap: the tokenizer as it is but for its link rule,
 * whose address run is capped at the first power of two of at least `length` characters. Any cap
 * that lets the address reach its `)` gives the same token (2), and a few rules compiled once
 * are much cheaper than one per length.
 */
const cappedTokenizers = new WeakMap<object, Map<number, Tokenizer>>();
const cappedRules = new Map<number, RegExp>();

function cappedTokenizer(tokenizer: Tokenizer, length: number): Tokenizer {
	const cap = 2 ** Math.ceil(Math.log2(Math.max(1, length)));
	let byCap = cappedTokenizers.get(tokenizer.rules);
	if (!byCap) cappedTokenizers.set(tokenizer.rules, (byCap = new Map()));
	let capped = byCap.get(cap);
	if (!capped) {
		let link = cappedRules.get(cap);
		if (!link) {
			link = new RegExp(INLINE_RULES.link.source.replace(ADDRESS_RUN_RULE, `(?!<)[^ \\t\\n\\x00-\\x1f]{1,${cap}}`), INLINE_RULES.link.flags);
			cappedRules.set(cap, link);
		}
		// Everything else (lexer, options) is the tokenizer's own, read through the prototype.
		capped = Object.create(tokenizer) as Tokenizer;
		capped.rules = { ...tokenizer.rules, inline: { ...tokenizer.rules.inline, link } };
		byCap.set(cap, capped);
	}
	return capped;
}

/** Where an address starting at `from` ends, read as marked's findClosingBracket reads it. */
interface AddressEnd {
	/** The first `)` that closes more than was opened, or -1 if none before the run ends. */
	close: number;
	/** Where the run of non-space characters ends (a space, a control character or the end); -1 if not read that far. */
	end: number;
	/** `(` minus `)` from `from` to `end`, when close is -1. */
	open: number;
	/** Parentheses nest deeper than MAX_ADDRESS_NESTING before the address closes: no link. */
	tooDeep?: boolean;
}

/**
 * How deep parentheses may nest in a link's address. CommonMark lets an implementation set such a
 * limit (commonmark.js: 32); marked has none, and a link whose address nests without end
 * (`[[x](y)](` repeated, then `)` repeated) cost it quadratic time, rejected at every level. Past
 * the limit there is no link, where marked may find one (no author nests 33 parentheses).
 */
const MAX_ADDRESS_NESTING = 32;

/** Reads the address character by character; undefined past ADDRESS_SCAN characters. */
function readAddress(src: string, from: number): AddressEnd | undefined {
	let open = 0;
	for (let i = from; i < src.length; i++) {
		if (i - from >= ADDRESS_SCAN) return undefined;
		const c = src.charCodeAt(i);
		if (c <= 0x20) return { close: -1, end: i, open };
		if (c === 92) {
			// A backslash skips the next character, unless the run ends there.
			if (!(src.charCodeAt(i + 1) > 0x20)) return { close: -1, end: i + 1, open };
			i++;
		} else if (c === 40) {
			if (++open > MAX_ADDRESS_NESTING) return { close: -1, end: -1, open, tooDeep: true };
		} else if (c === 41) {
			if (open === 0) return { close: i, end: -1, open: 0 };
			open--;
		}
	}
	return { close: -1, end: src.length, open };
}

/**
 * The same reading for every position of an inline run at once, for long addresses (`[a](`
 * repeated: each address runs to the end of the text). One pass from the start: `depth` is the
 * count of open `(` before each position; an address starts after a `(`, where that pass is
 * not skipping a character, so from there on it reads as readAddress would. Its `)` that closes
 * more than opened is the first unescaped `)` at its own depth (`close`), the run's end the
 * first space or control character (`end`).
 */
interface AddressIndex {
	depth: Int32Array;
	close: Int32Array;
	end: Int32Array;
	/** The first place at or after each position that is MAX_ADDRESS_NESTING + 1 deeper, or -1. */
	tooDeepAt: Int32Array;
}

function addressIndex(text: string): AddressIndex {
	const n = text.length;
	const depth = new Int32Array(n + 1);
	const escaped = new Uint8Array(n);
	let open = 0;
	for (let i = 0; i < n; i++) {
		depth[i] = open;
		const c = text.charCodeAt(i);
		if (c === 92 && i + 1 < n) {
			depth[i + 1] = open;
			escaped[i + 1] = 1;
			i++;
		} else if (c === 40) open++;
		else if (c === 41) open--;
	}
	depth[n] = open;
	const close = new Int32Array(n);
	const end = new Int32Array(n + 1);
	// The nearest unescaped `)` to the right at each depth, depths -n…n shifted by n; and the
	// nearest place at each depth (depth moves by one at a time, so the first place deeper by k is
	// the first at that depth).
	const nearest = new Int32Array(2 * n + 1).fill(-1);
	const nearestAtDepth = new Int32Array(2 * n + 2).fill(-1);
	const tooDeepAt = new Int32Array(n).fill(-1);
	end[n] = n;
	nearestAtDepth[depth[n] + n] = n;
	for (let i = n - 1; i >= 0; i--) {
		const c = text.charCodeAt(i);
		end[i] = c <= 0x20 ? i : end[i + 1];
		if (c === 41 && !escaped[i]) nearest[depth[i] + n] = i;
		close[i] = nearest[depth[i] + n];
		nearestAtDepth[depth[i] + n] = i;
		const deeper = depth[i] + MAX_ADDRESS_NESTING + 1 + n;
		if (deeper <= 2 * n + 1) tooDeepAt[i] = nearestAtDepth[deeper];
	}
	return { depth, close, end, tooDeepAt };
}

/** readAddress for `src`, the rest of the innermost inline run, through the run's index. */
function indexedAddress(src: string, from: number): AddressEnd | undefined {
	const run = runs.at(-1)!; // See `runs`.
	run.addresses ??= addressIndex(run.text);
	const { depth, close, end, tooDeepAt } = run.addresses;
	const at = run.text.length - src.length + from;
	const offset = run.text.length - src.length;
	const closes = close[at] !== -1 && close[at] < end[at] ? close[at] : end[at];
	if (tooDeepAt[at] !== -1 && tooDeepAt[at] <= closes) return { close: -1, end: -1, open: 0, tooDeep: true };
	if (close[at] !== -1 && close[at] < end[at]) return { close: close[at] - offset, end: end[at] - offset, open: 0 };
	return { close: -1, end: end[at] - offset, open: depth[end[at]] - depth[at] };
}

function boundedLink(tokenizer: Tokenizer, src: string): Tokens.Link | Tokens.Image | undefined | false {
	// marked's own first answers: no `)` in the run, or not `[` or `![`, is no link.
	const first = src.charCodeAt(0);
	if ((first !== 91 && first !== 33) || tokenizer.lexer.state.linkParenPossible === false) return undefined;
	if (!LINK_START || tokenizer.rules.inline.link !== INLINE_RULES.link) return false;
	const start = LINK_START.exec(src);
	if (!start) return undefined; // (1)
	const from = start[0].length;
	const c = src.charCodeAt(from);
	if (!(c > 0x20) || c === 60) return false; // (2): a space, `<`, a control character or the end
	const address = readAddress(src, from) ?? indexedAddress(src, from);
	if (!address) return false;
	if (address.tooDeep) return undefined;
	if (address.close >= 0) {
		// (2) marked's own tokenizer, its link rule capped for this call only; as it is where the
		// run ends soon after u anyway (a long capped run is slower to read than marked's own).
		if (address.end >= 0 && address.end - from <= 2 * (address.close - from) + ADDRESS_SCAN) return false;
		return Tokenizer.prototype.link.call(cappedTokenizer(tokenizer, address.close - from), src);
	}
	if (address.open > 0 && !start[1].includes('``]')) return undefined; // (3)
	return false; // (4)
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

/**
 * The text, escaped, in paragraphs: when marked cannot parse a text (tens of thousands of nested
 * quotes overflow its stack), and for a text longer than a module text may be (MAX_TEXT_LENGTH),
 * which never ships (the checker refuses it): one that reaches the player anyway costs one linear
 * pass, not marked's work per token (quadratic for some nested links; README.md, "Speed").
 */
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
	// A tag with attributes is checked once per text: thousands of the same link cost one check.
	const checked = new Map<string, string>();
	return html.replace(TAG_OR_LT, (whole, slash: string, rawName: string, attributes: string) => {
		if (!rawName) return '&lt;';
		const name = rawName.toLowerCase();
		const allowed = ALLOWED[name];
		if (!allowed) return '';
		if (slash) return `</${name}>`;
		if (!attributes) return `<${name}>`;
		let tag = checked.get(whole);
		if (tag === undefined) checked.set(whole, (tag = keptAttributes(name, allowed, attributes)));
		return tag;
	});
}

/** An allowed tag with only its allowed attributes, and addresses only where safeUrl keeps them. */
function keptAttributes(name: string, allowed: string[], attributes: string): string {
	let kept = '';
	for (const [, rawAttr, value = ''] of attributes.matchAll(ATTRIBUTE)) {
		const attr = rawAttr.toLowerCase();
		if (!allowed.includes(attr)) continue;
		if (attr === 'href' || attr === 'src') {
			if (value.replace(KNOWN_REFERENCE, '').includes('&')) continue;
			// Checked as written, not decoded: a known reference stands for `&`, `<`, `>`, `"` or `'`,
			// none of which can be part of a scheme, start an address (`/`, `\`, `#`) or be stripped
			// as a control character, so decoding never changes what safeUrl decides.
			if (safeUrl(value, attr === 'src' ? 'image' : 'link') === null) continue;
		}
		kept += ` ${attr}="${value}"`;
	}
	return `<${name}${kept}>`;
}

// ---------- layer 2 in the browser: the allowlist again, in an inert document ----------

/** Removed with everything inside; any other unknown tag is unwrapped (its text stays). */
const DROP = new Set(['script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'noscript', 'textarea', 'select', 'input', 'button', 'form', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Exported for its tests: layer 2 in the browser, on its own. Through renderMarkdown it only ever
 * sees the tag scanner's output (allowed tags and attributes), so what it removes is only seen here.
 */
export function allowlist(html: string): string {
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
		// Only `a` keeps an href (ALLOWED).
		if (el.hasAttribute('href')) {
			el.setAttribute('target', '_blank');
			el.setAttribute('rel', 'noopener noreferrer');
		}
		clean(el);
	}
}

/**
 * Renders a module text (markdown) to safe HTML (see the top of this file). Relative image and
 * link paths resolve inside the module folder. Longer than MAX_TEXT_LENGTH: plain paragraphs.
 */
export function renderMarkdown(text: string, resolveFile: (path: string) => string): string {
	if (text.length > MAX_TEXT_LENGTH) return plainParagraphs(text);
	return allowlist(scanAllowlist(layerOne(text, resolveFile)));
}

/** Inline markdown (no paragraphs), for option labels and short texts. */
export function renderInline(text: string, resolveFile: (path: string) => string): string {
	const html = renderMarkdown(text, resolveFile).trim();
	// One paragraph and nothing around it: its only `<p>` at the start, its end at the end.
	return html.lastIndexOf('<p>') === 0 && html.endsWith('</p>') ? html.slice(3, -4) : html;
}
