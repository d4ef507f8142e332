import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, plus axe's best practices (headings, landmarks, skip link). */
export const AXE_TAGS = ['best-practice', 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// axe-core as @axe-core/playwright ships it. We inject it ourselves, once per document: AxeBuilder
// re-injects ~0.5 MB on every analyze() and opens a blank page to finish, about 3 s per check
// against 0.2 s here, and the matrix below runs some eighty checks.
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js', { paths: [require.resolve('@axe-core/playwright')] });
const axeSource = readFileSync(axePath, 'utf8');

interface Violation {
	id: string;
	impact: string | null;
	nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page and returns one readable line per violating element (empty when clean). */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(async (tags) => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return result.violations as Violation[];
	}, AXE_TAGS);
	return violations.flatMap((v) =>
		v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
	);
}

/** The kind of step shown: a node kind, or 'feedback' after a decision. */
export async function stepKind(page: Page) {
	const step = page.locator('article.step');
	await expect(step).toBeVisible();
	return (await step.getAttribute('data-kind')) ?? '';
}

/** Is the focused element (or, for a visually hidden input, the box drawn for it) outlined? */
export async function focusIsVisible(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return false;
		const outlined = (e: Element | null) => {
			if (!e) return false;
			const s = getComputedStyle(e);
			return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
		};
		// Custom radio boxes (the evaluation's rating) hide the input and outline the next element.
		return outlined(el) || (el instanceof HTMLInputElement && getComputedStyle(el).opacity === '0' && outlined(el.nextElementSibling));
	});
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, as a keyboard user
 * would, and fails with what had focus if it never gets there.
 */
export async function tabTo(page: Page, selector: string, { back = false, max = 60 } = {}) {
	const seen: string[] = [];
	for (let i = 0; i < max; i++) {
		const here = await page.evaluate((sel) => {
			const el = document.activeElement;
			return el?.matches(sel) ? null : `${el?.tagName.toLowerCase()}${el?.id ? '#' + el.id : ''} "${(el?.textContent ?? '').trim().slice(0, 30)}"`;
		}, selector);
		if (here === null) return;
		seen.push(here);
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`Could not reach ${selector} with ${back ? 'Shift+Tab' : 'Tab'}; focus went through: ${seen.join(' → ')}`);
}

/** Whether the focused element is the heading of the step shown. */
export function focusOnStepHeading(page: Page) {
	return page.evaluate(() => !!document.activeElement?.matches('article.step [data-step-heading], .screen > .card [data-step-heading]'));
}

/**
 * What a screen reader meets, in reading order: Playwright's ARIA snapshot of `scope` flattened to
 * one "role: name or text" line per node (quotes and YAML escapes removed).
 */
export async function heard(page: Page, scope = 'main'): Promise<string[]> {
	const snapshot = await page.locator(scope).ariaSnapshot();
	return snapshot
		.split('\n')
		.map((line) => line.trim().replace(/^- /, ''))
		.map((line) => (line.startsWith("'") && line.endsWith("'") ? line.slice(1, -1).replace(/''/g, "'") : line))
		.map((line) => {
			const m = /^([a-z]+)(?: "((?:[^"\\]|\\.)*)")?(?: \[[^\]]*\])*:?\s*(.*)$/.exec(line);
			if (!m) return line;
			const text = (m[2] ?? m[3] ?? '').replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');
			// A space before punctuation (block-level parts of a name) is not heard; drop it.
			return `${m[1]}: ${text.replace(/\s+([:.,;])/g, '$1')}`.trim();
		});
}

/**
 * Fails unless `lines` contain the expected [role, text] pairs in this order (other lines may sit
 * between them). Text matches when the line holds it, whitespace collapsed.
 */
export function expectInOrder(lines: string[], expected: [role: string, text: string][]) {
	const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
	let at = 0;
	for (const [role, text] of expected) {
		const found = lines.findIndex((line, i) => i >= at && line.startsWith(`${role}:`) && norm(line).includes(norm(text)));
		if (found === -1) throw new Error(`Expected ${role} "${text}" after line ${at} of:\n${lines.map((l, i) => `${i}: ${l}`).join('\n')}`);
		at = found + 1;
	}
}

/**
 * Plays the demo through every kind of step (content, persona, choice and its feedback, a quiz
 * with one and one with several answers and their feedback, reflection, evaluation, end) and calls
 * `visit` on each, with a label. `tap` uses touch instead of the mouse.
 */
export async function walkDemo(page: Page, visit: (label: string) => Promise<void>, { tap = false } = {}) {
	const press = (selector: string) => (tap ? page.locator(selector).tap() : page.locator(selector).click());
	const advance = async (selector: string, label: string) => {
		const step = page.locator('article.step');
		const before = (await step.count()) ? `${await step.getAttribute('data-node')}:${await step.getAttribute('data-kind')}` : '';
		await press(selector);
		await expect.poll(async () => `${await step.getAttribute('data-node')}:${await step.getAttribute('data-kind')}`).not.toBe(before);
		await expect(page.locator('article.step [data-step-heading]')).toBeFocused();
		await visit(label);
	};
	const next = (label: string) => advance('article.step .actions button.button', label);
	await page.goto('#/play/demo');
	await expect(page.locator('[data-step-heading]')).toBeVisible();
	await visit('start page');
	await advance('.start .actions button', 'content');
	await next('persona');
	await next('choice');
	await advance('button[data-option=talk]', 'choice feedback');
	await next('content after a choice');
	await next('content');
	await next('choice');
	await advance('button[data-option=ask]', 'choice feedback');
	await next('quiz (one answer)');
	await press('article.step label.answer:nth-of-type(1)');
	await advance('article.step button[type=submit]', 'quiz feedback (wrong)');
	await next('quiz (several answers)');
	await press('article.step label.answer:nth-of-type(1)');
	await press('article.step label.answer:nth-of-type(3)');
	await advance('article.step button[type=submit]', 'quiz feedback (right)');
	await next('reflection');
	await page.locator('article.step textarea').fill('Ik stelde me voor en vroeg wat hij zocht. '.repeat(3));
	await advance('article.step button[type=submit]', 'evaluation');
	await press('article.step label.mark:nth-of-type(8)');
	await advance('article.step button[type=submit]', 'end and result');
	await expect(page.locator('[data-testid=score]')).toBeVisible();
}

/** Elements in `main` that stick out of the viewport sideways (visually hidden ones aside). */
export function sticksOut(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const out: string[] = [];
		for (const el of document.querySelectorAll('main *')) {
			if (el.closest('.visually-hidden')) continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.right > width + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.left)}–${Math.round(r.right)} of ${width}px`);
		}
		if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in ${width}px`);
		return out;
	});
}

/**
 * Words broken across two lines although they would fit on one (a squeezed box breaking text
 * mid-word, "Koer|s"): hard to read. Words wider than their box may break; that is reflow. A box
 * can itself be squeezed (a flex item), so a word under 40 % of the page's width never may.
 */
export function brokenWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('.visually-hidden, script, style') || !parent.offsetParent) continue;
			const text = node.textContent ?? '';
			for (const match of text.matchAll(/[^\s\-–—/]{2,}/g)) {
				const range = document.createRange();
				range.setStart(node, match.index!);
				range.setEnd(node, match.index! + match[0].length);
				const rects = [...range.getClientRects()].filter((r) => r.width > 0);
				if (rects.length < 2) continue;
				let box: Element | null = parent;
				while (box && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
				const width = rects.reduce((sum, r) => sum + r.width, 0);
				if ((box && width < box.clientWidth * 0.9) || width < document.documentElement.clientWidth * 0.4) out.push(`"${match[0]}" in ${parent.tagName.toLowerCase()}.${[...parent.classList].join('.')}`);
			}
		}
		return out;
	});
}
