import { expect, test, type Page } from '@playwright/test';
import { sticksOut, walkDemo } from './support';

// A youth worker's phone: 360×640 CSS px, touch, mobile viewport rules.
test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

/** Interactive elements smaller than 24×24 px (WCAG 2.5.8), links inside running text aside. */
function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('main a[href], main button, main input, main textarea, main summary, main label, header a, header button')]
			.filter((el) => !el.closest('.prose, .visually-hidden') && (el as HTMLElement).offsetParent !== null)
			.filter((el) => !(el instanceof HTMLInputElement && el.closest('label'))) // the label is the target
			.map((el) => ({ el, r: el.getBoundingClientRect() }))
			.filter(({ r }) => r.width < 24 || r.height < 24)
			.map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
	);
}

/** Where the step card and the progress bar sit on the page (they must not move between steps). */
function anchors(page: Page) {
	return page.evaluate(() => {
		const at = (sel: string) => {
			const r = document.querySelector(sel)?.getBoundingClientRect();
			return r ? `${Math.round(r.left)},${Math.round(r.top + scrollY)},${Math.round(r.width)}` : 'missing';
		};
		return { card: at('article.step'), heading: at('article.step [data-step-heading]'), progress: at('[role=progressbar]'), scrollY: Math.round(scrollY) };
	});
}

test('on a phone every kind of step fits, stays put from step to step, and is easy to hit', async ({ page }) => {
	const problems: string[] = [];
	// Layout shifts once a step is on screen (late images, text or notices arriving after it, the
	// kind that makes a thumb hit the wrong option). The step change itself replaces the card's
	// content; that it lands in the same place is checked with the anchors below.
	await page.addInitScript(() => {
		const w = window as unknown as { shifts: string[]; watching: boolean };
		w.shifts = [];
		w.watching = false;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as unknown as { value: number; sources?: { node?: Node }[] }[])
				if (w.watching && entry.value > 0) w.shifts.push(`${entry.value.toFixed(4)} ${entry.sources?.map((s) => (s.node as Element | undefined)?.className ?? s.node?.nodeName).join(', ')}`);
		}).observe({ type: 'layout-shift' });
	});
	const watchShifts = async (label: string) => {
		// From two frames after the step is shown, for half a second, with no input at all.
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		await page.evaluate(() => ((window as unknown as { watching: boolean }).watching = true));
		await page.waitForTimeout(500);
		const shifts = await page.evaluate(() => {
			const w = window as unknown as { shifts: string[]; watching: boolean };
			w.watching = false;
			return w.shifts.splice(0);
		});
		problems.push(...shifts.map((s) => `${label}: layout shift ${s}`));
	};
	let first: Awaited<ReturnType<typeof anchors>> | null = null;
	await walkDemo(
		page,
		async (label) => {
			problems.push(...(await sticksOut(page)).map((p) => `${label}: ${p}`));
			problems.push(...(await smallTargets(page)).map((p) => `${label}: small target ${p}`));
			await watchShifts(label);
			if (label === 'start page') return;
			// Each step opens at the top, the card and its heading exactly where the last one was.
			const now = await anchors(page);
			first ??= now;
			if (JSON.stringify(now) !== JSON.stringify(first)) problems.push(`${label}: moved ${JSON.stringify(first)} → ${JSON.stringify(now)}`);
			if (label.startsWith('choice') && !label.includes('feedback')) {
				const boxes = await page.locator('article.step button.option').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, top: r.top, bottom: r.bottom })));
				for (const [i, b] of boxes.entries()) {
					// Big, full-width options with room between them: a thumb cannot hit the wrong one.
					if (b.h < 44 || b.w < 280) problems.push(`${label}: option ${i + 1} is ${Math.round(b.w)}×${Math.round(b.h)}px`);
					if (i > 0 && b.top - boxes[i - 1].bottom < 8) problems.push(`${label}: options ${i} and ${i + 1} are ${Math.round(b.top - boxes[i - 1].bottom)}px apart`);
				}
			}
		},
		{ tap: true }
	);
	expect(problems).toEqual([]);
});
